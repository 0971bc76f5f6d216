"""A report saved as XLSX for the clerk: a sheet of summary lines, then a table sheet (bold header, frozen, widths
given, text columns kept as text so that codes keep their leading zeros)."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter


def write_report(path: str | Path, summary_title: str, summary: Iterable[str], table_title: str,
                 headers: Sequence[str], rows: Iterable[Sequence[object]], widths: Sequence[int],
                 text_columns: Sequence[int] = ()) -> Path:
    path = Path(path)
    wb = Workbook()
    first = wb.worksheets[0]
    first.title = summary_title
    for line in summary:
        first.append([line])
    first.column_dimensions["A"].width = 110
    sheet = wb.create_sheet(table_title)
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
        for col in text_columns:
            sheet.cell(sheet.max_row, col + 1).number_format = "@"
    for col, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = "A2"
    wb.save(path)
    return path
