"""Reconciliation of the office's card-holder list with the register (issue 15, item 7; DOMAIN §2).

Each card holder is matched to a person of the register by the BHXH code, then by the CCCD, then by the 4 criteria
through the review's matcher (app.review.find_pairs: name, date of birth, sex, birth-registration place; a pair it
calls "match"; one it only calls "possible" is left for the clerk). Then the proposals:
- `missing_from_register`: a holder matched to nobody;
- `without_card`: an active member entitled to a state-paid card (a child under 72 months first; then the state-paid
  groups the commune lists) whom no holder matches;
- `differs`: a matched holder whose card (number, validity, group) or identity (name, date of birth, sex, CCCD, BHXH
  code) differs from the register;
- `possible`: a holder the matcher finds only possibly the same as a member (to look at; never accepted blindly).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import codes, te_card
from app.domain.dates import PartialDate, age_in_months
from app.domain.text import tone_key
from app.review.records import ROW_FIELDS, RecordTable
from app.store.models import Event, EventSubject, Person

if TYPE_CHECKING:   # the reader (spreadsheets) loads when a list is read, not with the window
    from app.lists.cards.read import CardList, CardRow

KINDS = ("missing_from_register", "without_card", "differs", "possible")
COMPARED = ("card_number", "card_valid_from", "card_valid_to", "group_code", "full_name", "birth_date", "sex",
            "id_number", "bhxh_code")
_MATCH_COLUMNS = ROW_FIELDS[:10]
_EXTRA = ("group_code", "card_number", "card_valid_from", "card_valid_to", "health_facility", "status")


def state_paid() -> tuple[str, ...]:
    """The groups whose card the State pays and the commune lists, in the commune's order (TE first)."""
    return tuple(g.code for g in codes.commune_lists() if g.paid_by == "state budget")


@dataclass
class Proposal:
    kind: str
    name: str
    row: int | None = None            # the card list's row
    person_id: str | None = None
    group: str | None = None
    fields: list[dict[str, Any]] = field(default_factory=list)   # differs: {field, register, card}
    card: dict[str, Any] = field(default_factory=dict)           # the holder as the list gives them
    score: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v not in (None, [], {})}


@dataclass
class Reconciliation:
    file: str
    rows: int
    matched: dict[int, str]                       # card row -> person id
    by: dict[str, int]                            # how: bhxh, cccd, criteria
    proposals: list[Proposal]

    def count(self, kind: str) -> int:
        return sum(p.kind == kind for p in self.proposals)

    def summary(self) -> dict[str, Any]:
        return {"rows": self.rows, "matched": len(self.matched), **{k: self.count(k) for k in KINDS},
                "matched_by": dict(self.by)}


def _people(session: Session, commune_id: str) -> list[dict[str, Any]]:
    cols = [getattr(Person, c) for c in (*_MATCH_COLUMNS, *_EXTRA)]
    q = select(*cols).where(Person.commune_id == commune_id, Person.status == "active")
    return [dict(zip((*_MATCH_COLUMNS, *_EXTRA), r, strict=True)) for r in session.execute(q)]


def reconcile(session: Session, commune_id: str, cards: CardList, today: date) -> Reconciliation:
    people = _people(session, commune_id)
    by_id = {p["id"]: p for p in people}
    by_code: dict[str, str] = {}
    by_cccd: dict[str, str] = {}
    for p in people:
        if p["bhxh_code"]:
            by_code.setdefault(p["bhxh_code"], p["id"])
        if p["id_number"] and len(p["id_number"]) == 12:
            by_cccd.setdefault(p["id_number"], p["id"])
    matched: dict[int, str] = {}
    taken: set[str] = set()
    how = {"bhxh": 0, "cccd": 0, "criteria": 0}
    for index, row in ((i, r) for i, r in enumerate(cards.rows)):
        for kind, key, table in (("bhxh", row.bhxh_code, by_code), ("cccd", row.id_number, by_cccd)):
            pid = table.get(key or "")
            if pid and pid not in taken:
                matched[index], how[kind] = pid, how[kind] + 1
                taken.add(pid)
                break
    possible = _by_criteria(cards.rows, people, matched, taken, how)
    proposals = [p for _, p in sorted(possible.items())]
    seen = {p.row for p in proposals}
    for index, row in enumerate(cards.rows):
        if index not in matched and row.row not in seen:
            proposals.append(Proposal("missing_from_register", row.full_name, row.row, group=row.group_code,
                                      card=row.to_dict()))
    covered = taken | {p.person_id for p in proposals if p.person_id} | _requested(session, commune_id, today)
    proposals += _without_card(people, covered, today)
    for index, pid in matched.items():
        diff = _differences(by_id[pid], cards.rows[index])
        if diff:
            row = cards.rows[index]
            proposals.append(Proposal("differs", row.full_name, row.row, pid, row.group_code, diff, row.to_dict()))
    order = {k: i for i, k in enumerate(KINDS)}
    proposals.sort(key=lambda p: (order[p.kind], p.row or 0))
    return Reconciliation(cards.file, len(cards.rows), {cards.rows[i].row: pid for i, pid in matched.items()},
                          how, proposals)


