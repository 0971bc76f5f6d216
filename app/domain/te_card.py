"""Cards of children under 6 (group TE): when they end and how many months D03-TS says they run (DOMAIN §5.5).

Luật BHYT, Điều 16 khoản 3 điểm d (VBHN 22/VBHN-VPQH, 2025): the card is valid "đến ngày trẻ đủ 72 tháng tuổi", or
"đến ngày 30 tháng 9 của năm đó" when the child reaches 72 months before the school year (first-graders' HS cards
start on 1 October). Both rules live here and nowhere else, so that a real card-holder list can correct them (§8).
"""
from __future__ import annotations

import calendar
from datetime import date

from app.domain.dates import months_between


def add_months(d: date, months: int) -> date:
    """The same day `months` later; the month's last day when it has no such day (31/01 + 1 month = 28/02), as
    Bộ luật Dân sự 2015 art. 148 ends a period counted in months."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def turns_72_months(birth: date) -> date:
    """The day a child reaches 72 months: the sixth birthday; 28/02 for a child born on 29/02 (art. 148)."""
    return add_months(birth, 72)


def te_card_end(birth: date) -> date:
    """The last day of a TE card: the day the child reaches 72 months, or 30 September of that year when that day
    comes on or before it (the school year has not started). Born 15/10/2019 -> 15/10/2025; born 15/03/2020 ->
    30/09/2026. Unsure (DOMAIN §8) whether BHXH prints that day itself: no source supports the month's last day."""
    turns = turns_72_months(birth)
    school_year = date(turns.year, 9, 30)
    return max(school_year, turns)


def te_months(birth: date, start: date | None = None) -> int:
    """D03-TS column 13 "Số tháng" of a TE card that starts on `start` (column 12 "Từ tháng"; the birth date by
    default): the whole months from its start to its end, counted as Bộ luật Dân sự art. 148 counts them. Born
    15/10/2019 -> 72; born 15/03/2020 -> 78 (to 15/09/2026; the 15 days to 30/09 are not a whole month).

    Unsure (DOMAIN §8): no source says how BHXH counts this column for a TE card; counting the calendar months the
    card touches would give 73 and 79. The rule lives only here. 0 when the card has already ended on `start`."""
    return max(0, months_between(start or birth, te_card_end(birth)))
