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
from app.review import compare, levels
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
POSSIBLE_BITS = -2.5   # probability ≥ 0.15: worth a clerk's look (chosen on seeds 1, 2, 6–9 of bench/review_synth.py)
RIVAL_BITS = -6.0      # pairs from here up count as rivals of a weak pair (_discount_ambiguous)
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
    kept = _score_all(f, stats, codes, tell)
    tell(3, 4, "reasons")
    pairs = _to_pairs(table, f, stats, kept, _distinct_set(known_distinct))
    tell(4, 4, "done")
    return pairs


def _score_all(f: Features, stats: compare.Stats, codes: np.ndarray,
               tell: Callable[[int, int, str], None]) -> compare.Scored | None:
    parts = np.array(sorted(o * 100000 + n for o, n in divided_parts()), dtype=np.int64)
    found: list[compare.Scored] = []
    n = max(f.n, 1)
    for start in range(0, codes.size, _CHUNK):
        chunk = codes[start:start + _CHUNK]
        s = compare.score(f, stats, chunk // n, chunk % n, parts)
        found.append(s.take((s.weight >= min(POSSIBLE_BITS, RIVAL_BITS)) & ~s.veto))
        tell(start + chunk.size, codes.size, "compare")
    if not found:
        return None
    kept = compare.Scored(*(np.concatenate([getattr(s, k) for s in found])
                            for k in compare.Scored.__dataclass_fields__))
    return _discount_ambiguous(kept, f.n)


def _discount_ambiguous(s: compare.Scored, n: int) -> compare.Scored:
    """A record known only by its year (or month) that fits several namesakes is at most one of them: each such pair
    loses log2(k), k the most candidates either side has. (One person recorded twice has one other record; a
    year-only record of a common name chains namesakes together — Splink's weak spot, issue 14.)"""
    weak = ((s.date == levels.DATE_YEAR) | (s.date == levels.DATE_MONTH) | (s.name == levels.MIDDLE_CHANGED)) \
        & (s.weight >= RIVAL_BITS)
    if not weak.any():
        return s
    k = np.bincount(s.a[weak], minlength=n) + np.bincount(s.b[weak], minlength=n)
    most = np.maximum(k[s.a], k[s.b])
    s.weight = np.where(weak & (most > 1), s.weight - np.log2(np.maximum(most, 1)), s.weight)
    keep = s.weight >= POSSIBLE_BITS
    return s.take(keep)


def _to_pairs(t: RecordTable, f: Features, stats: compare.Stats, s: compare.Scored | None,
              distinct: set[str]) -> list[Pair]:
    if s is None or s.a.size == 0:
        return []
    order = np.argsort(-s.weight, kind="stable")
    out = []
    for i in order.tolist():
        a, b = int(s.a[i]), int(s.b[i])
        fp = fingerprint((t.id[a], t.id[b]))
        if fp in distinct:
            continue
        levels = {k: int(getattr(s, k)[i]) for k in ("name", "date", "sex", "place", "cccd", "bhxh", "alone")}
        rec = [PairSide(full_name=t.full_name[x] or "", birth_place=t.birth_place[x],
                        place_style=int(f.place_style[x])) for x in (a, b)]
        count = int(max(stats.name_s[a], stats.name_s[b]))
        w = round(float(s.weight[i]), 2)
        out.append(Pair(str(t.id[a]), str(t.id[b]), w, "match" if w >= MATCH_BITS else "possible",
                        pair_reasons(levels, rec[0], rec[1], count)))
    return out
