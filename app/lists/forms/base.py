"""The shape of a form definition, read by both the XLSX and the PDF writer (DOMAIN §6).

A definition is data: texts, columns, body parts, signature blocks, page settings. The writers know nothing of any
particular form, so a new version of a form (QĐ 366 beside QĐ 490) is a new definition and no code change.
Texts may hold {placeholders}, filled from the list's header values; a missing value prints "…".
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Style = Literal["normal", "bold", "italic", "bold_italic"]
Align = Literal["left", "center", "right"]
# What a column holds, which decides how a value is written: a real date, text keeping its leading zeros, a number.
Kind = Literal["text", "code", "date", "month", "int", "money", "decimal", "mark"]
PageNumbers = Literal["top_center_from_2", "foot_x_of_y", "none"]

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
DATE_LINE = "{dia_danh}, ngày {ngay_lap} tháng {thang_lap} năm {nam_lap}"


@dataclass(frozen=True)
class Line:
    """One line of text. `size` is in points; None is the form's text size."""

    text: str
    style: Style = "normal"
    size: float | None = None
    align: Align = "left"
    underline: bool = False


def motto_lines(size: float = 12) -> tuple[Line, ...]:
    """The national motto (quốc hiệu, tiêu ngữ) with the rule under the tiêu ngữ drawn as an underline."""
    return (Line(MOTTO[0], "bold", size, "center"), Line(MOTTO[1], "bold", size + 1, "center", underline=True))


@dataclass(frozen=True)
class Column:
    """A table column. `groups` are the group headers above its title, outermost first; `width` is in Excel
    character units (the PDF scales the widths to the page)."""

    id: str
    number: str
    title: str
    groups: tuple[str, ...] = ()
    width: float = 10.0
    kind: Kind = "text"
    align: Align | None = None  # None: by kind (numbers right, codes and dates centred, text left)
    lower: bool = False  # print text in lower case ("nam"/"nữ" on D02-LT)

    @property
    def alignment(self) -> Align:
        if self.align:
            return self.align
        if self.kind in ("int", "money", "decimal"):
            return "right"
        return "center" if self.kind in ("code", "date", "month", "mark") else "left"


@dataclass(frozen=True)
class Part:
    """A piece of the table body, in order.

    heading: one row, `label` in the first column and `title` in the second ("I", "Tăng").
    rows:    a heading row when `title` is set (label "auto": numbered I, II … among the parts printed), then the
             rows the caller gives under `key`; the STT column restarts at 1. `count` appends the number of rows
             to the title ("Sinh (2)"); `omit_empty` drops an empty part.
    total:   one row with `title`, the sums of `sums` over the rows of the parts named in `of`."""

    key: str
    kind: Literal["heading", "rows", "total"]
    label: str = ""
    title: str = ""
    of: tuple[str, ...] = ()
    sums: tuple[str, ...] = ()
    count: bool = False
    omit_empty: bool = False
    style: Style = "bold"


@dataclass(frozen=True)
class Signature:
    """A signature block: its title lines (bold capitals), the note in italics, space to sign, then the name taken
    from the list's signer values under `name_key`."""

    title: tuple[str, ...]
    note: str = "(Ký, ghi rõ họ tên, đóng dấu)"
    name_key: str = ""
    date_line: bool = False  # the date line is printed above this block


@dataclass(frozen=True)
class Page:
    orientation: Literal["landscape", "portrait"] = "landscape"
    font_size: float = 10  # body text
    header_font_size: float = 10  # table header
    page_numbers: PageNumbers = "top_center_from_2"
    margins_mm: tuple[float, float, float, float] = (15, 10, 15, 10)  # top, right, bottom, left
    # The PDF's table text: smaller than the spreadsheet's, which printing shrinks to the page width anyway.
    pdf_font_size: float | None = None
    pdf_header_font_size: float | None = None


