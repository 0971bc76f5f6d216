"""Two writers at once: two imports of the same file store its persons once (the second waits for the first and
finds them there, or is refused as busy — never a duplicate), ten times over on SQLite and twice on PostgreSQL;
an import and an event at once both land."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).parents[1]))
sys.path.insert(0, str(Path(__file__).parents[1] / "corpus"))
from make_db_targets import big_csv

import forked
from app.register import Register

PERSONS = 600
COMMUNE = {"commune_name": "Xã Dân Lý", "commune_code": "15703"}
EVENT = ["event", "move-in", "--new-household", "HDONG1", "--name", "Lê Văn Đồng", "--sex", "M", "--born",
         "1991-01-01", "--relation", "Chủ hộ", "--date", "2025-02-01"]


@pytest.fixture(scope="module")
def csv(tmp_path_factory):
    path = tmp_path_factory.mktemp("input") / "nguoi.csv"
    path.write_text(big_csv(PERSONS), encoding="utf-8")
    return path


def together(*argvs: list[str]) -> list[forked.Outcome]:
    """Start the commands at the same moment (each child waits on one pipe the parent then closes)."""
    forked.preload()
    read, write = os.pipe()

    def wait_for_start() -> None:
        os.close(write)
        os.read(read, 1)

    started = [forked.start(argv, before=wait_for_start) for argv in argvs]
    os.close(read)
    os.close(write)  # every child's read returns: go
    return [forked.wait(*s, timeout=120) for s in started]


def counts(url: str) -> tuple[int, int, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            persons = conn.execute(text("SELECT COUNT(*) FROM persons WHERE status != 'void'")).scalar()
            doubles = conn.execute(text("SELECT COUNT(*) FROM (SELECT name_key, birth_date FROM persons "
                                        "WHERE status != 'void' GROUP BY name_key, birth_date "
                                        "HAVING COUNT(*) > 1) d")).scalar()
            households = conn.execute(text("SELECT COUNT(*) FROM households WHERE status != 'void'")).scalar()
    finally:
        engine.dispose()
    return persons, doubles, households


def _two_imports(db: str, url: str, csv: Path) -> None:
    Register.create(db, COMMUNE, user="test").close()
    argv = ["import", "--db", db, str(csv), "--json"]
    first, second = together(argv, argv)
    added = sorted((o.json()["persons_added"] if o.key == "ok" else o.key for o in (first, second)), key=str)
    # the second planned on the first's result (all present), or gave up waiting with a clear message
    assert added in ([0, PERSONS], [PERSONS, "db.busy"]), (first.err, second.err)
    assert counts(url) == (PERSONS, 0, PERSONS // 3)


def test_two_imports_of_one_file_at_once_store_its_persons_once_ten_times(csv, tmp_path):
    for i in range(10):
        db = tmp_path / f"xa{i}.db"
        _two_imports(str(db), f"sqlite:///{db}", csv)


def test_two_imports_of_one_file_at_once_on_postgresql_twice(csv, pg_empty):
    from tests.conftest import pg_database

    for url in (pg_empty, pg_database(migrated=False)):
        _two_imports(url, url, csv)


def test_an_import_and_an_event_at_once_both_land(csv, tmp_path):
    for i in range(3):
        db = str(tmp_path / f"xa{i}.db")
        Register.create(db, COMMUNE, user="test").close()
        imported, event = together(["import", "--db", db, str(csv), "--json"], [*EVENT, "--db", db, "--json"])
        assert (imported.key, event.key) == ("ok", "ok"), (imported.err, event.err)
        assert counts(f"sqlite:///{db}") == (PERSONS + 1, 0, PERSONS // 3 + 1)
