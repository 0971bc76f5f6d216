"""Comparisons of candidate pairs, in bulk: each field gives a level per pair and a weight (log2 of a Bayes factor).

The model is Fellegi–Sunter's, declared as the tables below: a level's weight is log2(m/u) where m, the chance of
the level for two records of one person, is set from how registers are typed (DOMAIN §3, §7), and u, its chance for
two different persons, is measured on the register itself — how many records share this name, this date, this
commune (term frequencies: "Nguyễn Thị Lan" agreeing counts less than a rare name). Where the two records sit in
their households, and whether one commune is written letter for letter alike, are measured whole (m too) on the
register's own pairs: home_weights, text_weights. No labels are needed.

Weights add up with the prior log2(2r/N) (r: the share of persons recorded twice, DUPLICATE_RATE, then as measured
on the register: rate_shift) to the pair's log-odds; `matcher` turns them into decisions. Vetoes (a different CCCD,
twins) remove a pair whatever its weight.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import OSA, Indel

from app.review.levels import (
    CODE_MISSING,
    CODE_OTHER,
    CODE_SAME,
    DATE_MISSING,
    DATE_MONTH,
    DATE_OTHER,
    DATE_OTHER_YEAR,
    DATE_SAME,
    DATE_SWAPPED,
    DATE_YEAR,
    GIVEN_DIFFERS,
    HOME_ALONE,
    HOME_ANCHORED,
    HOME_NONE,
    HOME_OTHER,
    MIDDLE_CHANGED,
    MIDDLE_DROPPED,
    NAME_MARKS,
    NAME_NO_MARKS,
    NAME_OTHER,
    NAME_SAME,
    PLACE_MISSING,
    PLACE_NO_COMMUNE,
    PLACE_OTHER_COMMUNE,
    PLACE_OTHER_PROVINCE,
    PLACE_SAME,
    PLACE_SAME_TEXT,
    SEX_MISSING,
    SEX_OTHER,
    SEX_SAME,
    TEXT_ALIKE,
    TEXT_NONE,
    TEXT_OTHERWISE,
    TYPO1,
    TYPO2,
)
from app.review.normalise import Features, counts
from app.review.places import commune_districts

DUPLICATE_RATE = 0.02   # prior: about 2 persons in 100 recorded twice (Nam Định: 40,000 of ~1.8 million)
# ... then measured on the register (rate_shift): a commune that cleaned its register has fewer, and each pair there is
# less likely a duplicate. A register weighs as many persons as it has against RATE_PRIOR_PERSONS at the prior.
RATE_PRIOR_PERSONS = 10_000
RATE_MIN, RATE_MAX = 0.001, 0.2

# Name levels, best first. ADJ: log2(m / c), c being the level's chance for two persons of the same name frequency.
NAME_ADJ = np.array([0.0, -0.5, -1.5, -1.0, -4.5, -2.0, -4.0, -9.0, -9.0])
# Date levels
DATE_ADJ = np.array([-0.2, -4.0, -0.7, -0.7, 0.0, -6.0, -10.0])
# A date known only to the year (or month) is usual for the old, rare for the young: its u is measured per birth year
# (the share of partial dates that year); its m, when one record has the full date, is the chance that a second
# record was typed sloppily, measured on the pairs one person by their codes (PARTIAL_SLIP: the guess before them).
PARTIAL_SLIP = 0.02
# Sex levels
SEX_W = np.array([0.3, 0.0, -1.5])  # small when the names agree: they already tell the sex (Văn, Thị)
SEX_OTHER_NAMES_DIFFER = -4.0        # two names that differ and two sexes: two persons
# Birthplace levels
PLACE_ADJ = np.array([-0.2, -0.5, -2.0, 0.0, -15.0, -17.0])  # another place: not the same person (§3)
# Codes
CMND_OTHER_W = -5.0
BHXH_OTHER_W = -1.0    # a second BHXH code is what a duplicate usually has (one person, two codes: letter 001)
# Where the two records sit (HOME_* levels): one of them listed as "Khác" in another household (a lodger or a
# relative, usually also registered where they live), one of them alone in a one-person household (a member split off
# by mistake or a person listed twice, DOMAIN §3), both at the centre of a family in two households (head or spouse
# with others around them: a person recorded twice is rarely both), or none of these. The weights are measured on the
# register's own candidate pairs (home_weights): m on the pairs sure to be one person by everything else, u on those
# sure to be two. HOME_PRIOR_M (a guess) and the shares of such records weigh as HOME_PRIOR_PAIRS pairs each, so that
# a small register stays near the guess.
HOME_PRIOR_M = np.array([0.62, 0.30, 0.05, 0.03])
HOME_PRIOR_PAIRS = 30.0
HOME_SURE_BITS = 6.0        # a pair from here up (before its home level) counts for m
HOME_DISTINCT_BITS = -12.0  # a pair from here down (or vetoed) counts for u
HOME_MIN_W, HOME_MAX_W = -5.0, 3.0
# The same commune written letter for letter alike (TEXT_* levels): a record typed twice from one paper, or copied,
# keeps its text; two persons of one commune write it alike as often as the commune's ways of writing it allow (u,
# measured per commune). m is measured as home's is, on the register's pairs sure by everything else.
TEXT_PRIOR_M = 0.7
TEXT_MIN_W, TEXT_MAX_W = -4.0, 2.0
COMMON_RATIO = 0.1     # two spellings both this common (relative) are two names, not a typo
COMMON_SHARE = 0.002   # so is a spelling that 2 persons in 1,000 bear, however common the other
MAX_CODE_W = 24.0
# Names and full dates take values from a space far larger than a small register: their frequencies are read
# against at least this many persons (a 10-person register says nothing about how rare a date is).
MIN_POPULATION = 20_000


@dataclass
class Stats:
    """Term frequencies of the register, per person (how many persons share the value)."""

    n: int
    n_eff: int
    name_s: np.ndarray
    famgiv: np.ndarray
    fam_s: np.ndarray
    giv_s: np.ndarray
    fam_t: np.ndarray
    mid_t: np.ndarray
    giv_t: np.ndarray
    date: np.ndarray
    month: np.ndarray
    year: np.ndarray
    commune: np.ndarray
    province: np.ndarray
    place_key: np.ndarray
    partial_share: np.ndarray   # per person: the share of partial dates among persons born the same year
    name_year: np.ndarray       # persons of the same name born the same year (names follow generations)
    written_alike: np.ndarray   # per person: the chance that another person of its commune wrote the place alike
    slip: float                 # measured: the share of one person's two records where one date is partial, one full

    @classmethod
    def of(cls, f: Features) -> Stats:
        full = (f.day > 0) & (f.month > 0)
        y = f.year.astype(np.int64)
        date = np.where(full, (y * 13 + f.month) * 32 + f.day, -1)
        month = np.where((f.month > 0) & (f.year > 0), y * 13 + f.month, -1)
        years = np.where(f.year > 0, y, -1)
        by_year = counts(years)
        partial_in_year = counts(np.where((f.year > 0) & (f.day == 0), y, -1))
        share_of_year = np.zeros(int(y.max()) + 1 if f.n else 1)
        if f.n:
            np.maximum.at(share_of_year, np.maximum(y, 0), partial_in_year / np.maximum(by_year, 1))
        share = np.where(f.year > 0, share_of_year[np.maximum(y, 0)], 0.0)
        return cls(f.n, max(f.n, MIN_POPULATION), counts(f.name_s), counts(f.famgiv), counts(f.fam_s),
                   counts(f.giv_s), counts(f.fam_t), counts(f.mid_t), counts(f.giv_t), counts(date), counts(month),
                   counts(np.where(f.year > 0, y, -1)),
                   counts(f.commune), counts(f.province), counts(f.place_key), share,
                   counts(np.where(f.year > 0, f.name_s.astype(np.int64) * 4096 + y, -1)), _written_alike(f),
                   _partial_slip(f))


def _partial_slip(f: Features) -> float:
    """The chance that of one person's two records one has a partial date and the other a full one, measured on the
    pairs one person by their CCCD or BHXH code (whatever their names and dates), smoothed by HOME_PRIOR_PAIRS pairs
    of PARTIAL_SLIP."""
    pairs: set[tuple[int, int]] = set()
    for col in (f.cccd, f.bhxh):
        known = np.flatnonzero(col > 0)
        order = known[np.argsort(col[known], kind="stable")]
        values = col[order]
        starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]]) if values.size else np.zeros(0, np.int64)
        sizes = np.diff(np.r_[starts, values.size])
        for start, size in zip(starts[sizes >= 2].tolist(), sizes[sizes >= 2].tolist()):
            members = order[start:start + min(size, 8)].tolist()  # a code shared by many is an error, not a person
            pairs.update((x, y) for i, x in enumerate(members) for y in members[i + 1:])
    if pairs:
        a, b = np.array(sorted(pairs), dtype=np.int64).T
        ok = ~((f.cccd[a] > 0) & (f.cccd[b] > 0) & (f.cccd[a] != f.cccd[b])) & (f.year[a] > 0) & (f.year[b] > 0)
        one = ((f.day[a] == 0) != (f.day[b] == 0)) & ok
        seen, slips = int(ok.sum()), int(one.sum())
    else:
        seen = slips = 0
    return (slips + HOME_PRIOR_PAIRS * PARTIAL_SLIP) / (seen + HOME_PRIOR_PAIRS)


def _written_alike(f: Features) -> npt.NDArray[np.float64]:
    """Per person: the chance that another person born in its commune wrote the place letter for letter alike
    (the sum over the ways it is written of their squared shares)."""
    if not f.n:
        return np.zeros(0)
    known = f.commune >= 0
    commune = np.maximum(f.commune, 0)
    in_commune = counts(f.commune)
    written = counts(np.where(known, f.commune * (int(f.place_text.max()) + 1) + f.place_text, -1))
    per_commune = np.bincount(commune, np.where(known, written / np.maximum(in_commune, 1) ** 2, 0.0))
    alike: npt.NDArray[np.float64] = np.where(known, per_commune[commune], 0.0)
    return alike


@dataclass
class Scored:
    a: np.ndarray
    b: np.ndarray
    name: np.ndarray
    date: np.ndarray
    sex: np.ndarray
    place: np.ndarray
    cccd: np.ndarray
    bhxh: np.ndarray
    alone: np.ndarray
    home: np.ndarray            # HOME_* level: its weight is added once the register's pairs are all scored
    text: np.ndarray            # TEXT_* level: its weight too is added once the register's pairs are all scored
    weight: np.ndarray
    veto: np.ndarray

    def take(self, keep: np.ndarray) -> Scored:
        return Scored(*(getattr(self, k)[keep] for k in self.__dataclass_fields__))


def _tf(count_a: np.ndarray, count_b: np.ndarray, n: int) -> npt.NDArray[np.float64]:
    """-log2 of the chance that another person shares the value (the more common side: the prudent one)."""
    bits: npt.NDArray[np.float64] = np.log2(n / np.maximum(np.maximum(count_a, count_b), 1))
    return bits


def _common_both(ca: np.ndarray, cb: np.ndarray, ratio: float = COMMON_RATIO,
                 least: int = 2, common: float = np.inf) -> npt.NDArray[np.bool_]:
    """Both spellings are names: each seen `least` times, and the rarer `ratio` as often as the other or `common`
    times (a name as widespread as Lý beside Lê is a name, not a slip)."""
    lo, hi = np.minimum(ca, cb), np.maximum(ca, cb)
    both: npt.NDArray[np.bool_] = (lo >= least) & ((lo >= ratio * hi) | (lo >= common))
    return both


def name_levels(f: Features, s: Stats, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    level = np.full(a.size, NAME_OTHER, np.int8)
    extra = np.zeros(a.size)
    same_t = f.name_t[a] == f.name_t[b]
    same_s = f.name_s[a] == f.name_s[b]
    fg = f.famgiv[a] == f.famgiv[b]
    # both marked, marks differ: a slip on a vowel, or two names (Hùng / Hưng) when both spellings are common
    common = COMMON_SHARE * s.n
    giv_two = (f.giv_t[a] != f.giv_t[b]) & _common_both(s.giv_t[a], s.giv_t[b], common=common)
    fam_two = (f.fam_t[a] != f.fam_t[b]) & _common_both(s.fam_t[a], s.fam_t[b], common=common)
    marks = same_s & ~same_t & f.marked[a] & f.marked[b]
    level[fg & ~same_s] = MIDDLE_CHANGED
    todo = np.flatnonzero(fg & ~same_s)
    if todo.size:
        mids = f.strings("mid_s")
        ta, tb = a[todo], b[todo]
        ma, mb = mids[f.mid_s[ta]], mids[f.mid_s[tb]]
        indel = process.cpdist(ma, mb, scorer=Indel.distance, workers=1)
        la = np.fromiter((len(x) for x in ma), np.int64, todo.size)
        lb = np.fromiter((len(x) for x in mb), np.int64, todo.size)
        # a slip in the middle name (Gia / Gis), unless both spellings are common middle names (Thế / Thị)
        d = process.cpdist(ma, mb, scorer=OSA.distance, score_cutoff=3, workers=1)
        # a middle name is a short list of common words: a spelling seen 3 times is a name, not a slip
        slip = (d <= 2) & (np.minimum(la, lb) >= 2) & ~_common_both(s.mid_t[ta], s.mid_t[tb], 0.01, 3)
        level[todo[slip]] = np.where(d[slip] == 1, TYPO1, TYPO2)
        level[todo[indel == np.abs(la - lb)]] = MIDDLE_DROPPED
    rest = np.flatnonzero(~same_s & ~fg)
    if rest.size:
        names = f.strings("name_s")
        d = process.cpdist(names[f.name_s[a[rest]]], names[f.name_s[b[rest]]], scorer=OSA.distance,
                           score_cutoff=3, workers=1)
        ra, rb = a[rest], b[rest]
        # judged with diacritics: "Tuận" is a slip for "Thuận" even though "tuan" (Tuấn) is a common name
        giv_diff = f.giv_s[ra] != f.giv_s[rb]
        fam_diff = f.fam_s[ra] != f.fam_s[rb]
        two_names = (giv_diff & _common_both(s.giv_t[ra], s.giv_t[rb], common=common)) | \
                    (fam_diff & _common_both(s.fam_t[ra], s.fam_t[rb], common=common))
        lv = np.where(d == 1, TYPO1, np.where(d == 2, TYPO2, NAME_OTHER))
        lv = np.where((d <= 2) & two_names, np.where(giv_diff, GIVEN_DIFFERS, NAME_OTHER), lv)
        # a middle name left out and a slip in the family or given name (Trần Gia Tùng / Teần Tùng)
        far = np.flatnonzero((lv == NAME_OTHER) & ~two_names)
        if far.size:
            fa, fb = ra[far], rb[far]
            fgs, mids = f.strings("famgiv"), f.strings("mid_s")
            slip = process.cpdist(fgs[f.famgiv[fa]], fgs[f.famgiv[fb]], scorer=OSA.distance, score_cutoff=2,
                                  workers=1) == 1
            ma, mb = mids[f.mid_s[fa]], mids[f.mid_s[fb]]
            la = np.fromiter((len(x) for x in ma), np.int64, far.size)
            lb = np.fromiter((len(x) for x in mb), np.int64, far.size)
            left_out = process.cpdist(ma, mb, scorer=Indel.distance, workers=1) == np.abs(la - lb)
            hit = far[slip & left_out & (la != lb)]
            lv[hit] = MIDDLE_DROPPED
            extra[rest[hit]] = NAME_ADJ[TYPO1]
        level[rest] = lv
    level[marks] = np.where(giv_two[marks], GIVEN_DIFFERS, np.where(fam_two[marks], NAME_OTHER, NAME_MARKS))
    # another middle name, and given names that differ by their marks, both common (Hòa / Hoa): two persons
    level[fg & ~same_s & giv_two & f.marked[a] & f.marked[b]] = GIVEN_DIFFERS
    level[same_s & ~same_t & ~(f.marked[a] & f.marked[b])] = NAME_NO_MARKS
    level[same_t] = NAME_SAME
    by_name = _tf(s.name_s[a], s.name_s[b], s.n_eff)
    by_fg = _tf(s.famgiv[a], s.famgiv[b], s.n_eff)
    base = np.where((level == MIDDLE_DROPPED) | (level == MIDDLE_CHANGED), by_fg, by_name)
    base = np.where((level == GIVEN_DIFFERS) | (level == NAME_OTHER), 0.0, base)
    return level, base + NAME_ADJ[level] + extra


def date_levels(f: Features, s: Stats, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    ya, yb, ma, mb, da, db = f.year[a], f.year[b], f.month[a], f.month[b], f.day[a], f.day[b]
    level = np.full(a.size, DATE_OTHER, np.int8)
    full = (da > 0) & (db > 0)
    same_year = (ya == yb) & (ya > 0)
    swapped = full & same_year & (ma == db) & (da == mb) & (ma != da)
    months = (ma > 0) & (mb > 0)
    level[same_year & months & (ma == mb)] = DATE_MONTH                 # then narrowed below
    level[same_year & ~months] = DATE_YEAR
    level[same_year & full & (ma == mb) & (da != db)] = DATE_OTHER
    level[swapped] = DATE_SWAPPED
    level[same_year & full & (ma == mb) & (da == db)] = DATE_SAME
    level[(ya != yb) & (ya > 0) & (yb > 0)] = DATE_OTHER_YEAR
    level[(ya == 0) | (yb == 0)] = DATE_MISSING
    tf = np.where(level == DATE_SAME, _tf(s.date[a], s.date[b], s.n_eff),
                  np.where(level == DATE_SWAPPED, _tf(s.date[a], s.date[b], s.n_eff),
                           np.where(level == DATE_MONTH, _tf(s.month[a], s.month[b], s.n),
                                    np.where(level == DATE_YEAR, _tf(s.year[a], s.year[b], s.n), 0.0))))
    partial = (level == DATE_YEAR) | (level == DATE_MONTH)
    p = np.clip(np.maximum(s.partial_share[a], s.partial_share[b]), 1e-3, 1 - 1e-3)
    # one person's two records: both partial when the date was never known (m = p), one partial by a slip (m = slip);
    # two persons of that year: both partial p², one partial 2p(1 - p)
    one = (da == 0) != (db == 0)
    slip = np.where(partial, np.where(one, np.log2(s.slip / (2 * p * (1 - p))), np.log2(1 / p)), 0.0)
    return level, tf + DATE_ADJ[level] + slip


def sex_levels(f: Features, a: np.ndarray, b: np.ndarray, name: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    sa, sb = f.sex[a], f.sex[b]
    level = np.where((sa == 0) | (sb == 0), SEX_MISSING, np.where(sa == sb, SEX_SAME, SEX_OTHER)).astype(np.int8)
    names_agree = (name == NAME_SAME) | (name == NAME_NO_MARKS) | (name == NAME_MARKS)
    return level, np.where((level == SEX_OTHER) & ~names_agree, SEX_OTHER_NAMES_DIFFER, SEX_W[level])


def place_levels(f: Features, s: Stats, a: np.ndarray, b: np.ndarray,
                 parts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    ca, cb, pa, pb = f.commune[a], f.commune[b], f.province[a], f.province[b]
    level = np.full(a.size, PLACE_MISSING, np.int8)
    both_prov = (pa >= 0) & (pb >= 0)
    level[both_prov & (pa == pb)] = PLACE_NO_COMMUNE
    both_c = (ca >= 0) & (cb >= 0)
    same_c = both_c & (ca == cb)
    odd = np.flatnonzero(both_c & ~same_c & (pa == pb))
    if parts.size and odd.size:  # an old commune divided between new ones agrees with each of them
        oa, ob = f.old_commune[a[odd]], f.old_commune[b[odd]]
        same_c[odd] = np.isin(oa * 100000 + cb[odd], parts) | np.isin(ob * 100000 + ca[odd], parts)
    level[both_c & ~same_c & (pa == pb)] = PLACE_OTHER_COMMUNE
    da, db = f.district[a], f.district[b]  # no commune on one side, but two districts named: two places
    level[~both_c & (da >= 0) & (db >= 0) & (da != db) & (pa == pb)] = PLACE_OTHER_COMMUNE
    # a 2025 commune (no district) and a district alone: two places when none of the commune's old parts lay there
    new_a, new_b, only_a, only_b = (ca >= 0) & (da < 0), (cb >= 0) & (db < 0), (ca < 0) & (da >= 0), (cb < 0) & (db >= 0)
    cross = np.flatnonzero(((new_a & only_b) | (only_a & new_b)) & (pa == pb))
    if cross.size:
        communes, pairs = _commune_districts()
        c = np.where(new_a[cross], ca[cross], cb[cross])
        d = np.where(new_a[cross], db[cross], da[cross])
        level[cross[np.isin(c, communes) & ~np.isin(c * 1000 + d, pairs)]] = PLACE_OTHER_COMMUNE
    level[both_prov & (pa != pb)] = PLACE_OTHER_PROVINCE
    level[same_c] = PLACE_SAME
    # the same text without a commune ("Huyện Giao Thủy, Tỉnh Nam Định" twice), or text that could not be read
    same_text = (f.place_key[a] == f.place_key[b]) & (f.place_key[a] >= 0) & ~same_c & \
        ((level == PLACE_NO_COMMUNE) | (f.place_style[a] == 4))
    level[same_text] = PLACE_SAME_TEXT
    tf = np.where(level == PLACE_SAME, _tf(s.commune[a], s.commune[b], s.n),
                  np.where(level == PLACE_NO_COMMUNE, _tf(s.province[a], s.province[b], s.n),
                           np.where(level == PLACE_SAME_TEXT, _tf(s.place_key[a], s.place_key[b], s.n), 0.0)))
    return level, tf + PLACE_ADJ[level]


@cache
def _commune_districts() -> tuple[np.ndarray, np.ndarray]:
    """(2025 communes that have old parts, their (commune * 1000 + old district) keys), for np.isin."""
    found = commune_districts()
    return (np.array(sorted({c for c, _ in found}), dtype=np.int64),
            np.array(sorted(c * 1000 + d for c, d in found), dtype=np.int64))


def _codes(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    return np.where((x == 0) | (y == 0), CODE_MISSING, np.where(x == y, CODE_SAME, CODE_OTHER)).astype(np.int8)


def _generation(s: Stats, a: np.ndarray, b: np.ndarray, name: np.ndarray, date: np.ndarray) -> np.ndarray:
    """When the name and the year agree, their frequencies are not independent ("Nguyễn Thị Hoa" is a name of the
    1960s): the weights of both count the persons of that name born that year, not name × year. So for a full date
    too (the same day of a year is as rare for any name)."""
    dated = (date == DATE_YEAR) | (date == DATE_MONTH) | (date == DATE_SAME) | (date == DATE_SWAPPED)
    joint = ((name == NAME_SAME) | (name == NAME_NO_MARKS)) & dated
    # others than the two: how many share name and year, against how many would if names ignored generations
    together = np.maximum(np.maximum(s.name_year[a], s.name_year[b]) - 1, 1)
    apart = 1 + np.maximum(np.maximum(s.name_s[a], s.name_s[b]) - 2, 0) * np.maximum(s.year[a], s.year[b]) / max(s.n, 1)
    return np.where(joint, -np.log2(together / apart), 0.0)


def home_levels(f: Features, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(one of the two alone in its household, the pair's HOME_* level)."""
    apart = f.household[a] != f.household[b]
    alone = (f.household_size[a] == 1) | (f.household_size[b] == 1)
    level = np.where((f.other[a] | f.other[b]) & apart, HOME_OTHER,
                     np.where(alone, HOME_ALONE,
                              np.where(f.anchored[a] & f.anchored[b] & apart, HOME_ANCHORED, HOME_NONE)))
    return alone, level.astype(np.int8)


