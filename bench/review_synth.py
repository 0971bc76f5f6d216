"""A synthetic register WITH ground truth, for the duplicate finder's quality and speed (tests and benchmarks).

Communes of the old province of Nam Định (merged into Ninh Bình in 2025, as in the province's letter), households
of realistic sizes and names (app.demo.names), dates known to the day, month or year, birth-registration places
written the old way, the new way, short, abbreviated or without the commune, CCCD numbers consistent with birth,
BHXH codes. Then, labelled:
- duplicates (`truth`): about 1 % of persons recorded a second time, each with one kind of variation (VARIATIONS),
  in another household, with a second BHXH code, none, or the same one, and the same CCCD or none;
- hard negatives (`negatives`): distinct persons who must not be paired — namesakes of one sex and year with another
  date, namesakes of one date born elsewhere, the same with one of them lacking the middle name, and twins.
Deterministic for (persons, seed).
"""
from __future__ import annotations

import csv
import random
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta

from app.demo.names import Namer, misspell, retone_name, strip_marks
from app.domain.text import search_key
from app.paths import resource
from app.review.records import ROW_FIELDS

TODAY = date(2026, 12, 1)
PROVINCE = "36"  # Nam Định (before 2025), now part of Ninh Bình
SIZES = ((1, 0.118), (2, 0.17), (3, 0.205), (4, 0.26), (5, 0.162), (6, 0.05), (7, 0.021), (8, 0.01), (9, 0.004))
VARIATIONS = ("exact", "typo1", "typo2", "typo_tone_vowel", "no_diacritics", "nfd", "case_spacing", "tone_placement",
              "middle_dropped", "middle_changed", "middle_added", "day_month_swapped", "year_only", "month_only",
              "place_style", "place_no_commune", "sex_missing", "sex_wrong", "two_variations")
NEGATIVES = ("namesake_year", "namesake_date_other_place", "namesake_date_no_middle_other_commune", "twins")
_ABBREV = {"Xã": "X.", "Phường": "P.", "Thị trấn": "TT.", "Huyện": "H.", "Quận": "Q.", "Thị xã": "TX.",
           "Thành phố": "TP.", "Tỉnh": "T."}
