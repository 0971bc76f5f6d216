"""D03-TS rows (one list per participant group the commune lists) and the same increases and decreases for the
declaration software's template, from the period's events (DOMAIN §4, §5.5, §6.1).

- birth: an increase (I.1) in TE, the card from the birth date, "Số tháng" from the TE rule (app.domain.te_card);
- move in: an increase in the person's group when the commune lists it, from the day of the move;
- card request (app.lists.cards): an increase in the group the member is entitled to, from the day it is made;
- group change: a decrease (II.1) in the old group from the day of the change and an increase in the new one (a
  child passing 72 months: TE → another group);
- death: a decrease in the group the person held, from the first day of the month after the death (unsure, §8);
- move out: a decrease in the group the person held, from the first day of the month after the move (unsure: the
  same rule as a death; no source read says when BHXH takes the decrease).
Corrections make no D03-TS row (TK1-TS part II, app.lists.rules_tk1). Every value comes from the event's snapshot.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from app.domain import codes, te_card
from app.lists import people
from app.lists.rows import D03, VNPT, Row, Source, day, month_after, months_of_card, payload, persons
from app.store.models import Event

INCREASE, DECREASE = "I.1", "II.1"


def listed() -> frozenset[str]:
    return frozenset(g.code for g in codes.commune_lists())


def so_thang(snap: dict[str, Any], group: str, start: str | None, end: str | None) -> int | None:
    """Column 13: the TE rule for a child's card (from `start` to the day it reaches 72 months, or 30/09); else the
    whole months of the card's dates."""
    born = people.birth(snap)
    if group == "TE" and born is not None:
        return te_card.te_months(born, date.fromisoformat(start) if start and len(start) == 10 else born)
    return months_of_card(start, end)


def increase(src: Source, ev: Event, snap: dict[str, Any], group: str | None, start: str | None, end: str | None,
             note: str) -> list[Row]:
    if not group or group not in listed():
        return []
    months = so_thang(snap, group, start, end)
    if group == "TE" and (born := people.birth(snap)) is not None:
        end = te_card.te_card_end(born).isoformat()
    data = {**people.identity(snap), "dia_chi": people.address(snap, src.commune),
            "noi_kcb": snap.get("health_facility") or None, "tu_thang": start, "so_thang": months,
            "ghi_chu": note + src.late(ev)}
    meta = {"card_to": end, "kind": "increase"}
    return [Row(D03, INCREASE, ev.id, snap.get("id"), data, group, meta),
            vnpt(src, ev, snap, group, 1, "TM", start, months, data["ghi_chu"])]


def decrease(src: Source, ev: Event, snap: dict[str, Any], group: str | None, start: str, note: str, *,
             died: str | None = None) -> list[Row]:
    if not group or group not in listed():
        return []
    data = {**people.identity(snap), "dia_chi": people.address(snap, src.commune),
            "noi_kcb": snap.get("health_facility") or None, "tu_thang": start, "ghi_chu": note + src.late(ev)}
    row = vnpt(src, ev, snap, group, 3, "GH", start, None, data["ghi_chu"])
    if died:
        row.data["ngay_chet"] = died
    return [Row(D03, DECREASE, ev.id, snap.get("id"), data, group, {"kind": "decrease"}), row]


