"""The store's write API for many rows at once, in the manner of sqlite-utils: `insert` and `update` of plain dicts,
with their audit entries written alongside, on SQLite and PostgreSQL alike (app.store.audit makes the entries).

Rows are dicts keyed by column name; an inserted row carries its `id` (app.ids.new_id / new_ids). Everything runs in
the caller's action (one transaction): on any error the caller's rollback leaves the database untouched.

On SQLite the rows go straight to the driver, many rows per INSERT statement (SQLAlchemy's per-value processing
would triple the time of a 150,000-person import), and SQLite builds the creation snapshots itself with json_object
(the same JSON as audit.snapshot). PostgreSQL takes Core inserts and the snapshots made in Python. The same SQLite
statements can be made beforehand and run later on the driver's connection (`insert_statements`, `update_statements`,
`audit_created`): the import's writer thread runs them while the file is still being read (app.io.pipeline).
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager, suppress
from datetime import datetime
from itertools import chain
from operator import itemgetter
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
REBUILD_INDEXES_FROM = 20_000  # SQLite: rows of one insert from which a table's indexes are made after it
ROWS_PER_STATEMENT = 1000  # SQLite: rows in one INSERT … VALUES (…), (…); fewer when the variable limit is lower
# SQLite: the page cache (KiB) while a bulk write appends to tables without indexes; it also bounds the sorter that
# makes the indexes again after (16 MiB cost a 150,000-person import about 30 MB of peak memory; 2 MiB, no time)
BULK_CACHE_KIB = -2048
UPDATE_TABLE_FROM = 100    # SQLite: rows from which an update goes through a temporary table (_update_raw)
_NULL = float("nan")       # bound as a float (fast), stored by SQLite as NULL (it has no NaN)
# json.dumps(v, ensure_ascii=False), without making an encoder for each value (five times faster)
_json = json.JSONEncoder(ensure_ascii=False).encode


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
           audited: bool | None = None, common: dict[str, Any] | None = None) -> None:
    """Insert complete rows (missing columns get `common`'s values, else their defaults), with a creation entry
    each when the table is audited (`audited` None: as app.store.audit says). `common`: values every row shares
    (a commune's id), kept out of 150,000 dicts."""
    if not rows:
        return
    now = now or utcnow()
    audited = table.name in audit.ENTITIES if audited is None else audited
    if session.connection().dialect.name == "sqlite":
        before = max_rowid(session, table) if audited or len(rows) >= REBUILD_INDEXES_FROM else 0
        dbapi = driver_connection(session)
        with _indexes_rebuilt(session, table, len(rows), before):
            _insert_packed(dbapi, table, rows, now, common)
        if audited:
            act = _action(session)
            audit_created(dbapi, table, before, (act.id, act.actor), now)
        return
    base = {**defaults(table, now), **(common or {})}
    full = [{**base, **r} for r in rows]
    conn = session.connection()
    for chunk in _chunks(full):
        conn.execute(sa_insert(table), list(chunk))
    if audited:
        _insert_entries(session, audit.entries_for_insert(_action(session), table, full, now))


def driver_connection(session: Session) -> sqlite3.Connection:
    """The SQLite driver's own connection under the session's transaction."""
    dbapi = session.connection().connection.driver_connection
    assert isinstance(dbapi, sqlite3.Connection)  # a live SQLite connection has its driver's
    return dbapi


def update(session: Session, table: Table, changes: Sequence[tuple[str, dict[str, Any], dict[str, Any]]], *,
           now: datetime | None = None) -> None:
    """Apply (id, old values, new values) to rows of an audited table: the fields that differ are set, each with its
    entry. `old` is what the caller read in this transaction (the write lock keeps it true)."""
    act, now = _action(session), now or utcnow()
    key = next(iter(table.primary_key.columns))
    entries, by_fields = _changed(act, table, changes, now)
    conn = session.connection()
    sqlite = conn.dialect.name == "sqlite"
    for fields, by_id in by_fields.items():
        names = list(fields) + (["updated_at"] if "updated_at" in table.c else [])
        rows = [{"_id": row_id, **values} for row_id, values in by_id.items()]
        if sqlite:
            _update_raw(session, table, key.key, names, rows)
            continue
        stmt = sa_update(table).where(key == bindparam("_id")).values({n: bindparam(n) for n in names})
        for chunk in _chunks(rows):
            conn.execute(stmt, list(chunk))
    _insert_entries(session, entries)


def update_statements(table: Table, changes: Sequence[tuple[str, dict[str, Any], dict[str, Any]]], *, act: Action,
                      now: datetime, variables: int) -> list[tuple[str, list[Any]]]:
    """SQLite: what `update` does, as statements to run later on the driver's connection (the import's writer
    thread): the same rows changed, the same entries. Each UPDATE takes many rows' values (`variables`: the
    connection's limit of bound values) from a VALUES list, in one statement: no statement per row."""
    key = next(iter(table.primary_key.columns)).key
    entries, by_fields = _changed(act, table, changes, now)
    statements: list[tuple[str, list[Any]]] = []
    as_json = {c.key for c in table.columns if isinstance(c.type, JSON)}
    stamp = sqlite_datetime(now)
    for fields, by_id in by_fields.items():
        names = list(fields) + (["updated_at"] if "updated_at" in table.c else [])
        taken = ", ".join(f"{n} = v.column{i + 2}" for i, n in enumerate(names))
        one = f"({', '.join('?' * (len(names) + 1))})"
        items, start = list(by_id.items()), 0
        for size in statement_sizes(len(items), max(1, min(ROWS_PER_STATEMENT, variables // (len(names) + 1)))):
            part = items[start:start + size]
            start += size
            params = [p for row_id, values in part
                      for p in [row_id] + [stamp if n == "updated_at" else _stored(as_json, n, values[n]) for n in names]]
            sql = (f"UPDATE {table.name} SET {taken} FROM (VALUES {', '.join([one] * len(part))}) AS v "
                   f"WHERE {table.name}.{key} = v.column1")
            statements.append((sql, params))
    statements += insert_statements(cast(Table, AuditEntry.__table__), entries, now, None, variables)
    return statements


def _changed(act: Action, table: Table, changes: Sequence[tuple[str, dict[str, Any], dict[str, Any]]],
             now: datetime) -> tuple[list[dict[str, Any]], dict[tuple[str, ...], dict[str, dict[str, Any]]]]:
    """The audit entries of the changes, and the new values by the fields they set, then by row id (a row named
    twice takes its last values)."""
    by_fields: dict[tuple[str, ...], dict[str, dict[str, Any]]] = {}
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
        rows = by_fields.setdefault(fields, {})
        rows.pop(row_id, None)
        rows[row_id] = values
    return entries, by_fields


def _stored(as_json: set[str], name: str, v: Any) -> Any:
    """A value as SQLAlchemy's type of its column would bind it."""
    if name in as_json:
        return None if v is None else _json(v)
    if isinstance(v, datetime):
        return sqlite_datetime(v)
    if isinstance(v, bool):
        return int(v)
    return v


def _update_raw(session: Session, table: Table, key: str, names: list[str], rows: list[dict[str, Any]]) -> None:
    """SQLite: the new values go by the driver (SQLAlchemy's per-value processing costs more than SQLite's own work),
    written as SQLAlchemy's types would write them. Many rows go into a temporary table that one UPDATE takes them
    from: SQLite opens a statement journal for each UPDATE that may fail a key check, so one statement for all the
    rows costs half of one per row. A few rows (a clerk's edit) are one prepared UPDATE each. Either way a row named
    twice takes its last values."""
    as_json = {c.key for c in table.columns if isinstance(c.type, JSON)}
    changes = "temp.hgd_changes"
    params = ([r["_id"]] + [_stored(as_json, n, r[n]) for n in names] for r in rows)
    cursor = driver_connection(session).cursor()
    try:
        if len(rows) < UPDATE_TABLE_FROM:
            cursor.executemany(f"UPDATE {table.name} SET {', '.join(f'{n} = ?' for n in names)} WHERE {key} = ?",
                               (p[1:] + p[:1] for p in params))
            return
        cursor.execute(f"DROP TABLE IF EXISTS {changes}")  # left by a failed update on this connection
        cursor.execute(f"CREATE TABLE {changes} (_id PRIMARY KEY, {', '.join(names)})")  # untyped: values as bound
        try:
            cursor.executemany(f"INSERT OR REPLACE INTO {changes} VALUES ({', '.join('?' * (len(names) + 1))})",
                               params)
            taken = ", ".join(f"{n} = (SELECT {n} FROM {changes} WHERE _id = {table.name}.{key})" for n in names)
            cursor.execute(f"UPDATE {table.name} SET {taken} WHERE {key} IN (SELECT _id FROM {changes})")
        finally:
            cursor.execute(f"DROP TABLE {changes}")
    finally:
        cursor.close()


def _insert_entries(session: Session, entries: list[dict[str, Any]]) -> None:
    if entries:
        insert(session, cast(Table, AuditEntry.__table__), entries, audited=False)


@contextmanager
def bulk(session: Session, adding: dict[Table, int]) -> Iterator[None]:
    """SQLite, several large inserts in one action (an import: households, persons and their audit entries): the
    secondary indexes of each table that holds fewer rows than it is about to gain are dropped before the writes
    and made again, once, after them, in the same transaction (as `_indexes_rebuilt` does for one insert; a
    rollback brings them back). Unique indexes are kept. Meanwhile the page cache is smaller (appending needs few
    pages; the caller's rows already take memory), and given back after. Elsewhere, and for small writes, nothing
    changes."""
    if session.connection().dialect.name != "sqlite" or session.info.get(_BULK):
        yield
        return
    conn = session.connection()
    sizes = {table: (count, max_rowid(session, table)) for table, count in adding.items()}
    smaller = any(count >= REBUILD_INDEXES_FROM and rowid <= count for count, rowid in sizes.values())
    cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    if smaller:  # appended rows need few pages in memory; what the file's rows held is the peak to stay under
        conn.exec_driver_sql(f"PRAGMA cache_size={BULK_CACHE_KIB}")
    try:
        with ExitStack() as rebuilt:  # left in reverse order: each table's indexes made after all the writes
            for table, (count, rowid) in sizes.items():
                rebuilt.enter_context(_indexes_rebuilt(session, table, count, rowid))
            session.info[_BULK] = True
            try:
                yield
            finally:
                session.info.pop(_BULK, None)
    finally:
        if smaller:  # not part of the transaction: the connection gets its own cache back however this ends
            with suppress(Exception):
                conn.exec_driver_sql(f"PRAGMA cache_size={int(cache or 0)}")


_BULK = "hgd_bulk_indexes"


@contextmanager
def _indexes_rebuilt(session: Session, table: Table, adding: int, rowid: int) -> Iterator[None]:
    """SQLite, a large insert into a table that holds fewer rows than it gains (a first import): its secondary
    indexes are dropped and made again after the insert, in the same transaction (DDL is transactional in SQLite:
    a rollback, or a killed process, brings them back as they were). Keys in random order (names, codes) cost a
    B-tree descent per row per index; building an index sorts once. Unique indexes are kept, so that a duplicate
    is still refused by the insert itself."""
    if adding < REBUILD_INDEXES_FROM or rowid > adding or session.info.get(_BULK):  # rowid: the table's size
        yield
        return
    conn = session.connection()
    found = conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                                 "AND sql IS NOT NULL", (table.name,)).all()
    kept = [(name, sql) for name, sql in found if not sql.lstrip().upper().startswith("CREATE UNIQUE")]
    for name, _sql in kept:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    yield
    for _name, sql in kept:
        conn.exec_driver_sql(sql)


def max_rowid(session: Session, table: Table) -> int:
    return session.connection().exec_driver_sql(f"SELECT coalesce(max(rowid), 0) FROM {table.name}").scalar() or 0


def _insert_packed(dbapi: sqlite3.Connection, table: Table, rows: Sequence[dict[str, Any]], now: datetime,
                   common: dict[str, Any] | None = None) -> None:
    """Many rows per statement: one trip into SQLite per few hundred rows, not per row."""
    cursor = dbapi.cursor()
    try:
        for sql, params in insert_statements(table, rows, now, common, variable_limit(dbapi)):
            cursor.execute(sql, params)  # packed a statement at a time: no second copy of all the rows
    finally:
        cursor.close()


def variable_limit(dbapi: sqlite3.Connection) -> int:
    """The most values one statement may bind on this connection."""
    return dbapi.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)


def insert_statements(table: Table, rows: Sequence[dict[str, Any]], now: datetime, common: dict[str, Any] | None,
                      variables: int) -> Iterator[tuple[str, list[Any]]]:
    """SQLite: the INSERT statements of `rows` (missing columns get `common`'s values, else their defaults), many
    rows each (`variables`: the connection's limit of bound values), made as they are taken. An absent value is
    bound as NaN, which SQLite stores as NULL: the driver binds a float directly but None through a slow path."""
    base = {**defaults(table, now), **(common or {})}
    names = list(base)
    fixed = {k: (sqlite_datetime(v) if isinstance(v, datetime) else _NULL if v is None else v)
             for k, v in base.items()}
    stamped = [c.key for c in table.columns if isinstance(c.type, DateTime)]
    as_json = [c.key for c in table.columns if isinstance(c.type, JSON)]
    flags = [c.key for c in table.columns if isinstance(c.type, Boolean)]
    row_tuple = itemgetter(*names)
    stamps: dict[tuple[datetime, Any], str] = {}  # the text of each time met (rows made together share theirs)

    def values(r: dict[str, Any]) -> list[Any]:
        full = {**fixed, **r}
        for key in stamped:
            if key in r and isinstance(full[key], datetime):
                when = full[key]
                full[key] = stamps.get((when, when.tzinfo)) or stamps.setdefault((when, when.tzinfo),
                                                                                   sqlite_datetime(when))
        for key in as_json:  # what SQLAlchemy's JSON type would write
            v = r.get(key)
            full[key] = _NULL if v is None else _json(v)
        for key in flags:
            if key in r and isinstance(full[key], bool):
                full[key] = int(full[key])
        return [_NULL if v is None else v for v in row_tuple(full)]

    head = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES "
    one = f"({', '.join('?' * len(names))})"
    texts: dict[int, str] = {}
    start = 0
    for size in statement_sizes(len(rows), max(1, min(ROWS_PER_STATEMENT, variables // len(names)))):
        sql = texts.get(size) or texts.setdefault(size, head + ", ".join([one] * size))
        yield sql, list(chain.from_iterable(map(values, rows[start:start + size])))
        start += size


def statement_sizes(count: int, per: int) -> Iterator[int]:
    """How many rows each statement of a multi-row write takes: `per` as long as there are that many, the rest in
    powers of two. The driver keeps every statement it prepared (its cache holds 128), and a prepared INSERT of a
    few hundred rows takes over a megabyte: sizes of a few kinds keep that bounded however the rows come (the
    import's parts, each of its own size, would make one more kind each)."""
    while count >= per:
        yield per
        count -= per
    size = 1 << max(count.bit_length() - 1, 0)
    while count:
        if size <= count:
            yield size
            count -= size
        size >>= 1


def audit_created(dbapi: sqlite3.Connection, table: Table, after_rowid: int, act: tuple[str, str],
                  now: datetime) -> None:
    """The creation snapshots of the rows just inserted, built by SQLite itself (json_object in C is ten times
    faster than json.dumps per row): the same JSON as audit.snapshot — sorted keys, no nulls, no timestamps, JSON
    columns as JSON values. `act`: the action's id and actor."""
    columns = sorted(c.key for c in table.columns if c.key not in audit.SKIPPED_FIELDS)
    json_cols = {c.key for c in table.columns if isinstance(c.type, JSON)}
    pairs = ", ".join(f"'{c}', json({c})" if c in json_cols else f"'{c}', {c}" for c in columns)
    key = next(iter(table.primary_key.columns)).key
    dbapi.execute(
        f"INSERT INTO audit_entries (action_id, entity, entity_id, field, old, new, actor, at) "
        f"SELECT ?, ?, {key}, '*', NULL, json_patch('{{}}', json_object({pairs})), ?, ? "
        f"FROM {table.name} WHERE rowid > ? ORDER BY rowid",
        (act[0], audit.ENTITIES[table.name], act[1], sqlite_datetime(now), after_rowid))
