"""Household events of the demo's months: a split (tách hộ), a merge (nhập hộ), a change of head.

Relations to the head are rewritten when the head changes, so that they stay true: when a son takes over from his
father, his wife becomes `vo`, his children `con`, his parents `bo` / `me`, his brothers and sisters `anh` / `chi` /
`em`.
"""
from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from app.demo.events import EventLog
from app.demo.households import Population
from app.demo.model import Home, Member
from app.domain.relations import Member as Kin
from app.domain.relations import relations_after_head_change
from app.registry import ChangeHead, MergeHouseholds, SplitHousehold


def _kin(m: Member) -> Kin:
    return Kin(m.row["id"], m.relation, m.sex, m.row["birth_date"])


def _family(home: Home, new_head: Member) -> tuple[str | None, tuple[str, ...]]:
    """The new head's spouse and children in the household (the generator knows who is whose)."""
    partner = new_head.spouse
    spouse = partner.row["id"] if partner is not None and partner.home is home and partner.active else None
    kids = tuple(m.row["id"] for m in home.members if new_head in (m.father, m.mother) and m.active)
    return spouse, kids


def _married_son(home: Home) -> Member | None:
    for m in home.active_members():
        if (m.relation == "con" and m.sex == "M" and m.spouse is not None and m.spouse.active
                and m.spouse.home is home and m.spouse.relation == "con_dau" and not m.touched
                and not m.spouse.touched):
            return m
    return None


class HouseholdChanges:
    def __init__(self, rng: random.Random, pop: Population, log: EventLog, start: date, today: date,
                 new_code: Callable[[], str]) -> None:
        self.rng, self.pop, self.log, self.start, self.today, self.new_code = rng, pop, log, start, today, new_code

    def day(self) -> date:
        return self.start + timedelta(days=self.rng.randrange((self.today - self.start).days))

    def _homes(self) -> list[Home]:
        return [h for h in self.pop.homes if h.row["status"] == "active" and not h.touched]

    def head_change(self, home: Home, new_head: Member, when: date, reason: str,
                    old_head: Member | None = None) -> None:
        old_head = old_head or home.head
        assert old_head is not None  # a household changing head has one
        spouse, kids = _family(home, new_head)
        members = home.active_members() + ([old_head] if old_head not in home.active_members() else [])
        relations = relations_after_head_change([_kin(m) for m in members], new_head.row["id"], old_head.row["id"],
                                                spouse_id=spouse, children=kids)
        for m in home.active_members():
            m.row["relation"] = relations[m.row["id"]]
        home.row["head_person_id"] = new_head.row["id"]
        home.touched = new_head.touched = True
        self.log.add("head_change", when, {"household_code": home.row["code"], "reason": reason},
                     [("old_head", old_head), ("new_head", new_head)], [("household", home)],
                     ChangeHead(household=home.row["code"], new_head=new_head.row["id"], date=when.isoformat(),
                                reason=reason, spouse=spouse, children=kids))

    def handovers(self, count: int) -> None:
        """An old head hands the household over to the married son living with him."""
        for home in self._homes():
            if count == 0:
                break
            head, son = home.head, _married_son(home)
            if head is None or son is None or head.touched or head.age(self.start) < 70:
                continue
            head.touched = True
            self.head_change(home, son, self.day(), "handover")
            count -= 1

    def splits(self, count: int) -> None:
        """A married son leaves his parents' household with his wife and children (tách hộ)."""
        rng = self.rng
        for home in self._homes():
            if count == 0:
                break
            son = _married_son(home)
            if son is None or len(home.active_members()) < 4:
                continue
            wife = son.spouse
            assert wife is not None  # a married son
            moving = [son, wife] + [m for m in home.active_members()
                                          if m.father is son and m.relation == "chau_noi" and not m.touched]
            hamlet = home.hamlet if rng.random() < 0.7 else rng.choice(self.pop.commune.hamlets)
            new = self.pop.new_home(home.ethnicity, hamlet)
            new.wealth = home.wealth
            new.row["code"] = self.new_code()
            new.row["related_household_id"] = home.row["id"]
            when = self.day()
            op = SplitHousehold(household=home.row["code"], members=tuple(m.row["id"] for m in moving),
                                new_head=son.row["id"], date=when.isoformat(), new_code=new.row["code"],
                                address=hamlet, spouse=wife.row["id"],
                                children=tuple(m.row["id"] for m in moving[2:]), household_id=new.row["id"])
            for m in moving:
                m.row["relation"] = {son: "chu_ho", wife: "vo"}.get(m, "con")
                new.add(m)
                m.touched = True
            new.row["head_person_id"] = son.row["id"]
            home.touched = new.touched = True
            self.log.add("split", when, {"from_household_code": home.row["code"],
                                         "new_household_code": new.row["code"], "members": len(moving)},
                         [("new_head", son)] + [("member", m) for m in moving[1:]],
                         [("from_household", home), ("new_household", new)], op)
            count -= 1

    def merges(self, count: int) -> None:
        """A widowed parent living alone joins a son's or daughter's household (nhập hộ)."""
        homes = self._homes()
        alone = [h for h in homes if len(h.active_members()) == 1 and h.members[0].age(self.start) >= 68]
        for old in alone:
            if count == 0:
                break
            elder = old.active_members()[0]
            target = next((h for h in homes if h is not old and not h.touched and h.hamlet == old.hamlet
                           and h.head is not None and 20 <= elder.age(self.start) - h.head.age(self.start) <= 42),
                          None)
            if target is None or elder.touched:
                continue
            when = self.day()
            elder.row["relation"] = "bo" if elder.sex == "M" else "me"
            target.add(elder)
            old.row.update(status="merged_into", status_date=when.isoformat(),
                           related_household_id=target.row["id"])
            elder.touched = old.touched = target.touched = True
            self.log.add("merge", when, {"from_household_code": old.row["code"],
                                         "into_household_code": target.row["code"]},
                         [("member", elder)], [("from_household", old), ("into_household", target)],
                         MergeHouseholds(source=old.row["code"], target=target.row["code"], date=when.isoformat(),
                                         relations={elder.row["id"]: elder.row["relation"]}))
            count -= 1
