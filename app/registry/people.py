"""Births, deaths, moves in and out — and entering people already living in the commune (data entry, no event).

Each is one operation: it changes the register and writes the dated event with its subjects and the snapshot the
month's lists need, in one transaction.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from app import messages
from app.domain import codes, te_card
from app.domain.card import compose_card
from app.domain.person import clean_fields
from app.errors import HgdError
from app.operations import Changes, OpContext, Operation
from app.registry.common import (
    active_members,
    after_birth,
    as_reported,
    event_date,
    household,
    person,
    record_event,
)
from app.registry.heads import change_head
from app.store.models import Commune, Household, Person

messages.register({
    "op.birth": ("Ghi nhận sinh: {name}", "Record birth: {name}"),
    "op.death": ("Ghi nhận chết: {name}", "Record death: {name}"),
    "op.move_in": ("Ghi nhận chuyển đến: {name}", "Record move in: {name}"),
    "op.move_out": ("Ghi nhận chuyển đi: {name}", "Record move out: {name}"),
    "op.add_household": ("Thêm hộ {code}", "Add household {code}"),
    "op.add_person": ("Thêm thành viên: {name}", "Add member: {name}"),
    "registry.bhxh_taken": ("Mã số BHXH {code} đã thuộc về {name}: một mã số là một người.",
                            "The BHXH code {code} already belongs to {name}: one code is one person."),
    "registry.no_members": ("Cần ít nhất một người.", "At least one person is needed."),
    "registry.head_required": ("Hộ mới cần một chủ hộ ('Chủ hộ').", "A new household needs a head ('Chủ hộ')."),
    "registry.name_and_others": ("{name} và {count} người khác", "{name} and {count} others"),
})


def _names(names: list[str]) -> str:
    if len(names) <= 1:
        return names[0] if names else ""
    return messages.render("registry.name_and_others", name=names[0], count=len(names) - 1)


def check_bhxh_free(ctx: OpContext, code: str | None, except_id: str | None = None) -> None:
    if not code:
        return
    q = select(Person).where(Person.commune_id == ctx.commune_id, Person.bhxh_code == code,
                             Person.status.not_in(("void", "merged")))
    for other in ctx.session.scalars(q):
        if other.id != except_id:
            raise HgdError("registry.bhxh_taken", code=code, name=other.full_name)


def new_person(ctx: OpContext, hh: Household | None, fields: dict[str, Any], *, person_id: str | None = None,
               defaults: dict[str, Any] | None = None) -> Person:
    values, _findings = clean_fields(fields, today=ctx.today)
    for key, value in (defaults or {}).items():
        values.setdefault(key, value)
    check_bhxh_free(ctx, values.get("bhxh_code"))
    p = Person(id=person_id, commune_id=ctx.commune_id, household_id=hh.id if hh else None, status="active",
               **values)
    if hh is not None and not p.address:
        p.address = hh.address
    return ctx.add(p)


def _relation_of_child(mother: Person | None) -> str:
    if mother is None:
        return "con"
    return {"con_dau": "chau_noi", "con": "chau_ngoai", "con_re": "chau_noi"}.get(mother.relation or "", "con") \
        if mother.relation not in ("chu_ho", "vo", "chong") else "con"


@dataclass(frozen=True)
class RecordBirth(Operation):
    """A child born into a household: a TE card from the birth date to the end of the 72nd month (DOMAIN §5.5)."""

    household: str
    full_name: str
    sex: str
    birth_date: str
    birth_place: str | None = None
    mother: str | None = None
    father: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    person_id: str | None = None       # for a reproducible build (the demo); new id otherwise

    kind = "birth"
    label_key = "op.birth"

    def label_params(self) -> dict[str, Any]:
        return {"name": self.full_name}

    def apply(self, ctx: OpContext) -> Changes:
        hh = household(ctx, self.household)
        born = event_date(self.birth_date, ctx.today)
        mother = person(ctx, self.mother) if self.mother else None
        father = person(ctx, self.father) if self.father else None
        head = ctx.session.get(Person, hh.head_person_id) if hh.head_person_id else None
        like = mother or head
        end = te_card.te_card_end(born)
        fields = {"full_name": self.full_name, "sex": self.sex, "birth_date": born,
                  "birth_place": self.birth_place, "relation": _relation_of_child(mother), "group_code": "TE",
                  "card_valid_from": born, "card_valid_to": end, **self.fields}
        defaults = {"ethnicity_code": like.ethnicity_code if like else None,
                    "health_facility": like.health_facility if like else None}
        child = new_person(ctx, hh, {k: v for k, v in fields.items() if v is not None}, person_id=self.person_id,
                           defaults=defaults)
        if child.bhxh_code and not child.card_number:
            commune = ctx.session.get(Commune, ctx.commune_id)
            province = (commune.province_code or "") if commune else ""
            child.card_number = compose_card("TE", born, province, child.bhxh_code)
        subjects = [("child", child)] + ([("mother", mother)] if mother else []) + \
            ([("father", father)] if father else [])
        record_event(ctx, "birth", born, {
            "household_code": hh.code, "birth_place": child.birth_place, "group_after": "TE",
            "card_valid_from": child.card_valid_from, "card_valid_to": child.card_valid_to},
            persons=subjects, households=[("household", hh)], reported_persons=[as_reported(ctx, child, hh)])
        ctx.value = {"person_id": child.id}
        return ctx.changes


@dataclass(frozen=True)
class RecordDeath(Operation):
    """A death: the person is `dead` from that date; a head who lived alone leaves the household dissolved; a head
    with others leaves it to `new_head` when named (a change of head in the same action)."""

    person: str
    date: str
    new_head: str | None = None
    note: str | None = None

    kind = "death"
    label_key = "op.death"

    def label_params(self) -> dict[str, Any]:
        return {"name": self.person}

    def apply(self, ctx: OpContext) -> Changes:
        p = person(ctx, self.person)
        ctx.action.label_params = {"name": p.full_name}
        when = event_date(self.date, ctx.today)
        after_birth(p, when)
        hh = ctx.session.get(Household, p.household_id) if p.household_id else None
        snapshot = as_reported(ctx, p, hh)
        group_before = p.group_code
        p.status, p.status_date, p.status_detail = "dead", when.isoformat(), self.note
        ctx.updated(p)
        dissolved = False
        if hh is not None and hh.head_person_id == p.id:
            others = [m for m in active_members(ctx, hh) if m.id != p.id]
            if not others:
                hh.status, hh.status_date, dissolved = "dissolved", when.isoformat(), True
                ctx.updated(hh)
            elif self.new_head:
                ctx.session.flush()
                change_head(ctx, hh, person(ctx, self.new_head), when, "death", old_head=p)
        record_event(ctx, "death", when, {"household_code": hh.code if hh else None, "group_before": group_before,
                                          "household_dissolved": dissolved},
                     persons=[("deceased", p)], households=[("household", hh)] if hh else [],
                     reported_persons=[snapshot])
        return ctx.changes


@dataclass(frozen=True)
class RecordMoveIn(Operation):
    """People moving into the commune: into an existing household (`household`), or as a new household
    (`new_household_code`, with one of them as `Chủ hộ`). Each person is a dict of fields (app.domain.person)."""

    persons: tuple[dict[str, Any], ...]
    date: str
    origin: str | None = None
    household: str | None = None
    new_household_code: str | None = None
    address: str | None = None
    person_ids: tuple[str, ...] = ()

    kind = "move_in"
    label_key = "op.move_in"

    def label_params(self) -> dict[str, Any]:
        return {"name": _names([str(p.get("full_name", "")) for p in self.persons])}

    def apply(self, ctx: OpContext) -> Changes:
        if not self.persons:
            raise HgdError("registry.no_members")
        when = event_date(self.date, ctx.today)
        new = self.household is None
        hh = (add_household(ctx, self.new_household_code or "", self.address) if self.household is None
              else household(ctx, self.household))
        people = [new_person(ctx, hh, dict(fields), person_id=self.person_ids[i] if i < len(self.person_ids) else None)
                  for i, fields in enumerate(self.persons)]
        if new:
            _set_head(ctx, hh, people)
        record_event(ctx, "move_in", when, {"household_code": hh.code, "from": self.origin, "new_household": new},
                     persons=[("person", p) for p in people],
                     households=[("new_household" if new else "household", hh)],
                     reported_persons=[as_reported(ctx, p, hh) for p in people])
        ctx.value = {"person_ids": [p.id for p in people], "household_id": hh.id}
        return ctx.changes


@dataclass(frozen=True)
class RecordMoveOut(Operation):
    """People leaving the commune (to `destination`); when every active member leaves, the household is dissolved."""

    persons: tuple[str, ...]
    date: str
    destination: str | None = None
    new_head: str | None = None

    kind = "move_out"
    label_key = "op.move_out"

    def label_params(self) -> dict[str, Any]:
        return {"name": ", ".join(self.persons)}

    def apply(self, ctx: OpContext) -> Changes:
        if not self.persons:
            raise HgdError("registry.no_members")
        people = [person(ctx, ref) for ref in self.persons]
        ctx.action.label_params = {"name": _names([p.full_name for p in people])}
        when = event_date(self.date, ctx.today)
        by_household: dict[str | None, list[Person]] = {}
        for p in people:
            after_birth(p, when)
            by_household.setdefault(p.household_id, []).append(p)
        for hid, leaving in by_household.items():
            hh = ctx.session.get(Household, hid) if hid else None
            snapshots = [as_reported(ctx, p, hh) for p in leaving]
            groups = {p.id: p.group_code for p in leaving}
            for p in leaving:
                p.status, p.status_date, p.status_detail = "moved_out", when.isoformat(), self.destination
                ctx.updated(p)
            whole = False
            if hh is not None:
                ctx.session.flush()
                staying = active_members(ctx, hh)
                if not staying:
                    hh.status, hh.status_date, whole = "dissolved", when.isoformat(), True
                    ctx.updated(hh)
                elif hh.head_person_id in groups and self.new_head:
                    change_head(ctx, hh, person(ctx, self.new_head), when, "move_out",
                                old_head=ctx.session.get(Person, hh.head_person_id))
            record_event(ctx, "move_out", when, {"household_code": hh.code if hh else None, "to": self.destination,
                                                 "whole_household": whole, "groups_before": groups},
                         persons=[("person", p) for p in leaving], households=[("household", hh)] if hh else [],
                         reported_persons=snapshots)
        return ctx.changes


def add_household(ctx: OpContext, code: str, address: str | None) -> Household:
    code = (code or "").strip()
    if not code:
        code = _next_code(ctx)
    taken = ctx.session.scalars(select(Household).where(Household.commune_id == ctx.commune_id,
                                                        Household.code == code)).first()
    if taken is not None and taken.status == "void":  # voided by an undone action: the code is free again
        taken.status, taken.address, taken.head_person_id, taken.status_date = "active", address or None, None, None
        taken.related_household_id = None
        ctx.updated(taken)
        return taken
    if taken is not None:
        raise HgdError("registry.code_taken", code=code)
    return ctx.add(Household(commune_id=ctx.commune_id, code=code, address=address or None, status="active"))


def _next_code(ctx: OpContext) -> str:
    """A new household code: the commune's code and the next free number (as the demo and most communes do)."""
    commune = ctx.session.get(Commune, ctx.commune_id)
    prefix = commune.code if commune else ""
    codes_ = ctx.session.scalars(select(Household.code).where(Household.commune_id == ctx.commune_id,
                                                              Household.code.like(f"{prefix}%"))).all()
    numbers = [int(c[len(prefix):]) for c in codes_ if c[len(prefix):].isdigit()]
    return f"{prefix}{(max(numbers) + 1 if numbers else 1):05d}"


