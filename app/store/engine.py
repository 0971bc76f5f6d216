"""One engine set-up: SQLite pragmas in one connect event, or a PostgreSQL URL as given.

Write transactions take the database's write lock when they begin, so that what an operation reads (to plan) and
what it writes are one consistent unit: SQLite's `BEGIN IMMEDIATE`, a transaction-scoped advisory lock on
PostgreSQL. A second writer waits (SQLite's busy timeout, PostgreSQL's lock queue) instead of planning on a state
that the first is about to change.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

WRITE = "hgd_write"            # execution option: this connection's transactions write
BUSY_TIMEOUT_MS = 15_000       # how long a writer waits for another writer before giving up
PG_LOCK_KEY = 0x68_67_64       # "hgd": the advisory lock all writers of a PostgreSQL register share


def is_url(db: str | Path) -> bool:
    """A plain path means a SQLite file; anything with '://' is an SQLAlchemy URL."""
    return "://" in str(db)


def url_for(db: str | Path, *, read_only: bool = False) -> str:
    text = str(db)
    if is_url(text):
        return text
    path = Path(text).resolve()
    if read_only:  # the URI form lets SQLite open a file it may not write, and never create one
        return f"sqlite:///file:{path.as_posix()}?mode=ro&uri=true"
    return f"sqlite:///{path}"


def is_sqlite_url(url: str) -> bool:
    return url.startswith("sqlite")


def _sqlite_pragmas(read_only: bool):
    def connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not pysqlite, decide when transactions begin, so BEGIN covers every statement.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if read_only:
            cur.execute("PRAGMA query_only=ON")
        else:
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA cache_size=-65536")  # 64 MiB: bulk inserts into several indexes stay in memory
        cur.close()
    return connect


def _sqlite_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")


def _pg_begin(conn: Any) -> None:
    if conn.get_execution_options().get(WRITE):
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_LOCK_KEY})")


def make_engine(db: str | Path, *, read_only: bool = False, **kwargs: Any) -> Engine:
    url = url_for(db, read_only=read_only)
    engine = create_engine(url, **kwargs)
    if is_sqlite_url(url):
        event.listen(engine, "connect", _sqlite_pragmas(read_only))
        event.listen(engine, "begin", _sqlite_begin)
    else:
        event.listen(engine, "begin", _pg_begin)
    return engine


def writer(engine: Engine) -> Engine:
    """The same engine, its transactions taking the write lock as they begin."""
    return engine.execution_options(**{WRITE: True})
