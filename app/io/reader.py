"""Open a spreadsheet safely and hand out its sheets as tables of cell values.

Every file passes app.io.sniff (what it really is, how big, a regular file) and, for an XLSX, app.io.ooxml (zip,
shared strings, styles and sheet XML guards), for an .xls, app.io.biff (compound file chains, records), before
python-calamine reads it; CSV goes through app.io.csvtext, an HTML table saved as .xls through app.io.htmltable.
A table's rows carry the spreadsheet's own 1-based row numbers, so that the report names the row the clerk sees.
"""
from __future__ import annotations

import os
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Self, cast

import python_calamine

from app import messages
from app.errors import HgdError
from app.io import biff, csvtext, htmltable, limits, ooxml, sniff
from app.io.cells import column_letter  # noqa: F401  (re-exported: header and tests use it from here)
from app.io.report import number
from app.io.sheetscan import SheetScan

messages.register({
    "import.unreadable": ("Không đọc được tệp '{file}' ({reason}); có thể tệp bị hỏng hoặc được đặt mật khẩu.",
                          "Cannot read the file '{file}' ({reason}); it may be damaged or password-protected."),
    "import.reason_utf8": ("có chữ không đúng mã UTF-8", "it holds text that is not valid UTF-8"),
    "import.reason_xml": ("nội dung XML bị hỏng", "its XML is broken"),
    "import.reason_missing": ("thiếu một phần bên trong tệp", "a part inside the file is missing"),
    "import.reason_other": ("lỗi khi đọc: {detail}", "read error: {detail}"),
    "import.no_sheet": ("Tệp '{file}' không có trang tính nào.", "The file '{file}' has no worksheet."),
})

Cell = object  # str | float | int | bool | date | datetime | time | timedelta; "" for an empty cell
Native = int | float | str | bool | time | date | datetime | timedelta   # a cell as python-calamine gives it
Merge = tuple[tuple[int, int], tuple[int, int]]   # ((first row, first column), (last row, last column)), 0-based


@dataclass
class Table:
    """One sheet (or the CSV, or the HTML table) as rows of cells. `rows` is a one-shot iterator of (row number,
    cells); a hidden sheet comes with `visible` False and no rows (it is named, never read)."""

    file: str
    kind: str                                   # "xlsx" | "xls" | "csv" | "html"
    sheet: str
    rows: Iterator[tuple[int, list[Cell]]]
    total_rows: int                             # for progress
    first_column: int = 0                       # 0-based index of the cells' first column (XLSX may start at C)
    merged: list[Merge] = field(default_factory=list)  # 0-based, absolute
    text_encoding: str | None = None            # CSV and HTML only
    visible: bool = True
    errors: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, absolute column) -> "#REF!"
    suspicious: bool = True   # a cell may be too long or carry a run of marks: each cell read is checked


class Book:
    """The file's tables, in order, each loaded only when the iteration reaches it; `visible` counts the visible
    ones (a list split over several sheets names the sheet in every row it reports)."""

    def __init__(self, tables: Iterator[Table], visible: int) -> None:
        self.tables, self.visible = tables, visible

    def __iter__(self) -> Iterator[Table]:
        return self.tables


