"""Dates with precision and the reading of dates from spreadsheets (DOMAIN §5.6)."""
from datetime import date, datetime

import pytest

from app.domain.dates import PartialDate, age_in_months, months_between, parse_date
from app.errors import HgdError

TODAY = date(2025, 6, 1)


def parse(value, **kw):
    return parse_date(value, today=TODAY, **kw)


@pytest.mark.parametrize("value, expected", [
    ("15/03/1975", PartialDate(1975, 3, 15)),
    ("5/3/1975", PartialDate(1975, 3, 5)),
    ("15-03-1975", PartialDate(1975, 3, 15)),
    ("15.03.1975", PartialDate(1975, 3, 15)),
    ("15 / 03 / 1975", PartialDate(1975, 3, 15)),
    ("  15/03/1975  ", PartialDate(1975, 3, 15)),
    ("1975-03-15", PartialDate(1975, 3, 15)),
    ("1975-3-5", PartialDate(1975, 3, 5)),
    ("1975-03-15 00:00:00", PartialDate(1975, 3, 15)),
    ("15031975", PartialDate(1975, 3, 15)),
    ("19750315", PartialDate(1975, 3, 15)),
    ("03/1975", PartialDate(1975, 3)),
    ("3/1975", PartialDate(1975, 3)),
    ("1975-03", PartialDate(1975, 3)),
    ("031975", PartialDate(1975, 3)),
    ("1975", PartialDate(1975)),
    ("1975.0", PartialDate(1975)),
    ("ngày 15 tháng 3 năm 1975", PartialDate(1975, 3, 15)),
    ("tháng 3 năm 1975", PartialDate(1975, 3)),
    ("Năm 1975", PartialDate(1975)),
    ("32874", PartialDate(1990, 1, 1)),
])
def test_parse_date_reads_the_text_forms_of_vietnamese_records(value, expected):
    assert parse(value) == expected


@pytest.mark.parametrize("value, expected", [
    (32874, PartialDate(1990, 1, 1)),          # Excel serial, 1900 system
    (32874.0, PartialDate(1990, 1, 1)),
    (45000, PartialDate(2023, 3, 15)),
    (1975, PartialDate(1975)),                 # a year typed as a number, not serial 1975 (1905)
    (1975.0, PartialDate(1975)),
    (date(1975, 3, 15), PartialDate(1975, 3, 15)),
    (datetime(1975, 3, 15, 0, 0), PartialDate(1975, 3, 15)),
    (PartialDate(1975, 3), PartialDate(1975, 3)),
])
def test_parse_date_reads_spreadsheet_values(value, expected):
    assert parse(value) == expected


@pytest.mark.parametrize("value, expected", [
    ("00/00/1990", PartialDate(1990)),
    ("00/03/1990", PartialDate(1990, 3)),
    ("00/1990", PartialDate(1990)),
    ("1990-00-00", PartialDate(1990)),
])
def test_day_or_month_00_means_unknown(value, expected):
    assert parse(value) == expected


@pytest.mark.parametrize("value", [None, "", "   ", float("nan")])
def test_empty_values_are_none(value):
    assert parse(value) is None


@pytest.mark.parametrize("value, key", [
    ("31/02/1990", "date.impossible"),
    ("29/02/1991", "date.impossible"),
    ("32/01/1990", "date.impossible"),
    ("15/13/1990", "date.impossible"),
    ("15/00/1990", "date.impossible"),     # a day without a month
    ("13/1990", "date.impossible"),
    ("15/03/75", "date.two_digit_year"),
    ("03/75", "date.two_digit_year"),
    ("75", "date.two_digit_year"),
    (75, "date.two_digit_year"),
    ("abc", "date.unreadable"),
    ("15/03", "date.unreadable"),
    ("1975/1976", "date.unreadable"),
    ("15 tháng 3", "date.unreadable"),
    ("0000", "date.unreadable"),
    ("-5", "date.unreadable"),
    (32874.5, "date.unreadable"),          # fractional nonsense
    (0, "date.unreadable"),
    (500, "date.unreadable"),
    (10_000_000, "date.unreadable"),
    (True, "date.unreadable"),
    ([1975], "date.unreadable"),
    ("1850", "date.too_old"),
    (1850, "date.too_old"),
    ("01/01/1899", "date.too_old"),
    ("15/03/2600", "date.impossible"),
    ("02/06/2025", "date.future"),
    ("2026", "date.future"),
])
def test_parse_date_rejects_with_a_reason(value, key):
    with pytest.raises(HgdError) as e:
        parse(value)
    assert e.value.key == key


def test_impossible_date_message_names_the_value_in_vietnamese():
    with pytest.raises(HgdError) as e:
        parse("31/02/1990")
    assert str(e.value) == "Ngày '31/02/1990' không tồn tại"
    assert e.value.render("en") == "Date '31/02/1990' does not exist"


