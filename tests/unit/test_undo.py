"""Undo and redo: every operation undone leaves the register as it was (creations voided, events withdrawn), redone
as it was after; across a restart; refused, with the reason, when a later action or a locked period stands in the
way — on SQLite and PostgreSQL."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, update

from app.errors import HgdError
from app.io import import_persons
from app.register import Register
from app.registry import (
    AddHousehold,
    ChangeGroup,
    ChangeHead,
    CorrectPerson,
    MergeHouseholds,
    RecordBirth,
    RecordDeath,
    RecordMoveIn,
    RecordMoveOut,
    SetCommuneInfo,
    SetParameter,
    SplitHousehold,
)
from app.store.models import Base, Event, Household, Period, Person
from tests.conftest import Do
from tests.unit.test_registry import FAMILY, TODAY

TABLES = ("persons", "households", "events", "communes", "settings", "parameters")
VOLATILE = {"updated_at"}


def state(reg):
    """Every row of the register's tables that operations change, as comparable values (voided rows and withdrawn
    events are told apart by their status)."""
    with reg.reading() as s:
        out = {}
        for name in TABLES:
            table = Base.metadata.tables[name]
            cols = [c for c in table.columns if c.key not in VOLATILE]
            out[name] = sorted(tuple(str(v) for v in row) for row in s.execute(select(*cols)))
        return out


def live(reg):
    """The state with voided records and withdrawn events left out: what a clerk sees."""
    with reg.reading() as s:
        persons = sorted((p.full_name, p.status, p.household_id, p.relation) for p in
                         s.scalars(select(Person).where(Person.status != "void")))
        homes = sorted((h.code, h.status, h.head_person_id) for h in
                       s.scalars(select(Household).where(Household.status != "void")))
        evs = sorted((e.type, e.effective_date) for e in s.scalars(select(Event).where(Event.status == "recorded")))
        return persons, homes, evs


@pytest.fixture
def reg(any_register):
    any_register.today = lambda: TODAY
    any_register.apply(AddHousehold(code="H1", address="Thôn Đông", members=FAMILY))
    any_register.apply(AddHousehold(code="H2", address="Thôn Tây", members=(
        {"full_name": "Đỗ Văn Tâm", "sex": "M", "birth_date": "1940", "relation": "Chủ hộ",
         "bhxh_code": "3800000010"},)))
    return any_register


def _ids(reg, *codes):
    with reg.reading() as s:
        return [s.scalars(select(Person.id).where(Person.bhxh_code == c)).one() for c in codes]


OPERATIONS = {
    "birth": lambda r: RecordBirth(household="H1", full_name="Lê Gia Bảo", sex="M", birth_date="2026-10-15",
                                   mother="3800000004"),
    "death": lambda r: RecordDeath(person="3800000001", date="2026-11-02", new_head="3800000002"),
    "death_alone": lambda r: RecordDeath(person="3800000010", date="2026-11-02"),
    "move_in": lambda r: RecordMoveIn(persons=({"full_name": "Ngô Văn Sơn", "sex": "M", "birth_date": "1970",
                                                "relation": "Chủ hộ"},), date="2026-11-09",
                                      new_household_code="H9"),
    "move_out": lambda r: RecordMoveOut(persons=("3800000010",), date="2026-11-10", destination="TP Hồ Chí Minh"),
    "split": lambda r: SplitHousehold(household="H1", members=tuple(_ids(r, "3800000003", "3800000004")),
                                      new_head=_ids(r, "3800000003")[0], date="2026-11-05", new_code="H3"),
    "merge": lambda r: MergeHouseholds(source="H2", target="H1", date="2026-11-06"),
    "head": lambda r: ChangeHead(household="H1", new_head="3800000003", date="2026-11-07"),
    "correct": lambda r: CorrectPerson(person="3800000005", changes={"full_name": "Lê Thị Lan Anh"}),
    "group": lambda r: ChangeGroup(person="3800000006", group="HS", date="2026-10-01"),
    "commune": lambda r: SetCommuneInfo({"chairman": "Lê Văn Chủ", "address": "Thôn Trung"}),
    "parameter": lambda r: SetParameter(key="base_salary", value=2_600_000, valid_from="2027-01-01"),
}


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_every_operation_undone_and_redone_leaves_exactly_the_states_before_and_after(reg, name):
    before_live, before = live(reg), state(reg)
    result = reg.apply(OPERATIONS[name](reg))
    after_live, after = live(reg), state(reg)
    assert after != before
    assert reg.undo_status().undo == result.label
    undone = reg.undo()
    assert live(reg) == before_live
    assert undone.label.render().startswith("Hoàn tác: ")
    # nothing deleted: every row is still there; what the action created is voided or withdrawn
    voided = state(reg)
    assert all(len(voided[t]) == len(after[t]) for t in TABLES)
    assert reg.undo_status().redo == result.label
    reg.redo()
    assert live(reg) == after_live and state(reg) == after
    assert reg.undo_status().redo is None


def test_undo_and_redo_survive_closing_and_reopening_the_register(db):
    reg = Register.create(db, {"commune_name": "Xã Dân Lý", "commune_code": "15703"}, user="test")
    reg.today = lambda: TODAY
    reg.apply(AddHousehold(code="H1", members=FAMILY[:2]))
    reg.apply(RecordDeath(person="3800000002", date="2026-11-02"))
    reg.close()
    reg = Register.open(db)
    try:
        assert reg.undo_status().undo.render() == "Ghi nhận chết: Trần Thị Mai"
        reg.undo()
    finally:
        reg.close()
    reg = Register.open(db)
    try:
        with reg.reading() as s:
            assert s.scalars(select(Person.status).where(Person.bhxh_code == "3800000002")).one() == "active"
        assert reg.undo_status().redo.render() == "Ghi nhận chết: Trần Thị Mai"
        reg.redo()
        with reg.reading() as s:
            assert s.scalars(select(Person.status).where(Person.bhxh_code == "3800000002")).one() == "dead"
    finally:
        reg.close()


def test_undoing_a_birth_voids_the_child_and_withdraws_the_event(reg):
    result = reg.apply(OPERATIONS["birth"](reg))
    reg.undo()
    with reg.reading() as s:
        child = s.get(Person, result.value["person_id"])
        assert child.status == "void"
        assert s.scalars(select(Event.status).where(Event.type == "birth")).one() == "withdrawn"


def test_an_action_whose_rows_a_later_action_changed_cannot_be_undone_alone(reg):
    first = reg.apply(CorrectPerson(person="3800000005", changes={"full_name": "Lê Thị Lan Anh"}))
    reg.apply(CorrectPerson(person="3800000005", changes={"birth_date": "02/03/1985"}))
    with pytest.raises(HgdError) as err:
        reg.undo(first.action_id)
    assert err.value.key == "undo.blocked"
    assert "Điều chỉnh thông tin: Lê Thị Lan" in str(err.value) and "trước" in str(err.value)
    reg.undo()  # the later one first; then the earlier one is free
    reg.undo(first.action_id)
    with reg.reading() as s:
        assert s.scalars(select(Person.full_name).where(Person.bhxh_code == "3800000005")).one() == "Lê Thị Lan"


def test_an_independent_earlier_action_can_be_undone_alone(reg):
    first = reg.apply(RecordMoveOut(persons=("3800000010",), date="2026-11-10"))
    reg.apply(CorrectPerson(person="3800000005", changes={"full_name": "Lê Thị Lan Anh"}))
    reg.undo(first.action_id)
    with reg.reading() as s:
        assert s.scalars(select(Person.status).where(Person.bhxh_code == "3800000010")).one() == "active"
        assert s.scalars(select(Person.full_name).where(Person.bhxh_code == "3800000005")).one() == "Lê Thị Lan Anh"


def test_an_action_whose_events_sit_in_a_locked_period_cannot_be_undone(reg):
    result = reg.apply(RecordDeath(person="3800000010", date="2026-11-02"))

    def lock(ctx):
        period = ctx.add(Period(commune_id=ctx.commune_id, month="2026-11", status="locked"))
        ctx.session.execute(update(Event).values(reported_period_id=period.id))

    reg.apply(Do(lock, "khóa kỳ"))
    with pytest.raises(HgdError) as err:
        reg.undo(result.action_id)
    assert err.value.key == "undo.locked" and "11/2026" in str(err.value)


def test_nothing_to_undo_or_redo_is_said_plainly(register):
    assert register.undo_status().undo is None and register.undo_status().redo is None
    with pytest.raises(HgdError) as err:
        register.undo()
    assert err.value.key == "undo.not_undoable"  # the register's creation is the only action: it stays
    with pytest.raises(HgdError) as err:
        register.redo()
    assert err.value.key == "redo.nothing"


def test_a_new_action_after_an_undo_clears_redo(reg):
    reg.apply(OPERATIONS["correct"](reg))
    reg.undo()
    assert reg.undo_status().redo is not None
    reg.apply(OPERATIONS["group"](reg))
    assert reg.undo_status().redo is None


def test_sixty_actions_undo_one_after_another_back_to_the_start(register):
    register.today = lambda: TODAY
    start = live(register)
    for i in range(30):
        register.apply(AddHousehold(code=f"H{i}", members=({"full_name": f"Người {i}", "relation": "Chủ hộ"},)))
        register.apply(CorrectPerson(person=_first_id(register, f"H{i}"), changes={"full_name": f"Người số {i}"}))
    for _ in range(60):
        register.undo()
    assert live(register) == start
    for _ in range(60):
        register.redo()
    assert len(live(register)[0]) == 30 and live(register)[0][0][0].startswith("Người số")


def _first_id(reg, code):
    with reg.reading() as s:
        hid = s.scalars(select(Household.id).where(Household.code == code)).one()
        return s.scalars(select(Person.id).where(Person.household_id == hid)).first()


def test_an_import_is_undoable_and_redoable(any_register, tmp_path):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parents[1] / "corpus"))
    from make_sheets import xlsx

    header = ["Họ và tên", "Ngày sinh", "Mã hộ", "Quan hệ với chủ hộ", "Mã số BHXH"]
    rows = [["Lê Văn An", "15/03/1975", "H1", "Chủ hộ", "3601234567"],
            ["Lê Thị Bình", "1978", "H1", "Vợ", "3601234568"], ["Phạm Văn Cường", "1960", "H2", "Chủ hộ", ""]]
    before = live(any_register)
    report = import_persons(any_register, xlsx(tmp_path / "f.xlsx", [header] + rows), today=date(2026, 1, 1))
    after = live(any_register)
    assert report.committed and len(after[0]) == 3
    assert any_register.undo_status().undo.render() == "Nhập tệp f.xlsx"
    any_register.undo()
    assert live(any_register) == before
    any_register.redo()
    assert live(any_register) == after
    # a second file that completes the persons is undone back to the first file's state
    rows[2][4] = "3601234569"
    import_persons(any_register, xlsx(tmp_path / "g.xlsx", [header] + rows), today=date(2026, 1, 1))
    with any_register.reading() as s:
        assert s.scalars(select(Person.bhxh_code).where(Person.full_name == "Phạm Văn Cường")).one() == "3601234569"
    any_register.undo()
    with any_register.reading() as s:
        assert s.scalars(select(Person.bhxh_code).where(Person.full_name == "Phạm Văn Cường")).one() is None


def test_a_household_code_voided_by_an_undo_can_be_used_again(reg):
    result = reg.apply(OPERATIONS["move_in"](reg))
    reg.undo()
    again = reg.apply(OPERATIONS["move_in"](reg))
    assert again.value["household_id"] == result.value["household_id"]
    with reg.reading() as s:
        assert s.get(Household, again.value["household_id"]).status == "active"
    reg.undo()
    reg.redo()
    assert live(reg)[1].count(("H9", "active", again.value["person_ids"][0])) == 1
