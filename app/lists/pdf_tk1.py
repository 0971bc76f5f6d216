"""TK1-TS declarations as PDF: one declaration per page (or more), each followed by its household annex, several
persons in one file (DOMAIN §6.4)."""
from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table

from app.lists import forms, values
from app.lists.filled import Tk1Declaration
from app.lists.forms.base import DeclarationForm, Item, Line
from app.lists.layout import annex_filled, declaration_values
from app.lists.pdf_writer import (
    _PLAIN,
    blocks,
    build,
    frame_width,
    lines_flow,
    paragraph,
    signature_blocks,
    style,
    table_story,
)
from app.lists.xlsx_writer import WriteResult

LEADER = "……………………"


def _item(item: Item, part: object, size: float) -> Paragraph:
    value = values.text(getattr(part, item.key, None), item.kind) if part is not None and item.key else ""
    label = f"<b>{escape(item.number)}</b>. {escape(item.label)}"
    if item.key:
        label += ": " + (f"<b>{escape(value)}</b>" if value else LEADER)
    elif not label.endswith(":"):
        label += ":"
    return Paragraph(label, style(Line("", "normal", size), size))


def declaration_story(decl: Tk1Declaration, form: DeclarationForm, width: float) -> list[Flowable]:
    size = form.page.font_size
    vals = declaration_values(decl)
    story: list[Flowable] = lines_flow(form.top, vals, size)
    story.append(blocks(lines_flow(form.left, vals, size), lines_flow(form.right, vals, size), 0.42, width))
    story.append(Spacer(1, 10))
    story.extend(lines_flow(form.title, vals, size))
    for key, heading, item_lines in form.parts:
        part = getattr(decl, key)
        story.append(Spacer(1, 8))
        story.append(paragraph(heading, Line("", "bold", size), size))
        story.append(Spacer(1, 3))
        for items in item_lines:
            cells = [_item(item, part, size) for item in items]
            if len(cells) == 1:
                story.append(cells[0])
            else:
                row = Table([cells], colWidths=[width / len(cells)] * len(cells))
                row.setStyle(_PLAIN)
                story.append(row)
            story.append(Spacer(1, 2.5))
    signer = {"nguoi_ke_khai": decl.nguoi_ke_khai}
    story.append(signature_blocks(form.signatures, vals, signer, size, width))
    story.append(Spacer(1, 8))
    story.extend(lines_flow(form.notes, vals, size))
    if decl.annex is not None:
        story.append(PageBreak())
        story.extend(table_story(annex_filled(decl, form.annex), width))
    return story


def write_declarations(decls: list[Tk1Declaration], path: str | Path,
                       form: DeclarationForm | None = None) -> WriteResult:
    """Every declaration in one PDF, each starting on a new page; returns the number of pages."""
    path = Path(path)
    form = form or forms.get("TK1-TS")  # type: ignore[assignment]
    assert isinstance(form, DeclarationForm)
    width = frame_width(form.page)
    story: list[Flowable] = []
    for i, decl in enumerate(decls):
        if i:
            story.append(PageBreak())
        story.extend(declaration_story(decl, form, width))
    pages = build(path, story, form.page, form.name)
    return WriteResult(path, len(decls), pages)