def test_today_and_this_year_are_not_future():
    assert parse("01/06/2025") == PartialDate(2025, 6, 1)
    assert parse("2025") == PartialDate(2025)
    assert parse("06/2025") == PartialDate(2025, 6)


def test_card_validity_dates_may_be_in_the_future():
    assert parse("31/12/2026", allow_future=True) == PartialDate(2026, 12, 31)


def test_parse_date_defaults_to_the_real_today():
    assert parse_date("01/01/2000") == PartialDate(2000, 1, 1)
    with pytest.raises(HgdError):
        parse_date("01/01/2200")


@pytest.mark.parametrize("pd, precision, iso, shown", [
    (PartialDate(1975, 3, 15), "day", "1975-03-15", "15/03/1975"),
    (PartialDate(1975, 3), "month", "1975-03", "03/1975"),
    (PartialDate(1975), "year", "1975", "1975"),
])
def test_partial_date_keeps_its_precision(pd, precision, iso, shown):
    assert pd.precision == precision
    assert pd.iso() == iso
    assert pd.display() == shown == str(pd)
    assert PartialDate.from_iso(iso) == pd


@pytest.mark.parametrize("pd, earliest, latest", [
    (PartialDate(1975, 3, 15), date(1975, 3, 15), date(1975, 3, 15)),
    (PartialDate(1976, 2), date(1976, 2, 1), date(1976, 2, 29)),
    (PartialDate(1975), date(1975, 1, 1), date(1975, 12, 31)),
])
def test_partial_date_bounds(pd, earliest, latest):
    assert pd.earliest() == earliest
    assert pd.latest() == latest


def test_as_date_only_for_day_precision():
    assert PartialDate(1975, 3, 15).as_date() == date(1975, 3, 15)
    assert PartialDate(1975, 3).as_date() is None
    assert PartialDate(1975).as_date() is None


@pytest.mark.parametrize("a, b, agree", [
    (PartialDate(1975), PartialDate(1975, 3, 15), True),
    (PartialDate(1975), PartialDate(1976, 3, 15), False),
    (PartialDate(1975, 3), PartialDate(1975, 3, 15), True),
    (PartialDate(1975, 3), PartialDate(1975, 4, 15), False),
    (PartialDate(1975, 3, 15), PartialDate(1975, 3, 15), True),
    (PartialDate(1975, 3, 15), PartialDate(1975, 3, 16), False),
    (PartialDate(1975, 3, 15), date(1975, 3, 15), True),
])
def test_two_dates_agree_by_what_both_know(a, b, agree):
    assert a.agrees_with(b) is agree
    if isinstance(b, PartialDate):
        assert b.agrees_with(a) is agree


@pytest.mark.parametrize("args", [
    (1990, 2, 30), (1990, 13, None), (1990, 0, None), (1799, None, None), (2301, None, None), (1990, None, 5),
])
def test_partial_date_refuses_impossible_values(args):
    with pytest.raises(HgdError) as e:
        PartialDate(*args)
    assert e.value.key == "date.invalid"


@pytest.mark.parametrize("s", ["", "1975-3", "15/03/1975", "1975-03-32", "abcd"])
def test_from_iso_refuses_other_text(s):
    with pytest.raises(HgdError):
        PartialDate.from_iso(s)


def test_partial_dates_are_hashable_values():
    assert len({PartialDate(1975), PartialDate(1975), PartialDate(1975, 3)}) == 2


@pytest.mark.parametrize("birth, on, months", [
    (date(2019, 10, 15), date(2025, 10, 15), 72),
    (date(2019, 10, 15), date(2025, 10, 14), 71),
    (date(2020, 3, 15), date(2026, 3, 15), 72),
    (date(2020, 1, 31), date(2020, 2, 29), 1),   # a month without day 31 ends on its last day
    (date(2023, 1, 31), date(2023, 2, 28), 1),
    (date(2023, 1, 31), date(2023, 2, 27), 0),
    (date(2020, 2, 29), date(2026, 2, 28), 72),
    (date(2020, 5, 5), date(2020, 5, 5), 0),
    (date(2020, 5, 5), date(2020, 3, 5), -2),
])
def test_months_between_counts_whole_months(birth, on, months):
    assert months_between(birth, on) == months


def test_age_in_months_of_a_partial_birth_date_takes_the_youngest_possible_age():
    on = date(2025, 6, 1)
    assert age_in_months(PartialDate(2019, 6, 1), on) == 72
    assert age_in_months(PartialDate(2019, 6), on) == 71   # born up to 30/06/2019
    assert age_in_months(PartialDate(2019), on) == 65      # born up to 31/12/2019
    assert age_in_months(date(2019, 6, 1), on) == 72