def vnpt(src: Source, ev: Event, snap: dict[str, Any], group: str, loai: int, plan: str, start: str | None,
         months: int | None, note: str) -> Row:
    """The same increase or decrease as the declaration software's template takes it (app.lists.vnpt_template)."""
    xa, huyen, tinh = people.birth_place_parts(snap.get("birth_place"))
    on = date.fromisoformat(start) if start and len(start) == 10 else src.on
    data = {
        "ho_ten": snap.get("full_name") or "", "loai": loai, "phuong_an": plan,
        "ma_so_bhxh": snap.get("bhxh_code") or "", "ngay_sinh": snap.get("birth_date"),
        "gioi_tinh": people.SEX.get(snap.get("sex") or "", ""), "so_cccd": snap.get("id_number") or "",
        "ma_ho_gia_dinh": snap.get("household_code") or "",
        "dan_toc": codes.ethnic_name(snap.get("ethnicity_code")) or "",
        "quoc_tich": people.NATIONALITY.get(snap.get("nationality") or "VN", snap.get("nationality") or ""),
        "ks_xa": xa, "ks_huyen": huyen, "ks_tinh": tinh, "tinh": src.commune.get("province_name", ""),
        "xa": src.commune.get("commune_name", ""), "dia_chi": snap.get("address") or "",
        "benh_vien": snap.get("health_facility") or "", "muc_huong": codes.benefit_level(group, on),
        "tu_ngay": start, "so_thang": months, "tien_dong": src.base_salary,
        "ghi_chu": f"Mã đối tượng {group}: {note}", "dien_thoai": snap.get("phone") or "",
    }
    return Row(VNPT, "increase" if loai == 1 else "decrease", ev.id, snap.get("id"), data, group)


# --- the rules, event by event ----------------------------------------------------------------------------------------

def birth(src: Source, ev: Event) -> list[Row]:
    details = payload(ev)
    rows: list[Row] = []
    for snap in persons(ev)[:1]:
        start = details.get("card_valid_from") or snap.get("card_valid_from") or ev.effective_date
        end = details.get("card_valid_to") or snap.get("card_valid_to")
        rows += increase(src, ev, snap, details.get("group_after") or "TE", start, end, "Sinh")
    return rows


def death(src: Source, ev: Event) -> list[Row]:
    details = payload(ev)
    rows: list[Row] = []
    for snap in persons(ev)[:1]:
        rows += decrease(src, ev, snap, details.get("group_before") or snap.get("group_code"), month_after(day(ev)),
                         f"Chết ngày {people.dmy(ev.effective_date)}", died=ev.effective_date)
    return rows


def move_in(src: Source, ev: Event) -> list[Row]:
    origin = payload(ev).get("from")
    note = "Chuyển đến" + (f" từ {origin}" if origin else "")
    rows: list[Row] = []
    for snap in persons(ev):
        rows += increase(src, ev, snap, snap.get("group_code"), ev.effective_date, snap.get("card_valid_to"), note)
    return rows


def move_out(src: Source, ev: Event) -> list[Row]:
    details = payload(ev)
    groups = details.get("groups_before") or {}
    to = details.get("to")
    note = f"Chuyển đi ngày {people.dmy(ev.effective_date)}" + (f" đến {to}" if to else "")
    rows: list[Row] = []
    for snap in persons(ev):
        rows += decrease(src, ev, snap, groups.get(snap.get("id")) or snap.get("group_code"), month_after(day(ev)),
                         note)
    return rows


def group_change(src: Source, ev: Event) -> list[Row]:
    details = payload(ev)
    before, after = details.get("group_before"), details.get("group_after")
    card_before, card_after = details.get("card_before") or {}, details.get("card_after") or {}
    rows: list[Row] = []
    for snap in persons(ev)[:1]:
        if details.get("reason") == "72_months":
            out = f"Đủ 72 tháng tuổi, chuyển sang {after or 'nhóm khác'}"
        else:
            out = f"Chuyển sang {after}" if after else "Thôi thuộc đối tượng"
        old = {**snap, "group_code": before, "card_number": card_before.get("number"),
               "card_valid_from": card_before.get("from"), "card_valid_to": card_before.get("to")}
        rows += decrease(src, ev, old, before, ev.effective_date, out)
        rows += increase(src, ev, snap, after, card_after.get("from") or ev.effective_date, card_after.get("to"),
                         f"Chuyển từ {before}" if before else "Tham gia mới")
    return rows


def card_request(src: Source, ev: Event) -> list[Row]:
    details = payload(ev)
    rows: list[Row] = []
    for snap in persons(ev)[:1]:
        rows += increase(src, ev, snap, details.get("group"), details.get("card_valid_from") or ev.effective_date,
                         details.get("card_valid_to"), "Đề nghị cấp thẻ (chưa có trong danh sách thẻ của BHXH)")
    return rows
