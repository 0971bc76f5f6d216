"""Health-insurance card number, old 15-character and 10-digit forms (DOMAIN §5.3)."""
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
    ("BT1363609092025", "BT", None, []),   # BT's benefit digit is unsure in the sources: not checked
    ("TE2363609092025", "HN", "1111111111", ["card.benefit_mismatch", "card.group_mismatch", "card.bhxh_mismatch"]),
])
def test_check_card(raw, group, bhxh, expected):
    assert codes_of(check_card(parse_card(raw), group=group, bhxh=bhxh)) == expected


def test_card_findings_explain_in_vietnamese():
    (finding,) = check_card(parse_card("TE2363609092025"), group=None, bhxh=None)
    assert finding.message("vi") == "Mã thẻ 'TE2363609092025': mức hưởng 2 không đúng với đối tượng TE (mức hưởng 1)"
    assert "benefit level 2" in finding.message("en")
