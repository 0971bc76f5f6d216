"""One engine set-up: SQLite pragmas in one connect event, or a PostgreSQL URL as given."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event


def url_for(db: str | Path) -> str:
    """A plain path means a SQLite file; anything with '://' is an SQLAlchemy URL (PostgreSQL at the district)."""
    text = str(db)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).resolve()}"


def is_sqlite_url(url: str) -> bool:
    return url.startswith("sqlite")


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    # Let SQLAlchemy, not pysqlite, decide when transactions begin, so BEGIN covers every statement.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA cache_size=-65536")  # 64 MiB: bulk inserts into several indexes stay in memory
    cur.close()


def _sqlite_begin(conn) -> None:
    conn.exec_driver_sql("BEGIN")


def make_engine(db: str | Path, **kwargs) -> Engine:
    url = url_for(db)
    engine = create_engine(url, **kwargs)
    if is_sqlite_url(url):
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine
