"""The audit trail: every insert and update of every table an operation touches, typed old and new values, in
the same transaction; nothing deleted; no change outside an action — on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from app.ids import new_id
from app.store import write
from app.store.models import AuditEntry, Event, Household, Person, Setting
from tests.conftest import Do


def _entries(register, entity_id):
    with register.reading() as s:
        return s.scalars(select(AuditEntry).where(AuditEntry.entity_id == entity_id).order_by(AuditEntry.id)).all()


def _household(ctx, code="H01", **more):
    return ctx.add(Household(commune_id=ctx.commune_id, code=code, **more))


def _person(ctx, name="Nguyễn Văn Hùng", **more):
    from app.domain.text import search_key

    return ctx.add(Person(commune_id=ctx.commune_id, full_name=name, name_key=search_key(name), **more))


def test_creating_a_person_records_who_when_and_a_typed_snapshot(any_register):
    def add(ctx):
        h = _household(ctx)
        return _person(ctx, household_id=h.id, sex="M", birth_year=1975).id

    pid = any_register.apply(Do(add, "Thêm người")).value
    entries = _entries(any_register, pid)
    assert [(e.entity, e.field, e.old) for e in entries] == [("person", "*", None)]
    snap = entries[0].new
    assert snap["full_name"] == "Nguyễn Văn Hùng" and snap["status"] == "active" and snap["birth_year"] == 1975
    assert "created_at" not in snap and entries[0].actor == "test"


def test_updating_fields_records_old_and_new_typed_values_per_field(any_register):
    pid = any_register.apply(Do(lambda ctx: _person(ctx, "Lê Thị Hoa", sex="F").id)).value

    def correct(ctx):
        q = ctx.session.get(Person, pid)
        q.full_name, q.birth_year, q.sex = "Lê Thị Hòa", 1990, "F"  # sex unchanged: no entry

    any_register.apply(Do(correct))
    changes = sorted((e.field, e.old, e.new) for e in _entries(any_register, pid) if e.field != "*")
    assert changes == [("birth_year", None, 1990), ("full_name", "Lê Thị Hoa", "Lê Thị Hòa")]


@pytest.mark.parametrize("make", ["setting", "event"])
def test_settings_and_events_are_audited_too(any_register, make):
    def add(ctx):
        if make == "setting":
            ctx.add(Setting(key="form.d03", value="490"))
            return "form.d03"
        return ctx.add(Event(commune_id=ctx.commune_id, type="birth", effective_date="2026-11-02",
                             details={"ghi_chú": "Sinh tại nhà", "n": 1})).id

    key = any_register.apply(Do(add)).value
    (entry,) = _entries(any_register, key)
    assert entry.field == "*" and entry.entity == make
    if make == "event":
        assert entry.new["details"] == {"ghi_chú": "Sinh tại nhà", "n": 1}


def test_a_change_and_its_audit_roll_back_together(any_register):
    pid = any_register.apply(Do(lambda ctx: _person(ctx, "Trần Văn An").id)).value

    def fail(ctx):
        ctx.session.get(Person, pid).full_name = "Trần Văn Ân"
        ctx.session.flush()
        raise RuntimeError("the user cancelled")

    with pytest.raises(RuntimeError):
        any_register.apply(Do(fail))
    assert [e.field for e in _entries(any_register, pid)] == ["*"]
    with any_register.reading() as s:
        assert s.get(Person, pid).full_name == "Trần Văn An"


def test_a_person_is_never_deleted(any_register):
    pid = any_register.apply(Do(lambda ctx: _person(ctx, "Phạm Văn Bình").id)).value

    def delete(ctx):
        ctx.session.delete(ctx.session.get(Person, pid))
        ctx.session.flush()

    with pytest.raises(RuntimeError, match="nothing in the register is deleted"):
        any_register.apply(Do(delete))
    with any_register.reading() as s:
        assert s.get(Person, pid) is not None


def test_changes_outside_an_action_are_refused(register):
    with register.reading() as s, pytest.raises(RuntimeError, match="outside an action"):
        s.add(Household(commune_id=register.commune_id, code="H-NO-ACTION"))
        s.flush()


def test_bulk_and_orm_inserts_write_the_same_snapshot(any_register):
    """The snapshots of bulk inserts (built by SQLite itself, or in Python on PostgreSQL) equal the ORM's."""
    person = {"full_name": "Nguyễn Thị Hoà", "name_key": "nguyen thi hoa", "birth_date": "1975",
              "birth_year": 1975, "sex": "F", "bhxh_code": "0123456789", "ethnicity_code": "01"}
    hid_bulk, pid_bulk = new_id(), new_id()

    def orm(ctx):
        h = _household(ctx, "H-ORM", address="Thôn 1")
        return h.id, ctx.add(Person(commune_id=ctx.commune_id, household_id=h.id, **person)).id

    def bulk(ctx):
        write.insert(ctx.session, Household.__table__, [{"id": hid_bulk, "code": "H-BULK", "address": "Thôn 1",
                                                         "commune_id": ctx.commune_id}])
        write.insert(ctx.session, Person.__table__, [{"id": pid_bulk, "household_id": hid_bulk,
                                                      "commune_id": ctx.commune_id, **person}])

    hid_orm, pid_orm = any_register.apply(Do(orm)).value
    any_register.apply(Do(bulk))

    def snap(entity_id, drop):
        return {k: v for k, v in _entries(any_register, entity_id)[0].new.items() if k not in drop}

    assert snap(pid_orm, {"id", "household_id"}) == snap(pid_bulk, {"id", "household_id"})
    assert snap(hid_orm, {"id", "code"}) == snap(hid_bulk, {"id", "code"})
    assert snap(pid_bulk, set())["birth_year"] == 1975


