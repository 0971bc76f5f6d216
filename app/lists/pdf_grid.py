"""A list's table as a ReportLab flowable that splits across pages in constant time and repeats its header.

ReportLab's own Table re-measures every remaining row at each page break, so a 6,000-row list took 4.4 s and a
30,000-row one would take minutes. Here the rows are measured once (text wrapped to the column widths), the pieces
of the table are index ranges over the measured rows, and each piece draws the header (merged cells as the
definition gives them) and then its rows.
"""
from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from app.lists import values
from app.lists.forms.base import TableForm, header_cells
from app.lists.layout import BodyRow
from app.lists.pdf_fonts import face

PAD_X, PAD_Y = 2.0, 1.8
LINE = 0.5


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    if not text:
        return []
    if "\n" not in text and stringWidth(text, font, size) <= width:
        return [text]
    out: list[str] = []
    for part in text.split("\n"):
        out.extend(simpleSplit(part, font, size, width) or [""])
    return out


class Grid:
    """The measured table, shared by all its pieces: column widths, header cells and row heights for one width."""

    def __init__(self, form: TableForm, rows: list[BodyRow]) -> None:
        self.form = form
        self.rows = rows
        self.size = form.page.pdf_font_size or form.page.font_size
        self.header_size = form.page.pdf_header_font_size or form.page.header_font_size
        self.leading = self.size * 1.15
        self.width = -1.0
        self.col_x: list[float] = []
        self.header: list[tuple[float, float, float, float, list[str]]] = []  # x, y-from-top, w, h, lines
        self.header_height = 0.0
        self.texts: list[list[str]] = []
        self.lines: list[list[list[str]]] = []
        self.tops: list[float] = [0.0]  # tops[i]: distance from the first row's top to row i's top

    def layout(self, width: float) -> None:
        if abs(width - self.width) < 0.01:
            return
        self.width = width
        if not self.texts:
            self._texts()
        self.col_x = list(accumulate([0.0] + self._widths(width)))
        self._layout_header()
        self._layout_rows()

    def _texts(self) -> None:
        """Each cell's printed text (independent of the widths)."""
        cols = self.form.columns
        for row in self.rows:
            first, last = row.span or (-1, -1)
            cells = []
            for j, (c, v) in enumerate(zip(cols, row.cells)):
                if first < j <= last:
                    cells.append("")
                elif row.kind != "data" and (j == 0 or j == first):
                    cells.append(str(v or ""))  # a heading's label and title, a total's title
                else:
                    cells.append(values.text(v, c.kind, lower=c.lower))
            self.texts.append(cells)

    def _need(self, j: int) -> float:
        """The narrowest a column can be: its longest header word, and its longest value when the kind does not
        wrap (codes, dates, numbers) or its longest word (text), measured on the first rows."""
        bold, normal = face("bold"), face("normal")
        words = [w for hc in header_cells(self.form) if hc.col == j and hc.colspan == 1 for w in hc.text.split()]
        need = max((stringWidth(w, bold, self.header_size) for w in words), default=0.0)
        kind = self.form.columns[j].kind
        sample = [r[j] for r, row in zip(self.texts[:2000], self.rows) if row.kind == "data" and r[j]]
        if kind != "text":
            longest = sorted(sample, key=len)[-3:]
        else:
            longest = sorted((w for t in sample for w in t.split()), key=len)[-3:]
        need = max([need] + [stringWidth(t, normal, self.size) for t in longest])
        return need + 2 * PAD_X + 0.5

    def _widths(self, width: float) -> list[float]:
        """The definition's relative widths scaled to the page, widened where a code, date or word would not fit,
        the room taken from the columns that have some to spare."""
        rel = [c.width for c in self.form.columns]
        w = [r * width / sum(rel) for r in rel]
        need = [self._need(j) for j in range(len(w))]
        for _ in range(4):
            deficit = sum(max(0.0, n - x) for n, x in zip(need, w))
            if deficit <= 0.01:
                break
            w = [max(x, n) for x, n in zip(w, need)]
            slack = sum(x - n for x, n in zip(w, need) if x > n)
            if slack <= 0:
                break
            f = min(1.0, deficit / slack)
            w = [x - (x - n) * f if x > n else x for x, n in zip(w, need)]
        return w

    def _cell_width(self, first: int, last: int) -> float:
        return self.col_x[last + 1] - self.col_x[first] - 2 * PAD_X

    def _layout_header(self) -> None:
        cells = header_cells(self.form)
        depth = self.form.header_depth + (1 if self.form.numbering_row else 0)
        bold = face("bold")
        lead = self.header_size * 1.15
        wrapped = [_wrap(hc.text, bold, self.header_size, self._cell_width(hc.col, hc.col + hc.colspan - 1))
                   for hc in cells]
        heights = [lead + 2 * PAD_Y] * depth
        for hc, lines in sorted(zip(cells, wrapped), key=lambda p: p[0].rowspan):
            need = len(lines) * lead + 2 * PAD_Y
            have = sum(heights[hc.row:hc.row + hc.rowspan])
            if need > have:
                heights[hc.row + hc.rowspan - 1] += need - have
        tops = list(accumulate([0.0] + heights))
        self.header = [(self.col_x[hc.col], tops[hc.row], self.col_x[hc.col + hc.colspan] - self.col_x[hc.col],
                        tops[hc.row + hc.rowspan] - tops[hc.row], lines) for hc, lines in zip(cells, wrapped)]
        self.header_height = tops[-1]

    def _layout_rows(self) -> None:
        widths = [self._cell_width(j, j) for j in range(len(self.form.columns))]
        self.lines = []
        heights = []
        for row, texts in zip(self.rows, self.texts):
            font = face(row.style)
            first, last = row.span or (-1, -1)
            cells = [_wrap(t, font, self.size, self._cell_width(first, last) if j == first else widths[j])
                     for j, t in enumerate(texts)]
            self.lines.append(cells)
            heights.append(max(1, max(len(c) for c in cells)) * self.leading + 2 * PAD_Y)
        self.tops = list(accumulate([0.0] + heights))

    def rows_height(self, start: int, end: int) -> float:
        return self.tops[end] - self.tops[start]

    def fit(self, start: int, end: int, height: float) -> int:
        """How many rows from `start` fit in `height` under the header."""
        limit = self.tops[start] + height - self.header_height
        return max(0, min(end, bisect_right(self.tops, limit + 0.001) - 1) - start)


