"""A new SQLite register is built in a hidden file beside its place and moved there when complete, so that a
killed or failed creation (`hgd init`, `hgd demo`) never leaves a half-made register where the clerk's register
belongs — at most a hidden work file, which the next creation beside it removes once its process is gone."""
from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

from app.errors import HgdError
from app.store.sqlite_file import SIDECARS, file_size, no_room

_TAGS = ("creating", "building")


def _key(target: Path) -> str:
    return hashlib.sha256(target.name.encode("utf-8", "surrogateescape")).hexdigest()[:16]


def work_path(target: Path, tag: str) -> Path:
    """The hidden file a register for `target` is built in, by this process (named by a digest of the target's
    name, so that a long file name does not make a work name too long for the file system)."""
    assert tag in _TAGS
    return target.with_name(f".hgd-{tag}-{os.getpid()}-{_key(target)}")


def remove_files(path: Path) -> None:
    """A database file and the files SQLite keeps beside it."""
    for suffix in ("",) + SIDECARS:
        try:
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        except OSError:
            pass


def _alive(pid: int, work: Path) -> bool:
    if os.name == "nt":  # os.kill would end the process there: a work file a day old is a dead one's
        try:
            return time.time() - work.stat().st_mtime < 86400
        except OSError:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_stale(target: Path) -> None:
    """Remove the work files, in `target`'s folder, of creations whose process is gone (killed, or the machine
    stopped) — a demo's, and the new register's inside it, alike."""
    try:
        found = [p for p in target.parent.glob(".hgd-*-*-*") if p.name.count("-") == 3]
    except OSError:
        return
    for work in found:
        _, tag, pid, _ = work.name.split("-")
        if tag in _TAGS and pid.isdigit() and not _alive(int(pid), work):
            remove_files(work)


def publish(work: Path, target: Path) -> None:
    """Move the finished register into place: never over a file that is not empty (another creation may have
    finished first); the folder is synced so that the new name survives a power cut. The builder must be closed
    (its -wal folded into the file: Store.seal)."""
    if file_size(Path(f"{work}-wal")) > 0:  # the log was not folded in: moving the file alone would lose it
        raise HgdError("db.disk_full" if no_room(work.parent) else "db.io_error", path=str(work))
    try:
        os.link(work, target)  # atomic, and refuses an existing name
        work.unlink()
    except FileExistsError:
        if target.stat().st_size > 0:
            raise HgdError("register.exists", path=str(target)) from None
        os.replace(work, target)  # a 0-byte file (made by a "new file" dialog): replaced
    except OSError:  # a file system without hard links (a FAT stick)
        if target.exists() and target.stat().st_size > 0:
            raise HgdError("register.exists", path=str(target)) from None
        os.replace(work, target)
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
