"""The review kept in the register: `RunReview` finds the duplicate pairs and the other findings of the commune and
stores them in `findings` / `finding_subjects`, one row per fingerprint.

A re-run updates: a finding seen again keeps its row (score, reasons and parameters refreshed; a resolved one stays
resolved), a new one is added, an open one no longer found is closed ("resolved"). A pair a clerk confirmed distinct
(an active `resolutions` row with decision "distinct" under its fingerprint) is never flagged again.
"""
from __future__ import annotations

import gc
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from app import messages
from app.ids import new_id
from app.operations import Changes, OpContext, Operation
from app.review.checks import CheckFinding, HouseholdRow, PersonRow, run_checks
from app.review.identity import KIND as DUPLICATE
from app.review.records import ROW_FIELDS, RecordTable
from app.store import write
from app.store.clock import utcnow
from app.store.models import Finding, FindingSubject, Household, Person, Resolution

if TYPE_CHECKING:
    from app.review.matcher import Pair

messages.register({
    "op.review": ("Rà soát dữ liệu", "Data review"),
})

HOUSEHOLD_KINDS = frozenset(("review.one_person_household", "review.large_household", "review.no_head",
                             "review.two_heads"))
_MATCH_FIELDS = [f for f in ROW_FIELDS if f != "commune_code"]
_CHECK_FIELDS = list(PersonRow._fields)


@dataclass(frozen=True)
class Found:
    """One finding of this run, as it will be stored."""

    kind: str
    fingerprint: str
    persons: tuple[str, ...]
    households: tuple[str, ...]
    score: float | None
    reasons: list[dict[str, Any]] | None
    params: dict[str, Any]


def decided(session: Session, commune_id: str, decision: str) -> set[str]:
    """Fingerprints under an active resolution with this decision."""
    return set(session.scalars(select(Resolution.subject_key).where(
        Resolution.commune_id == commune_id, Resolution.status == "active", Resolution.decision == decision)))


_UNIQUE_FIELDS = frozenset(("id", "id_number", "bhxh_code", "card_number", "sex"))  # unique, or one-letter (shared already)
_READ_CHUNK = 50_000


def read_persons(session: Session, commune_id: str) -> tuple[RecordTable, list[tuple[Any, ...]]]:
    """One pass over the commune's persons: the active ones as the matcher's table, and every active, dead or
    moved-out one as the checks' rows (plain tuples in PersonRow's order, no object per person). On SQLite the rows
    come straight from the driver (SQLAlchemy's per-row processing would cost more than reading them).

    The driver makes a new string for every value of every row: 2 million persons would hold 2 million copies of
    "active", of each household's id and of each birthplace. Read a chunk at a time, the values of the repetitive
    columns are replaced by one shared string each (half the memory of the rows at an office's size)."""
    c = Person.__table__.c
    where = (c.commune_id == commune_id) & c.status.in_(("active", "dead", "moved_out"))
    stmt = select(*(c[f] for f in _CHECK_FIELDS)).where(where)
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
        driver = conn.connection.driver_connection
        assert driver is not None  # a live connection has its driver's
        cursor = driver.execute(str(compiled), [compiled.params[k] for k in compiled.positiontup or ()])
    else:
        cursor = conn.execute(stmt)
    persons = _shared_rows(iter(lambda: cursor.fetchmany(_READ_CHUNK), []))
    status = _CHECK_FIELDS.index("status")
    active = [p for p in persons if p[status] == "active"]
    columns = list(zip(*active)) if active else [() for _ in _CHECK_FIELDS]
    table = RecordTable({f: columns[_CHECK_FIELDS.index(f)] for f in _MATCH_FIELDS})
    return table, persons


def _shared_rows(chunks: Iterable[Sequence[Sequence[Any]]]) -> list[tuple[Any, ...]]:
    """The rows as tuples, each value of a repetitive column one object shared by every row that has it."""
    seen: list[dict[Any, Any] | None] = [None if f in _UNIQUE_FIELDS else {} for f in _CHECK_FIELDS]
    rows: list[tuple[Any, ...]] = []
    for chunk in chunks:
        columns = [col if known is None else list(map(known.setdefault, col, col))
                   for col, known in zip(zip(*chunk), seen)]
        rows += zip(*columns)
        del columns
    return rows


def read_households(session: Session, commune_id: str) -> list[HouseholdRow]:
    h = Household.__table__.c
    return [HouseholdRow._make(r) for r in session.connection().execute(
        select(h.id, h.code, h.status).where(h.commune_id == commune_id)).all()]


