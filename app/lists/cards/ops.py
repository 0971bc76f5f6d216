"""What accepting the reconciliation's proposals does, in one action (undone as one):
- `without_card` → an event, so a row of the lists: a change of group when the member's group is not the one
  entitled (a child under 6 not yet in TE: TE, its card from the day of the change to its TE end), else a card
  request (`card_request`: an increase in the group, its card from that day);
- `differs` → a correction of the register's card (number, validity) to the list's: a correction event, on the
  change list (the office already holds these values: no D03-TS row, no TK1-TS). A group or identity that differs is
  left to the clerk (either side may be wrong) and stays in the report;
- `missing_from_register` → the holder entered in the register (data entry, as a household of their own to be
  reviewed: the office already holds their card, so no increase is due);
- `possible` → never accepted here: the clerk decides (merge, or enter).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from app import messages
from app.domain import te_card
from app.errors import HgdError
from app.operations import Changes, OpContext, Operation
from app.registry import ChangeGroup, CorrectPerson
from app.registry.common import (
    as_reported,
    event_date,
    person,
    record_event,
    set_fields,
)
from app.registry.people import AddHousehold
from app.store.models import Household

messages.register({
    "op.card_request": ("Đề nghị cấp thẻ BHYT: {name} ({group})", "Card request: {name} ({group})"),
    "op.cards_accept": ("Đối chiếu danh sách thẻ {file}: chấp nhận {count} đề nghị",
                        "Card-holder list {file}: {count} proposals accepted"),
    "cards.nothing": ("Không có đề nghị nào để chấp nhận.", "There is no proposal to accept."),
    "cards.from_list": ("Theo danh sách người có thẻ BHYT của cơ quan BHXH ({file})",
                        "From the office's card-holder list ({file})"),
})

ACCEPTED = ("without_card", "differs", "missing_from_register")
CARD_FIELDS = ("card_number", "card_valid_from", "card_valid_to")


@dataclass(frozen=True)
class RequestCard(Operation):
    """A member entitled to a state-paid card in `group` that the office's list lacks: an increase in the group from
    `date` (a TE card to its TE end)."""

    person: str
    group: str
    date: str
    reason: str | None = None

    kind = "card_request"
    label_key = "op.card_request"

    def label_params(self) -> dict[str, Any]:
        return {"name": self.person, "group": self.group}

    def apply(self, ctx: OpContext) -> Changes:
        p = person(ctx, self.person)
        ctx.action.label_params = {"name": p.full_name, "group": self.group}
        when = event_date(self.date, ctx.today)
        end = _te_end(p.birth_date) if self.group == "TE" else None
        set_fields(ctx, p, {"group_code": self.group, "card_valid_from": when.isoformat(),
                            "card_valid_to": end or p.card_valid_to})
        hh = ctx.session.get(Household, p.household_id) if p.household_id else None
        record_event(ctx, "card_request", when, {"group": self.group, "card_valid_from": when.isoformat(),
                                                 "card_valid_to": p.card_valid_to, "reason": self.reason},
                     persons=[("person", p)], households=[("household", hh)] if hh else [],
                     reported_persons=[as_reported(ctx, p, hh)])
        return ctx.changes


@dataclass(frozen=True)
class AcceptCards(Operation):
    """Accept proposals of a reconciliation (app.lists.cards.match.Proposal.to_dict()) as one action."""

    file: str
    proposals: tuple[dict[str, Any], ...]

    kind = "cards_accept"
    label_key = "op.cards_accept"

    def label_params(self) -> dict[str, Any]:
        return {"file": self.file, "count": len(self.proposals)}

    def apply(self, ctx: OpContext) -> Changes:
        chosen = [p for p in self.proposals if p.get("kind") in ACCEPTED]
        if not chosen:
            raise HgdError("cards.nothing")
        label = dict(ctx.action.label_params or {}, count=len(chosen))
        reason = messages.render("cards.from_list", "vi", file=self.file)
        today = ctx.today.isoformat()
        done: list[dict[str, Any]] = []
        for prop in chosen:
            kind = prop["kind"]
            if kind == "without_card":
                target = person(ctx, prop["person_id"])
                if target.group_code == prop["group"]:
                    RequestCard(target.id, prop["group"], today, reason).apply(ctx)
                else:
                    end = _te_end(target.birth_date) if prop["group"] == "TE" else None
                    ChangeGroup(target.id, prop["group"], today, card_valid_to=end, reason=reason).apply(ctx)
            elif kind == "differs":
                card = {f["field"]: f["card"] for f in prop.get("fields", []) if f["field"] in CARD_FIELDS}
                if not card:
                    continue
                CorrectPerson(prop["person_id"], card, today, reason).apply(ctx)
            else:
                AddHousehold(code="", members=(_holder(prop["card"]),)).apply(ctx)
            done.append({"kind": kind, "row": prop.get("row"), "person_id": prop.get("person_id")})
        ctx.action.label_params = label
        ctx.value = {"accepted": done}
        return ctx.changes


def _te_end(born: str | None) -> str | None:
    return te_card.te_card_end(date.fromisoformat(born)).isoformat() if born and len(born) == 10 else None


def _holder(card: dict[str, Any]) -> dict[str, Any]:
    fields = {k: card[k] for k in ("full_name", "birth_date", "sex", "bhxh_code", "id_number", "group_code",
                                   "card_number", "card_valid_from", "card_valid_to", "health_facility", "address",
                                   "birth_place") if card.get(k)}
    return {**fields, "relation": "chu_ho"}
