"""One engine set-up: SQLite pragmas in one connect event, or a PostgreSQL URL as given.

Write transactions take the database's write lock when they begin, so that what an operation reads (to plan) and
what it writes are one consistent unit: SQLite's `BEGIN IMMEDIATE`, a transaction-scoped advisory lock on
PostgreSQL. A second writer waits (SQLite's busy timeout, PostgreSQL's lock queue) instead of planning on a state
that the first is about to change.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

WRITE = "hgd_write"            # execution option: this connection's transactions write
BUSY_TIMEOUT_MS = 15_000       # how long a writer waits for another writer before giving up
PG_LOCK_KEY = 0x68_67_64       # "hgd": the advisory lock all writers of a PostgreSQL register share
# SQLite: the page size of a register made from now on (an existing file keeps its own). Half as many pages to read,
# write and checkpoint in a large import (the 30,000-person XLSX: about 5 % of its time), as PostgreSQL's 8 KiB.
PAGE_SIZE = 8192


def is_url(db: str | Path) -> bool:
    """A plain path means a SQLite file; anything with '://' is an SQLAlchemy URL (app.store.target resolves it)."""
    return "://" in str(db)


def _sqlite_pragmas(write: bool) -> Callable[[Any, Any], None]:
    def connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not pysqlite, decide when transactions begin, so BEGIN covers every statement.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if write:
            cur.execute(f"PRAGMA page_size={PAGE_SIZE}")  # only an empty file takes it: before WAL, before any table
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
        else:  # a reader changes nothing, not even the journal mode of the file
            cur.execute("PRAGMA query_only=ON")
        cur.execute("PRAGMA cache_size=-65536")  # 64 MiB: bulk inserts into several indexes stay in memory
        cur.close()
    return connect


def _sqlite_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")


def _pg_begin(conn: Any) -> None:
    if conn.get_execution_options().get(WRITE):
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_LOCK_KEY})")


def make_engine(db: str | Path, *, mode: str = "rw", write: bool = True, **kwargs: Any) -> Engine:
    """An engine for a SQLite file (a path: opened in `mode` "rw", "ro" or "immutable" — see
    app.store.sqlite_file) or a database URL. `write` False: a reader (SQLite: query_only, the journal mode left
    as the file has it)."""
    if is_url(db):
        engine = create_engine(str(db), **kwargs)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas(write))
            event.listen(engine, "begin", _sqlite_begin)
        else:
            event.listen(engine, "begin", _pg_begin)
        return engine
    from app.store.sqlite_file import connect

    path = Path(str(db)).resolve()
    write = write and mode == "rw"
    engine = create_engine(f"sqlite:///{path}", creator=lambda: connect(path, mode), **kwargs)
    event.listen(engine, "connect", _sqlite_pragmas(write))
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def writer(engine: Engine) -> Engine:
    """The same engine, its transactions taking the write lock as they begin."""
    return engine.execution_options(**{WRITE: True})
