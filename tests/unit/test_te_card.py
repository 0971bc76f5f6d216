"""TE cards end on the day the child reaches 72 months, or on 30 September of that year when that day comes first
(Luật BHYT art. 16(3)(d); DOMAIN §5.5); D03-TS's "Số tháng" counts the whole months to that end."""
from __future__ import annotations

from datetime import date

import pytest

from app.domain.te_card import add_months, te_card_end, te_months, turns_72_months


def test_child_born_15_october_2019_gets_card_to_the_day_it_reaches_72_months():
    assert te_card_end(date(2019, 10, 15)) == date(2025, 10, 15)


def test_child_born_15_march_gets_card_to_30_september_of_sixth_year():
    assert te_card_end(date(2020, 3, 15)) == date(2026, 9, 30)


@pytest.mark.parametrize("born, end", [
    (date(2020, 9, 29), date(2026, 9, 30)),    # 72 months the day before 30 September: to 30 September
    (date(2020, 9, 30), date(2026, 9, 30)),    # 72 months on 30 September itself
    (date(2020, 10, 1), date(2026, 10, 1)),    # 72 months the day after: that day, not 31 October
    (date(2020, 1, 1), date(2026, 9, 30)),
    (date(2019, 12, 31), date(2025, 12, 31)),  # a month's last day stays the day itself
    (date(2020, 10, 31), date(2026, 10, 31)),
    (date(2020, 11, 30), date(2026, 11, 30)),
])
def test_card_ends_on_the_72_month_day_after_30_september_and_on_30_september_before(born, end):
    assert te_card_end(born) == end


@pytest.mark.parametrize("born, turns", [
    (date(2020, 2, 29), date(2026, 2, 28)),    # no 29 February in 2026: the month's last day (civil code art. 148)
    (date(2024, 2, 29), date(2030, 2, 28)),
    (date(2020, 3, 1), date(2026, 3, 1)),
])
def test_child_born_on_29_february_reaches_72_months_on_28_february(born, turns):
    assert turns_72_months(born) == turns


def test_child_born_on_29_february_gets_card_to_30_september():
    assert te_card_end(date(2020, 2, 29)) == date(2026, 9, 30)


@pytest.mark.parametrize("born, months", [
    (date(2019, 10, 15), 72),   # to 15/10/2025: exactly 72 months
    (date(2020, 3, 15), 78),    # to 30/09/2026: 78 months and 15 days, the part month not counted
    (date(2020, 3, 1), 78),     # to 30/09/2026: 78 months and 29 days
    (date(2020, 1, 31), 80),    # to 30/09/2026, September's last day: a whole month from 31 August
    (date(2020, 2, 29), 79),    # to 30/09/2026: 29/09/2026 is 79 months
    (date(2020, 9, 30), 72),
    (date(2020, 10, 1), 72),
])
def test_months_of_a_te_card_from_birth_are_the_whole_months_to_its_end(born, months):
    assert te_months(born) == months


def test_months_of_a_te_card_that_starts_later_count_from_its_start():
    born = date(2020, 3, 15)
    assert te_months(born, date(2024, 6, 1)) == 27          # 01/06/2024 -> 30/09/2026: 27 months and 29 days
    assert te_months(born, date(2026, 9, 30)) == 0
    assert te_months(born, date(2026, 10, 1)) == 0          # the card has ended: no months, never negative


def test_months_and_start_give_back_the_end_for_a_card_from_birth_ending_on_the_72_month_day():
    born = date(2019, 10, 15)
    assert add_months(born, te_months(born)) == te_card_end(born)


@pytest.mark.parametrize("start, months, result", [
    (date(2024, 1, 31), 1, date(2024, 2, 29)),
    (date(2023, 1, 31), 1, date(2023, 2, 28)),
    (date(2024, 12, 15), 1, date(2025, 1, 15)),
    (date(2024, 3, 31), -1, date(2024, 2, 29)),
])
def test_add_months_keeps_the_day_or_takes_the_months_last(start, months, result):
    assert add_months(start, months) == result
