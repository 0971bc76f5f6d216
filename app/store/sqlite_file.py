"""A SQLite register as a file: what may be opened, how, and what is left beside it.

- Only a regular file is opened (a FIFO blocks whoever opens it; a device or a folder is not ours; a symbolic link
  is followed to what it names).
- How a file is opened (`Access`): read-write; read-only when the file cannot be written (a read-only file); or as
  an immutable file when nobody can write it (a write-protected stick, a read-only mount) or when the disk is too
  full for SQLite's shared-memory file, so that reading needs no file created beside it.
- A file that is not an hgd register is recognised before any pragma touches it, by reading its header and its
  table names only.
- `-wal` and `-shm` files SQLite makes for a read-only reader are removed again when no one else uses them: a
  command that only reads leaves the folder as it found it.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from app import messages
from app.errors import HgdError
from app.store import migrate
from app.store.errors import damaged, one_line

messages.register({
    "db.not_file": ("'{path}' không phải một tệp thông thường (thư mục, thiết bị hay đường ống): không mở.",
                    "'{path}' is not a regular file (a folder, a device or a pipe): not opened."),
    "db.wal_pending": (("Sổ '{path}' nằm trên ổ khóa ghi và còn thay đổi chưa gộp vào tệp (tệp '-wal' bên cạnh): "
                       "chép cả thư mục sang ổ đĩa ghi được rồi mở lại."),
                       ("The register '{path}' is on a write-protected disk and has changes not yet folded into "
                       "the file (the '-wal' file beside it): copy the whole folder to a writable disk and open "
                       "it there.")),
})

try:
    import fcntl  # POSIX: the -shm's lock tells whether another connection uses it
except ImportError:  # Windows: an -shm in use cannot be removed anyway
    fcntl = None  # type: ignore[assignment]

SQLITE_MAGIC = b"SQLite format 3\x00"
MIN_ROOM = 128 * 1024       # below this much free space, SQLite cannot make its -shm and -wal: the disk is full
_SHM_DMS = 128              # the byte of the -shm file every connection that uses it holds a read lock on (os_unix.c)
SIDECARS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class Access:
    """How to open an existing file: `mode` "rw", "ro" or "immutable"; `reason` why it is not "rw" ("medium": a
    write-protected disk, "file": the file is read-only, "disk_full")."""

    mode: str = "rw"
    reason: str | None = None

    @property
    def read_only(self) -> bool:
        return self.mode != "rw"


def check_regular(path: Path) -> None:
    """Refuse anything at `path` that is not a regular file (opening a FIFO blocks forever; a device is not ours)."""
    try:
        mode = os.stat(path).st_mode
    except NotADirectoryError:  # a "folder" on the way is a file: nothing is there (said as a missing folder)
        return
    except FileNotFoundError:
        if path.is_symlink():  # a link to nothing: creating the file would follow it somewhere unexpected
            raise HgdError("db.not_file", path=str(path)) from None
        return
    except OSError as exc:
        raise HgdError("db.not_file", path=str(path)) from exc
    if not stat.S_ISREG(mode):
        raise HgdError("db.not_file", path=str(path))


def free_bytes(folder: Path) -> int:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return 1 << 62


def medium_read_only(path: Path) -> bool:
    """The file system holding `path` is mounted read-only (a write-protected stick, a read-only mount)."""
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs (Windows): os.access says it
        return False


def folder_writable(folder: Path) -> bool:
    return not medium_read_only(folder) and _may(folder, os.W_OK | os.X_OK)


def _may(path: Path, mode: int) -> bool:
    return os.access(path, mode, effective_ids=os.access in os.supports_effective_ids)


def no_room(folder: Path) -> bool:
    return free_bytes(folder) < MIN_ROOM


def wal_mode(path: Path) -> bool:
    """Whether the file's header says write-ahead logging (file format numbers 2)."""
    with path.open("rb") as f:
        header = f.read(20)
    return len(header) == 20 and header[18] == 2 and header[19] == 2


def file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def access(path: Path) -> Access:
    """How an existing, non-empty register file can be opened. Raises when it cannot be read as it stands."""
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    if medium_read_only(path):
        if file_size(wal) == 0:
            return Access("immutable", "medium")   # nobody can write it: no locks, no -shm needed
        if shm.exists():
            return Access("ro", "medium")          # SQLite reads the -wal through the existing -shm
        raise HgdError("db.wal_pending", path=str(path))
    if not folder_writable(path.parent) and wal_mode(path) and not shm.exists():
        if file_size(wal) == 0:  # SQLite could not make the -shm a reader needs; no one has the file open
            return Access("immutable", "file")
        raise HgdError("db.wal_pending", path=str(path))
    if not _may(path, os.W_OK) or not folder_writable(path.parent):
        return Access("ro", "file")
    if no_room(path.parent):
        if shm.exists() or not wal_mode(path):
            return Access("ro", "disk_full")
        if file_size(wal) == 0:
            return Access("immutable", "disk_full")  # no -shm can be made; nobody else can have it open either
        raise HgdError("db.disk_full", path=str(path))
    return Access()


