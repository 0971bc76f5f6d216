"""A few months of changes before the demo's `today`: births, deaths, moves, group changes and corrections.

Every event leaves the register as it says: a death sets the person `dead` with the event's date, a move out sets
`moved_out`, a birth adds a TE member born that day, a group change leaves the person in the new group. Household
events (split, merge, head change) are in app/demo/changes.py. No person or household takes part in two events,
except a head's death and the head change it causes.
"""
from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import islice
from typing import TYPE_CHECKING, Any

from app.demo.cards import Issuer
from app.demo.commune import NEW, OLD, SHORT, _new_units
from app.demo.households import Population
from app.demo.model import Home, Ids, Member
from app.demo.names import misspell
from app.demo.ops import born_fields, person_fields
from app.domain.te_card import add_months, te_card_end
from app.operations import Operation
from app.registry import ChangeGroup, CorrectPerson, RecordBirth, RecordDeath, RecordMoveIn, RecordMoveOut

if TYPE_CHECKING:
    from app.demo.changes import HouseholdChanges

WINDOW_MONTHS = 4
_DESTINATIONS = ("79", "75", "01", "24", "31", "48", "22")  # where people leave for work


@dataclass
class Plan:
    """How many of each event, decided before the base register is built (births and moves in add people)."""

    births: int
    deaths: int
    moves_out: int
    families_out: list[int]
    brides: int
    families_in: list[int]
    splits: int
    merges: int
    handovers: int
    corrections: int
    poverty_exits: int

    @property
    def new_persons(self) -> int:
        return self.births + self.brides + sum(self.families_in)

    @property
    def leaving_persons(self) -> int:
        return self.deaths + self.moves_out + sum(self.families_out)


def plan_events(rng: random.Random, persons: int, months: int = WINDOW_MONTHS) -> Plan:
    """The events of `months` months (the rates are those of the default four)."""
    scale = months / WINDOW_MONTHS

    def n(rate: float, floor: int = 1) -> int:
        return max(floor if persons >= 300 else 0, round(persons * rate * scale))

    return Plan(births=n(0.005), deaths=n(0.0022), moves_out=n(0.002),
                families_out=[rng.randint(1, 4) for _ in range(n(1 / 8000))], brides=n(0.001),
                families_in=[rng.randint(2, 4) for _ in range(n(1 / 4000))], splits=n(1 / 4000),
                merges=n(1 / 8000), handovers=n(1 / 10000), corrections=n(0.001), poverty_exits=n(1 / 15000))


class EventLog:
    """Event rows and their subject rows (a person or a household with a role), and the registry operations that
    record them in a register (`ops`: (date, operation), in the order they happened)."""

    def __init__(self, ids: Ids) -> None:
        self.ids = ids
        self.events: list[dict[str, Any]] = []
        self.subjects: list[dict[str, Any]] = []
        self.ops: list[tuple[date, Operation]] = []
        self.base: dict[str, dict[str, Any]] = {}   # person id -> the row as the register holds it before the events

    def add(self, kind: str, when: date, details: dict[str, Any], persons: Sequence[tuple[str, Member]] = (),
            homes: Sequence[tuple[str, Home]] = (), op: Operation | None = None) -> dict[str, Any]:
        if op is not None:
            self.ops.append((when, op))
        row = {"id": self.ids(), "type": kind, "effective_date": when.isoformat(), "details": details}
        self.events.append(row)
        for role, m in persons:
            self.subjects.append({"id": self.ids(), "event_id": row["id"], "person_id": m.row["id"],
                                  "household_id": None, "role": role})
        for role, h in homes:
            self.subjects.append({"id": self.ids(), "event_id": row["id"], "person_id": None,
                                  "household_id": h.row["id"], "role": role})
        return row

    def base_value(self, m: Member, field: str, value: str, pop: Population) -> None:
        """The register held `value` in `field` before the correction that the log records."""
        base = self.base.get(m.row["id"])
        if base is None:
            return
        base[field] = value
        if field == "full_name":
            base["name_key"] = pop.key(value)
        elif field == "birth_date":
            base["birth_year"] = int(value[:4])
        elif field == "birth_place":
            base["birth_place_key"] = pop.key(value)