class GridTable(Flowable):
    """Rows start..end of a Grid, under the repeated header."""

    def __init__(self, grid: Grid, start: int = 0, end: int | None = None) -> None:
        super().__init__()
        self.grid = grid
        self.start = start
        self.end = len(grid.rows) if end is None else end

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.grid.layout(availWidth)
        self.width = availWidth
        self.height = self.grid.header_height + self.grid.rows_height(self.start, self.end)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        g = self.grid
        g.layout(availWidth)
        k = g.fit(self.start, self.end, availHeight)
        # A heading (or a lone data row's heading) does not stay alone at the foot of a page.
        while k > 1 and g.rows[self.start + k - 1].kind == "heading":
            k -= 1
        if k <= 0 or (k == 1 and self.end - self.start > 1 and g.rows[self.start].kind == "heading"):
            return []
        if self.start + k >= self.end:
            return [self]
        return [GridTable(g, self.start, self.start + k), GridTable(g, self.start + k, self.end)]

    def draw(self) -> None:
        g, c = self.grid, self.canv
        top = self.height
        c.setLineWidth(LINE)
        bold = face("bold")
        lead = g.header_size * 1.15
        c.setFont(bold, g.header_size)
        for x, y, w, h, lines in g.header:
            c.rect(x, top - y - h, w, h)
            ty = top - y - h / 2 + len(lines) * lead / 2 - g.header_size * 0.95
            for line in lines:
                c.drawCentredString(x + w / 2, ty, line)
                ty -= lead
        self._draw_rows(top - g.header_height)

    def _draw_rows(self, top: float) -> None:
        g, c = self.grid, self.canv
        cols = g.form.columns
        n = len(cols)
        base = g.tops[self.start]
        segments: dict[int, list[tuple[float, float]]] = {j: [] for j in range(n + 1)}
        open_at: dict[int, float | None] = {j: None for j in range(n + 1)}
        bottom = top
        for i in range(self.start, self.end):
            row = g.rows[i]
            y0 = top - (g.tops[i] - base)
            y1 = top - (g.tops[i + 1] - base)
            bottom = y1
            first, last = row.span or (-1, -1)
            font = face(row.style)
            c.setFont(font, g.size)
            for j, lines in enumerate(g.lines[i]):
                if not lines:
                    continue
                span_end = last if j == first else j
                x0, x1 = g.col_x[j], g.col_x[span_end + 1]
                align = "left" if j == first else (cols[j].alignment if j else "center")
                ty = y0 - PAD_Y - g.size * 0.92
                for line in lines:
                    if align == "left":
                        c.drawString(x0 + PAD_X, ty, line)
                    elif align == "right":
                        c.drawRightString(x1 - PAD_X, ty, line)
                    else:
                        c.drawCentredString((x0 + x1) / 2, ty, line)
                    ty -= g.leading
            c.line(0, y1, g.col_x[-1], y1)
            for j in range(n + 1):
                inside = first < j <= last
                if not inside and open_at[j] is None:
                    open_at[j] = y0
                elif inside and open_at[j] is not None:
                    segments[j].append((open_at[j], y0))  # type: ignore[arg-type]
                    open_at[j] = None
        for j in range(n + 1):
            if open_at[j] is not None:
                segments[j].append((open_at[j], bottom))  # type: ignore[arg-type]
            for ya, yb in segments[j]:
                c.line(g.col_x[j], ya, g.col_x[j], yb)
