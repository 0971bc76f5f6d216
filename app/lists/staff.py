"""The commune's staff register (the commune as an employer, D02-LT; DOMAIN §6.2): a record per person and
employment with the terms the form prints, kept by three operations — a start, a change of terms, an end — each an
audited, undoable action that also writes a dated event (its payload: the terms before and after), so that each
lands as a row on the month's D02-LT (app.lists.rules_d02).

Terms (all optional but the position): position (7); job_class manager | high | mid | other (8)–(11);
salary_coefficient or salary_amount (12); allowance_position (13), allowance_seniority_vk % (14),
allowance_seniority_job % (15), allowance_salary (16), allowance_other (17); hazard_from / hazard_to (18)–(19);
contract_kind indefinite | fixed | other | decision, contract_from, contract_to (20)–(24); contributions_from and
contributions_to as YYYY-MM (25)–(26); decision: the decision or contract, number and date (27).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select

from app import messages
from app.domain.text import nfc
from app.errors import HgdError
from app.lists.periods import month_of, parse_month
from app.operations import Changes, OpContext, Operation
from app.registry.common import as_reported, event_date, person, record_event, set_fields
from app.store.models import Person, Staff

messages.register({
    "op.staff_start": ("Cán bộ bắt đầu làm việc: {name}", "Staff member starts: {name}"),
    "op.staff_change": ("Thay đổi lương, chức vụ: {name}", "Staff terms change: {name}"),
    "op.staff_end": ("Cán bộ thôi việc: {name}", "Staff member leaves: {name}"),
    "staff.already": ("{name} đang là cán bộ của xã (từ {since}).", ("{name} is already on the commune's staff "
                                                                   "(since {since}).")),
    "staff.none": ("{name} không có trong danh sách cán bộ đang làm việc của xã.",
                   "{name} is not on the commune's current staff."),
    "staff.unknown_term": ("Không có mục '{term}'. Các mục: {terms}.", ("There is no term '{term}'. The terms: "
                                                                       "{terms}.")),
    "staff.bad_term": ("{term}: giá trị '{value}' không hợp lệ ({expected}).",
                       "{term}: the value '{value}' is invalid ({expected})."),
    "staff.position_required": ("Cần ghi chức vụ, chức danh (position).", "The position is required."),
    "staff.nothing": ("Không có gì thay đổi.", "Nothing changes."),
})

FAR = date(2200, 12, 31)  # contract and hazard dates may lie ahead
JOB_CLASSES = ("manager", "high", "mid", "other")
CONTRACT_KINDS = ("indefinite", "fixed", "other", "decision")
NUMBERS = ("salary_coefficient", "allowance_position", "allowance_seniority_vk", "allowance_seniority_job",
           "allowance_salary", "allowance_other")
DATES = ("hazard_from", "hazard_to", "contract_from", "contract_to")
MONTHS = ("contributions_from", "contributions_to")
TERMS = ("position", "job_class", "salary_coefficient", "salary_amount", *NUMBERS[1:], *DATES, "contract_kind",
         "decision", *MONTHS)


def clean_terms(raw: dict[str, Any]) -> dict[str, Any]:
    """The terms as stored: text NFC, numbers as numbers (≥ 0), dates ISO, months YYYY-MM; None clears a term."""
    out: dict[str, Any] = {}
    for term, value in raw.items():
        if term not in TERMS:
            raise HgdError("staff.unknown_term", term=term, terms=", ".join(TERMS))
        if value in (None, ""):
            out[term] = None
        elif term in NUMBERS or term == "salary_amount":
            out[term] = _number(term, value)
        elif term in DATES:
            out[term] = event_date(str(value), FAR).isoformat()
        elif term in MONTHS:
            out[term] = parse_month(str(value))
        elif term == "job_class" and value not in JOB_CLASSES:
            raise HgdError("staff.bad_term", term=term, value=value, expected=" | ".join(JOB_CLASSES))
        elif term == "contract_kind" and value not in CONTRACT_KINDS:
            raise HgdError("staff.bad_term", term=term, value=value, expected=" | ".join(CONTRACT_KINDS))
        else:
            out[term] = nfc(str(value)).strip()
    return out


def _number(term: str, value: Any) -> float | int:
    try:
        number = float(str(value).replace(",", ".")) if not isinstance(value, (int, float)) else value
    except ValueError:
        raise HgdError("staff.bad_term", term=term, value=value, expected="≥ 0") from None
    if isinstance(number, bool) or number < 0 or math.isnan(number):
        raise HgdError("staff.bad_term", term=term, value=value, expected="≥ 0")
    return int(number) if term == "salary_amount" else float(number)


def terms_of(record: Staff) -> dict[str, Any]:
    return {t: getattr(record, t) for t in TERMS if getattr(record, t) is not None}


def current(ctx: OpContext, p: Person) -> Staff | None:
    return ctx.session.scalars(select(Staff).where(Staff.person_id == p.id, Staff.status == "active")).first()


@dataclass(frozen=True)
class AddStaff(Operation):
    """A person starts working for the commune on `date` (a D02-LT increase): the terms of the employment.
    `already_reported`: entering staff who were on the commune's D02-LT before hgd kept its register (data entry,
    like AddPerson: no event, no list row)."""

    person: str
    date: str
    terms: dict[str, Any] = field(default_factory=dict)
    reason: str | None = None
    already_reported: bool = False

    kind = "staff_start"
    label_key = "op.staff_start"

    def label_params(self) -> dict[str, Any]:
        return {"name": self.person}

    def apply(self, ctx: OpContext) -> Changes:
        p = person(ctx, self.person)
        ctx.action.label_params = {"name": p.full_name}
        when = event_date(self.date, ctx.today)
        found = current(ctx, p)
        if found is not None:
            raise HgdError("staff.already", name=p.full_name, since=found.valid_from)
        terms = {k: v for k, v in clean_terms(dict(self.terms)).items() if v is not None}
        if not terms.get("position"):
            raise HgdError("staff.position_required")
        terms.setdefault("contributions_from", month_of(when))
        record = ctx.add(Staff(commune_id=ctx.commune_id, person_id=p.id, valid_from=when.isoformat(),
                               status="active", **terms))
        ctx.value = {"staff_id": record.id}
        if self.already_reported:
            return ctx.changes
        record_event(ctx, "staff_start", when, {"staff_id": record.id, "terms_before": None,
                                                "terms_after": terms_of(record), "reason": self.reason},
                     persons=[("person", p)], reported_persons=[as_reported(ctx, p)])
        return ctx.changes


@dataclass(frozen=True)
class ChangeStaff(Operation):
    """New terms from `date` (a salary step, a new post, a new contract): a D02-LT row of the change."""

    person: str
    date: str
    terms: dict[str, Any] = field(default_factory=dict)
    reason: str | None = None

    kind = "staff_change"
    label_key = "op.staff_change"

    def label_params(self) -> dict[str, Any]:
        return {"name": self.person}

    def apply(self, ctx: OpContext) -> Changes:
        p = person(ctx, self.person, active=False)
        ctx.action.label_params = {"name": p.full_name}
        when = event_date(self.date, ctx.today)
        record = current(ctx, p)
        if record is None:
            raise HgdError("staff.none", name=p.full_name)
        terms = clean_terms(dict(self.terms))
        if "position" in terms and not terms["position"]:
            raise HgdError("staff.position_required")
        before = terms_of(record)
        changed = set_fields(ctx, record, {**terms, "valid_from": when.isoformat()})
        if not set(changed) - {"valid_from"}:
            raise HgdError("staff.nothing")
        record_event(ctx, "staff_change", when, {"staff_id": record.id, "terms_before": before,
                                                 "terms_after": terms_of(record), "reason": self.reason},
                     persons=[("person", p)], reported_persons=[as_reported(ctx, p)])
        return ctx.changes


@dataclass(frozen=True)
class EndStaff(Operation):
    """The employment ends on `date` (the last day of work): a D02-LT decrease. `contributions_to` (YYYY-MM) is the
    month the commune stops paying; by default the month of `date` (unsure: no source says which month BHXH
    expects for a leaver in mid-month)."""

    person: str
    date: str
    reason: str | None = None
    contributions_to: str | None = None
    decision: str | None = None

    kind = "staff_end"
    label_key = "op.staff_end"

    def label_params(self) -> dict[str, Any]:
        return {"name": self.person}

    def apply(self, ctx: OpContext) -> Changes:
        p = person(ctx, self.person, active=False)
        ctx.action.label_params = {"name": p.full_name}
        when = event_date(self.date, ctx.today)
        record = current(ctx, p)
        if record is None:
            raise HgdError("staff.none", name=p.full_name)
        before = terms_of(record)
        last = parse_month(self.contributions_to) if self.contributions_to else month_of(when)
        values: dict[str, Any] = {"status": "ended", "contributions_to": last}
        if self.decision:
            values["decision"] = nfc(self.decision).strip()
        set_fields(ctx, record, values)
        record_event(ctx, "staff_end", when, {"staff_id": record.id, "terms_before": before,
                                              "terms_after": terms_of(record), "reason": self.reason},
                     persons=[("person", p)], reported_persons=[as_reported(ctx, p)])
        return ctx.changes
