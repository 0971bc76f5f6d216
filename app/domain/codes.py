"""Code tables and their lookups: participant groups with their dated benefit digits, ethnic groups, relations to the
head, provinces, sex.

Every table is a data file under resources/codes/ (sources in its README), read once and cached.
Name lookups forgive case, spacing, hyphens and — when the text carries no diacritics at all — diacritics; a name
that could mean two codes gives None, so that the importer asks instead of guessing.
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from itertools import pairwise

from app import messages
from app.domain.text import has_vietnamese_marks, search_key, tone_key
from app.errors import HgdError
from app.paths import table

messages.register({
    "sex.unreadable": ("Không đọc được giới tính '{value}': cần 'Nam' hoặc 'Nữ'",
                       "Cannot read the sex '{value}': expected 'Nam' (male) or 'Nữ' (female)"),
    "sex.ambiguous": ("Giới tính ghi bằng số '{value}' không rõ nghĩa: hãy chọn cách hiểu các số của cột này",
                      "Sex written as the number '{value}' is ambiguous: choose what this column's numbers mean"),
})

PRE2025, Y2025 = "pre2025", "2025"
HEAD = "chu_ho"  # the relation code of the household head


@dataclass(frozen=True)
class BenefitLevel:
    """One benefit digit of a group and the days it is in force (None: open-ended). The card check skips a digit
    that is not `sure` (the sources disagree, or the digit changed on a date nobody recorded)."""
    level: int
    valid_from: date | None
    valid_to: date | None
    sure: bool

    def in_force(self, on: date) -> bool:
        return (self.valid_from is None or self.valid_from <= on) and (self.valid_to is None or on <= self.valid_to)

    def overlaps(self, start: date, end: date) -> bool:
        return (self.valid_from is None or self.valid_from <= end) and (self.valid_to is None or start <= self.valid_to)


@dataclass(frozen=True)
class Group:
    """A participant group (mã đối tượng). `funding_source` and `state_support` are D03-TS's "Nguồn đóng" and "Tỷ lệ
    NSNN hỗ trợ quy định" (%); `verified` is False for the codes seen in claim-checking tables whose name and payer
    no source confirms (DOMAIN §5.4)."""
    code: str
    name: str
    paid_by: str
    commune_lists: bool
    verified: bool
    funding_source: str
    state_support: int | None
    note: str
    levels: tuple[BenefitLevel, ...]

    def level_on(self, on: date) -> BenefitLevel | None:
        return next((b for b in self.levels if b.in_force(on)), None)

    def benefit_on(self, on: date) -> int | None:
        """The benefit digit in force on a day: CN is 3 on 31/12/2025 and 2 on 1/1/2026."""
        found = self.level_on(on)
        return found.level if found else None

    def levels_between(self, start: date, end: date) -> list[BenefitLevel]:
        """The digits in force on some day from start to end, both included, oldest first."""
        return [b for b in self.levels if b.overlaps(start, end)]


def _rows(*parts: str) -> list[dict[str, str]]:
    return list(table("codes", *parts))


class _NameIndex:
    """Names and aliases -> code, by tone_key (exact with diacritics) and by search_key (without them, and without
    spaces too, so "Khơ-me", "Khơ Me" and "Khome" meet). A key shared by two codes is ambiguous and gives None."""

    def __init__(self, entries: list[tuple[str, list[str]]]) -> None:
        self.toned: dict[str, str | None] = {}
        self.bare: dict[str, str | None] = {}
        for code, names in entries:
            for name in names:
                self._add(self.toned, tone_key(name), code)
                key = search_key(name)
                self._add(self.bare, key, code)
                self._add(self.bare, key.replace(" ", ""), code)

    @staticmethod
    def _add(index: dict[str, str | None], key: str, code: str) -> None:
        if key:
            index[key] = code if index.get(key, code) == code else None

    def find(self, text: str) -> str | None:
        if has_vietnamese_marks(text):
            code = self.toned.get(tone_key(text))
            if code:
                return code
        key = search_key(text)
        return self.bare.get(key) or self.bare.get(key.replace(" ", ""))


def _names(row: dict[str, str]) -> list[str]:
    return [row["name"]] + [a for a in (row.get("aliases") or "").split(";") if a.strip()]


# --- participant groups ---------------------------------------------------------------------------------------------

def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text.strip() else None


def _benefit_levels() -> dict[str, tuple[BenefitLevel, ...]]:
    """benefit_levels.csv, each code's digits oldest first. A gap or an overlap between two periods of a code would
    make the card check depend on the row order: refuse the file instead."""
    found: dict[str, list[BenefitLevel]] = {}
    for r in _rows("benefit_levels.csv"):
        found.setdefault(r["code"], []).append(BenefitLevel(
            int(r["benefit_level"]), _day(r["valid_from"]), _day(r["valid_to"]), r["sure"].strip().lower() == "yes"))
    for code, levels in found.items():
        levels.sort(key=lambda b: b.valid_from or date.min)
        joined = all(a.valid_to is not None and b.valid_from == a.valid_to + timedelta(days=1)
                     for a, b in pairwise(levels))
        if not joined or levels[0].valid_from is not None or levels[-1].valid_to is not None:
            raise ValueError(f"benefit_levels.csv: the periods of {code} leave a gap, overlap or end")
    return {code: tuple(levels) for code, levels in found.items()}


@cache
def participant_groups() -> dict[str, Group]:
    levels = _benefit_levels()
    rows = _rows("participant_groups.csv")
    known = {r["code"] for r in rows}
    if known != set(levels):
        raise ValueError(f"benefit_levels.csv and participant_groups.csv differ on {sorted(known ^ set(levels))}")
    groups = {}
    for r in rows:
        lists = r["commune_lists"].strip().lower()
        support = r["state_support_percent"].strip()
        groups[r["code"]] = Group(r["code"], r["name"], r["paid_by"], lists == "yes", lists != "unsure",
                                  r["funding_source"], int(support) if support else None, r["note"] or "",
                                  levels[r["code"]])
    return groups


def group(code: str | None) -> Group | None:
    return participant_groups().get((code or "").strip().upper())


def benefit_level(code: str | None, on: date) -> int | None:
    """The benefit digit of a group on a day (DOMAIN §5.3); None for an unknown code."""
    found = group(code)
    return found.benefit_on(on) if found else None


# The order of DOMAIN §5.4's table, the usual groups first, the state-paid ones before those the State only supports
# (HG, not in that table, with the state-paid ones); a group added to the file later follows, in the file's order.
_LIST_ORDER = ("TE", "HN", "DT", "DK", "XD", "BT", "CC", "CK", "CB", "KC", "TS", "TC", "PV", "XN", "MS", "HD", "HG",
               "CN", "LH", "GB", "GD")


@cache
def commune_lists() -> tuple[Group, ...]:
    """The groups a commune puts on D03-TS (state-paid, state-supported, households), the usual ones first."""
    listed = [g for g in participant_groups().values() if g.commune_lists]
    rank = {code: i for i, code in enumerate(_LIST_ORDER)}
    return tuple(sorted(listed, key=lambda g: rank.get(g.code, len(rank))))


# --- ethnic groups -------------------------------------------------------------------------------------------------

@cache
def ethnic_groups() -> dict[str, str]:
    return {r["code"]: r["name"] for r in _rows("ethnic_groups.csv")}


@cache
def _ethnic_index() -> _NameIndex:
    return _NameIndex([(r["code"], _names(r)) for r in _rows("ethnic_groups.csv")])


def _numeric_code(text: str, table: dict[str, str]) -> str | None:
    if text.isdigit() and len(text) <= 2:
        code = text.zfill(2)
        return code if code in table else None
    return None


def ethnic_code(text: object) -> str | None:
    """"Kinh", "kinh", "1", "01", "Khmer", "Khơ-me", "H'Mông", "Hmông", "Mèo", "Dân tộc Kinh" -> the code."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return None
    raw = str(int(text)) if isinstance(text, float) and text.is_integer() else str(text).strip()
    code = _numeric_code(raw, ethnic_groups())
    if code:
        return code
    found = _ethnic_index().find(raw)
    if found:
        return found
    words = raw.split()
    for n, prefix in ((2, "dan toc"), (1, "dt")):  # "Dân tộc Kinh", "DT Kinh"
        if len(words) > n and search_key(" ".join(words[:n])) == prefix:
            return _ethnic_index().find(" ".join(words[n:]))
    return None


