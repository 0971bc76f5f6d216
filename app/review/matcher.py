"""find_pairs: person records in, candidate pairs of "the same person twice" out, each with a score and reasons.

One engine for the review, the re-import, the card-holder reconciliation and the office's cross-commune review.
Steps: normalise (app.review.normalise), block (app.review.blocking), compare in bulk (app.review.compare), decide.

The score is the pair's log-odds in bits (log2 of P(same person) / P(two persons)), `probability` its probability.
A pair is returned as "match" from MATCH_BITS and as "possible" from POSSIBLE_BITS; below, it is not returned.
`progress(done, total, stage)` names its stage by a key under "review.stage." (messages.render gives its words).
"""
from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from app import messages
from app.errors import HgdError
from app.review import compare
from app.review.blocking import candidate_pairs
from app.review.identity import fingerprint
from app.review.normalise import Features, build_features
from app.review.places import divided_parts
from app.review.reasons import PairSide, Reason, pair_reasons, render_reasons
from app.review.records import MatchRecord, RecordTable, as_table

messages.register({
    "review.cancelled": ("Đã hủy rà soát dữ liệu", "The data review was cancelled"),
    "review.stage.normalise": ("Chuẩn hóa họ tên, ngày sinh, nơi khai sinh", "Normalising names, dates and places"),
    "review.stage.block": ("Tìm các cặp cần so sánh", "Finding the pairs to compare"),
    "review.stage.compare": ("So sánh các cặp", "Comparing the pairs"),
    "review.stage.reasons": ("Giải thích kết quả", "Explaining the results"),
    "review.stage.done": ("Đã rà soát xong", "Review finished"),
})

MATCH_BITS = 4.0       # probability ≥ 0.94
POSSIBLE_BITS = -2.25  # probability ≥ 0.17: worth a clerk's look (chosen on seeds 1, 2, 6–9, 19–30 of
#                        bench/review_synth.py)
RIVAL_BITS = -6.0      # pairs from here up count as rivals of another pair (_discount_rivals)
SAME_PERSON_BITS = 2.0  # three records each pair of which is one person by 4 to 1 or more: no rivals of each other
RIVAL_SHOWN_BITS = 1.0  # a pair that lost this much to rivals says so in its reasons
_CHUNK = 1_000_000     # pairs compared at once: bounds the memory of the arrays of one step


class Cancel(Protocol):
    def is_set(self) -> bool: ...


@dataclass(frozen=True)
class Pair:
    a_id: str
    b_id: str
    score: float                 # log-odds in bits; ≥ MATCH_BITS "match", ≥ POSSIBLE_BITS "possible"
    decision: str                # "match" | "possible"
    reasons: list[Reason] = field(default_factory=list, hash=False, compare=False)

    @property
    def probability(self) -> float:
        odds: float = 2.0 ** -self.score   # a float power of a positive float: a float
        return 1.0 / (1.0 + odds)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self)

    def explain(self, lang: str | None = None) -> str:
        return render_reasons(self.reasons, lang)


def _distinct_set(known: Iterable[object]) -> set[str]:
    """Fingerprints of the pairs a clerk confirmed distinct, given as fingerprints, (a, b) tuples or frozensets."""
    out = set()
    for item in known:
        if isinstance(item, str):
            out.add(item)
        else:
            ids = list(item)  # type: ignore[call-overload]
            if len(ids) == 2:
                out.add(fingerprint((ids[0], ids[1])))
    return out


def find_pairs(records: RecordTable | Iterable[MatchRecord] | Iterable[Sequence[object]], *,
               known_distinct: Iterable[object] = frozenset(),
               progress: Callable[[int, int, str], object] | None = None,
               cancel: Cancel | None = None) -> list[Pair]:
    """Candidate pairs of records of one person, best first. `known_distinct`: pairs a clerk confirmed distinct
    (never returned again). `progress(done, total, stage)` is told now and then; `cancel.is_set()` is checked
    between steps and raises HgdError("review.cancelled")."""
    table = as_table(records)

    def check(_: object = None) -> None:
        if cancel is not None and cancel.is_set():
            raise HgdError("review.cancelled")

    def tell(done: int, total: int, stage: str) -> None:
        check()
        if progress is not None:
            progress(done, total, stage)

    tell(0, 4, "normalise")
    collecting = gc.isenabled()
    gc.disable()  # a million small objects made once: the collector would only walk them again and again
    try:
        f = build_features(table)
    finally:
        if collecting:
            gc.enable()
    stats = compare.Stats.of(f)
    tell(1, 4, "block")
    codes = candidate_pairs(f, check=check)
    tell(2, 4, "compare")
    kept = _score_all(table, f, stats, codes, _distinct_set(known_distinct), tell)
    tell(3, 4, "reasons")
    pairs = _to_pairs(table, f, stats, kept)
    tell(4, 4, "done")
    return pairs


