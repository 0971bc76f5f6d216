"""What the review must find, planted on purpose and listed (DOMAIN §3): about 1–2 % of the people are involved.

Each finding is {"kind", "variant", "person_ids", "household_ids"}. Kinds: `duplicate` (the same person twice, the
second record differing the way real duplicates do — see VARIANTS), `split_off_member`, `merged_households`,
`cccd_wrong_digit`, `card_bhxh_mismatch`, `missing_bhxh_code`, `distinct_namesakes` (two different people who must
NOT be paired), and the ones that occur by themselves and are listed too: `te_turning_72_months`, `old_cmnd`,
`inactive_with_valid_card`.
"""
from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import chain, islice
from typing import Any

from app.demo.cards import Issuer
from app.demo.commune import NEW, OLD
from app.demo.households import Population
from app.demo.model import Home, Member
from app.demo.names import misspell, retone_name, strip_marks
from app.domain.te_card import add_months

VARIANTS = ("typo", "no_diacritics", "dropped_middle_name", "year_only_date", "nfd_text", "all_caps",
            "day_month_swapped", "birthplace_old_new", "tone_placement")


@dataclass
class Quota:
    duplicates_per_variant: int
    split_offs: int
    merged: int
    wrong_cccd: int
    card_mismatch: int
    missing_bhxh: int
    namesakes: int

    @property
    def new_persons(self) -> int:
        return self.duplicates_per_variant * len(VARIANTS)


def quota(persons: int) -> Quota:
    def n(per_thousand: float) -> int:
        return max(1 if persons >= 300 else 0, round(persons * per_thousand / 1000))

    return Quota(n(0.6), n(0.4), n(0.15), n(0.8), n(0.4), n(1.5), n(0.4))


def finding(kind: str, persons: Iterable[Member] = (), homes: Iterable[Home] = (), variant: str | None = None
            ) -> dict[str, Any]:
    return {"kind": kind, "variant": variant, "person_ids": [m.row["id"] for m in persons],
            "household_ids": [h.row["id"] for h in homes]}