def uri(path: Path, mode: str) -> str:
    """The SQLite URI for `path` opened in `mode` (the path percent-encoded, so any file name works)."""
    base = path.resolve().as_uri()
    return {"rw": base, "ro": f"{base}?mode=ro", "immutable": f"{base}?mode=ro&immutable=1"}[mode]


def connect(path: Path, mode: str) -> sqlite3.Connection:
    return sqlite3.connect(uri(path, mode), uri=True, check_same_thread=False, isolation_level=None)


_open_here: dict[Path, int] = {}   # registers this process has open (a closed fd drops all its locks on a file)


def opened(path: Path) -> None:
    key = path.resolve()
    _open_here[key] = _open_here.get(key, 0) + 1


def closed(path: Path) -> None:
    key = path.resolve()
    _open_here[key] = _open_here.get(key, 1) - 1
    if _open_here[key] <= 0:
        del _open_here[key]


def sidecars_present(path: Path) -> dict[str, bool]:
    return {s: Path(f"{path}{s}").exists() for s in ("-wal", "-shm")}


def remove_sidecars(path: Path, before: dict[str, bool]) -> None:
    """Remove the -wal and -shm a read-only reader made beside `path` (they did not exist before it opened), when
    the -wal holds nothing and no connection anywhere still uses the -shm (its lock byte can be taken)."""
    if any(before.values()) or _open_here.get(path.resolve()):  # another connection of ours may use them
        return
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    if file_size(wal) > 0:
        return
    try:
        fd = _open_writable(shm)
    except OSError:
        return
    try:
        if fcntl is not None:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, _SHM_DMS, os.SEEK_SET)
    except OSError:
        os.close(fd)
        return  # someone else reads or writes the register now: its files stay
    try:
        if file_size(wal) == 0:
            wal.unlink(missing_ok=True)
            shm.unlink(missing_ok=True)
    except OSError:
        pass
    finally:
        os.close(fd)  # releases the lock


def _open_writable(path: Path) -> int:
    """Open a -shm for writing, to take its lock: SQLite makes it with the database file's permissions, so beside
    a read-only file it is read-only too — ours to make writable, since this process made it."""
    try:
        return os.open(path, os.O_RDWR)
    except PermissionError:
        if path.stat().st_uid != getattr(os, "geteuid", lambda: -1)():
            raise
        path.chmod(path.stat().st_mode | stat.S_IWUSR)
        return os.open(path, os.O_RDWR)


def read_header(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            return f.read(100)
    except OSError as exc:
        raise HgdError("db.not_database", path=str(path)) from exc


def read_tables(path: Path, mode: str) -> tuple[set[str], str | None]:
    """The file's table names and its schema revision (None: no alembic_version), read without writing."""
    before = sidecars_present(path)
    try:
        with closing(connect(path, mode)) as con:
            con.execute("PRAGMA query_only=ON")
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            row = (con.execute("SELECT version_num FROM alembic_version").fetchone()
                   if "alembic_version" in tables else None)
    finally:
        if mode != "rw":
            remove_sidecars(path, before)
    return tables, (None if row is None else str(row[0]))


def preflight(path: Path, mode: str, *, creating: bool = False) -> None:
    """Refuse a file that is not an hgd register before the engine's pragmas touch it (they would switch a foreign
    database to WAL): its header, then its tables, read in `mode`. A SQLite database with no tables is another
    program's (hgd makes its registers from 0-byte or absent files): `creating` says so in the refusal."""
    header = read_header(path)
    if not header:
        return
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise HgdError("db.not_database", path=str(path))
    try:
        tables, current = read_tables(path, mode)
    except sqlite3.DatabaseError as exc:
        text = str(exc).lower()
        if "malformed" in text or "corrupt" in text:
            raise damaged(str(path), str(exc), path) from exc
        if "unable to open" in text:
            raise HgdError("db.cannot_open", path=str(path), detail=one_line(str(exc))) from exc
        raise HgdError("db.not_database", path=str(path)) from exc
    if current is None and tables - {"alembic_version"}:
        raise HgdError("db.foreign", path=str(path))
    if current is None:
        raise HgdError("db.foreign_empty" if creating else "db.not_register", path=str(path))
    if current is not None and current != migrate.HEAD and current not in migrate.known_revisions():
        raise HgdError("db.newer", path=str(path), rev=current)
