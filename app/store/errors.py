"""A database's failures in the user's words: the disk is full, another operation is writing, the register is
damaged (and what to do), it can only be read, the server cannot be reached. Anything else stays itself (a bug)."""
from __future__ import annotations

import errno
import os
from pathlib import Path

from app import messages
from app.errors import HgdError

messages.register({
    "db.read_only.medium": ("Sổ '{path}' nằm trên ổ đĩa khóa ghi (ví dụ USB gạt khóa): mở để xem, không ghi được.",
                            ("The register '{path}' is on a write-protected disk (a locked USB stick, say): opened "
                            "for viewing, nothing can be written.")),
    "db.read_only.file": ("Tệp sổ '{path}' (hoặc thư mục chứa nó) chỉ cho đọc: mở để xem, không ghi được.",
                          ("The register file '{path}' (or its folder) is read-only: opened for viewing, nothing "
                          "can be written.")),
    "db.read_only.disk_full": (("Đĩa chứa sổ '{path}' đã đầy: mở để xem, không ghi được. Giải phóng chỗ trống để "
                               "ghi tiếp."),
                               ("The disk holding the register '{path}' is full: opened for viewing, nothing can be "
                               "written. Free some space to write again.")),
    "db.read_only_write": (("Sổ '{path}' đang mở ở chế độ chỉ đọc: không ghi được. Chép sổ sang ổ đĩa ghi được "
                           "rồi mở lại."),
                           ("The register '{path}' is open read-only: nothing can be written. Copy it to a "
                           "writable disk and open it again.")),
    "db.cannot_write.medium": (("Sổ '{path}' nằm trên ổ đĩa khóa ghi: không ghi được gì. Mở khóa ghi của ổ (hoặc "
                               "chép sổ sang ổ đĩa ghi được) rồi làm lại."),
                               ("The register '{path}' is on a write-protected disk: nothing can be written. Unlock "
                               "the disk (or copy the register to a writable disk) and try again.")),
    "db.cannot_write.file": (("Tệp sổ '{path}' (hoặc thư mục chứa nó) chỉ cho đọc: không ghi được gì. Cho phép ghi "
                             "tệp (hoặc chép sổ sang thư mục ghi được) rồi làm lại."),
                             ("The register file '{path}' (or its folder) is read-only: nothing can be written. "
                             "Make it writable (or copy the register to a writable folder) and try again.")),
    "db.foreign_empty": (("'{path}' là một cơ sở dữ liệu SQLite trống của chương trình khác: hgd không ghi vào đó. "
                         "Hãy chọn tên tệp khác cho sổ."),
                         ("'{path}' is an empty SQLite database of another program: hgd does not write into it. "
                         "Choose another file name for the register.")),
    "db.read_only_create": ("Không tạo được sổ tại '{path}': thư mục hoặc ổ đĩa chỉ cho đọc.",
                            "Cannot create a register at '{path}': the folder or the disk is read-only."),
    "db.damaged": ("Sổ '{path}' bị hỏng ({detail}). Không ghi gì vào sổ này. {advice}",
                   "The register '{path}' is damaged ({detail}). Nothing is written to it. {advice}"),
    "db.damaged.backup": ("Hãy giữ lại tệp hỏng, rồi mở bản sao lưu gần nhất: '{backup}'.",
                          "Keep the damaged file aside, then open the latest backup: '{backup}'."),
    "db.damaged.no_backup": (("Hãy giữ lại tệp hỏng, rồi chép lại sổ từ bản sao lưu gần nhất (ổ USB, thư mục "
                             "sao lưu) hoặc nhờ cán bộ kỹ thuật."),
                             ("Keep the damaged file aside, then restore the register from the latest backup (a USB "
                             "stick, the backup folder) or ask for technical help.")),
    "db.disk_full": (("Đĩa đầy: không ghi được vào '{path}'. Dữ liệu đã có không bị thay đổi. Giải phóng chỗ "
                     "trống rồi làm lại."),
                     ("The disk is full: nothing could be written to '{path}'. Stored data was not changed. "
                     "Free some space and try again.")),
    "db.io_error": (("Ổ đĩa báo lỗi đọc/ghi với '{path}'. Thao tác đã bị hủy, dữ liệu đã có không bị thay đổi. "
                    "Kiểm tra ổ đĩa (hoặc USB) rồi làm lại."),
                    ("The disk reported a read/write error on '{path}'. The operation was cancelled; stored data "
                    "was not changed. Check the disk (or the USB stick) and try again.")),
    "db.busy": ("Sổ '{path}' đang được một thao tác khác ghi; đã chờ mà chưa xong. Hãy thử lại sau ít phút.",
                ("The register '{path}' is being written by another operation; waited, but it did not finish. "
                "Try again in a few minutes.")),
    "db.cannot_open": ("Không mở được '{path}' ({detail}).", "Cannot open '{path}' ({detail})."),
    "register.folder_missing": ("Thư mục '{path}' không tồn tại.", "The folder '{path}' does not exist."),
    "db.connect": ("Không kết nối được cơ sở dữ liệu '{path}': {detail}",
                   "Cannot connect to the database '{path}': {detail}"),
})

