"""What a file really is, from its first bytes (never from its name alone), and the file-level checks made before
any parser sees it: existence, emptiness, size, extension, well-known non-spreadsheet formats, encrypted Office
files (an OLE compound file under an .xlsx name is how Office stores a password-protected workbook).
"""
from __future__ import annotations

import codecs
import os
import re
import stat
import struct
from pathlib import Path

from app import messages
from app.errors import HgdError
from app.io import limits

messages.register({
    "import.file_missing": ("Không tìm thấy tệp '{file}'.", "File '{file}' not found."),
    "import.not_a_file": ("'{file}' là một thư mục, không phải tệp.", "'{file}' is a folder, not a file."),
    "import.not_regular": (
        "'{file}' không phải một tệp bình thường mà là {kind_vi}: hãy chọn tệp bảng tính đã lưu trên đĩa.",
        "'{file}' is not an ordinary file but {kind_en}: choose a spreadsheet file saved on disk."),
    "import.unreadable_file": ("Không đọc được tệp '{file}': {reason}.", "Cannot read the file '{file}': {reason}."),
    "import.empty_file": ("Tệp '{file}' trống (0 byte).", "The file '{file}' is empty (0 bytes)."),
    "import.bad_extension": (
        "Tệp '{file}': không nhập được tệp đuôi '{ext}'; hãy dùng tệp Excel (.xlsx, .xls) hoặc CSV (.csv).",
        "File '{file}': cannot import a '{ext}' file; use an Excel (.xlsx, .xls) or CSV (.csv) file."),
    "import.too_big": ("Tệp '{file}' quá lớn ({size} MB; tối đa {limit} MB).",
                       "The file '{file}' is too large ({size} MB; at most {limit} MB)."),
    "import.not_spreadsheet": (
        "Tệp '{file}' không phải bảng tính Excel hay CSV: nội dung là {kind_vi}.",
        "The file '{file}' is not an Excel or CSV spreadsheet: it holds {kind_en}."),
    "import.corrupt": (
        "Tệp '{file}' bị hỏng hoặc không đầy đủ (có thể do sao chép bị ngắt): hãy lấy lại tệp gốc.",
        "The file '{file}' is damaged or incomplete (perhaps an interrupted copy): get the original file again."),
    "import.encrypted": (
        "Tệp '{file}' được đặt mật khẩu (mã hóa): hãy mở bằng Excel, bỏ mật khẩu, lưu lại rồi nhập lại.",
        ("The file '{file}' is password-protected (encrypted): open it in Excel, remove the password, save and "
        "import again.")),
})

EXCEL_EXTENSIONS = (".xlsx", ".xlsm", ".xls")
_SPECIAL = ((stat.S_ISFIFO, "một đường ống (FIFO)", "a pipe (FIFO)"),
            (stat.S_ISCHR, "một thiết bị", "a device"), (stat.S_ISBLK, "một thiết bị khối", "a block device"),
            (stat.S_ISSOCK, "một socket", "a socket"))
_HTML_START = re.compile(rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
                         rb"<(?:!doctype\s+html|html|head|body|meta|table|style|title)\b", re.IGNORECASE | re.DOTALL)
TEXT_EXTENSIONS = (".csv", ".tsv", ".txt")
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")

