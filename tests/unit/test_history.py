"""History in words, and a person or household as it stood on a chosen date; the demo's history agrees with its
events."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from app.registry import AddHousehold, CorrectPerson, RecordDeath, SplitHousehold
from app.registry import history as hist
from app.store.models import Event, EventSubject, Household, Person
from tests.unit.test_registry import FAMILY, TODAY


@pytest.fixture
def reg(any_register):
    any_register.today = lambda: TODAY
    any_register.clock = lambda: datetime(2026, 10, 1, 9, 0)  # the household was entered in October
    any_register.apply(AddHousehold(code="H1", address="Thôn Đông", members=FAMILY))
    any_register.clock = lambda: datetime(2026, 11, 20, 9, 0)
    return any_register


def test_a_persons_history_reads_in_words_with_who_when_and_which_action(reg):
    reg.apply(CorrectPerson(person="3800000005", changes={"full_name": "Lê Thị Lan Anh", "sex": "F"}))
    reg.apply(RecordDeath(person="3800000005", date="2026-11-02"))
    with reg.reading() as s:
        pid = s.scalars(select(Person.id).where(Person.bhxh_code == "3800000005")).one()
        lines = hist.person_history(s, pid)
    texts = [ln.text() for ln in lines]
    assert texts[0].endswith("Thêm hộ H1: tạo hồ sơ")
    assert any("Điều chỉnh thông tin: Lê Thị Lan: Họ và tên Lê Thị Lan → Lê Thị Lan Anh" in t for t in texts)
    assert any("Tình trạng đang quản lý → đã chết" in t and t.startswith("02/11/2026") for t in texts)
    assert all(" · test · " in t for t in texts)
    with reg.reading() as s:
        en = [ln.text("en") for ln in hist.person_history(s, pid, "en")]
    assert any("Status active → dead" in t for t in en)


def test_a_household_as_it_stood_before_and_after_a_split(reg):
    with reg.reading() as s:
        son, wife = (s.scalars(select(Person.id).where(Person.bhxh_code == c)).one()
                     for c in ("3800000003", "3800000004"))
    reg.apply(SplitHousehold(household="H1", members=(son, wife), new_head=son, date="2026-11-05", new_code="H3"))
    with reg.reading() as s:
        hid = s.scalars(select(Household.id).where(Household.code == "H1")).one()
        before = hist.household_on(s, hid, date(2026, 11, 4))
        after = hist.household_on(s, hid, date(2026, 11, 5))
    assert len(before["members"]) == 6 and len(after["members"]) == 4
    assert before["members"][0]["relation"] == "chu_ho"


def test_the_demo_communes_history_agrees_with_its_events(tmp_path):
    """Replaying each person's audit trail finds their events: born, dead, gone — each by the action that recorded
    the event, on the event's day (not created dead)."""
    from app.demo import create_demo
    from app.register import Register

    create_demo(tmp_path / "d.db", persons=1500, seed=4, today=date(2026, 11, 20))
    with Register.open(tmp_path / "d.db") as reg, reg.reading() as s:
        checked = 0
        for ev in s.scalars(select(Event).where(Event.type.in_(("birth", "death", "move_out")))):
            role = {"birth": "child", "death": "deceased", "move_out": "person"}[ev.type]
            for (pid,) in s.execute(select(EventSubject.person_id).where(EventSubject.event_id == ev.id,
                                                                         EventSubject.role == role)):
                lines = hist.person_history(s, pid)
                mine = [ln for ln in lines if ln.action_seq == _seq(s, ev.action_id)]
                if ev.type == "birth":
                    assert mine[0].field == "*" and mine[0].new["status"] == "active"
                    assert lines[0].at == ev.effective_date
                else:
                    assert lines[0].new["status"] == "active"  # created alive, in the base register
                    status = [ln for ln in mine if ln.field == "status"]
                    assert status and status[0].new == {"death": "dead", "move_out": "moved_out"}[ev.type]
                    assert status[0].at == ev.effective_date
                    on_eve = hist.state_on(lines, "person", pid,
                                           date.fromisoformat(ev.effective_date) - timedelta(days=1))
                    assert on_eve["status"] == "active"
                checked += 1
    assert checked >= 10


def _seq(s, action_id):
    from app.store.models import Action

    return s.get(Action, action_id).seq