def ethnic_name(code: str | None) -> str | None:
    return ethnic_groups().get((code or "").strip().zfill(2))


# --- relations to the household head ---------------------------------------------------------------------------------

@cache
def relations() -> dict[str, str]:
    return {r["code"]: r["name"] for r in _rows("relations.csv")}


@cache
def _relation_index() -> _NameIndex:
    return _NameIndex([(r["code"], _names(r)) for r in _rows("relations.csv")])


def relation_code(text: object) -> str | None:
    """"Chủ hộ", "CH", "chu ho", "Cha", "Con đẻ", "Má" … -> the code; None when unknown or ambiguous ("Ba": father
    in the South, or "Bà" typed without diacritics)."""
    if text is None:
        return None
    return _relation_index().find(str(text).strip())


@cache
def _template_relations() -> dict[str, str]:
    return {r["code"]: r["name"] for r in _rows("relations_vnpt.csv")}


def relation_from_template_code(text: object) -> str | None:
    """The declaration software's relation code ("00" Chủ hộ, "08" Con, 8.0 from a number cell …) -> the code."""
    if isinstance(text, float) and text.is_integer():
        text = int(text)
    raw = str(text).strip() if text is not None else ""
    name = _template_relations().get(raw.zfill(2)) if raw.isdigit() and len(raw) <= 2 else None
    return relation_code(name) if name else None