# (magic, Vietnamese, English): formats people mistake for a spreadsheet or rename by accident. Only magics of
# four bytes or more (or binary ones): a CSV may well begin with "BM" or "MZ".
_KNOWN = (
    (b"%PDF", "một tài liệu PDF", "a PDF document"),
    (b"\x89PNG", "một ảnh PNG", "a PNG image"),
    (b"\xff\xd8\xff", "một ảnh JPEG", "a JPEG image"),
    (b"GIF8", "một ảnh GIF", "a GIF image"),
    (b"Rar!", "một tệp nén RAR", "a RAR archive"),
    (b"7z\xbc\xaf", "một tệp nén 7-Zip", "a 7-Zip archive"),
    (b"\x1f\x8b", "một tệp nén gzip", "a gzip archive"),
    (b"{\\rtf", "một văn bản RTF", "an RTF document"),
    (b"SQLite format 3\x00", "một cơ sở dữ liệu SQLite", "an SQLite database"),
    (b"\x00\x00\x00\x0cjP", "một ảnh JPEG 2000", "a JPEG 2000 image"),
    (b"II*\x00", "một ảnh TIFF", "a TIFF image"),
    (b"MM\x00*", "một ảnh TIFF", "a TIFF image"),
    (b"\x7fELF", "một chương trình (ELF)", "a program (ELF)"),
)
_OLE_NAMES = {  # directory entry names (UTF-16LE) that tell what an OLE compound file holds
    "encrypted": ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le")),
    "xls": ("Workbook".encode("utf-16-le"), "Book".encode("utf-16-le")),
    "word": ("WordDocument".encode("utf-16-le"),),
}


def not_spreadsheet(path: Path, kind_vi: str, kind_en: str) -> HgdError:
    return HgdError("import.not_spreadsheet", file=path.name, kind_vi=kind_vi, kind_en=kind_en)


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f}" if n >= 10 * 1024 * 1024 else f"{n / 1024 / 1024:.1f}"