def pair_found(p: Pair) -> Found:
    return Found(DUPLICATE, p.fingerprint, (p.a_id, p.b_id), (), p.score,
                 [{"key": r.key, "params": r.params} for r in p.reasons],
                 {"decision": p.decision, "probability": round(p.probability, 4)})


def check_found(c: CheckFinding) -> Found:
    on_household = c.kind in HOUSEHOLD_KINDS
    return Found(c.kind, c.fingerprint, () if on_household else c.subject_ids,
                 c.subject_ids if on_household else (), None, None, dict(c.params))


def store(ctx: OpContext, found: Iterable[Found]) -> dict[str, int]:
    """Write this run's findings against the stored ones; counts of added, kept, reopened and closed."""
    session, cid = ctx.session, ctx.commune_id
    assert cid is not None
    t = Finding.__table__
    stored = {r.fingerprint: r for r in session.execute(
        select(t.c.id, t.c.fingerprint, t.c.status, t.c.score, t.c.reasons, t.c.params).where(
            t.c.commune_id == cid))}
    checked = decided(session, cid, "checked") | decided(session, cid, "corrected")
    now = utcnow()
    new_rows: list[dict[str, Any]] = []
    subjects: list[dict[str, Any]] = []
    updates: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
    seen: set[str] = set()
    counts = {"added": 0, "kept": 0, "reopened": 0, "closed": 0}
    for f in found:
        if f.fingerprint in seen:
            continue
        seen.add(f.fingerprint)
        old = stored.get(f.fingerprint)
        status = "resolved" if f.fingerprint in checked else "open"
        if old is None:
            fid = new_id()
            new_rows.append({"id": fid, "commune_id": cid, "kind": f.kind, "fingerprint": f.fingerprint,
                             "score": f.score, "reasons": f.reasons, "params": f.params, "status": status})
            subjects += [{"id": new_id(), "finding_id": fid, "person_id": p, "household_id": None}
                         for p in f.persons]
            subjects += [{"id": new_id(), "finding_id": fid, "person_id": None, "household_id": h}
                         for h in f.households]
            counts["added"] += 1
            continue
        before = {"status": old.status, "score": old.score, "reasons": old.reasons, "params": old.params}
        after = {"status": "resolved" if old.status == "resolved" else status, "score": f.score,
                 "reasons": f.reasons, "params": f.params}
        counts["reopened" if old.status == "void" and after["status"] == "open" else "kept"] += 1
        if before != after:
            updates.append((old.id, before, after))
    for fp, old in stored.items():
        if fp not in seen and old.status == "open":
            updates.append((old.id, {"status": "open"}, {"status": "resolved"}))
            counts["closed"] += 1
    write.insert(session, cast(Table, t), new_rows, now=now)
    write.insert(session, cast(Table, FindingSubject.__table__), subjects, now=now)
    write.update(session, cast(Table, t), updates, now=now)
    if new_rows:
        ctx.changes.touch("finding", *(r["id"] for r in new_rows), created=True)
    if updates:
        ctx.changes.touch("finding", *(u[0] for u in updates))
    return counts


@dataclass(frozen=True)
class RunReview(Operation):
    """Review the commune's register: duplicate persons and the other findings, stored for the clerk to decide.
    `ctx.value` = {"added", "kept", "reopened", "closed", "pairs", "findings"} counts."""

    kind = "review"
    label_key = "op.review"

    def apply(self, ctx: OpContext) -> Changes:
        collecting = gc.isenabled()
        gc.disable()  # millions of rows, values and codes made and kept to the end: the collector would only walk
        try:          # them again and again (a third of the checks' time); none of them form cycles
            return self._apply(ctx)
        finally:
            if collecting:
                gc.enable()

    def _apply(self, ctx: OpContext) -> Changes:
        assert ctx.commune_id is not None
        session, cid = ctx.session, ctx.commune_id
        distinct = decided(session, cid, "distinct")
        table, persons = read_persons(session, cid)
        n = len(table)

        def tell(done: int, total: int, stage: str) -> None:
            ctx.check_cancel()
            ctx.progress(done, total, stage)  # a key under "review.stage." (the words: messages.render)

        from app.review.matcher import find_pairs  # numpy and the matcher load when a review runs

        pairs = find_pairs(table, known_distinct=distinct, progress=tell)
        del table
        checks = run_checks(persons, read_households(session, cid), today=ctx.today)
        del persons
        ctx.check_cancel()
        counts = store(ctx, [*(pair_found(p) for p in pairs), *(check_found(c) for c in checks)])
        ctx.value = {**counts, "persons": n, "pairs": len(pairs), "findings": len(checks),
                     "matches": sum(1 for p in pairs if p.decision == "match")}
        return ctx.changes