class PeopleEvents:
    def __init__(self, rng: random.Random, pop: Population, issuer: Issuer, log: EventLog, start: date,
                 today: date, new_code: Callable[[], str]) -> None:
        self.rng, self.pop, self.issuer, self.log = rng, pop, issuer, log
        self.start, self.today, self.new_code = start, today, new_code
        self._destinations: list[str] | None = None
        self._uncoded: set[str] = set()
        self._order: list[Member] | None = None

    def day(self) -> date:
        return self.start + timedelta(days=self.rng.randrange((self.today - self.start).days))

    def members(self) -> list[Member]:
        return [m for h in self.pop.homes if h.row["status"] == "active"
                for m in h.members if m.row["status"] == "active"]

    def candidates(self, test: Callable[[Member], bool]) -> Iterator[Member]:
        """Active people not yet in an event, in one random order (shuffled once), lazily: events take a few."""
        if self._order is None:
            self._order = self.members()
            self.rng.shuffle(self._order)
        return (m for m in self._order if not m.touched and m.row["status"] == "active"
                and m.household.row["status"] == "active" and test(m))

    def births(self, count: int) -> None:
        mothers = self.candidates(lambda m: m.row["sex"] == "F" and m.row["relation"] in ("vo", "con_dau", "chu_ho")
                                  and 19 <= m.age(self.start) <= 41 and m.spouse is not None and m.spouse.active
                                  and m.spouse.home is m.home and not m.household.touched)
        for mother in mothers:
            if count == 0:
                break
            when = self.day()
            latest = max((k.birth for k in mother.household.members if k.mother is mother), default=date.min)
            if (when - latest).days < 450:  # a year and a quarter at least between two children
                continue
            home, father = mother.household, mother.spouse
            assert father is not None  # the candidates are married mothers
            relation = "chau_noi" if mother.relation == "con_dau" else "con"
            names = tuple(k.row["full_name"].rsplit(" ", 1)[-1] for k in home.members if k.mother is mother)
            child = self.pop.person(home, relation, "M" if self.rng.random() < 0.53 else "F", when,
                                    father.row["full_name"].split(" ")[0], home.ethnicity, "local", names)
            child.father, child.mother = father, mother
            self.issuer.identify(child)
            self.issuer.issue(child, "TE")
            if when.strftime("%Y-%m") not in self._uncoded:
                # the month's first newborn: its code has not come through the birth-registration link yet, so
                # the commune declares it on a TK1-TS (its card's dates are known, its number is not)
                self._uncoded.add(when.strftime("%Y-%m"))
                child.row["bhxh_code"] = child.row["card_number"] = None
            child.touched = mother.touched = home.touched = True
            self.log.add("birth", when, {"household_code": home.row["code"], "birth_place": child.row["birth_place"],
                                         "card_valid_to": child.row["card_valid_to"]},
                         [("child", child), ("mother", mother)], [("household", home)],
                         RecordBirth(household=home.row["code"], full_name=child.row["full_name"],
                                     sex=child.row["sex"], birth_date=when.isoformat(),
                                     birth_place=child.row["birth_place"], mother=mother.row["id"],
                                     father=father.row["id"], fields=born_fields(child.row),
                                     person_id=child.row["id"]))
            count -= 1

    def deaths(self, count: int, changes: HouseholdChanges) -> None:
        rng = self.rng

        def dies(m: Member) -> bool:  # the old far more often
            a = m.age(self.start)
            return rng.random() * 40 < (40 if a >= 80 else 12 if a >= 70 else 4 if a >= 60 else 1 if a >= 40 else 0.1)

        for m in self.candidates(dies):
            if count == 0:
                break
            home = m.household
            alone = len(home.active_members()) == 1
            is_head = m.relation == "chu_ho"
            if m.touched or not m.active or (is_head and not alone and (home.touched or not m.spouse
                                                                          or not m.spouse.active)):
                continue
            when = self.day()
            m.row.update(status="dead", status_date=when.isoformat())
            m.touched = True
            self.log.add("death", when, {"household_code": home.row["code"]}, [("deceased", m)],
                         [("household", home)], RecordDeath(person=m.row["id"], date=when.isoformat()))
            if is_head and alone:
                home.row.update(status="dissolved", status_date=when.isoformat())
                home.touched = True
            elif is_head:
                assert m.spouse is not None  # a head who leaves others has a living spouse (checked above)
                changes.head_change(home, m.spouse, when, "death", old_head=m)
            if m.spouse is not None:
                m.spouse.spouse = None
            count -= 1

    def destination(self) -> str:
        if self._destinations is None:
            self._destinations = [f"{u['commune']}, {u['province']}" for _, u in sorted(_new_units().items())
                                  if u["province_code"] in _DESTINATIONS]
        return self._destinations[self.rng.randrange(len(self._destinations))]

    def moves_out(self, count: int, families: list[int]) -> None:
        people = self.candidates(lambda m: m.spouse is None and 18 <= m.age(self.start) <= 35
                                 and m.row["relation"] in ("con", "chau_noi", "chau_ngoai", "chau", "khac", "em",
                                                           "anh", "chi"))
        for m in islice(people, count):
            when, to = self.day(), self.destination()
            m.row.update(status="moved_out", status_date=when.isoformat(), status_detail=to)
            m.touched = True
            self.log.add("move_out", when, {"household_code": m.household.row["code"], "to": to}, [("person", m)],
                         [("household", m.household)],
                         RecordMoveOut(persons=(m.row["id"],), date=when.isoformat(), destination=to))
        homes = [h for h in self.pop.homes if h.row["status"] == "active" and not h.touched
                 and not any(m.touched or not m.active for m in h.members)]
        self.rng.shuffle(homes)
        for size in families:  # a whole household leaves
            home = next((h for h in homes if len(h.members) == size and not h.touched), None)
            if home is None:
                continue
            when, to = self.day(), self.destination()
            for m in home.members:
                m.row.update(status="moved_out", status_date=when.isoformat(), status_detail=to)
                m.touched = True
            home.row.update(status="dissolved", status_date=when.isoformat())
            home.touched = True
            self.log.add("move_out", when, {"household_code": home.row["code"], "to": to, "whole_household": True},
                         [("person", m) for m in home.members], [("household", home)],
                         RecordMoveOut(persons=tuple(m.row["id"] for m in home.members), date=when.isoformat(),
                                       destination=to))

    def moves_in(self, brides: int, families: list[int]) -> None:
        rng, pop = self.rng, self.pop
        grooms = self.candidates(lambda m: m.row["sex"] == "M" and m.row["relation"] == "con" and m.spouse is None
                                 and 23 <= m.age(self.start) <= 35 and not m.household.touched)
        for groom in grooms:
            if brides == 0:
                break
            if groom.household.touched:  # a brother already brought his bride home
                continue
            brides -= 1
            when, home = self.day(), groom.household
            bride = pop.adult(home, "con_dau", "F", max(19.0, groom.age(when) - rng.uniform(0, 5)), "spouse")
            pop.relocate(bride, rng.choice(("province", "anywhere")))
            groom.spouse, bride.spouse = bride, groom
            self.issuer.enrol(bride, home, when, moved_in=True)
            bride.touched = groom.touched = home.touched = True
            self.log.add("move_in", when, {"household_code": home.row["code"], "from": self.origin(bride)},
                         [("person", bride)], [("household", home)],
                         RecordMoveIn(persons=(person_fields(bride.row),), date=when.isoformat(),
                                      origin=self.origin(bride), household=home.row["code"],
                                      person_ids=(bride.row["id"],)))
        for size in families:
            when = self.day()
            home = pop.new_home()
            home.row["code"] = self.new_code()
            husband, wife = pop.couple(home, rng.uniform(24 + 2 * size, 45))
            pop.children(home, husband, wife, size - 2)
            origin = rng.choice(("province", "anywhere"))
            for m in home.members:
                pop.relocate(m, origin)
                self.issuer.enrol(m, home, when, moved_in=True)
                m.touched = True
            home.touched = True
            self.log.add("move_in", when, {"household_code": home.row["code"], "from": self.origin(husband),
                                           "new_household": True},
                         [("person", m) for m in home.members], [("new_household", home)],
                         RecordMoveIn(persons=tuple(person_fields(m.row) for m in home.members),
                                      date=when.isoformat(), origin=self.origin(husband),
                                      new_household_code=home.row["code"], address=home.row["address"],
                                      person_ids=tuple(m.row["id"] for m in home.members)))

    def origin(self, m: Member) -> str:
        assert m.place is not None  # every generated member has a birth place
        ref, _ = m.place
        return self.pop.commune.places.render(ref, NEW)

    def group_changes(self, poverty_exits: int) -> None:
        """Children whose TE card ended in the window move to another group; a poor household becomes near-poor."""
        last = self.today - timedelta(days=2)
        for m in self.members():
            if m.row["group_code"] == "TE" and self.start <= te_card_end(m.birth) <= last:  # whatever else happened
                self._change(m, m.household, te_card_end(m.birth) + timedelta(days=1), "72_months")
        poor = [h for h in self.pop.homes if h.wealth == "poor" and h.row["status"] == "active" and not h.touched]
        for home in self.rng.sample(poor, min(poverty_exits, len(poor))):
            home.wealth, when = "near_poor", self.day()
            for m in home.active_members():
                if m.row["group_code"] == "HN" and not m.touched:
                    self._change(m, home, when, "near_poor")
            home.touched = True

    def _change(self, m: Member, home: Home, when: date, reason: str) -> None:
        before = m.row["group_code"]
        self.issuer.issue(m, self.issuer.group_for(m, home, when), when)
        m.touched = True
        self.log.add("group_change", when, {"from": before, "to": m.row["group_code"], "reason": reason},
                     [("person", m)], op=ChangeGroup(person=m.row["id"], group=m.row["group_code"],
                                                     date=when.isoformat(), card_number=m.row["card_number"],
                                                     card_valid_to=m.row["card_valid_to"], reason=reason))

    def corrections(self, count: int) -> None:
        rng = self.rng
        for m in list(islice(self.candidates(lambda m: True), count)):
            when, r = self.day(), rng.random()
            row = m.row
            if r < 0.6:
                field, before = "full_name", misspell(rng, row["full_name"])
            elif r < 0.85 and len(row["birth_date"]) == 10:
                other = m.birth + timedelta(days=rng.choice((-10, -1, 1, 10, 31)))
                field, before = "birth_date", other.isoformat() if other.year == m.birth.year else row["birth_date"][:4]
            else:
                assert m.place is not None
                ref, style = m.place
                field = "birth_place"
                before = self.pop.commune.places.render(ref, SHORT if style != SHORT else OLD)
            if before == row[field]:
                continue
            m.touched = True
            self.log.base_value(m, field, before, self.pop)
            self.log.add("correction", when, {"field": field, "before": before, "after": row[field]},
                         [("person", m)], op=CorrectPerson(person=m.row["id"], changes={field: row[field]},
                                                           date=when.isoformat()))


def window_start(today: date, months: int = WINDOW_MONTHS) -> date:
    return add_months(today, -months)
