"""The health-insurance card number (mã thẻ BHYT), in both forms (DOMAIN §5.3).

old15 (QĐ 1351/QĐ-BHXH, 2015): group (2 letters) + benefit digit + province (2 digits) + the 10-digit BHXH code,
e.g. TE1363609092025. bhxh10 (QĐ 1666/QĐ-BHXH, from 1/4/2021): the card shows the 10-digit BHXH code as its number.
hgd understands both and requires neither. The benefit digit of a group is dated (CN3 until 31/12/2025, CN2 from
1/1/2026): a card is checked against the digit in force on its own date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from app import messages
from app.domain import codes
from app.domain.bhxh import normalise_bhxh
from app.domain.findings import Finding
from app.errors import HgdError

messages.register({
    "card.malformed": ("Mã thẻ BHYT '{value}' không hợp lệ: cần 15 ký tự (ví dụ TE1363609092025) hoặc 10 chữ số",
                       ("Health-insurance card number '{value}' is not valid: expected 15 characters "
                       "(e.g. TE1363609092025) or 10 digits")),
    "card.unknown_group": ("Mã thẻ '{value}': mã đối tượng {group} không có trong danh mục",
                           "Card '{value}': participant group {group} is not a known one"),
    "card.benefit_mismatch": (
        "Mã thẻ '{value}': mức hưởng {benefit} không đúng với đối tượng {group} (mức hưởng {expected})",
        "Card '{value}': benefit level {benefit} does not fit group {group} (benefit level {expected})"),
    "card.bhxh_mismatch": (("Mã thẻ '{value}': mã số BHXH trong thẻ là {card_bhxh}, khác mã số BHXH của người này "
                           "({bhxh})"),
                           ("Card '{value}': the social-insurance code on the card is {card_bhxh}, not this person's "
                           "({bhxh})")),
    "card.group_mismatch": ("Mã thẻ '{value}': đối tượng trên thẻ là {card_group}, khác đối tượng đã ghi ({group})",
                            "Card '{value}': the card's group is {card_group}, not the group recorded ({group})"),
})

_OLD15 = re.compile(r"([A-Z]{2})(\d)(\d{2})(\d{10})")
_JOINERS = re.compile(r"[\s.\-]")


@dataclass
class Card:
    number: str          # as normalised: upper case, no spaces
    form: str            # "old15" | "bhxh10"
    group: str | None
    benefit: int | None
    province: str | None
    bhxh: str


def parse_card(raw: object) -> Card:
    """Read a card number: spaces, dots and dashes removed, upper-cased. Raises HgdError("card.malformed")."""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        try:
            bhxh, _ = normalise_bhxh(raw)  # a 10-digit card read as a number, leading zero lost
        except HgdError:
            raise HgdError("card.malformed", value=raw) from None
        return Card(bhxh, "bhxh10", None, None, None, bhxh)
    text = str(raw or "")
    text = (text if text.isalnum() else _JOINERS.sub("", text)).upper()
    m = _OLD15.fullmatch(text)
    if m:
        return Card(text, "old15", m.group(1), int(m.group(2)), m.group(3), m.group(4))
    if len(text) == 10 and text.isascii() and text.isdigit():
        return Card(text, "bhxh10", None, None, None, text)
    raise HgdError("card.malformed", value=str(raw or "").strip())


def check_card(card: Card, *, group: str | None, bhxh: str | None, valid_from: date | None = None,
               valid_to: date | None = None, today: date | None = None) -> list[Finding]:
    """Check a card against the code tables and the person's group and BHXH code; return the findings.

    The benefit digit must be the group's on the card's date (DOMAIN §5.3): its valid-from date when known, else
    today. A card whose validity reaches past a change of digit may carry either digit (a CN card from 1/7/2025 to
    30/6/2026 may read CN3, or CN2 when it was re-printed in January 2026). A digit the sources are not sure of (see
    benefit_levels.csv) is not checked."""
    findings = []
    if card.group is not None:
        known = codes.group(card.group)
        if known is None:
            findings.append(Finding("card.unknown_group", {"value": card.number, "group": card.group}))
        else:
            mismatch = _benefit_mismatch(card, known, valid_from, valid_to, today)
            if mismatch:
                findings.append(mismatch)
        if group and group.strip().upper() != card.group:
            findings.append(Finding("card.group_mismatch", {
                "value": card.number, "card_group": card.group, "group": group.strip().upper()}))
    if bhxh and bhxh != card.bhxh:
        findings.append(Finding("card.bhxh_mismatch", {"value": card.number, "card_bhxh": card.bhxh, "bhxh": bhxh}))
    return findings


def _benefit_mismatch(card: Card, known: codes.Group, valid_from: date | None, valid_to: date | None,
                      today: date | None) -> Finding | None:
    start = valid_from or today or date.today()
    end = valid_to if valid_to is not None and valid_to > start else start
    expected = _expected_level(known.code, card.benefit, start, end)
    if expected is None:
        return None
    return Finding("card.benefit_mismatch", {
        "value": card.number, "group": card.group, "benefit": card.benefit, "expected": expected[0]})


@lru_cache(maxsize=4096)
def _expected_level(group: str, benefit: int | None, start: date, end: date) -> tuple[int] | None:
    """(the digit expected) when a card's digit is none of the group's over its validity, else None (the same few
    groups, digits and validity periods recur on a whole list)."""
    levels = _levels_between(group, start, end)
    if not levels or any(b.level == benefit or not b.sure for b in levels):
        return None
    return (levels[0].level,)


@lru_cache(maxsize=4096)
def _levels_between(group: str, start: date, end: date) -> list[codes.BenefitLevel]:
    """The group's digits over a card's validity (the same few validity periods recur on a whole list)."""
    known = codes.group(group)
    return known.levels_between(start, end) if known else []


def compose_card(group: str, on: date, province: str, bhxh_code: str) -> str:
    """The 15-character card number (QĐ 1351): group, the group's benefit digit on `on`, the issuing province's
    two-digit code, the BHXH code."""
    found = codes.group(group)
    benefit = (found.benefit_on(on) if found else None) or 0
    return f"{group}{benefit}{province[-2:]:0>2}{bhxh_code}"
