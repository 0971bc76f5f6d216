"""Vietnamese names for invented people, drawn with the frequencies of resources/demo/names.csv.

Family name first, then the middle name(s), then the given name. Names change with the generation (Văn and Thị
were far more usual before 1980) and, for some ethnic groups, have their own tables.
"""
from __future__ import annotations

import random
import unicodedata
from bisect import bisect_right
from functools import cache
from typing import Any

from app.demo.model import Weighted
from app.domain.syllables import retone
from app.paths import table

YOUNG_FROM = 1980  # born in or after this year: the `w_young` weights


class _Table:
    __slots__ = ("old", "young")

    def __init__(self, rows: list[tuple[str, float, float]]) -> None:
        self.old = Weighted([r[0] for r in rows], [r[1] for r in rows])
        self.young = Weighted([r[0] for r in rows], [r[2] for r in rows])

    def draw(self, rng: random.Random, year: int) -> str:
        return (self.young if year >= YOUNG_FROM else self.old).draw(rng)


@cache
def _tables() -> dict[tuple[str, str, str], list[tuple[str, float, float]]]:
    out: dict[tuple[str, str, str], list[tuple[str, float, float]]] = {}
    for r in table("demo", "names.csv"):
        out.setdefault((r["kind"], r["sex"], r["group"]), []).append(
            (r["name"], float(r["w_old"]), float(r["w_young"])))
    return out


class Namer:
    """Draws names for one commune (its region decides the north/south family-name split)."""

    def __init__(self, rng: random.Random, region: str) -> None:
        self.rng = rng
        raw = _tables()
        self._cache: dict[tuple[str, str, str], _Table] = {}
        self._full: dict[tuple[str, str, bool], tuple[Any, ...]] = {}
        family = raw[("family", "", "")] + raw.get(("family", "", region), [])
        self._family_kinh = _Table(family)
        self._raw = raw

    def _table(self, kind: str, sex: str, ethnicity: str) -> _Table:
        key = (kind, sex, ethnicity)
        table = self._cache.get(key)
        if table is None:
            rows = self._raw.get(key) or self._raw[(kind, sex, "")]
            table = self._cache[key] = _Table(rows)
        return table

    def family(self, ethnicity: str, year: int) -> str:
        if ethnicity == "01" or ("family", "", ethnicity) not in self._raw:
            return self._family_kinh.draw(self.rng, year)
        return self._table("family", "", ethnicity).draw(self.rng, year)

    def _tables_for(self, sex: str, ethnicity: str, year: int) -> tuple[Any, ...]:
        key = (sex, ethnicity, year >= YOUNG_FROM)
        tables = self._full.get(key)
        if tables is None:
            young = key[2]
            mid, giv = self._table("middle", sex, ethnicity), self._table("given", sex, ethnicity)
            tables = self._full[key] = (mid.young if young else mid.old, giv.young if young else giv.old,
                                        (0.10 if young else 0.04) if ethnicity == "01" else 0.0)
        return tables

    def middle(self, sex: str, ethnicity: str, year: int) -> str:
        middles, _, two = self._tables_for(sex, ethnicity, year)
        rng = self.rng
        first: str = middles.items[bisect_right(middles.cum, rng.random() * middles.total)]
        # Some people carry two middle names ("Nguyễn Thị Thu Hà", "Trần Ngọc Bảo Anh").
        if first and rng.random() < two:
            second = self._table("middle", sex, "").draw(rng, max(year, YOUNG_FROM))
            if second not in ("Văn", "Thị", first):
                return f"{first} {second}"
        return first

    def given(self, sex: str, ethnicity: str, year: int, avoid: tuple[str, ...] = ()) -> str:
        _, givens, _ = self._tables_for(sex, ethnicity, year)
        rng = self.rng
        name: str = givens.items[bisect_right(givens.cum, rng.random() * givens.total)]
        for _ in range(3):  # siblings do not share a given name
            if name not in avoid:
                break
            name = givens.items[bisect_right(givens.cum, rng.random() * givens.total)]
        return name

    def full(self, family: str, sex: str, ethnicity: str, year: int, avoid: tuple[str, ...] = ()) -> str:
        middle = self.middle(sex, ethnicity, year)
        given = self.given(sex, ethnicity, year, avoid)
        return f"{family} {middle} {given}" if middle else f"{family} {given}"


# --- the ways a name gets mistyped or rewritten (planted findings and corrections) --------------------------------

_NEIGHBOURS = {  # keys next to each other on a QWERTY keyboard, and letters confused when typing Vietnamese
    "a": "sq", "b": "vn", "c": "xv", "d": "sf", "e": "wr", "g": "hf", "h": "gn", "i": "uo", "k": "jl", "l": "k",
    "m": "n", "n": "mh", "o": "ip", "p": "o", "q": "w", "r": "te", "s": "ad", "t": "ry", "u": "yi", "v": "cb",
    "x": "cz", "y": "tu",
}


def typo(rng: random.Random, word: str) -> str:
    """One slip of the keyboard in a word: a neighbouring key, a lost letter, two letters swapped."""
    spots = [i for i, ch in enumerate(word) if ch.lower() in _NEIGHBOURS and i > 0]
    if not spots:
        return word + word[-1]
    i = rng.choice(spots)
    kind = rng.random()
    if kind < 0.5:
        return word[:i] + rng.choice(_NEIGHBOURS[word[i].lower()]) + word[i + 1:]
    if kind < 0.8 and len(word) > 2:
        return word[:i] + word[i + 1:]
    j = i - 1 if i == len(word) - 1 and i > 1 else i  # two letters swapped, never the first one
    if j + 1 >= len(word):
        return word[:i] + word[i] + word[i:]
    swapped = word[:j] + word[j + 1] + word[j] + word[j + 2:]
    return swapped if swapped != word else word[:i] + word[i] + word[i:]


def misspell(rng: random.Random, full_name: str, edits: int = 1) -> str:
    """The name with 1 or 2 typing slips, mostly in the given name (the first letter of each word kept)."""
    words = full_name.split(" ")
    for _ in range(edits):
        k = len(words) - 1 if rng.random() < 0.7 or len(words) == 1 else rng.randrange(len(words) - 1)
        words[k] = typo(rng, words[k])
    return " ".join(words)


def strip_marks(text: str) -> str:
    """Vietnamese without its diacritics, case kept: "Nguyễn Văn Đức" -> "Nguyen Van Duc"."""
    bare = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return bare.replace("đ", "d").replace("Đ", "D")


def retone_name(full_name: str) -> str:
    """The other tone-placement convention where a word has one ("Hòa" <-> "Hoà", "Thủy" <-> "Thuỷ")."""
    out = []
    for word in full_name.split(" "):
        low = word.lower()
        alt = retone(low, "new")
        if alt == low:
            alt = retone(low, "old")
        out.append(alt[:1].upper() + alt[1:] if word[:1].isupper() else alt)
    return " ".join(out)
