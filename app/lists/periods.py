"""Reporting periods (kỳ báo cáo): one per commune and month, open → locked → exported → collected → acknowledged.

Which events a period holds:
- a locked (or later) period holds the events assigned to it when it was locked (`events.reported_period_id`);
- an open period holds every recorded event not yet assigned whose effective date is on or before the month's last
  day — and, when an earlier period is open too, after that period's last day (the earlier one takes those).
Periods are locked in order, and no period opens before a locked one, so every event not yet reported falls in the
first open period at or after its month: an event recorded after its month was locked, even dated inside it, goes to
the next open period (and `late_note` says so when it is recorded).

The statuses after `locked` belong to the package work; `advance` moves a period along them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app import messages
from app.errors import HgdError
from app.operations import OpContext
from app.store.models import Event, Period

messages.register({
    "period.bad_month": ("Kỳ '{value}' không hợp lệ: cần dạng YYYY-MM (ví dụ 2026-11).",
                         "The period '{value}' is invalid: use YYYY-MM (e.g. 2026-11)."),
    "period.late": ("Kỳ {month} đã khóa: biến động này được báo cáo ở kỳ {next}.",
                    "The period {month} is locked: this event is reported in the period {next}."),
    "period.bad_step": ("Kỳ {month} đang ở trạng thái '{status}': không chuyển sang '{target}' được.",
                        "The period {month} is '{status}': it cannot become '{target}'."),
    "period.status.open": ("đang mở", "open"),
    "period.status.locked": ("đã khóa", "locked"),
    "period.status.exported": ("đã xuất gói", "exported"),
    "period.status.collected": ("bưu điện đã nhận", "collected"),
    "period.status.acknowledged": ("BHXH đã xác nhận", "acknowledged"),
    "period.status.not_opened": ("chưa mở", "not opened"),
})

OPEN = "open"
CLOSED = ("locked", "exported", "collected", "acknowledged")   # frozen: its events and lists no longer change
# The package work's steps after locking: each status may only follow the one before it.
NEXT_STATUS = {"locked": "exported", "exported": "collected", "collected": "acknowledged"}
DEADLINE_DAY = 5   # the month's changes reach BHXH before the 5th of the next month (letter 000)
_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$|^\s*(\d{1,2})[/.-](\d{4})\s*$")


def parse_month(text: str) -> str:
    """'2026-11', '2026-1' or '11/2026' -> '2026-11'."""
    m = _MONTH.match(text or "")
    if not m:
        raise HgdError("period.bad_month", value=text)
    year, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
    if not 1 <= int(month) <= 12 or not 1900 <= int(year) <= 2200:
        raise HgdError("period.bad_month", value=text)
    return f"{int(year):04d}-{int(month):02d}"


def month_of(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def first_day(month: str) -> date:
    return date(int(month[:4]), int(month[5:7]), 1)


def last_day(month: str) -> date:
    return first_day(next_month(month)) - timedelta(days=1)


def next_month(month: str) -> str:
    y, m = int(month[:4]), int(month[5:7])
    return f"{y + m // 12:04d}-{m % 12 + 1:02d}"


def previous_month(month: str) -> str:
    y, m = int(month[:4]), int(month[5:7])
    return f"{y - (m == 1):04d}-{(m - 2) % 12 + 1:02d}"


def deadline(month: str) -> date:
    """The day the month's lists are due at the social-insurance office: the 5th of the next month."""
    return first_day(next_month(month)).replace(day=DEADLINE_DAY)


def shown(month: str) -> str:
    """'2026-11' -> '11/2026', as the clerk reads it."""
    return f"{month[5:7]}/{month[:4]}"


def status_name(status: str, lang: str | None = None) -> str:
    return messages.render(f"period.status.{status}", lang)


# --- queries ---------------------------------------------------------------------------------------------------------

def find(session: Session, commune_id: str, month: str) -> Period | None:
    """The commune's period of a month (a voided one included: it is reopened rather than made again)."""
    return session.scalars(select(Period).where(Period.commune_id == commune_id, Period.month == month)).first()


def last_closed_month(session: Session, commune_id: str) -> str | None:
    return session.scalar(select(func.max(Period.month)).where(Period.commune_id == commune_id,
                                                                Period.status.in_(CLOSED)))


def open_periods(session: Session, commune_id: str) -> list[Period]:
    return list(session.scalars(select(Period).where(Period.commune_id == commune_id, Period.status == OPEN)
                                .order_by(Period.month)))


