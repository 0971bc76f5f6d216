"""The store: one database (a SQLite file or a PostgreSQL URL), its engine and its sessions.

Opening is careful, because a register is a commune's only copy of its people:
- only a regular file is opened (never a FIFO, a device or a folder), and only `create` makes a new one;
- a file that is not an hgd register is refused before anything touches it (a foreign SQLite file, a spreadsheet
  opened by mistake);
- a damaged file is refused (a quick check at every open, a full check before a migration or an import), with what
  to do about it;
- a register on a write-protected stick or a read-only file is opened read-only, and says so;
- an older schema is upgraded after a backup of the file; a newer one is refused.
Sessions are `AuditedSession`s: reads (`reading`) and one write transaction per user action (`writing`), which
takes the database's write lock as it begins.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import sessionmaker

from app import messages
from app.errors import HgdError
from app.store import migrate, sqlite_file
from app.store.audit import AuditedSession
from app.store.engine import make_engine, writer
from app.store.errors import damaged, translate
from app.store.sqlite_file import Access, check_regular
from app.store.target import Target, resolve

messages.register({
    "db.not_register": ("'{path}' chưa phải là sổ hộ gia đình của hgd. Tạo sổ bằng 'hgd init' hoặc 'hgd demo'.",
                        "'{path}' is not an hgd register. Create one with 'hgd init' or 'hgd demo'."),
    "db.outdated": (("Sổ '{path}' dùng cấu trúc cũ (phiên bản {rev}); lệnh này chỉ đọc nên không nâng cấp. "
                    "Chạy 'hgd upgrade --db {path}' (có sao lưu trước) rồi làm lại."),
                    ("The register '{path}' has an older structure (revision {rev}); this command only reads, so "
                    "it does not upgrade it. Run 'hgd upgrade --db {path}' (a backup is taken first), then "
                    "try again.")),
})

__all__ = ["Store", "check_regular", "sqlite_quick_check", "translate"]


class Store:
    """An open database. Use `Store.open`; close it when done."""

    def __init__(self, engine: Engine, target: Target, *, access: Access | None = None,
                 sidecars: dict[str, bool] | None = None) -> None:
        self.engine = engine
        self.target = target
        self.where = target.where
        self.access = access or Access()
        self.backup_path: Path | None = None
        self._sidecars = sidecars
        self._closed = False
        self._read = sessionmaker(engine, class_=AuditedSession, expire_on_commit=False)
        self._write = sessionmaker(writer(engine), class_=AuditedSession, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def path(self) -> Path | None:
        return self.target.path

    @property
    def read_only(self) -> bool:
        return self.access.read_only

    @property
    def read_only_reason(self) -> str | None:
        """Why the register is open read-only: "medium" (a write-protected disk), "file", "disk_full"; else None."""
        return self.access.reason

    def read_only_message(self) -> str | None:
        """What to tell the user about a read-only register (None when it can be written)."""
        if not self.read_only:
            return None
        return messages.render(f"db.read_only.{self.access.reason}", path=self.where)

    def read_only_error(self) -> HgdError:
        """The refusal of a write to a register open read-only, saying why."""
        if self.access.reason == "disk_full":
            return HgdError("db.disk_full", path=self.where)
        return HgdError(f"db.cannot_write.{self.access.reason or 'file'}", path=self.where)

    # --- opening ---------------------------------------------------------------------------------------------
    @classmethod
    def open(cls, db: str | Path | Target, *, create: bool = False, write: bool = True,
             checked: bool = False) -> Store:
        """Open a register: `create` a new one (an absent or 0-byte file, an empty PostgreSQL database), or open an
        existing one. `write` False: a reading command — nothing is created, upgraded or changed, and the folder
        is left as it was found. `checked`: the quick check was just run on this file by this process (skipped)."""
        target = resolve(db)
        if target.path is None:
            return cls._open_server(target, create=create, write=write)
        path, acc, sidecars = target.path, Access(), None
        check_regular(path)
        if not path.exists():
            if not create:
                raise HgdError("db.missing", path=target.where)
            if not path.parent.is_dir():
                raise HgdError("register.folder_missing", path=str(path.parent))
            _check_creatable(path, target.where)
        elif path.stat().st_size == 0:
            if not create:
                raise HgdError("db.not_register", path=target.where)
            _check_creatable(path, target.where)
        else:
            acc = sqlite_file.access(path)
            if acc.read_only and create:
                raise HgdError("db.read_only_create", path=target.where)
            sqlite_file.preflight(path, acc.mode, creating=create)
            sidecars = sqlite_file.sidecars_present(path) if acc.mode == "ro" else None
        engine = make_engine(path, mode=acc.mode, write=write or create)
        store = cls(engine, target, access=acc, sidecars=sidecars)
        sqlite_file.opened(path)
        try:
            if not checked:
                store._check(quick=True)
            store._schema(create=create, write=(write or create) and not acc.read_only)
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def _open_server(cls, target: Target, *, create: bool, write: bool) -> Store:
        assert target.url is not None
        store = cls(make_engine(target.url), target)
        try:
            with store.engine.connect():
                pass
            store._schema(create=create, write=write or create)
        except DBAPIError as exc:
            store.close()
            raise translate(exc, target.where) from exc
        except BaseException:
            store.close()
            raise
        return store

    def _check(self, *, quick: bool) -> None:
        if self.dialect != "sqlite":
            return
        pragma = "quick_check" if quick else "integrity_check"
        try:
            with self.engine.connect() as conn:
                rows = [r[0] for r in conn.exec_driver_sql(f"PRAGMA {pragma}")]
        except DBAPIError as exc:
            raise translate(exc, self.where, self.path) from exc
        if rows != ["ok"]:
            raise damaged(self.where, "; ".join(map(str, rows[:3])), self.path)

    def check_integrity(self) -> None:
        """The full check, before work that rewrites much of the file (an import, a migration)."""
        self._check(quick=False)

    def _schema(self, *, create: bool, write: bool) -> None:
        try:
            current = migrate.current_revision(self.engine)
        except DBAPIError as exc:
            raise translate(exc, self.where, self.path) from exc
        if current == migrate.HEAD:
            return
        if current is None and self.path is None:  # a server's database: another program's tables are its own
            try:
                tables = set(inspect(self.engine).get_table_names()) - {"alembic_version"}
            except DBAPIError as exc:
                raise translate(exc, self.where) from exc
            if tables:
                raise HgdError("db.foreign", path=self.where)
        if current is None and not create:
            raise HgdError("db.not_register", path=self.where)
        if not write:
            if current is not None:
                raise HgdError("db.outdated", path=self.where, rev=current)
            raise self.read_only_error()
        if current is not None:
            self.check_integrity()
        try:
            self.backup_path = migrate.upgrade(self.engine)
        except (DBAPIError, OSError) as exc:
            raise translate(exc, self.where, self.path) from exc

    def seal(self) -> None:
        """Fold the write-ahead log into the file, all of it or an error (before the file is moved into place: a
        file moved without its log would lose what the log holds)."""
        if self.dialect != "sqlite" or self.path is None or self.read_only:
            return
        try:
            with self.engine.connect() as conn:
                busy, log, done = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
        except DBAPIError as exc:
            raise translate(exc, self.where, self.path) from exc
        if busy or log != done or sqlite_file.file_size(Path(f"{self.path}-wal")) > 0:
            raise HgdError("db.disk_full" if sqlite_file.no_room(self.path.parent) else "db.io_error",
                           path=self.where)

    def close(self) -> None:
        self.engine.dispose()
        if self.path is not None and not self._closed:
            sqlite_file.closed(self.path)
            if self._sidecars is not None:
                sqlite_file.remove_sidecars(self.path, self._sidecars)
        self._closed = True

    # --- sessions --------------------------------------------------------------------------------------------
    @contextmanager
    def reading(self) -> Iterator[AuditedSession]:
        """A session for reading: it sees one consistent state; it cannot write (no action)."""
        with self._read() as session:
            yield session

    @contextmanager
    def writing(self) -> Iterator[AuditedSession]:
        """A session in one write transaction holding the database's write lock; commit on success, roll back on
        any error. The caller records the action (app.register) before writing."""
        if self.read_only:
            raise self.read_only_error()
        try:
            with self._write() as session, session.begin():
                yield session
        except (OperationalError, DBAPIError, OSError) as exc:
            raise translate(exc, self.where, self.path) from exc

    def execute_sql(self, sql: str) -> list[tuple[Any, ...]]:
        with self.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql))]


def sqlite_quick_check(path: Path) -> list[str]:
    """PRAGMA quick_check of a file, read-only, leaving no file beside it (for tests and tools)."""
    before = sqlite_file.sidecars_present(path)
    con = sqlite_file.connect(path, "ro")
    try:
        return [r[0] for r in con.execute("PRAGMA quick_check")]
    finally:
        con.close()
        sqlite_file.remove_sidecars(path, before)


def _check_creatable(path: Path, where: str) -> None:
    """A new register can be made at `path`: its folder can be written and has room."""
    if not sqlite_file.folder_writable(path.parent):
        raise HgdError("db.read_only_create", path=where)
    if sqlite_file.no_room(path.parent):
        raise HgdError("db.disk_full", path=where)