def check_file(path: Path) -> tuple[str, int]:
    """("xlsx" | "xls" | "csv" | "html", size) for a file that may be read; HgdError otherwise.

    Only a regular file is opened: a pipe or a device would block the read forever or never end."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise HgdError("import.file_missing", file=str(path)) from None
    except OSError as exc:
        raise HgdError("import.unreadable_file", file=path.name, reason=exc.strerror or str(exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise HgdError("import.not_a_file", file=str(path))
    if not stat.S_ISREG(info.st_mode):
        vi, en = next(((v, e) for test, v, e in _SPECIAL if test(info.st_mode)), ("một tệp đặc biệt", "a special file"))
        raise HgdError("import.not_regular", file=path.name, kind_vi=vi, kind_en=en)
    size = info.st_size
    try:
        with path.open("rb") as f:
            head = f.read(65536)
    except OSError as exc:
        raise HgdError("import.unreadable_file", file=path.name, reason=exc.strerror or str(exc)) from None
    ext = path.suffix.lower()
    if ext not in EXCEL_EXTENSIONS + TEXT_EXTENSIONS:
        raise HgdError("import.bad_extension", file=path.name, ext=path.suffix or "(không có)")
    if size == 0:
        raise HgdError("import.empty_file", file=path.name)
    for magic, vi, en in _KNOWN:
        if head.startswith(magic):
            raise not_spreadsheet(path, vi, en)
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        kind = "xlsx"
    elif head.startswith(OLE_MAGIC):
        kind = _ole_kind(path, size)
    elif ext in TEXT_EXTENSIONS:
        kind = "csv"
    else:
        kind = _text_kind(path, head)  # a web portal's HTML table, or a CSV, saved under an Excel name
    if kind not in ("csv", "html") and ext in TEXT_EXTENSIONS:
        raise not_spreadsheet(path, "một tệp Excel đặt tên .csv (hãy đổi đuôi thành .xlsx)",
                              "an Excel file named .csv (rename it to .xlsx)")
    limit = {"xlsx": limits.MAX_XLSX_BYTES, "xls": limits.MAX_XLS_BYTES, "csv": limits.MAX_CSV_BYTES,
             "html": limits.MAX_HTML_BYTES}[kind]
    if size > limit:
        raise HgdError("import.too_big", file=path.name, size=_mb(size), limit=_mb(limit))
    return kind, size


def _head_text(head: bytes) -> str | None:
    """The start of a text file as text (BOM, UTF-8 or a Windows code page), None when it is not text."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            return head[len(bom):].decode(codec, errors="ignore")
    if b"\x00" in head:
        return None
    controls = sum(head.count(bytes([b])) for b in range(32) if b not in (9, 10, 12, 13))
    if controls > max(8, len(head) // 100):
        return None
    return head.decode("utf-8", errors="ignore") or head.decode("cp1258", errors="replace")


def _text_kind(path: Path, head: bytes) -> str:
    """An Excel-named file that holds text: web portals save an HTML table as .xls, and some programs write CSV
    under an .xls name. Excel 2003's XML spreadsheet is named so that the clerk can convert it."""
    text = _head_text(head)
    if text is None:
        raise not_spreadsheet(path, "dữ liệu không rõ định dạng", "data of an unknown format")
    if "urn:schemas-microsoft-com:office:spreadsheet" in text:
        raise not_spreadsheet(path, "một bảng tính XML của Excel 2003: hãy mở bằng Excel và lưu thành .xlsx",
                              "an Excel 2003 XML spreadsheet: open it in Excel and save it as .xlsx")
    if _HTML_START.match(text.encode("utf-8", errors="ignore")):
        return "html"
    lines = [line for line in text.splitlines()[:20] if line.strip()]
    if lines and sum(1 for line in lines if any(d in line for d in ",;\t|")) * 2 >= len(lines):
        return "csv"
    raise not_spreadsheet(path, "dữ liệu không rõ định dạng", "data of an unknown format")


def _ole_kind(path: Path, size: int) -> str:
    """An OLE compound file: an encrypted OOXML workbook, an old .xls, or something else (a .doc …).

    The directory entries' names are searched in a bounded window at the start and the end of the file, where
    writers put the directory; a large file is not read whole."""
    window = 4 * 1024 * 1024
    with path.open("rb") as f:
        data = f.read(window)
        if size > window:
            f.seek(max(window, size - window))
            data += f.read(window)
    _check_cfb_header(path, data, size)
    if any(name in data for name in _OLE_NAMES["encrypted"]):
        raise HgdError("import.encrypted", file=path.name)
    if any(name in data for name in _OLE_NAMES["xls"]):
        return "xls"
    if any(name in data for name in _OLE_NAMES["word"]):
        raise not_spreadsheet(path, "một văn bản Word (.doc)", "a Word document (.doc)")
    raise not_spreadsheet(path, "một tệp Office không phải bảng tính", "an Office file that is not a workbook")


def _check_cfb_header(path: Path, head: bytes, size: int) -> None:
    """The compound file's header points only inside the file: a cut or damaged .xls is refused here, before the
    spreadsheet library (which may crash on it) reads it. [MS-CFB] 2.2."""
    if len(head) < 512:
        raise HgdError("import.corrupt", file=path.name)
    shift, mini_shift = struct.unpack_from("<HH", head, 30)
    if shift not in (9, 12) or mini_shift != 6:
        raise HgdError("import.corrupt", file=path.name)
    sector = 1 << shift
    sectors = (size - 512 + sector - 1) // sector
    n_fat, dir_start = struct.unpack_from("<II", head, 44)
    mini_start, n_mini, difat_start, n_difat = struct.unpack_from("<IIII", head, 60)
    fat_sectors = [s for s in struct.unpack_from("<109I", head, 76) if s < 0xFFFFFFFA]
    pointers = [dir_start] + fat_sectors + [p for p in (mini_start, difat_start) if p < 0xFFFFFFFA]
    if any(p >= sectors for p in pointers) or n_fat > sectors or n_mini > sectors or n_difat > sectors:
        raise HgdError("import.corrupt", file=path.name)
    # The first directory sector, when it is in the window read: every large stream must fit in the file.
    at = 512 + dir_start * sector
    for entry in range(at, min(at + sector, len(head) - 127), 128):
        kind = head[entry + 66]
        start, length = struct.unpack_from("<II", head, entry + 116)
        if kind == 2 and length >= 4096 and (start >= sectors or length > (sectors - start) * sector):
            raise HgdError("import.corrupt", file=path.name)
