"""The header values and signers of each list, from the commune's identity, the period and the participant group
(DOMAIN §6.1–6.4): the unit's name, codes and contacts, the list's number and month, the group's name, code,
funding source and support rate, the base salary in force on the list's date, the place of the date line."""
from __future__ import annotations

from typing import Any

from app.domain import codes
from app.lists import people
from app.lists.rows import CHANGES, D02, D03, TK1, Source

BHXH_PREFIX = "Bảo hiểm xã hội "


def _unit(src: Source) -> dict[str, Any]:
    c = src.commune
    name = c.get("commune_name", "")
    address = c.get("address") or ", ".join(x for x in (name, c.get("province_name")) if x)
    return {"ten_don_vi": f"Ủy ban nhân dân {people.unit_lower(name)}".strip(), "ma_don_vi": c.get("unit_code"),
            "ma_so_thue": c.get("tax_code"), "dia_chi_don_vi": address, "dien_thoai": c.get("phone"),
            "email": c.get("email"), "dia_danh": people.unit_short(name)}


def _month(src: Source) -> dict[str, Any]:
    return {"thang": src.month[5:7], "nam": src.month[:4]}


def header(src: Source, form: str, variant: str | None, number: int) -> tuple[dict[str, Any], dict[str, str]]:
    """(header values, signers) of one list of the period; `number` is its number among the period's lists."""
    c = src.commune
    chairman, clerk = c.get("chairman") or "", c.get("clerk") or ""
    unit = _unit(src)
    if form == D03:
        group = codes.group(variant)
        values = {**unit, **_month(src), "so": f"{number:02d}", "doi_tuong": group.name if group else variant,
                  "ma_doi_tuong": variant, "luong_co_so": src.base_salary,
                  "nguon_dong": group.funding_source if group else None,
                  "ty_le_nsnn": group.state_support if group else None}
        return _clean(values), {"nguoi_ky": chairman}
    if form == D02:
        values = {**unit, "ten_don_vi": f"ỦY BAN NHÂN DÂN {c.get('commune_name', '').upper()}",
                  "so": f"{number:02d}/{src.month[:4]}"}
        return _clean(values), {"nguoi_ky": chairman}
    if form == CHANGES:
        office = c.get("bhxh_office") or ""
        office = office.removeprefix(BHXH_PREFIX)
        values = {**unit, **_month(src), "ten_xa_hoa": people.unit_short(c.get("commune_name")).upper(),
                  "so": f"{number:02d}/DS-UBND", "co_quan_bhxh": office}
        return _clean(values), {"nguoi_lap": clerk, "chu_tich": chairman}
    if form == TK1:
        return {"dia_danh": unit["dia_danh"]}, {}
    return {}, {}


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v not in (None, "")}
