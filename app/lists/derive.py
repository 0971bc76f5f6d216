"""The rows of a period's lists, derived from its events (DOMAIN §4): which event makes which row of which list.

    rows = derive(session, commune_id, month, on, events)

Each event type has its rules (app.lists.rules_*); each rule reads the event's payload snapshot (the persons as they
were reported, the group before and after, the card's dates), never the register's state now — but for the names of
other subjects (a newborn's mother, a household's former head), and the household as it stood on the event's day
for a TK1-TS annex. Rows come out in the order of the events, which the writers keep within each section.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from app.lists import rules_changes, rules_d02, rules_d03, rules_tk1
from app.lists.rows import TK1, VNPT, Row, Source
from app.registry.parameters import value_on
from app.store.models import Commune, Event

Rule = Callable[[Source, Event], list[Row]]
RULES: dict[str, tuple[Rule, ...]] = {
    "birth": (rules_d03.birth, rules_changes.birth, rules_tk1.birth),
    "death": (rules_d03.death, rules_changes.death),
    "move_in": (rules_d03.move_in, rules_changes.move_in, rules_tk1.move_in),
    "move_out": (rules_d03.move_out, rules_changes.move_out),
    "split": (rules_changes.split,),
    "merge": (rules_changes.merge,),
    "head_change": (rules_changes.head_change,),
    "correction": (rules_changes.correction, rules_tk1.correction),
    "group_change": (rules_d03.group_change,),
    "staff_start": (rules_d02.staff,),
    "staff_change": (rules_d02.staff,),
    "staff_end": (rules_d02.staff,),
    "card_request": (rules_d03.card_request, rules_tk1.move_in),
}


def commune_identity(session: Session, commune_id: str) -> dict[str, str]:
    """The commune's identity as the lists print it (the same keys as Register.commune())."""
    row = session.get(Commune, commune_id)
    if row is None:
        return {}
    out = {k: getattr(row, k) for k in ("province_code", "province_name", "district_name", "address", "phone",
                                        "email", "tax_code", "unit_code", "chairman", "clerk", "post_office",
                                        "bhxh_office") if getattr(row, k)}
    out["commune_name"], out["commune_code"] = row.name, row.code
    return out


def source(session: Session, commune_id: str, month: str, on: date) -> Source:
    return Source(session, commune_id, commune_identity(session, commune_id), month, on,
                  value_on(session, "base_salary", on, commune_id))


def derive(src: Source, events: Iterable[Event]) -> list[Row]:
    rows: list[Row] = []
    for ev in events:
        for rule in RULES.get(ev.type, ()):
            rows.extend(rule(src, ev))
    _attach_members(rows)
    return rows


def load_events(session: Session, query: Select[Any]) -> list[Event]:
    """The events of a query with their subjects loaded at once (the rules read every event's subjects)."""
    return list(session.scalars(query.options(selectinload(Event.subjects))))


def events_by_id(session: Session, ids: list[str]) -> list[Event]:
    q = select(Event).where(Event.id.in_(ids)).order_by(Event.effective_date, Event.created_at, Event.id)
    return load_events(session, q)


def _attach_members(rows: list[Row]) -> None:
    """A template row of a person without a BHXH code carries the household members of the person's TK1-TS annex
    (the declaration software's "Phụ lục" sheet)."""
    annexes = {(r.event_id, r.person_id): r.data["annex"] for r in rows if r.form == TK1 and r.data.get("annex")}
    for r in rows:
        if r.form != VNPT or r.data.get("ma_so_bhxh"):
            continue
        annex = annexes.get((r.event_id, r.person_id))
        if annex:
            r.data["members"] = [{**m, "nguoi_tham_gia": m.get("ho_ten") == r.data["ho_ten"]}
                                 for m in annex["members"]]
            r.data["so_cccd_chu_ho"] = annex.get("so_cccd_chu_ho") or ""
