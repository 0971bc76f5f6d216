"""Frozen lists (app.lists.produce) back into what the writers take (app.lists.filled, app.lists.vnpt_template):
values typed again by each column's kind — full dates as dates, coefficients as Decimal, money as int."""
from __future__ import annotations

from dataclasses import fields
from datetime import date
from decimal import Decimal
from typing import Any

from app.lists import forms, people
from app.lists.filled import (
    AnnexMember,
    FilledList,
    HouseholdAnnex,
    SectionRows,
    Tk1Declaration,
    Tk1PartI,
    Tk1PartII,
)
from app.lists.forms.base import TableForm
from app.lists.produce import FrozenList
from app.lists.vnpt_template import VnptMember, VnptRow


def _date(value: Any) -> Any:
    if isinstance(value, str) and len(value) == 10 and value[4] == "-":
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value


def typed(form: TableForm, data: dict[str, Any]) -> dict[str, Any]:
    kinds = {c.id: c.kind for c in form.columns}
    out: dict[str, Any] = {}
    for key, value in data.items():
        kind = kinds.get(key)
        if kind is None:
            continue  # a value kept for another output (the template), not a column of this form
        if kind == "date":
            value = _date(value)
        elif kind == "decimal" and isinstance(value, str):
            value = Decimal(value)
        out[key] = value
    return out


def filled(fl: FrozenList) -> FilledList:
    definition = forms.get(fl.form, fl.version)
    assert isinstance(definition, TableForm)
    sections: dict[str, SectionRows] = {}
    for line in fl.lines:
        sections.setdefault(line.section, SectionRows(line.section)).rows.append(typed(definition, line.data))
    return FilledList(definition, dict(fl.header), list(sections.values()), dict(fl.signer),
                      _date(fl.place_date) or None, frozenset(fl.options))


def _only(cls: type, values: dict[str, Any] | None) -> dict[str, Any]:
    names = {f.name for f in fields(cls)}
    return {k: _date(v) for k, v in (values or {}).items() if k in names}


def declarations(fl: FrozenList) -> list[Tk1Declaration]:
    on = _date(fl.place_date) or None
    out = []
    for line in fl.lines:
        d = line.data
        annex = None
        if d.get("annex"):
            members = [AnnexMember(**_only(AnnexMember, m)) for m in d["annex"].get("members") or []]
            annex = HouseholdAnnex(**{**_only(HouseholdAnnex, d["annex"]), "members": members})
        out.append(Tk1Declaration(
            part_i=Tk1PartI(**_only(Tk1PartI, d["part_i"])) if d.get("part_i") else None,
            part_ii=Tk1PartII(**_only(Tk1PartII, d["part_ii"])) if d.get("part_ii") else None,
            annex=annex, dia_danh=str(fl.header.get("dia_danh") or ""), on=on,
            nguoi_ke_khai=str(d.get("nguoi_ke_khai") or "")))
    return out


def _member(m: dict[str, Any]) -> VnptMember:
    xa, huyen, tinh = people.birth_place_parts(m.get("noi_khai_sinh"))
    return VnptMember(ho_ten=m.get("ho_ten") or "", quan_he=m.get("quan_he_code") or m.get("quan_he") or "khac",
                      ma_so_bhxh=m.get("ma_so_bhxh") or "", ngay_sinh=m.get("ngay_sinh"),
                      gioi_tinh=m.get("gioi_tinh") or "", so_cccd=m.get("so_cccd") or "", ks_tinh=tinh,
                      ks_huyen=huyen, ks_xa=xa, nguoi_tham_gia=bool(m.get("nguoi_tham_gia")),
                      dan_toc=m.get("dan_toc") or "", quoc_tich="VN" if m.get("quoc_tich") in ("Việt Nam", "VN")
                      else m.get("quoc_tich") or "")


def vnpt_rows(fl: FrozenList) -> list[VnptRow]:
    out = []
    for line in fl.lines:
        data = dict(line.data)
        members = [_member(m) for m in data.pop("members", None) or []]
        out.append(VnptRow(**{**_only(VnptRow, data), "members": members}))
    return out
