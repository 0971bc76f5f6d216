"""The generator's working objects: a member and a home, around the plain rows the database gets.

The rows are dicts keyed by column name (the Person and Household tables); the objects add what the generator
needs while it builds (the true birth date, spouse and parents, where the birth was registered) and are dropped when
the rows are handed out.
"""
from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Generic, TypeVar

_T = TypeVar("_T")

PERSON_COLUMNS = (
    "id", "household_id", "full_name", "name_key", "birth_date", "birth_year", "sex", "ethnicity_code", "nationality",
    "birth_place", "birth_place_key", "birth_province_code", "id_number", "id_kind", "bhxh_code", "relation",
    "group_code", "card_number", "card_valid_from", "card_valid_to", "health_facility", "address", "phone", "status",
    "status_date", "status_detail", "merged_into_id",
)
HOUSEHOLD_COLUMNS = ("id", "code", "address", "head_person_id", "status", "status_date", "related_household_id")
MERGER = date(2025, 7, 1)  # communes and provinces merged; districts ended (DOMAIN §5.8)


class Ids:
    """UUIDs drawn from a seeded generator: the same seed gives the same ids, run after run."""

    def __init__(self, seed: object) -> None:
        self._bits = random.Random(f"{seed}:ids").getrandbits

    def __call__(self) -> str:
        # str(uuid.UUID(int=n, version=4)), written out: this runs once per row and the uuid module is slow
        n = (self._bits(128) & _UUID_CLEAR) | _UUID_SET
        h = f"{n:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


_UUID_CLEAR = ~((0xF000 << 64) | (0xC000 << 48))
_UUID_SET = (0x4000 << 64) | (0x8000 << 48)


class Weighted(Generic[_T]):
    """A weighted choice drawn with one random number (random.choices is slow for one item)."""

    __slots__ = ("cum", "items", "total")

    def __init__(self, items: Iterable[_T], weights: Iterable[float]) -> None:
        self.items = list(items)
        self.cum: list[float] = []
        acc = 0.0
        for w in weights:
            acc += float(w)
            self.cum.append(acc)
        self.total = acc

    def draw(self, rng: random.Random) -> _T:
        return self.items[bisect_right(self.cum, rng.random() * self.total)]


@dataclass(eq=False, slots=True)
class Member:
    row: dict[str, Any]
    birth: date                       # the true date, even when the row holds only the year
    place: tuple[Any, ...] | None = None        # (birth place reference, style) — see commune.Places
    spouse: Member | None = None
    father: Member | None = None
    mother: Member | None = None
    home: Home | None = None
    touched: bool = False             # already used by an event or a planted finding

    @property
    def sex(self) -> str:
        sex: str = self.row["sex"]
        return sex

    @property
    def relation(self) -> str:
        relation: str = self.row["relation"]
        return relation

    @property
    def active(self) -> bool:
        return bool(self.row["status"] == "active")

    @property
    def household(self) -> Home:
        """The home of a member placed in the population (every member of a generated commune is)."""
        assert self.home is not None
        return self.home

    def age(self, on: date) -> int:
        return on.year - self.birth.year - ((on.month, on.day) < (self.birth.month, self.birth.day))


@dataclass(eq=False, slots=True)
class Home:
    row: dict[str, Any]
    hamlet: str
    ethnicity: str
    wealth: str = ""                  # "poor" (HN), "near_poor" (CN), "farm" (GB) or ""
    members: list[Member] = field(default_factory=list)
    touched: bool = False

    @property
    def head(self) -> Member | None:
        return next((m for m in self.members if m.row["relation"] == "chu_ho" and m.active), None)

    def active_members(self) -> list[Member]:
        return [m for m in self.members if m.row["status"] == "active"]

    def add(self, m: Member) -> None:
        if m.home is not None and m in m.home.members:
            m.home.members.remove(m)
        m.home = self
        m.row["household_id"] = self.row["id"]
        self.members.append(m)


def new_household_row(hid: str, address: str) -> dict[str, Any]:
    row = dict.fromkeys(HOUSEHOLD_COLUMNS)
    row.update(id=hid, address=address, status="active")
    return row


def birth_on(rng: random.Random, on: date, age_years: float) -> date:
    """A birth date that makes someone `age_years` old on `on` (the fraction spread over the year)."""
    return on - timedelta(days=int(age_years * 365.2425) + int(rng.random() * 365))


def dmy(iso: str | None) -> str:
    """ISO partial date -> dd/mm/yyyy, mm/yyyy or yyyy, as Vietnamese records write them."""
    if not iso:
        return ""
    return "/".join(reversed(iso.split("-")))
