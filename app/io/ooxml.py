"""An XLSX looked at as a zip archive, before the spreadsheet library reads it: the central directory is checked
(member count, declared sizes, compression ratios: a zip bomb is refused before anything is decompressed), the
parts the library will load are streamed once with a byte budget (declared sizes may lie: Python's zipfile stops
at the declared size and checks the CRC), and the chosen sheet's XML is scanned for what would make the library
allocate without bound (a cell in a far row or column) or read empty values (formulas without cached values).
"""
from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from app import messages
from app.errors import HgdError
from app.io import limits
from app.io.report import number
from app.io.sniff import not_spreadsheet

messages.register({
    "import.zip_bomb": (
        "Tệp '{file}' bất thường: phần '{member}' giải nén ra {size} MB từ {packed} KB (gấp {ratio} lần) — từ chối "
        "để bảo vệ máy.",
        "The file '{file}' is abnormal: its part '{member}' unpacks to {size} MB from {packed} KB ({ratio} times) "
        "— refused to protect the computer."),
    "import.too_large_unpacked": (
        "Tệp '{file}' khi giải nén quá lớn ({size} MB; tối đa {limit} MB).",
        "The file '{file}' is too large once unpacked ({size} MB; at most {limit} MB)."),
    "import.too_many_members": ("Tệp '{file}' bất thường: chứa {count} phần (tối đa {limit}).",
                                "The file '{file}' is abnormal: it holds {count} parts (at most {limit})."),
    "import.too_many_rows": (
        "Tệp '{file}', trang '{sheet}': quá nhiều dòng (có dữ liệu ở dòng {row}; tối đa {limit} dòng).",
        "File '{file}', sheet '{sheet}': too many rows (data in row {row}; at most {limit} rows)."),
    "import.too_far_column": (
        "Tệp '{file}', trang '{sheet}': có dữ liệu ở ô {cell}, quá xa (tối đa {limit} cột, đến cột CZ); hãy xóa ô "
        "đó rồi nhập lại.",
        "File '{file}', sheet '{sheet}': there is data in cell {cell}, too far right (at most {limit} columns, up "
        "to column CZ); delete that cell and import again."),
    "import.formulas": (
        "Tệp '{file}', trang '{sheet}', ô {cell}: có công thức nhưng chưa có giá trị đã tính (tệp do phần mềm khác "
        "tạo ra). Hãy mở tệp bằng Excel, lưu lại rồi nhập lại.",
        "File '{file}', sheet '{sheet}', cell {cell}: a formula without a computed value (the file was made by "
        "another program). Open it in Excel, save it and import again."),
})

_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
       "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
       "rel": "http://schemas.openxmlformats.org/package/2006/relationships"}
_OTHER_OFFICE = {"word/document.xml": ("một văn bản Word (.docx)", "a Word document (.docx)"),
                 "ppt/presentation.xml": ("một bản trình chiếu PowerPoint", "a PowerPoint presentation"),
                 "content.xml": ("một bảng tính OpenDocument (.ods): hãy lưu lại thành .xlsx",
                                 "an OpenDocument spreadsheet (.ods): save it as .xlsx")}
# Element names may carry a namespace prefix (<x:row>, <x:c>: the .NET Open XML SDK writes them so).
_ROW_R = re.compile(rb'<(?:\w+:)?row\b[^>]*?\br="(\d+)"')
# A cell with content (not self-closing) in a column beyond CZ (limits.MAX_COLUMNS = 104): DA..ZZ or three letters.
_FAR_CELL = re.compile(rb'<(?:\w+:)?c r="((?:[D-Z][A-Z]|[A-Z]{3})\d+)"[^>]*?(?<!/)>')
_FORMULA = rb'<(?:\w+:)?f\b[^>]*(?:/>|>[^<]*</(?:\w+:)?f>)\s*'
_FORMULA_WITH_VALUE = re.compile(_FORMULA + rb"<(?:\w+:)?v>[^<]")
_FORMULA_WITHOUT_VALUE = re.compile(rb'<(?:\w+:)?c r="([A-Z]+\d+)"[^>]*>\s*' + _FORMULA
                                    + rb"(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>|</(?:\w+:)?c>)")
_CORRUPT = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError, ValueError)
assert limits.MAX_COLUMNS == 104, "_FAR_CELL encodes column CZ"


@dataclass
class Sheet:
    name: str
    member: str      # the sheet's part inside the zip
    visible: bool


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f}"


