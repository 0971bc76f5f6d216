"""Households and their members, as a commune's register holds them on the day the demo's events begin.

Household sizes follow the shape the province letters describe: about one household in eight has one person and
about one in twelve six or more; the mean is about 3.5. Members are coherent: one head per household, a spouse of a
plausible age, children born when their mother was 19–44, grandparents, married sons living with their parents.
The age pyramid that results is close to Vietnam's around 2024 (about 7–8 % under 6, about 8 % over 65).
"""
from __future__ import annotations

import random
from datetime import date, timedelta

from app.demo.commune import Commune
from app.demo.model import Home, Ids, Member, Weighted, birth_on, new_household_row
from app.demo.names import Namer
from app.domain.text import search_key

SIZES = Weighted((1, 2, 3, 4, 5, 6, 7, 8, 9), (0.118, 0.17, 0.205, 0.26, 0.162, 0.05, 0.021, 0.01, 0.004))
_ORIGINS = ("local", "province", "anywhere")
ORIGIN_WEIGHTS = {  # where a member's birth was registered
    "native": Weighted(_ORIGINS, (0.82, 0.14, 0.04)), "spouse": Weighted(_ORIGINS, (0.45, 0.45, 0.10)),
    "child": Weighted(_ORIGINS, (0.90, 0.08, 0.02)), "elder": Weighted(_ORIGINS, (0.85, 0.12, 0.03)),
}


def _precision(rng: random.Random, year: int) -> str:
    """Old records often hold only the year (or month and year) of birth."""
    r = rng.random()
    if year < 1950:
        return "year" if r < 0.35 else "month" if r < 0.40 else "day"
    if year < 1970:
        return "year" if r < 0.12 else "month" if r < 0.15 else "day"
    if year < 1985:
        return "year" if r < 0.03 else "day"
    return "day"


