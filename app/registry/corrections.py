"""Corrections of a person's data (điều chỉnh thông tin) and changes of participant group (thay đổi đối tượng).
A correction always leaves an event, with each field before and after, so that it reaches TK1-TS part II."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app import messages
from app.domain.card import compose_card
from app.domain.person import EDITABLE, clean_fields
from app.errors import HgdError
from app.operations import Changes, OpContext, Operation
from app.registry.common import as_reported, event_date, person, record_event, set_fields
from app.registry.people import check_bhxh_free
from app.store.models import Commune, Household

messages.register({
    "op.correct": ("Điều chỉnh thông tin: {name}", "Correct: {name}"),
    "op.group": ("Thay đổi đối tượng: {name} ({before} → {after})", "Group change: {name} ({before} → {after})"),
    "registry.nothing_to_correct": ("Không có gì thay đổi: các giá trị mới giống giá trị đang có.",
                                    "Nothing changes: the new values are the ones already stored."),
    "registry.same_group": ("{name} đã thuộc đối tượng {group}.", "{name} is already in group {group}."),
    "registry.correct_fields": ("Chỉ điều chỉnh được các trường: {fields}.", ("Only these fields can be corrected: "
                                                                             "{fields}.")),
})


@dataclass(frozen=True)
class CorrectPerson(Operation):
    """Correct fields of a person (name, date of birth, sex, birth place, CCCD, BHXH code …)."""

    person: str
    changes: dict[str, Any]
    date: str | None = None
    reason: str | None = None

    kind = "correction"
    label_key = "op.correct"

    def label_params(self) -> dict[str, Any]:
        return {"name": self.person}

    def apply(self, ctx: OpContext) -> Changes:
        p = person(ctx, self.person, active=False)
        ctx.action.label_params = {"name": p.full_name}
        if p.status in ("void", "merged"):
            raise HgdError("registry.person_not_active", name=p.full_name, status=p.status)
        values, _findings = clean_fields(dict(self.changes), today=ctx.today)
        if "group_code" in values:
            raise HgdError("registry.correct_fields", fields=", ".join(f for f in EDITABLE if f != "group_code"))
        if values.get("bhxh_code"):
            check_bhxh_free(ctx, values["bhxh_code"], except_id=p.id)
        when = event_date(self.date, ctx.today) if self.date else ctx.today
        hh = ctx.session.get(Household, p.household_id) if p.household_id else None
        before = as_reported(ctx, p, hh)
        changed = set_fields(ctx, p, values)
        shown = {f: v for f, v in changed.items() if f in EDITABLE}
        if not shown:
            raise HgdError("registry.nothing_to_correct")
        record_event(ctx, "correction", when, {
            "changes": [{"field": f, "before": b, "after": a} for f, (b, a) in shown.items()],
            "reason": self.reason}, persons=[("person", p)],
            reported_persons=[before, as_reported(ctx, p, hh)])
        return ctx.changes


@dataclass(frozen=True)
class ChangeGroup(Operation):
    """A person changes participant group on `date` (a child passing 72 months, a poor household becoming near-poor
    …): a decrease in the old group and an increase in the new one on the lists. The new card is composed from the
    BHXH code when not given."""

    person: str
    group: str | None
    date: str
    card_number: str | None = None
    card_valid_to: str | None = None
    reason: str | None = None

    kind = "group_change"
    label_key = "op.group"

    def label_params(self) -> dict[str, Any]:
        return {"name": self.person, "before": "", "after": self.group or "—"}

    def apply(self, ctx: OpContext) -> Changes:
        p = person(ctx, self.person)
        when = event_date(self.date, ctx.today)
        new_group = None
        if self.group:
            new_group = clean_fields({"group_code": self.group})[0]["group_code"]
        ctx.action.label_params = {"name": p.full_name, "before": p.group_code or "—", "after": new_group or "—"}
        if new_group == p.group_code:
            raise HgdError("registry.same_group", name=p.full_name, group=new_group or "—")
        card_before = {"number": p.card_number, "from": p.card_valid_from, "to": p.card_valid_to}
        values: dict[str, Any] = {"group_code": new_group}
        if new_group is None:
            values.update(card_number=None, card_valid_from=None, card_valid_to=None)
        else:
            given = clean_fields({k: v for k, v in (("card_number", self.card_number),
                                                   ("card_valid_to", self.card_valid_to)) if v},
                                 today=ctx.today)[0]
            number = given.get("card_number")
            if number is None and p.bhxh_code:
                commune = ctx.session.get(Commune, ctx.commune_id)
                number = compose_card(new_group, when, (commune.province_code or "") if commune else "", p.bhxh_code)
            values.update(card_number=number, card_valid_from=when.isoformat(),
                          card_valid_to=given.get("card_valid_to"))
        group_before = p.group_code
        set_fields(ctx, p, values)
        record_event(ctx, "group_change", when, {
            "group_before": group_before, "group_after": new_group, "card_before": card_before,
            "card_after": {"number": p.card_number, "from": p.card_valid_from, "to": p.card_valid_to},
            "reason": self.reason}, persons=[("person", p)], reported_persons=[as_reported(ctx, p)])
        return ctx.changes