class Xlsx:
    """An XLSX whose central directory passed the checks. Use as a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.file = path.name
        try:
            self.zip = zipfile.ZipFile(path)
        except _CORRUPT:
            raise HgdError("import.corrupt", file=self.file) from None
        try:
            self._check_directory()
            self.sheets = self._read_sheets()
        except BaseException:
            self.zip.close()
            raise

    def __enter__(self) -> Xlsx:
        return self

    def __exit__(self, *exc) -> None:
        self.zip.close()

    def close(self) -> None:
        self.zip.close()

    # --- the central directory -----------------------------------------------------------------------------------
    def _check_directory(self) -> None:
        infos = self.zip.infolist()
        if len(infos) > limits.MAX_ZIP_MEMBERS:
            raise HgdError("import.too_many_members", file=self.file, count=len(infos), limit=limits.MAX_ZIP_MEMBERS)
        names = {i.filename for i in infos}
        if "xl/workbook.xml" not in names:
            for member, (vi, en) in _OTHER_OFFICE.items():
                if member in names:
                    raise not_spreadsheet(self.path, vi, en)
            raise not_spreadsheet(self.path, "một tệp nén ZIP", "a ZIP archive")
        if any(i.flag_bits & 0x1 for i in infos):
            raise HgdError("import.encrypted", file=self.file)
        for i in infos:
            if i.file_size > limits.RATIO_FLOOR and i.file_size > limits.MAX_RATIO * max(i.compress_size, 1):
                raise HgdError("import.zip_bomb", file=self.file, member=i.filename, size=_mb(i.file_size),
                               packed=max(1, i.compress_size // 1024), ratio=i.file_size // max(i.compress_size, 1))
        total = sum(i.file_size for i in infos)
        if total > limits.MAX_UNCOMPRESSED:
            raise HgdError("import.too_large_unpacked", file=self.file, size=_mb(total),
                           limit=_mb(limits.MAX_UNCOMPRESSED))

    def _small_part(self, name: str) -> bytes:
        try:
            info = self.zip.getinfo(name)
        except KeyError:
            raise HgdError("import.corrupt", file=self.file) from None
        if info.file_size > limits.MAX_SMALL_PART:
            raise HgdError("import.too_large_unpacked", file=self.file, size=_mb(info.file_size),
                           limit=_mb(limits.MAX_SMALL_PART))
        try:
            data = self.zip.read(name)
        except _CORRUPT:
            raise HgdError("import.corrupt", file=self.file) from None
        if b"<!DOCTYPE" in data or b"<!ENTITY" in data:  # OOXML never declares entities: refuse the expansion tricks
            raise HgdError("import.corrupt", file=self.file)
        return data

    def _read_sheets(self) -> list[Sheet]:
        try:
            book = ElementTree.fromstring(self._small_part("xl/workbook.xml"))
            rels = ElementTree.fromstring(self._small_part("xl/_rels/workbook.xml.rels"))
        except ElementTree.ParseError:
            raise HgdError("import.corrupt", file=self.file) from None
        targets = {}
        for rel in rels.iter(f"{{{_NS['rel']}}}Relationship"):
            target = rel.get("Target", "")
            full = target.lstrip("/") if target.startswith("/") else posixpath.normpath("xl/" + target)
            targets[rel.get("Id")] = full
        sheets = []
        for el in book.iter(f"{{{_NS['m']}}}sheet"):
            member = targets.get(el.get(f"{{{_NS['r']}}}id") or "")
            if member is not None:
                sheets.append(Sheet(el.get("name", ""), member, el.get("state", "visible") == "visible"))
        return sheets

    # --- streaming ------------------------------------------------------------------------------------------------
    def _stream(self, member: str):
        """Yield the member's bytes a chunk at a time; a damaged or lying member is refused as corrupt."""
        try:
            with self.zip.open(member) as f:
                while True:
                    chunk = f.read(limits.SCAN_CHUNK)
                    if not chunk:
                        return
                    yield chunk
        except KeyError:
            raise HgdError("import.corrupt", file=self.file) from None
        except _CORRUPT:
            raise HgdError("import.corrupt", file=self.file) from None

    def verify_parts(self) -> None:
        """Stream every part the library loads on opening (all but the worksheets): the CRC and size checks run."""
        sheet_members = {s.member for s in self.sheets}
        for info in self.zip.infolist():
            if info.filename not in sheet_members and not info.is_dir():
                for _ in self._stream(info.filename):
                    pass

    def scan_sheet(self, sheet: Sheet) -> None:
        """Refuse a sheet with rows beyond the limit, content beyond column CZ, or formulas without values."""
        scan = _SheetScan(self.file, sheet.name)
        buf = b""
        for chunk in self._stream(sheet.member):
            buf += chunk
            end = buf.rfind(b"row>") + 4  # scan whole rows (</row>, </x:row>): no element is split between chunks
            if end < 4:
                if len(buf) < 8 * limits.SCAN_CHUNK:
                    continue
                end = buf.rfind(b">") + 1
            scan.feed(buf[:end])
            buf = buf[end:]
        scan.feed(buf)
        scan.finish()


class _SheetScan:
    def __init__(self, file: str, sheet: str) -> None:
        self.file, self.sheet = file, sheet
        self.rows = self.last_r = self.with_value = 0
        self.missing: bytes | None = None

    def feed(self, part: bytes) -> None:
        self.rows += part.count(b"<row") + part.count(b":row ")
        found = _ROW_R.findall(part, max(0, len(part) - 65536))  # rows come in order: the last is the highest
        if found:
            self.last_r = int(found[-1])
        highest = max(self.rows, self.last_r)
        if highest > limits.MAX_SHEET_ROWS:
            raise HgdError("import.too_many_rows", file=self.file, sheet=self.sheet, row=number(highest),
                           limit=number(limits.MAX_SHEET_ROWS))
        far = _FAR_CELL.search(part)
        if far:
            raise HgdError("import.too_far_column", file=self.file, sheet=self.sheet, cell=far.group(1).decode(),
                           limit=limits.MAX_COLUMNS)
        if b"<f" in part or b":f" in part:
            self.with_value += len(_FORMULA_WITH_VALUE.findall(part))
            if self.missing is None:
                m = _FORMULA_WITHOUT_VALUE.search(part)
                self.missing = m.group(1) if m else None

    def finish(self) -> None:
        # A file some program wrote with formulas but no computed values has none anywhere; Excel and LibreOffice
        # always store them (a formula whose result is "" has an empty value beside others that are not).
        if self.missing is not None and self.with_value == 0:
            raise HgdError("import.formulas", file=self.file, sheet=self.sheet, cell=self.missing.decode())

