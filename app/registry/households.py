"""Household events: a split (tách hộ), a merge (nhập hộ), a change of head (thay đổi chủ hộ)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app import messages
from app.domain.relations import relations_in_new_household
from app.errors import HgdError
from app.operations import Changes, OpContext, Operation
from app.registry.common import active_members, as_reported, event_date, household, person, record_event
from app.registry.heads import change_head, members_info
from app.registry.people import add_household

messages.register({
    "op.split": ("Tách hộ: {name}", "Split household: {name}"),
    "op.merge": ("Nhập hộ {source} vào hộ {target}", "Merge household {source} into {target}"),
    "op.head_change": ("Thay đổi chủ hộ {code}: {name}", "Change of head of {code}: {name}"),
    "registry.split_all": ("Không tách được cả hộ: phải còn ít nhất một người ở lại hộ {code}.",
                           "Cannot split off the whole household: at least one person must stay in {code}."),
    "registry.split_head_member": ("Chủ hộ mới phải là một trong những người tách đi.",
                                   "The new head must be one of the persons leaving."),
    "registry.same_household": ("Không nhập một hộ vào chính nó.", "A household cannot be merged into itself."),
    "registry.already_head": ("{name} đã là chủ hộ {code}.", "{name} is already the head of {code}."),
})


def _still_here(ctx: OpContext, ref: str | None) -> str | None:
    """The id of a spouse or child named for a new head, when still an active member (one who has died or left
    since is simply not related any more)."""
    if not ref:
        return None
    p = person(ctx, ref, active=False)
    return p.id if p.status == "active" else None


@dataclass(frozen=True)
class SplitHousehold(Operation):
    """Members leave `household` to form a new one headed by `new_head` (one of them). Their relations to the new
    head follow app.domain.relations (`spouse` and `children` of the new head, when named; `relations` override)."""

    household: str
    members: tuple[str, ...]
    new_head: str
    date: str
    new_code: str | None = None
    address: str | None = None
    spouse: str | None = None
    children: tuple[str, ...] = ()
    relations: dict[str, str] = field(default_factory=dict)
    household_id: str | None = None     # for a reproducible build (the demo)

    kind = "split"
    label_key = "op.split"

    def label_params(self) -> dict[str, Any]:
        return {"name": self.new_head}

    def apply(self, ctx: OpContext) -> Changes:
        source = household(ctx, self.household)
        when = event_date(self.date, ctx.today)
        moving = [person(ctx, ref) for ref in dict.fromkeys(self.members + (self.new_head,))]
        head = person(ctx, self.new_head)
        ctx.action.label_params = {"name": head.full_name}
        staying_before = active_members(ctx, source)
        for p in moving:
            if p.household_id != source.id:
                raise HgdError("registry.not_member", name=p.full_name, code=source.code)
        if len(moving) >= len(staying_before):
            raise HgdError("registry.split_all", code=source.code)
        old_head_id = source.head_person_id
        before = {p.id: p.relation for p in moving}
        ids = {p.id: p for p in moving}
        new = add_household(ctx, self.new_code or "", self.address or source.address)
        if self.household_id:
            new.id = self.household_id
        new.related_household_id = source.id
        explicit = {(ids[r].id if r in ids else person(ctx, r).id): v for r, v in self.relations.items()}
        rel = relations_in_new_household(members_info(moving), head.id,
                                         spouse_id=person(ctx, self.spouse).id if self.spouse else None,
                                         children=[person(ctx, c).id for c in self.children],
                                         explicit=explicit, old_head_id=old_head_id)
        for p in moving:
            p.household_id, p.relation = new.id, rel[p.id]
            ctx.updated(p)
        new.head_person_id = head.id
        ctx.updated(new)
        ctx.session.flush()
        if old_head_id in ids:  # the old head left: the first who stays is not guessed; the household needs one
            source.head_person_id = None
            ctx.updated(source)
        record_event(ctx, "split", when, {
            "from_household_code": source.code, "new_household_code": new.code, "members": len(moving),
            "relations_before": before},
            persons=[("new_head", head)] + [("member", p) for p in moving if p.id != head.id],
            households=[("from_household", source), ("new_household", new)],
            reported_persons=[as_reported(ctx, p, new) for p in moving])
        ctx.value = {"household_id": new.id, "code": new.code}
        return ctx.changes


@dataclass(frozen=True)
class MergeHouseholds(Operation):
    """The active members of `source` join `target` (nhập hộ); `source` is closed as merged into `target`.
    `relations`: each moving member's relation to the target's head (default "khac", to be corrected)."""

    source: str
    target: str
    date: str
    relations: dict[str, str] = field(default_factory=dict)

    kind = "merge"
    label_key = "op.merge"

    def label_params(self) -> dict[str, Any]:
        return {"source": self.source, "target": self.target}

    def apply(self, ctx: OpContext) -> Changes:
        src, dst = household(ctx, self.source), household(ctx, self.target)
        if src.id == dst.id:
            raise HgdError("registry.same_household")
        when = event_date(self.date, ctx.today)
        moving = active_members(ctx, src)
        if not moving:
            raise HgdError("registry.no_members")
        explicit = {person(ctx, r).id: v for r, v in self.relations.items()}
        before = {p.id: p.relation for p in moving}
        for p in moving:
            p.household_id, p.relation = dst.id, explicit.get(p.id, "khac")
            ctx.updated(p)
        src.status, src.status_date, src.related_household_id = "merged_into", when.isoformat(), dst.id
        ctx.updated(src)
        ctx.session.flush()
        record_event(ctx, "merge", when, {
            "from_household_code": src.code, "into_household_code": dst.code, "members": len(moving),
            "relations_before": before, "from_household_closed": True},
            persons=[("member", p) for p in moving], households=[("from_household", src), ("into_household", dst)],
            reported_persons=[as_reported(ctx, p, dst) for p in moving])
        return ctx.changes


@dataclass(frozen=True)
class ChangeHead(Operation):
    """A new head for a household (handover, the head's death or departure), relations rewritten."""

    household: str
    new_head: str
    date: str
    reason: str = "handover"
    spouse: str | None = None
    children: tuple[str, ...] = ()
    relations: dict[str, str] = field(default_factory=dict)

    kind = "head_change"
    label_key = "op.head_change"

    def label_params(self) -> dict[str, Any]:
        return {"code": self.household, "name": self.new_head}

    def apply(self, ctx: OpContext) -> Changes:
        hh = household(ctx, self.household)
        head = person(ctx, self.new_head)
        ctx.action.label_params = {"code": hh.code, "name": head.full_name}
        if head.household_id != hh.id:
            raise HgdError("registry.not_member", name=head.full_name, code=hh.code)
        if hh.head_person_id == head.id:
            raise HgdError("registry.already_head", name=head.full_name, code=hh.code)
        when = event_date(self.date, ctx.today)
        explicit = {person(ctx, r).id: v for r, v in self.relations.items()}
        change_head(ctx, hh, head, when, self.reason, spouse=_still_here(ctx, self.spouse),
                    children=tuple(c for c in (_still_here(ctx, c) for c in self.children) if c),
                    relations=explicit)
        return ctx.changes
