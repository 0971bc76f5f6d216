"""Rows of the household-member change list (Danh sách biến động thành viên hộ gia đình, DOMAIN §4, §6.3), one per
person an event touches, grouped by kind of change: the member's data as reported when the event was recorded,
the change, its date, what it was before and what it is after (a split or a merge: both household codes).
A group change makes no row here (it is on D03-TS only)."""
from __future__ import annotations

from typing import Any

from app.domain.person import field_label
from app.lists import people
from app.lists.rows import CHANGES, Row, Source, payload, persons, subject
from app.registry.history import display
from app.store.models import Event

KIND = {"birth": ("sinh", "Sinh"), "death": ("chet", "Chết"), "split": ("tach_ho", "Tách hộ"),
        "merge": ("nhap_ho", "Nhập hộ"), "move_in": ("chuyen_den", "Chuyển đến"),
        "move_out": ("chuyen_di", "Chuyển đi"), "correction": ("dieu_chinh", "Điều chỉnh thông tin"),
        "head_change": ("thay_doi_chu_ho", "Thay đổi chủ hộ")}
HEAD_REASONS = {"death": "Chủ hộ cũ chết", "move_out": "Chủ hộ cũ chuyển đi", "handover": "Chuyển giao chủ hộ"}


def _row(src: Source, ev: Event, snap: dict[str, Any], before: str, after: str, note: str = "", *,
         household: str | None = None, head: str | None = None) -> Row:
    section, label = KIND[ev.type]
    data = {"ma_so_ho": household or snap.get("household_code"), "chu_ho": head or snap.get("head_name") or "",
            **people.member(snap), "loai": label, "ngay_bien_dong": ev.effective_date, "truoc": before,
            "sau": after, "ghi_chu": (note + src.late(ev)).strip("; ")}
    return Row(CHANGES, section, ev.id, snap.get("id"), data)


def _household(code: str | None, relation: str | None = None) -> str:
    text = f"Hộ {code}" if code else ""
    return f"{text}, {people.relation(relation).lower()}" if relation and text else text


def birth(src: Source, ev: Event) -> list[Row]:
    mother, _ = subject(ev, "mother")
    father, _ = subject(ev, "father")
    parent = f"Mẹ: {src.name_of(mother)}" if mother else f"Cha: {src.name_of(father)}" if father else ""
    return [_row(src, ev, snap, "", "Thành viên mới của hộ", parent) for snap in persons(ev)[:1]]


def death(src: Source, ev: Event) -> list[Row]:
    dissolved = "; hộ không còn thành viên" if payload(ev).get("household_dissolved") else ""
    return [_row(src, ev, snap, "Thành viên của hộ", f"Chết ngày {people.dmy(ev.effective_date)}{dissolved}")
            for snap in persons(ev)[:1]]


def move_in(src: Source, ev: Event) -> list[Row]:
    details = payload(ev)
    new = " (hộ mới)" if details.get("new_household") else ""
    origin = details.get("from") or ""
    return [_row(src, ev, snap, f"Nơi ở trước: {origin}" if origin else "",
                 f"{_household(snap.get('household_code'), snap.get('relation'))}{new}") for snap in persons(ev)]


def move_out(src: Source, ev: Event) -> list[Row]:
    details = payload(ev)
    to = details.get("to") or ""
    whole = "; cả hộ chuyển đi" if details.get("whole_household") else ""
    return [_row(src, ev, snap, _household(snap.get("household_code"), snap.get("relation")),
                 f"Chuyển đến: {to}" if to else "Chuyển đi", whole.strip("; ")) for snap in persons(ev)]


def _moved(src: Source, ev: Event, old_code: str | None, new_code: str | None, note_head: str) -> list[Row]:
    before = payload(ev).get("relations_before") or {}
    new_head, _ = subject(ev, "new_head")
    rows = []
    for snap in persons(ev):
        rows.append(_row(src, ev, snap, _household(old_code, before.get(snap.get("id"))),
                         _household(new_code, snap.get("relation")),
                         note_head if snap.get("id") == new_head else "", household=new_code))
    return rows


def split(src: Source, ev: Event) -> list[Row]:
    details = payload(ev)
    return _moved(src, ev, details.get("from_household_code"), details.get("new_household_code"), "Chủ hộ mới")


def merge(src: Source, ev: Event) -> list[Row]:
    details = payload(ev)
    return _moved(src, ev, details.get("from_household_code"), details.get("into_household_code"), "")


def correction(src: Source, ev: Event) -> list[Row]:
    snaps = persons(ev)
    if not snaps:
        return []
    changes = payload(ev).get("changes") or []
    before = "; ".join(f"{field_label(c['field'], 'vi')}: {display(c['field'], c.get('before'), 'vi')}"
                       for c in changes)
    after = "; ".join(f"{field_label(c['field'], 'vi')}: {display(c['field'], c.get('after'), 'vi')}"
                      for c in changes)
    return [_row(src, ev, snaps[-1], before, after, payload(ev).get("reason") or "")]


def head_change(src: Source, ev: Event) -> list[Row]:
    details = payload(ev)
    old, _ = subject(ev, "old_head")
    rows = []
    for snap in persons(ev)[:1]:
        relation = (details.get("relations_before") or {}).get(snap.get("id"))
        was = f"Chủ hộ: {src.name_of(old)}" if old else "Chưa có chủ hộ"
        was += f"; {people.relation(relation).lower()} của chủ hộ" if relation else ""
        rows.append(_row(src, ev, snap, was, f"Chủ hộ: {snap.get('full_name')}",
                         HEAD_REASONS.get(details.get("reason") or "", details.get("reason") or "")))
    return rows

