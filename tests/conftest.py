"""Shared fixtures: registers in temporary folders (or throw-away PostgreSQL databases), never the user's files."""
from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from app import messages
from app.operations import Changes, OpContext, Operation
from app.register import Register

sys.path.insert(0, str(Path(__file__).parent))
from pg import Cluster

COMMUNE = {"commune_name": "Xã Dân Lý", "commune_code": "15703", "province_code": "38",
           "province_name": "Tỉnh Thanh Hóa"}


@dataclass(frozen=True)
class Do(Operation):
    """A test's own operation: runs `fn(ctx)` in the action's transaction (tests write through Register.apply
    like everyone else)."""

    fn: Callable[[OpContext], Any] = field(compare=False)
    name: str = "test"

    kind = "test"
    label_key = "action.legacy"

    def label_params(self) -> dict[str, Any]:
        return {"label": self.name}

    def params(self) -> dict[str, Any]:
        return {"name": self.name}

    def apply(self, ctx: OpContext) -> Changes:
        ctx.value = self.fn(ctx)
        ctx.session.flush()
        return ctx.changes


@pytest.fixture(autouse=True)
def _vietnamese_messages():
    messages.set_language("vi")
    yield
    messages.set_language("vi")


@pytest.fixture
def register(tmp_path):
    reg = Register.create(tmp_path / "xa.db", COMMUNE, user="test")
    yield reg
    reg.close()


# --- PostgreSQL ---------------------------------------------------------------------------------------------------
_cluster: Cluster | None = None
_template: str | None = None


def _pg() -> Cluster:
    global _cluster
    if _cluster is None:
        try:
            _cluster = Cluster()
        except Exception as exc:
            if os.environ.get("HGD_REQUIRE_PG"):
                raise
            pytest.skip(f"no PostgreSQL for the tests: {exc}")
    return _cluster


def pg_database(migrated: bool = True) -> str:
    """A fresh database on the test cluster (at the schema's head when `migrated`); its URL."""
    global _template
    cluster = _pg()
    if not migrated:
        return cluster.database()
    if _template is None:
        from app.store import migrate
        from app.store.engine import make_engine

        url = cluster.database()
        engine = make_engine(url)
        migrate.upgrade(engine)
        engine.dispose()
        _template = url.rsplit("/", 1)[1].split("?", 1)[0]
    return cluster.database(_template)


def pytest_sessionfinish(session, exitstatus):
    if _cluster is not None:
        _cluster.stop()


@pytest.fixture
def pg_empty():
    """An empty database on the test PostgreSQL cluster (no schema): its URL."""
    return pg_database(migrated=False)


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path):
    """Where a register goes: a SQLite file, or a PostgreSQL database (both run every test that takes it)."""
    if request.param == "sqlite":
        return str(tmp_path / "xa.db")
    return pg_database()


@pytest.fixture
def any_register(db):
    """A commune register on SQLite and on PostgreSQL."""
    reg = Register.create(db, COMMUNE, user="test")
    yield reg
    reg.close()
