"""The review's other findings (DOMAIN §3): pure functions over plain person and household rows, no database.

`run_checks(persons, households, today=...)` returns every finding; each check is also callable alone. A finding
names its kind (a message key), its subjects (person or household ids), the message's parameters, and a stable
fingerprint (kind + subjects + the value checked) under which the database keeps it and its resolution: correcting
the value makes a new finding, confirming it keeps the old one resolved.
"""
from __future__ import annotations

import calendar
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from app import messages
from app.domain import codes
from app.domain.bhxh import is_valid_bhxh
from app.domain.card import check_card, parse_card
from app.domain.cccd import check_cccd, normalise_id_number
from app.domain.dates import PartialDate, age_in_months
from app.domain.te_card import add_months
from app.domain.text import is_all_caps, nfc
from app.errors import HgdError

messages.register({
    "review.one_person_household": ("Hộ {code} chỉ có một nhân khẩu", "Household {code} has one member only"),
    "review.large_household": ("Hộ {code} có {count} nhân khẩu (từ 6 trở lên)",
                               "Household {code} has {count} members (6 or more)"),
    "review.no_head": ("Hộ {code} không có chủ hộ", "Household {code} has no head"),
    "review.two_heads": ("Hộ {code} có {count} chủ hộ", "Household {code} has {count} heads"),
    "review.cccd_province_mismatch": (
        "Số CCCD '{value}': mã tỉnh {code} khác tỉnh nơi khai sinh ({province})",
        "CCCD '{value}': province code {code} is not the birth-registration province ({province})"),
    "review.bhxh_missing": ("{name} chưa có mã số BHXH", "{name} has no social-insurance code"),
    "review.bhxh_malformed": ("{name}: mã số BHXH '{value}' không hợp lệ (cần đúng 10 chữ số)",
                              "{name}: social-insurance code '{value}' is not valid (exactly 10 digits needed)"),
    "review.card_expired": ("{name}: thẻ BHYT hết hạn ngày {until}",
                            "{name}: health-insurance card expired on {until}"),
    "review.card_expiring": ("{name}: thẻ BHYT hết hạn ngày {until} (trước cuối tháng sau)",
                             "{name}: health-insurance card expires on {until} (before the end of next month)"),
    "review.te_72_months": ("{name}: đủ 72 tháng tuổi ngày {on}, cần chuyển đối tượng",
                            "{name}: reaches 72 months on {on}, the participant group must change"),
    "review.inactive_valid_card": ("{name} ({status}) vẫn có thẻ BHYT còn hạn đến {until}",
                                   "{name} ({status_en}) still holds a health-insurance card valid to {until}"),
    "review.name_caps": ("Họ tên '{name}' viết toàn chữ hoa", "Name '{name}' is written in capitals"),
    "review.name_spaces": ("Họ tên '{name}' có khoảng trắng thừa hoặc ký tự lạ",
                           "Name '{name}' has stray spaces or invisible characters"),
    "review.birth_place_missing": ("{name} chưa có nơi đăng ký khai sinh",
                                   "{name} has no birth-registration place"),
})

_STATUS = {"dead": ("đã chết", "dead"), "moved_out": ("đã chuyển đi", "moved out")}
LARGE_HOUSEHOLD = 6
TE_NOTICE_DAYS = 90


class PersonRow(NamedTuple):
    """A person as the checks read them (a tuple: 2 million are made from SQL rows at the office)."""

    id: str
    household_id: str | None = None
    full_name: str = ""
    birth_date: str | None = None          # ISO partial date
    sex: str | None = None
    birth_place: str | None = None
    birth_province_code: str | None = None
    id_number: str | None = None
    bhxh_code: str | None = None
    relation: str | None = None
    status: str = "active"                 # active | dead | moved_out | merged
    status_date: str | None = None
    group_code: str | None = None
    card_number: str | None = None
    card_valid_from: str | None = None
    card_valid_to: str | None = None


