"""The demo commune: a real 2025 commune chosen by the seed, its identity, hamlets and birth-registration places.

Places of birth registration are written the old way (commune, district, province before the 2025 merger: "Xã Dân
Lý, Huyện Triệu Sơn, Tỉnh Thanh Hóa"), the new way (commune and province after it: "Xã Triệu Sơn, Tỉnh Thanh Hóa")
or, now and then, the short way clerks type ("Dân Lý, Triệu Sơn, Thanh Hóa").
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from app.demo.model import MERGER
from app.domain.text import search_key
from app.paths import table

OLD, NEW, SHORT = "old", "new", "short"
_PREFIXES = ("Thành phố ", "Thị trấn ", "Thị xã ", "Tỉnh ", "Huyện ", "Quận ", "Phường ", "Xã ", "Đặc khu ")


def _rows(*parts: str) -> list[dict[str, str]]:
    return list(table(*parts))


@dataclass(frozen=True)
class OldUnit:
    code: str
    commune: str
    district: str
    province: str
    province_code: str


@cache
def _old_units() -> dict[str, OldUnit]:
    return {r["commune_code"]: OldUnit(r["commune_code"], r["commune"], r["district"], r["province"],
                                       r["province_code"])
            for r in _rows("codes", "admin_units", "units_pre2025.csv") if r["commune_code"]}


@cache
def _new_units() -> dict[str, dict[str, str]]:
    return {r["commune_code"]: r for r in _rows("codes", "admin_units", "units_2025.csv")}


@cache
def _mapping() -> tuple[dict[str, str], dict[str, list[str]]]:
    """(old commune -> its main successor, new commune -> the old communes it took in)."""
    successor: dict[str, str] = {}
    parts: dict[str, list[str]] = {}
    for r in _rows("codes", "admin_units", "mapping_pre2025_to_2025.csv"):
        old, new = r["old_commune_code"], r["new_commune_code"]
        if r["share"] != "part" or old not in successor:
            successor[old] = new
        parts.setdefault(new, []).append(old)
    return successor, parts


@cache
def province_profiles() -> dict[str, dict[str, str]]:
    return {r["province_code"]: r for r in _rows("demo", "provinces.csv")}


@cache
def _hamlet_names() -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for r in _rows("demo", "hamlets.csv"):
        out.setdefault(r["style"], []).append((r["prefix"], r["name"]))
    return out


def short(name: str) -> str:
    """"Huyện Triệu Sơn" -> "Triệu Sơn"."""
    for prefix in _PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


@dataclass
class Places:
    """Where births were registered: in the commune, elsewhere in its province, or anywhere in Vietnam."""

    commune_code: str
    local: list[str]                                        # old communes the commune was formed from
    province: list[str]                                     # old communes of the same old province
    anywhere: list[str] = field(default_factory=list)
    _texts: dict[tuple[tuple[str, str], str], tuple[str, str]] = field(default_factory=dict, repr=False)

    def pick(self, rng: random.Random, born: date, origin: str) -> tuple[tuple[str, str], str]:
        """((kind, code), style) for a birth; origin is "local", "province" or "anywhere"."""
        if born >= MERGER:
            if origin == "local":
                return ("new", self.commune_code), NEW
            successor, _ = _mapping()
            pool = self.province if origin == "province" else self.anywhere
            return ("new", successor.get(pool[int(rng.random() * len(pool))], self.commune_code)), NEW
        pool = self.local if origin == "local" else self.province if origin == "province" else self.anywhere
        r = rng.random()
        return ("old", pool[int(rng.random() * len(pool))]), (OLD if r < 0.80 else NEW if r < 0.95 else SHORT)

    def render(self, ref: tuple[str, str], style: str) -> str:
        return self.written(ref, style)[0]

    def written(self, ref: tuple[str, str], style: str) -> tuple[str, str]:
        """(the place as written, its province code), remembered: a commune's people share a few places."""
        key = (ref, style)
        found = self._texts.get(key)
        if found is None:
            found = self._texts[key] = (self._render(ref, style), self.province_code(ref))
        return found

    def _render(self, ref: tuple[str, str], style: str) -> str:
        kind, code = ref
        if kind == "old" and style != NEW:
            u = _old_units()[code]
            if style == SHORT:
                return f"{short(u.commune)}, {short(u.district)}, {short(u.province)}"
            return f"{u.commune}, {u.district}, {u.province}"
        if kind == "old":
            code = self.commune_code if code in self.local else _mapping()[0].get(code, code)
        unit = _new_units()[code]
        return f"{unit['commune']}, {unit['province']}"

    def province_code(self, ref: tuple[str, str]) -> str:
        """The province of the registration (old code before the merger): the CCCD's digits 2–3."""
        kind, code = ref
        return _old_units()[code].province_code if kind == "old" else _new_units()[code]["province_code"]