class Early:
    """An XLSX made ready while a command does its other start-up work (`hgd import`: its imports, the register's
    opening). Here, in the caller's thread, the file passes the same checks as in open_tables and its first visible
    sheet's XML is scanned; meanwhile a background thread has the spreadsheet library open the file (its parts but
    the sheets were checked already) and, once the scan has passed, parse that sheet (the library releases the GIL
    while it parses). Every error is kept and raised where open_tables raises it without this: a file-level one on
    opening, the sheet's when the sheet is reached. Other kinds of files are left to open_tables. Use as a context
    manager: leaving it waits for the thread and closes the file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.xlsx: ooxml.Xlsx | None = None
        self.first: ooxml.Sheet | None = None          # the first visible sheet, scanned here
        self.scan: SheetScan | None = None
        self.book: python_calamine.CalamineWorkbook | None = None
        self.sheet: python_calamine.CalamineSheet | None = None
        self.failed: BaseException | None = None       # raised on opening the file
        self.sheet_failed: BaseException | None = None  # raised when the first visible sheet is reached
        self._thread: threading.Thread | None = None
        try:
            if sniff.check_file(path)[0] != "xlsx":
                return
            self.xlsx = ooxml.Xlsx(path)
            self.xlsx.verify_parts()
            self.first = next((s for s in self.xlsx.sheets if s.visible), None)
            if self.first is None:
                raise HgdError("import.no_sheet", file=path.name)
        except Exception as exc:  # noqa: BLE001 - raised again by open_tables, after the register is opened
            self.failed = exc
            return
        self._scanned = threading.Event()
        self._thread = threading.Thread(target=self._parse, name="hgd-xlsx", daemon=True)
        self._thread.start()
        try:
            self.scan = self.xlsx.scan_sheet(self.first)
        except Exception as exc:  # noqa: BLE001 - raised again when the sheet is reached
            self.sheet_failed = exc
        finally:
            self._scanned.set()

    def _parse(self) -> None:
        assert self.first is not None
        try:
            self.book = _calamine(self.path)
            self._scanned.wait()  # the sheet is parsed only once its XML passed the scan
            if self.sheet_failed is None and self.first.name in self.book.sheet_names:
                with _native(self.path):
                    self.sheet = self.book.get_sheet_by_name(self.first.name)
        except BaseException as exc:  # noqa: BLE001 - handed to the reading thread
            if self.book is None:
                self.failed = exc
            else:
                self.sheet_failed = exc

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join()

    def close(self) -> None:
        self.wait()
        if self.book is not None:
            self.book.close()
            self.book = None
        if self.xlsx is not None:
            self.xlsx.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@contextmanager
def open_tables(path: Path, early: Early | None = None) -> Iterator[Book]:
    """Yield the file's tables: each worksheet in order (a visible one loaded only when reached, a hidden one named
    only), or the one CSV or HTML table. File-level problems raise HgdError before anything is loaded. `early`: the
    same file made ready by Early (it is closed on leaving)."""
    if early is not None:
        early.wait()
        if early.failed is not None:
            early.close()
            raise early.failed
        if early.xlsx is not None:
            assert early.book is not None
            try:
                visible = sum(1 for s in early.xlsx.sheets if s.visible)
                yield Book(_xlsx_tables(path, early.xlsx, early.book, early.xlsx.sheets, early), visible)
            finally:
                early.close()
            return
    kind, _size = sniff.check_file(path)
    if kind == "csv":
        info = csvtext.inspect_csv(path)
        yield Book(iter([Table(path.name, "csv", path.stem, _numbered(csvtext.iter_rows(path, info)),
                               info.lines, text_encoding=info.encoding, suspicious=info.suspicious)]), 1)
        return
    if kind == "html":
        page = htmltable.read_html(path, path.name)
        yield Book(iter([Table(path.name, "html", path.stem, _numbered(page.rows), page.height, merged=page.merged,
                               text_encoding=page.encoding)]), 1)
        return
    if kind == "xls":
        biff.check_xls(path)
        book = _calamine(path)
        try:
            sheets = [m for m in book.sheets_metadata if m.typ == python_calamine.SheetTypeEnum.WorkSheet]
            visible = sum(1 for m in sheets if m.visible == python_calamine.SheetVisibleEnum.Visible)
            if not visible:
                raise HgdError("import.no_sheet", file=path.name)
            yield Book(_xls_tables(path, book, sheets), visible)
        finally:
            book.close()
        return
    with ooxml.Xlsx(path) as xlsx:
        xlsx.verify_parts()
        visible = sum(1 for s in xlsx.sheets if s.visible)
        if not visible:
            raise HgdError("import.no_sheet", file=path.name)
        book = _calamine(path)
        try:
            yield Book(_xlsx_tables(path, xlsx, book, xlsx.sheets), visible)
        finally:
            book.close()


@contextmanager
def _native(path: Path) -> Iterator[None]:
    """Around the spreadsheet library's parsing: its errors, and its crashes on malformed input (a Rust panic
    arrives as pyo3's PanicException, a BaseException), become one clear HgdError; the panic's own report, which
    Rust writes straight to the process's standard error, is swallowed so the user sees that one line only."""
    saved = sink = None
    try:
        sys.stderr.flush()
        sink = tempfile.TemporaryFile()  # noqa: SIM115 - closed in the finally below, after fd 2 is restored
        saved = os.dup(2)
        os.dup2(sink.fileno(), 2)
    except (OSError, ValueError, AttributeError):  # no usable fd 2 (a GUI on Windows): nothing to hide
        if saved is not None:
            os.close(saved)
        saved = None
    try:
        yield
    except (KeyboardInterrupt, SystemExit, GeneratorExit, HgdError):
        raise
    except Exception as exc:  # noqa: BLE001 - any library error is an unreadable file
        raise HgdError("import.unreadable", file=path.name, reason=_reason(exc)) from None
    except BaseException:  # noqa: BLE001 - a crash inside the library: the file is malformed
        raise HgdError("import.corrupt", file=path.name) from None
    finally:
        if saved is not None:
            os.dup2(saved, 2)
            os.close(saved)
        if sink is not None:
            sink.close()


