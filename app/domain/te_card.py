"""Cards of children under 6 (group TE): when they end (DOMAIN §5.5; Luật BHYT 2008 amended 2014, art. 16(3))."""
from __future__ import annotations

import calendar
from datetime import date


def add_months(d: date, months: int) -> date:
    """The same day `months` later; the month's last day when it has no such day (31/01 + 1 month = 28/02)."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def month_end(d: date) -> date:
    return date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])


def turns_72_months(birth: date) -> date:
    return add_months(birth, 72)


def te_card_end(birth: date) -> date:
    """The last day of a TE card: 30 September of the year the child reaches 72 months when that day comes first
    (the school year has not started), otherwise the last day of the month the child reaches 72 months.
    Unsure (DOMAIN §8) whether BHXH prints that day itself or the month's last day: the rule lives only here."""
    turns = turns_72_months(birth)
    school_year = date(turns.year, 9, 30)
    return school_year if turns <= school_year else month_end(turns)
