"""Opening and locking a period (operations), and what a period holds as the overview and `hgd period show` tell.

Locking assigns the period's events to it, derives the rows of its lists, checks them (app.lists.checks) and
freezes the lists (app.lists.produce): from then on they are regenerated identical. A lock cannot be undone (its
events now belong to a locked period, which is what stops undoing them too); a later event goes to the next period.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from sqlalchemy import Table
from sqlalchemy.orm import Session

from app import messages
from app.errors import HgdError
from app.lists import checks, periods, produce
from app.lists.derive import derive, load_events, source
from app.lists.periods import CLOSED, OPEN, shown
from app.lists.rows import Row
from app.operations import Changes, OpContext, Operation
from app.store import write
from app.store.models import Event, Period, Setting

messages.register({
    "op.period_open": ("Mở kỳ báo cáo {month}", "Open the reporting period {month}"),
    "op.period_lock": ("Khóa kỳ báo cáo {month}", "Lock the reporting period {month}"),
    "period.exists": ("Kỳ {month} đã có (trạng thái: {status}).", "The period {month} already exists ({status})."),
    "period.future": ("Kỳ {month} chưa đến: chỉ mở được kỳ đến tháng hiện tại ({today}).",
                      "The period {month} has not come yet: periods open up to the current month ({today})."),
    "period.before_locked": (("Không mở được kỳ {month}: kỳ {locked} sau nó đã khóa (biến động của tháng {month} "
                             "chưa báo cáo sẽ vào kỳ mở tiếp theo)."),
                             ("Cannot open {month}: the later period {locked} is locked (unreported events of "
                             "{month} go to the next open period).")),
    "period.missing": ("Chưa mở kỳ {month}: hãy mở kỳ trước (hgd period open).",
                       "The period {month} is not open: open it first (hgd period open)."),
    "period.not_open": ("Kỳ {month} không còn mở (trạng thái: {status}).",
                        "The period {month} is no longer open ({status})."),
    "period.earlier_open": ("Hãy khóa kỳ {earlier} trước kỳ {month}.", "Lock the period {earlier} before {month}."),
    "period.not_over": ("Tháng {month} chưa kết thúc: khóa kỳ được từ ngày {from}.",
                        "The month {month} is not over: the period can be locked from {from}."),
    "period.blocked": (("Không khóa được kỳ {month}: {count} điều cần xử lý trước khi gửi — {first}. Hãy sửa, hoặc "
                       "khóa kèm lý do bỏ qua."),
                       ("Cannot lock {month}: {count} problems to settle before sending — {first}. Fix them, or "
                       "lock with a reason to override.")),
    "period.override_empty": ("Lý do bỏ qua không được để trống.", "The reason to override must not be empty."),
})


def _period(ctx: OpContext, month: str) -> Period | None:
    assert ctx.commune_id is not None
    return periods.find(ctx.session, ctx.commune_id, month)


@dataclass(frozen=True)
class OpenPeriod(Operation):
    """Open the period of a month: it holds the events not yet reported up to the month's last day."""

    month: str

    kind = "period_open"
    label_key = "op.period_open"

    def label_params(self) -> dict[str, Any]:
        return {"month": self.month}

    def apply(self, ctx: OpContext) -> Changes:
        month = periods.parse_month(self.month)
        ctx.action.label_params = {"month": shown(month)}
        assert ctx.commune_id is not None
        found = _period(ctx, month)
        if found is not None and found.status != "void":
            raise HgdError("period.exists", month=shown(month), status=periods.status_name(found.status))
        if month > periods.month_of(ctx.today):
            raise HgdError("period.future", month=shown(month), today=shown(periods.month_of(ctx.today)))
        closed = periods.last_closed_month(ctx.session, ctx.commune_id)
        if closed and month <= closed:
            raise HgdError("period.before_locked", month=shown(month), locked=shown(closed))
        if found is None:
            found = ctx.add(Period(commune_id=ctx.commune_id, month=month, status=OPEN))
        else:  # a period opened by an action since undone: the same row opens again
            found.status, found.locked_at, found.details = OPEN, None, None
            ctx.updated(found)
        ctx.value = periods.info(ctx.session, ctx.commune_id, month, ctx.today).to_dict()
        return ctx.changes


