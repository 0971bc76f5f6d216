"""An XLSX looked at as a zip archive, before the spreadsheet library reads it: the central directory is checked
(member count, declared sizes, compression ratios: a zip bomb is refused before anything is decompressed), the
parts the library will load are streamed once with a byte budget (declared sizes may lie: Python's zipfile stops
at the declared size and checks the CRC), the parts it reads whole are bounded (styles by size; shared strings by
their declared and their actual count), no part may declare a document type (entity tricks), no member may have
a name only a tampered file has, and each sheet's XML goes through app.io.sheetscan before the library reads it.
"""
from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Self
from xml.etree import ElementTree

from app import messages
from app.errors import HgdError
from app.io import limits
from app.io.report import number
from app.io.sheetscan import SheetScan
from app.io.sniff import not_spreadsheet

messages.register({
    "import.zip_bomb": (
        ("Tệp '{file}' bất thường: phần '{member}' giải nén ra {size} MB từ {packed} KB (gấp {ratio} lần) — từ chối "
        "để bảo vệ máy."),
        ("The file '{file}' is abnormal: its part '{member}' unpacks to {size} MB from {packed} KB ({ratio} times) "
        "— refused to protect the computer.")),
    "import.too_large_unpacked": (
        "Tệp '{file}' khi giải nén quá lớn ({size} MB; tối đa {limit} MB).",
        "The file '{file}' is too large once unpacked ({size} MB; at most {limit} MB)."),
    "import.too_many_members": ("Tệp '{file}' bất thường: chứa {count} phần (tối đa {limit}).",
                                "The file '{file}' is abnormal: it holds {count} parts (at most {limit})."),
    "import.zip_bad_member": (
        "Tệp '{file}' bất thường: có phần tên '{member}' (chỉ tệp bị sửa mới có tên như vậy) — từ chối.",
        ("The file '{file}' is abnormal: it holds a part named '{member}' (only a tampered file has such names) — "
        "refused.")),
    "import.too_many_strings": (
        "Tệp '{file}' bất thường: bảng chữ dùng chung có {count} mục (tối đa {limit}) — từ chối để bảo vệ máy.",
        ("The file '{file}' is abnormal: its shared-strings table holds {count} entries (at most {limit}) — refused "
        "to protect the computer.")),
    "import.part_too_large": (
        "Tệp '{file}' bất thường: phần '{member}' quá lớn ({size} MB; tối đa {limit} MB).",
        "The file '{file}' is abnormal: its part '{member}' is too large ({size} MB; at most {limit} MB)."),
})


_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
       "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
       "rel": "http://schemas.openxmlformats.org/package/2006/relationships"}
_SHARED_STRINGS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
_STYLES_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
_OTHER_OFFICE = {"word/document.xml": ("một văn bản Word (.docx)", "a Word document (.docx)"),
                 "ppt/presentation.xml": ("một bản trình chiếu PowerPoint", "a PowerPoint presentation"),
                 "content.xml": ("một bảng tính OpenDocument (.ods): hãy lưu lại thành .xlsx",
                                 "an OpenDocument spreadsheet (.ods): save it as .xlsx")}
