"""TK1-TS declarations as XLSX: one sheet per person (A4 portrait), one numbered item a row with its value in a
real cell (a date as a date, a code as text), and the household annex on the sheet after it."""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment

from app.lists import forms, values, xlsx_styles
from app.lists.filled import Tk1Declaration
from app.lists.forms.base import DeclarationForm, Line
from app.lists.layout import annex_filled, declaration_values
from app.lists.xlsx_writer import SheetBuilder, WriteResult, font, render_table_form, save, setup_page

WIDTHS = [7.0] + [8.0] * 11  # the item number, then the label (B–F) and the value (G–L)


def _declaration(sb: SheetBuilder, decl: Tk1Declaration, form: DeclarationForm) -> None:
    vals = declaration_values(decl)
    size = form.page.font_size
    sb.lines(form.top, vals)
    sb.blocks(form.left, form.right, 0.42, vals)
    sb.gap()
    sb.lines(form.title, vals)
    for key, heading, item_lines in form.parts:
        part = getattr(decl, key)
        sb.gap()
        sb.put(sb.row, 0, sb.n - 1, heading, Line("", "bold", size))
        sb.row += 1
        for items in item_lines:
            for item in items:
                sb.put(sb.row, 0, 0, item.number, Line("", "bold", size))
                sb.put(sb.row, 1, 5, item.label + ":", Line("", "normal", size))
                raw = getattr(part, item.key, None) if part is not None and item.key else None
                value, number_format = values.cell(raw, item.kind, column=item.number)
                cell = sb.ws.cell(row=sb.row, column=7, value=value)

                def apply(c: Cell, number_format: str | None = number_format) -> None:
                    c.font = font("bold", size)
                    c.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
                    if number_format:
                        c.number_format = number_format
                xlsx_styles.restyle(cell, ("tk1 value", size, number_format), apply)
                xlsx_styles.merge(sb.ws, sb.row, 7, sb.row, 12)
                sb.row += 1
    sb.gap()
    sb.signatures(form.signatures, vals, {"nguoi_ke_khai": decl.nguoi_ke_khai}, share=0.5)
    sb.gap()
    sb.lines(form.notes, vals)


def write_declarations(decls: list[Tk1Declaration], path: str | Path,
                       form: DeclarationForm | None = None) -> WriteResult:
    """Every declaration in one workbook: sheets "TK1 1", "PL 1" (its annex, when it has one), "TK1 2" …"""
    path = Path(path)
    form = form or forms.get("TK1-TS")  # type: ignore[assignment]
    assert isinstance(form, DeclarationForm)
    wb = Workbook()
    wb.remove(wb.worksheets[0])  # the sheet a new workbook comes with
    builders = []
    for i, decl in enumerate(decls, 1):
        ws = wb.create_sheet(f"TK1 {i}")
        sb = SheetBuilder(ws, WIDTHS, form.page)
        _declaration(sb, decl, form)
        setup_page(ws, form.page, None)
        builders.append(sb)
        if decl.annex is not None:
            annex = annex_filled(decl, form.annex)
            ws = wb.create_sheet(f"PL {i}")
            sb = SheetBuilder(ws, [c.width for c in form.annex.columns], form.annex.page)
            setup_page(ws, form.annex.page, render_table_form(sb, annex))
            builders.append(sb)
    save(wb, path, builders)
    return WriteResult(path, len(decls))
