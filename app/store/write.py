"""The store's write API for many rows at once, in the manner of sqlite-utils: `insert` and `update` of plain dicts,
with their audit entries written alongside, on SQLite and PostgreSQL alike (app.store.audit makes the entries).

Rows are dicts keyed by column name; an inserted row carries its `id` (app.ids.new_id / new_ids). Everything runs in
the caller's action (one transaction): on any error the caller's rollback leaves the database untouched.

On SQLite the rows go straight to the driver, many rows per INSERT statement (SQLAlchemy's per-value processing
would triple the time of a 150,000-person import), and SQLite builds the creation snapshots itself with json_object
(the same JSON as audit.snapshot). PostgreSQL takes Core inserts and the snapshots made in Python.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from itertools import chain
from operator import itemgetter
from sqlite3 import SQLITE_LIMIT_VARIABLE_NUMBER
from typing import Any, cast

from sqlalchemy import JSON, Boolean, DateTime, Integer, Table, bindparam
from sqlalchemy import insert as sa_insert
from sqlalchemy import update as sa_update
from sqlalchemy.orm import Session
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from app.store import audit
from app.store.clock import utcnow
from app.store.models import Action, AuditEntry

CHUNK = 5000
ROWS_PER_STATEMENT = 1000  # SQLite: rows in one INSERT … VALUES (…), (…); fewer when the variable limit is lower
_NULL = float("nan")       # bound as a float (fast), stored by SQLite as NULL (it has no NaN)


def _chunks(rows: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def sqlite_datetime(value: datetime) -> str:
    """The text form SQLAlchemy's SQLite DateTime type writes and reads back."""
    return value.isoformat(sep=" ", timespec="microseconds")


def _action(session: Session) -> Action:
    act: Action | None = session.info.get("action")
    if act is None:
        raise RuntimeError("a write to the register outside an action (no audit context)")
    return act


def defaults(table: Table, now: datetime) -> dict[str, Any]:
    """Every column of `table` with its scalar default, or `now` for timestamps, or None."""
    out: dict[str, Any] = {}
    for col in table.columns:
        if isinstance(col.default, ScalarElementColumnDefault):  # what `default.is_scalar` tells
            out[col.key] = col.default.arg
        elif col.key in ("created_at", "updated_at", "at"):
            out[col.key] = now
        elif not (col.primary_key and col.autoincrement is True and isinstance(col.type, Integer)):
            out[col.key] = None
    return out


def insert(session: Session, table: Table, rows: Sequence[dict[str, Any]], *, now: datetime | None = None,
           audited: bool | None = None) -> None:
    """Insert complete rows (missing columns get their defaults), with a creation entry each when the table is
    audited (`audited` None: as app.store.audit says)."""
    if not rows:
        return
    now = now or utcnow()
    audited = table.name in audit.ENTITIES if audited is None else audited
    if session.connection().dialect.name == "sqlite":
        before = _max_rowid(session, table) if audited else 0
        _insert_packed(session, table, rows, now)
        if audited:
            _audit_new_rows_in_sql(session, table, before, _action(session), now)
        return
    full = [{**defaults(table, now), **r} for r in rows]
    conn = session.connection()
    for chunk in _chunks(full):
        conn.execute(sa_insert(table), list(chunk))
    if audited:
        _insert_entries(session, audit.entries_for_insert(_action(session), table, full, now))


def update(session: Session, table: Table, changes: Sequence[tuple[str, dict[str, Any], dict[str, Any]]], *,
           now: datetime | None = None) -> None:
    """Apply (id, old values, new values) to rows of an audited table: the fields that differ are set, each with its
    entry. `old` is what the caller read in this transaction (the write lock keeps it true)."""
    act, now = _action(session), now or utcnow()
    key = next(iter(table.primary_key.columns))
    by_fields: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    entries: list[dict[str, Any]] = []
    for row_id, old, new in changes:
        found = audit.entries_for_update(act, table, row_id, old, new, now)
        if not found:
            continue
        entries += found
        fields = tuple(sorted(e["field"] for e in found))
        values = {f: new[f] for f in fields}
        if "updated_at" in table.c:
            values["updated_at"] = now
        by_fields.setdefault(fields, []).append({"_id": row_id, **values})
    conn = session.connection()
    for fields, rows in by_fields.items():
        names = list(fields) + (["updated_at"] if "updated_at" in table.c else [])
        stmt = sa_update(table).where(key == bindparam("_id")).values({n: bindparam(n) for n in names})
        for chunk in _chunks(rows):
            conn.execute(stmt, list(chunk))
    _insert_entries(session, entries)


