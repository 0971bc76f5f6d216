"""Birth-registration places as clerks write them, read into units that can be compared (DOMAIN §5.8).

"Xã Dân Lý, Huyện Triệu Sơn, Tỉnh Thanh Hóa" (before 2025), "Xã Triệu Sơn, Tỉnh Thanh Hóa" (after), "X. Dân Lý -
H. Triệu Sơn - T. Thanh Hóa", "Dân Lý, Triệu Sơn, Thanh Hóa" and "Huyện Triệu Sơn, Tỉnh Thanh Hóa" (no commune) all
become a `Place`: the 2025 province and, when a commune is named, the 2025 commune it is part of now (through
resources/codes/admin_units/mapping_pre2025_to_2025.csv), so that old and new names compare equal.
"""
from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple, TypeVar

from app.domain import codes
from app.domain.text import nfc, search_key, tone_key
from app.paths import table

UNKNOWN = -1
_T = TypeVar("_T", tuple[str, str], tuple[str, str, str])

# Prefixes of unit names, as search keys, longest first; the kind says what level the word names.
_PREFIXES = (("thi tran ", "commune"), ("thi xa ", "district"), ("thanh pho ", "city"), ("dac khu ", "commune"),
             ("phuong ", "commune"), ("huyen ", "district"), ("quan ", "district"), ("tinh ", "province"),
             ("xa ", "commune"), ("tt ", "commune"), ("tx ", "district"), ("tp ", "city"), ("t p ", "city"),
             ("p ", "commune"), ("x ", "commune"), ("h ", "district"), ("q ", "district"), ("t ", "province"))
_SPLIT = re.compile(r"\s*[,;]\s*|\s+[-–—]\s+|\s*-\s*(?=(?:x|h|t|p|q|tx|tt|tp|xã|huyện|tỉnh)\.?\s)", re.IGNORECASE)
_WORDS = re.compile(r"\s(?=(?:xa|phuong|thi tran|huyen|quan|thi xa|thanh pho|tinh)\s)")


class Place(NamedTuple):
    """A place read from text. province: the 2025 province code as an int (UNKNOWN when unread); commune: the 2025
    commune code (UNKNOWN when no commune was named or found); old_commune, district: the pre-2025 commune and
    district when the text named them; style: "old" (commune, district, province), "new" (commune, province),
    "partial" (no commune), "unread"."""

    province: int
    commune: int
    old_commune: int
    style: str
    district: int = UNKNOWN


NOWHERE = Place(UNKNOWN, UNKNOWN, UNKNOWN, "unread")


def _strip(key: str) -> tuple[str, str]:
    """("commune"|"district"|"city"|"province"|"", name without its prefix)."""
    for prefix, kind in _PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix):
            return kind, key[len(prefix):]
    return "", key


@cache
def _marked(text: str, strip: bool = True) -> str:
    """The name with its marks, as search keys are made but for them, without its prefix when `strip`:
    "Xã Trực Hùng" -> "trực hùng". The marks tell apart units whose names differ only by them (Trực Hùng and Trực
    Hưng, in one district)."""
    folded = search_key(text)
    name = _strip(folded)[1] if strip else folded
    marked = tone_key(text).split()
    words = len(name.split())
    return " ".join(marked[-words:]) if len(marked) == len(folded.split()) else name


def _rows(*parts: str) -> list[dict[str, str]]:
    return list(table("codes", *parts))


class _Units:
    """Name indexes of the old and new units, per province, by search key without prefix."""

    def __init__(self) -> None:
        # (old prov, name) -> [(code, district, name as written)]
        self.old_communes: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
        self.old_districts: dict[tuple[str, str], set[str]] = {}               # (old prov, name) -> district codes
        self.new_communes: dict[tuple[str, str], list[tuple[str, str]]] = {}   # (new prov, name) -> [(code, written)]
        self.hyphenated: set[str] = set()  # names with a dash ("Phan Rang - Tháp Chàm"): never two parts
        for r in _rows("admin_units", "units_pre2025.csv"):
            prov = r["province_code"]
            self.old_districts.setdefault((prov, _strip(search_key(r["district"]))[1]), set()).add(r["district_code"])
            if r["commune_code"]:
                key = (prov, _strip(search_key(r["commune"]))[1])
                self.old_communes.setdefault(key, []).append((r["commune_code"], r["district_code"], r["commune"]))
            if "-" in r["district"] or "-" in r["commune"]:
                self.hyphenated.update(_strip(search_key(r[k]))[1] for k in ("district", "commune") if "-" in r[k])
        for r in _rows("admin_units", "units_2025.csv"):
            name = _strip(search_key(r["commune"]))[1]
            self.new_communes.setdefault((r["province_code"], name), []).append((r["commune_code"], r["commune"]))
            if "-" in r["commune"]:
                self.hyphenated.add(name)
        self.successor: dict[str, str] = {}
        self.parts: set[tuple[int, int]] = set()  # (old commune, new commune) for every successor, divided ones too
        for r in _rows("admin_units", "mapping_pre2025_to_2025.csv"):
            old, new = r["old_commune_code"], r["new_commune_code"]
            if r["share"] != "part" or old not in self.successor:
                self.successor[old] = new
            self.parts.add((int(old), int(new)))
        district_of = {r["commune_code"]: r["district_code"] for r in _rows("admin_units", "units_pre2025.csv")
                       if r["commune_code"]}
        self.districts: set[tuple[int, int]] = {(new, int(district_of[str(old).zfill(5)]))
                                                for old, new in self.parts if str(old).zfill(5) in district_of}
        self.old_provinces_of: dict[str, list[str]] = {}
        for old in codes.provinces_pre2025():
            province = codes.successor_province(old)
            if province:
                self.old_provinces_of.setdefault(province, []).append(old)