def _set_head(ctx: OpContext, hh: Household, people: list[Person]) -> None:
    heads = [p for p in people if p.relation == codes.HEAD]
    if not heads:
        raise HgdError("registry.head_required")
    hh.head_person_id = heads[0].id
    ctx.updated(hh)


@dataclass(frozen=True)
class AddHousehold(Operation):
    """Enter a household already living in the commune, with its members (data entry: no event, no list row)."""

    code: str
    members: tuple[dict[str, Any], ...]
    address: str | None = None

    kind = "add_household"
    label_key = "op.add_household"

    def label_params(self) -> dict[str, Any]:
        return {"code": self.code}

    def apply(self, ctx: OpContext) -> Changes:
        if not self.members:
            raise HgdError("registry.no_members")
        hh = add_household(ctx, self.code, self.address)
        ctx.action.label_params = {"code": hh.code}
        people = [new_person(ctx, hh, dict(m)) for m in self.members]
        _set_head(ctx, hh, people)
        ctx.value = {"household_id": hh.id, "code": hh.code, "person_ids": [p.id for p in people]}
        return ctx.changes


@dataclass(frozen=True)
class AddPerson(Operation):
    """Enter a member missing from the register (letter 001: add missing household members; no event)."""

    household: str
    fields: dict[str, Any]

    kind = "add_person"
    label_key = "op.add_person"

    def label_params(self) -> dict[str, Any]:
        return {"name": str(self.fields.get("full_name", ""))}

    def apply(self, ctx: OpContext) -> Changes:
        hh = household(ctx, self.household)
        p = new_person(ctx, hh, dict(self.fields))
        if p.relation == codes.HEAD and hh.head_person_id is None:
            hh.head_person_id = p.id
            ctx.updated(hh)
        ctx.value = {"person_id": p.id}
        return ctx.changes
