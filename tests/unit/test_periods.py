"""Reporting periods: one per commune and month; what an open period holds; locking assigns and freezes; a later
event goes to the next period and says so; the current period and its deadline; undo against locked periods."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.errors import HgdError
from app.lists import periods
from app.registry import CorrectPerson, RecordBirth, RecordDeath
from app.store.models import Event, Period, ProducedList
from tests.conftest import Do
from tests.unit.lists_world import HEAD, HOUSEHOLD, SON, WIFE, family, lists_of, lock, on, open_, rows


def _event(reg, op, day):
    on(reg, day)
    return reg.apply(op)


def _period(reg, month):
    with reg.reading() as s:
        return periods.info(s, reg.commune_id, month, reg.today())


def test_months_parse_and_the_deadline_is_the_fifth_of_the_next_month():
    assert periods.parse_month("2026-1") == "2026-01" and periods.parse_month("11/2026") == "2026-11"
    assert periods.deadline("2026-11") == date(2026, 12, 5) and periods.deadline("2026-12") == date(2027, 1, 5)
    assert periods.last_day("2026-02") == date(2026, 2, 28)
    for bad in ("2026-13", "2026/11/01", "", "nov"):
        with pytest.raises(HgdError):
            periods.parse_month(bad)


def test_an_open_period_holds_the_unreported_events_up_to_its_months_end(any_register):
    reg = any_register
    family(reg, date(2026, 10, 1))
    _event(reg, RecordBirth(household=HOUSEHOLD, full_name="Nguyễn Văn An", sex="M", birth_date="2026-10-20",
                            mother=WIFE), date(2026, 10, 21))
    _event(reg, RecordDeath(person=HEAD, date="2026-11-02"), date(2026, 11, 3))
    open_(reg, "2026-10", date(2026, 11, 3))
    assert _period(reg, "2026-10").events == 1 and _period(reg, "2026-10").status == "open"
    assert _period(reg, "2026-11").status == "not_opened" and _period(reg, "2026-11").events == 1


def test_locking_assigns_the_events_freezes_the_lists_and_a_later_event_goes_to_the_next_period(any_register):
    reg = any_register
    family(reg)
    _event(reg, RecordBirth(household=HOUSEHOLD, full_name="Nguyễn Văn An", sex="M", birth_date="2026-10-20",
                            mother=WIFE), date(2026, 10, 21))
    open_(reg, "2026-10", date(2026, 10, 25))
    locked = lock(reg, "2026-10", date(2026, 11, 2))
    assert locked["events"] == 1 and {fl["form"] for fl in locked["lists"]} >= {"D03-TS", "BD-HGD", "TK1-TS"}
    with reg.reading() as s:
        p = periods.find(s, reg.commune_id, "2026-10")
        assert p.status == "locked" and p.locked_at is not None
        assert {e.reported_period_id for e in s.scalars(select(Event))} == {p.id}
    # recorded after the lock, dated inside the locked month: it goes to the next period, and says so
    result = _event(reg, RecordDeath(person=HEAD, date="2026-10-28"), date(2026, 11, 3))
    assert result.changes.summary["notes"] == ["Kỳ 10/2026 đã khóa: biến động này được báo cáo ở kỳ 11/2026."]
    assert _period(reg, "2026-10").events == 1
    assert _period(reg, "2026-11").events == 1
    death = rows(reg, "2026-11", "D03-TS", "HN", "II.1")
    assert [r["ho_ten"] for r in death] == ["Nguyễn Văn Hùng"]
    assert "biến động tháng 10/2026 báo cáo bổ sung" in death[0]["ghi_chu"]


def test_an_event_dated_before_an_open_period_after_a_locked_one_goes_to_that_open_period(any_register):
    reg = any_register
    family(reg)
    open_(reg, "2026-10", date(2026, 10, 5))
    lock(reg, "2026-10", date(2026, 11, 2))
    open_(reg, "2026-11", date(2026, 11, 2))
    with reg.reading() as s:
        assert periods.reporting_month(s, reg.commune_id, date(2026, 9, 15)) == "2026-11"
        assert periods.reporting_month(s, reg.commune_id, date(2026, 12, 15)) == "2026-12"


def test_a_period_is_locked_only_after_its_month_in_order_and_once(any_register):
    reg = any_register
    family(reg)
    with pytest.raises(HgdError, match="Chưa mở kỳ 10/2026"):
        lock(reg, "2026-10", date(2026, 11, 2))
    open_(reg, "2026-10", date(2026, 10, 5))
    with pytest.raises(HgdError, match="chưa kết thúc"):
        lock(reg, "2026-10", date(2026, 10, 31))
    open_(reg, "2026-11", date(2026, 11, 2))
    with pytest.raises(HgdError, match="Hãy khóa kỳ 10/2026 trước kỳ 11/2026"):
        lock(reg, "2026-11", date(2026, 12, 2))
    lock(reg, "2026-10", date(2026, 11, 2))
    with pytest.raises(HgdError, match="không còn mở"):
        lock(reg, "2026-10", date(2026, 11, 3))


def test_a_period_opens_once_not_in_the_future_and_not_before_a_locked_one(any_register):
    reg = any_register
    open_(reg, "2026-10", date(2026, 10, 5))
    with pytest.raises(HgdError, match="đã có"):
        open_(reg, "2026-10", date(2026, 10, 6))
    with pytest.raises(HgdError, match="chưa đến"):
        open_(reg, "2026-12", date(2026, 11, 6))
    lock(reg, "2026-10", date(2026, 11, 2))
    with pytest.raises(HgdError, match="kỳ 10/2026 sau nó đã khóa"):
        open_(reg, "2026-09", date(2026, 11, 6))


def test_undoing_an_opening_voids_the_period_and_it_can_open_again(any_register):
    reg = any_register
    open_(reg, "2026-10", date(2026, 10, 5))
    reg.undo()
    assert _period(reg, "2026-10").status == "not_opened"
    open_(reg, "2026-10", date(2026, 10, 6))
    assert _period(reg, "2026-10").status == "open"
    with reg.reading() as s:
        assert len(s.scalars(select(Period)).all()) == 1


def test_undo_of_an_action_whose_events_sit_in_a_locked_period_is_refused(any_register):
    reg = any_register
    family(reg)
    _event(reg, CorrectPerson(person=SON, changes={"full_name": "Nguyễn Văn Nam Anh"}, date="2026-10-10"),
           date(2026, 10, 10))
    open_(reg, "2026-10", date(2026, 10, 11))
    _event(reg, Do(lambda ctx: None, "no events"), date(2026, 10, 12))
    reg.undo()  # an action without events undoes while the period is open
    lock(reg, "2026-10", date(2026, 11, 2))
    assert reg.undo_status().undo is None  # the lock itself is not undoable: undo stops there
    with reg.reading() as s:
        correction = s.scalars(select(Event).where(Event.type == "correction")).one()
    with pytest.raises(HgdError, match="kỳ báo cáo 10/2026 đã khóa"):
        reg.undo(correction.action_id)


def test_an_event_still_in_an_open_period_is_undone_and_leaves_it(any_register):
    reg = any_register
    family(reg)
    open_(reg, "2026-10", date(2026, 10, 5))
    _event(reg, RecordDeath(person=HEAD, date="2026-10-10"), date(2026, 10, 10))
    assert _period(reg, "2026-10").events == 1
    reg.undo()
    assert _period(reg, "2026-10").events == 0


def test_the_current_period_is_the_first_open_one_else_the_month_after_the_last_locked(any_register):
    reg = any_register
    with reg.reading() as s:
        assert periods.current(s, reg.commune_id, date(2026, 12, 4)).month == "2026-11"  # before the 5th
        assert periods.current(s, reg.commune_id, date(2026, 12, 6)).month == "2026-12"
    open_(reg, "2026-10", date(2026, 10, 5))
    with reg.reading() as s:
        cur = periods.current(s, reg.commune_id, date(2026, 11, 6))
    assert (cur.month, cur.status, cur.deadline, cur.overdue) == ("2026-10", "open", date(2026, 11, 5), True)
    lock(reg, "2026-10", date(2026, 11, 2))
    with reg.reading() as s:
        cur = periods.current(s, reg.commune_id, date(2026, 11, 6))
    assert (cur.month, cur.status, cur.deadline) == ("2026-11", "not_opened", date(2026, 12, 5))


def test_a_locked_period_moves_on_to_exported_collected_acknowledged_in_order(any_register):
    reg = any_register
    open_(reg, "2026-10", date(2026, 10, 5))

    def step(status):
        def fn(ctx):
            periods.advance(ctx, periods.find(ctx.session, ctx.commune_id, "2026-10"), status)
        reg.apply(Do(fn, status))

    with pytest.raises(HgdError, match="không chuyển sang"):
        step("exported")  # still open
    lock(reg, "2026-10", date(2026, 11, 2))
    with pytest.raises(HgdError):
        step("acknowledged")
    for status in ("exported", "collected", "acknowledged"):
        step(status)
        assert _period(reg, "2026-10").status == status
    with pytest.raises(HgdError):
        step("exported")


def test_regenerating_a_locked_periods_lists_gives_the_same_content_whatever_the_register_says_later(any_register):
    reg = any_register
    family(reg)
    _event(reg, RecordDeath(person=HEAD, date="2026-10-10"), date(2026, 10, 10))
    open_(reg, "2026-10", date(2026, 10, 11))
    lock(reg, "2026-10", date(2026, 11, 2))
    before = {k: (fl.sha256, [ln.data for ln in fl.lines]) for k, fl in lists_of(reg, "2026-10").items()}
    on(reg, date(2026, 11, 5))
    from app.registry import SetCommuneInfo

    reg.apply(SetCommuneInfo({"chairman": "Phạm Văn Mới"}))
    reg.apply(CorrectPerson(person=WIFE, changes={"full_name": "Lê Thị Hòa"}))
    after = {k: (fl.sha256, [ln.data for ln in fl.lines]) for k, fl in lists_of(reg, "2026-10").items()}
    assert after == before
    with reg.reading() as s:
        stored = {(p.form, p.variant): p.sha256 for p in s.scalars(select(ProducedList))}
    assert stored == {k: v[0] for k, v in before.items()}


def test_the_lists_of_a_period_are_stored_with_their_lines_and_audited(any_register):
    reg = any_register
    family(reg)
    _event(reg, RecordDeath(person=HEAD, date="2026-10-10"), date(2026, 10, 10))
    open_(reg, "2026-10", date(2026, 10, 11))
    lock(reg, "2026-10", date(2026, 11, 2))
    with reg.reading() as s:
        produced = s.scalars(select(ProducedList)).all()
        from app.store.models import AuditEntry, ListLine

        lines = s.scalars(select(ListLine)).all()
        audited = {e.entity_id for e in s.scalars(select(AuditEntry).where(AuditEntry.entity == "produced_list"))}
    assert {p.id for p in produced} == audited
    assert sum(p.line_count for p in produced) == len(lines)