def _insert_entries(session: Session, entries: list[dict[str, Any]]) -> None:
    if entries:
        insert(session, cast(Table, AuditEntry.__table__), entries, audited=False)


def _max_rowid(session: Session, table: Table) -> int:
    return session.connection().exec_driver_sql(f"SELECT coalesce(max(rowid), 0) FROM {table.name}").scalar() or 0


def _insert_packed(session: Session, table: Table, rows: Sequence[dict[str, Any]], now: datetime) -> None:
    """Many rows per statement: one trip into SQLite per few hundred rows, not per row. An absent value is bound as
    NaN, which SQLite stores as NULL: the driver binds a float directly but None through a slow path."""
    base = defaults(table, now)
    names = list(base)
    fixed = {k: (sqlite_datetime(v) if isinstance(v, datetime) else _NULL if v is None else v)
             for k, v in base.items()}
    stamped = [c.key for c in table.columns if isinstance(c.type, DateTime)]
    as_json = [c.key for c in table.columns if isinstance(c.type, JSON)]
    flags = [c.key for c in table.columns if isinstance(c.type, Boolean)]
    row_tuple = itemgetter(*names)

    def values(r: dict[str, Any]) -> tuple[Any, ...]:
        full = {**fixed, **r}
        for key in stamped:
            if isinstance(full[key], datetime):
                full[key] = sqlite_datetime(full[key])
        for key in as_json:  # what SQLAlchemy's JSON type would write
            v = r.get(key)
            full[key] = _NULL if v is None else json.dumps(v, ensure_ascii=False)
        for key in flags:
            if isinstance(full[key], bool):
                full[key] = int(full[key])
        for key, v in full.items():
            if v is None:
                full[key] = _NULL
        packed_row: tuple[Any, ...] = row_tuple(full)
        return packed_row

    packed = [values(r) for r in rows]
    dbapi = session.connection().connection.driver_connection
    assert dbapi is not None  # a live connection has its driver's
    per = max(1, min(ROWS_PER_STATEMENT, dbapi.getlimit(SQLITE_LIMIT_VARIABLE_NUMBER) // len(names)))
    head = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES "
    one = f"({', '.join('?' * len(names))})"
    full_sql = head + ", ".join([one] * per)
    cursor = dbapi.cursor()
    try:
        for start in range(0, len(packed), per):
            part = packed[start:start + per]
            sql = full_sql if len(part) == per else head + ", ".join([one] * len(part))
            cursor.execute(sql, list(chain.from_iterable(part)))
    finally:
        cursor.close()


def _audit_new_rows_in_sql(session: Session, table: Table, after_rowid: int, act: Action, now: datetime) -> None:
    """The creation snapshots of the rows just inserted, built by SQLite itself (json_object in C is ten times
    faster than json.dumps per row): the same JSON as audit.snapshot — sorted keys, no nulls, no timestamps, JSON
    columns as JSON values."""
    columns = sorted(c.key for c in table.columns if c.key not in audit.SKIPPED_FIELDS)
    json_cols = {c.key for c in table.columns if isinstance(c.type, JSON)}
    pairs = ", ".join(f"'{c}', json({c})" if c in json_cols else f"'{c}', {c}" for c in columns)
    key = next(iter(table.primary_key.columns)).key
    session.connection().exec_driver_sql(
        f"INSERT INTO audit_entries (action_id, entity, entity_id, field, old, new, actor, at) "
        f"SELECT ?, ?, {key}, '*', NULL, json_patch('{{}}', json_object({pairs})), ?, ? "
        f"FROM {table.name} WHERE rowid > ? ORDER BY rowid",
        (act.id, audit.ENTITIES[table.name], act.actor, sqlite_datetime(now), after_rowid))
