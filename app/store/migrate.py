"""Schema upgrades at start-up: Alembic migrations from db/migrations, after an online backup of the file.

A database written by a newer program is refused (its revision is unknown here): opening it could lose data.
"""
from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DatabaseError

from app import messages
from app.errors import HgdError
from app.paths import MIGRATIONS

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

# The revision this program's models describe (a test checks it is the migrations' head). Known without loading
# Alembic, so that opening a register that is up to date costs no migration machinery.
HEAD = "0004"

messages.register({
    "db.newer": (("Cơ sở dữ liệu '{path}' được tạo bởi phiên bản hgd mới hơn (phiên bản lược đồ {rev}); "
                 "hãy cập nhật chương trình trước khi mở."),
                 ("The database '{path}' was written by a newer hgd (schema revision {rev}); update the program "
                 "before opening it.")),
    "db.foreign": ("Tệp '{path}' không phải cơ sở dữ liệu của hgd (có bảng lạ, không có phiên bản lược đồ).",
                   "'{path}' is not an hgd database (it has other tables and no schema revision)."),
    "db.not_database": ("Tệp '{path}' không phải cơ sở dữ liệu SQLite hoặc đã bị hỏng.",
                        "'{path}' is not an SQLite database, or it is damaged."),
    "db.missing": ("Không tìm thấy cơ sở dữ liệu '{path}'. Hãy tạo mới bằng 'hgd init' hoặc 'hgd demo'.",
                   "No database at '{path}'. Create one with 'hgd init' or 'hgd demo'."),
})


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def _script() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = _script().get_current_head()
    assert head is not None  # db/migrations always holds a single head (a test checks it is HEAD)
    return head


def known_revisions() -> set[str]:
    return {rev.revision for rev in _script().walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


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


def upgrade(engine: Engine) -> Path | None:
    """Bring the database to the program's schema. Returns the backup's path when one was taken."""
    path = _sqlite_path(engine)
    where = str(path or engine.url.render_as_string(hide_password=True))
    try:
        current = current_revision(engine)
        tables = set(inspect(engine).get_table_names())
    except DatabaseError as exc:
        raise HgdError("db.not_database", path=where) from exc
    if current is None and tables - {"alembic_version"}:
        raise HgdError("db.foreign", path=where)
    if current is None:  # a new register: the models' tables at once, stamped at the head
        create_at_head(engine)
        return None
    head = head_revision()
    if current == head:
        return None
    if current is not None and current not in known_revisions():
        raise HgdError("db.newer", path=where, rev=current)
    from alembic import command

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


def create_at_head(engine: Engine) -> None:
    """A new, empty database gets the schema straight from the models (what the migrations build, step by step:
    a test keeps the two equal), stamped with the head revision — in one transaction."""
    from sqlalchemy.schema import AddConstraint, CreateIndex, CreateTable

    from app.store.models import Base

    # Table by table rather than metadata.create_all, which marks the keys it adds by ALTER so that a later
    # CREATE TABLE of the same metadata (a SQLite register after a PostgreSQL one, in one process) leaves them out.
    with engine.begin() as conn:
        inline = conn.dialect.name == "sqlite"  # no ALTER … ADD CONSTRAINT: every key inline (forward ones allowed)
        later = []
        for table in Base.metadata.sorted_tables:
            keys = [fk for fk in table.foreign_key_constraints if inline or not fk.use_alter]
            later += [fk for fk in table.foreign_key_constraints if fk not in keys]
            conn.execute(CreateTable(table, include_foreign_key_constraints=keys))
            for index in table.indexes:
                conn.execute(CreateIndex(index))
        for fk in later:
            rule = getattr(fk, "_create_rule", None)
            conn.execute(AddConstraint(fk))
            fk._create_rule = rule  # AddConstraint marks the key "added by ALTER": undo that mark
        conn.execute(text("CREATE TABLE IF NOT EXISTS alembic_version (version_num VARCHAR(32) NOT NULL, "
                          "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"))
        conn.execute(text("DELETE FROM alembic_version"))
        conn.execute(text("INSERT INTO alembic_version (version_num) VALUES (:v)"), {"v": HEAD})
