"""The commune's identity for a new register: the name as given, completed from the administrative-unit tables.

`hgd init --commune-name "Xã Dân Lý"` finds the commune's code and province when the name is unique: first among the
communes since July 2025, then among the units before the merger (old records and old registers name those).
"""
from __future__ import annotations

import csv
from functools import cache

from app import messages
from app.domain.text import nfc, search_key
from app.errors import HgdError
from app.paths import resource

messages.register({
    "commune.name_empty": ("Tên xã không được để trống.", "The commune name must not be empty."),
    "commune.bad_code": ("Mã xã '{code}' không hợp lệ: cần 5 chữ số.", "Commune code '{code}' is invalid: 5 digits."),
})

_UNIT_PREFIXES = ("xa ", "phuong ", "thi tran ", "dac khu ")


def _bare(name: str) -> str:
    key = search_key(name)
    for prefix in _UNIT_PREFIXES:
        if key.startswith(prefix):
            return key[len(prefix):]
    return key


@cache
def _units() -> dict[str, list[dict[str, str]]]:
    """Bare commune name key → the units bearing it, the 2025 ones first."""
    index: dict[str, list[dict[str, str]]] = {}
    with open(resource("codes", "admin_units", "units_2025.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            index.setdefault(_bare(row["commune"]), []).append(
                {"commune_code": row["commune_code"], "commune": row["commune"], "province_code": row["province_code"],
                 "province": row["province"], "era": "2025"})
    with open(resource("codes", "admin_units", "units_pre2025.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["commune"]:
                index.setdefault(_bare(row["commune"]), []).append(
                    {"commune_code": row["commune_code"], "commune": row["commune"],
                     "province_code": row["province_code"], "province": row["province"],
                     "district": row["district"], "era": "pre2025"})
    return index


def find_communes(name: str, province_name: str | None = None) -> list[dict[str, str]]:
    found = _units().get(_bare(name), [])
    full = search_key(name)
    exact = [u for u in found if search_key(u["commune"]) == full]
    found = exact or found
    if province_name:
        wanted = _bare(province_name.replace("Tỉnh", "").replace("Thành phố", ""))
        found = [u for u in found if wanted in search_key(u["province"])]
    return found


def commune_identity(*, name: str, code: str | None = None, province_name: str | None = None,
                     province_code: str | None = None, district_name: str | None = None) -> dict[str, str]:
    name = nfc(name or "")
    if not name:
        raise HgdError("commune.name_empty")
    identity = {"commune_name": name}
    if code:
        code = code.strip()
        if not (code.isdigit() and len(code) <= 5):
            raise HgdError("commune.bad_code", code=code)
        identity["commune_code"] = code.zfill(5)
    if not code:
        matches = find_communes(name, province_name)
        in_2025 = [m for m in matches if m["era"] == "2025"]
        pick = in_2025 if in_2025 else matches
        if len(pick) == 1:
            unit = pick[0]
            identity["commune_code"] = unit["commune_code"]
            identity.setdefault("province_name", unit["province"])
            identity.setdefault("province_code", unit["province_code"])
            if unit.get("district"):
                identity.setdefault("district_name", unit["district"])
    for key, value in (("province_name", province_name), ("province_code", province_code),
                       ("district_name", district_name)):
        if value:
            identity[key] = nfc(value)
    return identity