@cache
def _units() -> _Units:
    return _Units()


def divided_parts() -> frozenset[tuple[int, int]]:
    """(old commune, new commune) pairs of the mapping: an old commune is compatible with each of its successors."""
    return frozenset(_units().parts)


def commune_districts() -> frozenset[tuple[int, int]]:
    """(2025 commune, pre-2025 district) for every district one of the commune's old parts was in."""
    return frozenset(_units().districts)


def _parts(text: str) -> list[str]:
    """The text cut into its units, each as written (but for the dashes of a name that has one)."""
    parts = [p for p in _SPLIT.split(text) if p and p.strip(" .-")]
    if len(parts) == 1:  # no separators: split before the words that start a unit's name
        words, cuts = tone_key(parts[0]).split(), _WORDS.split(search_key(parts[0]))
        if len(words) != sum(len(c.split()) for c in cuts):
            return cuts
        parts, at = [], 0
        for cut in cuts:
            parts.append(" ".join(words[at:at + len(cut.split())]))
            at += len(cut.split())
    if not any(dash in text for dash in "-–—"):
        return parts
    joined: list[str] = []
    hyphenated = _units().hyphenated
    for part in parts:  # "Thành phố Phan Rang - Tháp Chàm" was cut at its dash
        if joined and _strip(search_key(f"{joined[-1]} {part}"))[1] in hyphenated:
            joined[-1] = f"{joined[-1]} {part}"
        else:
            joined.append(part)
    return joined


def _province(parts: list[str]) -> tuple[list[tuple[str, str]], int]:
    """Every (code, era) the last part (or the last two, "Bà Rịa - Vũng Tàu") can mean, and how many parts it used."""
    if len(parts) >= 2:
        found = codes.provinces_by_name(" ".join(parts[-2:]))
        if found and codes.provinces_by_name(parts[-1]) in ([], found):
            return found, 2
    found = codes.provinces_by_name(parts[-1]) if parts else []
    return found, 1


def _by_marks(found: list[_T], written: tuple[str, bool]) -> list[_T]:
    """Of several units of one name (search key), those whose marks are the text's, when the text has marks.
    written: (the text, whether its prefix was stripped to find them)."""
    if len(found) > 1:
        marked = _marked(*written)
        if marked != search_key(marked):
            alike = [f for f in found if _marked(f[-1]) == marked]
            if alike:
                return alike
    return found


def _old_commune(u: _Units, prov: str, name: str, written: tuple[str, bool],
                 district: str | None) -> tuple[str, str] | None:
    found = _by_marks(u.old_communes.get((prov, name), []), written)
    if not found:
        return None
    if len(found) > 1 and district:
        dists = u.old_districts.get((prov, district), set())
        narrowed = [(c, d) for c, d, _ in found if d in dists]
        if narrowed:
            return narrowed[0]
    return found[0][0], found[0][1]


@cache
def parse_place(text: str | None) -> Place:
    """Read a birth-registration place. Unread text gives style "unread" (compare it by its search key)."""
    text = nfc(text)
    if not text:
        return NOWHERE
    u = _units()
    parts = _parts(text)
    provinces, used = _province(parts)
    if not provinces:
        return NOWHERE
    rest = [_strip(search_key(p)) for p in parts[:-used]]
    whole = [search_key(p) for p in parts[:-used]]  # without prefix stripping: "Phương Định" is not "Phường Định"
    new_province = next((int(c) if era == codes.Y2025 else int(codes.successor_province(c) or c)
                         for c, era in provinces), UNKNOWN)
    if len(rest) >= 2 or (rest and rest[0][0] in ("commune", "")):
        district = rest[1][1] if len(rest) >= 2 else None
        for name, strip in dict.fromkeys(((rest[0][1], True), (whole[0], False))):
            found = _commune(u, provinces, name, (parts[0], strip), district, len(rest))
            if found:
                return found
    if rest:  # no commune: a district alone ("Huyện Hải Hậu, Tỉnh Nam Định") still tells two places apart
        for name in dict.fromkeys((rest[-1][1], whole[-1])):
            for code, era in provinces:
                olds = [code] if era == codes.PRE2025 else u.old_provinces_of.get(code, [])
                for old_prov in olds:
                    dists = u.old_districts.get((old_prov, name))
                    if dists:
                        return Place(new_province, UNKNOWN, UNKNOWN, "partial", int(min(dists)))
    return Place(new_province, UNKNOWN, UNKNOWN, "partial")


def _commune(u: _Units, provinces: list[tuple[str, str]], name: str, written: tuple[str, bool],
             district: str | None, parts: int) -> Place | None:
    if parts == 1:  # commune and province without a district: the 2025 way of writing first
        for code, era in provinces:
            new = _by_marks(u.new_communes.get((code, name), []), written) if era == codes.Y2025 else None
            if new:
                return Place(int(code), int(new[0][0]), UNKNOWN, "new")
    for code, era in provinces:
        olds = [code] if era == codes.PRE2025 else u.old_provinces_of.get(code, [])
        for old_prov in olds:
            old = _old_commune(u, old_prov, name, written, district)
            if old:
                new_code = u.successor.get(old[0])
                prov = int(codes.successor_province(old_prov) or old_prov)
                return Place(prov, int(new_code) if new_code else UNKNOWN, int(old[0]), "old", int(old[1]))
    for code, era in provinces:  # a 2025 commune written with its district or under an old province's name
        news = [code] if era == codes.Y2025 else [codes.successor_province(code) or code]
        for new_prov in news:
            new = _by_marks(u.new_communes.get((new_prov, name), []), written)
            if new:
                return Place(int(new_prov), int(new[0][0]), UNKNOWN, "new")
    return None
