"""The extent the spreadsheet library will give an XLSX sheet, computed from the sheet's XML as the library reads it,
before it builds anything (it allocates rows x columns cells, so one stray cell in row 1,048,576 or column XFD would
cost gigabytes): a cell's position is its reference — any attribute order, either quote, any white space, either
case, a namespace prefix on the element — or, for a cell without one, the column after the previous cell of its row;
a row without a number follows the previous row. The usual form (every cell `<c r="A1"`) is read by a few passes of
patterns over each chunk; any other form element by element. Merged ranges are counted, formulas without cached
values and cells whose cached value is an error are found.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from app import messages
from app.errors import HgdError
from app.io import limits
from app.io.report import number

messages.register({
    "import.too_many_rows": (
        "Tệp '{file}', trang '{sheet}': quá nhiều dòng (có dữ liệu ở dòng {row}; tối đa {limit} dòng).",
        "File '{file}', sheet '{sheet}': too many rows (data in row {row}; at most {limit} rows)."),
    "import.too_far_column": (
        ("Tệp '{file}', trang '{sheet}': có dữ liệu ở ô {cell}, quá xa (tối đa {limit} cột, đến cột CZ); hãy xóa ô "
        "đó rồi nhập lại."),
        ("File '{file}', sheet '{sheet}': there is data in cell {cell}, too far right (at most {limit} columns, up "
        "to column CZ); delete that cell and import again.")),
    "import.too_many_cells": (
        ("Tệp '{file}', trang '{sheet}': bảng trải trên {rows} dòng × {columns} cột (đến ô {cell}) — quá lớn "
        "(tối đa {limit} ô); hãy xóa các ô thừa ở xa rồi nhập lại."),
        ("File '{file}', sheet '{sheet}': the table spans {rows} rows × {columns} columns (up to cell {cell}) — "
        "too large (at most {limit} cells); delete the stray cells far away and import again.")),
    "import.sparse_sheet": (
        ("Tệp '{file}', trang '{sheet}': có ô ở quá xa (ô {cell}): bảng trải trên {rows} dòng × {columns} cột mà chỉ "
        "có {cells} ô được ghi; hãy xóa các ô thừa ở xa rồi nhập lại."),
        ("File '{file}', sheet '{sheet}': a cell lies too far away (cell {cell}): the table spans {rows} rows × "
        "{columns} columns with only {cells} cells written; delete the stray cells far away and import again.")),
    "import.too_many_merges": (
        "Tệp '{file}', trang '{sheet}': quá nhiều vùng ô gộp ({count}; tối đa {limit}).",
        "File '{file}', sheet '{sheet}': too many merged ranges ({count}; at most {limit})."),
    "import.formulas": (
        ("Tệp '{file}', trang '{sheet}', ô {cell}: có công thức nhưng chưa có giá trị đã tính (tệp do phần mềm khác "
        "tạo ra). Hãy mở tệp bằng Excel, lưu lại rồi nhập lại."),
        ("File '{file}', sheet '{sheet}', cell {cell}: a formula without a computed value (the file was made by "
        "another program). Open it in Excel, save it and import again.")),
})

# Element names may carry a namespace prefix (<x:row>, <x:c>: the .NET Open XML SDK writes them so); the scan
# removes it from the elements it looks at, so that one set of patterns serves both.
_PREFIXED = re.compile(rb"<(/?)[\w.-]+:(?=(?:row|c|f|v|mergeCell|si)[\s/>])")
_ANY_PREFIXED = re.compile(rb":(?:row|c|f|v|mergeCell)[\s/>]")    # cheap: scans for ":" only
# The form Excel, LibreOffice and openpyxl write: every cell's reference first and double-quoted, every row numbered.
# A chunk holding any other form of <c> or <row> is scanned element by element (_exact), as the library reads it.
# a row number with a leading zero ("A0000001") is odd too: the fast scan judges rows by their digit count
_ODD_CELL = re.compile(rb'<c(?! r="[A-Za-z]{1,3}[1-9]\d{0,6}")[\s/>]')
_ATTRS = rb"""((?:[^>"']|"[^"]*"|'[^']*')*)"""   # a tag's attributes: a quoted value may hold ">"
_WIDE_CELL = re.compile(rb'<c r="([A-Za-z]{2,3})(\d+)"' + _ATTRS + rb"(?<!/)>")   # beyond column Z, with content
_ROW_DIGITS = [re.compile(rb'<c r="[A-Za-z]{1,3}(\d{%d})"' % n) for n in range(8)]
_LONG_ROWS = re.compile(rb'<c r="[A-Za-z]{1,3}(\d{4,7})"')   # rows from 1,000
_CELL_START = re.compile(rb'<c r="[A-Za-z]{1,3}$')
_WITH_CONTENT = re.compile(_ATTRS + rb"(?<!/)>")
_MERGE = re.compile(rb"<mergeCell[\s/>]")
_TAG = re.compile(rb"<(/?)(row|c)(?=[\s/>])" + _ATTRS + rb">")
_ATTR_R = re.compile(rb"""(?:^|\s)r\s*=\s*(["'])(.*?)\1""", re.DOTALL)
_REF = re.compile(rb"([A-Za-z]+)(\d+)")
_FORMULA = rb'<f\b[^>]*(?:/>|>[^<]*</f>)\s*'
_FORMULA_WITH_VALUE = re.compile(_FORMULA + rb"<v>[^<]")
_FORMULA_WITHOUT_VALUE = re.compile(rb'<c\b[^>]*?\sr\s*=\s*["\']([A-Za-z]+\d+)["\'][^>]*>\s*' + _FORMULA
                                    + rb"(?:<v\s*/>|<v>\s*</v>|</c>)")
# A cell whose formula's cached value is an error (#REF!, #VALUE!, #N/A): the library reads it as empty.
_ERROR_CELL = re.compile(rb'<c\b(?=[^>]*?\st\s*=\s*["\']e["\'])[^>]*?\sr\s*=\s*["\']([A-Za-z]{1,3})(\d{1,7})["\'][^>]*>'
                         rb'(?:(?!</c>).)*?<v>([^<]{1,32})</v>', re.DOTALL)
MAX_ERROR_CELLS = 10_000
# What `in` tells, found sooner by the pattern engine in a megabyte of XML (its literal search skips ahead faster).
_FORMULA_START = re.compile(rb"<f")
_ERROR_TYPE = re.compile(rb"t=[\"']e[\"']")   # looser than the two forms looked for: a quick first test


def _column_number(letters: bytes) -> int:
    """b"A" -> 1, b"CZ" -> 104, b"xfd" -> 16384 (the library reads references in either case)."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ch - 64
    return n


class SheetScan:
    """The extent the spreadsheet library will give the sheet, computed from its XML as the library reads it: a
    cell's position is its reference (any attribute order, either quote, any white space, either case), or for a
    cell without one the column after the previous cell of its row; a row without a number follows the previous
    row. Cells written empty and self-closed (<c r="XFD5" s="1"/>) are skipped by the library and here."""

    def __init__(self, file: str, sheet: str) -> None:
        self.file, self.sheet = file, sheet
        self.max_row = self.max_col = self.cells = 0
        self.far = self.far_col = b""        # the references of the cells that set max_row and max_col
        self.row_index = self.col_index = 0  # the library's position, for cells and rows without references
        self.merges = self.with_value = 0
        self.missing: bytes | None = None
        self.errors: dict[tuple[int, int], str] = {}   # (row, 0-based column) -> "#REF!" for cached errors

    def feed(self, part: bytes) -> None:
        if _ANY_PREFIXED.search(part):
            part = _PREFIXED.sub(rb"<\1", part)
        if _ODD_CELL.search(part):
            self._exact(part)
        else:
            self._canonical(part)
        self._check()
        if b"<mergeCell" in part:
            self.merges += len(_MERGE.findall(part))
            if self.merges > limits.MAX_MERGES:
                raise HgdError("import.too_many_merges", file=self.file, sheet=self.sheet, count=number(self.merges),
                               limit=number(limits.MAX_MERGES))
        if _ERROR_TYPE.search(part) and (b't="e"' in part or b"t='e'" in part):
            for letters, row, value in _ERROR_CELL.findall(part):
                if len(self.errors) < MAX_ERROR_CELLS:
                    self.errors[(int(row), _column_number(letters) - 1)] = value.decode("ascii", "replace")
        if _FORMULA_START.search(part):
            self.with_value += len(_FORMULA_WITH_VALUE.findall(part))
            if self.missing is None:
                m = _FORMULA_WITHOUT_VALUE.search(part)
                self.missing = m.group(1) if m else None

    def _canonical(self, part: bytes) -> None:
        """Every cell starts <c r="A1" (at most 3 letters, 7 digits): the highest row is found among the references
        with the most digits, the widest column among those beyond Z — each by one pass of a pattern."""
        self.cells += part.count(b'<c r="')
        for found in _rows_by_length(part):
            done = False
            for row in found:
                if int(row) <= self.max_row:
                    done = True
                    break
                ref = _with_content(part, row)
                if ref:  # the highest reference of a cell with content (not an empty, self-closed one)
                    self.max_row, self.far, done = int(row), ref, True
                    break
            if done:
                break
        for letters, row, _attrs in set(_WIDE_CELL.findall(part)):
            col = _column_number(letters)
            if col > self.max_col:
                self.max_col, self.far_col = col, letters + row
        if self.max_col < 26 and b'<c r="' in part:
            self.max_col, self.far_col = 26, b"Z"   # a bound: references of one letter reach Z at most
        self.row_index = max(self.row_index, self.max_row)  # rows without numbers in a later chunk follow on

    def _exact(self, part: bytes) -> None:
        """Element by element, as the library does (its XlsxCellReader): slow, used only for unusual XML."""
        for closing, name, attrs in _TAG.findall(part):
            self_closing = attrs.rstrip().endswith(b"/")
            if name == b"row":
                if closing:
                    self.row_index += 1
                    self.col_index = 0
                elif not self_closing:
                    ref = _ATTR_R.search(attrs)
                    if ref:
                        if not ref.group(2).isdigit():
                            raise HgdError("import.corrupt", file=self.file)
                        self.row_index = int(ref.group(2)[:9]) - 1
                continue
            if closing or self_closing:
                continue
            self.cells += 1
            ref = _ATTR_R.search(attrs)
            if ref:
                m = _REF.fullmatch(ref.group(2))
                if m is None:
                    raise HgdError("import.corrupt", file=self.file)
                row, col = int(m.group(2)[:9]), _column_number(m.group(1)[:9])
                self.col_index = col - 1
            else:
                row, col = self.row_index + 1, self.col_index + 1
            self.col_index += 1
            if row > self.max_row:
                self.max_row, self.far = row, ref.group(2) if ref else f"{_letters(col)}{row}".encode()
            if col > self.max_col:
                self.max_col, self.far_col = col, ref.group(2) if ref else f"{_letters(col)}{row}".encode()

    def _check(self) -> None:
        if self.max_row > limits.MAX_SHEET_ROWS:
            raise HgdError("import.too_many_rows", file=self.file, sheet=self.sheet, row=number(self.max_row),
                           limit=number(limits.MAX_SHEET_ROWS))
        if self.max_col > limits.MAX_COLUMNS:
            raise HgdError("import.too_far_column", file=self.file, sheet=self.sheet,
                           cell=self.far_col.decode(errors="replace").upper(), limit=limits.MAX_COLUMNS)
        check_area(self.file, self.sheet, self.max_row, self.max_col, self.cells)

    def finish_area(self) -> None:
        check_area(self.file, self.sheet, self.max_row, self.max_col, self.cells, final=True)

    def finish(self) -> None:
        self.finish_area()
        # A file some program wrote with formulas but no computed values has none anywhere; Excel and LibreOffice
        # always store them (a formula whose result is "" has an empty value beside others that are not).
        if self.missing is not None and self.with_value == 0:
            raise HgdError("import.formulas", file=self.file, sheet=self.sheet, cell=self.missing.decode().upper())


def _rows_by_length(part: bytes) -> Iterator[list[bytes]]:
    """The rows of the chunk's references, those with the most digits first, each length's highest first: rows of
    4 to 7 digits by one pass of a pattern, shorter ones (a sheet's first rows only) a length at a time."""
    long_rows = set(_LONG_ROWS.findall(part))
    if long_rows:
        yield sorted(long_rows, key=lambda row: (len(row), row), reverse=True)
    for digits in (3, 2, 1):
        found = _ROW_DIGITS[digits].findall(part)
        if found:
            yield sorted(set(found), reverse=True)


def _with_content(part: bytes, row: bytes) -> bytes | None:
    """The reference of a cell of `row` that is not an empty self-closed one, or None."""
    needle = row + b'"'
    at = part.find(needle)
    while at >= 0:
        start = part.rfind(b"<", max(0, at - 12), at)
        if start >= 0 and _CELL_START.match(part, start, at) and _WITH_CONTENT.match(part, at + len(needle)):
            return part[start + 6:at + len(row)]
        at = part.find(needle, at + 1)
    return None


def check_area(file: str, sheet: str, rows: int, columns: int, cells: int, final: bool = False) -> None:
    """Refuse a sheet the library would build as more than limits.MAX_CELLS cells, or — once all its cells are
    counted — as a rectangle much larger than the cells written (a few stray cells far away)."""
    area = rows * columns
    if area > limits.MAX_CELLS:
        raise HgdError("import.too_many_cells", file=file, sheet=sheet, rows=number(rows), columns=number(columns),
                       cell=f"{_letters(columns)}{rows}", limit=number(limits.MAX_CELLS))
    if final and area > limits.SPARSE_FLOOR and area > limits.SPARSE_RATIO * cells:
        raise HgdError("import.sparse_sheet", file=file, sheet=sheet, rows=number(rows), columns=number(columns),
                       cell=f"{_letters(columns)}{rows}", cells=number(cells))


def _letters(col: int) -> str:
    """1 -> A, 104 -> CZ."""
    out = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out
