"""The registry's services: each event changes the register, writes its dated event with subjects and the payload
the month's lists need, in one action — on SQLite and PostgreSQL."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.errors import HgdError
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
    SplitHousehold,
)
from app.store.models import Event, EventSubject, Household, Person

TODAY = date(2026, 11, 20)

FAMILY = (
    {"full_name": "Lê Văn Hùng", "sex": "M", "birth_date": "1950", "relation": "Chủ hộ", "bhxh_code": "3800000001"},
    {"full_name": "Trần Thị Mai", "sex": "F", "birth_date": "1953", "relation": "Vợ", "bhxh_code": "3800000002"},
    {"full_name": "Lê Văn Nam", "sex": "M", "birth_date": "10/02/1980", "relation": "Con",
     "bhxh_code": "3800000003"},
    {"full_name": "Phạm Thị Hoa", "sex": "F", "birth_date": "1982", "relation": "Con dâu",
     "bhxh_code": "3800000004"},
    {"full_name": "Lê Thị Lan", "sex": "F", "birth_date": "1985", "relation": "Con", "bhxh_code": "3800000005"},
    {"full_name": "Lê Minh Khôi", "sex": "M", "birth_date": "2010", "relation": "Cháu nội",
     "bhxh_code": "3800000006"},
)


@pytest.fixture
def reg(any_register):
    any_register.today = lambda: TODAY
    any_register.apply(AddHousehold(code="H1", address="Thôn Đông", members=FAMILY))
    any_register.apply(AddHousehold(code="H2", address="Thôn Tây", members=(
        {"full_name": "Đỗ Văn Tâm", "sex": "M", "birth_date": "1940", "relation": "Chủ hộ",
         "bhxh_code": "3800000010"},)))
    return any_register


def person(reg, bhxh):
    with reg.reading() as s:
        return s.scalars(select(Person).where(Person.bhxh_code == bhxh)).one()


def household(reg, code):
    with reg.reading() as s:
        return s.scalars(select(Household).where(Household.code == code)).one()


def events(reg, kind):
    with reg.reading() as s:
        out = []
        for ev in s.scalars(select(Event).where(Event.type == kind).order_by(Event.created_at)):
            roles = sorted((r.role, r.person_id or r.household_id) for r in
                           s.scalars(select(EventSubject).where(EventSubject.event_id == ev.id)))
            out.append((ev, roles))
        return out


def test_a_birth_adds_a_te_child_with_its_card_to_the_72nd_month_and_an_event(reg):
    mother = person(reg, "3800000004")
    result = reg.apply(RecordBirth(household="H1", full_name="Lê Gia Bảo", sex="M", birth_date="2026-10-15",
                                   birth_place="Xã Dân Lý, Tỉnh Thanh Hóa", mother="3800000004",
                                   fields={"bhxh_code": "3800000099"}))
    child = person(reg, "3800000099")
    assert (child.group_code, child.card_valid_from, child.card_valid_to) == ("TE", "2026-10-15", "2032-10-15")
    assert child.relation == "chau_noi" and child.card_number == "TE1383800000099"  # Thanh Hóa's 38
    assert child.household_id == household(reg, "H1").id and child.address == "Thôn Đông"
    ((ev, roles),) = events(reg, "birth")
    assert ev.effective_date == "2026-10-15" and ev.action_id == result.action_id and ev.status == "recorded"
    assert roles == sorted([("child", child.id), ("mother", mother.id), ("household", household(reg, "H1").id)])
    assert ev.details["group_after"] == "TE" and ev.details["persons"][0]["full_name"] == "Lê Gia Bảo"
    assert ev.details["persons"][0]["household_code"] == "H1" and ev.details["v"] == 1
    assert result.changes.touches("person", child.id) and result.label.render() == "Ghi nhận sinh: Lê Gia Bảo"


def test_a_death_of_a_head_with_others_hands_the_household_to_the_new_head(reg):
    reg.apply(RecordDeath(person="3800000001", date="2026-11-02", new_head="3800000002"))
    dead, widow = person(reg, "3800000001"), person(reg, "3800000002")
    assert (dead.status, dead.status_date) == ("dead", "2026-11-02")
    assert household(reg, "H1").head_person_id == widow.id and widow.relation == "chu_ho"
    assert person(reg, "3800000003").relation == "con" and person(reg, "3800000004").relation == "con_dau"
    ((ev, _),) = events(reg, "death")
    assert ev.details["group_before"] is None and ev.details["household_dissolved"] is False
    assert len(events(reg, "head_change")) == 1


def test_the_death_of_someone_living_alone_dissolves_the_household(reg):
    reg.apply(RecordDeath(person="3800000010", date="2026-11-01"))
    assert household(reg, "H2").status == "dissolved" and household(reg, "H2").status_date == "2026-11-01"


def test_a_split_forms_a_household_with_relations_to_its_new_head(reg):
    son, wife, grandson = (person(reg, c) for c in ("3800000003", "3800000004", "3800000006"))
    result = reg.apply(SplitHousehold(household="H1", members=(son.id, wife.id, grandson.id), new_head=son.id,
                                      date="2026-11-05", new_code="H3", spouse=wife.id, children=(grandson.id,)))
    new = household(reg, "H3")
    assert result.value["code"] == "H3" and new.head_person_id == son.id
    assert new.related_household_id == household(reg, "H1").id
    assert [person(reg, c).relation for c in ("3800000003", "3800000004", "3800000006")] == ["chu_ho", "vo", "con"]
    assert all(person(reg, c).household_id == new.id for c in ("3800000003", "3800000004", "3800000006"))
    assert household(reg, "H1").head_person_id == person(reg, "3800000001").id
    ((ev, roles),) = events(reg, "split")
    assert (ev.details["from_household_code"], ev.details["new_household_code"]) == ("H1", "H3")
    assert ("new_household", new.id) in roles and ("new_head", son.id) in roles


def test_a_split_cannot_take_the_whole_household(reg):
    with pytest.raises(HgdError) as err:
        reg.apply(SplitHousehold(household="H2", members=("3800000010",), new_head="3800000010",
                                 date="2026-11-05"))
    assert err.value.key == "registry.split_all"


def test_a_merge_moves_the_members_and_closes_the_household(reg):
    elder = person(reg, "3800000010")
    reg.apply(MergeHouseholds(source="H2", target="H1", date="2026-11-06", relations={elder.id: "bo"}))
    assert household(reg, "H2").status == "merged_into"
    assert household(reg, "H2").related_household_id == household(reg, "H1").id
    assert person(reg, "3800000010").household_id == household(reg, "H1").id
    assert person(reg, "3800000010").relation == "bo"


def test_a_change_of_head_rewrites_every_relation(reg):
    son, wife, grandson = (person(reg, c) for c in ("3800000003", "3800000004", "3800000006"))
    reg.apply(ChangeHead(household="H1", new_head=son.id, date="2026-11-07", spouse=wife.id,
                         children=(grandson.id,)))
    got = {p: person(reg, p).relation for p in ("3800000001", "3800000002", "3800000003", "3800000004",
                                                "3800000005", "3800000006")}
    assert got == {"3800000001": "bo", "3800000002": "me", "3800000003": "chu_ho", "3800000004": "vo",
                   "3800000005": "em", "3800000006": "con"}
    ((ev, _),) = events(reg, "head_change")
    assert ev.details["relations_before"][son.id] == "con" and ev.details["relations_after"][son.id] == "chu_ho"


def test_moves_in_into_a_household_or_as_a_new_one(reg):
    reg.apply(RecordMoveIn(persons=({"full_name": "Vũ Thị Hạnh", "sex": "F", "birth_date": "1995",
                                     "relation": "Con dâu"},), date="2026-11-08", origin="Xã A, Tỉnh B",
                           household="H1"))
    result = reg.apply(RecordMoveIn(persons=({"full_name": "Ngô Văn Sơn", "sex": "M", "birth_date": "1970",
                                              "relation": "Chủ hộ"},
                                             {"full_name": "Ngô Thị Thu", "sex": "F", "birth_date": "1972",
                                              "relation": "Vợ"}),
                                    date="2026-11-09", new_household_code="H9", address="Thôn Bắc"))
    new = household(reg, "H9")
    assert new.id == result.value["household_id"] and new.head_person_id == result.value["person_ids"][0]
    evs = events(reg, "move_in")
    assert [e.details["new_household"] for e, _ in evs] == [False, True] and evs[0][0].details["from"] == "Xã A, Tỉnh B"


def test_a_new_household_needs_a_head(reg):
    with pytest.raises(HgdError) as err:
        reg.apply(RecordMoveIn(persons=({"full_name": "Ngô Văn Sơn", "relation": "Con"},), date="2026-11-09",
                               new_household_code="H9"))
    assert err.value.key == "registry.head_required"


def test_moving_out_the_last_members_dissolves_the_household(reg):
    reg.apply(RecordMoveOut(persons=("3800000010",), date="2026-11-10", destination="Phường X, TP Hồ Chí Minh"))
    tam = person(reg, "3800000010")
    assert (tam.status, tam.status_detail) == ("moved_out", "Phường X, TP Hồ Chí Minh")
    assert household(reg, "H2").status == "dissolved"
    ((ev, _),) = events(reg, "move_out")
    assert ev.details["whole_household"] is True and ev.details["to"] == "Phường X, TP Hồ Chí Minh"


def test_a_correction_leaves_an_event_with_each_field_before_and_after(reg):
    reg.apply(CorrectPerson(person="3800000005", changes={"full_name": "Lê Thị Lan Anh", "birth_date": "02/03/1985"},
                            reason="Theo giấy khai sinh"))
    lan = person(reg, "3800000005")
    assert (lan.full_name, lan.name_key, lan.birth_date) == ("Lê Thị Lan Anh", "le thi lan anh", "1985-03-02")
    ((ev, _),) = events(reg, "correction")
    assert {c["field"]: (c["before"], c["after"]) for c in ev.details["changes"]} == {
        "full_name": ("Lê Thị Lan", "Lê Thị Lan Anh"), "birth_date": ("1985", "1985-03-02")}
    assert ev.details["persons"][0]["full_name"] == "Lê Thị Lan" and ev.details["persons"][1]["full_name"] == \
        "Lê Thị Lan Anh"


@pytest.mark.parametrize("changes, key", [
    ({"full_name": "Lê Thị Lan"}, "registry.nothing_to_correct"),
    ({"bhxh_code": "3800000001"}, "registry.bhxh_taken"),
    ({"birth_date": "31/02/1985"}, "person.field_invalid"),
    ({"colour": "red"}, "person.unknown_field"),
])
def test_a_correction_that_changes_nothing_or_is_invalid_is_refused(reg, changes, key):
    with pytest.raises(HgdError) as err:
        reg.apply(CorrectPerson(person="3800000005", changes=changes))
    assert err.value.key == key
    assert events(reg, "correction") == []


def test_a_group_change_gives_a_new_card_and_records_both_groups(reg):
    reg.apply(ChangeGroup(person="3800000006", group="HS", date="2026-10-01", card_valid_to="2027-09-30"))
    khoi = person(reg, "3800000006")
    assert (khoi.group_code, khoi.card_number, khoi.card_valid_from) == ("HS", "HS4383800000006", "2026-10-01")
    ((ev, _),) = events(reg, "group_change")
    assert (ev.details["group_before"], ev.details["group_after"]) == (None, "HS")


@pytest.mark.parametrize("op, key", [
    (RecordDeath(person="3800000001", date="2030-01-01"), "registry.future_date"),
    (RecordDeath(person="3800000001", date="31/02/2026"), "registry.bad_date"),
    (RecordDeath(person="9999999999", date="2026-11-01"), "registry.no_person"),
    (RecordDeath(person="3800000003", date="1979-01-01"), "registry.date_before"),
    (RecordBirth(household="H404", full_name="A", sex="M", birth_date="2026-11-01"), "registry.no_household"),
    (RecordBirth(household="H1", full_name="A", sex="X", birth_date="2026-11-01"), "person.field_invalid"),
])
def test_bad_input_is_refused_with_a_message_and_nothing_written(reg, op, key):
    with reg.reading() as s:
        before = len(s.scalars(select(Person)).all()), len(s.scalars(select(Event)).all())
    with pytest.raises(HgdError) as err:
        reg.apply(op)
    assert err.value.key == key and str(err.value)
    with reg.reading() as s:
        assert (len(s.scalars(select(Person)).all()), len(s.scalars(select(Event)).all())) == before


def test_an_inactive_person_has_no_more_events(reg):
    reg.apply(RecordDeath(person="3800000010", date="2026-11-01"))
    with pytest.raises(HgdError) as err:
        reg.apply(RecordMoveOut(persons=("3800000010",), date="2026-11-02"))
    assert err.value.key == "registry.person_not_active" and "đã chết" in str(err.value)
