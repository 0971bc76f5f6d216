"""Records -> numeric columns the blocking and the comparisons read in bulk (numpy arrays of codes and counts).

Names, dates and places repeat a lot, so each distinct value is normalised once and its codes are cached; the loop
over persons only looks them up. Every text is compared through `app.domain.text` keys (DOMAIN §7): `tone_key`
(diacritics kept, tone placement unified) and `search_key` (no diacritics, no case, no punctuation).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from app.domain import codes
from app.domain.text import has_vietnamese_marks, nfc, search_key, tone_key
from app.review.places import UNKNOWN, parse_place
from app.review.records import RecordTable


class Vocab(dict[str, int]):
    """Strings -> dense int codes (0, 1, 2 …) in order of first sight; `strings` lists them by code."""

    def __init__(self) -> None:
        super().__init__()
        self.strings: list[str] = []

    def code(self, s: str) -> int:
        c = self.get(s)
        if c is None:
            c = self[s] = len(self.strings)
            self.strings.append(s)
        return c

    def codes(self, values: Iterable[Any], *, empty: bool = False) -> list[int]:
        """The codes of many values at once, in order, as `code` on each (faster); a missing one (None or "") is -1,
        or with `empty` coded as well."""
        put = self.setdefault
        out = [put(s, len(self)) for s in values] if empty else [put(s, len(self)) if s else -1 for s in values]
        self.strings[len(self.strings):] = list(self)[len(self.strings):]
        return out


def _first_seen(values: Iterable[Any]) -> tuple[list[Any], np.ndarray]:
    """The distinct values in order of first sight, and each value's index among them."""
    seen: dict[Any, int] = {}
    put = seen.setdefault
    index = np.array([put(x, len(seen)) for x in values], dtype=np.int64)
    return list(seen), index


@dataclass
class Features:
    """One array per feature, index = person. Codes are -1 where the value is missing."""

    n: int
    name_t: np.ndarray      # full name, tone key
    name_s: np.ndarray      # full name, search key
    fam_s: np.ndarray
    mid_s: np.ndarray       # middle name(s) joined; code of "" when none
    giv_s: np.ndarray
    fam_t: np.ndarray
    mid_t: np.ndarray
    giv_t: np.ndarray
    famgiv: np.ndarray      # family + given (search)
    initials: np.ndarray    # first letters of every word (search)
    marked: np.ndarray      # bool: the name carries Vietnamese diacritics
    nwords: np.ndarray
    year: np.ndarray        # 0 when unknown
    month: np.ndarray
    day: np.ndarray
    sex: np.ndarray         # 0 unknown, 1 M, 2 F
    province: np.ndarray    # 2025 province of the birth registration, -1 unknown
    commune: np.ndarray     # 2025 commune, -1 unknown
    old_commune: np.ndarray
    district: np.ndarray    # pre-2025 district when the text names one (or its commune), -1 unknown
    place_key: np.ndarray   # the place text's search key, for text that could not be read
    place_style: np.ndarray  # 0 missing, 1 old, 2 new, 3 partial (no commune), 4 unread
    place_text: np.ndarray  # the place as written, letter for letter (a code per distinct text)
    cccd: np.ndarray        # int64, 0 when none (9-digit CMND kept apart)
    cmnd: np.ndarray
    bhxh: np.ndarray
    household: np.ndarray
    household_size: np.ndarray
    relation: np.ndarray    # code in `relations` vocab, -1 none
    anchored: np.ndarray    # bool: head or spouse of a household of two or more
    other: np.ndarray       # bool: listed as "Khác" (no family of the head: a lodger, an uncle, an in-law)
    vocab: dict[str, Vocab]

    def strings(self, kind: str) -> np.ndarray:
        """The distinct strings of a coded column, as an object array to index with codes (for rapidfuzz)."""
        arr = self._strings.get(kind)
        if arr is None:
            arr = self._strings[kind] = np.array(self.vocab[kind].strings + [""], dtype=object)
        return arr

    def name_s_rank(self) -> np.ndarray:
        """Each person's rank in the alphabetical order of full names (search keys)."""
        strings = self.vocab["name_s"].strings
        rank = np.empty(len(strings), np.int64)
        rank[np.argsort(np.array(strings, dtype=object))] = np.arange(len(strings))
        return rank[self.name_s] if self.n else np.zeros(0, np.int64)

    def __post_init__(self) -> None:
        self._strings: dict[str, np.ndarray] = {}


