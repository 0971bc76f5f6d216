"""The data-quality review (DOMAIN §3): duplicate persons (the matcher) and the other findings (checks).

    find_pairs(records, *, known_distinct=(), progress=None, cancel=None) -> list[Pair]
    fingerprint(pair_or_ids) -> str
    RecordTable.from_rows(rows) / MatchRecord(...)          the matcher's input
    run_checks(persons, households, *, today) -> list[CheckFinding]

Names are imported on first use, so that a light module of the package (places, records) does not pull numpy in.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

_WHERE = {
    "CheckFinding": "checks", "HouseholdRow": "checks", "PersonRow": "checks", "run_checks": "checks",
    "MATCH_BITS": "matcher", "POSSIBLE_BITS": "matcher", "Pair": "matcher", "find_pairs": "matcher",
    "fingerprint": "identity", "Reason": "reasons", "render_reasons": "reasons", "ROW_FIELDS": "records",
    "MatchRecord": "records", "RecordTable": "records",
}
__all__ = ["MATCH_BITS", "POSSIBLE_BITS", "ROW_FIELDS", "CheckFinding", "HouseholdRow", "MatchRecord", "Pair",
           "PersonRow", "Reason", "RecordTable", "find_pairs", "fingerprint", "render_reasons", "run_checks"]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(name)
    return getattr(import_module(f"app.review.{_WHERE[name]}"), name)