@dataclass(frozen=True)
class LockPeriod(Operation):
    """Lock an open period whose month is over: its events are assigned to it and its lists frozen. Refused while
    a blocking finding stands (app.lists.checks), unless `override_reason` says why the lists go anyway."""

    month: str
    override_reason: str | None = None
    d02_reduced: bool | None = None   # D02-LT's reduced column set; None: the setting `lists.d02_reduced`

    kind = "period_lock"
    label_key = "op.period_lock"
    undoable = False

    def label_params(self) -> dict[str, Any]:
        return {"month": self.month}

    def apply(self, ctx: OpContext) -> Changes:
        month = periods.parse_month(self.month)
        ctx.action.label_params = {"month": shown(month)}
        assert ctx.commune_id is not None
        period = _period(ctx, month)
        if period is None or period.status == "void":
            raise HgdError("period.missing", month=shown(month))
        if period.status != OPEN:
            raise HgdError("period.not_open", month=shown(month), status=periods.status_name(period.status))
        earlier = periods.open_periods(ctx.session, ctx.commune_id)[0]
        if earlier.month < month:
            raise HgdError("period.earlier_open", earlier=shown(earlier.month), month=shown(month))
        if ctx.today <= periods.last_day(month):
            raise HgdError("period.not_over", month=shown(month),
                           **{"from": periods.first_day(periods.next_month(month)).strftime("%d/%m/%Y")})
        reason = (self.override_reason or "").strip() if self.override_reason is not None else None
        if reason is not None and not reason:
            raise HgdError("period.override_empty")
        events = load_events(ctx.session, periods.events_query(ctx.session, period))
        src = source(ctx.session, ctx.commune_id, month, ctx.today)
        rows = derive(src, events)
        blockers = checks.blocking(rows, ctx.today)
        if blockers and reason is None:
            raise HgdError("period.blocked", month=shown(month), count=len(blockers), first=blockers[0].text())
        write.update(ctx.session, cast(Table, Event.__table__), [(e.id, {"reported_period_id": None},
                                                     {"reported_period_id": period.id}) for e in events],
                     now=ctx.action.at)
        if events:
            ctx.changes.touch("event", *(e.id for e in events))
        reduced = self.d02_reduced if self.d02_reduced is not None else bool(_setting(ctx.session, "lists.d02_reduced"))
        lists = produce.build(src, rows, produce.versions(ctx.session), d02_reduced=reduced)
        override = {"reason": reason, "blockers": [b.to_dict() for b in blockers]} if blockers else None
        produce.store(ctx, period, lists, {"override": override} if override else None)
        period.status, period.locked_at = "locked", ctx.action.at
        period.details = {"events": len(events), "lists": [summary(fl) for fl in lists],
                          **({"override": override} if override else {})}
        ctx.updated(period)
        ctx.changes.summary.update(events=len(events), lists=len(lists))
        ctx.value = {"month": month, "events": len(events), "lists": [summary(fl) for fl in lists],
                     "blockers": [b.to_dict() for b in blockers]}
        return ctx.changes


def _setting(session: Session, key: str) -> Any:
    row = session.get(Setting, key)
    return None if row is None else row.value


def summary(fl: produce.FrozenList) -> dict[str, Any]:
    return {"form": fl.form, "version": fl.version, "variant": fl.variant, "number": fl.number,
            "persons": fl.persons, "sha256": fl.sha256}


@dataclass
class PeriodView:
    """What a period holds: its info, its lists (frozen, or as they would be if locked today) and, while open,
    the blocking findings that would stop the lock."""

    info: periods.PeriodInfo
    lists: list[produce.FrozenList]
    blockers: list[checks.Blocker]
    rows: list[Row]

    @property
    def frozen(self) -> bool:
        return self.info.status in CLOSED


def view(session: Session, commune_id: str, month: str, today: date) -> PeriodView:
    """The period of `month`: frozen lists when locked; else its lists derived now (a draft: nothing written)."""
    month = periods.parse_month(month)
    info = periods.info(session, commune_id, month, today)
    period = periods.find(session, commune_id, month)
    if period is not None and period.status in CLOSED:
        return PeriodView(info, produce.load(session, period), [], [])
    if period is None or period.status == "void":
        period = Period(commune_id=commune_id, month=month, status=OPEN)  # transient: never added
    events = load_events(session, periods.events_query(session, period))
    on = max(today, periods.first_day(periods.next_month(month)))
    src = source(session, commune_id, month, on)
    rows = derive(src, events)
    reduced = bool(_setting(session, "lists.d02_reduced"))
    lists = produce.build(src, rows, produce.versions(session), d02_reduced=reduced)
    return PeriodView(info, lists, checks.blocking(rows, on), rows)
