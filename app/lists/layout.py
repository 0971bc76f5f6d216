"""The body of a list form as rows, and the values of its header texts: computed once, drawn by both writers.

Data rows come from the caller's sections in the order of the definition's parts; the STT column restarts in each
part; headings and totals are rows of their own, their title spanning the columns up to the first summed one.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Any, Literal

from app import messages
from app.errors import HgdError
from app.lists.filled import FilledList, SectionRows, Tk1Declaration
from app.lists.forms.base import Part, Style, TableForm
from app.lists.values import date_parts

messages.register({
    "lists.unknown_part": ("Mẫu {form} không có phần '{part}' (có: {known})",
                           "Form {form} has no part '{part}' (known: {known})"),
    "lists.unknown_column": ("Mẫu {form} không có cột '{column}'", "Form {form} has no column '{column}'"),
    "lists.unknown_option": ("Mẫu {form} không có tùy chọn '{option}'", "Form {form} has no option '{option}'"),
})


_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


@dataclass
class BodyRow:
    kind: Literal["heading", "data", "total"]
    cells: list[object]
    style: Style = "normal"
    span: tuple[int, int] | None = None  # first and last column of a heading's or total's title cell
    part: str = ""


def _check(filled: FilledList) -> None:
    form = filled.definition
    parts = {p.key for p in form.parts if p.kind == "rows"}
    ids = {c.id for c in form.columns}
    for option in filled.options:
        if option not in form.options:
            raise HgdError("lists.unknown_option", form=form.code, option=option)
    for section in filled.sections:
        if section.key not in parts:
            raise HgdError("lists.unknown_part", form=form.code, part=section.key, known=", ".join(sorted(parts)))
        for row in section.rows:
            for key in row:
                if key not in ids:
                    raise HgdError("lists.unknown_column", form=form.code, column=key)


def _title(part: Part, count: int) -> str:
    return f"{part.title} ({count})" if part.count else part.title


def _total(form: TableForm, part: Part, filled: FilledList) -> BodyRow:
    n = len(form.columns)
    cells: list[object] = [None] * n
    rows = [row for key in part.of for row in filled.rows_of(key)]
    first_sum = n
    for column_id in part.sums:
        j = [c.id for c in form.columns].index(column_id)
        first_sum = min(first_sum, j)
        values = [row[column_id] for row in rows if row.get(column_id) not in (None, "")]
        if values:
            cells[j] = sum((v if isinstance(v, (int, Decimal)) else Decimal(str(v)) for v in values), Decimal(0))
    cells[1] = _title(part, len(rows))
    return BodyRow("total", cells, part.style, (1, first_sum - 1), part.key)


def body_rows(filled: FilledList) -> list[BodyRow]:
    _check(filled)
    form = filled.definition
    ids = [c.id for c in form.columns]
    n = len(ids)
    stt = ids.index(form.stt_column) if form.stt_column in ids else None
    keep = set(form.reduced_columns) if "reduced" in filled.options else None
    out: list[BodyRow] = []
    shown = 0  # headings labelled "auto" are numbered I, II, III … among the parts printed
    for part in form.parts:
        if part.kind == "total":
            out.append(_total(form, part, filled))
            continue
        rows = filled.rows_of(part.key) if part.kind == "rows" else []
        if part.kind == "rows" and part.omit_empty and not rows:
            continue
        if part.label or part.title:
            cells: list[object] = [None] * n
            shown += 1
            cells[0] = _ROMAN[shown - 1] if part.label == "auto" else part.label
            cells[1] = _title(part, len(rows))
            out.append(BodyRow("heading", cells, part.style, (1, n - 1), part.key))
        for i, row in enumerate(rows, 1):
            cells = [row.get(c) for c in ids]
            if keep is not None:
                cells = [v if c in keep else None for c, v in zip(ids, cells)]
            if stt is not None and cells[stt] in (None, ""):
                cells[stt] = i
            out.append(BodyRow("data", cells, "normal", None, part.key))
    return out


def header_values(filled: FilledList) -> dict[str, object]:
    """The header's values, with the counts the definition computes and the date line's day, month and year."""
    values: dict[str, object] = {}
    for name, parts in filled.definition.counts:
        values[name] = sum(len(filled.rows_of(p)) for p in parts)
    values.update(date_parts(filled.place_date))
    values.update({k: v for k, v in filled.header.items() if v not in (None, "")})
    return values


def annex_filled(decl: Tk1Declaration, form: TableForm) -> FilledList:
    """A declaration's household annex as a list form: household fields in the header, members as rows."""
    annex = decl.annex
    if annex is None:
        raise ValueError("the declaration has no household annex")
    # Shallow: a PartialDate must stay one (asdict would turn it into a dict).
    header: dict[str, Any] = {f.name: getattr(annex, f.name) for f in fields(annex) if f.name != "members"}
    header["dia_danh"] = decl.dia_danh
    rows = [{f.name: getattr(m, f.name) for f in fields(m)} for m in annex.members]
    return FilledList(form, header, [SectionRows("rows", rows)], {"nguoi_ke_khai": decl.nguoi_ke_khai}, decl.on)


def declaration_values(decl: Tk1Declaration) -> dict[str, object]:
    """The values of a declaration's date line and signatures."""
    return {"dia_danh": decl.dia_danh, **date_parts(decl.on)}
