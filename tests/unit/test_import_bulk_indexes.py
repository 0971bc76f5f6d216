"""A large first import on SQLite makes the persons' indexes after inserting: the schema ends as it began, a failed
import leaves the indexes in place, and the audit trail and undo are the same as with the indexes kept."""
from __future__ import annotations

import sys
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.io import import_persons
from app.io import operation as import_operation
from app.register import Register
from app.store import write
from app.store.models import AuditEntry, Household, Person

sys.path.insert(0, str(Path(__file__).parents[1] / "corpus"))
from make_sheets import xlsx

from tests.conftest import COMMUNE

TODAY = date(2025, 12, 1)
HEADER = ["Họ và tên", "Ngày sinh", "Mã hộ", "Quan hệ với chủ hộ", "Mã số BHXH"]
ROWS = [[f"Nguyễn Văn {chr(65 + i)}", f"0{1 + i % 9}/03/19{50 + i}", f"H{i // 2}", "Chủ hộ" if i % 2 == 0 else "Con",
         f"36012345{i:02d}"] for i in range(12)]


def schema(register) -> list[tuple[str, str]]:
    with register.reading() as s:
        return sorted(s.connection().exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all())


def trail(register) -> list[tuple]:
    with register.reading() as s:
        return [(e.entity, e.field, str(e.old), str(e.new)) for e in s.scalars(
            select(AuditEntry).where(AuditEntry.entity.in_(("person", "household"))).order_by(AuditEntry.id))]


def ids_removed(entries: list[tuple], ids: list[str]) -> list[tuple]:
    out = []
    for entry in entries:
        text = " ".join(map(str, entry))
        for n, i in enumerate(ids):
            text = text.replace(i, f"<{n}>")
        out.append(text)
    return out


@pytest.fixture
def small_rebuild(monkeypatch):
    monkeypatch.setattr(write, "REBUILD_INDEXES_FROM", 5)


def test_indexes_made_again_and_the_trail_is_the_same(register, tmp_path, monkeypatch, small_rebuild):
    before = schema(register)
    assert any(name.startswith("ix_persons_") for name, _sql in before)
    dropped: list[str] = []
    real = write._indexes_rebuilt

    def spy(session, table, adding, rowid):
        found = session.connection().exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                                                     "AND tbl_name = ? AND sql IS NOT NULL", (table.name,))
        count = found.scalar()
        with real(session, table, adding, rowid):
            after = session.connection().exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                                                         "AND tbl_name = ? AND sql IS NOT NULL", (table.name,))
            if after.scalar() < count:
                dropped.append(table.name)
            yield

    monkeypatch.setattr(write, "_indexes_rebuilt", contextmanager(spy))
    path = xlsx(tmp_path / "f.xlsx", [HEADER] + ROWS)
    report = import_persons(register, path, today=TODAY)
    assert report.committed and report.persons_added == 12 and report.households_added == 6
    assert "persons" in dropped
    assert schema(register) == before
    with register.reading() as s:
        assert s.connection().exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert s.scalar(select(func.count()).select_from(Person).where(Person.bhxh_code == "3601234507")) == 1
        persons = list(s.scalars(select(Person.id).order_by(Person.id)))
        households = list(s.scalars(select(Household.id).order_by(Household.id)))
    # Every created person and household is audited, each household's head too.
    entries = trail(register)
    assert sum(1 for e in entries if e[:2] == ("person", "*")) == 12
    assert sum(1 for e in entries if e[:2] == ("household", "*")) == 6
    assert sum(1 for e in entries if e[:2] == ("household", "head_person_id")) == 6
    # The same file into a register where the indexes are kept gives the same trail (ids aside).
    monkeypatch.setattr(write, "REBUILD_INDEXES_FROM", 10**9)
    kept = Register.create(tmp_path / "kept.db", COMMUNE, user="test")
    try:
        dropped.clear()
        assert import_persons(kept, path, today=TODAY).committed
        assert not dropped
        with kept.reading() as s:
            kept_persons = list(s.scalars(select(Person.id).order_by(Person.id)))
            kept_households = list(s.scalars(select(Household.id).order_by(Household.id)))
        assert ids_removed(trail(kept), [kept.commune_id] + kept_persons + kept_households) == \
            ids_removed(entries, [register.commune_id] + persons + households)
    finally:
        kept.close()
    # Undone as any import: what it created is voided.
    assert register.undo() is not None
    with register.reading() as s:
        assert s.scalar(select(func.count()).select_from(Person).where(Person.status == "active")) == 0
    assert schema(register) == before


def test_a_failed_import_leaves_the_indexes(register, tmp_path, monkeypatch, small_rebuild):
    before = schema(register)

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk gone")

    monkeypatch.setattr(import_operation, "_issues", broken)
    path = xlsx(tmp_path / "f.xlsx", [HEADER] + ROWS)
    with pytest.raises(RuntimeError):
        import_persons(register, path, today=TODAY)
    assert schema(register) == before
    with register.reading() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 0