class Population:
    """Builds the base register: households in creation order, each with its members (head first)."""

    def __init__(self, rng: random.Random, ids: Ids, commune: Commune, namer: Namer, start: date) -> None:
        self.rng, self.ids, self.commune, self.namer, self.start = rng, ids, commune, namer, start
        profile = commune.profile
        pairs = [p.split(":") for p in profile["minority_groups"].split(";")]
        self._minorities = Weighted([code for code, _ in pairs], [float(w) for _, w in pairs])
        self._hamlets = Weighted(commune.hamlets, commune.hamlet_weights)
        self._keys: dict[str, str] = {}
        self._poor, self._near_poor = float(profile["poor"]), float(profile["near_poor"])
        self.homes: list[Home] = []

    # --- people --------------------------------------------------------------------------------------------------
    def person(self, home: Home | None, relation: str, sex: str, born: date, family: str, ethnicity: str,
               origin: str | Weighted[str], avoid: tuple[str, ...] = ()) -> Member:
        rng = self.rng
        year = born.year
        name = self.namer.full(family, sex, ethnicity, year, avoid)
        if isinstance(origin, Weighted):
            origin = origin.draw(rng)
        places = self.commune.places
        ref, style = places.pick(rng, born, origin)
        place, province = places.written(ref, style)
        iso = born.isoformat()
        precision = _precision(rng, year) if year < 1985 else "day"
        keys = self._keys
        name_key = keys.get(name) or self.key(name)
        row = {  # every column of PERSON_COLUMNS, in its order
            "id": self.ids(), "household_id": None, "full_name": name, "name_key": name_key,
            "birth_date": iso if precision == "day" else iso[:7] if precision == "month" else iso[:4],
            "birth_year": year, "sex": sex, "ethnicity_code": ethnicity, "nationality": "VN", "birth_place": place,
            "birth_place_key": keys.get(place) or self.key(place), "birth_province_code": province, "id_number": None,
            "id_kind": None, "bhxh_code": None, "relation": relation, "group_code": None, "card_number": None,
            "card_valid_from": None, "card_valid_to": None, "health_facility": None, "address": None,
            "phone": None, "status": "active", "status_date": None, "status_detail": None, "merged_into_id": None,
        }
        m = Member(row, born, (ref, style))
        if home is not None:
            home.add(m)
        return m

    def relocate(self, m: Member, origin: str) -> None:
        """Register m's birth somewhere else ("province" or "anywhere"): people who moved in."""
        places = self.commune.places
        ref, style = places.pick(self.rng, m.birth, origin)
        place = places.render(ref, style)
        m.place = (ref, style)
        m.row.update(birth_place=place, birth_place_key=self.key(place), birth_province_code=places.province_code(ref))

    def key(self, text: str) -> str:
        """search_key, remembered: names and places repeat a lot."""
        k = self._keys.get(text)
        if k is None:
            k = self._keys[text] = search_key(text)
        return k

    def new_home(self, ethnicity: str | None = None, hamlet: str | None = None) -> Home:
        rng = self.rng
        if ethnicity is None:
            ethnicity = "01"
            if rng.random() < self.commune.minority_share:
                ethnicity = self._minorities.draw(rng)
        if hamlet is None:
            hamlets = self.commune.hamlets
            if ethnicity != "01" and rng.random() < 0.7:  # minorities live together in a few hamlets
                hamlet = rng.choice(hamlets[:max(1, len(hamlets) // 3)])
            else:
                hamlet = self._hamlets.draw(rng)
        factor = 2.0 if ethnicity != "01" else 1.0
        r = rng.random()
        wealth = ("poor" if r < self._poor * factor else "near_poor" if r < (self._poor + self._near_poor) * factor
                  else "farm" if r < (self._poor + self._near_poor) * factor + 0.03 else "")
        home = Home(new_household_row(self.ids(), hamlet), hamlet, ethnicity, wealth)
        self.homes.append(home)
        return home

    def _spouse_ethnicity(self, ethnicity: str) -> str:
        return "01" if ethnicity != "01" and self.rng.random() < 0.1 else ethnicity

    def couple(self, home: Home, head_age: float, wife_head: bool = False, with_wife: bool = True,
               family: str | None = None) -> tuple[Member, Member | None]:
        """A husband and his wife (the wife's age a few years under his); either may be the head."""
        rng, eth = self.rng, home.ethnicity
        husband_age = head_age if not wife_head else head_age + rng.uniform(-1, 6)
        family = family or self.namer.family(eth, int(self.start.year - husband_age))
        husband = self.person(None, "chong" if wife_head else "chu_ho", "M", birth_on(rng, self.start, husband_age),
                              family, eth, ORIGIN_WEIGHTS["native"])
        wife = None
        if with_wife:
            wife_age = head_age if wife_head else max(18.0, husband_age - rng.uniform(-1, 6))
            w_eth = self._spouse_ethnicity(eth)
            wife = self.person(None, "chu_ho" if wife_head else "vo", "F", birth_on(rng, self.start, wife_age),
                               self.namer.family(w_eth, int(self.start.year - wife_age)), w_eth,
                               ORIGIN_WEIGHTS["spouse"])
            husband.spouse, wife.spouse = wife, husband
        for m in ((wife, husband) if wife_head else (husband, wife)):
            if m is not None:
                home.add(m)
        return husband, wife

    def kid_ages(self, mother_age: float, k: int) -> list[float]:
        """Ages of k children, oldest first, born when their mother was 19 to 44."""
        rng = self.rng
        lo, hi = max(0.0, mother_age - 44.0), mother_age - 19.0
        if hi <= 0:
            return []
        ages = [max(lo, hi - rng.uniform(0, min(9.0, hi - lo)))]
        for _ in range(k - 1):
            nxt = ages[-1] - rng.uniform(1.5, 4.5)
            if nxt < lo or nxt < 0:
                nxt = rng.uniform(lo, ages[-1]) if ages[-1] > lo else ages[-1]
            ages.append(nxt)
        return ages

    def children(self, home: Home, father: Member | None, mother: Member | None, k: int, relation: str = "con",
                 family: str | None = None) -> list[Member]:
        rng, eth = self.rng, home.ethnicity
        parent = mother or father
        if parent is None or k <= 0:
            return []
        mother_age = (self.start - parent.birth).days / 365.2425 - (0 if mother else rng.uniform(0, 5))
        family = family or (father.row["full_name"].split(" ")[0] if father
                            else self.namer.family(eth, parent.birth.year + 20))
        kids: list[Member] = []
        names: tuple[str, ...] = ()
        for age in self.kid_ages(mother_age, k):
            sex = "M" if rng.random() < 0.53 else "F"
            born = self.start - timedelta(days=int(age * 365.2425) + 1)
            kid = self.person(home, relation, sex, born, family, eth, ORIGIN_WEIGHTS["child"], names)
            kid.father, kid.mother = father, mother
            names += (kid.row["full_name"].rsplit(" ", 1)[-1],)
            kids.append(kid)
        return kids

    # --- households ----------------------------------------------------------------------------------------------
    def build(self, target: int) -> list[Home]:
        rng, total = self.rng, 0
        while total < target:
            size = min(SIZES.draw(rng), target - total)
            home = self.new_home()
            if size == 1:
                self._single(home)
            elif size == 2:
                self._pair(home)
            elif size <= 5:
                self._nuclear(home, size)
            else:
                self._extended(home, size)
            while len(home.members) > size:   # a type that came out larger than drawn: trim the youngest
                home.members.pop()
            while len(home.members) < size:   # or smaller: a relative lives with them
                self._relative(home)
            total += len(home.members)
        return self.homes

    def adult(self, home: Home, relation: str, sex: str, age: float, origin: str = "native",
              family: str | None = None) -> Member:
        born = birth_on(self.rng, self.start, age)
        family = family or self.namer.family(home.ethnicity, born.year)
        return self.person(home, relation, sex, born, family, home.ethnicity, ORIGIN_WEIGHTS[origin])

    def _single(self, home: Home) -> None:
        rng = self.rng
        if rng.random() < 0.55:  # a widow or widower
            self.adult(home, "chu_ho", "F" if rng.random() < 0.75 else "M", rng.triangular(60, 95, 70), "elder")
        else:
            self.adult(home, "chu_ho", "M" if rng.random() < 0.6 else "F", rng.uniform(20, 60))

    def _pair(self, home: Home) -> None:
        rng, r = self.rng, self.rng.random()
        if r < 0.45:
            self.couple(home, rng.triangular(56, 90, 64))
        elif r < 0.65:
            self.couple(home, rng.uniform(21, 34))
        elif r < 0.85:  # a widowed or divorced parent with a child
            if rng.random() < 0.75:
                self.children(home, None, self.adult(home, "chu_ho", "F", rng.uniform(25, 60)), 1)
            else:
                father, _ = self.couple(home, rng.uniform(25, 60), with_wife=False)
                self.children(home, father, None, 1)
        else:  # a grandparent raising a grandchild
            sex = "F" if rng.random() < 0.65 else "M"
            age = rng.uniform(55, 85)
            head = self.adult(home, "chu_ho", sex, age, "elder")
            relation = "chau_noi" if sex == "M" else rng.choice(("chau_noi", "chau_ngoai", "chau"))
            family = head.row["full_name"].split(" ")[0] if sex == "M" else None
            self.adult(home, relation, "M" if rng.random() < 0.53 else "F", rng.uniform(2, min(17.0, age - 40)),
                       "child", family)

    def _nuclear(self, home: Home, size: int) -> None:
        rng = self.rng
        grandparent = size == 5 and rng.random() < 0.2
        k = size - 2 - grandparent
        wife_head = rng.random() < 0.12
        with_wife = rng.random() > 0.05 or wife_head
        min_age = 20 + 2.5 * (k - 1)
        head_age = rng.triangular(min_age + 1, 67, 39)
        husband, wife = self.couple(home, head_age, wife_head, with_wife)
        if not with_wife:
            k += 1
        self.children(home, husband, wife, k)
        if grandparent:
            self._elder_parent(home, home.members[0])

    def _elder_parent(self, home: Home, of: Member) -> Member:
        rng = self.rng
        sex = "F" if rng.random() < 0.65 else "M"
        age = min(98.0, of.age(self.start) + rng.uniform(21, 40))
        born = birth_on(rng, self.start, age)
        family = of.row["full_name"].split(" ")[0] if sex == "M" else self.namer.family(home.ethnicity, born.year)
        return self.person(home, "bo" if sex == "M" else "me", sex, born, family, home.ethnicity,
                           ORIGIN_WEIGHTS["elder"])

    def _extended(self, home: Home, size: int) -> None:
        rng = self.rng
        if rng.random() < 0.55:  # the grandparents head the household; their married son lives with them
            widowed = rng.random() < 0.2
            grandpa, grandma = self.couple(home, rng.uniform(52, 78))
            assert grandma is not None  # a couple has a wife unless asked without
            if widowed:
                home.members.remove(grandpa)
                grandpa.home = None
                grandma.row["relation"], grandma.spouse = "chu_ho", None
            mother_age = (self.start - grandma.birth).days / 365.2425
            son_age = max(22.0, mother_age - rng.uniform(20, 32))
            son = self.person(home, "con", "M", birth_on(rng, self.start, son_age), grandpa.row["full_name"].split()[0],
                              home.ethnicity, ORIGIN_WEIGHTS["child"])
            son.father, son.mother = (None if widowed else grandpa), grandma
            dil_born = birth_on(rng, self.start, max(19.0, son_age - rng.uniform(-1, 5)))
            dil = self.person(home, "con_dau", "F", dil_born, self.namer.family(home.ethnicity, dil_born.year),
                              self._spouse_ethnicity(home.ethnicity), ORIGIN_WEIGHTS["spouse"])
            son.spouse, dil.spouse = dil, son
            self.children(home, son, dil, min(size - len(home.members), 4), "chau_noi")
            # the son's unmarried brothers and sisters
            self.children(home, None if widowed else grandpa, grandma, size - len(home.members),
                          family=son.row["full_name"].split(" ")[0])
        else:  # a couple heads it, with the husband's parents and their own children
            parents = 1 + (rng.random() < 0.5)
            k = size - 2 - parents
            husband, wife = self.couple(home, rng.uniform(30 + 2 * k, min(36 + 3 * k, 55)))
            self.children(home, husband, wife, k)
            for _ in range(parents):
                self._elder_parent(home, husband)

    def _relative(self, home: Home) -> None:
        """Fill a household that came out smaller than drawn: a niece, nephew or other relative."""
        rng = self.rng
        born = birth_on(rng, self.start, rng.uniform(8, 30))
        self.person(home, "khac", "M" if rng.random() < 0.5 else "F", born,
                    self.namer.family(home.ethnicity, born.year), home.ethnicity, ORIGIN_WEIGHTS["native"])
