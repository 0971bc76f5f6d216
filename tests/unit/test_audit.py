"""The audit trail: every insert and update of a person or household, in the same transaction; nothing deleted."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store.bulk import insert_register_rows
from app.store.models import Action, AuditEntry, Household, Person, new_id


def _entries(register, entity_id):
    with register.reading() as s:
        return s.scalars(select(AuditEntry).where(AuditEntry.entity_id == entity_id).order_by(AuditEntry.id)).all()


def test_creating_a_person_records_who_when_and_a_snapshot(register):
    with register.action("add_person", "Thêm người") as s:
        h = Household(code="H01")
        s.add(h)
        s.flush()
        p = Person(full_name="Nguyễn Văn Hùng", name_key="nguyen van hung", household_id=h.id, sex="M")
        s.add(p)
    entries = _entries(register, p.id)
    assert [(e.entity, e.field, e.old) for e in entries] == [("person", "*", None)]
    snap = json.loads(entries[0].new)
    assert snap["full_name"] == "Nguyễn Văn Hùng" and snap["status"] == "active"
    assert entries[0].user == "test"
    with register.reading() as s:
        act = s.get(Action, entries[0].action_id)
        assert act.kind == "add_person" and act.label == "Thêm người"


def test_updating_fields_records_old_and_new_value_per_field(register):
    with register.action("add", "a") as s:
        p = Person(full_name="Lê Thị Hoa", name_key="le thi hoa", sex="F")
        s.add(p)
    with register.action("correct", "Điều chỉnh") as s:
        q = s.get(Person, p.id)
        q.full_name = "Lê Thị Hòa"
        q.birth_date = "1990-05-02"
        q.sex = "F"  # unchanged: no entry
    changes = [(e.field, e.old, e.new) for e in _entries(register, p.id) if e.field != "*"]
    assert sorted(changes) == [("birth_date", None, "1990-05-02"), ("full_name", "Lê Thị Hoa", "Lê Thị Hòa")]


def test_a_change_and_its_audit_roll_back_together(register):
    with register.action("add", "a") as s:
        p = Person(full_name="Trần Văn An", name_key="tran van an")
        s.add(p)
    with pytest.raises(RuntimeError), register.action("correct", "c") as s:
        s.get(Person, p.id).full_name = "Trần Văn Ân"
        s.flush()
        raise RuntimeError("the user cancelled")
    assert [e.field for e in _entries(register, p.id)] == ["*"]
    with register.reading() as s:
        assert s.get(Person, p.id).full_name == "Trần Văn An"


def test_a_person_is_never_deleted(register):
    with register.action("add", "a") as s:
        p = Person(full_name="Phạm Văn Bình", name_key="pham van binh")
        s.add(p)
    with pytest.raises(RuntimeError, match="never deleted"), register.action("delete", "d") as s:
        s.delete(s.get(Person, p.id))
        s.flush()
    with register.reading() as s:
        assert s.get(Person, p.id) is not None


def test_changes_outside_an_action_are_refused(register):
    with Session(register.engine) as s, pytest.raises(RuntimeError, match="outside an action"):
        s.add(Household(code="H-NO-ACTION"))
        s.flush()


def test_bulk_inserts_write_one_snapshot_per_row_heads_included(register):
    hid, pid = new_id(), new_id()
    with register.action("import", "Nhập tệp") as s:
        insert_register_rows(s, [{"id": hid, "code": "H9"}],
                             [{"id": pid, "household_id": hid, "full_name": "Đỗ Thị Mai", "name_key": "do thi mai"}],
                             {hid: pid})
    household_entries = _entries(register, hid)
    assert [e.field for e in household_entries] == ["*"]
    assert json.loads(household_entries[0].new)["head_person_id"] == pid
    assert [e.field for e in _entries(register, pid)] == ["*"]
    with register.reading() as s:
        h = s.get(Household, hid)
        assert h.head_person_id == pid and h.status == "active"
        assert s.get(Person, pid).created_at is not None


def test_bulk_inserts_store_json_columns_as_the_orm_reads_them(register):
    from app.store.bulk import insert_rows
    from app.store.models import Event

    eid = new_id()
    with register.action("demo", "d") as s:
        insert_rows(s, Event.__table__, [{"id": eid, "type": "birth", "effective_date": "2026-11-02",
                                          "details": {"ghi_chú": "Sinh tại nhà", "n": 1}}])
    with register.reading() as s:
        assert s.get(Event, eid).details == {"ghi_chú": "Sinh tại nhà", "n": 1}


def test_bulk_and_orm_inserts_write_the_same_snapshot(register):
    """The SQL-built snapshots of bulk inserts equal the ORM's, value for value."""
    hid_orm, hid_bulk, pid_orm, pid_bulk = new_id(), new_id(), new_id(), new_id()
    person = {"full_name": "Nguyễn Thị Hoà", "name_key": "nguyen thi hoa", "birth_date": "1975",
              "birth_year": 1975, "sex": "F", "bhxh_code": "0123456789", "ethnicity_code": "01"}
    with register.action("add", "a") as s:
        s.add(Household(id=hid_orm, code="H-ORM", address="Thôn 1"))
        s.flush()
        s.add(Person(id=pid_orm, household_id=hid_orm, **person))
    with register.action("import", "b") as s:
        insert_register_rows(s, [{"id": hid_bulk, "code": "H-BULK", "address": "Thôn 1"}],
                             [{"id": pid_bulk, "household_id": hid_bulk, **person}], {})

    def snap(entity_id, drop):
        new = json.loads(_entries(register, entity_id)[0].new)
        return {k: v for k, v in new.items() if k not in drop}

    assert snap(pid_orm, {"id", "household_id"}) == snap(pid_bulk, {"id", "household_id"})
    assert snap(hid_orm, {"id", "code"}) == snap(hid_bulk, {"id", "code"})
    assert snap(pid_bulk, set())["birth_year"] == 1975


def test_bulk_insert_sets_the_head_of_an_existing_household_and_audits_it(register):
    hid, pid = new_id(), new_id()
    with register.action("add", "a") as s:
        s.add(Household(id=hid, code="H-OLD"))
    with register.action("import", "b") as s:
        insert_register_rows(s, [], [{"id": pid, "household_id": hid, "full_name": "Vũ Văn Nam",
                                      "name_key": "vu van nam"}], {hid: pid})
    assert [(e.field, e.new) for e in _entries(register, hid)][-1] == ("head_person_id", pid)


def test_bulk_insert_with_a_dangling_reference_fails_at_commit_and_writes_nothing(register):
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), register.action("import", "b") as s:
        insert_register_rows(s, [], [{"id": new_id(), "household_id": "no-such-household", "full_name": "X",
                                      "name_key": "x"}], {})
    with register.reading() as s:
        assert s.scalars(select(Person)).all() == []
        assert s.scalars(select(AuditEntry)).all() == []
