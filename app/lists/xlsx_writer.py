"""List forms as XLSX, from their definitions: real cells (dates as dates, codes as text, numbers as numbers), merged
header cells, A4 with fit-to-width, the table header repeated on every printed page, the bundled serif font.

`write_list(filled, path)` writes one list; the sheet is built by `SheetBuilder`, which the TK1-TS writer shares.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from app.lists import values, xlsx_body, xlsx_styles
from app.lists.filled import FilledList
from app.lists.forms.base import DATE_LINE, Column, Line, Page, Signature, TableForm, header_cells, motto_lines
from app.lists.layout import BodyRow, body_rows, header_values

# The bundled serif font, metric-compatible with Times New Roman (resources/fonts/README.md).
FONT = "Liberation Serif"
_THIN = Side(style="thin")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FORMATS = {"date": "dd/mm/yyyy", "month": "mm/yyyy", "code": "@", "money": "#,##0"}


@dataclass
class WriteResult:
    """What a writer produced: the file, the number of table rows (persons), and the number of pages (PDF only: a
    spreadsheet's pages depend on the printer)."""

    path: Path
    rows: int
    pages: int | None = None


def font(style: str = "normal", size: float = 10, underline: bool = False) -> Font:
    return Font(name=FONT, size=size, bold="bold" in style, italic="italic" in style,
                underline="single" if underline else None)


def _estimate_lines(text: str, width_chars: float, size: float) -> int:
    """Lines a wrapped text takes in a cell `width_chars` wide (Excel width units), roughly, for row heights."""
    per_line = max(1.0, width_chars * 1.2 * 10 / size)
    return sum(max(1, math.ceil(len(part) * 1.08 / per_line)) for part in text.split("\n"))


class SheetBuilder:
    """Writes one form onto a worksheet from the top down; `row` is the next free row (1-based)."""

    def __init__(self, ws: Worksheet, widths: list[float], page: Page) -> None:
        self.ws = ws
        self.widths = widths
        self.n = len(widths)
        self.page = page
        self.row = 1
        self.body: list[xlsx_body.RowsXml] = []
        for j, w in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(j)].width = w

    def split_column(self, share: float) -> int:
        """The first column of the right-hand block: where the widths reach `share` of the total."""
        total, acc = sum(self.widths), 0.0
        for j, w in enumerate(self.widths):
            if acc + w / 2 >= share * total:
                return max(1, min(j, self.n - 1))
            acc += w
        return self.n - 1

    def put(self, row: int, first: int, last: int, text: str, line: Line, *, border: bool = False) -> Cell:
        """Text in columns first..last (0-based, merged when more than one) of `row`."""
        size = line.size or self.page.font_size
        cell = self.ws.cell(row=row, column=first + 1, value=text)

        def apply(c: Cell) -> None:
            c.font = font(line.style, size, line.underline)
            c.alignment = Alignment(horizontal=line.align, vertical="center", wrap_text=True)
        xlsx_styles.restyle(cell, ("put", line.style, size, line.underline, line.align), apply)
        if border:
            for j in range(first, last + 1):
                self.ws.cell(row=row, column=j + 1).border = BORDER
        if last > first:
            xlsx_styles.merge(self.ws, row, first + 1, row, last + 1)
        width = sum(self.widths[first:last + 1])
        height = _estimate_lines(text, width, size) * size * 1.35 + 2
        current = self.ws.row_dimensions[row].height or 0
        self.ws.row_dimensions[row].height = max(current, height)
        return cell

    def lines(self, lines: tuple[Line, ...], vals: dict[str, object], first: int = 0, last: int | None = None) -> None:
        for line in lines:
            self.put(self.row, first, self.n - 1 if last is None else last, values.fill(line.text, vals), line)
            self.row += 1

    def blocks(self, left: tuple[Line, ...], right: tuple[Line, ...], share: float, vals: dict[str, object]) -> None:
        """Two blocks side by side (the unit's fields and the form code or the motto)."""
        split = self.split_column(share)
        top = self.row
        for i, line in enumerate(left):
            self.put(top + i, 0, split - 1, values.fill(line.text, vals), line)
        for i, line in enumerate(right):
            self.put(top + i, split, self.n - 1, values.fill(line.text, vals), line)
        self.row = top + max(len(left), len(right))

    def gap(self, rows: int = 1) -> None:
        self.row += rows

    def table_header(self, form: TableForm) -> tuple[int, int]:
        """The table's header rows with their merges; returns the first and last row (the print titles)."""
        first = self.row
        size = self.page.header_font_size
        style = Line("", "bold", size, "center")
        depth = form.header_depth + (1 if form.numbering_row else 0)
        heights = [0.0] * depth
        for hc in header_cells(form):
            r = first + hc.row
            for i in range(hc.rowspan):
                for j in range(hc.colspan):
                    self.ws.cell(row=r + i, column=hc.col + j + 1).border = BORDER
            cell = self.ws.cell(row=r, column=hc.col + 1, value=hc.text)
            cell.font = font("bold", size)
            cell.alignment = Alignment(horizontal=style.align, vertical="center", wrap_text=True)
            if hc.rowspan > 1 or hc.colspan > 1:
                xlsx_styles.merge(self.ws, r, hc.col + 1, r + hc.rowspan - 1, hc.col + hc.colspan)
            width = sum(self.widths[hc.col:hc.col + hc.colspan])
            need = _estimate_lines(hc.text, width, size) * size * 1.3 + 4
            have = sum(heights[hc.row:hc.row + hc.rowspan])
            if need > have:
                heights[hc.row + hc.rowspan - 1] += need - have
        for i, h in enumerate(heights):
            self.ws.row_dimensions[first + i].height = max(h, size * 1.6)
        self.row = first + depth
        return first, self.row - 1

    def signatures(self, blocks: tuple[Signature, ...], vals: dict[str, object], signer: dict[str, str],
                   share: float = 0.55) -> None:
        if not blocks:
            return
        if len(blocks) == 1:
            ranges = [(self.split_column(share), self.n - 1)]
        else:
            bounds = [0] + [self.split_column(i / len(blocks)) for i in range(1, len(blocks))] + [self.n]
            ranges = [(bounds[i], bounds[i + 1] - 1) for i in range(len(blocks))]
        top = self.row
        depth = 0
        size = self.page.font_size + 1
        titles = max(len(b.title) for b in blocks)  # names line up when one block has a longer title
        for block, (first, last) in zip(blocks, ranges):
            r = top
            if block.date_line:
                self.put(r, first, last, values.fill(DATE_LINE, vals), Line("", "italic", size, "center"))
            r = top + 1
            for title in block.title:
                self.put(r, first, last, title, Line("", "bold", size, "center"))
                r += 1
            r += titles - len(block.title)
            if block.note:
                self.put(r, first, last, block.note, Line("", "italic", size - 1, "center"))
            r += 5  # room to sign
            name = signer.get(block.name_key, "")
            if name:
                self.put(r, first, last, name, Line("", "bold", size, "center"))
            depth = max(depth, r - top + 1)
        self.row = top + depth

    def body_start(self) -> xlsx_body.RowsXml:
        rows = xlsx_body.RowsXml(self.row, self.n)
        self.body.append(rows)
        return rows

    def body_end(self, rows: xlsx_body.RowsXml) -> None:
        self.row = rows.row

    def merge_body(self, row: int, first: int, last: int) -> None:
        # Only the range is recorded: openpyxl must not create cells in rows the splice writes.
        if last > first:
            self.ws.merged_cells.add(CellRange(min_col=first + 1, min_row=row, max_col=last + 1, max_row=row))


