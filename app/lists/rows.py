"""What the derivation rules share: a row of a list, and what they know of the commune and the period.

A `Row` knows the event it comes from, the list (form and variant: the participant group of a D03-TS) and the
section it goes in; `data` holds its cells by the form's column ids, JSON-able (dates as ISO text), so that it is
frozen as it is when the period is locked. `meta` carries what the checks before sending need (not printed).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from app.domain.dates import months_between
from app.lists.periods import first_day, month_of, next_month, shown
from app.store.models import Event, Person

D03, D02, CHANGES, TK1, VNPT = "D03-TS", "D02-LT", "BD-HGD", "TK1-TS", "VNPT"


@dataclass
class Row:
    form: str
    section: str
    event_id: str
    person_id: str | None
    data: dict[str, Any]
    variant: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Source:
    """The derivation's context: the session (for the names an event's subjects had, and households as they stood),
    the commune's identity, the period's month, the lists' date and the base salary in force on it."""

    session: Session
    commune_id: str
    commune: dict[str, str]
    month: str
    on: date
    base_salary: int | None = None

    def late(self, ev: Event) -> str:
        """A note for an event from an earlier month, reported in this period because that month was locked."""
        when = ev.effective_date[:7]
        return f"; biến động tháng {shown(when)} báo cáo bổ sung" if when < self.month else ""

    def name_of(self, person_id: str | None) -> str:
        if not person_id:
            return ""
        p = self.session.get(Person, person_id)
        return p.full_name if p is not None else ""


def persons(ev: Event) -> list[dict[str, Any]]:
    """The reported persons of an event's payload (the snapshot taken when it was recorded)."""
    return list((ev.details or {}).get("persons") or [])


def payload(ev: Event) -> dict[str, Any]:
    return ev.details or {}


def subject(ev: Event, role: str) -> tuple[str | None, str | None]:
    """(person_id, household_id) of the first subject of `ev` playing `role`."""
    for s in ev.subjects:
        if s.role == role:
            return s.person_id, s.household_id
    return None, None


def day(ev: Event) -> date:
    return date.fromisoformat(ev.effective_date)


def month_after(d: date) -> str:
    """The first day of the month after `d`, as ISO text (a decrease takes effect from it)."""
    return first_day(next_month(month_of(d))).isoformat()


def months_of_card(start: str | None, end: str | None) -> int | None:
    """D03-TS "Số tháng" of a card from `start` to `end` (both days included): whole months, counted as Bộ luật Dân
    sự art. 148 counts them (a 12-month card from 01/12 to 30/11 gives 12)."""
    if not start or not end or len(start) != 10 or len(end) != 10:
        return None
    return max(0, months_between(date.fromisoformat(start), date.fromisoformat(end) + timedelta(days=1)))