def relation_name(code: str | None) -> str | None:
    return relations().get(code or "")


# --- provinces -------------------------------------------------------------------------------------------------------

@cache
def provinces_pre2025() -> dict[str, str]:
    return {r["code"]: r["name"] for r in _rows("provinces_pre2025.csv")}


@cache
def provinces_2025() -> dict[str, str]:
    return {r["code"]: r["name"] for r in _rows("provinces_2025.csv")}


# A few spellings that are not a province's name with a prefix; kept small on purpose.
_PROVINCE_ALIASES = {"hcm": "Hồ Chí Minh", "tphcm": "Hồ Chí Minh", "sai gon": "Hồ Chí Minh", "saigon": "Hồ Chí Minh",
                     "brvt": "Bà Rịa - Vũng Tàu", "vung tau": "Bà Rịa - Vũng Tàu", "bac can": "Bắc Kạn",
                     "tt hue": "Thừa Thiên Huế"}
_PROVINCE_PREFIXES = ("tinh ", "thanh pho ", "tp ", "t p ", "t ")


@cache
def _province_index() -> dict[str, list[tuple[str, str]]]:
    index: dict[str, list[tuple[str, str]]] = {}
    for era, provinces in ((PRE2025, provinces_pre2025()), (Y2025, provinces_2025())):
        for code, name in provinces.items():
            for key in {search_key(name), search_key(name).replace(" ", "")}:
                index.setdefault(key, []).append((code, era))
    for alias, name in _PROVINCE_ALIASES.items():
        index.setdefault(alias, []).extend(index[search_key(name)])
    return index


def provinces_by_name(text: object) -> list[tuple[str, str]]:
    """Every (code, era) a province name can mean, pre-2025 first: "Lào Cai" is 10 before 2025 and 15 after."""
    key = search_key(str(text or ""))
    index = _province_index()
    for prefix in ("",) + _PROVINCE_PREFIXES:
        if key.startswith(prefix):
            rest = key[len(prefix):]
            found = index.get(rest) or index.get(rest.replace(" ", ""))
            if found:
                return list(found)
    return []


def province_by_name(text: object) -> tuple[str, str] | None:
    """(code, era) of a province named with or without "Tỉnh"/"Thành phố"/"TP"; era is "pre2025" or "2025". A name
    used in both eras gives its pre-2025 entry (most records predate the merger): see provinces_by_name."""
    found = provinces_by_name(text)
    return found[0] if found else None


@cache
def _successors() -> dict[str, str]:
    by_name = {search_key(name): code for code, name in provinces_pre2025().items()}
    out: dict[str, str] = {}
    for row in _rows("provinces_2025.csv"):
        for old in row["formed_from"].split(";"):
            out[by_name[search_key(old)]] = row["code"]
    return out


def successor_province(old_code: str) -> str | None:
    """The 2025 province an old (pre-2025) province became part of: "36" (Nam Định) -> "37" (Ninh Bình)."""
    code = str(old_code).strip()
    code = code[-2:] if len(code) == 3 and code.startswith("0") else code.zfill(2)
    return _successors().get(code)


@cache
def cccd_province_codes() -> frozenset[str]:
    """The 3-digit codes a CCCD may start with: the 63 old provinces and the 34 new ones (DOMAIN §5.1, unsure)."""
    return frozenset("0" + c for c in (*provinces_pre2025(), *provinces_2025()))


# --- sex --------------------------------------------------------------------------------------------------------------

_MALE = {"nam", "m", "male", "trai", "gioi tinh nam"}
_FEMALE = {"nu", "f", "female", "gai", "gioi tinh nu"}
_UNKNOWN = {"khong ro", "chua ro", "chua xac dinh", "khong xac dinh", "khac", "?"}


def parse_sex(value: object, *, numeric: Mapping[str, str | None] | None = None) -> str | None:
    """"Nam"/"M" -> "M", "Nữ"/"Nu"/"F" -> "F", empty or "chưa xác định" -> None.

    Numbers are ambiguous (1 is male in BHXH exports where 2 is female, but 1 is female in the CCCD's 0/1): they
    raise sex.ambiguous unless the caller passes `numeric`, e.g. {"1": "M", "2": "F"}. Anything else raises
    sex.unreadable (an "x" in a "Nữ" column is the importer's business)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    raw = str(int(value)) if isinstance(value, (int, float)) and float(value).is_integer() else str(value).strip()
    if not raw:
        return None
    key = search_key(raw) or raw
    if key in _MALE:
        return "M"
    if key in _FEMALE:
        return "F"
    if key in _UNKNOWN:
        return None
    if key.isdigit():
        if numeric is not None and key in numeric:
            return numeric[key]
        raise HgdError("sex.ambiguous", value=raw)
    raise HgdError("sex.unreadable", value=raw)