class HouseholdRow(NamedTuple):
    id: str
    code: str = ""
    status: str = "active"


@dataclass(frozen=True)
class CheckFinding:
    kind: str                              # a message key
    subject_ids: tuple[str, ...]
    params: dict[str, object] = field(default_factory=dict, hash=False, compare=False)
    fingerprint: str = ""

    def message(self, lang: str | None = None) -> str:
        return messages.render(self.kind, lang, **self.params)


def finding(kind: str, subjects: Iterable[str], detail: object = "", **params: object) -> CheckFinding:
    ids = tuple(subjects)
    text = f"{kind}:{':'.join(sorted(ids))}:{detail}"
    return CheckFinding(kind, ids, params, hashlib.sha256(text.encode()).hexdigest()[:32])


def _birth(p: PersonRow) -> PartialDate | None:
    return _partial(p.birth_date) if p.birth_date else None


@lru_cache(maxsize=65536)
def _partial(text: str) -> PartialDate | None:
    """Birth dates repeat (a register of 2 million holds some 40,000 distinct ones): parsed once each."""
    try:
        return PartialDate.from_iso(text)
    except HgdError:
        return None


@lru_cache(maxsize=65536)
def _nfc_place(text: str | None) -> str:
    return nfc(text)


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text and len(text) == 10 else None
    except ValueError:
        return None


def _name(p: PersonRow) -> str:
    return nfc(p.full_name)


# --- households -----------------------------------------------------------------------------------------------------

def household_checks(persons: Sequence[PersonRow], households: Sequence[HouseholdRow], *,
                     large: int = LARGE_HOUSEHOLD) -> list[CheckFinding]:
    """One-person households, households of `large` or more active members, no head or two heads."""
    members: dict[str, list[PersonRow]] = defaultdict(list)
    for p in persons:
        if p.status == "active" and p.household_id:
            members[p.household_id].append(p)
    out = []
    for h in households:
        if h.status != "active":
            continue
        people = members.get(h.id, [])
        ids = [h.id]
        if len(people) == 1:
            out.append(finding("review.one_person_household", ids, code=h.code))
        elif len(people) >= large:
            out.append(finding("review.large_household", ids, len(people), code=h.code, count=len(people)))
        heads = sum(1 for p in people if p.relation == codes.HEAD)
        if people and heads == 0:
            out.append(finding("review.no_head", ids, code=h.code))
        elif heads > 1:
            out.append(finding("review.two_heads", ids, heads, code=h.code, count=heads))
    return out


# --- persons --------------------------------------------------------------------------------------------------------

def cccd_checks(p: PersonRow) -> list[CheckFinding]:
    """CCCD against sex, birth year and birth province (DOMAIN §5.1); old CMND and malformed numbers."""
    if not p.id_number:
        return []
    try:
        number, _ = normalise_id_number(p.id_number)
    except HgdError:
        return [finding("cccd.malformed", [p.id], p.id_number, value=p.id_number)]
    out = [finding(f.code, [p.id], number, **f.params) for f in check_cccd(number, sex=p.sex, birth=_birth(p))]
    province = (p.birth_province_code or "").strip().zfill(2) if p.birth_province_code else ""
    if len(number) == 12 and province and number[:3] in codes.cccd_province_codes():
        code = number[1:3]
        if code != province and code != codes.successor_province(province):
            name = codes.provinces_pre2025().get(province) or province
            out.append(finding("review.cccd_province_mismatch", [p.id], number, value=number, code=number[:3],
                               province=name))
    return out


def bhxh_checks(p: PersonRow) -> list[CheckFinding]:
    if not p.bhxh_code:
        return [finding("review.bhxh_missing", [p.id], name=_name(p))]
    if not is_valid_bhxh(p.bhxh_code):
        return [finding("review.bhxh_malformed", [p.id], p.bhxh_code, name=_name(p), value=p.bhxh_code)]
    return []


