"""What the registry's services share: finding a household or a person as the clerk names them, dates, and writing
an event with its subjects and its payload (app.domain.events) in the operation's transaction."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import select

from app import messages
from app.domain import dates
from app.domain.events import EVENT_TYPES, reported
from app.errors import HgdError
from app.ids import is_id
from app.operations import OpContext
from app.store.models import Event, EventSubject, Household, Person

messages.register({
    "registry.no_household": ("Không có hộ '{code}' trong sổ của xã.", ("There is no household '{code}' in the "
                                                                          "commune's register.")),
    "registry.household_closed": ("Hộ '{code}' không còn quản lý (tình trạng: {status}).",
                                  "Household '{code}' is no longer active (status: {status})."),
    "registry.no_person": ("Không có người '{person}' trong sổ (tìm theo mã số BHXH hoặc mã định danh).",
                           "There is no person '{person}' in the register (looked up by BHXH code or id)."),
    "registry.person_ambiguous": ("Có {count} người cùng mã số BHXH '{person}': hãy dùng mã định danh (id).",
                                  "{count} persons share the BHXH code '{person}': use the id instead."),
    "registry.person_not_active": ("{name} không còn quản lý (tình trạng: {status}).",
                                   "{name} is no longer active (status: {status})."),
    "registry.not_member": ("{name} không thuộc hộ {code}.", "{name} is not a member of household {code}."),
    "registry.bad_date": ("Ngày '{value}' không hợp lệ: cần dạng YYYY-MM-DD hoặc dd/mm/yyyy.",
                          "The date '{value}' is invalid: use YYYY-MM-DD or dd/mm/yyyy."),
    "registry.future_date": ("Ngày {value} ở tương lai.", "The date {value} is in the future."),
    "registry.date_before": ("Ngày {value} trước ngày sinh của {name} ({birth}).",
                             "The date {value} is before {name}'s date of birth ({birth})."),
    "registry.code_taken": ("Mã hộ '{code}' đã có trong sổ.", "Household code '{code}' is already in the register."),
})

STATUS_NAMES = {
    "active": ("đang quản lý", "active"), "dead": ("đã chết", "dead"), "moved_out": ("đã chuyển đi", "moved out"),
    "merged": ("đã gộp vào hồ sơ khác", "merged"), "void": ("đã hủy", "void"),
    "split_from": ("đã tách", "split"), "merged_into": ("đã nhập vào hộ khác", "merged into another"),
    "dissolved": ("không còn", "dissolved"),
}


def status_name(status: str, lang: str | None = None) -> str:
    pair = STATUS_NAMES.get(status, (status, status))
    return pair[1] if (lang or messages.language()) == "en" else pair[0]


def event_date(value: date | str, today: date) -> date:
    """A full date, not in the future."""
    if isinstance(value, date):
        d = value
    elif len(value.strip()) == 10 and value.strip()[4] == "-":
        try:
            d = date.fromisoformat(value.strip())
        except ValueError:
            raise HgdError("registry.bad_date", value=value) from None
    else:
        try:
            parsed = dates.parse_date(value, today=today, allow_future=True)
        except HgdError:
            parsed = None
        if parsed is None or parsed.as_date() is None:
            raise HgdError("registry.bad_date", value=value)
        parsed_day = parsed.as_date()
        assert parsed_day is not None
        d = parsed_day
    if d > today:
        raise HgdError("registry.future_date", value=d.strftime("%d/%m/%Y"))
    return d


def household(ctx: OpContext, ref: str, *, active: bool = True) -> Household:
    """A household of the commune by its code (or id)."""
    q = select(Household).where(Household.commune_id == ctx.commune_id, Household.status != "void")
    found = ctx.session.scalars(q.where(Household.id == ref if is_id(ref) else Household.code == ref.strip())).first()
    if found is None:
        raise HgdError("registry.no_household", code=ref)
    if active and found.status != "active":
        raise HgdError("registry.household_closed", code=found.code, status=status_name(found.status))
    return found


def person(ctx: OpContext, ref: str, *, active: bool = True) -> Person:
    """A person of the commune by BHXH code or id."""
    q = select(Person).where(Person.commune_id == ctx.commune_id, Person.status != "void")
    if is_id(ref):
        found = ctx.session.scalars(q.where(Person.id == ref)).all()
    else:
        found = ctx.session.scalars(q.where(Person.bhxh_code == ref.strip())).all()
        live = [p for p in found if p.status != "merged"]
        found = live or found
    if not found:
        raise HgdError("registry.no_person", person=ref)
    if len(found) > 1:
        raise HgdError("registry.person_ambiguous", person=ref, count=len(found))
    p = found[0]
    if active and p.status != "active":
        raise HgdError("registry.person_not_active", name=p.full_name, status=status_name(p.status))
    return p


def active_members(ctx: OpContext, hh: Household) -> list[Person]:
    return list(ctx.session.scalars(select(Person).where(Person.household_id == hh.id, Person.status == "active")
                                    .order_by(Person.created_at, Person.id)))


def after_birth(p: Person, when: date) -> None:
    if p.birth_date:
        birth = dates.PartialDate.from_iso(p.birth_date)
        if when < birth.earliest():
            raise HgdError("registry.date_before", value=when.strftime("%d/%m/%Y"), name=p.full_name,
                           birth=birth.display())


def as_reported(ctx: OpContext, p: Person, hh: Household | None = None) -> dict[str, Any]:
    """The person as the month's lists will print them, with the household's code and head's name."""
    values = {c.key: getattr(p, c.key) for c in Person.__table__.columns}
    hh = hh or (ctx.session.get(Household, p.household_id) if p.household_id else None)
    if hh is not None:
        values["household_code"] = hh.code
        if hh.head_person_id:
            head = ctx.session.get(Person, hh.head_person_id)
            values["head_name"] = head.full_name if head is not None else None
    return reported(values)


