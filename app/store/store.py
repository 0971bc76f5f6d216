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

import errno
import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import sessionmaker

from app import messages
from app.errors import HgdError
from app.store import migrate
from app.store.audit import AuditedSession
from app.store.engine import is_url, make_engine, writer

messages.register({
    "db.not_file": ("'{path}' không phải một tệp thông thường (thư mục, thiết bị hay đường ống): không mở.",
                    "'{path}' is not a regular file (a folder, a device or a pipe): not opened."),
    "db.read_only": ("Sổ '{path}' chỉ đọc được (ổ USB khóa ghi hoặc tệp chỉ đọc): chỉ xem, không ghi được.",
                     "The register '{path}' can only be read (a write-protected stick or a read-only file): "
                     "it can be viewed, not changed."),
    "db.read_only_write": ("Sổ '{path}' đang mở ở chế độ chỉ đọc: không ghi được. Chép sổ sang ổ đĩa ghi được "
                           "rồi mở lại.",
                           "The register '{path}' is open read-only: nothing can be written. Copy it to a "
                           "writable disk and open it again."),
    "db.damaged": ("Sổ '{path}' bị hỏng ({detail}). Không ghi gì vào sổ này. Hãy mở bản sao lưu gần nhất "
                   "(tệp '{stem}.backup-…' cùng thư mục) hoặc nhờ cán bộ kỹ thuật.",
                   "The register '{path}' is damaged ({detail}). Nothing is written to it. Open the latest "
                   "backup (the file '{stem}.backup-…' in the same folder) or ask for technical help."),
    "db.disk_full": ("Đĩa đầy: không ghi được vào '{path}'. Dữ liệu đã có không bị thay đổi. Giải phóng chỗ "
                     "trống rồi làm lại.",
                     "The disk is full: nothing could be written to '{path}'. Stored data was not changed. "
                     "Free some space and try again."),
    "db.busy": ("Sổ '{path}' đang được một thao tác khác ghi; đã chờ mà chưa xong. Hãy thử lại sau ít phút.",
                "The register '{path}' is being written by another operation; waited, but it did not finish. "
                "Try again in a few minutes."),
    "db.not_register": ("Tệp '{path}' chưa phải là sổ hộ gia đình của hgd. Tạo sổ bằng 'hgd init' hoặc "
                        "'hgd demo'.",
                        "'{path}' is not an hgd register. Create one with 'hgd init' or 'hgd demo'."),
    "db.outdated": ("Sổ '{path}' dùng cấu trúc cũ (phiên bản {rev}); lệnh này chỉ đọc nên không nâng cấp. "
                    "Chạy 'hgd upgrade --db {path}' (có sao lưu trước) rồi làm lại.",
                    "The register '{path}' has an older structure (revision {rev}); this command only reads, so "
                    "it does not upgrade it. Run 'hgd upgrade --db {path}' (a backup is taken first), then "
                    "try again."),
})

_DISK_FULL = ("database or disk is full", "disk i/o error", "no space left")


def sqlite_path(db: str | Path) -> Path | None:
    return None if is_url(db) else Path(str(db))


def check_regular(path: Path) -> None:
    """Refuse anything at `path` that is not a regular file (opening a FIFO blocks forever; a device is not ours)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise HgdError("db.not_file", path=str(path)) from exc
    if not stat.S_ISREG(mode):
        raise HgdError("db.not_file", path=str(path))


def _writable(path: Path) -> bool:
    """Whether SQLite could write the file and its -wal/-shm beside it."""
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK | os.X_OK):
        return False
    try:  # a write-protected medium can report write access: try it
        probe = path.parent / f".{path.name}.hgd-probe"
        with open(probe, "wb"):
            pass
        probe.unlink()
    except OSError:
        return False
    return True


def translate(exc: BaseException, where: str) -> BaseException:
    """A database error as the user's message when it is one of theirs (disk full, busy, damaged); else itself."""
    text_ = str(getattr(exc, "orig", exc)).lower()
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC or any(s in text_ for s in _DISK_FULL):
        return HgdError("db.disk_full", path=where)
    if "database is locked" in text_ or "could not obtain lock" in text_:
        return HgdError("db.busy", path=where)
    if "malformed" in text_ or "not a database" in text_:
        return HgdError("db.damaged", path=where, detail=str(getattr(exc, "orig", exc))[:120],
                        stem=Path(where).stem)
    if "readonly database" in text_ or "read-only" in text_:
        return HgdError("db.read_only_write", path=where)
    return exc


class Store:
    """An open database. Use `Store.open`; close it when done."""

    def __init__(self, engine: Engine, where: str, *, read_only: bool = False) -> None:
        self.engine = engine
        self.where = where
        self.read_only = read_only
        self.backup_path: Path | None = None
        self._read = sessionmaker(engine, class_=AuditedSession, expire_on_commit=False)
        self._write = sessionmaker(writer(engine), class_=AuditedSession, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    # --- opening ---------------------------------------------------------------------------------------------
    @classmethod
    def open(cls, db: str | Path, *, create: bool = False, write: bool = True) -> Store:
        """Open a register: `create` a new one (an absent or empty file), or open an existing one. `write` False:
        a reading command — nothing is created, upgraded or changed."""
        where = str(db)
        path = sqlite_path(db)
        read_only = False
        if path is not None:
            check_regular(path)
            if not path.exists():
                if not create:
                    raise HgdError("db.missing", path=where)
                if not path.parent.is_dir():
                    raise HgdError("register.folder_missing", path=str(path.parent))
            elif path.stat().st_size == 0:
                if not create:
                    raise HgdError("db.not_register", path=where)
            else:
                migrate.preflight_sqlite(path, allow_empty=create)
                read_only = not _writable(path)
                if read_only and create:
                    raise HgdError("db.read_only_write", path=where)
        engine = make_engine(db, read_only=read_only or (path is not None and not write and path.exists()))
        store = cls(engine, where, read_only=read_only)
        try:
            store._check(quick=True)
            store._schema(create=create, write=write and not read_only)
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
            raise translate(exc, self.where) from exc
        if rows != ["ok"]:
            raise HgdError("db.damaged", path=self.where, detail="; ".join(map(str, rows[:2]))[:160],
                           stem=Path(self.where).stem)

    def check_integrity(self) -> None:
        """The full check, before work that rewrites much of the file (an import, a migration)."""
        self._check(quick=False)

    def _schema(self, *, create: bool, write: bool) -> None:
        try:
            current = migrate.current_revision(self.engine)
        except DBAPIError as exc:
            raise translate(exc, self.where) from exc
        if current == migrate.HEAD:
            return
        if current is None and not create:
            raise HgdError("db.not_register", path=self.where)
        if not write:
            if self.read_only and current is not None:
                raise HgdError("db.outdated", path=self.where, rev=current)
            if current is not None:
                raise HgdError("db.outdated", path=self.where, rev=current)
        if current is not None:
            self.check_integrity()
        self.backup_path = migrate.upgrade(self.engine)

    def close(self) -> None:
        self.engine.dispose()

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
            raise HgdError("db.read_only_write", path=self.where)
        try:
            with self._write() as session, session.begin():
                yield session
        except (OperationalError, DBAPIError, OSError) as exc:
            raise translate(exc, self.where) from exc

    def execute_sql(self, sql: str) -> list[tuple]:
        with self.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql))]


def sqlite_quick_check(path: Path) -> list[str]:
    """PRAGMA quick_check of a file, read-only (for tests and tools)."""
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [r[0] for r in con.execute("PRAGMA quick_check")]
    finally:
        con.close()
