"""TE cards end when the child reaches 72 months, or on 30 September when that comes later in the same year."""
from __future__ import annotations

from datetime import date

import pytest

from app.domain.te_card import add_months, te_card_end


@pytest.mark.parametrize("born, end", [
    (date(2019, 10, 15), date(2025, 10, 31)),  # 72 months after the school year started: the month's last day
    (date(2020, 3, 15), date(2026, 9, 30)),    # 72 months before the school year: to 30 September
    (date(2020, 9, 30), date(2026, 9, 30)),    # reaches 72 months on 30 September itself
    (date(2020, 10, 1), date(2026, 10, 31)),
    (date(2020, 1, 1), date(2026, 9, 30)),
    (date(2020, 2, 29), date(2026, 9, 30)),    # leap day: 72 months later is 28/02/2026
])
def test_child_card_end_date(born, end):
    assert te_card_end(born) == end


@pytest.mark.parametrize("start, months, result", [
    (date(2024, 1, 31), 1, date(2024, 2, 29)),
    (date(2023, 1, 31), 1, date(2023, 2, 28)),
    (date(2024, 12, 15), 1, date(2025, 1, 15)),
    (date(2024, 3, 31), -1, date(2024, 2, 29)),
])
def test_add_months_keeps_the_day_or_takes_the_months_last(start, months, result):
    assert add_months(start, months) == result