_DISK_FULL = ("database or disk is full", "no space left", "could not extend file")
_BUSY = ("database is locked", "could not obtain lock", "lock timeout", "database table is locked")
_CONNECT = ("connection failed", "connection is bad", "could not connect", "does not exist",
            "password authentication failed", "no password supplied", "connection refused", "server closed")


def one_line(text: str, limit: int = 160) -> str:
    return " ".join(str(text).split())[:limit]


def _root(exc: BaseException) -> BaseException:
    return getattr(exc, "orig", None) or exc


def damaged(where: str, detail: str, path: Path | None = None) -> HgdError:
    backup = latest_backup(path) if path is not None else None
    advice = (messages.render("db.damaged.backup", backup=str(backup)) if backup
              else messages.render("db.damaged.no_backup"))
    return HgdError("db.damaged", path=where, detail=one_line(detail), advice=advice)


def latest_backup(path: Path) -> Path | None:
    """The newest backup taken beside the register (before a migration: '<stem>.backup-<time>-<rev><suffix>')."""
    try:
        found = sorted(path.parent.glob(f"{path.stem}.backup-*"), key=lambda p: p.stat().st_mtime)
    except OSError:
        return None
    return found[-1] if found else None


def translate(exc: BaseException, where: str, path: Path | None = None) -> BaseException:
    """A database error as the user's message when it is one of theirs; else the error itself. `path`: the SQLite
    file (its folder tells a full disk from another input/output error)."""
    from app.store.sqlite_file import no_room

    if isinstance(exc, HgdError):
        return exc
    root = _root(exc)
    text = str(root).lower()
    if isinstance(root, OSError) and root.errno == errno.ENOSPC or any(s in text for s in _DISK_FULL):
        return HgdError("db.disk_full", path=where)
    if "disk i/o error" in text or isinstance(root, OSError) and root.errno == errno.EIO:
        if path is not None and no_room(path.parent):
            return HgdError("db.disk_full", path=where)
        return HgdError("db.io_error", path=where)
    if any(s in text for s in _BUSY):
        return HgdError("db.busy", path=where)
    if "malformed" in text or "not a database" in text or "database corrupt" in text:
        return damaged(where, str(root), path)
    if "readonly database" in text or "read-only" in text:
        return HgdError("db.read_only_write", path=where)
    if path is None and any(s in text for s in _CONNECT):
        return HgdError("db.connect", path=where, detail=_server_detail(str(root)))
    if "unable to open database" in text:
        if path is not None and not os.path.isdir(path.parent):
            return HgdError("register.folder_missing", path=str(path.parent))
        return HgdError("db.cannot_open", path=where, detail=one_line(str(root)))
    return exc


def _server_detail(text: str) -> str:
    """The server's own reason, without the connection's internals (socket paths, hosts are in the URL)."""
    for line in text.splitlines():
        if "FATAL:" in line:
            return one_line(line.split("FATAL:", 1)[1])
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return one_line(lines[-1] if lines else text)
