"""generate_people: the whole demo commune as plain rows, without a database. Deterministic for (persons, seed,
today): every random draw comes from generators seeded with the seed, ids included; the wall clock is read only
when `today` is not given."""
from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.demo.cards import Issuer
from app.demo.changes import HouseholdChanges
from app.demo.commune import choose_commune
from app.demo.events import WINDOW_MONTHS, EventLog, PeopleEvents, plan_events, window_start
from app.demo.households import Population
from app.demo.model import Ids, birth_on
from app.demo.names import Namer
from app.demo.planted import Planter, quota
from app.demo.staff import period_ops, record_staff
from app.operations import Operation


@dataclass
class DemoData:
    """The rows the database gets (households, persons, events, event subjects) and what was planted in them."""

    commune: dict[str, str]
    households: list[dict[str, Any]]
    persons: list[dict[str, Any]]
    events: list[dict[str, Any]]
    event_subjects: list[dict[str, Any]]
    findings: list[dict[str, Any]]
    today: date
    seed: int = 0
    hamlets: list[str] = field(default_factory=list)
    base_households: list[dict[str, Any]] = field(default_factory=list)   # the register before the demo's months
    base_persons: list[dict[str, Any]] = field(default_factory=list)
    ops: list[tuple[date, Operation]] = field(default_factory=list)  # the events, as registry operations
    start: date | None = None                                       # the first day of the demo's months

    @property
    def heads(self) -> dict[str, str]:
        return {h["id"]: h["head_person_id"] for h in self.households if h["head_person_id"]}

    def findings_by_kind(self) -> dict[str, int]:
        return dict(sorted(Counter(f["kind"] for f in self.findings).items()))

    def summary(self) -> dict[str, Any]:
        return {
            "commune_name": self.commune["commune_name"],
            "commune_code": self.commune["commune_code"],
            "commune": self.commune,
            "today": self.today.isoformat(),
            "seed": self.seed,
            "persons": len(self.persons),
            "active_persons": sum(1 for p in self.persons if p["status"] == "active"),
            "households": len(self.households),
            "active_households": sum(1 for h in self.households if h["status"] == "active"),
            "events": len(self.events),
            "events_by_type": dict(sorted(Counter(e["type"] for e in self.events).items())),
            "findings": self.findings_by_kind(),
            "duplicates_by_variant": dict(sorted(Counter(f["variant"] for f in self.findings
                                                         if f["kind"] == "duplicate").items())),
        }


def _official(namer: Namer, rng: random.Random, today: date) -> str:
    """A name for the chairman or the clerk (the names on the minutes' signature blocks)."""
    sex = "M" if rng.random() < 0.7 else "F"
    year = birth_on(rng, today, rng.uniform(35, 55)).year
    return namer.full(namer.family("01", year), sex, "01", year)


def generate_people(persons: int, seed: int, today: date | None = None, *, commune_code: str | None = None,
                    months: int = WINDOW_MONTHS,
                    count: str = "records", progress: Callable[[float, int], object] | None = None) -> DemoData:
    """The demo commune with `persons` person records (planted duplicates, people born or moved in during the demo's
    months included); with count="active", `persons` people still active on `today` (the dead and the moved out
    come on top — what a spreadsheet of the register lists). `commune_code` picks a real 2025 commune instead of the
    seed's choice. `progress(done, total)` is told of each stage."""
    today = today or date.today()
    step = progress or (lambda *_: None)
    rngs = {k: random.Random(f"{seed}:{k}") for k in ("commune", "officials", "people", "cards", "events", "planted",
                                                        "staff")}
    ids = Ids(seed)
    commune = choose_commune(rngs["commune"], persons, commune_code)
    namer = Namer(rngs["people"], commune.profile["region"])
    officials = Namer(rngs["officials"], commune.profile["region"])  # the same names whatever the size
    commune.identity["chairman"] = _official(officials, rngs["officials"], today)
    commune.identity["clerk"] = _official(officials, rngs["officials"], today)
    start = window_start(today, months)
    plan, q = plan_events(rngs["events"], persons, months), quota(persons)

    step(1, 5)
    pop = Population(rngs["people"], ids, commune, namer, start)
    leaving = plan.leaving_persons if count == "active" else 0
    pop.build(max(1, persons - plan.new_persons - q.new_persons + leaving))
    issuer = Issuer(rngs["cards"], commune, start, today)
    counter = iter(range(1, 10 ** 6))

    def new_code() -> str:
        return f"{commune.code}{next(counter):05d}"

    planter = Planter(rngs["planted"], pop, issuer, today, new_code)
    planter.merged_households(q.merged)
    for home in pop.homes:
        home.row["code"] = new_code()
        head = home.head
        assert head is not None  # every generated household has its head
        home.row["head_person_id"] = head.row["id"]

    step(2, 5)
    issuer.choose_staff(pop.homes, persons)
    for home in pop.homes:
        for m in home.members:
            issuer.enrol(m, home, start)

    step(3, 5)
    planter.duplicates(q.duplicates_per_variant)
    planter.split_offs(q.split_offs)
    planter.wrong_cccd(q.wrong_cccd)
    planter.card_mismatch(q.card_mismatch)
    planter.missing_bhxh(q.missing_bhxh)
    planter.namesakes(q.namesakes)
    base_households, base_persons = _snapshot(pop)

    step(4, 5)
    log = EventLog(ids)
    log.base = {p["id"]: p for p in base_persons}
    people = PeopleEvents(rngs["events"], pop, issuer, log, start, today, new_code)
    changes = HouseholdChanges(rngs["events"], pop, log, start, today, new_code)
    people.births(plan.births)
    changes.splits(plan.splits)
    changes.merges(plan.merges)
    changes.handovers(plan.handovers)
    people.deaths(plan.deaths, changes)
    people.moves_out(plan.moves_out, plan.families_out)
    people.moves_in(plan.brides, plan.families_in)
    people.corrections(plan.corrections)
    people.group_changes(plan.poverty_exits)  # last: children who moved in pass 72 months too
    members = {m.row["id"]: m for h in pop.homes for m in h.members}
    staff_ops = record_staff(rngs["staff"], issuer.staff, members, log, start, today)
    planter.natural()

    households, person_rows = [], []
    _heads(pop)
    for home in pop.homes:
        households.append(home.row)
        for m in home.members:
            m.row["address"] = home.hamlet  # as an import fills it from the file's address column
            person_rows.append(m.row)
    order = {e["id"]: i for i, e in enumerate(log.events)}
    events = sorted(log.events, key=lambda e: (e["effective_date"], order[e["id"]]))
    # A stable sort: the staff register first on the first day, a death before the head change it causes, a period
    # locked after the day's events.
    ops = sorted(staff_ops + log.ops + period_ops(start, today), key=lambda pair: pair[0])
    step(5, 5)
    return DemoData(commune.identity, households, person_rows, events, log.subjects, planter.findings, today, seed,
                    commune.hamlets, base_households, base_persons, ops, start)


def _heads(pop: Population) -> None:
    for home in pop.homes:
        row = home.row
        if row["head_person_id"] is None:
            row["head_person_id"] = next(m.row["id"] for m in home.members if m.row["relation"] == "chu_ho")


def _snapshot(pop: Population) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The register as it stands before the demo's months of events (copies: the events change the rows)."""
    _heads(pop)
    households, persons = [], []
    for home in pop.homes:
        households.append(dict(home.row))
        for m in home.members:
            persons.append({**m.row, "address": home.hamlet})
    return households, persons
