"""A person as the lists print them, from an event's snapshot (app.domain.events.REPORTED_PERSON): names, codes
with their leading zeros, dates as ISO text (the writers print "1975", "03/1975" or a real date), sex as "Nam"/"Nữ",
codes of ethnicity, nationality and relation as their names, the address with the commune and province.

Values stay JSON-able (a list's lines are frozen as JSON): dates as ISO text, money as int, coefficients as text.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from app.domain import codes
from app.domain.dates import PartialDate
from app.domain.text import search_key
from app.errors import HgdError

SEX = {"M": "Nam", "F": "Nữ"}
NATIONALITY = {"VN": "Việt Nam"}
_UNIT_WORDS = ("Thành phố", "Thị trấn", "Thị xã", "Tỉnh", "Huyện", "Quận", "Phường", "Xã", "Đặc khu")


def dmy(iso: str | None) -> str:
    """'2026-11-03' -> '03/11/2026' (partial dates as they are known)."""
    if not iso:
        return ""
    try:
        return PartialDate.from_iso(iso).display()
    except (HgdError, ValueError):  # a malformed stored date prints as stored
        return iso


def unit_lower(name: str | None) -> str:
    """'Xã Dân Lý' -> 'xã Dân Lý', 'Tỉnh Thanh Hóa' -> 'tỉnh Thanh Hóa' (inside an address line)."""
    if not name:
        return ""
    for word in _UNIT_WORDS:
        if name.startswith(word + " "):
            return word.lower() + name[len(word):]
    return name


def unit_short(name: str | None) -> str:
    """'Xã Dân Lý' -> 'Dân Lý'."""
    if not name:
        return ""
    for word in _UNIT_WORDS:
        if name.startswith(word + " "):
            return name[len(word) + 1:]
    return name


def address(snap: dict[str, Any], commune: dict[str, str]) -> str:
    """The residence: the hamlet as the register holds it, then the commune and the province (DOMAIN §6.1 col. 5)."""
    parts = [snap.get("address") or ""]
    for unit in (commune.get("commune_name"), commune.get("province_name")):
        if unit and search_key(unit_short(unit)) not in search_key(parts[0]):
            parts.append(unit_lower(unit))
    return ", ".join(p for p in parts if p)


def birth_place_parts(text: str | None) -> tuple[str, str, str]:
    """(xã, huyện, tỉnh) of a birth-registration place written "Xã A, Huyện B, Tỉnh C" or, since 2025, "Xã A, Tỉnh C"
    (no district); the last part is the province, the first the commune."""
    parts = [p.strip() for p in (text or "").split(",") if p.strip()]
    if not parts:
        return "", "", ""
    if len(parts) == 1:
        return parts[0], "", ""
    if len(parts) == 2:
        return parts[0], "", parts[1]
    return parts[0], ", ".join(parts[1:-1]), parts[-1]


def identity(snap: dict[str, Any]) -> dict[str, Any]:
    """The columns every list shares about a person."""
    return {
        "ho_ten": snap.get("full_name") or "",
        "ma_so_bhxh": snap.get("bhxh_code") or None,
        "so_cccd": snap.get("id_number") or None,
        "ngay_sinh": snap.get("birth_date") or None,
        "gioi_tinh": SEX.get(snap.get("sex") or "", ""),
    }


def member(snap: dict[str, Any]) -> dict[str, Any]:
    """A household member as the change list and the TK1-TS annex print them (DOMAIN §6.3–6.4)."""
    return {
        **identity(snap),
        "quoc_tich": NATIONALITY.get(snap.get("nationality") or "VN", snap.get("nationality") or ""),
        "dan_toc": codes.ethnic_name(snap.get("ethnicity_code")) or "",
        "noi_khai_sinh": snap.get("birth_place") or "",
        "quan_he": relation(snap.get("relation")),
    }


def relation(code: str | None) -> str:
    return (codes.relation_name(code) or code or "") if code else ""


def birth(snap: dict[str, Any]) -> date | None:
    """The full date of birth, or None when only the month or year is known."""
    text = snap.get("birth_date") or ""
    try:
        return date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None