_SHARED_STRING = re.compile(rb"<(?:[\w.-]+:)?si[\s/>]")
# The library reserves room for uniqueCount strings before reading one: a lying count is refused.
_UNIQUE_COUNT = re.compile(rb"""<(?:[\w.-]+:)?sst\b[^>]*?\s(?:uniqueCount|count)\s*=\s*["']\s*(\d+)""")
_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)")   # `b"<!DOCTYPE" in chunk or …`, sooner
_CORRUPT = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError, ValueError)


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

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
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
        for i in infos:  # nothing is ever extracted, but no spreadsheet program writes such names
            name = i.filename.replace("\\", "/")
            if name.startswith("/") or ".." in name.split("/") or ":" in name.split("/")[0]:
                raise HgdError("import.zip_bad_member", file=self.file, member=i.filename[:80])
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
        self.parts: dict[str, str] = {}   # relationship type -> member (shared strings, styles)
        for rel in rels.iter(f"{{{_NS['rel']}}}Relationship"):
            target = rel.get("Target", "")
            full = target.lstrip("/") if target.startswith("/") else posixpath.normpath("xl/" + target)
            targets[rel.get("Id")] = full
            self.parts[rel.get("Type", "")] = full
        sheets = []
        for el in book.iter(f"{{{_NS['m']}}}sheet"):
            member = targets.get(el.get(f"{{{_NS['r']}}}id") or "")
            if member is not None:
                sheets.append(Sheet(el.get("name", ""), member, el.get("state", "visible") == "visible"))
        return sheets

    # --- streaming ------------------------------------------------------------------------------------------------
    def _stream(self, member: str) -> Iterator[bytes]:
        """Yield the member's bytes a chunk at a time; a damaged or lying member is refused as corrupt, and so is
        a document type declaration anywhere (OOXML never declares entities: the expansion tricks are refused)."""
        try:
            with self.zip.open(member) as f:
                while True:
                    chunk = f.read(limits.SCAN_CHUNK)
                    if not chunk:
                        return
                    if _DECLARATION.search(chunk):
                        raise HgdError("import.corrupt", file=self.file)
                    yield chunk
        except KeyError:
            raise HgdError("import.corrupt", file=self.file) from None
        except _CORRUPT:
            raise HgdError("import.corrupt", file=self.file) from None

    def verify_parts(self) -> None:
        """Stream every part the library loads on opening (all but the worksheets): the CRC and size checks run;
        the parts it reads whole are bounded (styles by size, shared strings by size and count)."""
        sheet_members = {s.member for s in self.sheets}
        names = set(self.zip.namelist())
        if any(s.visible and s.member not in names for s in self.sheets):   # a sheet's relation points nowhere
            raise HgdError("import.corrupt", file=self.file)
        strings = self.parts.get(_SHARED_STRINGS_TYPE, "xl/sharedStrings.xml")
        styles = self.parts.get(_STYLES_TYPE, "xl/styles.xml")
        for info in self.zip.infolist():
            if info.filename in sheet_members or info.is_dir():
                continue
            limit = limits.MAX_STYLES_PART if info.filename == styles else None
            if limit is not None and info.file_size > limit:
                raise HgdError("import.part_too_large", file=self.file, member=info.filename,
                               size=_mb(info.file_size), limit=_mb(limit))
            if info.filename == strings or info.filename.endswith("/sharedStrings.xml"):
                self._count_strings(info.filename)
                continue
            size = 0
            for chunk in self._stream(info.filename):
                size += len(chunk)
                if limit is not None and size > limit:
                    raise HgdError("import.part_too_large", file=self.file, member=info.filename, size=_mb(size),
                                   limit=_mb(limit))

    def _count_strings(self, member: str) -> None:
        """The shared strings: the count the library reserves room for (the table's uniqueCount), and the entries
        actually there (millions of empty strings cost as much as millions of names)."""
        count, rest, first = 0, b"", True
        for chunk in self._stream(member):
            if first:
                first = False
                declared = max((int(d[:12]) for d in _UNIQUE_COUNT.findall(chunk[:65536])), default=0)
                if declared > limits.MAX_SHARED_STRINGS:
                    raise HgdError("import.too_many_strings", file=self.file, count=number(declared),
                                   limit=number(limits.MAX_SHARED_STRINGS))
            buf = rest + chunk
            cut = buf.rfind(b"<")   # tags before the last "<" are whole
            count += len(_SHARED_STRING.findall(buf, 0, max(cut, 0)))
            rest = buf[max(cut, 0):]
            if count > limits.MAX_SHARED_STRINGS:
                raise HgdError("import.too_many_strings", file=self.file, count=number(count),
                               limit=number(limits.MAX_SHARED_STRINGS))

    def scan_sheet(self, sheet: Sheet) -> SheetScan:
        """Refuse a sheet the library would build too large (rows, columns, rows x columns), with too many merged
        ranges, or with formulas without values — from the XML, before the library reads it. The scan tells the
        cells whose cached value is an error."""
        scan = SheetScan(self.file, sheet.name)
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
        return scan
