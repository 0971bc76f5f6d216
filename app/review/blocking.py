"""Blocking: which pairs of records are compared at all (never all pairs).

Each key is declared once in KEYS: a name, the fields it joins, and whether it needs a partial date on one side.
Several keys, so that one damaged field does not hide a pair:

| key | catches (the other fields intact) |
|---|---|
| family + given + year, one side with a partial date | a year- or month-only date, also with another middle name |
| family + middle + birth date (day and month either way) | typos in the given name, even its first letter |
| given + birth date (either order) | typos in the family name, a dropped, added or changed middle name |
| initials + birth date (either order) | typos anywhere but in first letters |
| family + given's first letter + birth date (either order) | a dropped middle name and a typo in the given name |
| initials + year, one side with a partial date | a typo together with a partial date |
| CCCD, BHXH code | any damage to name and date |

Names enter every key through search keys, so diacritics, case, spacing, NFD text and tone placement never split a
block. Sex and birthplace enter none (both are often missing or written differently).

A block larger than `cap` (a very common name in a province) is not dropped: its records are sorted by full name
and each is paired with its `window` neighbours, so near spellings still meet.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from app.review.normalise import Features


@dataclass(frozen=True)
class Key:
    name: str
    build: Callable[[Features], np.ndarray]   # int64 per person, -1 = no key
    partial_only: bool = False                # keep only pairs where one side's date is partial


def _date_inv(f: Features) -> np.ndarray:
    """Full dates as a number that is the same with day and month swapped; -1 when not a full date."""
    lo = np.minimum(f.month, f.day).astype(np.int64)
    hi = np.maximum(f.month, f.day).astype(np.int64)
    full = (f.day > 0) & (f.month > 0)
    return np.where(full, (f.year.astype(np.int64) * 13 + lo) * 32 + hi, -1)


def _join(a: np.ndarray, b: np.ndarray, bits: int) -> np.ndarray:
    return np.where((a >= 0) & (b >= 0), (a.astype(np.int64) << bits) | b.astype(np.int64), -1)


def _year(f: Features) -> np.ndarray:
    return np.where(f.year > 0, f.year.astype(np.int64), -1)


def _names_ok(f: Features, col: np.ndarray) -> np.ndarray:
    """A name key only for names with a given name (an empty name would join everyone of that date)."""
    return np.where(f.nwords > 0, col, -1)


def _given_initial(f: Features) -> np.ndarray:
    """The first letter of the given name (search key), as a small number; -1 when none."""
    firsts = np.array([ord(g[0]) & 0xFF if g else -1 for g in f.strings("giv_s")], dtype=np.int64)
    return np.where(f.giv_s >= 0, firsts[f.giv_s], -1)


KEYS: tuple[Key, ...] = (
    Key("family_given_year", lambda f: _join(_names_ok(f, f.famgiv), _year(f), 12), partial_only=True),
    Key("family_middle_date", lambda f: _join(_join(_names_ok(f, f.fam_s), f.mid_s, 20), _date_inv(f), 21)),
    Key("given_date", lambda f: _join(_names_ok(f, f.giv_s), _date_inv(f), 21)),
    Key("initials_date", lambda f: _join(_names_ok(f, f.initials), _date_inv(f), 21)),
    Key("family_initial_date", lambda f: _join(_join(_names_ok(f, f.fam_s), _given_initial(f), 8), _date_inv(f), 21)),
    Key("initials_year", lambda f: _join(_names_ok(f, f.initials), _year(f), 12), partial_only=True),
    Key("cccd", lambda f: np.where(f.cccd > 0, f.cccd, -1)),
    Key("bhxh", lambda f: np.where(f.bhxh > 0, f.bhxh, -1)),
)


def pairs_for_key(keys: np.ndarray, order: np.ndarray, *, partial: np.ndarray | None, cap: int,
                  window: int) -> npt.NDArray[np.int64]:
    """Pairs (as i * n + j, i < j) of persons sharing a key. `order` ranks persons inside a block (by full name) for
    the window of blocks over `cap`. With `partial`, only the pairs of a flagged person with the others of its block
    (a block of a common name and year holds thousands of full dates that need not meet each other here)."""
    n = keys.size
    sel = np.flatnonzero(keys >= 0)
    if sel.size < 2:
        return np.zeros(0, np.int64)
    srt = sel[np.lexsort((order[sel], keys[sel]))]
    k = keys[srt]
    starts = np.flatnonzero(np.r_[True, k[1:] != k[:-1]])
    sizes = np.diff(np.r_[starts, k.size])
    big = np.repeat(sizes > cap, sizes)
    start = np.repeat(starts, sizes)
    end = start + np.repeat(sizes, sizes)                 # per sorted position: its block's bounds
    pos = np.arange(k.size)
    if partial is None:                                   # each pairs with the ones after it (a window in big blocks)
        lo = pos + 1
        hi = np.where(big, np.minimum(end, pos + 1 + window), end)
    else:                                                 # each flagged one pairs with all the others around it
        flagged = partial[srt]
        lo = np.where(big, np.maximum(start, pos - window), start)
        hi = np.where(big, np.minimum(end, pos + 1 + window), end)
        hi = np.where(flagged, hi, lo)
    count = hi - lo
    total = int(count.sum())
    if total == 0:
        return np.zeros(0, np.int64)
    left = np.repeat(pos, count)
    right = np.repeat(lo, count) + (np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(count) - count, count))
    keep = right != left
    a, b = srt[left[keep]], srt[right[keep]]
    lo_, hi_ = np.minimum(a, b), np.maximum(a, b)
    pairs: npt.NDArray[np.int64] = lo_.astype(np.int64) * n + hi_
    return pairs


def candidate_pairs(f: Features, *, cap: int = 400, window: int = 40,
                    check: Callable[[str], None] | None = None) -> np.ndarray:
    """Every candidate pair of every key, once: int64 codes i * n + j (i < j), sorted."""
    order = f.name_s_rank()
    partial = (f.year > 0) & (f.day == 0)
    found = np.zeros(0, np.int64)
    for key in KEYS:  # merged key by key: the pairs of all keys never sit in memory twice
        if check:
            check(key.name)
        new = pairs_for_key(key.build(f), order, partial=partial if key.partial_only else None, cap=cap,
                            window=window)
        found = np.union1d(found, new)
    return found
