"""Checked before the lists leave: a period with a blocking finding is not locked (its lists are not produced) unless
the clerk overrides with a reason, which is kept in the action's parameters and in each produced list."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.errors import HgdError
from app.lists.period_ops import view
from app.registry import AddPerson, RecordDeath, RecordMoveIn
from app.store.models import Action, ProducedList
from tests.unit.lists_world import HOUSEHOLD, family, lock, on, open_


def _blockers(reg, month="2026-10"):
    with reg.reading() as s:
        return view(s, reg.commune_id, month, reg.today()).blockers


def _no_code_death(reg):
    family(reg)
    on(reg, date(2026, 10, 2))
    pid = reg.apply(AddPerson(household=HOUSEHOLD, fields={"full_name": "Nguyễn Thị Gái", "sex": "F",
                                                           "birth_date": "1950", "relation": "me",
                                                           "group_code": "BT"})).value["person_id"]
    on(reg, date(2026, 10, 12))
    reg.apply(RecordDeath(person=pid, date="2026-10-11"))
    open_(reg, "2026-10", date(2026, 10, 13))


def test_a_decrease_without_a_bhxh_code_stops_the_lock(any_register):
    reg = any_register
    _no_code_death(reg)
    assert [b.kind for b in _blockers(reg)] == ["missing_bhxh"]
    with pytest.raises(HgdError, match=r"Nguyễn Thị Gái: thiếu mã số BHXH ở danh sách D03-TS nhóm BT \(II.1\)"):
        lock(reg, "2026-10", date(2026, 11, 2))
    with reg.reading() as s:
        assert not s.scalars(select(ProducedList)).all()


def test_an_override_with_a_reason_locks_and_keeps_the_reason(any_register):
    reg = any_register
    _no_code_death(reg)
    reason = "Cơ quan BHXH đã có mã, gửi kèm giấy chứng tử"
    locked = lock(reg, "2026-10", date(2026, 11, 2), override_reason=reason)
    assert [b["kind"] for b in locked["blockers"]] == ["missing_bhxh"]
    with reg.reading() as s:
        act = s.scalars(select(Action).where(Action.kind == "period_lock")).one()
        assert act.params["override_reason"] == reason
        produced = s.scalars(select(ProducedList)).all()
        assert produced and all(p.details["override"]["reason"] == reason for p in produced)
        assert produced[0].details["override"]["blockers"][0]["name"] == "Nguyễn Thị Gái"


def test_an_empty_reason_is_no_override(register):
    _no_code_death(register)
    with pytest.raises(HgdError, match="Lý do bỏ qua không được để trống"):
        lock(register, "2026-10", date(2026, 11, 2), override_reason="  ")


def test_an_increase_whose_card_already_ended_stops_the_lock(register):
    family(register)
    on(register, date(2026, 10, 20))
    register.apply(RecordMoveIn(persons=({"full_name": "Phạm Văn Tư", "sex": "M", "birth_date": "1990-02-02",
                                          "relation": "khac", "group_code": "GD", "bhxh_code": "3800000011",
                                          "card_valid_from": "2025-10-01", "card_valid_to": "2026-09-30"},),
                                date="2026-10-20", household=HOUSEHOLD))
    open_(register, "2026-10", date(2026, 10, 21))
    blockers = _blockers(register)
    assert [(b.kind, b.end) for b in blockers] == [("card_expired", "2026-09-30")]
    assert blockers[0].text() == "Phạm Văn Tư: thẻ tăng mới ở nhóm GD đã hết hạn ngày 30/09/2026"


def test_a_newborn_without_a_code_is_not_a_blocker_its_tk1_goes_with_it(register):
    from app.registry import RecordBirth

    family(register)
    on(register, date(2026, 10, 16))
    register.apply(RecordBirth(household=HOUSEHOLD, full_name="Nguyễn Văn An", sex="M", birth_date="2026-10-15"))
    assert _blockers(register) == []