def _pending(commune_id: str) -> Select[Any]:
    return select(Event).where(Event.commune_id == commune_id, Event.status == "recorded",
                               Event.reported_period_id.is_(None))


def events_query(session: Session, period: Period) -> Select[Any]:
    """The events a period holds (module docstring), oldest first in the order they were recorded."""
    if period.status in CLOSED:
        q = select(Event).where(Event.reported_period_id == period.id, Event.status == "recorded")
    else:
        q = _pending(period.commune_id).where(Event.effective_date <= last_day(period.month).isoformat())
        earlier = session.scalar(select(func.max(Period.month)).where(
            Period.commune_id == period.commune_id, Period.status == OPEN, Period.month < period.month))
        if earlier:
            q = q.where(Event.effective_date > last_day(earlier).isoformat())
    return q.order_by(Event.effective_date, Event.created_at, Event.id)


def events_of(session: Session, period: Period) -> list[Event]:
    return list(session.scalars(events_query(session, period)))


def reporting_month(session: Session, commune_id: str, when: date) -> str:
    """The month whose period will report an event dated `when` that is not reported yet: its own month, or — when
    that month or a later one is already locked — the first open period after the last locked one (or the month
    after it, not opened yet)."""
    month = month_of(when)
    closed = last_closed_month(session, commune_id)
    if closed is None or month > closed:
        return month
    nxt = session.scalar(select(func.min(Period.month)).where(Period.commune_id == commune_id,
                                                              Period.status == OPEN, Period.month > closed))
    return nxt or next_month(closed)


def late_note(session: Session, commune_id: str, when: date) -> str | None:
    """A sentence for the clerk when an event dated `when` falls in a month already locked; None otherwise."""
    month = month_of(when)
    closed = last_closed_month(session, commune_id)
    if closed is None or month > closed:
        return None
    frozen = find(session, commune_id, month)
    locked = month if frozen is not None and frozen.status in CLOSED else closed
    return messages.render("period.late", month=shown(locked),
                           next=shown(reporting_month(session, commune_id, when)))


@dataclass
class PeriodInfo:
    """A period as the overview shows it: the month, its status ("not_opened" when no period exists yet), the day the
    lists are due, whether that day has passed, and how many events it holds."""

    month: str
    status: str
    deadline: date
    overdue: bool
    events: int
    period_id: str | None = None
    locked_at: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {"month": self.month, "status": self.status, "deadline": self.deadline.isoformat(),
                "overdue": self.overdue, "events": self.events, "period_id": self.period_id,
                "locked_at": self.locked_at}


def info(session: Session, commune_id: str, month: str, today: date) -> PeriodInfo:
    period = find(session, commune_id, month)
    if period is None or period.status == "void":
        transient = Period(commune_id=commune_id, month=month, status=OPEN)  # never added: only asked
        n = session.scalar(select(func.count()).select_from(events_query(session, transient).order_by(None)
                                                            .subquery())) or 0
        return PeriodInfo(month, "not_opened", deadline(month), today > deadline(month), n)
    n = session.scalar(select(func.count()).select_from(events_query(session, period).order_by(None).subquery())) or 0
    return PeriodInfo(month, period.status, deadline(month), period.status == OPEN and today > deadline(month),
                      n or 0, period.id, period.locked_at.isoformat(sep=" ", timespec="seconds")
                      if period.locked_at else None)


def current_month(session: Session, commune_id: str, today: date) -> str:
    """The month the clerk reports now: the first open period; else the month after the last locked one; else, in
    a register with no period yet, last month until its deadline has passed, then this month."""
    first_open = session.scalar(select(func.min(Period.month)).where(Period.commune_id == commune_id,
                                                                     Period.status == OPEN))
    if first_open:
        return first_open
    closed = last_closed_month(session, commune_id)
    if closed:
        return next_month(closed)
    this = month_of(today)
    return previous_month(this) if today.day <= DEADLINE_DAY else this


def current(session: Session, commune_id: str, today: date) -> PeriodInfo:
    """The current period and its deadline (the overview's line)."""
    return info(session, commune_id, current_month(session, commune_id, today), today)


def advance(ctx: OpContext, period: Period, status: str) -> None:
    """Move a locked period one step on (locked → exported → collected → acknowledged), inside the caller's
    operation (the package work's): the change is audited with that action. Anything else is refused."""
    if NEXT_STATUS.get(period.status) != status:
        raise HgdError("period.bad_step", month=shown(period.month), status=_name(period.status),
                       target=_name(status))
    period.status = status
    ctx.updated(period)


def _name(status: str) -> str:
    return status_name(status) if status in (OPEN, *CLOSED) else status