def _score_all(t: RecordTable, f: Features, stats: compare.Stats, codes: np.ndarray, distinct: set[str],
               tell: Callable[[int, int, str], None]) -> tuple[compare.Scored, np.ndarray] | None:
    parts = np.array(sorted(o * 100000 + n for o, n in divided_parts()), dtype=np.int64)
    found: list[compare.Scored] = []
    n = max(f.n, 1)
    floor = min(POSSIBLE_BITS, RIVAL_BITS)
    sure, distinct_homes, sure_text = np.zeros(4), np.zeros(4), np.zeros(3)
    low = 0.0  # the expected duplicates among the pairs dropped below (their odds: each is far from even)
    for start in range(0, codes.size, _CHUNK):
        chunk = codes[start:start + _CHUNK]
        s = compare.score(f, stats, chunk // n, chunk % n, parts)
        sure += np.bincount(s.home[(s.weight >= compare.HOME_SURE_BITS) & ~s.veto], minlength=4)
        sure_text += np.bincount(s.text[(s.weight >= compare.HOME_SURE_BITS) & ~s.veto], minlength=3)
        distinct_homes += np.bincount(s.home[(s.weight <= compare.HOME_DISTINCT_BITS) | s.veto], minlength=4)
        keep = (s.weight >= floor - compare.HOME_MAX_W - compare.TEXT_MAX_W) & ~s.veto
        low += float(np.exp2(s.weight[~keep & ~s.veto]).sum())
        found.append(s.take(keep))
        tell(start + chunk.size, codes.size, "compare")
    if not found:
        return None
    kept = compare.Scored(*(np.concatenate([getattr(s, k) for s in found])
                            for k in compare.Scored.__dataclass_fields__))
    kept.weight = kept.weight + compare.home_weights(f, sure, distinct_homes)[kept.home] \
        + compare.text_weights(stats, kept.a, kept.b, kept.text, sure_text)
    kept.weight = kept.weight + compare.rate_shift(kept.weight, low, f.n)  # the register's own share of duplicates
    kept = kept.take(kept.weight >= floor)
    if distinct:  # a pair a clerk confirmed distinct is neither shown nor anyone's rival
        ids = t.id
        known = np.fromiter((fingerprint((ids[a], ids[b])) not in distinct
                             for a, b in zip(kept.a.tolist(), kept.b.tolist())), bool, kept.a.size)
        kept = kept.take(known)
    return _discount_rivals(kept, f.n)


def _discount_rivals(s: compare.Scored, n: int) -> tuple[compare.Scored, np.ndarray]:
    """One record is the second record of at most one person: a pair (A, C) whose A also fits B (B not C's own
    duplicate) has three exclusive stories — A is C, A is B, A is neither — and its odds are shared:
    odds(A is C) = odds(A, C) / ((1 + rivals of A) (1 + rivals of C)), rivals counted by their odds. A year-only
    record of a common name fitting several namesakes (Splink's weak spot, issue 14), or a namesake beside a
    record's true duplicate, so fall below the line. Returns the kept pairs and the bits each lost."""
    odds = np.exp2(s.weight)
    total = np.bincount(s.a, odds, minlength=n) + np.bincount(s.b, odds, minlength=n)
    rival_a, rival_b = total[s.a] - odds, total[s.b] - odds
    for i, x_a, x_b in _triangles(s):  # a third record of one person is no rival: A may be B and C at once
        rival_a[i] -= odds[x_a]
        rival_b[i] -= odds[x_b]
    lost = np.log2(1 + np.maximum(rival_a, 0.0)) + np.log2(1 + np.maximum(rival_b, 0.0))
    s.weight = s.weight - lost
    keep = s.weight >= POSSIBLE_BITS
    return s.take(keep), lost[keep]


def _triangles(s: compare.Scored) -> list[tuple[int, int, int]]:
    """(i, j, k) for each pair i = (A, C) and record B with pairs j = (A, B) and k = (C, B), all three likely."""
    strong = np.flatnonzero(s.weight >= SAME_PERSON_BITS)
    if strong.size < 3:
        return []
    ends = np.concatenate([s.a[strong], s.b[strong]])
    degree = np.bincount(ends)
    busy = strong[(degree[s.a[strong]] >= 2) & (degree[s.b[strong]] >= 2)]
    if busy.size < 3:
        return []
    edge: dict[tuple[int, int], int] = {}
    near: dict[int, list[int]] = {}
    for i, a, b in zip(busy.tolist(), s.a[busy].tolist(), s.b[busy].tolist()):
        edge[(a, b)] = edge[(b, a)] = i
        near.setdefault(a, []).append(b)
        near.setdefault(b, []).append(a)
    out = []
    for i, a, c in zip(busy.tolist(), s.a[busy].tolist(), s.b[busy].tolist()):
        for x in set(near[a]).intersection(near[c]):
            out.append((i, edge[(a, x)], edge[(c, x)]))
    return out


def _to_pairs(t: RecordTable, f: Features, stats: compare.Stats,
              kept: tuple[compare.Scored, np.ndarray] | None) -> list[Pair]:
    if kept is None or kept[0].a.size == 0:
        return []
    s, lost = kept
    order = np.argsort(-s.weight, kind="stable")
    out = []
    for i in order.tolist():
        a, b = int(s.a[i]), int(s.b[i])
        levels = {k: int(getattr(s, k)[i]) for k in ("name", "date", "sex", "place", "cccd", "bhxh", "alone", "home")}
        levels["rivals"] = int(lost[i] >= RIVAL_SHOWN_BITS)
        rec = [PairSide(full_name=t.full_name[x] or "", birth_place=t.birth_place[x],
                        place_style=int(f.place_style[x])) for x in (a, b)]
        count = int(max(stats.name_s[a], stats.name_s[b]))
        w = round(float(s.weight[i]), 2)
        out.append(Pair(str(t.id[a]), str(t.id[b]), w, "match" if w >= MATCH_BITS else "possible",
                        pair_reasons(levels, rec[0], rec[1], count)))
    return out
