"""What `--db` names: a SQLite file (a path, or the same path as a `sqlite:///` URL) or a PostgreSQL database.

Both spellings of a SQLite file lead to one path, so the URL form gets every check a path gets (a regular file, an
hgd register, not damaged, never created by a reading command). What cannot hold a register is refused here, with
its reason: an in-memory database (it is gone when the command ends), a SQLite URL with options, another kind of
database server. A PostgreSQL URL is shown without its password.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from app import messages
from app.errors import HgdError

messages.register({
    "db.memory": (("'{path}' là cơ sở dữ liệu trong bộ nhớ: mọi thứ mất khi lệnh kết thúc. Hãy chỉ một tệp sổ, "
                  "ví dụ --db xa.db."),
                  ("'{path}' is an in-memory database: everything is lost when the command ends. Name a register "
                  "file, e.g. --db xa.db.")),
    "db.url_form": ("Địa chỉ '{path}' có tham số mà hgd không dùng; hãy ghi đường dẫn tệp sổ, ví dụ --db xa.db.",
                    ("The address '{path}' has options hgd does not use; give the register file's path, e.g. "
                    "--db xa.db.")),
    "db.unsupported": ("'{path}' không phải tệp sổ SQLite hay địa chỉ PostgreSQL (postgresql+psycopg://…).",
                       ("'{path}' is neither a SQLite register file nor a PostgreSQL address "
                       "(postgresql+psycopg://…).")),
})

_PG_DRIVERS = ("postgresql", "postgres", "postgresql+psycopg", "postgresql+psycopg2", "postgresql+pg8000",
               "postgresql+asyncpg")
_SQLITE_DRIVERS = ("sqlite", "sqlite+pysqlite")


@dataclass(frozen=True)
class Target:
    """A resolved `--db`: `path` for a SQLite file, `url` (an SQLAlchemy URL string) for PostgreSQL; `where` is
    what messages show (the path as the user wrote it, or the URL without its password)."""

    where: str
    path: Path | None = None
    url: str | None = None

    @property
    def is_file(self) -> bool:
        return self.path is not None


def is_url(db: str | Path) -> bool:
    return "://" in str(db)


def resolve(db: str | Path | Target) -> Target:
    if isinstance(db, Target):
        return db
    text = str(db)
    if not is_url(text):
        if not text.strip():
            raise HgdError("db.unsupported", path=text)
        return Target(text, path=Path(text))
    shown = _shown(text)
    try:
        url = make_url(text)
    except (ArgumentError, ValueError) as exc:
        raise HgdError("db.unsupported", path=shown) from exc
    if url.drivername in _SQLITE_DRIVERS:
        database = url.database or ""
        if database in ("", ":memory:") or database.startswith("file::memory:"):
            raise HgdError("db.memory", path=shown)
        if url.query or database.startswith("file:"):
            raise HgdError("db.url_form", path=shown)
        return Target(database, path=Path(database))
    if url.drivername in _PG_DRIVERS:
        url = url.set(drivername="postgresql+psycopg")
        return Target(url.render_as_string(hide_password=True), url=url.render_as_string(hide_password=False))
    raise HgdError("db.unsupported", path=shown)


def _shown(text: str) -> str:
    """A URL as messages may show it: without its password, even when it cannot be parsed."""
    try:
        return make_url(text).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        scheme, _, rest = text.partition("://")
        at = rest.rfind("@")
        return f"{scheme}://***{rest[at:]}" if at >= 0 else text


def display(url: URL | str) -> str:
    return _shown(str(url)) if isinstance(url, str) else url.render_as_string(hide_password=True)