@dataclass(frozen=True)
class TableForm:
    """A list form: a header area, a table with numbered columns and a structured body, a footer.

    top:   lines at the very top, right-aligned block (form code and decision line when they stand above the rest)
    left / right: the two blocks side by side under it; `motto` puts the national motto at the head of `right`
    title, info: centred title lines, then lines of group fields under them
    after: lines under the table; notes: small print at the very end (e.g. "Mẫu do phần mềm hgd đề xuất")"""

    code: str
    version: str
    name: str
    columns: tuple[Column, ...]
    parts: tuple[Part, ...]
    title: tuple[Line, ...]
    top: tuple[Line, ...] = ()
    left: tuple[Line, ...] = ()
    right: tuple[Line, ...] = ()
    motto: bool = False
    info: tuple[Line, ...] = ()
    after: tuple[Line, ...] = ()
    signatures: tuple[Signature, ...] = ()
    notes: tuple[Line, ...] = ()
    numbering_row: bool = True
    stt_column: str = "stt"
    left_share: float = 0.5  # the left block's share of the page width
    page: Page = field(default_factory=Page)
    counts: tuple[tuple[str, tuple[str, ...]], ...] = ()  # header values computed as row counts of parts
    options: tuple[str, ...] = ()  # options a caller may set (e.g. "reduced" on D02-LT)
    reduced_columns: tuple[str, ...] = ()  # with the "reduced" option, only these columns are filled

    def column(self, column_id: str) -> Column:
        for c in self.columns:
            if c.id == column_id:
                return c
        raise KeyError(column_id)

    @property
    def header_depth(self) -> int:
        """Header rows above the numbering row: the deepest group nesting plus the title row."""
        return 1 + max(len(c.groups) for c in self.columns)


@dataclass(frozen=True)
class HeaderCell:
    """One cell of the table header, in grid coordinates (0-based row and column), with its span."""

    row: int
    col: int
    rowspan: int
    colspan: int
    text: str


def header_cells(form: TableForm) -> list[HeaderCell]:
    """The table header as merged cells: group headers spanning their columns, titles spanning down to the last
    header row, and the numbering row. Both writers draw exactly these cells."""
    depth = form.header_depth
    cols = form.columns
    cells: list[HeaderCell] = []
    for level in range(depth - 1):
        j = 0
        while j < len(cols):
            path = cols[j].groups[: level + 1]
            if len(cols[j].groups) <= level:
                j += 1
                continue
            k = j
            while k + 1 < len(cols) and cols[k + 1].groups[: level + 1] == path:
                k += 1
            cells.append(HeaderCell(level, j, 1, k - j + 1, path[-1]))
            j = k + 1
    for j, c in enumerate(cols):
        top = len(c.groups)
        cells.append(HeaderCell(top, j, depth - top, 1, c.title))
    if form.numbering_row:
        cells.extend(HeaderCell(depth, j, 1, 1, c.number) for j, c in enumerate(cols))
    return cells


@dataclass(frozen=True)
class Item:
    """A numbered field of a declaration: "[03]. Ngày, tháng, năm sinh: 15/03/2020"."""

    number: str
    label: str
    key: str = ""  # the attribute of the declaration's part holding the value; "" for a heading-only item
    kind: Kind = "text"


@dataclass(frozen=True)
class DeclarationForm:
    """A per-person declaration (TK1-TS): header, title, parts of numbered items laid out in lines, signatures,
    and the household annex as a table form."""

    code: str
    version: str
    name: str
    top: tuple[Line, ...]
    left: tuple[Line, ...]
    right: tuple[Line, ...]
    title: tuple[Line, ...]
    parts: tuple[tuple[str, str, tuple[tuple[Item, ...], ...]], ...]  # (key, heading, lines of items)
    signatures: tuple[Signature, ...]
    notes: tuple[Line, ...]
    annex: TableForm
    page: Page = field(default_factory=lambda: Page("portrait", 11, 10, "none", (15, 15, 15, 20)))
