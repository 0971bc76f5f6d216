"""Quality on a synthetic register with ground truth (bench/review_synth.py): every variation planted, hard negatives,
twins. The full figures per kind and size are in the benchmark (bench/bench_review.py); this guards against a
regression on a register small enough for the unit tests."""
from __future__ import annotations

import sys
from pathlib import Path

from app.review import RecordTable, find_pairs

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench.review_synth import NEGATIVES, VARIATIONS, generate


def test_precision_and_recall_on_a_synthetic_register_of_10000_persons():
    syn = generate(10_000, 7)
    assert {k for *_, k in syn.truth} == set(VARIATIONS)
    assert {k for *_, k in syn.negatives} == set(NEGATIVES)
    pairs = find_pairs(RecordTable.from_rows(syn.rows))
    truth = {frozenset(t[:2]) for t in syn.truth}
    coincidences = {frozenset(t[:2]) for t in syn.coincidences}
    found = {frozenset((p.a_id, p.b_id)) for p in pairs} - coincidences
    precision, recall = len(found & truth) / len(found), len(found & truth) / len(truth)
    assert precision >= 0.98 and recall >= 0.98, (precision, recall)
    negatives = {frozenset(t[:2]) for t in syn.negatives}
    assert len(found & negatives) <= 1
