"""The households list, a household with its members, a person's editable fields: read services for the GUI.

Search folds case, diacritics, đ and spacing ("nguyen van hung" and "nguyenvanhung" both find "Nguyễn Văn Hùng") over
the members' names (persons.name_key), the household code, CCCD, BHXH code and card number. The list is read a page
at a time (LIMIT/OFFSET in SQL), never the whole register.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import aliased

from app.domain.text import search_key
from app.register import Register
from app.store.models import Household, ImportIssue, Person

PAGE = 200
LIVE = ("active",)


@dataclass(frozen=True)
class HouseholdFilter:
    text: str = ""
    hamlet: str | None = None          # the household's address as the register holds it (thôn/xóm)
    status: str | None = "active"      # None: every status
    group: str | None = None           # a participant group some active member belongs to


@dataclass(frozen=True)
class HouseholdRow:
    id: str
    code: str
    head: str
    address: str
    members: int
    status: str


@dataclass
class HouseholdPage:
    total: int
    offset: int
    rows: list[HouseholdRow]


@dataclass(frozen=True)
class MemberRow:
    id: str
    full_name: str
    relation: str | None
    sex: str | None
    birth_date: str | None
    age: int | None
    group_code: str | None
    card_number: str | None
    card_valid_to: str | None
    card_state: str          # valid | expiring | expired | none
    bhxh_code: str | None
    id_number: str | None
    status: str
    is_head: bool


@dataclass
class HouseholdDetail:
    id: str
    code: str
    address: str
    status: str
    head_id: str | None
    members: list[MemberRow]
    former: list[MemberRow] = field(default_factory=list)   # dead, moved out: shown apart


class HouseholdIndex:
    """What the households list searches and filters, one entry per household (not per person), kept in memory.

    Built from one read of households and one of persons (≈0.2 s at 30,000 persons); a search is then a substring
    test per household (a few ms), the rows shown are read a page at a time by `rows_for`. The key of a household
    holds its code and each member's folded name (with and without spaces), CCCD, BHXH code and card number,
    separated by a character nobody types: "nguyen van hung", "nguyenvanhung" and "037080" all find their household.
    """

    SEP = "\x00"

    def __init__(self, entries: list[tuple[str, str, str, str, frozenset[str], str]]) -> None:
        # (id, status, address, key, groups of its active members, code), in list order (code length, code)
        self.entries = entries

    @classmethod
    def build(cls, reg: Register, commune_id: str | None = None) -> HouseholdIndex:
        cid = commune_id or reg.commune_id
        with reg.reading() as s:
            conn = s.connection()   # Core rows: the ORM's per-row work would double the time
            homes = conn.execute(select(Household.id, Household.code, Household.address, Household.status)
                              .where(Household.commune_id == cid, Household.status != "void")).all()
            keys: dict[str, list[str]] = {h[0]: [search_key(h[1]).replace(" ", "")] for h in homes}
            groups: dict[str, set[str]] = {}
            q = (select(Person.household_id, Person.name_key, Person.id_number, Person.bhxh_code, Person.card_number,
                        Person.group_code, Person.status)
                 .where(Person.commune_id == cid, Person.status.not_in(("void", "merged")),
                        Person.household_id.is_not(None)))
            for hid, name, cccd, bhxh, card, group, status in conn.execute(q):
                parts = keys.get(hid)
                if parts is None:
                    continue
                parts += [name or "", (name or "").replace(" ", ""), cccd or "", bhxh or "", (card or "").lower()]
                if group and status in LIVE:
                    groups.setdefault(hid, set()).add(group)
        entries = [(hid, status, address or "", cls.SEP.join(keys[hid]), frozenset(groups.get(hid, ())), code)
                   for hid, code, address, status in homes]
        entries.sort(key=lambda e: (len(e[5]), e[5], e[0]))
        return cls(entries)

    def search(self, f: HouseholdFilter) -> list[str]:
        """The ids of the households matching `f`, in list order."""
        folded = search_key(f.text)
        compact = folded.replace(" ", "")
        out = []
        for hid, status, address, key, groups, _code in self.entries:
            if f.status and status != f.status:
                continue
            if f.hamlet and address != f.hamlet:
                continue
            if f.group and f.group not in groups:
                continue
            if folded and folded not in key and compact not in key:
                continue
            out.append(hid)
        return out

    def hamlets(self) -> list[str]:
        return sorted({e[2] for e in self.entries if e[2] and e[1] == "active"}, key=search_key)

    def groups(self) -> list[str]:
        return sorted(set().union(*(e[4] for e in self.entries)) if self.entries else set())


@cache
def _rows_query() -> Select[Any]:
    """The page's query, built once (building it took as long as running it); the ids bound on each call."""
    head = aliased(Person)
    members = (select(func.count()).where(Person.household_id == Household.id, Person.status.in_(LIVE))
               .correlate(Household).scalar_subquery())
    return (select(Household.id, Household.code, head.full_name, Household.address, members, Household.status)
            .outerjoin(head, head.id == Household.head_person_id)
            .where(Household.id.in_(bindparam("ids", expanding=True))))