def test_bulk_update_audits_each_changed_field(any_register):
    pid = any_register.apply(Do(lambda ctx: _person(ctx, "Vũ Văn Nam").id)).value

    def bulk(ctx):
        write.update(ctx.session, Person.__table__, [(pid, {"bhxh_code": None, "sex": None},
                                                      {"bhxh_code": "3812345678", "sex": None})])

    any_register.apply(Do(bulk))
    assert [(e.field, e.old, e.new) for e in _entries(any_register, pid)][1:] == [("bhxh_code", None, "3812345678")]


@pytest.mark.parametrize("table_from", [1, 10_000], ids=["through a temporary table", "one UPDATE per row"])
def test_bulk_update_of_many_rows_sets_each_rows_values_the_last_named_winning(any_register, monkeypatch, table_from):
    """The same values as one UPDATE per row, in order: each row its own, a row named twice its last ones, values of
    every type as written (text, number, NULL), a dangling reference refused with nothing written. SQLite takes many
    rows through a temporary table and a few one by one: both ways are run."""
    monkeypatch.setattr(write, "UPDATE_TABLE_FROM", table_from)
    import sqlite3

    from sqlalchemy.exc import IntegrityError

    pids = any_register.apply(Do(lambda ctx: [_person(ctx, f"Người {i}").id for i in range(5)])).value

    def bulk(ctx):
        write.update(ctx.session, Person.__table__, [
            (pids[0], {"sex": None, "birth_year": None}, {"sex": "M", "birth_year": 1975}),
            (pids[1], {"sex": None, "birth_year": None}, {"sex": "F", "birth_year": 1980}),
            (pids[0], {"sex": "M", "birth_year": 1975}, {"sex": "F", "birth_year": 1976}),
            (pids[2], {"phone": None}, {"phone": "0912345678"})])

    any_register.apply(Do(bulk))
    with any_register.reading() as s:
        got = {p.id: (p.sex, p.birth_year, p.phone) for p in s.scalars(select(Person))}
    assert [got[p] for p in pids] == [("F", 1976, None), ("F", 1980, None), (None, None, "0912345678"),
                                      (None, None, None), (None, None, None)]

    def dangling(ctx):
        write.update(ctx.session, Person.__table__, [(pids[3], {"sex": None}, {"sex": "M"}),
                                                     (pids[4], {"merged_into_id": None}, {"merged_into_id": new_id()})])

    with pytest.raises((IntegrityError, sqlite3.IntegrityError)):
        any_register.apply(Do(dangling))
    with any_register.reading() as s:
        assert s.get(Person, pids[3]).sex is None


def test_bulk_insert_with_a_dangling_reference_writes_nothing(any_register):
    import sqlite3

    from sqlalchemy.exc import IntegrityError

    def bulk(ctx):
        write.insert(ctx.session, Person.__table__, [{"id": new_id(), "household_id": new_id(), "full_name": "X",
                                                      "name_key": "x", "commune_id": ctx.commune_id}])

    with pytest.raises((IntegrityError, sqlite3.IntegrityError)):  # SQLite's driver is called directly
        any_register.apply(Do(bulk))
    with any_register.reading() as s:
        assert s.scalars(select(Person)).all() == []