_STYLE = {"old": 1, "new": 2, "partial": 3, "unread": 4}

_Words = dict[str, tuple[list[str], list[str]]]   # a word -> (its tone keys, its search keys)
_PlaceCodes = tuple[int, int, int, int, int, int]  # province, commune, old commune, key, style, district


def _words(name: str, cache: _Words) -> tuple[list[str], list[str]]:
    """(tone keys, search keys) of a name's words; words repeat far more than names, so each is keyed once."""
    toned: list[str] = []
    bare: list[str] = []
    for raw in name.split(" "):
        keys = cache.get(raw)
        if keys is None:
            t = tone_key(raw).split()
            keys = cache[raw] = ([w for w in t if search_key(w)], [search_key(w) for w in t if search_key(w)])
        toned += keys[0]
        bare += keys[1]
    return toned, bare


# A name's keys, in the order of build_features's name columns: name_t, name_s, fam_s, mid_s, giv_s, fam_t, mid_t,
# giv_t, famgiv, initials (texts, coded per vocabulary after), marked, nwords.
_NAME_VOCABS = ("name_t", "name_s", "fam_s", "mid_s", "giv_s", "fam_t", "mid_t", "giv_t", "famgiv", "initials")


def _name_info(raw: object, cache: _Words) -> tuple[str, str, str, str, str, str, str, str, str, str, bool, int]:
    name = nfc(str(raw) if raw is not None else "")
    words_t, words_s = _words(name, cache) if name else ([], [])
    if not words_t:
        words_t = words_s = [""]
    if len(words_t) == 1:
        fam_t, mid_t, giv_t, fam_s, mid_s, giv_s = "", "", words_t[0], "", "", words_s[0]
    else:
        fam_t, giv_t, mid_t = words_t[0], words_t[-1], " ".join(words_t[1:-1])
        fam_s, giv_s, mid_s = words_s[0], words_s[-1], " ".join(words_s[1:-1])
    full_s = " ".join(words_s)
    return (" ".join(words_t), full_s, fam_s, mid_s, giv_s, fam_t, mid_t, giv_t, f"{fam_s} {giv_s}",
            "".join(w[:1] for w in words_s), has_vietnamese_marks(name), len(words_s) if full_s else 0)


def _date_info(raw: object) -> tuple[int, int, int]:
    text = str(raw or "").strip()
    try:
        parts = [int(p) for p in text.split("-")] if text else []
    except ValueError:
        return 0, 0, 0
    if not parts or not 1800 <= parts[0] <= 2300:
        return 0, 0, 0
    y, m, d = (parts + [0, 0])[:3]
    if not 0 <= m <= 12 or not 0 <= d <= 31:
        return y, 0, 0
    return y, m, (d if m else 0)


def _place_info(raw: object, province_code: object, v: dict[str, Vocab]) -> _PlaceCodes:
    text = nfc(str(raw)) if raw is not None else ""
    place = parse_place(text) if text else None
    province = place.province if place else UNKNOWN
    if province == UNKNOWN and province_code:
        new = codes.successor_province(str(province_code))
        province = int(new) if new else UNKNOWN
    key = v["place"].code(search_key(text)) if text else -1
    style = _STYLE[place.style] if place else 0
    commune = place.commune if place else UNKNOWN
    old = place.old_commune if place else UNKNOWN
    return province, commune, old, key, style, place.district if place else UNKNOWN


def _digits(raw: object, size: int) -> int:
    text = "".join(str(raw or "").split())
    return int(text) if len(text) == size and text.isascii() and text.isdigit() else 0


def _numbers(col: Sequence[object], size: int) -> np.ndarray:
    """Codes of `size` digits as integers (0 when absent or malformed); the stored form first, fast (digits only: of
    another length, 0 at once)."""
    return np.array([(int(x) if len(x) == size else 0) if type(x) is str and x.isdigit() and x.isascii()
                     else _digits(x, size) if x else 0 for x in col], dtype=np.int64)


