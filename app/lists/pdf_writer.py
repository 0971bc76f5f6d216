"""List forms as PDF, from the same definitions as the XLSX: selectable text in the bundled serif font, the table
header repeated on every page, page numbers as the definition says ("Trang x/y" at the foot, or Nghị định 30's top
centre from page 2). Every writer returns the number of pages (the minutes list them).

The helpers here (paragraphs, side-by-side blocks, signature blocks, `build`) are shared by the TK1-TS and minutes
writers.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape, portrait
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.lists import values
from app.lists.filled import FilledList
from app.lists.forms.base import DATE_LINE, Line, Page, Signature, TableForm, motto_lines
from app.lists.layout import body_rows, header_values
from app.lists.pdf_fonts import face
from app.lists.pdf_grid import Grid, GridTable
from app.lists.xlsx_writer import WriteResult

_SPACES = re.compile(" {2,}")
_ALIGN: dict[str, Literal[0, 1, 2]] = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}
_PLAIN = TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                     ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                     ("VALIGN", (0, 0), (-1, -1), "TOP")])


def style(line: Line, base_size: float) -> ParagraphStyle:
    size = line.size or base_size
    return ParagraphStyle("l", fontName=face(line.style), fontSize=size, leading=size * 1.25,
                          alignment=_ALIGN[line.align])


def markup(text: str) -> str:
    """Text as paragraph markup: escaped, runs of spaces kept (they separate fields on a line), line breaks kept."""
    return _SPACES.sub(lambda m: "&nbsp;" * len(m.group()), escape(text)).replace("\n", "<br/>")


def paragraph(text: str, line: Line, base_size: float) -> Paragraph:
    shown = markup(text)
    return Paragraph(f"<u>{shown}</u>" if line.underline else shown, style(line, base_size))


def lines_flow(lines: tuple[Line, ...], vals: dict[str, object], base_size: float) -> list[Flowable]:
    return [paragraph(values.fill(line.text, vals), line, base_size) for line in lines]


def blocks(left: list[Flowable], right: list[Flowable], share: float, width: float) -> Table:
    """Two blocks side by side, top-aligned (the unit's fields left; the form code or the motto right)."""
    table = Table([[left or "", right or ""]], colWidths=[share * width, (1 - share) * width])
    table.setStyle(_PLAIN)
    return table


def signature_blocks(sigs: tuple[Signature, ...], vals: dict[str, object], signer: dict[str, str], size: float,
                     width: float, share: float = 0.55) -> Flowable:
    """Signature blocks side by side: date line (where the block has it), title in bold, the note in italics, room
    to sign, the name. One block sits on the right."""
    dated = any(s.date_line for s in sigs)
    titles = max(len(s.title) for s in sigs)  # names line up when one block has a longer title
    cells = []
    for sig in sigs:
        cell: list[Flowable] = []
        if sig.date_line:
            cell.append(paragraph(values.fill(DATE_LINE, vals), Line("", "italic", size, "center"), size))
        elif dated:
            cell.append(Spacer(1, size * 1.25))
        cell.extend(paragraph(t, Line("", "bold", size, "center"), size) for t in sig.title)
        cell.extend(Spacer(1, size * 1.25) for _ in range(titles - len(sig.title)))
        if sig.note:
            cell.append(paragraph(sig.note, Line("", "italic", size - 1, "center"), size))
        cell.append(Spacer(1, 62))
        name = signer.get(sig.name_key, "")
        if name:
            cell.append(paragraph(name, Line("", "bold", size, "center"), size))
        cells.append(cell)
    if len(cells) == 1:
        table = Table([["", cells[0]]], colWidths=[share * width, (1 - share) * width])
    else:
        table = Table([cells], colWidths=[width / len(cells)] * len(cells))
    table.setStyle(_PLAIN)
    return KeepTogether([Spacer(1, 8), table])


def page_size(page: Page) -> tuple[float, float]:
    return landscape(A4) if page.orientation == "landscape" else portrait(A4)


def frame_width(page: Page) -> float:
    _top, right, _bottom, left = page.margins_mm
    return page_size(page)[0] - (left + right) * mm


class _CountingCanvas(Canvas):
    """Keeps every page until the end, so that each can print "Trang x/y" once the total is known."""

    numbering = "foot_x_of_y"

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # ReportLab's private page API, absent from the stubs

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, 1):
            self.__dict__.update(state)
            self._number(number, total)
            super().showPage()
        super().save()

    def _number(self, number: int, total: int) -> None:
        width, height = self._pagesize  # type: ignore[attr-defined]  # as above
        if self.numbering == "foot_x_of_y":
            self.setFont(face("normal"), 9)
            self.drawCentredString(width / 2, 6 * mm, f"Trang {number}/{total}")
        elif self.numbering == "top_center_from_2" and number > 1:
            self.setFont(face("normal"), 12)
            self.drawCentredString(width / 2, height - 10 * mm, str(number))


def build(path: Path, story: list[Flowable], page: Page, title: str) -> int:
    """Lay out the story on A4 pages; returns the number of pages."""
    top, right, bottom, left = (m * mm for m in page.margins_mm)
    size = page_size(page)
    doc = BaseDocTemplate(str(path), pagesize=size, leftMargin=left, rightMargin=right, topMargin=top,
                          bottomMargin=bottom, title=title, author="hgd", creator="hgd")
    frame = Frame(left, bottom, size[0] - left - right, size[1] - top - bottom, 0, 0, 0, 0, id="body")
    doc.addPageTemplates([PageTemplate("page", [frame])])
    numbering = page.page_numbers

    class Numbered(_CountingCanvas):
        pass

    Numbered.numbering = numbering
    doc.build(story, canvasmaker=Numbered)
    return int(doc.page)


def table_story(filled: FilledList, width: float) -> list[Flowable]:
    """The flowables of one list form: header blocks, title, group lines, the table, lines under it, signatures."""
    form: TableForm = filled.definition
    vals = header_values(filled)
    size = form.page.font_size + 1
    story: list[Flowable] = lines_flow(form.top, vals, size)
    right = (motto_lines() if form.motto else ()) + form.right
    story.append(blocks(lines_flow(form.left, vals, size), lines_flow(right, vals, size), form.left_share, width))
    story.append(Spacer(1, 8))
    story.extend(lines_flow(form.title, vals, size))
    if form.info:
        story.append(Spacer(1, 6))
        story.extend(lines_flow(form.info, vals, size))
    story.append(Spacer(1, 6))
    story.append(GridTable(Grid(form, body_rows(filled))))
    if form.after:
        story.append(Spacer(1, 6))
        story.extend(lines_flow(form.after, vals, size))
    if form.signatures:
        story.append(signature_blocks(form.signatures, vals, filled.signer, size, width))
    if form.notes:
        story.append(Spacer(1, 10))
        story.extend(lines_flow(form.notes, vals, size))
    return story


def write_list(filled: FilledList, path: str | Path) -> WriteResult:
    path = Path(path)
    page = filled.definition.page
    pages = build(path, table_story(filled, frame_width(page)), page, filled.definition.name)
    return WriteResult(path, filled.row_count, pages)
