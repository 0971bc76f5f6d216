"""The commune's identity for a new register: the name as given, completed from the administrative-unit tables.

`hgd init --commune-name "Xã Dân Lý"` finds the commune's code and province when the name is unique: first among the
communes since July 2025, then among the units before the merger (old records and old registers name those).
"""
from __future__ import annotations

from functools import cache

from app import messages
from app.domain.text import nfc, search_key
from app.errors import HgdError
from app.paths import table

messages.register({
    "commune.name_empty": ("Tên xã không được để trống.", "The commune name must not be empty."),
    "commune.bad_code": ("Mã xã '{code}' không hợp lệ: cần 5 chữ số.", "Commune code '{code}' is invalid: 5 digits."),
    "commune.ambiguous": ("Có {count} xã tên '{name}': {choices}. Thêm --province-name hoặc --commune-code để chọn.",
                          ("{count} communes are named '{name}': {choices}. Add --province-name or --commune-code "
                          "to choose.")),
    "commune.not_found": (("Không tìm thấy xã '{name}' trong danh mục đơn vị hành chính.{hint} Kiểm tra chính tả, "
                          "hoặc ghi --commune-code."),
                          ("No commune '{name}' in the administrative units.{hint} Check the spelling, or give "
                          "--commune-code.")),
    "commune.did_you_mean": (" Có phải: {choices}?", " Did you mean: {choices}?"),
    "commune.unknown_code": ("Không có xã mã {code} trong danh mục đơn vị hành chính.",
                             "There is no commune with code {code} in the administrative units."),
    "commune.code_mismatch": ("Mã xã {code} là của {other} ({province}), không phải '{name}'.",
                              "The commune code {code} is {other}'s ({province}), not '{name}'."),
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
    for row in table("codes", "admin_units", "units_2025.csv"):
        index.setdefault(_bare(row["commune"]), []).append(
            {"commune_code": row["commune_code"], "commune": row["commune"], "province_code": row["province_code"],
             "province": row["province"], "era": "2025"})
    for row in table("codes", "admin_units", "units_pre2025.csv"):
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


@cache
def _by_code() -> dict[str, list[dict[str, str]]]:
    index: dict[str, list[dict[str, str]]] = {}
    for units in _units().values():
        for u in units:
            index.setdefault(u["commune_code"], []).append(u)
    return index


def _label(u: dict[str, str]) -> str:
    return f"{u['commune']} ({u['province']}, {u['commune_code']})"


def _suggest(name: str) -> str:
    from rapidfuzz import fuzz, process

    key = _bare(name)
    found = process.extract(key, list(_units()), scorer=fuzz.ratio, limit=3, score_cutoff=75)
    choices = [_label(_units()[k][0]) for k, _, _ in found]
    return messages.render("commune.did_you_mean", choices="; ".join(choices)) if choices else ""


def _unit(unit: dict[str, str], identity: dict[str, str]) -> None:
    identity["commune_code"] = unit["commune_code"]
    identity.setdefault("province_name", unit["province"])
    identity.setdefault("province_code", unit["province_code"])
    if unit.get("district"):
        identity.setdefault("district_name", unit["district"])


def commune_identity(*, name: str, code: str | None = None, province_name: str | None = None,
                     province_code: str | None = None, district_name: str | None = None,
                     strict: bool = True) -> dict[str, str]:
    """The commune's identity from its name (and code): the code and province found in the administrative units.
    `strict`: an ambiguous or unknown name, or a code that does not exist or belongs to another commune, is refused
    with what to do; otherwise the name is kept as given."""
    name = nfc(name or "")
    if not name:
        raise HgdError("commune.name_empty")
    identity = {"commune_name": name}
    if code:
        code = code.strip()
        if not (code.isdigit() and len(code) <= 5):
            raise HgdError("commune.bad_code", code=code)
        code = code.zfill(5)
        identity["commune_code"] = code
        units = _by_code().get(code, [])
        if strict and not units:
            raise HgdError("commune.unknown_code", code=code)
        named = [u for u in units if _bare(u["commune"]) == _bare(name)]
        if strict and units and not named:
            raise HgdError("commune.code_mismatch", code=code, other=units[0]["commune"],
                           province=units[0]["province"], name=name)
        if named:
            _unit(named[0], identity)
    else:
        matches = find_communes(name, province_name)
        in_2025 = [m for m in matches if m["era"] == "2025"]
        pick = in_2025 if in_2025 else matches
        if len(pick) == 1:
            _unit(pick[0], identity)
        elif strict and len(pick) > 1:
            raise HgdError("commune.ambiguous", name=name, count=len(pick),
                           choices="; ".join(_label(u) for u in pick[:8]))
        elif strict:
            raise HgdError("commune.not_found", name=name, hint=_suggest(name))
    for key, value in (("province_name", province_name), ("province_code", province_code),
                       ("district_name", district_name)):
        if value:
            identity[key] = nfc(value)
    return identity
