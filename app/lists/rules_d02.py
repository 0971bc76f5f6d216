"""D02-LT rows from the staff events of the period (DOMAIN §6.2, FORMS.md §2; CV 2950/BHXH-BT for (25)–(27)):
- a start: the terms, (25) the month contributions start, (26) blank;
- a change of terms: the new terms, (25) the month the change starts, (26) blank, (27) what changed;
- an end: the last terms, (25) blank, (26) the month the commune stops paying.
No sections: increase, decrease and change are told apart by (25)–(27) (inferred, FORMS.md §2.4)."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from app.lists import people
from app.lists.periods import month_of
from app.lists.rows import D02, Row, Source, day, payload, persons
from app.store.models import Event

JOB_COLUMNS = {"manager": "vt_quan_ly", "high": "vt_cmkt_cao", "mid": "vt_cmkt_trung", "other": "vt_khac"}
CONTRACT_COLUMNS = {"indefinite": ("hd_khong_xd", None), "fixed": ("hd_xd_bat_dau", "hd_xd_ket_thuc"),
                    "other": ("hd_khac_bat_dau", "hd_khac_ket_thuc")}
ALLOWANCES = {"allowance_position": "pc_chuc_vu", "allowance_seniority_vk": "pc_tn_vk",
              "allowance_seniority_job": "pc_tn_nghe", "allowance_salary": "pc_luong", "allowance_other": "bo_sung"}
WORDS = {"position": "chức vụ", "salary_coefficient": "hệ số lương", "salary_amount": "mức lương",
         "allowance_position": "phụ cấp chức vụ", "allowance_seniority_vk": "thâm niên vượt khung",
         "allowance_seniority_job": "thâm niên nghề", "allowance_salary": "phụ cấp lương",
         "allowance_other": "khoản bổ sung", "contract_kind": "loại hợp đồng", "job_class": "vị trí việc làm"}


def decimal_text(value: float | None) -> str | None:
    """A coefficient as exact decimal text ("2.34"), as the list's lines keep it."""
    if value is None:
        return None
    return format(Decimal(repr(value)).normalize(), "f") if isinstance(value, float) else str(value)


def terms_cells(terms: dict[str, Any]) -> dict[str, Any]:
    cells: dict[str, Any] = {"chuc_vu": terms.get("position") or ""}
    job = JOB_COLUMNS.get(terms.get("job_class") or "")
    if job:
        cells[job] = True
    if terms.get("salary_coefficient") is not None:
        cells["he_so_luong"] = decimal_text(terms["salary_coefficient"])
    elif terms.get("salary_amount") is not None:
        cells["he_so_luong"] = int(terms["salary_amount"])
    for term, column in ALLOWANCES.items():
        if terms.get(term):
            cells[column] = decimal_text(terms[term])
    cells["nnnh_bat_dau"], cells["nnnh_ket_thuc"] = terms.get("hazard_from"), terms.get("hazard_to")
    start, end = CONTRACT_COLUMNS.get(terms.get("contract_kind") or "", (None, None))
    if start:
        cells[start] = terms.get("contract_from")
    if end:
        cells[end] = terms.get("contract_to")
    return {k: v for k, v in cells.items() if v not in (None, "")}


def _changed(before: dict[str, Any], after: dict[str, Any]) -> str:
    parts = []
    for term, word in WORDS.items():
        old, new = before.get(term), after.get(term)
        if old != new:
            shown = [(decimal_text(v) or "").replace(".", ",") if isinstance(v, float) else str(v or "—") for v in (old, new)]
            parts.append(f"{word} {shown[0]} → {shown[1]}")
    return ", ".join(parts)


def staff(src: Source, ev: Event) -> list[Row]:
    details = payload(ev)
    before, after = details.get("terms_before") or {}, details.get("terms_after") or {}
    decision = after.get("decision") or before.get("decision")
    reason = details.get("reason")
    if ev.type == "staff_start":
        cells = {**terms_cells(after), "bat_dau_dong": after.get("contributions_from") or month_of(day(ev))}
        note = "Tăng mới"
    elif ev.type == "staff_change":
        cells = {**terms_cells(after), "bat_dau_dong": month_of(day(ev))}
        note = "Điều chỉnh: " + (_changed(before, after) or "thay đổi thông tin")
    else:
        cells = {**terms_cells(before), "ket_thuc_dong": after.get("contributions_to") or month_of(day(ev))}
        note = f"Giảm: thôi việc từ ngày {people.dmy(ev.effective_date)}"
    note = "; ".join(x for x in (note, reason, decision) if x) + src.late(ev)
    rows = []
    for snap in persons(ev)[:1]:
        data = {**people.identity(snap), **cells, "ghi_chu": note}
        rows.append(Row(D02, "rows", ev.id, snap.get("id"), data, meta={"kind": ev.type}))
    return rows
