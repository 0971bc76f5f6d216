"""The review's other findings (DOMAIN §3): pure functions over plain person and household rows, no database.

`run_checks(persons, households, today=...)` returns every finding; each check is also callable alone. A finding
names its kind (a message key), its subjects (person or household ids), the message's parameters, and a stable
fingerprint (kind + subjects + the value checked) under which the database keeps it and its resolution: correcting
the value makes a new finding, confirming it keeps the old one resolved.
"""
from __future__ import annotations

import calendar
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, NamedTuple

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

def household_checks(persons: Sequence[tuple[Any, ...]], households: Sequence[HouseholdRow], *,
                     large: int = LARGE_HOUSEHOLD) -> list[CheckFinding]:
    """One-person households, households of `large` or more active members, no head or two heads. `persons`:
    PersonRow tuples, or plain tuples in PersonRow's order (the rows as SQL returns them)."""
    members: dict[str, int] = {}
    heads: dict[str, int] = {}
    for p in persons:
        if p[_STATE] == "active" and p[_HOUSEHOLD]:
            h = p[_HOUSEHOLD]
            members[h] = members.get(h, 0) + 1
            if p[_RELATION] == codes.HEAD:
                heads[h] = heads.get(h, 0) + 1
    out = []
    for h in households:
        if h.status != "active":
            continue
        count = members.get(h.id, 0)
        n_heads = heads.get(h.id, 0)
        ids = [h.id]
        if count == 1:
            out.append(finding("review.one_person_household", ids, code=h.code))
        elif count >= large:
            out.append(finding("review.large_household", ids, count, code=h.code, count=count))
        if count and n_heads == 0:
            out.append(finding("review.no_head", ids, code=h.code))
        elif n_heads > 1:
            out.append(finding("review.two_heads", ids, n_heads, code=h.code, count=n_heads))
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


def run_checks(persons: Iterable[tuple[Any, ...]], households: Iterable[HouseholdRow], *, today: date,
               te_days: int = TE_NOTICE_DAYS, large: int = LARGE_HOUSEHOLD) -> list[CheckFinding]:
    """Every finding of DOMAIN §3 except duplicates (app.review.matcher): households first, then persons.
    `persons`: PersonRow tuples, or plain tuples in PersonRow's order (the rows as SQL returns them: no object is
    made per person). The same findings as `person_checks` on each, in the same order, found column by column:
    cheap screens over whole columns (each distinct name, place or date judged once) tell which checks surely have
    nothing to say, and only the checks that may have something run, on the few persons concerned."""
    persons = persons if isinstance(persons, list) else list(persons)
    out = household_checks(persons, list(households), large=large)
    if not persons:
        return out
    cols = list(zip(*persons))
    status, births, cards = cols[_STATE], cols[_BIRTH_DATE], cols[_CARD]
    names = {raw: _name_flagged(raw or "") for raw in set(cols[_NAME])}
    places = {raw: not _nfc_place(raw) for raw in set(cols[_PLACE])}
    te = {d: bool(d) and d[:4].isdigit() and today.year - int(d[:4]) <= 7 for d in set(births)}
    flags = zip(_cccd_flags(cols, births), [not is_valid_bhxh(b) for b in cols[_BHXH]], cards,
                map(te.__getitem__, births), map(names.__getitem__, cols[_NAME]),
                map(places.__getitem__, cols[_PLACE]))
    for i, (cccd, bad_bhxh, card, child, name, place) in enumerate(flags):
        if not (cccd or bad_bhxh or card or child or name or place):
            continue
        row = _as_row(persons[i])
        if status[i] != "active":
            out += inactive_card_check(row, today)
            continue
        if cccd:
            out += cccd_checks(row)
        if bad_bhxh:
            out += bhxh_checks(row)
        if card:
            out += card_checks(row, today)
        if child:
            out += te_check(row, today, te_days)
        if name:
            out += name_checks(row)
        if place:
            out.append(finding("review.birth_place_missing", [row.id], name=_name(row)))
    return out


# Positions in a PersonRow (run_checks reads plain tuples in this order).
_ID, _HOUSEHOLD, _NAME, _BIRTH_DATE, _SEX, _PLACE, _PROVINCE, _ID_NUMBER, _BHXH, _RELATION, _STATE = range(11)
_CARD = 13


def _as_row(p: tuple[Any, ...]) -> PersonRow:
    return p if isinstance(p, PersonRow) else PersonRow._make(p)


def _name_flagged(raw: str) -> bool:
    """Whether name_checks has something to say of this name."""
    return is_all_caps(raw) or (bool(raw) and raw != nfc(raw))


def _cccd_flags(cols: list[tuple[Any, ...]], births: tuple[Any, ...]) -> list[bool]:
    """For each person, whether cccd_checks may have something to say (False: surely nothing). A number in the
    stored form (12 ASCII digits) is judged by its first 6 digits, the sex, the birth year and the birth province
    only, as the findings of cccd_checks depend on nothing else: each such combination is judged once, by
    cccd_checks itself on a stand-in number. Any other number is left to cccd_checks."""
    years: dict[Any, int | None] = {}
    year_text: dict[int, str] = {}      # a birth date of each year, for the stand-ins
    for d in set(births):
        birth = _partial(d) if d else None
        years[d] = None if birth is None else birth.year
        if birth is not None:
            year_text.setdefault(birth.year, d)
    keys = [(n[:6], sex, province, years[d])
            if n and isinstance(n, str) and len(n) == 12 and n.isascii() and n.isdigit() else None
            for n, sex, province, d in zip(cols[_ID_NUMBER], cols[_SEX], cols[_PROVINCE], births)]
    quiet: dict[Any, bool] = {None: False}
    for key in set(keys):
        if key is not None:
            head, sex, province, year = key
            quiet[key] = not cccd_checks(PersonRow("", id_number=head + "000000", sex=sex,
                                                   birth_province_code=province,
                                                   birth_date=None if year is None else year_text[year]))
    return [bool(n) and not quiet[key] for n, key in zip(cols[_ID_NUMBER], keys)]