def build_features(t: RecordTable) -> Features:
    """Each distinct name, date and place is read once; the rows get their codes by indexing (no tuple per row)."""
    n = len(t)
    v: dict[str, Vocab] = {k: Vocab() for k in ("name_t", "name_s", "fam_s", "mid_s", "giv_s", "fam_t", "mid_t",
                                                 "giv_t", "famgiv", "initials", "place", "household", "relation")}
    words: _Words = {}
    distinct, index = _first_seen(t.full_name)
    infos = [_name_info(raw, words) for raw in distinct]
    keys = list(zip(*infos)) if infos else [() for _ in range(12)]
    name_table = np.array([v[k].codes(keys[i], empty=True) for i, k in enumerate(_NAME_VOCABS)]
                          + [list(keys[10]), list(keys[11])], dtype=np.int64).reshape(12, len(distinct))
    name_cols = name_table[:, index] if n else np.zeros((12, 0), np.int64)

    distinct, index = _first_seen(t.birth_date)
    date_table = np.array([_date_info(d) for d in distinct], dtype=np.int32).reshape(len(distinct), 3).T
    date_cols = date_table[:, index] if n else np.zeros((3, 0), np.int32)

    distinct, index = _first_seen(zip(t.birth_place, t.birth_province_code))
    place_table = np.array([_place_info(place, prov, v) for place, prov in distinct],
                           dtype=np.int64).reshape(len(distinct), 6).T
    place_cols = place_table[:, index] if n else np.zeros((6, 0), np.int64)
    place_text = index.astype(np.int64) if n else np.zeros(0, np.int64)

    sex = np.array([1 if s == "M" else 2 if s == "F" else 0 for s in t.sex], dtype=np.int8)
    cccd, cmnd, bhxh = _numbers(t.id_number, 12), _numbers(t.id_number, 9), _numbers(t.bhxh_code, 10)
    hh = v["household"]
    household = np.array(hh.codes(t.household_id), dtype=np.int64)
    sizes = np.bincount(household[household >= 0], minlength=len(hh.strings)) if n else np.zeros(0, np.int64)
    household_size = np.where(household >= 0, sizes[np.maximum(household, 0)] if n else 0, 0)
    rel = v["relation"]
    relation = np.array(rel.codes(t.relation), dtype=np.int64)
    heads = np.array([rel.get(r, -2) for r in ("chu_ho", "vo", "chong")], dtype=np.int64)
    anchored = np.isin(relation, heads) & (household_size >= 2)
    other = relation == rel.get("khac", -2)

    c = name_cols
    return Features(
        n=n, name_t=c[0], name_s=c[1], fam_s=c[2], mid_s=c[3], giv_s=c[4], fam_t=c[5], mid_t=c[6], giv_t=c[7],
        famgiv=c[8], initials=c[9], marked=c[10].astype(bool), nwords=c[11],
        year=date_cols[0], month=date_cols[1], day=date_cols[2], sex=sex,
        province=place_cols[0], commune=place_cols[1], old_commune=place_cols[2], place_key=place_cols[3],
        place_style=place_cols[4], place_text=place_text, district=place_cols[5], cccd=cccd, cmnd=cmnd, bhxh=bhxh,
        household=household, household_size=household_size, relation=relation, anchored=anchored, other=other, vocab=v)


def counts(codes_: np.ndarray) -> np.ndarray:
    """For each element, how many elements share its code (codes >= 0; -1 counts 0). Sparse codes (a name code
    times 4096 plus a year) are counted by sorting, dense ones by bincount."""
    if codes_.size == 0:
        return codes_.copy()
    valid = codes_ >= 0
    if not valid.any():
        return np.zeros(codes_.size, np.int64)
    top = int(codes_.max())
    if top > 4 * codes_.size + 1024:
        _, inverse, n = np.unique(codes_[valid], return_inverse=True, return_counts=True)
        out = np.zeros(codes_.size, np.int64)
        out[valid] = n[inverse]
        return out
    bins = np.bincount(codes_[valid], minlength=top + 1)
    return np.where(valid, bins[np.maximum(codes_, 0)], 0)
