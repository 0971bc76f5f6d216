"""Health-insurance card number, old 15-character and 10-digit forms (DOMAIN §5.3)."""
from datetime import date

import pytest

from app.domain.card import Card, check_card, parse_card
from app.errors import HgdError


@pytest.mark.parametrize("raw, card", [
    ("TE1363609092025", Card("TE1363609092025", "old15", "TE", 1, "36", "3609092025")),
    ("TE1 36 3609092025", Card("TE1363609092025", "old15", "TE", 1, "36", "3609092025")),
    ("te1363609092025", Card("TE1363609092025", "old15", "TE", 1, "36", "3609092025")),
    ("HN-2-79-7912345678", Card("HN2797912345678", "old15", "HN", 2, "79", "7912345678")),
    ("ZZ9363609092025", Card("ZZ9363609092025", "old15", "ZZ", 9, "36", "3609092025")),  # parsed; checked later
    ("3609092025", Card("3609092025", "bhxh10", None, None, None, "3609092025")),
    (3609092025, Card("3609092025", "bhxh10", None, None, None, "3609092025")),
    (109092025.0, Card("0109092025", "bhxh10", None, None, None, "0109092025")),
])
def test_parse_card_understands_both_forms(raw, card):
    assert parse_card(raw) == card


@pytest.mark.parametrize("raw", [
    "", None, "TE136360909202", "TE13636090920255", "T11363609092025", "TEA363609092025", "360909202", "36090920251",
    "TE1363609092O25", 12.5,
])
def test_parse_card_refuses_other_shapes(raw):
    with pytest.raises(HgdError) as e:
        parse_card(raw)
    assert e.value.key == "card.malformed"


def codes_of(findings):
    return [f.code for f in findings]


TODAY = date(2025, 6, 10)  # before CN's digit changed; the dated digits have their own tests below


@pytest.mark.parametrize("raw, group, bhxh, expected", [
    ("TE1363609092025", "TE", "3609092025", []),
    ("TE1363609092025", None, None, []),
    ("HN2363609092025", "HN", "3609092025", []),
    ("CN3363609092025", "CN", "3609092025", []),
    ("GD4363609092025", "GD", "3609092025", []),
    ("TE2363609092025", "TE", "3609092025", ["card.benefit_mismatch"]),
    ("HN1363609092025", None, None, ["card.benefit_mismatch"]),
    ("ZZ1363609092025", None, None, ["card.unknown_group"]),
    ("TE1363609092025", "HN", None, ["card.group_mismatch"]),
    ("TE1363609092025", "te", None, []),
    ("TE1363609092025", None, "3609092026", ["card.bhxh_mismatch"]),
    ("3609092025", "TE", "3609092025", []),
    ("3609092025", "TE", "3609092026", ["card.bhxh_mismatch"]),
    ("BT2363609092025", "BT", None, []),
    ("BT1363609092025", "BT", None, ["card.benefit_mismatch"]),  # BT's digit 2 is now confirmed: checked
    ("HG2363609092025", "HG", None, []),   # HG's digit is unsure (4 in claim tables, 2 before): not checked
    ("PV4363609092025", "PV", None, []),   # PV's changed from 4 to 3 on a date nobody recorded: not checked
    ("AK1363609092025", "AK", None, []),   # one of the ten unverified codes: known, its digit not checked
    ("TE2363609092025", "HN", "1111111111", ["card.benefit_mismatch", "card.group_mismatch", "card.bhxh_mismatch"]),
])
def test_check_card(raw, group, bhxh, expected):
    assert codes_of(check_card(parse_card(raw), group=group, bhxh=bhxh, today=TODAY)) == expected


def test_card_findings_explain_in_vietnamese():
    (finding,) = check_card(parse_card("TE2363609092025"), group=None, bhxh=None, today=TODAY)
    assert finding.message("vi") == "Mã thẻ 'TE2363609092025': mức hưởng 2 không đúng với đối tượng TE (mức hưởng 1)"
    assert "benefit level 2" in finding.message("en")


# --- the benefit digit is the group's on the card's date (DOMAIN §5.3) ----------------------------------------------

LAST_OF_2025, FIRST_OF_2026 = date(2025, 12, 31), date(2026, 1, 1)


@pytest.mark.parametrize("raw, valid_from, expected", [
    ("CN3363609092025", LAST_OF_2025, []),
    ("CN2363609092025", LAST_OF_2025, ["card.benefit_mismatch"]),
    ("CN2363609092025", FIRST_OF_2026, []),
    ("CN3363609092025", FIRST_OF_2026, ["card.benefit_mismatch"]),
    ("LH4363609092025", LAST_OF_2025, []),
    ("LH2363609092025", LAST_OF_2025, ["card.benefit_mismatch"]),
    ("LH2363609092025", FIRST_OF_2026, []),
    ("LH4363609092025", FIRST_OF_2026, ["card.benefit_mismatch"]),
])
def test_near_poor_and_social_pension_cards_carry_the_digit_of_their_valid_from_date(raw, valid_from, expected):
    findings = check_card(parse_card(raw), group=None, bhxh=None, valid_from=valid_from, today=date(2026, 12, 4))
    assert codes_of(findings) == expected


def test_a_cn3_card_issued_before_2026_stays_valid_when_checked_in_2026():
    card = parse_card("CN3363609092025")
    assert check_card(card, group="CN", bhxh="3609092025", valid_from=date(2025, 1, 1), valid_to=LAST_OF_2025,
                      today=date(2026, 3, 1)) == []


@pytest.mark.parametrize("today, expected", [
    (LAST_OF_2025, []),
    (FIRST_OF_2026, ["card.benefit_mismatch"]),
])
def test_a_card_without_dates_is_checked_against_todays_digit(today, expected):
    assert codes_of(check_card(parse_card("CN3363609092025"), group=None, bhxh=None, today=today)) == expected


@pytest.mark.parametrize("raw", ["CN3363609092025", "CN2363609092025"])
def test_a_card_running_across_the_change_may_carry_either_digit(raw):
    findings = check_card(parse_card(raw), group=None, bhxh=None, valid_from=date(2025, 7, 1),
                          valid_to=date(2026, 6, 30), today=date(2026, 12, 4))
    assert findings == []


def test_a_card_ending_on_the_last_day_before_the_change_must_carry_the_old_digit():
    findings = check_card(parse_card("CN2363609092025"), group=None, bhxh=None, valid_from=date(2025, 1, 1),
                          valid_to=LAST_OF_2025, today=date(2026, 12, 4))
    assert codes_of(findings) == ["card.benefit_mismatch"]


def test_a_mismatch_names_the_digit_in_force_on_the_cards_date():
    (finding,) = check_card(parse_card("CN3363609092025"), group=None, bhxh=None, valid_from=FIRST_OF_2026)
    assert finding.params["expected"] == 2
    assert finding.message("vi").endswith("không đúng với đối tượng CN (mức hưởng 2)")


def test_a_valid_to_before_the_valid_from_does_not_widen_the_check():
    findings = check_card(parse_card("CN3363609092025"), group=None, bhxh=None, valid_from=FIRST_OF_2026,
                          valid_to=date(2025, 6, 30))
    assert codes_of(findings) == ["card.benefit_mismatch"]
