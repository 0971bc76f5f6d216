"""What a clerk decides about a finding, each an audited, undoable operation that writes a `resolutions` row:

- `MergePersons`: two records of one person become one. The kept record takes the fields chosen from the other
  (and, by default, those it lacks); the other becomes `merged` with `merged_into_id`, keeping its own BHXH code
  and history. A correction event is left on each (the lists report it like any correction).
- `ConfirmDistinct`: the pair is two persons; it is never flagged again.
- `CorrectField`: a correction (app.registry.corrections), the finding that asked for it resolved.
- `MarkHouseholdChecked`: a one-person or large household (or one without / with two heads) was looked at.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from app import messages
from app.domain.person import EDITABLE
from app.errors import HgdError
from app.operations import Changes, OpContext, Operation
from app.registry.common import as_reported, household, person, record_event, set_fields
from app.registry.corrections import CorrectPerson
from app.review.identity import KIND as DUPLICATE
from app.review.identity import fingerprint
from app.review.service import HOUSEHOLD_KINDS
from app.store.models import Finding, FindingSubject, Household, Person, Resolution

messages.register({
    "op.merge_persons": ("Gộp hồ sơ trùng: {name}", "Merge duplicate records: {name}"),
    "op.confirm_distinct": ("Xác nhận hai người khác nhau: {a} / {b}", "Confirm two different persons: {a} / {b}"),
    "op.correct_field": ("Sửa theo rà soát: {name}", "Correct after review: {name}"),
    "op.household_checked": ("Đã kiểm tra hộ {code}", "Household {code} checked"),
    "review.same_person": ("Hai mã giống nhau: cần hai hồ sơ khác nhau.",
                           "Both refer to one record: two different records are needed."),
    "review.merge_fields": ("Chỉ lấy được các trường: {fields}.", "Only these fields can be taken: {fields}."),
    "review.merge_head": ("{name} là chủ hộ {code}: hãy đổi chủ hộ trước khi gộp vào người ở hộ khác.",
                          ("{name} heads household {code}: change the head before merging into a person of another "
                          "household.")),
    "review.already_distinct": ("Cặp {a} / {b} đã được xác nhận là hai người khác nhau.",
                                "The pair {a} / {b} is already confirmed as two different persons."),
    "review.no_finding": ("Không có phát hiện '{finding}' đang mở.", "There is no open finding '{finding}'."),
    "review.nothing_to_check": ("Hộ {code} không có phát hiện nào đang chờ kiểm tra.",
                                "Household {code} has no finding waiting to be checked."),
    "review.merge_reason": ("Gộp hồ sơ trùng với {name} (mã BHXH {code})",
                            "Merged duplicate of {name} (BHXH code {code})"),
})

MERGEABLE = tuple(f for f in EDITABLE if f not in ("group_code", "relation"))


def _open_finding(ctx: OpContext, fp: str) -> Finding | None:
    return ctx.session.scalars(select(Finding).where(Finding.commune_id == ctx.commune_id,
                                                     Finding.fingerprint == fp)).first()


def resolve(ctx: OpContext, kind: str, fp: str, decision: str, note: str | None = None) -> Resolution:
    """The resolution row, and the finding under that fingerprint (if stored) marked resolved."""
    assert ctx.commune_id is not None
    f = _open_finding(ctx, fp)
    if f is not None and f.status != "resolved":
        f.status = "resolved"
        ctx.updated(f)
    res = Resolution(commune_id=ctx.commune_id, finding_id=f.id if f is not None else None, kind=kind,
                     subject_key=fp, decision=decision, note=note, action_id=ctx.action.id,
                     decided_by=ctx.action.actor)
    ctx.add(res)
    return res


def _two(ctx: OpContext, a_ref: str, b_ref: str) -> tuple[Person, Person]:
    a, b = person(ctx, a_ref), person(ctx, b_ref)
    if a.id == b.id:
        raise HgdError("review.same_person")
    return a, b


@dataclass(frozen=True)
class MergePersons(Operation):
    """Keep `keep`, merge `other` into it. `take`: fields whose value comes from `other`; with `fill_blanks`, a field
    empty on `keep` and filled on `other` is taken too."""

    keep: str
    other: str
    take: tuple[str, ...] = ()
    fill_blanks: bool = True
    note: str | None = None

    kind = "merge_persons"
    label_key = "op.merge_persons"

    def label_params(self) -> dict[str, Any]:
        return {"name": self.keep}

    def apply(self, ctx: OpContext) -> Changes:
        a, b = _two(ctx, self.keep, self.other)
        ctx.action.label_params = {"name": a.full_name}
        bad = [f for f in self.take if f not in MERGEABLE]
        if bad:
            raise HgdError("review.merge_fields", fields=", ".join(MERGEABLE))
        taken = {f: getattr(b, f) for f in self.take}
        if self.fill_blanks:
            taken.update({f: getattr(b, f) for f in MERGEABLE
                          if f not in taken and getattr(a, f) in (None, "") and getattr(b, f) not in (None, "")})
        taken = {f: v for f, v in taken.items() if v != getattr(a, f)}
        hh = ctx.session.get(Household, b.household_id) if b.household_id else None
        if hh is not None and hh.head_person_id == b.id:
            others = ctx.session.scalars(select(Person.id).where(
                Person.household_id == hh.id, Person.status == "active", Person.id != b.id)).first()
            if a.household_id == b.household_id:
                set_fields(ctx, hh, {"head_person_id": a.id})
                set_fields(ctx, a, {"relation": b.relation})
            elif others is not None:
                raise HgdError("review.merge_head", name=b.full_name, code=hh.code)
            else:  # the duplicate was alone in its household: nobody is left in it
                set_fields(ctx, hh, {"status": "dissolved"})
        before = as_reported(ctx, b)
        set_fields(ctx, b, {"status": "merged", "merged_into_id": a.id, "status_date": ctx.today.isoformat()})
        ctx.session.flush()
        reason = messages.render("review.merge_reason", "vi", name=a.full_name, code=a.bhxh_code or "—")
        record_event(ctx, "correction", ctx.today, {
            "changes": [{"field": "status", "before": "active", "after": "merged"}], "reason": reason},
            persons=[("person", b)], reported_persons=[before, as_reported(ctx, b)])
        if taken:
            CorrectPerson(a.id, taken, reason=messages.render(
                "review.merge_reason", "vi", name=b.full_name, code=b.bhxh_code or "—")).apply(ctx)
            ctx.action.label_params = {"name": a.full_name}
        resolve(ctx, DUPLICATE, fingerprint((a.id, b.id)), "merged", self.note)
        ctx.value = {"kept": a.id, "merged": b.id, "taken": sorted(taken)}
        return ctx.changes


@dataclass(frozen=True)
class ConfirmDistinct(Operation):
    """The two records are two persons: the pair is not flagged again."""

    a: str
    b: str
    note: str | None = None

    kind = "confirm_distinct"
    label_key = "op.confirm_distinct"

    def label_params(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b}

    def apply(self, ctx: OpContext) -> Changes:
        a, b = _two(ctx, self.a, self.b)
        ctx.action.label_params = {"a": a.full_name, "b": b.full_name}
        fp = fingerprint((a.id, b.id))
        if ctx.session.scalars(select(Resolution.id).where(
                Resolution.commune_id == ctx.commune_id, Resolution.subject_key == fp,
                Resolution.decision == "distinct", Resolution.status == "active")).first():
            raise HgdError("review.already_distinct", a=a.full_name, b=b.full_name)
        resolve(ctx, DUPLICATE, fp, "distinct", self.note)
        ctx.value = {"fingerprint": fp}
        return ctx.changes


@dataclass(frozen=True)
class CorrectField(Operation):
    """Correct fields of a person (an event is left, as any correction) and resolve the finding that asked."""

    person: str
    changes: dict[str, Any]
    finding: str | None = None          # the finding's fingerprint
    reason: str | None = None

    kind = "review_correction"
    label_key = "op.correct_field"

    def label_params(self) -> dict[str, Any]:
        return {"name": self.person}

    def apply(self, ctx: OpContext) -> Changes:
        f = None
        if self.finding:
            f = _open_finding(ctx, self.finding)
            if f is None or f.status != "open":
                raise HgdError("review.no_finding", finding=self.finding)
        CorrectPerson(self.person, dict(self.changes), reason=self.reason).apply(ctx)
        p = person(ctx, self.person, active=False)
        ctx.action.label_params = {"name": p.full_name}
        if f is not None:
            resolve(ctx, f.kind, f.fingerprint, "corrected", self.reason)
        return ctx.changes


@dataclass(frozen=True)
class MarkHouseholdChecked(Operation):
    """The household's open household findings (one person, 6 or more, no head, two heads) were looked at: they are
    resolved and stay so on later reviews while the finding is the same."""

    household: str
    kinds: tuple[str, ...] = field(default=tuple(sorted(HOUSEHOLD_KINDS)))
    note: str | None = None

    kind = "household_checked"
    label_key = "op.household_checked"

    def label_params(self) -> dict[str, Any]:
        return {"code": self.household}

    def apply(self, ctx: OpContext) -> Changes:
        hh = household(ctx, self.household)
        ctx.action.label_params = {"code": hh.code}
        found = list(ctx.session.scalars(
            select(Finding).join(FindingSubject, FindingSubject.finding_id == Finding.id).where(
                Finding.commune_id == ctx.commune_id, FindingSubject.household_id == hh.id,
                Finding.status == "open", Finding.kind.in_(self.kinds))))
        if not found:
            raise HgdError("review.nothing_to_check", code=hh.code)
        for f in found:
            resolve(ctx, f.kind, f.fingerprint, "checked", self.note)
        ctx.value = {"resolved": len(found)}
        return ctx.changes