def setup_page(ws: Worksheet, page: Page, title_rows: tuple[int, int] | None) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = page.orientation
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    top, right, bottom, left = (m / 25.4 for m in page.margins_mm)
    ws.page_margins.left, ws.page_margins.right = left, right
    ws.page_margins.top, ws.page_margins.bottom = top + 0.1, bottom + 0.1
    ws.page_margins.header = ws.page_margins.footer = 0.2
    ws.print_options.horizontalCentered = True
    if title_rows:
        ws.print_title_rows = f"{title_rows[0]}:{title_rows[1]}"
    if page.page_numbers == "foot_x_of_y":
        footer = ws.oddFooter
        assert footer is not None  # a worksheet always has its header and footer items
        footer.center.text = "Trang &P/&N"
        footer.center.font = f"{FONT},Regular"
        footer.center.size = 10
    elif page.page_numbers == "top_center_from_2":
        ws.HeaderFooter.differentFirst = True
        header = ws.oddHeader
        assert header is not None
        header.center.text = "&P"
        header.center.font = f"{FONT},Regular"
        header.center.size = 12


class BodyStyles:
    """Style ids of the body cells, registered once per workbook: per column for data rows, per column and style
    for heading and total rows."""

    def __init__(self, ws: Worksheet, columns: tuple[Column, ...], size: float) -> None:
        self.ws = ws
        self.size = size
        self.data = [self._id("normal", c.alignment, _FORMATS.get(c.kind)) for c in columns]
        self.columns = columns
        self._cache: dict[tuple[str, str, str | None], int] = {}

    def _id(self, style: str, align: str, number_format: str | None) -> int:
        probe = Cell(self.ws, row=1, column=1)  # never placed: it only registers a style
        probe.font = font(style, self.size)
        probe.border = BORDER
        probe.alignment = Alignment(horizontal=align, vertical="center", wrap_text=True)
        if number_format:
            probe.number_format = number_format
        return probe.style_id

    def styled(self, style: str, align: str, number_format: str | None) -> int:
        key = (style, align, number_format)
        if key not in self._cache:
            self._cache[key] = self._id(style, align, number_format)
        return self._cache[key]