def _calamine(path: Path) -> python_calamine.CalamineWorkbook:
    with _native(path), path.open("rb") as f:
        return python_calamine.CalamineWorkbook.from_filelike(f)


_REASONS = (("utf-8", "import.reason_utf8"), ("utf8", "import.reason_utf8"), ("xml", "import.reason_xml"),
            ("eof", "import.reason_xml"), ("not found", "import.reason_missing"),
            ("cannot find", "import.reason_missing"))


def _reason(exc: BaseException) -> str:
    """The library's error in the user's words where it is a known kind; its own words otherwise."""
    detail = (str(exc).splitlines() or [type(exc).__name__])[0][:200]
    lowered = detail.lower()
    key = next((k for word, k in _REASONS if word in lowered), "import.reason_other")
    return messages.render(key, detail=detail)


def _xlsx_tables(path: Path, xlsx: ooxml.Xlsx, book: python_calamine.CalamineWorkbook,
                 sheets: list[ooxml.Sheet], early: Early | None = None) -> Iterator[Table]:
    for sheet in sheets:
        if not sheet.visible:
            yield Table(path.name, "xlsx", sheet.name, iter(()), 0, visible=False)
            continue
        parsed = None
        if early is not None and sheet is early.first:  # scanned and parsed already
            if early.sheet_failed is not None:
                raise early.sheet_failed
            assert early.scan is not None
            scan, parsed = early.scan, early.sheet
        else:
            scan = xlsx.scan_sheet(sheet)
        if sheet.name not in book.sheet_names:
            continue
        table = _sheet_table(path, "xlsx", book, sheet.name, parsed)
        table.errors = scan.errors   # its cells are checked one by one as read (cheaper than a scan of its XML)
        yield table


def _xls_tables(path: Path, book: python_calamine.CalamineWorkbook,
                sheets: list[python_calamine.SheetMetadata]) -> Iterator[Table]:
    for m in sheets:
        if m.visible != python_calamine.SheetVisibleEnum.Visible:
            yield Table(path.name, "xls", m.name, iter(()), 0, visible=False)
        else:
            yield _sheet_table(path, "xls", book, m.name)


def _sheet_table(path: Path, kind: str, book: python_calamine.CalamineWorkbook, name: str,
                 sheet: python_calamine.CalamineSheet | None = None) -> Table:
    if sheet is None:
        with _native(path):
            sheet = book.get_sheet_by_name(name)
    if sheet.height > limits.MAX_SHEET_ROWS:  # the scans refused it already; kept as the last word
        raise HgdError("import.too_many_rows", file=path.name, sheet=name, row=number(sheet.height),
                       limit=number(limits.MAX_SHEET_ROWS))
    start = sheet.start or (0, 0)
    merged = sheet.merged_cell_ranges or []
    if len(merged) > limits.MAX_MERGES:  # .xls: not scanned for merges beforehand
        raise HgdError("import.too_many_merges", file=path.name, sheet=name, count=number(len(merged)),
                       limit=number(limits.MAX_MERGES))
    return Table(path.name, kind, name, _numbered(_calamine_rows(path, sheet)), sheet.total_height,
                 first_column=start[1], merged=list(merged))


def _calamine_rows(path: Path, sheet: python_calamine.CalamineSheet) -> Iterator[list[Native]]:
    # Rows from the sheet's row 1; columns from its first used column. The cells are in memory already: converting
    # them does not parse anything, so the rows are not read under _native.
    try:
        yield from sheet.iter_rows()
    except (python_calamine.CalamineError, ValueError) as exc:
        raise HgdError("import.unreadable", file=path.name, reason=_reason(exc)) from None


def _numbered(rows: Iterator[list[str]] | Iterator[list[Native]]) -> Iterator[tuple[int, list[Cell]]]:
    # Each row's list is handed on as it is (no copy per row). The import reads its cells; app.io.fills only puts in
    # one text, or a value from another cell of the same file: what that producer's list holds. Lists are
    # invariant, hence the cast.
    return enumerate(cast(Iterator[list[Cell]], rows), 1)
