"""Styles and merges copied after their first time in a workbook give the same workbook as openpyxl's own calls."""
from __future__ import annotations

import zipfile
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

from app.lists import xlsx_styles

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def _style(cell, bold):
    cell.font = Font(name="Liberation Serif", size=10, bold=bold)
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _sheet(helpers: bool) -> dict[str, bytes]:
    wb = Workbook()
    for title in ("A", "B"):
        ws = wb.create_sheet(title)
        for row in range(1, 40):
            if row % 7 == 1 and row > 1:
                continue         # the row above merged this one in
            bold = row % 3 == 0
            cell = ws.cell(row=row, column=1, value=f"row {row}")
            if helpers:
                xlsx_styles.restyle(cell, ("t", bold), lambda c, bold=bold: _style(c, bold))
            else:
                _style(cell, bold)
            if row % 4 == 0:     # a bordered range: its edges get the first cell's border
                for col in range(1, 5):
                    ws.cell(row=row, column=col).border = BOX
            last_row, last_col = (row + 1, 3) if row % 7 == 0 else (row, 2 + row % 5)
            if helpers:
                xlsx_styles.merge(ws, row, 1, last_row, last_col)
            else:
                ws.merge_cells(start_row=row, start_column=1, end_row=last_row, end_column=last_col)
    buffer = BytesIO()
    wb.save(buffer)
    with zipfile.ZipFile(buffer) as z:
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}  # that one holds the time


def test_copied_styles_and_merges_write_the_same_workbook():
    plain, quick = _sheet(False), _sheet(True)
    assert plain.keys() == quick.keys()
    for name in plain:
        assert plain[name] == quick[name], name
    assert b"mergeCell " in plain["xl/worksheets/sheet2.xml"]


def test_a_cell_that_has_a_style_is_styled_as_asked_not_copied():
    wb = Workbook()
    ws = wb.active
    first = ws.cell(row=1, column=1)
    xlsx_styles.restyle(first, "k", lambda c: _style(c, True))
    second = ws.cell(row=2, column=1)
    second.border = BOX
    xlsx_styles.restyle(second, "k", lambda c: _style(c, True))
    assert second.border == BOX and second.font.b
