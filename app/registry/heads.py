"""The change of a household's head, shared by the head-change, death, move-out and split services: relations to
the new head rewritten by the domain's rule (app.domain.relations), the head set, the event written."""
from __future__ import annotations

from datetime import date

from app.domain.relations import Member, relations_after_head_change
from app.operations import OpContext
from app.registry.common import active_members, as_reported, record_event
from app.store.models import Household, Person


def members_info(people: list[Person]) -> list[Member]:
    return [Member(p.id, p.relation, p.sex, p.birth_date) for p in people]


def change_head(ctx: OpContext, hh: Household, new_head: Person, when: date, reason: str, *,
                old_head: Person | None = None, spouse: str | None = None, children: tuple[str, ...] = (),
                relations: dict[str, str] | None = None) -> None:
    """Make `new_head` the head of `hh` on `when`, rewriting every active member's relation to the head."""
    old_head = old_head or (ctx.session.get(Person, hh.head_person_id) if hh.head_person_id else None)
    members = active_members(ctx, hh)
    if new_head not in members:
        members.append(new_head)
    if old_head is not None and old_head not in members:
        members.append(old_head)
    before = {p.id: p.relation for p in members}
    after = relations_after_head_change(members_info(members), new_head.id, old_head.id if old_head else None,
                                        spouse_id=spouse, children=children, explicit=relations)
    for p in members:
        if p.status == "active" and p.relation != after[p.id]:
            p.relation = after[p.id]
            ctx.updated(p)
    hh.head_person_id = new_head.id
    ctx.updated(hh)
    active = {p.id for p in members if p.status == "active"}
    record_event(ctx, "head_change", when, {
        "household_code": hh.code, "reason": reason,
        "relations_before": {k: v for k, v in before.items() if k in active},
        "relations_after": {k: v for k, v in after.items() if k in active}},
        persons=([("old_head", old_head)] if old_head else []) + [("new_head", new_head)],
        households=[("household", hh)], reported_persons=[as_reported(ctx, new_head, hh)])