def rows_for(reg: Register, ids: list[str]) -> list[HouseholdRow]:
    """The list rows of these households (head's name, address, members now), in the order given: one page."""
    if not ids:
        return []
    with reg.reading() as s:
        found = {r[0]: HouseholdRow(r[0], r[1], r[2] or "", r[3] or "", r[4] or 0, r[5])
                 for r in s.execute(_rows_query(), {"ids": list(ids)})}
    return [found[i] for i in ids if i in found]


def listed_ids(reg: Register, f: HouseholdFilter, commune_id: str | None = None) -> list[str]:
    """The ids of the households matching a filter without search text, in list order, read by SQL without an index
    (the list's first page while the index is being built): the same households as `HouseholdIndex.search`."""
    if search_key(f.text):
        raise ValueError("listed_ids answers filters without search text")
    cid = commune_id or reg.commune_id
    cond = [Household.commune_id == cid, Household.status != "void"]
    if f.status:
        cond.append(Household.status == f.status)
    if f.hamlet:
        cond.append(Household.address == f.hamlet)
    if f.group:
        cond.append(select(Person.id).where(Person.household_id == Household.id, Person.commune_id == cid,
                                            Person.status.in_(LIVE), Person.group_code == f.group).exists())
    with reg.reading() as s:
        q = (select(Household.id).where(*cond)
             .order_by(func.length(Household.code), Household.code, Household.id))
        return list(s.scalars(q))


def households_page(reg: Register, f: HouseholdFilter, offset: int = 0, limit: int = PAGE) -> HouseholdPage:
    """One page of the households matching `f`, and how many match in all (builds an index: for one-off reads)."""
    ids = HouseholdIndex.build(reg).search(f)
    return HouseholdPage(len(ids), offset, rows_for(reg, ids[offset:offset + limit]))


def hamlets(reg: Register) -> list[str]:
    """The households' addresses (thôn/xóm) in use, for the filter."""
    with reg.reading() as s:
        q = (select(Household.address).where(Household.commune_id == reg.commune_id, Household.status == "active",
                                             Household.address.is_not(None)).distinct())
        return sorted((a for a in s.scalars(q) if a), key=search_key)


def groups_in_use(reg: Register) -> list[str]:
    with reg.reading() as s:
        q = select(Person.group_code).where(Person.commune_id == reg.commune_id, Person.status.in_(LIVE),
                                            Person.group_code.is_not(None)).distinct()
        return sorted(g for g in s.scalars(q) if g)


def age_on(birth_date: str | None, today: date) -> int | None:
    """Age in whole years (a partial date "YYYY" or "YYYY-MM" counts from its first day)."""
    if not birth_date or not birth_date[:4].isdigit():
        return None
    parts = birth_date.split("-")
    month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 1
    day = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else 1
    return today.year - int(parts[0]) - ((today.month, today.day) < (month, day))


def card_state(valid_to: str | None, today: date) -> str:
    if not valid_to:
        return "none"
    iso = today.isoformat()
    if valid_to < iso:
        return "expired"
    soon = date.fromordinal(today.toordinal() + 30).isoformat()
    return "expiring" if valid_to <= soon else "valid"


def _member(p: Person, head_id: str | None, today: date) -> MemberRow:
    return MemberRow(p.id, p.full_name, p.relation, p.sex, p.birth_date, age_on(p.birth_date, today), p.group_code,
                     p.card_number, p.card_valid_to, card_state(p.card_valid_to, today), p.bhxh_code, p.id_number,
                     p.status, p.id == head_id)


