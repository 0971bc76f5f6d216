"""The engine set-up: foreign keys on, WAL, busy timeout, synchronous NORMAL — on every connection; the database
checks statuses, types and roles."""
from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy.exc import IntegrityError

from app.store.engine import PAGE_SIZE, make_engine
from app.store.models import Event, Person
from tests.conftest import Do


@pytest.mark.parametrize("pragma, expected", [
    ("foreign_keys", 1), ("journal_mode", "wal"), ("busy_timeout", 15000), ("synchronous", 1),
])
def test_every_connection_has_the_pragmas(register, pragma, expected):
    with register.engine.connect() as conn:
        assert conn.exec_driver_sql(f"PRAGMA {pragma}").scalar() == expected


def test_a_new_register_has_8_kib_pages_and_an_older_file_keeps_its_own(register, tmp_path):
    with register.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA page_size").scalar() == PAGE_SIZE == 8192
    older = tmp_path / "older.db"
    made = sqlite3.connect(older)
    made.execute("PRAGMA page_size=4096")
    made.execute("CREATE TABLE t (x)")
    made.close()
    engine = make_engine(older)
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO t VALUES (1)")
        assert conn.exec_driver_sql("PRAGMA page_size").scalar() == 4096
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    engine.dispose()


def test_foreign_keys_are_enforced(any_register):
    with pytest.raises(IntegrityError):
        any_register.apply(Do(lambda ctx: ctx.add(Person(commune_id=ctx.commune_id, full_name="A", name_key="a",
                                                         household_id="no-such-household"))))


@pytest.mark.parametrize("obj", [
    lambda cid: Person(commune_id=cid, full_name="A", name_key="a", status="deleted"),
    lambda cid: Event(commune_id=cid, type="wedding", effective_date="2026-01-01"),
])
def test_statuses_and_event_types_are_checked_by_the_database(any_register, obj):
    with pytest.raises(IntegrityError):
        any_register.apply(Do(lambda ctx: ctx.add(obj(ctx.commune_id))))