@dataclass
class Commune:
    identity: dict[str, str]       # the register's COMMUNE_KEYS
    code: str
    name: str
    province_code: str             # 2025
    old_province_code: str         # before the merger (BHXH codes and cards issued before July 2025)
    district_short: str
    profile: dict[str, str]
    places: Places
    hamlets: list[str]
    hamlet_weights: list[float]
    hard_area: bool
    minority_share: float

    def province_at(self, d: date) -> str:
        return self.province_code if d >= MERGER else self.old_province_code


def choose_commune(rng: random.Random, persons: int, code: str | None = None) -> Commune:
    """A rural commune (Xã) chosen by the seed; or the 2025 commune with this code when there is one."""
    _, parts = _mapping()
    olds = _old_units()
    candidates = [r for c, r in sorted(_new_units().items())
                  if r["commune"].startswith("Xã ") and any(o in olds for o in parts.get(c, ()))]
    unit = rng.choice(candidates)
    if code and code in _new_units() and any(o in olds for o in parts.get(code, ())):
        unit = _new_units()[code]
    code = unit["commune_code"]
    local = sorted(o for o in set(parts[code]) if o in olds)
    main = next((o for o in local if short(olds[o].commune) == short(unit["commune"])), local[0])
    old_province = olds[main].province_code
    in_province = sorted(c for c, u in olds.items() if u.province_code == old_province and c not in local)
    places = Places(code, local, in_province or local, sorted(olds))
    profile = province_profiles()[unit["province_code"]]
    hamlets = _hamlets(rng, profile["hamlet_style"], persons)
    district = olds[main].district
    identity = {
        "commune_code": code,
        "commune_name": unit["commune"],
        "province_code": unit["province_code"],
        "province_name": unit["province"],
        "district_name": district,
        "bhxh_office": f"Bảo hiểm xã hội khu vực {short(district)}",
        "post_office": f"Bưu điện xã {short(unit['commune'])}",
        # what the lists print in their headers: made up from the codes (no draw, so the people stay the same)
        "address": f"{unit['commune']}, {unit['province']}",
        "unit_code": f"UB{code}",
        "tax_code": f"{unit['province_code']}00{code}"[:10].ljust(10, "0"),
        "phone": f"02{unit['province_code']}3{code[-5:]}"[:11],
        "email": f"ubnd.{search_key(short(unit['commune'])).replace(' ', '')}@demo.gov.vn",
    }
    hard = profile["hard_area"] == "yes" and rng.random() < 0.7
    share = rng.uniform(float(profile["minority_min"]), float(profile["minority_max"]))
    return Commune(identity, code, unit["commune"], unit["province_code"], old_province, short(district), profile,
                   places, hamlets, [rng.uniform(0.6, 1.4) for _ in hamlets], hard, share)


def _hamlets(rng: random.Random, style: str, persons: int) -> list[str]:
    count = max(4, min(60, round(persons / 350)))
    table = _hamlet_names()[style]
    numbered = [p for p, n in table if not n]
    named = [f"{p} {n}" for p, n in table if n]
    if named and (not numbered or (rng.random() < 0.5 and len(named) >= count)):
        names = rng.sample(named, min(count, len(named)))
        names += [f"{numbered[0] if numbered else 'Thôn'} {i}" for i in range(1, count - len(names) + 1)]
    else:
        names = [f"{numbered[0]} {i}" for i in range(1, count + 1)]
    if rng.random() < 0.3:  # part of a former town (thị trấn) merged into the commune
        names += [f"Tổ dân phố {i}" for i in range(1, rng.randint(2, 5))]
    return names