def write_body(sb: SheetBuilder, form: TableForm, rows: list[BodyRow], styles: BodyStyles) -> None:
    out = sb.body_start()
    cols = form.columns
    size = form.page.font_size
    # Spreadsheet programs do not grow a row for wrapped text on opening the file: give each row its height.
    capacity = [max(1.0, c.width * 1.2 * 10 / size) / 1.08 for c in cols]
    line_height = size * 1.3
    for row in rows:
        if row.kind == "data":
            cells = []
            lines = 1
            for c, v, sid, cap in zip(cols, row.cells, styles.data, capacity):
                value, _fmt = values.cell(v, c.kind, lower=c.lower, column=c.number)
                if isinstance(value, str) and len(value) > cap:
                    lines = max(lines, _estimate_lines(value, c.width, size))
                cells.append((value, sid))
            out.add(cells, lines * line_height + 3)
            continue
        first, last = row.span or (1, 1)
        cells = []
        for j, (c, v) in enumerate(zip(cols, row.cells)):
            if j == first:
                cells.append((v, styles.styled(row.style, "left", None)))
            elif first < j <= last:
                cells.append((None, styles.styled(row.style, "left", None)))
            elif j == 0:
                cells.append((v, styles.styled(row.style, "center", None)))
            else:
                value, _fmt = values.cell(v, c.kind, column=c.number) if v is not None else (None, None)
                cells.append((value, styles.styled(row.style, c.alignment, _FORMATS.get(c.kind))))
        r = out.add(cells)
        sb.merge_body(r, first, last)
    sb.body_end(out)


def render_table_form(sb: SheetBuilder, filled: FilledList) -> tuple[int, int]:
    """The whole form onto the sheet; returns the rows of the table header (the print titles)."""
    form = filled.definition
    vals = header_values(filled)
    if form.top:
        sb.lines(form.top, vals)
    right = (motto_lines() if form.motto else ()) + form.right
    sb.blocks(form.left, right, form.left_share, vals)
    sb.gap()
    sb.lines(form.title, vals)
    if form.info:
        sb.gap()
        sb.lines(form.info, vals)
    sb.gap()
    titles = sb.table_header(form)
    write_body(sb, form, body_rows(filled), BodyStyles(sb.ws, form.columns, form.page.font_size))
    sb.gap()
    sb.lines(form.after, vals)
    sb.gap()
    sb.signatures(form.signatures, vals, filled.signer)
    if form.notes:
        sb.gap()
        sb.lines(form.notes, vals)
    return titles


def first_sheet(wb: Workbook) -> Worksheet:
    """A new workbook's only sheet."""
    ws = wb.active
    assert isinstance(ws, Worksheet)
    return ws


def save(wb: Workbook, path: Path, builders: list[SheetBuilder]) -> None:
    buffer = BytesIO()
    wb.save(buffer)
    splices = [rows.splice(wb.index(sb.ws)) for sb in builders for rows in sb.body]
    xlsx_body.apply(buffer, path, splices)


def write_list(filled: FilledList, path: str | Path) -> WriteResult:
    """One list form as an XLSX file with one sheet named after the form."""
    path = Path(path)
    form = filled.definition
    wb = Workbook()
    ws = first_sheet(wb)
    ws.title = form.code[:31]
    sb = SheetBuilder(ws, [c.width for c in form.columns], form.page)
    titles = render_table_form(sb, filled)
    setup_page(ws, form.page, titles)
    ws.sheet_view.zoomScale = 85
    save(wb, path, [sb])
    return WriteResult(path, filled.row_count)