def _by_criteria(rows: list[CardRow], people: list[dict[str, Any]], matched: dict[int, str], taken: set[str],
                 how: dict[str, int]) -> dict[int, Proposal]:
    """The 4 criteria for the holders no code matched, against the members no holder took."""
    left = [i for i in range(len(rows)) if i not in matched]
    if not left:
        return {}
    members = [p for p in people if p["id"] not in taken]
    columns: dict[str, list[Any]] = {c: [p[c] for p in members] for c in _MATCH_COLUMNS}
    for i in left:
        r = rows[i]
        for c in _MATCH_COLUMNS:
            columns[c].append({"id": f"card:{i}", "household_id": f"card:{i}"}.get(c, getattr(r, c, None)))
    possible: dict[int, Proposal] = {}
    from app.review.matcher import find_pairs  # numpy and the matcher load when a list is reconciled

    for pair in find_pairs(RecordTable(columns)):
        a, b = pair.a_id, pair.b_id
        if a.startswith("card:") == b.startswith("card:"):
            continue  # two members, or two holders: not this reconciliation's business
        card_id, pid = (a, b) if a.startswith("card:") else (b, a)
        index = int(card_id[5:])
        if index in matched or pid in taken:
            continue
        if pair.decision == "match":
            matched[index] = pid
            taken.add(pid)
            how["criteria"] += 1
            possible.pop(index, None)
        elif index not in possible:
            r = rows[index]
            possible[index] = Proposal("possible", r.full_name, r.row, pid, r.group_code, card=r.to_dict(),
                                       score=pair.score)
    return {i: p for i, p in possible.items() if i not in matched}


def entitled_group(person: dict[str, Any], today: date) -> str | None:
    """The state-paid group a member is entitled to: TE for a child before its TE card's end, else the member's own
    group when the State pays it; None otherwise."""
    born = person.get("birth_date")
    if born:
        birth = PartialDate.from_iso(born)
        full = birth.as_date()
        child = te_card.te_card_end(full) >= today if full is not None else age_in_months(birth, today) < 72
        if child:
            return "TE"
    group = person.get("group_code")
    if group == "TE":
        return None  # past its TE end: a change of group is due (the review says so), not a TE card
    return group if group in state_paid() else None


def _requested(session: Session, commune_id: str, today: date) -> set[str]:
    """Members whose card was requested within the year (a card request, or a change into a group): asked already,
    even if the office's list does not show the card yet."""
    since = today.replace(year=today.year - 1, day=min(today.day, 28)).isoformat()
    q = (select(EventSubject.person_id).join(Event, Event.id == EventSubject.event_id)
         .where(Event.commune_id == commune_id, Event.status == "recorded", Event.effective_date >= since,
                Event.type.in_(("card_request", "group_change")), EventSubject.person_id.is_not(None)))
    return set(session.scalars(q))


def _without_card(people: list[dict[str, Any]], covered: set[str], today: date) -> list[Proposal]:
    rank = {g: i for i, g in enumerate(state_paid())}
    out = []
    for p in people:
        if p["id"] in covered:
            continue
        group = entitled_group(p, today)
        if group:
            out.append(Proposal("without_card", p["full_name"], None, p["id"], group))
    return sorted(out, key=lambda x: (rank.get(x.group or "", 99), tone_key(x.name)))


def _same(field: str, mine: Any, theirs: Any) -> bool:
    if field == "full_name":
        return tone_key(mine) == tone_key(theirs)
    if field == "card_number":
        return str(mine or "").upper() == str(theirs or "").upper()
    return bool(mine == theirs)


def _differences(person: dict[str, Any], row: CardRow) -> list[dict[str, Any]]:
    out = []
    for f in COMPARED:
        theirs = getattr(row, f)
        if theirs in (None, ""):
            continue  # the list does not say
        mine = person.get(f)
        if not _same(f, mine, theirs):
            out.append({"field": f, "register": mine, "card": theirs})
    return out