def home_weights(f: Features, sure: np.ndarray, distinct: np.ndarray) -> npt.NDArray[np.float64]:
    """log2(m/u) per HOME_* level. sure, distinct: counts of each level among the pairs one person, and two, by
    everything else; each smoothed by HOME_PRIOR_PAIRS pairs of its prior (m: HOME_PRIOR_M; u: two records drawn
    at random from the register)."""
    other, alone, anchored = (float(np.mean(x)) if f.n else 0.0
                              for x in (f.other, f.household_size == 1, f.anchored))
    u_other = 1 - (1 - other) ** 2
    u_alone = (1 - (1 - alone) ** 2) * (1 - u_other)
    u_anchored = anchored * anchored * (1 - u_other)
    prior_u = np.array([max(1 - u_other - u_alone - u_anchored, 0.0), u_alone, u_other, u_anchored])
    m = (sure + HOME_PRIOR_PAIRS * HOME_PRIOR_M) / (sure.sum() + HOME_PRIOR_PAIRS)
    u = (distinct + HOME_PRIOR_PAIRS * prior_u) / (distinct.sum() + HOME_PRIOR_PAIRS)
    w: npt.NDArray[np.float64] = np.clip(np.log2(np.maximum(m, 1e-9) / np.maximum(u, 1e-9)),
                                         HOME_MIN_W, HOME_MAX_W)
    return w