def _month_end(d: date) -> date:
    return date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])


def card_checks(p: PersonRow, today: date) -> list[CheckFinding]:
    """The card number against group, benefit level and BHXH code (DOMAIN §5.3); expired or expiring cards."""
    out = []
    if p.card_number:
        try:
            card = parse_card(p.card_number)
        except HgdError as e:
            return [finding(e.key, [p.id], p.card_number, **e.params)]
        bhxh = p.bhxh_code if p.bhxh_code and is_valid_bhxh(p.bhxh_code) else None
        out += [finding(f.code, [p.id], card.number, **f.params)
                for f in check_card(card, group=p.group_code, bhxh=bhxh, valid_from=_day(p.card_valid_from),
                                    valid_to=_day(p.card_valid_to), today=today)]
    until = _day(p.card_valid_to)
    if p.card_number and until is not None:
        shown = until.strftime("%d/%m/%Y")
        if until < today:
            out.append(finding("review.card_expired", [p.id], p.card_valid_to, name=_name(p), until=shown))
        elif until <= _month_end(add_months(today, 1)):
            out.append(finding("review.card_expiring", [p.id], p.card_valid_to, name=_name(p), until=shown))
    return out


def te_check(p: PersonRow, today: date, days: int = TE_NOTICE_DAYS) -> list[CheckFinding]:
    """A child reaching 72 months within `days` (a change of group is due: DOMAIN §2, §5.5)."""
    year = p.birth_date[:4] if p.birth_date else ""
    if not year.isdigit() or today.year - int(year) > 7 or (p.group_code or "TE").upper() != "TE":
        return []
    birth = _birth(p)
    if birth is None:
        return []
    born = birth.as_date() or birth.latest()
    turns = add_months(born, 72)
    if today < turns <= today + timedelta(days=days) and age_in_months(birth, today) < 72:
        return [finding("review.te_72_months", [p.id], turns.isoformat(), name=_name(p),
                        on=turns.strftime("%d/%m/%Y"))]
    return []


def name_checks(p: PersonRow) -> list[CheckFinding]:
    raw = p.full_name or ""
    clean = nfc(raw)
    out = []
    if is_all_caps(raw):
        out.append(finding("review.name_caps", [p.id], raw, name=clean))
    if raw and raw != clean:
        out.append(finding("review.name_spaces", [p.id], raw, name=clean))
    return out


def inactive_card_check(p: PersonRow, today: date) -> list[CheckFinding]:
    """A dead or moved-out person whose card runs past that date (a decrease to report)."""
    until = _day(p.card_valid_to)
    if p.status not in _STATUS or until is None or not p.card_number:
        return []
    since = _day(p.status_date) or today
    if until <= since:
        return []
    vi, en = _STATUS[p.status]
    return [finding("review.inactive_valid_card", [p.id], p.card_valid_to, name=_name(p), status=vi, status_en=en,
                    until=until.strftime("%d/%m/%Y"))]


def person_checks(p: PersonRow, today: date, *, te_days: int = TE_NOTICE_DAYS) -> list[CheckFinding]:
    if p.status != "active":
        return inactive_card_check(p, today)
    out = cccd_checks(p) + bhxh_checks(p) + card_checks(p, today) + te_check(p, today, te_days) + name_checks(p)
    if not _nfc_place(p.birth_place):
        out.append(finding("review.birth_place_missing", [p.id], name=_name(p)))
    return out


def run_checks(persons: Iterable[PersonRow], households: Iterable[HouseholdRow], *, today: date,
               te_days: int = TE_NOTICE_DAYS, large: int = LARGE_HOUSEHOLD) -> list[CheckFinding]:
    """Every finding of DOMAIN §3 except duplicates (app.review.matcher): households first, then persons."""
    persons = list(persons)
    out = household_checks(persons, list(households), large=large)
    for p in persons:
        out += person_checks(p, today, te_days=te_days)
    return out
