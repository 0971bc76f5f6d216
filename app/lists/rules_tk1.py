"""TK1-TS declarations of the period (DOMAIN §6.4): one per person who needs one.

- part I, with the household annex ([16] ticked): a person without a BHXH code — a newborn whose code did not come
  through the birth-registration link, a person moving in who has none. The annex lists the household as it stood on
  the event's day (app.registry.history.household_on), and a child's declarant is a parent;
- part II: a correction of a person who has a BHXH code, the corrected identity items filled with the new values
  and "[22] Nội dung thay đổi" saying what changed. A correction of a person without a code gives part I with the
  corrected data. Corrections of address, phone or relation only are on the change list, not on a TK1-TS.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from app.domain.person import field_label
from app.lists import people
from app.lists.rows import TK1, Row, Source, day, payload, persons, subject
from app.registry.history import display, household_on
from app.store.models import Action, Event

# Corrections that change what BHXH holds of the person (TK1-TS items): the others are on the change list only.
TK1_FIELDS = ("full_name", "sex", "birth_date", "birth_place", "id_number", "bhxh_code", "health_facility",
              "ethnicity_code", "nationality")
CHILD_YEARS = 6


def _part_i(src: Source, snap: dict[str, Any], parent: str) -> dict[str, Any]:
    xa, huyen, tinh = people.birth_place_parts(snap.get("birth_place"))
    member = people.member(snap)
    return {"ho_ten": (snap.get("full_name") or "").upper(), "gioi_tinh": member["gioi_tinh"],
            "ngay_sinh": snap.get("birth_date"), "quoc_tich": member["quoc_tich"], "dan_toc": member["dan_toc"],
            "so_cccd": snap.get("id_number") or "", "dien_thoai": snap.get("phone") or "", "ks_xa": xa,
            "ks_huyen": huyen, "ks_tinh": tinh, "cha_me_giam_ho": parent,
            "nhan_ket_qua": f"Tại {src.commune.get('commune_name', 'UBND xã')}",
            "dc_so_nha": snap.get("address") or "", "dc_xa": src.commune.get("commune_name", ""),
            "dc_huyen": "", "dc_tinh": src.commune.get("province_name", ""), "phu_luc": True}


def _annex(src: Source, household_id: str | None, on: date, code: str | None) -> dict[str, Any] | None:
    if not household_id:
        return None
    state = household_on(src.session, household_id, on, "vi")
    members = state["members"]
    head = next((m for m in members if m.get("relation") == "chu_ho"), None)
    return {"ho_ten_chu_ho": head.get("full_name", "") if head else "", "ma_so_ho": code or "",
            "so_cccd_chu_ho": (head or {}).get("id_number") or "", "dien_thoai": (head or {}).get("phone") or "",
            "so_nha": "", "thon": (state["household"] or {}).get("address") or "",
            "xa": src.commune.get("commune_name", ""), "huyen": "", "tinh": src.commune.get("province_name", ""),
            "members": [people.member(m) | {"ghi_chu": "", "quan_he_code": m.get("relation") or ""}
                        for m in members]}


def _recorded(src: Source, ev: Event) -> date:
    """The day the household is shown as it stood: when the event was recorded (its snapshot's moment), or its
    effective day when that is later."""
    act = src.session.get(Action, ev.action_id) if ev.action_id else None
    return max(day(ev), act.at.date()) if act is not None else day(ev)


def _is_child(snap: dict[str, Any], on: date) -> bool:
    born = (snap.get("birth_date") or "")[:4]
    return born.isdigit() and on.year - int(born) < CHILD_YEARS


def _declaration(src: Source, ev: Event, snap: dict[str, Any], household_id: str | None, parent: str,
                 part_ii: dict[str, Any] | None = None) -> Row:
    when = day(ev)
    data: dict[str, Any] = {"part_i": None, "part_ii": part_ii, "annex": None,
                            "nguoi_ke_khai": parent if parent and _is_child(snap, when) else snap.get("full_name")}
    if part_ii is None:
        data["part_i"] = _part_i(src, snap, parent if _is_child(snap, when) else "")
        data["annex"] = _annex(src, household_id, _recorded(src, ev), snap.get("household_code"))
    section = "part_ii" if part_ii is not None else "part_i"
    return Row(TK1, section, ev.id, snap.get("id"), data, meta={"annex": data["annex"] is not None})


def birth(src: Source, ev: Event) -> list[Row]:
    mother, _ = subject(ev, "mother")
    father, _ = subject(ev, "father")
    _, household = subject(ev, "household")
    parent = src.name_of(mother) or src.name_of(father)
    return [_declaration(src, ev, snap, household, parent) for snap in persons(ev)[:1] if not snap.get("bhxh_code")]


def move_in(src: Source, ev: Event) -> list[Row]:
    """A person moving in without a code; the same for a card requested for a member without one."""
    _, household = subject(ev, "household")
    if household is None:
        _, household = subject(ev, "new_household")
    return [_declaration(src, ev, snap, household, "") for snap in persons(ev) if not snap.get("bhxh_code")]


def correction(src: Source, ev: Event) -> list[Row]:
    snaps = persons(ev)
    changes = [c for c in payload(ev).get("changes") or [] if c.get("field") in TK1_FIELDS]
    if not snaps or not changes:
        return []
    after = snaps[-1]
    if not after.get("bhxh_code"):
        return [_declaration(src, ev, after, None, "")]
    fields = {c["field"] for c in changes}
    what = "; ".join(f"{field_label(c['field'], 'vi')}: {display(c['field'], c.get('before'), 'vi')} → "
                     f"{display(c['field'], c.get('after'), 'vi')}" for c in changes)
    part = {"ma_so_bhxh": after.get("bhxh_code"),
            "ho_ten": (after.get("full_name") or "").upper() if "full_name" in fields else "",
            "gioi_tinh": people.SEX.get(after.get("sex") or "", "") if "sex" in fields else "",
            "ngay_sinh": after.get("birth_date") if "birth_date" in fields else None,
            "noi_khai_sinh": after.get("birth_place") or "" if "birth_place" in fields else "",
            "so_cccd": after.get("id_number") or "" if "id_number" in fields else "",
            "noi_kcb": after.get("health_facility") or "" if "health_facility" in fields else "",
            "noi_dung": "Điều chỉnh " + what + (f" ({payload(ev)['reason']})" if payload(ev).get("reason") else ""),
            "ho_so_kem_theo": ""}
    return [_declaration(src, ev, after, None, "", part)]