def text_weights(s: Stats, a: np.ndarray, b: np.ndarray, text: np.ndarray, sure: np.ndarray) -> np.ndarray:
    """log2(m/u) per pair of its TEXT_* level. sure: counts of each level among the pairs one person by everything
    else (m, smoothed by HOME_PRIOR_PAIRS pairs of TEXT_PRIOR_M); u: how alike the commune's persons write it."""
    m = (sure[TEXT_ALIKE] + HOME_PRIOR_PAIRS * TEXT_PRIOR_M) / (sure[TEXT_ALIKE] + sure[TEXT_OTHERWISE]
                                                                + HOME_PRIOR_PAIRS)
    u = np.clip(np.maximum(s.written_alike[a], s.written_alike[b]), 1e-3, 1 - 1e-3)
    w = np.where(text == TEXT_ALIKE, np.log2(m / u), np.where(text == TEXT_OTHERWISE, np.log2((1 - m) / (1 - u)), 0.0))
    out: npt.NDArray[np.float64] = np.clip(w, TEXT_MIN_W, TEXT_MAX_W)
    return out


def rate_shift(weight: np.ndarray, low: float, n: int) -> float:
    """log2(r / DUPLICATE_RATE): r, the share of persons recorded twice, estimated on the register as EM estimates a
    mixing weight (the expected duplicate pairs, the sum of the pairs' probabilities, over the persons), smoothed by
    RATE_PRIOR_PERSONS persons at DUPLICATE_RATE. weight: the pairs' log-odds under DUPLICATE_RATE; low: the summed
    odds of the pairs too unlikely to keep (each counts its odds, which scale with r)."""
    r = DUPLICATE_RATE
    for _ in range(50):
        shift = np.log2(r / DUPLICATE_RATE)
        expected = float((1.0 / (1.0 + np.exp2(-(weight + shift)))).sum()) + low * r / DUPLICATE_RATE
        new = min(max((expected + DUPLICATE_RATE * RATE_PRIOR_PERSONS) / (n + RATE_PRIOR_PERSONS), RATE_MIN),
                  RATE_MAX)
        if abs(new - r) < 1e-7:
            break
        r = new
    return float(np.log2(r / DUPLICATE_RATE))