_TONES = ("\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
_I = {name: i for i, name in enumerate(ROW_FIELDS)}


@dataclass
class Synth:
    rows: list[list]                                        # ROW_FIELDS order
    truth: list[tuple[str, str, str]] = field(default_factory=list)      # (id, id, variation)
    negatives: list[tuple[str, str, str]] = field(default_factory=list)  # (id, id, kind)
    # distinct persons who agree on all 4 criteria (name up to diacritics and case, full date, sex, the same
    # commune of birth registration): the letter's definition of a duplicate, which no matcher can tell apart
    coincidences: list[tuple[str, str, str]] = field(default_factory=list)


def _rows(*parts: str) -> list[dict[str, str]]:
    with resource(*parts).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _prefix(name: str) -> tuple[str, str]:
    for p in sorted(_ABBREV, key=len, reverse=True):
        if name.startswith(p + " "):
            return p, name[len(p) + 1:]
    return "", name


class Places:
    def __init__(self) -> None:
        self.old = {r["commune_code"]: r for r in _rows("codes", "admin_units", "units_pre2025.csv")
                    if r["commune_code"]}
        new = {r["commune_code"]: r for r in _rows("codes", "admin_units", "units_2025.csv")}
        self.successor = {}
        for r in _rows("codes", "admin_units", "mapping_pre2025_to_2025.csv"):
            if r["share"] != "part" or r["old_commune_code"] not in self.successor:
                self.successor[r["old_commune_code"]] = new[r["new_commune_code"]]
        self.home = sorted(c for c, r in self.old.items() if r["province_code"] == PROVINCE and c in self.successor)
        self.all = sorted(c for c in self.old if c in self.successor)

    def render(self, code: str, style: str) -> str:
        u = self.old[code]
        if style == "new":
            n = self.successor[code]
            return f"{n['commune']}, {n['province']}"
        if style == "short":
            return ", ".join(_prefix(u[k])[1] for k in ("commune", "district", "province"))
        if style == "abbrev":
            return " - ".join(f"{_ABBREV.get(p, '')} {rest}".strip()
                              for p, rest in (_prefix(u[k]) for k in ("commune", "district", "province")))
        if style == "no_commune":
            return f"{u['district']}, {u['province']}"
        return f"{u['commune']}, {u['district']}, {u['province']}"


def _style(rng: random.Random) -> str:
    r = rng.random()
    return "old" if r < 0.68 else "new" if r < 0.80 else "short" if r < 0.88 else "abbrev" if r < 0.95 \
        else "no_commune"


def _precision(rng: random.Random, year: int) -> str:
    r = rng.random()
    if year < 1950:
        return "year" if r < 0.35 else "month" if r < 0.40 else "day"
    if year < 1970:
        return "year" if r < 0.12 else "month" if r < 0.15 else "day"
    return "year" if year < 1985 and r < 0.03 else "day"


class Generator:
    def __init__(self, persons: int, seed: int) -> None:
        self.rng = random.Random(f"review-synth:{seed}")
        self.namer = Namer(self.rng, "north")
        self.places = Places()
        self.persons, self.seed = persons, seed
        self.out = Synth([])
        self.codes: set[str] = set()
        self.serial = 0
        self.by_id: dict[str, list] = {}

    def _id(self) -> str:
        self.serial += 1
        return f"{self.seed:04d}-{self.serial:08d}"

    def _unique(self, make) -> str:
        while True:
            code = make()
            if code not in self.codes:
                self.codes.add(code)
                return code

    def person(self, hh: str, commune: str, place: str, relation: str, sex: str, born: date, family: str,
               given_avoid: tuple = ()) -> list:
        rng = self.rng
        name = self.namer.full(family, sex, "01", born.year, given_avoid)
        iso = born.isoformat()
        prec = _precision(rng, born.year)
        r = rng.random()
        origin = place if r < 0.85 else rng.choice(self.places.home) if r < 0.95 else rng.choice(self.places.all)
        style = "new" if born >= date(2025, 7, 1) else _style(rng)
        text = None if rng.random() < 0.02 else self.places.render(origin, style)
        prov = self.places.old[origin]["province_code"]
        age = (TODAY - born).days / 365.25
        id_number = None
        if age >= 14:
            r = rng.random()
            digit = (0 if sex == "M" else 1) + (2 if born.year >= 2000 else 0)
            if r < 0.85:
                id_number = self._unique(lambda: f"0{prov}{digit}{born.year % 100:02d}{rng.randrange(10**6):06d}")
            elif r < 0.90 and born.year < 1990:  # old 9-digit CMND, issued until the 2010s
                id_number = self._unique(lambda: f"{rng.randrange(10**8, 10**9)}")
        bhxh = self._unique(lambda: f"36{rng.randrange(10**8):08d}") if rng.random() < 0.92 else None
        row = [self._id(), hh, name, iso if prec == "day" else iso[:7] if prec == "month" else iso[:4],
               None if rng.random() < 0.005 else sex, text, prov, id_number, bhxh, relation, commune]
        row.append((origin, style))  # the truth about the place, dropped on output
        self.out.rows.append(row)
        self.by_id[row[0]] = row
        return row

    def birth(self, age: float) -> date:
        return TODAY - timedelta(days=int(age * 365.25) + self.rng.randrange(365))

    def household(self, commune: str, place: str, size: int) -> None:
        rng, hh = self.rng, f"h{self.seed}-{self.serial + 1}"
        head_age = rng.uniform(22, 85) if size == 1 else rng.uniform(26, 70)
        male = rng.random() < 0.75
        family = self.namer.family("01", TODAY.year - int(head_age))
        self.person(hh, commune, place, "chu_ho", "M" if male else "F", self.birth(head_age), family)
        if size == 1:
            return
        wife_age = max(19.0, head_age - rng.uniform(-1, 6))
        spouse_family = self.namer.family("01", TODAY.year - int(wife_age))
        self.person(hh, commune, place, "vo" if male else "chong", "F" if male else "M", self.birth(wife_age),
                    spouse_family)
        kid_family = family if male else spouse_family
        mother_age = wife_age if male else head_age
        kids, names = size - 2, ()
        lo, hi = max(0.0, mother_age - 44), mother_age - 19
        ages: list[float] = []
        if hi > 0:
            ages.append(rng.uniform(max(lo, hi - 10), hi))
            while len(ages) < kids and ages[-1] - 1.5 > lo and ages[-1] > 1.6:
                ages.append(ages[-1] - rng.uniform(1.5, min(5.0, ages[-1])))
        for k in range(kids):
            if k >= len(ages):  # no more children of plausible age: a parent of the head lives with them
                self.person(hh, commune, place, "me" if k % 2 else "bo", "F" if k % 2 else "M",
                            self.birth(min(95.0, head_age + rng.uniform(20, 30))), self.namer.family("01", 1940))
                continue
            sex = "M" if rng.random() < 0.52 else "F"
            prev = self.out.rows[-1]
            if k and rng.random() < 0.02 and len(prev[_I["birth_date"]]) == 10:
                born = date.fromisoformat(prev[_I["birth_date"]])  # twins: the same day, other given names
                twin = self.person(hh, commune, place, "con", sex, born, kid_family, names)
                twin[_I["birth_date"]] = born.isoformat()
                self.out.negatives.append((prev[0], twin[0], "twins"))
            else:
                self.person(hh, commune, place, "con", sex, self.birth(ages[k]), kid_family, names)
            names += (self.out.rows[-1][_I["full_name"]].rsplit(" ", 1)[-1],)

    def build(self) -> Synth:
        rng = self.rng
        communes = list(self.places.home)
        rng.shuffle(communes)
        n_communes = max(1, min(len(communes), round(self.persons / 9000)))
        target = int(self.persons * 0.985)
        weights = [s for s, _ in SIZES], [w for _, w in SIZES]
        while len(self.out.rows) < target:
            c = communes[len(self.out.rows) * n_communes // max(target, 1)]
            commune = self.places.successor[c]["commune_code"]
            self.household(commune, c, rng.choices(*weights)[0])
        plant = Planter(self)
        plant.negatives(int(self.persons * 0.002))
        plant.duplicates(self.persons - len(self.out.rows))
        self._coincidences()
        for row in self.out.rows:
            del row[-1]
        return self.out

    def _coincidences(self) -> None:
        groups: dict[tuple, list[str]] = {}
        for row in self.out.rows:
            if len(row[_I["birth_date"]]) == 10 and row[_I["birth_place"]] and row[-1][1] != "no_commune":
                key = (search_key(row[_I["full_name"]]), row[_I["birth_date"]], row[_I["sex"]],
                       self.places.successor[row[-1][0]]["commune_code"])
                groups.setdefault(key, []).append(row[0])
        truth = {frozenset(t[:2]) for t in self.out.truth}
        for ids in groups.values():
            for i, a in enumerate(ids):
                for b in ids[i + 1:]:
                    if frozenset((a, b)) not in truth:
                        self.out.coincidences.append((a, b, "coincidence_4_criteria"))


class Planter:
    def __init__(self, g: Generator) -> None:
        self.g, self.rng = g, g.rng
        self.used: set[str] = {i for t in g.out.negatives for i in t[:2]}

    def _pick(self, test) -> list | None:
        rows = self.g.out.rows
        for _ in range(200):
            row = rows[self.rng.randrange(len(rows))]
            if row[0] not in self.used and test(row):
                return row
        return None

    def negatives(self, count: int) -> None:
        g, rng, F = self.g, self.rng, _I
        by_key: dict[tuple, list[list]] = {}
        for row in g.out.rows:
            if len(row[F["birth_date"]]) == 10 and row[F["sex"]] and row[F["relation"]] in ("chu_ho", "vo", "chong"):
                by_key.setdefault((row[F["sex"]], row[F["birth_date"]][:4]), []).append(row)
        for k in range(count):
            kind = NEGATIVES[k % 3]
            a = self._pick(lambda r: len(r[F["birth_date"]]) == 10 and r[F["sex"]] and r[F["birth_place"]]
                           and r[F["relation"]] in ("chu_ho", "vo", "chong"))
            if a is None:
                continue
            pool = by_key.get((a[F["sex"]], a[F["birth_date"]][:4]), [])
            b = next((r for r in rng.sample(pool, min(len(pool), 30)) if r[0] not in self.used and r is not a
                      and r[F["birth_date"]] != a[F["birth_date"]] and r[F["birth_place"]]
                      and (kind == "namesake_year" or r[-1][0] != a[-1][0])
                      and r[F["household_id"]] != a[F["household_id"]]), None)
            if b is None:
                continue
            family, *middle, given = a[F["full_name"]].split(" ")
            b[F["full_name"]] = a[F["full_name"]]
            if kind != "namesake_year":
                b[F["birth_date"]] = a[F["birth_date"]]
            if kind == "namesake_date_no_middle_other_commune":
                if not middle:
                    continue
                b[F["full_name"]] = f"{family} {given}"
                other = rng.choice([c for c in g.places.home if c != a[-1][0]])
                b[-1] = (other, a[-1][1])
                b[F["birth_place"]] = g.places.render(other, a[-1][1])
                b[F["birth_province_code"]] = PROVINCE
            if kind == "namesake_date_other_place" and b[-1][0] == a[-1][0]:
                continue
            if b[F["id_number"]] and len(b[F["id_number"]]) == 12:  # the CCCD follows the new year of birth
                head = b[F["id_number"]][:4] + a[F["birth_date"]][2:4]
                b[F["id_number"]] = g._unique(lambda head=head: f"{head}{rng.randrange(10**6):06d}")
            self.used.update((a[0], b[0]))
            g.out.negatives.append((a[0], b[0], kind))

    def duplicates(self, count: int) -> None:
        g, rng, F = self.g, self.rng, _I
        homes = sorted({r[F["household_id"]] for r in g.out.rows})
        for k in range(count):
            kind = VARIATIONS[k % len(VARIATIONS)]
            for _ in range(50):
                src = self._pick(lambda r: True)
                if src is None:
                    break
                dup = list(src)
                kinds = rng.sample(("no_diacritics", "year_only", "place_style", "sex_missing", "case_spacing",
                                    "middle_dropped", "typo1", "day_month_swapped"), 2) \
                    if kind == "two_variations" else [kind]
                if all(self._vary(dup, v) for v in kinds) and dup[:-1] != src[:-1] or kind == "exact":
                    break
            else:
                continue
            if src is None:
                continue
            dup[0] = g._id()
            if rng.random() < 0.45:
                dup[F["household_id"]], dup[F["relation"]] = f"h{g.seed}-d{k}", "chu_ho"
            else:
                dup[F["household_id"]], dup[F["relation"]] = rng.choice(homes), "khac"
            r = rng.random()
            dup[F["bhxh_code"]] = g._unique(lambda: f"36{rng.randrange(10**8):08d}") if r < 0.5 else \
                None if r < 0.75 else src[F["bhxh_code"]]
            if rng.random() < 0.6:
                dup[F["id_number"]] = None
            self.used.update((src[0], dup[0]))
            g.out.rows.append(dup)
            g.out.truth.append((src[0], dup[0], kind))

    def _vary(self, row: list, kind: str) -> bool:
        """Change one field the way real duplicates differ; False when this record cannot carry the change."""
        rng, F, g = self.rng, _I, self.g
        name, born = row[F["full_name"]], row[F["birth_date"]]
        words = name.split()
        if kind in ("typo1", "typo2"):
            row[F["full_name"]] = misspell(rng, " ".join(words), 1 if kind == "typo1" else 2)
        elif kind == "typo_tone_vowel":
            spots = [i for i, w in enumerate(words) if any(t in unicodedata.normalize("NFD", w) for t in _TONES)]
            if not spots:
                return False
            i = rng.choice(spots)
            nfd = unicodedata.normalize("NFD", words[i])
            j = next(k for k, ch in enumerate(nfd) if ch in _TONES)
            r = rng.random()
            if r < 0.4:    # another tone on the vowel
                nfd = nfd[:j] + rng.choice([t for t in _TONES if t != nfd[j]]) + nfd[j + 1:]
            elif r < 0.7:  # the tone lost
                nfd = nfd[:j] + nfd[j + 1:]
            else:          # the marked vowel lost (with its marks)
                start = j
                while start > 0 and unicodedata.combining(nfd[start - 1]):
                    start -= 1
                start -= 1
                end = j + 1
                while end < len(nfd) and unicodedata.combining(nfd[end]):
                    end += 1
                if start <= 0:
                    return False
                nfd = nfd[:start] + nfd[end:]
            words[i] = unicodedata.normalize("NFC", nfd)
            row[F["full_name"]] = " ".join(words)
        elif kind == "no_diacritics":
            row[F["full_name"]] = strip_marks(name)
        elif kind == "nfd":
            row[F["full_name"]] = unicodedata.normalize("NFD", name)
        elif kind == "case_spacing":
            r = rng.random()
            row[F["full_name"]] = name.upper() if r < 0.5 else name.lower() if r < 0.7 else \
                "  ".join(words) + " "
        elif kind == "tone_placement":
            row[F["full_name"]] = retone_name(name)
        elif kind == "middle_dropped":
            if len(words) < 3:
                return False
            row[F["full_name"]] = " ".join(words[:1] + words[2:])
        elif kind == "middle_changed":
            if len(words) < 3:
                return False
            sex = row[F["sex"]] or "M"
            other = g.namer.middle(sex, "01", 1990)
            if not other or other == words[1]:
                return False
            row[F["full_name"]] = " ".join(words[:1] + [other] + words[2:])
        elif kind == "middle_added":
            extra = g.namer.middle(row[F["sex"]] or "F", "01", 1990)
            if not extra or extra in words:
                return False
            row[F["full_name"]] = " ".join(words[:-1] + [extra] + words[-1:])
        elif kind in ("day_month_swapped", "year_only", "month_only"):
            if len(born) != 10:
                return False
            if kind == "day_month_swapped":
                if int(born[8:]) > 12 or born[5:7] == born[8:]:
                    return False
                row[F["birth_date"]] = f"{born[:4]}-{born[8:]}-{born[5:7]}"
            else:
                row[F["birth_date"]] = born[:4] if kind == "year_only" else born[:7]
        elif kind in ("place_style", "place_no_commune"):
            origin, style = row[-1]
            if not row[F["birth_place"]] or style == "no_commune":
                return False
            if kind == "place_no_commune":
                row[F["birth_place"]] = g.places.render(origin, "no_commune")
            else:
                others = [s for s in ("old", "new", "short", "abbrev") if s != style]
                row[F["birth_place"]] = g.places.render(origin, rng.choice(others))
        elif kind == "sex_missing":
            if not row[F["sex"]]:
                return False
            row[F["sex"]] = None
        elif kind == "sex_wrong":
            if not row[F["sex"]]:
                return False
            row[F["sex"]] = "F" if row[F["sex"]] == "M" else "M"
        return True


def generate(persons: int, seed: int) -> Synth:
    """A register of about `persons` records (duplicates included) with its ground truth."""
    return Generator(persons, seed).build()