class Planter:
    def __init__(self, rng: random.Random, pop: Population, issuer: Issuer, today: date, new_code: Callable[[], str]) -> None:
        self.rng, self.pop, self.issuer, self.today, self.new_code = rng, pop, issuer, today, new_code
        self.findings: list[dict[str, Any]] = []
        self._order: list[Member] | None = None

    def _people(self, test: Callable[[Member], bool] = lambda m: True) -> Iterator[Member]:
        """Active people not yet used, in one random order (shuffled once), lazily: callers take a few."""
        if self._order is None:
            self._order = [m for h in self.pop.homes for m in h.members]
            self.rng.shuffle(self._order)
        return (m for m in self._order if not m.touched and m.row["status"] == "active"
                and m.household.row["status"] == "active" and test(m))

    def _homes(self, test: Callable[[Home], bool]) -> list[Home]:
        return [h for h in self.pop.homes if h.row["status"] == "active" and not h.touched and test(h)]

    def _small_homes_in(self, hamlet: str) -> list[Home]:
        return self._homes(lambda h: 3 <= len(h.members) <= 5 and h.hamlet == hamlet)

    # --- before household codes are given: two households entered as one -----------------------------------------
    def merged_households(self, count: int) -> None:
        rng = self.rng
        bigs = self._homes(lambda h: 4 <= len(h.members) <= 5)
        rng.shuffle(bigs)
        for a in bigs[:count]:
            if a.touched:
                continue
            b = next((h for h in self._small_homes_in(a.hamlet)
                      if h is not a and 8 <= len(a.members) + len(h.members) <= 10), None)
            if b is None:
                continue
            moved = list(b.members)
            for m in moved:
                m.row["relation"] = "khac"  # the clerk listed the other family under this head
                a.add(m)
                m.touched = True
            self.pop.homes.remove(b)
            a.touched = True
            for m in a.members:
                m.touched = True
            self.findings.append(finding("merged_households", moved, [a]))

    # --- the same person twice ---------------------------------------------------------------------------------------
    def _variant(self, m: Member, variant: str) -> tuple[str, str, tuple[Any, ...] | None] | None:
        """(name, birth date, place) of the second record, or None when m cannot carry this variant."""
        rng, row = self.rng, m.row
        name, born, place = row["full_name"], row["birth_date"], m.place
        if variant == "typo":
            name = misspell(rng, name, 1 if rng.random() < 0.7 else 2)
        elif variant == "no_diacritics":
            name = strip_marks(name)
        elif variant == "dropped_middle_name":
            words = name.split(" ")
            if len(words) < 3:
                return None
            name = " ".join(words[:1] + words[2:]) if len(words) > 3 else f"{words[0]} {words[-1]}"
        elif variant == "year_only_date":
            born = born[:4]
        elif variant == "nfd_text":
            name = unicodedata.normalize("NFD", name)
        elif variant == "all_caps":
            name = name.upper()
        elif variant == "day_month_swapped":
            if len(born) != 10 or int(born[8:]) > 12 or born[5:7] == born[8:]:
                return None
            born = f"{born[:4]}-{born[8:]}-{born[5:7]}"
            if born > self.today.isoformat():
                return None
        elif variant == "birthplace_old_new":
            assert place is not None  # the variant is planted on members with a birth place
            ref, style = place
            if ref[0] != "old":
                return None
            place = (ref, OLD if style == NEW else NEW)
        elif variant == "tone_placement":
            name = retone_name(name)
        if (name, born, place) == (row["full_name"], row["birth_date"], m.place):
            return None
        return name, born, place

    def duplicates(self, per_variant: int) -> None:
        rng, issuer, pop = self.rng, self.issuer, self.pop
        homes = self._homes(lambda h: len(h.members) >= 2)
        need = dict.fromkeys(VARIANTS, per_variant)
        turn = 0
        for m in self._people():
            if not any(need.values()):
                break
            turn += 1
            for k in range(len(VARIANTS)):  # each person tries the variants in turn, so that all get made
                variant = VARIANTS[(turn + k) % len(VARIANTS)]
                changed = self._variant(m, variant) if need[variant] else None
                if changed is not None:
                    need[variant] -= 1
                    break
            else:
                continue
            name, born, place = changed
            assert place is not None  # a generated member has a birth place
            row = dict(m.row, id=pop.ids(), full_name=name, name_key=pop.key(name), birth_date=born,
                       phone=None, id_number=None, id_kind=None)
            text = pop.commune.places.render(*place)
            row.update(birth_place=text, birth_place_key=pop.key(text))
            if m.row["id_kind"] == "cccd" and rng.random() < 0.4:
                row["id_number"], row["id_kind"] = m.row["id_number"], "cccd"
            dup = Member(row, m.birth, place)
            if rng.random() < 0.4 or not homes:
                home = pop.new_home(m.household.ethnicity)
                home.row["code"] = self.new_code()
                row["relation"] = "chu_ho"
            else:
                home = rng.choice(homes)
                head = home.head
                old_enough = head is not None and head.age(self.today) - m.age(self.today) >= 38
                row["relation"] = "chau" if m.age(self.today) < 18 and old_enough else "khac"
            home.add(dup)
            r = rng.random()
            if r < 0.5:
                row["bhxh_code"] = issuer.bhxh(issuer.bhxh_prefix(m))
                issuer.issue(dup, issuer.group_for(dup, home, self.today))
            elif r < 0.75:
                row["bhxh_code"] = None
                issuer.issue(dup, None)
            m.touched = dup.touched = True
            self.findings.append(finding("duplicate", [m, dup], [m.household, home], variant))

    # --- one-person households that are a member split off by mistake ---------------------------------------------
    def split_offs(self, count: int) -> None:
        people = self._people(lambda m: m.relation == "con" and m.spouse is None and m.age(self.today) >= 18
                              and not m.household.touched and len(m.household.active_members()) >= 3)
        for m in people:
            if count == 0:
                break
            if m.household.touched:  # a brother or sister already left this household
                continue
            count -= 1
            old = m.household
            home = self.pop.new_home(old.ethnicity, old.hamlet)
            home.row["code"] = self.new_code()
            m.row["relation"] = "chu_ho"
            home.add(m)
            m.touched = old.touched = home.touched = True
            self.findings.append(finding("split_off_member", [m], [home, old]))

    # --- numbers that contradict the person ------------------------------------------------------------------------
    def wrong_cccd(self, count: int) -> None:
        people = self._people(lambda m: m.row["id_kind"] == "cccd" and m.age(self.today) >= 14)
        for i, m in enumerate(islice(people, count)):
            number = m.row["id_number"]
            if i % 2 == 0:
                variant, wrong = "sex_digit", f"{number[:3]}{int(number[3]) ^ 1}{number[4:]}"
            else:
                variant = "year_digit"
                wrong = f"{number[:5]}{(int(number[5]) + self.rng.randint(1, 9)) % 10}{number[6:]}"
            if wrong in self.issuer.cccd_used:
                continue
            self.issuer.cccd_used.add(wrong)
            m.row["id_number"] = wrong
            m.touched = True
            self.findings.append(finding("cccd_wrong_digit", [m], [m.household], variant))

    def card_mismatch(self, count: int) -> None:
        for m in islice(self._people(lambda m: m.row["card_number"] is not None), count):
            card = m.row["card_number"]
            i = self.rng.randrange(7, 15)
            m.row["card_number"] = f"{card[:i]}{(int(card[i]) + self.rng.randint(1, 9)) % 10}{card[i + 1:]}"
            m.touched = True
            self.findings.append(finding("card_bhxh_mismatch", [m], [m.household]))

    def missing_bhxh(self, count: int) -> None:
        people = chain(self._people(lambda m: m.row["card_number"] is None and m.row["bhxh_code"]),
                       self._people(lambda m: m.row["group_code"] == "GD"))
        for m in islice(people, count):
            m.row["bhxh_code"] = None
            self.issuer.issue(m, None)
            m.touched = True
            self.findings.append(finding("missing_bhxh_code", [m], [m.household]))

    # --- two different people with one name -----------------------------------------------------------------------
    def namesakes(self, count: int) -> None:
        buckets: dict[tuple[Any, ...], list[Member]] = {}
        common = list(islice(self._people(lambda m: m.row["full_name"].split(" ", 1)[0] in ("Nguyễn", "Trần", "Lê")
                                          and m.age(self.today) >= 18), 20000))  # enough to find the pairs
        for m in common:
            buckets.setdefault((m.row["full_name"].split(" ")[0], m.sex, m.birth.year), []).append(m)
        made = 0
        for a in common:
            if made == count:
                break
            same_date = made % 2 == 1 and len(a.row["birth_date"]) == 10
            b = next((b for b in buckets[(a.row["full_name"].split(" ")[0], a.sex, a.birth.year)]
                      if not b.touched and b.home is not a.home and b is not a and b.birth != a.birth
                      and b.row["birth_date"] != a.row["birth_date"]
                      and b.row["birth_province_code"] != a.row["birth_province_code"]
                      and (not same_date or len(b.row["birth_date"]) == 10)), None)
            if b is None or a.touched:
                continue
            b.row.update(full_name=a.row["full_name"], name_key=a.row["name_key"])
            if same_date:
                b.row["birth_date"], b.birth = a.row["birth_date"], a.birth
            a.touched = b.touched = True
            self.findings.append(finding("distinct_namesakes", [a, b], [a.household, b.household],
                                         "same_name_and_date" if same_date else "same_name_and_year"))
            made += 1

    # --- findings that occur by themselves --------------------------------------------------------------------------
    def natural(self) -> None:
        soon, today, recent = add_months(self.today, 3), self.today.isoformat(), str(self.today.year - 7)
        for h in self.pop.homes:
            for m in h.members:
                row = m.row
                born = row["birth_date"]  # what the review reads, not the generator's truth
                if (m.active and born > recent and len(born) == 10
                        and self.today < add_months(date.fromisoformat(born), 72) <= soon):
                    self.findings.append(finding("te_turning_72_months", [m], [h]))
                if m.active and row["id_kind"] == "cmnd":
                    self.findings.append(finding("old_cmnd", [m], [h]))
                if not m.active and (row["card_valid_to"] or "") >= today:
                    self.findings.append(finding("inactive_with_valid_card", [m], [h]))