def score(f: Features, s: Stats, a: np.ndarray, b: np.ndarray, parts: np.ndarray) -> Scored:
    name, w_name = name_levels(f, s, a, b)
    date, w_date = date_levels(f, s, a, b)
    w_date = w_date + _generation(s, a, b, name, date)
    sex, w_sex = sex_levels(f, a, b, name)
    place, w_place = place_levels(f, s, a, b, parts)
    cccd, cmnd, bhxh = _codes(f.cccd[a], f.cccd[b]), _codes(f.cmnd[a], f.cmnd[b]), _codes(f.bhxh[a], f.bhxh[b])
    same_code = min(MAX_CODE_W, float(np.log2(max(s.n, 2))))
    w_codes = (np.where(cccd == CODE_SAME, same_code, 0.0) + np.where(bhxh == CODE_SAME, same_code, 0.0)
               + np.where(cmnd == CODE_SAME, same_code, np.where(cmnd == CODE_OTHER, CMND_OTHER_W, 0.0))
               + np.where(bhxh == CODE_OTHER, BHXH_OTHER_W, 0.0))
    alone, home = home_levels(f, a, b)
    text = np.where(place == PLACE_SAME, np.where(f.place_text[a] == f.place_text[b], TEXT_ALIKE, TEXT_OTHERWISE),
                    TEXT_NONE).astype(np.int8)
    prior = float(np.log2(2 * DUPLICATE_RATE / s.n_eff))
    weight = prior + w_name + w_date + w_sex + w_place + w_codes
    same_home = (f.household[a] == f.household[b]) & (f.household[a] >= 0)
    twins = same_home & (date == DATE_SAME) & (name != NAME_SAME) & (name != NAME_NO_MARKS)
    veto = (cccd == CODE_OTHER) | twins
    return Scored(a, b, name, date, sex, place, cccd, bhxh, alone, home, text, weight, veto)
