"""Find the header row of a persons sheet and what each column holds.

Real files carry title rows above the header (often merged cells), sometimes a second header row under merged
group titles ("Hạn thẻ" over "Từ ngày" / "Đến ngày", "Năm sinh" over "Nam" / "Nữ"), a row of column codes under
the titles (the declaration software's template: "Họ tên" over "HoTen"), a numbering row ("1 2 3 …", "A B 1 2"),
the header repeated at each printed page, and totals and signatures at the foot. This module recognises the header
and the kinds of rows that are not persons (app.io.rowkinds); the reader of the rows skips them.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from app import messages
from app.domain import legacy
from app.domain.text import nfc, search_key
from app.errors import HgdError
from app.io import fields, limits
from app.io.cells import column_letter, is_plain
from app.io.reader import Table
from app.io.rowkinds import footer_kind, is_numbering_row, is_section_title  # noqa: F401  (re-exported)

messages.register({
    "import.empty_sheet": ("Tệp '{file}': trang '{sheet}' không có dữ liệu.",
                           "File '{file}': the sheet '{sheet}' holds no data."),
    "import.no_header": (
        ("Tệp '{file}', trang '{sheet}': không tìm thấy dòng tiêu đề (cần các cột {required}) trong {rows} dòng "
        "đầu. Dùng --map 'tên cột=trường' nếu các cột có tên khác."),
        ("File '{file}', sheet '{sheet}': no header row found (the columns {required} are needed) in the first "
        "{rows} rows. Use --map 'column=field' if the columns are named otherwise.")),
    "import.missing_columns": (
        ("Tệp '{file}', trang '{sheet}', dòng tiêu đề {row}: thiếu cột bắt buộc {missing}. Dùng --map 'tên cột=trường' "
        "nếu cột có tên khác (ví dụ --map 'Tên=ho_ten')."),
        ("File '{file}', sheet '{sheet}', header row {row}: the required column {missing} is missing. Use --map "
        "'column=field' if it is named otherwise (e.g. --map 'Tên=ho_ten').")),
    "import.missing_household": (
        ("Tệp '{file}', trang '{sheet}', dòng tiêu đề {row}: thiếu cột bắt buộc 'Mã hộ' (hoặc cột 'Quan hệ với chủ "
        "hộ' để xác định hộ theo thứ tự). Dùng --map 'tên cột=trường' nếu cột có tên khác (ví dụ --map 'Số hộ "
        "khẩu=ma_ho')."),
        ("File '{file}', sheet '{sheet}', header row {row}: the required column 'Mã hộ' is missing (or a 'Quan hệ "
        "với chủ hộ' column to tell the households by their order). Use --map 'column=field' if it is named "
        "otherwise (e.g. --map 'Số hộ khẩu=ma_ho').")),
    "import.duplicate_column": (
        ("Tệp '{file}', trang '{sheet}', dòng tiêu đề {row}: hai cột cùng là '{field}': cột {first} ('{first_header}') "
        "và cột {second} ('{second_header}'). Hãy xóa hoặc đổi tên một cột."),
        ("File '{file}', sheet '{sheet}', header row {row}: two columns are both '{field}': column {first} "
        "('{first_header}') and column {second} ('{second_header}'). Delete or rename one of them.")),
    "import.map_unknown_field": (
        "Trường '{field}' không có (trong --map '{entry}'). Các trường: {fields}.",
        "There is no field '{field}' (in --map '{entry}'). The fields: {fields}."),
    "import.map_bad_entry": ("--map '{entry}' không đúng dạng 'tên cột=trường'.",
                             "--map '{entry}' is not of the form 'column=field'."),
    "import.map_unknown_column": (
        "Tệp '{file}': không có cột '{column}' (trong --map) ở dòng tiêu đề {row}. Các cột: {columns}.",
        "File '{file}': there is no column '{column}' (in --map) in header row {row}. The columns: {columns}."),
})

# The declaration software's template names its columns by codes in the row under the titles (FORMS.md §11).
_TEMPLATE_CODES = frozenset(("hoten", "masobhxh", "ngaysinh", "gioitinh", "mahogiadinh", "masohogiadinh",
                             "tentinhks", "matinhks", "tenmoiquanhe", "tendantoc"))
# Its legend for sex (FORMS.md §11: "Nam: 1, Nữ: 0"), unless the file writes another one.
TEMPLATE_SEX = {"1": "M", "0": "F"}
_LEGEND = (re.compile(r"\bnam\s*[:=(-]\s*(\d)\b.*?\bnu\s*[:=(-]\s*(\d)\b"),
           re.compile(r"\b(\d)\s*[:=-]\s*nam\b.*?\b(\d)\s*[:=-]\s*nu\b"))
_LEGEND_REVERSED = (re.compile(r"\bnu\s*[:=(-]\s*(\d)\b.*?\bnam\s*[:=(-]\s*(\d)\b"),
                    re.compile(r"\b(\d)\s*[:=-]\s*nu\b.*?\b(\d)\s*[:=-]\s*nam\b"))


@dataclass
class Column:
    index: int      # position in the row's list of cells
    field: str
    header: str     # as written (a two-row header joined: "Hạn thẻ Từ ngày")
    explicit: bool = False  # named by --map
    labels: tuple[str, ...] = ()  # every label the header gives it (title and code, upper and lower rows)


@dataclass
class Layout:
    header_row: int                               # 1-based, the (first) header row
    data_from: int                                # the first row after the header row(s)
    columns: dict[str, Column]                    # field -> column
    header_keys: list[list[str]] = field(default_factory=list)  # keys of the header row(s), for repeats
    encoding: str = "unicode"                     # legacy encoding of the header cells
    stt: int | None = None                        # the numbering column ("STT", "ID Lao động"), when there is one
    sex_codes: dict[str, str] | None = None       # a legend for numeric sex ("Nam: 1, Nữ: 0")
    template: bool = False                        # the declaration software's template (a row of column codes)


class ColumnMap(dict[str, Any]):
    """--map as header key -> field name; `written` keeps each column as the clerk wrote it, for messages."""

    def __init__(self) -> None:
        super().__init__()
        self.written: dict[str, str] = {}


def parse_mapping(entries: dict[str, str] | None) -> ColumnMap:
    """--map entries (column -> field) as header key -> field name; an unknown field is refused."""
    out = ColumnMap()
    for column, name in (entries or {}).items():
        entry = f"{column}={name}"
        if not str(column).strip() or not str(name).strip():
            raise HgdError("import.map_bad_entry", entry=entry)
        name = str(name).strip().lower()
        if name not in fields.BY_NAME:
            raise HgdError("import.map_unknown_field", field=name, entry=entry, fields=", ".join(fields.field_names()))
        out[fields.header_key(column)] = name
        out.written[fields.header_key(column)] = str(column).strip()
    return out


def _text(cell: object) -> str:
    """A cell as header text; a cell no header holds (too long, a run of marks) is read as empty, never normalised."""
    if not isinstance(cell, str) or not is_plain(cell):
        return ""
    return nfc(cell)


# A column's labels: the first is shown to the clerk; each may name the field (--map first, then the aliases).
Labels = tuple[str, ...]


def _field(labels: Labels, mapping: dict[str, str]) -> tuple[str | None, bool]:
    """(field, named by --map) of a column."""
    for label in labels:
        if label and fields.header_key(label) in mapping:
            return mapping[fields.header_key(label)], True
    for label in labels:
        found = fields.field_for_header(label)
        if found:
            return found, False
    return None, False


def _recognised(columns: list[Labels], mapping: dict[str, str]) -> set[str]:
    return {f for f in (_field(c, mapping)[0] for c in columns if any(c)) if f and f not in fields.UNSTORED}


def _readable(rows: list[list[object]], enc: str, mapping: dict[str, str]) -> list[list[str]]:
    """The cells as text for header matching. When the top of the sheet is in a legacy encoding, each cell is read
    converted unless it names a field as it is (a header typed in Unicode above data pasted from an old file)."""
    out = []
    for cells in rows:
        texts = [_text(c) for c in cells]
        if enc != "unicode":
            texts = [t if _field((t,), mapping)[0] else legacy.to_unicode(t, enc) for t in texts]
        out.append(texts)
    return out


def find_layout(table: Table, rows: list[tuple[int, list[object]]], mapping: dict[str, str], *,
                required: tuple[str, ...] = fields.REQUIRED) -> Layout:
    """The header among the first rows: the row naming the most known fields (at least two). `required`: the
    fields the file must have (a persons file's by default; a card-holder list has no household column)."""
    if not any(_text(c) or (c not in ("", None)) for _, cells in rows for c in cells):
        raise HgdError("import.empty_sheet", file=table.file, sheet=table.sheet)
    enc = legacy.detect_encoding(c for _, cells in rows for c in cells if isinstance(c, str))
    texts = _readable([cells for _, cells in rows], enc, mapping)
    best, best_score = -1, 1
    for i, labels in enumerate(texts):
        score = len(_recognised([(t,) for t in labels], mapping))
        if score > best_score:
            best, best_score = i, score
    if best < 0:
        needed = ", ".join(f"'{fields.BY_NAME[f].label_vi}'" for f in required)
        raise HgdError("import.no_header", file=table.file, sheet=table.sheet, required=needed, rows=len(rows))
    top = texts[best]
    columns: list[Labels] = [(t,) for t in top]
    keys = [[fields.header_key(t) for t in top]]
    data_from = rows[best][0] + 1
    template = False
    joined = None
    display: list[str] = []
    if best > 0 and _stacked(texts[best - 1], top, mapping, best_score):
        best -= 1  # titles above the row of codes that scored best: the header starts at the titles
        top = texts[best]
        keys.insert(0, [fields.header_key(t) for t in top])
    if best + 1 < len(texts) and data_from > rows[best][0] + 1:  # the codes under the titles, found just above
        below = texts[best + 1]
        columns = _stacked(top, below, mapping, best_score) or columns
        display = top
        template = sum(1 for t in below if fields.header_key(t) in _TEMPLATE_CODES) >= 3
    elif best + 1 < len(texts):
        below = texts[best + 1]
        stacked = _stacked(top, below, mapping, best_score)
        joined = None if stacked else _two_row_labels(table, rows[best][0], top, below)
        if stacked:
            columns = stacked
            display = top  # the clerk reads the titles, the codes are for programs
            template = sum(1 for t in below if fields.header_key(t) in _TEMPLATE_CODES) >= 3
        elif joined is not None and len(_recognised(joined, mapping)) > best_score:
            columns = joined
        if stacked or (joined is not None and columns is joined):
            keys.append([fields.header_key(t) for t in below])
            data_from += 1
    layout = Layout(rows[best][0], data_from, {}, keys, enc, template=template)
    seen = [t for t in top if t] + ([t for t in texts[best + 1] if t] if joined is not None else [])
    try:
        layout.columns, layout.stt = _columns(table, layout.header_row, columns, mapping, seen, display, required)
    except HgdError as exc:  # a header naming persons that cannot be read refuses the file, whatever the sheet
        exc.person_list = any(_field(c, mapping)[0] == "ho_ten" for c in columns)  # type: ignore[attr-defined]
        raise
    layout.sex_codes = _sex_legend(layout, columns, texts[:best])
    return layout


def _stacked(top: list[str], below: list[str], mapping: dict[str, str], score: int) -> list[Labels] | None:
    """Titles over a row of column codes (both name fields): each column read by its code first, shown by its title.
    None when the row below is not a second header row of its own."""
    agree = differ = 0
    for upper, lower in zip(top, below):
        if upper and lower:
            a, b = _field((upper,), mapping)[0], _field((lower,), mapping)[0]
            if a and a == b:
                agree += 1
            elif a or b:
                differ += 1
    if agree < 3 or agree < 4 * differ:  # titles over their own codes, not group titles over sub-columns
        return None
    width = max(len(top), len(below))
    out: list[tuple[str, ...]] = []
    for i in range(width):
        title = top[i] if i < len(top) else ""
        code = below[i] if i < len(below) else ""
        out.append((code, title) if code and title else (code or title,))  # the code names the field exactly
    return out


def _two_row_labels(table: Table, row: int, top: list[str], below: list[str]) -> list[Labels] | None:
    """The labels of a two-row header (group title above, column titles below), or None when the row below is
    not a header row (it holds digits: data or a numbering row). Each column's labels: the joined title, the lower
    title alone (what the clerk sees in the cell), the upper title when it is the column's own."""
    if not any(below) or any(any(ch.isdigit() for ch in t) for t in below):
        return None
    spans = {}
    for (r0, c0), (r1, c1) in table.merged:
        if r0 <= row - 1 <= r1 and c1 - c0 < limits.MAX_COLUMNS:
            for c in range(c0, c1 + 1):
                spans[c - table.first_column] = c0 - table.first_column
    out: list[Labels] = []
    for i in range(max(len(top), len(below))):
        upper = top[i] if i < len(top) else ""
        lower = below[i] if i < len(below) else ""
        own = bool(upper)
        if not upper and lower:
            source = spans.get(i)
            if source is None:  # no merge information (CSV): the nearest group title to the left
                source = next((j for j in range(i - 1, -1, -1) if j < len(top) and top[j]), None)
            upper = top[source] if source is not None and 0 <= source < len(top) else ""
        if upper and lower:
            both = f"{upper} {lower}"
            first = both if fields.field_for_header(both) or not fields.field_for_header(lower) else lower
            out.append((first, both, lower) + ((upper,) if own else ()))
        else:
            out.append((upper or lower,))
    return out


def _columns(table: Table, row: int, columns: list[Labels], mapping: dict[str, str], seen: list[str],
             display: list[str], required: tuple[str, ...] = fields.REQUIRED) -> tuple[dict[str, Column], int | None]:
    """Each field's column. `seen`: the labels of the header row(s) as the clerk sees them, for messages;
    `display`: the header shown for each column when it is not its first label (titles over codes)."""
    found = {fields.header_key(t) for labels in columns for t in labels if t}
    for key in mapping:
        if key not in found:
            raise HgdError("import.map_unknown_column", file=table.file, column=getattr(mapping, "written", {}).get(
                key, key), row=row, columns=", ".join(f"'{t}'" for t in seen))
    out: dict[str, Column] = {}
    stt = None
    # The clerk's --map first, then the known spellings for the fields the map left: an explicit column wins
    # over one that only looks like the same field.
    for explicit in (True, False):
        for i, labels in enumerate(columns):
            if not labels[0]:
                continue
            name, by_map = _field(labels, mapping)
            if by_map != explicit or name is None:
                continue
            if name == "stt" and stt is None:
                stt = i
            if name in fields.UNSTORED:
                continue
            first = out.get(name)
            if first is not None and not explicit and first.explicit:
                continue
            shown = display[i] if i < len(display) and display[i] else labels[0]
            if first is not None and name in fields.CODE_OF and fields.CODE_OF[name] not in out:
                # "Dân tộc" | "Mã dân tộc", "TenMoiQuanHe" | "MoiQuanHe": the name column and its code
                this = Column(i, name, shown, explicit)
                named, coded = (first, this) if _is_name(first.labels) or not _is_name(labels) else (this, first)
                out[name] = named
                out[fields.CODE_OF[name]] = Column(coded.index, fields.CODE_OF[name], coded.header, coded.explicit)
                continue
            if first is not None:
                raise HgdError("import.duplicate_column", file=table.file, sheet=table.sheet, row=row,
                               field=fields.BY_NAME[name].label_vi,
                               first=column_letter(first.index + table.first_column), first_header=first.header,
                               second=column_letter(i + table.first_column), second_header=shown)
            out[name] = Column(i, name, shown, explicit, labels)
    missing = [f for f in required
               if f not in out and not any(s in out for s in fields.STANDS_IN.get(f, ()))]
    if missing == ["ma_ho"]:
        raise HgdError("import.missing_household", file=table.file, sheet=table.sheet, row=row)
    if missing:
        raise HgdError("import.missing_columns", file=table.file, sheet=table.sheet, row=row,
                       missing=", ".join(f"'{fields.BY_NAME[f].label_vi}'" for f in missing))
    return out, stt


def _is_name(labels: Labels) -> bool:
    """The name column of a name/code pair: a label says "Tên …", or none says "Mã …"."""
    keys = [search_key(t) for t in labels if t]
    return any(k.startswith("ten") for k in keys) or not any(k.startswith(("ma ", "ma_"))
                                                            for k in keys)


def _sex_legend(layout: Layout, columns: list[Labels], above: list[list[str]]) -> dict[str, str] | None:
    """Numbers for sex, from a legend in the sex column's header ("Giới tính (Nam: 1, Nữ: 0)") or in the rows
    above the header, or the template's own; None when numbers stay ambiguous."""
    column = layout.columns.get("gioi_tinh")
    texts = list(columns[column.index]) if column is not None else []
    texts += [t for row in above for t in row if t]
    for text in texts:
        key = search_key(text)
        for pattern in _LEGEND:
            m = pattern.search(key)
            if m and m.group(1) != m.group(2):
                return {m.group(1): "M", m.group(2): "F"}
        for pattern in _LEGEND_REVERSED:
            m = pattern.search(key)
            if m and m.group(1) != m.group(2):
                return {m.group(1): "F", m.group(2): "M"}
    return dict(TEMPLATE_SEX) if layout.template else None


# --- rows that are not persons ------------------------------------------------------------------------------------

def _unicode(cell: object, encoding: str) -> object:
    return legacy.to_unicode(cell, encoding) if encoding != "unicode" and isinstance(cell, str) else cell


def _is_key(cell: object, key: str, encoding: str) -> bool:
    return (isinstance(cell, str) and len(cell) <= limits.MAX_CELL_CHARS
            and fields.header_key(_unicode(cell, encoding)) == key)


def is_repeated_header(cells: list[object], layout: Layout) -> bool:
    """The header row(s) again (printed exports repeat it on every page), in the header's encoding."""
    for keys in layout.header_keys:
        named = [k for k in keys if k]
        same = sum(1 for i, k in enumerate(keys) if k and i < len(cells) and _is_key(cells[i], k, layout.encoding))
        if named and same >= max(2, (len(named) * 3 + 4) // 5):
            return True
    return False


def header_scan(rows: Iterable[tuple[int, list[object]]]) -> list[tuple[int, list[object]]]:
    """Take the rows the header is searched in: up to MAX_HEADER_SCAN non-blank rows (blank ones kept)."""
    taken: list[tuple[int, list[object]]] = []
    filled = 0
    for item in rows:
        taken.append(item)
        if any(c not in ("", None) for c in item[1]):
            filled += 1
            if filled >= limits.MAX_HEADER_SCAN:
                break
    return taken
