"""Schema upgrades at start-up: Alembic migrations from db/migrations, after an online backup of the file.

A database written by a newer program is refused (its revision is unknown here): opening it could lose data.
"""
from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect
from sqlalchemy.exc import DatabaseError

from app import messages
from app.errors import HgdError
from app.paths import MIGRATIONS

messages.register({
    "db.newer": ("Cơ sở dữ liệu '{path}' được tạo bởi phiên bản hgd mới hơn (phiên bản lược đồ {rev}); "
                 "hãy cập nhật chương trình trước khi mở.",
                 "The database '{path}' was written by a newer hgd (schema revision {rev}); update the program "
                 "before opening it."),
    "db.foreign": ("Tệp '{path}' không phải cơ sở dữ liệu của hgd (có bảng lạ, không có phiên bản lược đồ).",
                   "'{path}' is not an hgd database (it has other tables and no schema revision)."),
    "db.not_database": ("Tệp '{path}' không phải cơ sở dữ liệu SQLite hoặc đã bị hỏng.",
                        "'{path}' is not an SQLite database, or it is damaged."),
    "db.missing": ("Không tìm thấy cơ sở dữ liệu '{path}'. Hãy tạo mới bằng 'hgd init' hoặc 'hgd demo'.",
                   "No database at '{path}'. Create one with 'hgd init' or 'hgd demo'."),
})


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _sqlite_path(engine: Engine) -> Path | None:
    if engine.dialect.name != "sqlite" or not engine.url.database:
        return None
    return Path(engine.url.database)


def backup_sqlite(path: Path, tag: str) -> Path:
    """An online copy of the database (consistent even with WAL), beside it, named by time and revision."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{stamp}-{tag}{path.suffix or '.db'}")
    src = sqlite3.connect(str(path))
    try:
        dst = sqlite3.connect(str(target))
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    return target


SQLITE_MAGIC = b"SQLite format 3\x00"


def _read_tables(path: Path) -> tuple[set[str], tuple | None]:
    """The file's tables and schema revision, read without writing anything: read-only, or — on a write-protected
    medium where SQLite cannot make the WAL's index beside the file — as an immutable file."""
    last: Exception | None = None
    for query in ("mode=ro", "immutable=1"):
        try:
            con = sqlite3.connect(f"{path.resolve().as_uri()}?{query}", uri=True)
            try:
                tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
                current = (con.execute("SELECT version_num FROM alembic_version").fetchone()
                           if "alembic_version" in tables else None)
            finally:
                con.close()
            return tables, current
        except sqlite3.DatabaseError as exc:
            last = exc
            if "unable to open" not in str(exc) and "readonly" not in str(exc):
                break
    raise HgdError("db.not_database", path=str(path)) from last


def preflight_sqlite(path: Path, *, allow_empty: bool = False) -> None:
    """Refuse a file that is not an hgd register before the engine's pragmas touch it (they would switch a foreign
    database to WAL). Reads only: the header bytes, then its tables through a read-only URI. `allow_empty`: an
    SQLite file with no tables at all may become a register (when one is being created)."""
    try:
        with path.open("rb") as f:
            header = f.read(100)
    except OSError as exc:
        raise HgdError("db.not_database", path=str(path)) from exc
    if not header:
        return  # an empty file: SQLite makes a new database of it
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise HgdError("db.not_database", path=str(path))
    tables, current = _read_tables(path)
    if current is None and tables - {"alembic_version"}:
        raise HgdError("db.foreign", path=str(path))
    if current is None and not allow_empty:
        raise HgdError("db.not_register", path=str(path))
    known = {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if current is not None and current[0] not in known:
        raise HgdError("db.newer", path=str(path), rev=current[0])


def upgrade(engine: Engine) -> Path | None:
    """Bring the database to the program's schema. Returns the backup's path when one was taken."""
    path = _sqlite_path(engine)
    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    where = str(path or engine.url.render_as_string(hide_password=True))
    try:
        current = current_revision(engine)
        tables = set(inspect(engine).get_table_names())
    except DatabaseError as exc:
        raise HgdError("db.not_database", path=where) from exc
    if current == head:
        return None
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise HgdError("db.newer", path=where, rev=current)
    if current is None and tables - {"alembic_version"}:
        raise HgdError("db.foreign", path=where)
    backup = backup_sqlite(path, current) if (path is not None and current is not None) else None
    cfg = alembic_config()
    with engine.connect() as conn:
        sqlite = engine.dialect.name == "sqlite"
        raw = conn.connection.driver_connection if sqlite else None
        if raw is not None:  # batch migrations copy tables: keys are checked once, after the copy (outside BEGIN)
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                if sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                    raise RuntimeError("migration left rows with broken references; rolled back")
        finally:
            if raw is not None:
                raw.execute("PRAGMA foreign_keys=ON")
    return backup
