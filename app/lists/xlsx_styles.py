"""Styling and merging cells the way openpyxl does, at the cost of a copy after the first time in a workbook.

openpyxl registers a style object by hashing it, field by field, at every assignment (`cell.font = …`), and a merge
recreates every cell of its range and adds each edge's border to it the same way: a period's lists spent about half
their XLSX time there. The result of the first assignment (or merge) of a kind in a workbook is kept, and later ones
copy it: the same style ids, registered in the same order, so the same file, byte for byte.

    restyle(cell, key, apply)          # a cell without a style yet gets `apply(cell)`'s style (`key` names it)
    merge(ws, first_row, first_col, last_row, last_col)
"""
from __future__ import annotations

from collections.abc import Callable, Hashable
from copy import copy
from weakref import WeakKeyDictionary

from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.worksheet import Worksheet

_made: WeakKeyDictionary[Workbook, dict[Hashable, StyleArray]] = WeakKeyDictionary()
_merged: WeakKeyDictionary[Workbook, dict[Hashable, list[StyleArray]]] = WeakKeyDictionary()


def _style(cell: Cell | MergedCell) -> StyleArray:
    # The cell's style ids (openpyxl's `_style`, which its type stubs do not declare; None is no style: zeros).
    style: StyleArray | None = getattr(cell, "_style")  # noqa: B009
    return StyleArray() if style is None else style


def _set_style(cell: Cell | MergedCell, style: StyleArray) -> None:
    setattr(cell, "_style", copy(style))  # noqa: B010


def _workbook(ws: object) -> Workbook:
    wb = getattr(ws, "parent", None)
    assert isinstance(wb, Workbook)  # a sheet made by a workbook belongs to it
    return wb


def restyle(cell: Cell, key: Hashable, apply: Callable[[Cell], object]) -> None:
    """`apply(cell)` (which sets the cell's style and nothing else), or a copy of what it set the first time `key`
    was given a cell without style in this workbook."""
    if cell.has_style:        # what apply does depends on what the cell has: done as it is
        apply(cell)
        return
    made = _made.setdefault(_workbook(cell.parent), {})
    style = made.get(key)
    if style is None:
        apply(cell)
        made[key] = copy(_style(cell))
    else:
        _set_style(cell, style)


def merge(ws: Worksheet, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
    """`ws.merge_cells(…)`: the range recorded, its cells after the first made MergedCells with the styles openpyxl
    gives them (which depend only on the range's shape and the first cell's style)."""
    start = ws.cell(row=first_row, column=first_col)
    key = (last_row - first_row, last_col - first_col, tuple(_style(start)))
    merged = _merged.setdefault(_workbook(ws), {})
    styles = merged.get(key)
    cells = [(r, c) for r in range(first_row, last_row + 1) for c in range(first_col, last_col + 1)]
    if styles is None:
        ws.merge_cells(start_row=first_row, start_column=first_col, end_row=last_row, end_column=last_col)
        merged[key] = [copy(_style(ws._cells[rc])) for rc in cells]
        return
    # What merge_cells records, without its work: the range (a MergedCellRange, as it adds) and the cells.
    ws.merged_cells.add(MergedCellRange(ws, f"{start.coordinate}:{get_column_letter(last_col)}{last_row}"))
    _set_style(start, styles[0])
    for (r, c), style in zip(cells[1:], styles[1:], strict=True):
        cell = MergedCell(ws, row=r, column=c)
        _set_style(cell, style)
        ws._cells[r, c] = cell
