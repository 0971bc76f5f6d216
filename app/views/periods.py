"""The periods page's reads: the commune's periods (status, deadline, events, lists), one period's lists with their
counts and the findings that would stop its lock, and its files written to a folder."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.lists import periods
from app.store.models import Period

if TYPE_CHECKING:
    from app.register import Register



@dataclass(frozen=True)
class PeriodRow:
    month: str
    status: str          # open, locked, …, or not_opened
    deadline: date
    overdue: bool
    events: int
    current: bool


@dataclass(frozen=True)
class ListRow:
    title: str
    form: str
    variant: str | None
    persons: int
    stem: str = ""           # its files' name without the extension (documents.file_stem)


@dataclass(frozen=True)
class PeriodDetail:
    month: str
    status: str
    deadline: date
    overdue: bool
    events: int
    frozen: bool
    lists: list[ListRow]
    blockers: list[str]
    override: str | None     # the reason the clerk gave to lock despite blockers


def period_rows(reg: Register, today: date | None = None) -> list[PeriodRow]:
    """The periods that exist, and every month from the first of them (or the current one) to this month, newest
    first: the months before the register's first period are not the clerk's to report."""
    today = today or reg.today()
    cid = reg.commune_id
    with reg.reading() as s:
        current = periods.current_month(s, cid, today)
        months = set(s.scalars(select(Period.month).where(Period.commune_id == cid, Period.status != "void")))
        last = max(current, periods.month_of(today))
        m = min(months | {current})
        while m <= last:
            months.add(m)
            m = periods.next_month(m)
        out = []
        for month in sorted(months, reverse=True):
            i = periods.info(s, cid, month, today)
            out.append(PeriodRow(month, i.status, i.deadline, i.overdue, i.events, month == current))
    return out


def current_period(reg: Register, today: date | None = None) -> PeriodRow:
    """The overview's line: the period the clerk reports now and its deadline."""
    today = today or reg.today()
    with reg.reading() as s:
        i = periods.current(s, reg.commune_id, today)
    return PeriodRow(i.month, i.status, i.deadline, i.overdue, i.events, True)


def period_detail(reg: Register, month: str, today: date | None = None) -> PeriodDetail:
    from app.lists.documents import file_stem, list_title  # the writers' libraries load when a period is opened
    from app.lists.period_ops import view  # the lists' derivation too (not needed by the overview's line)

    today = today or reg.today()
    with reg.reading() as s:
        v = view(s, reg.commune_id, month, today)
        p = periods.find(s, reg.commune_id, v.info.month)
        override = ((p.details or {}).get("override") or {}).get("reason") if p is not None else None
    lists = [ListRow(list_title(fl.form, fl.variant), fl.form, fl.variant, fl.persons, file_stem(v.info.month, fl))
             for fl in v.lists]
    return PeriodDetail(v.info.month, v.info.status, v.info.deadline, v.info.overdue, v.info.events, v.frozen,
                        lists, [b.text() for b in v.blockers], override)


def write_period_files(reg: Register, month: str, out_dir: str | Path) -> list[Path]:
    from app.lists.documents import documents, write_documents
    from app.lists.period_ops import view

    """Every list of the period as XLSX and PDF in `out_dir` (a locked period: its frozen lists; an open one: a
    draft as the events stand)."""
    with reg.reading() as s:
        v = view(s, reg.commune_id, month, reg.today())
    return write_documents(documents(v.info.month, v.lists), out_dir)