def record_event(ctx: OpContext, kind: str, when: date, payload: dict[str, Any], *,
                 persons: Sequence[tuple[str, Person]] = (), households: Sequence[tuple[str, Household]] = (),
                 reported_persons: list[dict[str, Any]] | None = None) -> Event:
    """Write the dated event with its subjects and payload; note a locked month (the event goes to the next
    open period)."""
    etype = EVENT_TYPES[kind]
    unknown = set(payload) - set(etype.payload)
    assert not unknown, f"{kind}: payload keys {unknown} are not in its vocabulary"
    details = {"v": etype.payload_version, **payload}
    if reported_persons is not None:
        details["persons"] = reported_persons
    ev = Event(commune_id=ctx.commune_id, type=kind, effective_date=when.isoformat(), status="recorded",
               payload_version=etype.payload_version, details=details, action_id=ctx.action.id)
    ctx.add(ev)
    for role, p in persons:
        assert role in etype.roles, f"{kind}: role {role}"
        ctx.session.add(EventSubject(event_id=ev.id, person_id=p.id, role=role))
    for role, h in households:
        assert role in etype.roles, f"{kind}: role {role}"
        ctx.session.add(EventSubject(event_id=ev.id, household_id=h.id, role=role))
    from app.lists.periods import late_note  # the lists know the periods; the registry only asks

    note = late_note(ctx.session, ctx.commune_id, when) if ctx.commune_id else None
    if note and note not in ctx.changes.summary.get("notes", []):
        ctx.changes.summary.setdefault("notes", []).append(note)
    ctx.changes.summary.setdefault("events", []).append(ev.id)
    return ev


def set_fields(ctx: OpContext, obj: Any, values: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """Set attributes that differ; return {field: (before, after)} of those changed."""
    changed = {}
    for field, value in values.items():
        before = getattr(obj, field)
        if before != value:
            setattr(obj, field, value)
            changed[field] = (before, value)
    if changed:
        ctx.updated(obj)
    return changed