def _order(m: MemberRow) -> tuple[bool, str]:
    return (not m.is_head, m.birth_date or "9999")


def household_detail(reg: Register, household_id: str, today: date | None = None) -> HouseholdDetail:
    today = today or reg.today()
    with reg.reading() as s:
        hh = s.get(Household, household_id)
        if hh is None:
            from app.errors import HgdError
            raise HgdError("registry.no_household", code=household_id)
        people = s.scalars(select(Person).where(Person.household_id == household_id,
                                                Person.status.not_in(("void", "merged")))).all()
        rows = [_member(p, hh.head_person_id, today) for p in people]
        return HouseholdDetail(hh.id, hh.code, hh.address or "", hh.status, hh.head_person_id,
                               sorted((m for m in rows if m.status in LIVE), key=_order),
                               sorted((m for m in rows if m.status not in LIVE), key=_order))


@dataclass
class PersonRecord:
    id: str
    household_id: str | None
    household_code: str | None
    status: str
    values: dict[str, Any]                     # the editable fields as stored (EDITABLE keys)
    issues: list[dict[str, Any]]               # what an import could not store: column, value, reason


def person_record(reg: Register, person_id: str) -> PersonRecord:
    from app.domain.person import EDITABLE

    with reg.reading() as s:
        p = s.get(Person, person_id)
        if p is None:
            from app.errors import HgdError
            raise HgdError("registry.no_person", person=person_id)
        code = s.scalar(select(Household.code).where(Household.id == p.household_id)) if p.household_id else None
        issues = [{"column": i.column, "value": i.value, "reason_key": i.reason_key, "params": i.params or {},
                   "severity": i.severity, "file": i.file, "row": i.row}
                  for i in s.scalars(select(ImportIssue).where(ImportIssue.person_id == person_id)
                                     .order_by(ImportIssue.row))]
        return PersonRecord(p.id, p.household_id, code, p.status, {k: getattr(p, k) for k in EDITABLE}, issues)


def history(reg: Register, entity: str, entity_id: str) -> list[Any]:
    """A person's or household's audit trail in words (app/registry/history.py), oldest first."""
    from app.registry import history as h

    with reg.reading() as s:
        lines = h.person_history(s, entity_id) if entity == "person" else h.household_history(s, entity_id)
        _name_ids(s, lines)
        return lines


ID_FIELDS = {"head_person_id": "person", "merged_into_id": "person", "household_id": "household",
             "related_household_id": "household"}


def _name_ids(s: Any, lines: list[Any]) -> None:
    """Lines about a field holding an id (the head, the household) name the person or household, not the id."""
    wanted = {v for ln in lines if ln.field in ID_FIELDS for v in (ln.old, ln.new) if isinstance(v, str)}
    if not wanted:
        return
    names = dict(s.execute(select(Person.id, Person.full_name).where(Person.id.in_(wanted))).all())
    names.update(s.execute(select(Household.id, Household.code).where(Household.id.in_(wanted))).all())
    for ln in lines:
        if ln.field in ID_FIELDS:
            ln.old_text = names.get(ln.old, ln.old_text) if isinstance(ln.old, str) else ln.old_text
            ln.new_text = names.get(ln.new, ln.new_text) if isinstance(ln.new, str) else ln.new_text


def household_on(reg: Register, household_id: str, on: date) -> dict[str, Any]:
    from app.registry import history as h

    with reg.reading() as s:
        return h.household_on(s, household_id, on)


def active_households(reg: Register, exclude: str | None = None) -> list[tuple[str, str, str]]:
    """(id, code, head's name) of every active household: the merge dialog's choice."""
    with reg.reading() as s:
        head = aliased(Person)
        q = (select(Household.id, Household.code, head.full_name).outerjoin(head, head.id == Household.head_person_id)
             .where(Household.commune_id == reg.commune_id, Household.status == "active")
             .order_by(func.length(Household.code), Household.code))
        return [(i, c, n or "") for i, c, n in s.execute(q) if i != exclude]


__all__ = [
    "HouseholdDetail",
    "HouseholdFilter",
    "HouseholdIndex",
    "HouseholdPage",
    "HouseholdRow",
    "MemberRow",
    "PersonRecord",
    "active_households",
    "groups_in_use",
    "hamlets",
    "history",
    "household_detail",
    "household_on",
    "households_page",
    "listed_ids",
    "person_record",
    "rows_for",
]
