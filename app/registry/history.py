"""History in words: a person's or a household's audit trail (field names in Vietnamese, old → new, who, when,
which action), and a record or a household as it stood on a chosen date.

A change counts from its event's effective date when the action recorded an event (a death recorded on 3 December
but dated 20 November counts from 20 November), else from the day the action was done.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app import messages
from app.domain import codes, dates
from app.domain.person import field_label
from app.errors import HgdError
from app.operations import Label
from app.registry.common import status_name
from app.store.models import Action, AuditEntry, Event, EventSubject, Household, Person

messages.register({
    "history.created": ("Tạo hồ sơ", "Record created"),
    "history.line": ("{when} · {who} · {action}: {field} {old} → {new}",
                     "{when} · {who} · {action}: {field} {old} → {new}"),
    "history.created_line": ("{when} · {who} · {action}: tạo hồ sơ", "{when} · {who} · {action}: record created"),
    "history.empty": ("(trống)", "(empty)"),
})

SEX = {"M": ("Nam", "Male"), "F": ("Nữ", "Female")}
_DATE_FIELDS = {"birth_date", "card_valid_from", "card_valid_to", "status_date"}


def display(field: str, value: Any, lang: str | None = None) -> str:
    """A stored value as the clerk reads it: dates dd/mm/yyyy, codes as names."""
    en = (lang or messages.language()) == "en"
    if value in (None, ""):
        return messages.render("history.empty", lang)
    if field in _DATE_FIELDS and isinstance(value, str):
        try:
            return dates.PartialDate.from_iso(value).display()
        except (ValueError, HgdError):
            return value
    if field == "sex":
        sex: str = SEX.get(value, (value, value))[en]
        return sex
    if field == "relation":
        return codes.relation_name(value) or str(value)
    if field == "ethnicity_code":
        return codes.ethnic_name(value) or str(value)
    if field == "status":
        return status_name(str(value), lang)
    return str(value)


@dataclass
class HistoryLine:
    at: str                 # when it counts (ISO date)
    recorded_at: str        # when the action was done (ISO date and time)
    actor: str
    action: str             # the action's label, in the user's language
    action_seq: int
    entity: str
    entity_id: str
    field: str
    field_label: str
    old: Any
    new: Any
    old_text: str
    new_text: str

    def text(self, lang: str | None = None) -> str:
        when = dates.PartialDate.from_iso(self.at).display()
        if self.field == "*":
            return messages.render("history.created_line", lang, when=when, who=self.actor, action=self.action)
        return messages.render("history.line", lang, when=when, who=self.actor, action=self.action,
                               field=self.field_label, old=self.old_text, new=self.new_text)

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items()}


def _effective(session: Session, action_ids: set[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    ids = list(action_ids)
    for start in range(0, len(ids), 900):
        for aid, when in session.execute(select(Event.action_id, Event.effective_date)
                                         .where(Event.action_id.in_(ids[start:start + 900]))):
            if aid not in out or when < out[aid]:
                out[aid] = when
    return out


def entries(session: Session, targets: list[tuple[str, str]], lang: str | None = None) -> list[HistoryLine]:
    """The audit trail of the (entity, id) pairs, oldest first, in words."""
    if not targets:
        return []
    conds = [(AuditEntry.entity == e) & (AuditEntry.entity_id == i) for e, i in targets]
    rows = session.execute(select(AuditEntry, Action).join(Action, Action.id == AuditEntry.action_id)
                           .where(or_(*conds)).order_by(Action.seq, AuditEntry.id)).all()
    eff = _effective(session, {a.id for _, a in rows})
    out = []
    for e, a in rows:
        when = eff.get(a.id) or a.at.date().isoformat()
        label = Label(a.label_key, a.label_params or {}).render(lang)
        out.append(HistoryLine(when, a.at.isoformat(sep=" ", timespec="seconds"), e.actor, label, a.seq, e.entity,
                               e.entity_id, e.field,
                               messages.render("history.created", lang) if e.field == "*"
                               else field_label(e.field, lang), e.old, e.new,
                               display(e.field, e.old, lang), display(e.field, e.new, lang)))
    return out


def state_on(lines: list[HistoryLine], entity: str, entity_id: str, on: date) -> dict[str, Any] | None:
    """The record as it stood at the end of `on` (None: it did not exist yet)."""
    state: dict[str, Any] | None = None
    for line in lines:
        if line.entity != entity or line.entity_id != entity_id or line.at > on.isoformat():
            continue
        if line.field == "*":
            state = dict(line.new or {})
        elif state is not None:
            state[line.field] = line.new
    return state


def person_history(session: Session, person_id: str, lang: str | None = None) -> list[HistoryLine]:
    return entries(session, [("person", person_id)], lang)


def household_people(session: Session, household_id: str) -> set[str]:
    """Everyone who belongs or belonged to the household: its members now and the persons its events named."""
    now = set(session.scalars(select(Person.id).where(Person.household_id == household_id)))
    events = select(EventSubject.event_id).where(EventSubject.household_id == household_id)
    named = set(session.scalars(select(EventSubject.person_id).where(EventSubject.event_id.in_(events),
                                                                     EventSubject.person_id.is_not(None))))
    return now | {p for p in named if p}


def household_history(session: Session, household_id: str, lang: str | None = None) -> list[HistoryLine]:
    people = household_people(session, household_id)
    return entries(session, [("household", household_id)] + [("person", p) for p in sorted(people)], lang)


def household_on(session: Session, household_id: str, on: date, lang: str | None = None) -> dict[str, Any]:
    """The household as it stood on `on`: its own fields and its members then (active ones, with their relation)."""
    lines = household_history(session, household_id, lang)
    own = state_on(lines, "household", household_id, on)
    members = []
    for pid in sorted({ln.entity_id for ln in lines if ln.entity == "person"}):
        st = state_on(lines, "person", pid, on)
        if st and st.get("household_id") == household_id and st.get("status") == "active":
            members.append(st)
    members.sort(key=lambda m: (m.get("relation") != codes.HEAD, m.get("birth_date") or ""))
    return {"household": own, "members": members}


def find_household(session: Session, commune_id: str | None, ref: str) -> Household:
    q = select(Household).where(Household.commune_id == commune_id)
    found = session.scalars(q.where(or_(Household.code == ref.strip(), Household.id == ref))).first()
    if found is None:
        raise HgdError("registry.no_household", code=ref)
    return found


def find_person(session: Session, commune_id: str | None, ref: str) -> Person:
    found = session.scalars(select(Person).where(Person.commune_id == commune_id,
                                                 or_(Person.bhxh_code == ref.strip(), Person.id == ref))
                            .order_by(Person.status == "merged")).all()
    if not found:
        raise HgdError("registry.no_person", person=ref)
    if len(found) > 1 and found[0].id != ref:
        live = [p for p in found if p.status not in ("merged", "void")]
        if len(live) != 1:
            raise HgdError("registry.person_ambiguous", person=ref, count=len(found))
        return live[0]
    return found[0]
