"""The matcher's input: one person record as the register holds it, and a columnar table of many.

`MatchRecord` is the readable form (tests, single calls); `RecordTable` is what `find_pairs` works on: one list per
field, filled straight from SQL rows without building an object per person (2 million rows at the office).
"""
from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from itertools import islice
from typing import cast

# The order of a row tuple, as the lead's query selects them:
# SELECT id, household_id, full_name, birth_date, sex, birth_place, birth_province_code, id_number, bhxh_code,
#        relation[, commune_code] FROM persons WHERE status = 'active'
# Columns whose values do not repeat (kept as read); the others are shared between rows.
_UNIQUE = frozenset(("id", "id_number", "bhxh_code"))
ROW_FIELDS = ("id", "household_id", "full_name", "birth_date", "sex", "birth_place", "birth_province_code",
              "id_number", "bhxh_code", "relation", "commune_code")


@dataclass(frozen=True, slots=True)
class MatchRecord:
    """One person. Text as entered (NFC or not: the matcher normalises); birth_date an ISO partial date ("1975",
    "1975-03", "1975-03-15") or None; sex "M"/"F"/None; birth_province_code the old 2-digit code; id_number a
    12-digit CCCD or 9-digit CMND; bhxh_code 10 digits; relation a code of resources/codes/relations.csv."""

    id: str
    household_id: str | None = None
    full_name: str = ""
    birth_date: str | None = None
    sex: str | None = None
    birth_place: str | None = None
    birth_province_code: str | None = None
    id_number: str | None = None
    bhxh_code: str | None = None
    relation: str | None = None
    commune_code: str | None = None


class RecordTable:
    """Columns of person records: `table.full_name[i]` is the i-th person's name. Build with `from_rows` or
    `from_records`; `len(table)` persons."""

    __slots__ = ROW_FIELDS
    # One list per field of MatchRecord, set by name in __init__ (the values as the rows hold them).
    id: list[str]
    household_id: list[str | None]
    full_name: list[str]
    birth_date: list[str | None]
    sex: list[str | None]
    birth_place: list[str | None]
    birth_province_code: list[str | None]
    id_number: list[str | None]
    bhxh_code: list[str | None]
    relation: list[str | None]
    commune_code: list[str | None]

    def __init__(self, columns: Mapping[str, Sequence[object]]) -> None:
        n = len(columns["id"])
        for name in ROW_FIELDS:
            col = list(columns.get(name) or [None] * n)
            if len(col) != n:
                raise ValueError(f"column {name} has {len(col)} values, expected {n}")
            setattr(self, name, col)

    def __len__(self) -> int:
        return len(self.id)

    @classmethod
    def from_rows(cls, rows: Iterable[Sequence[object] | Mapping[str, object]], *,
                  chunk: int = 100_000) -> RecordTable:
        """Rows as tuples in ROW_FIELDS order (commune_code may be left off) or as dicts keyed by field name. Any
        iterable, a database cursor too: it is read in chunks, and the values that repeat (places, dates, names,
        households, codes) are kept once, so 2 million rows need far less memory than as a list of tuples."""
        it = iter(rows)
        first = next(it, None)
        if first is None:
            return cls({"id": []})
        if isinstance(first, Mapping):
            # All rows are of one kind: the first tells which (here, and for the tuples below).
            rest = cast(list[Mapping[str, object]], [first, *it])
            return cls({name: [r.get(name) for r in rest] for name in ROW_FIELDS})
        width = len(first)
        cols: list[list[object]] = [[] for _ in range(width)]
        shared: list[dict[object, object] | None] = [None if ROW_FIELDS[i] in _UNIQUE else {} for i in range(width)]
        tuples = cast(Iterator[Sequence[object]], it)
        block: list[Sequence[object]] = [first]
        collecting = gc.isenabled()
        gc.disable()  # millions of values kept for good: the collector would walk them again and again
        try:
            while block:
                for i, values in enumerate(zip(*block)):
                    seen = shared[i]
                    cols[i].extend(values if seen is None else [seen.setdefault(v, v) for v in values])
                block = list(islice(tuples, chunk))
        finally:
            if collecting:
                gc.enable()
        return cls({name: cols[i] for i, name in enumerate(ROW_FIELDS) if i < width})  # the rest: None each

    @classmethod
    def from_records(cls, records: Iterable[MatchRecord]) -> RecordTable:
        records = list(records)
        return cls({f.name: [getattr(r, f.name) for r in records] for f in fields(MatchRecord)})

    def record(self, i: int) -> MatchRecord:
        return MatchRecord(*(getattr(self, name)[i] for name in ROW_FIELDS))


def as_table(records: RecordTable | Iterable[MatchRecord] | Iterable[Sequence[object]]) -> RecordTable:
    if isinstance(records, RecordTable):
        return records
    listed = list(records)
    if listed and isinstance(listed[0], MatchRecord):  # all of one kind: the first tells which
        return RecordTable.from_records(cast(list[MatchRecord], listed))
    return RecordTable.from_rows(cast(list[Sequence[object]], listed))
