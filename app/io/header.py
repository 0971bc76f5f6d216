"""Find the header row of a persons sheet and what each column holds.

Real files carry title rows above the header (often merged cells), sometimes a second header row under merged
group titles ("Hạn thẻ" over "Từ ngày" / "Đến ngày"), a numbering row ("1 2 3 …", "A B 1 2"), the header repeated
at each printed page, and a totals/signature footer. This module recognises each of them; the importer skips or
stops on them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from app import messages
from app.domain import legacy
from app.domain.text import nfc, search_key
from app.errors import HgdError
from app.io import fields, limits
from app.io.reader import Table, column_letter

messages.register({
    "import.empty_sheet": ("Tệp '{file}': trang '{sheet}' không có dữ liệu.",
                           "File '{file}': the sheet '{sheet}' holds no data."),
    "import.no_header": (
        "Tệp '{file}', trang '{sheet}': không tìm thấy dòng tiêu đề (cần các cột {required}) trong {rows} dòng "
        "đầu. Dùng --map 'tên cột=trường' nếu các cột có tên khác.",
        "File '{file}', sheet '{sheet}': no header row found (the columns {required} are needed) in the first "
        "{rows} rows. Use --map 'column=field' if the columns are named otherwise."),
    "import.missing_columns": (
        "Tệp '{file}', trang '{sheet}', dòng tiêu đề {row}: thiếu cột bắt buộc {missing}. Dùng --map 'tên cột=trường' "
        "nếu cột có tên khác (ví dụ --map 'Tên=ho_ten').",
        "File '{file}', sheet '{sheet}', header row {row}: the required column {missing} is missing. Use --map "
        "'column=field' if it is named otherwise (e.g. --map 'Tên=ho_ten')."),
    "import.duplicate_column": (
        "Tệp '{file}', trang '{sheet}', dòng tiêu đề {row}: hai cột cùng là '{field}': cột {first} ('{first_header}') "
        "và cột {second} ('{second_header}'). Hãy xóa hoặc đổi tên một cột.",
        "File '{file}', sheet '{sheet}', header row {row}: two columns are both '{field}': column {first} "
        "('{first_header}') and column {second} ('{second_header}'). Delete or rename one of them."),
    "import.map_unknown_field": (
        "Trường '{field}' không có (trong --map '{entry}'). Các trường: {fields}.",
        "There is no field '{field}' (in --map '{entry}'). The fields: {fields}."),
    "import.map_bad_entry": ("--map '{entry}' không đúng dạng 'tên cột=trường'.",
                             "--map '{entry}' is not of the form 'column=field'."),
    "import.map_unknown_column": (
        "Tệp '{file}': không có cột '{column}' (trong --map) ở dòng tiêu đề {row}. Các cột: {columns}.",
        "File '{file}': there is no column '{column}' (in --map) in header row {row}. The columns: {columns}."),
})

_NUMBERING_CELL = re.compile(r"\(?(?:[A-Za-z]|\d{1,3})\)?")
_DATE_LINE = re.compile(r"(?:^|\s)ngay\b.*\bthang\b.*\bnam\b")
_STOP_MARKERS = ("tong cong", "tong so", "nguoi lap bieu", "nguoi lap", "thu truong", "ke toan", "giam doc",
                 "chu tich", "tm uy ban", "tm ubnd", "xac nhan", "ky ghi ro", "ky ten", "ky dong dau",
                 "ky va ghi ro", "dai dien", "can bo lap", "can bo", "truong thon", "truong ban", "truong ap",
                 "truong khu", "to truong", "nhan vien thu", "dai ly thu", "nguoi ke khai", "thu quy",
                 "cong chuc", "buu dien", "nguoi nhan", "nguoi giao", "ben giao", "ben nhan")
_SECTION_NUMBER = re.compile(r"(?:[ivxlc]+|\d{1,2}|[a-z])[.)]\s*\S")   # "I. Tăng", "1. Lao động", "a) …"
_SECTION_PLACE = re.compile(r"(?:thon|xom|ap|ban|lang|khu|doi|to dan pho|khu pho)\b")
_SUBTOTAL = re.compile(r"(?:cong|tong)(?:\s+(?:\d+|[ivx]+|thon|xom|to|nhom|muc|phan|cac|theo)\b.*)?")


@dataclass
class Column:
    index: int      # position in the row's list of cells
    field: str
    header: str     # as written (a two-row header joined: "Hạn thẻ Từ ngày")
    explicit: bool = False  # named by --map


@dataclass
class Layout:
    header_row: int                               # 1-based, the (first) header row
    data_from: int                                # the first row after the header row(s)
    columns: dict[str, Column]                    # field -> column
    header_keys: list[list[str]] = field(default_factory=list)  # keys of the header row(s), for repeats
    encoding: str = "unicode"                     # legacy encoding of the header cells


class ColumnMap(dict):
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
    return nfc(cell) if isinstance(cell, str) else ""


def _field(label: str, mapping: dict[str, str]) -> str | None:
    return mapping.get(fields.header_key(label)) or fields.field_for_header(label)


def _recognised(labels: list[str], mapping: dict[str, str]) -> set[str]:
    return {f for f in (_field(t, mapping) for t in labels if t) if f and f not in fields.UNSTORED}


def _readable(rows: list[list[object]], enc: str, mapping: dict[str, str]) -> list[list[str]]:
    """The cells as text for header matching. When the top of the sheet is in a legacy encoding, each cell is read
    converted unless it names a field as it is (a header typed in Unicode above data pasted from an old file)."""
    out = []
    for cells in rows:
        texts = [_text(c) for c in cells]
        if enc != "unicode":
            texts = [t if _field(t, mapping) else legacy.to_unicode(t, enc) for t in texts]
        out.append(texts)
    return out


def find_layout(table: Table, rows: list[tuple[int, list[object]]], mapping: dict[str, str]) -> Layout:
    """The header among the first rows: the row naming the most known fields (at least two)."""
    if not any(_text(c) or (c not in ("", None)) for _, cells in rows for c in cells):
        raise HgdError("import.empty_sheet", file=table.file, sheet=table.sheet)
    enc = legacy.detect_encoding(c for _, cells in rows for c in cells if isinstance(c, str))
    texts = _readable([cells for _, cells in rows], enc, mapping)
    best, best_score = -1, 1
    for i, labels in enumerate(texts):
        score = len(_recognised(labels, mapping))
        if score > best_score:
            best, best_score = i, score
    if best < 0:
        required = ", ".join(f"'{fields.BY_NAME[f].label_vi}'" for f in fields.REQUIRED)
        raise HgdError("import.no_header", file=table.file, sheet=table.sheet, required=required, rows=len(rows))
    labels, keys = texts[best], [[fields.header_key(t) for t in texts[best]]]
    data_from = rows[best][0] + 1
    if best + 1 < len(texts):
        joined = _two_row_labels(table, rows[best][0], labels, texts[best + 1])
        if joined is not None and len(_recognised(joined, mapping)) > best_score:
            labels = joined
            keys.append([fields.header_key(t) for t in texts[best + 1]])
            data_from += 1
    layout = Layout(rows[best][0], data_from, {}, keys, enc)
    layout.columns = _columns(table, layout.header_row, labels, mapping)
    return layout


def _two_row_labels(table: Table, row: int, top: list[str], below: list[str]) -> list[str] | None:
    """The labels of a two-row header (group title above, column titles below), or None when the row below is
    not a header row (it holds digits: data or a numbering row)."""
    if not any(below) or any(any(ch.isdigit() for ch in t) for t in below):
        return None
    spans = {}
    for (r0, c0), (r1, c1) in table.merged:
        if r0 <= row - 1 <= r1:
            for c in range(c0, c1 + 1):
                spans[c - table.first_column] = c0 - table.first_column
    out = []
    for i in range(max(len(top), len(below))):
        upper = top[i] if i < len(top) else ""
        lower = below[i] if i < len(below) else ""
        if not upper and lower:
            source = spans.get(i)
            if source is None:  # no merge information (CSV): the nearest group title to the left
                source = next((j for j in range(i - 1, -1, -1) if j < len(top) and top[j]), None)
            upper = top[source] if source is not None and 0 <= source < len(top) else ""
        if upper and lower:
            both = f"{upper} {lower}"
            out.append(both if fields.field_for_header(both) else lower if fields.field_for_header(lower) else both)
        else:
            out.append(upper or lower)
    return out


def _columns(table: Table, row: int, labels: list[str], mapping: dict[str, str]) -> dict[str, Column]:
    found = {fields.header_key(t) for t in labels if t}
    for key in mapping:
        if key not in found:
            raise HgdError("import.map_unknown_column", file=table.file, column=getattr(mapping, "written", {}).get(
                key, key), row=row,
                           columns=", ".join(f"'{t}'" for t in labels if t))
    columns: dict[str, Column] = {}
    # The clerk's --map first, then the known spellings for the fields the map left: an explicit column wins
    # over one that only looks like the same field.
    for explicit in (True, False):
        for i, label in enumerate(labels):
            key = fields.header_key(label)
            if not label or (key in mapping) != explicit:
                continue
            name = mapping[key] if explicit else fields.field_for_header(label)
            if name is None or name in fields.UNSTORED:
                continue
            first = columns.get(name)
            if first is not None and not explicit and first.explicit:
                continue
            if first is not None:
                raise HgdError("import.duplicate_column", file=table.file, sheet=table.sheet, row=row,
                               field=fields.BY_NAME[name].label_vi,
                               first=column_letter(first.index + table.first_column), first_header=first.header,
                               second=column_letter(i + table.first_column), second_header=label)
            columns[name] = Column(i, name, label, explicit)
    missing = [f for f in fields.REQUIRED if f not in columns]
    if missing:
        raise HgdError("import.missing_columns", file=table.file, sheet=table.sheet, row=row,
                       missing=", ".join(f"'{fields.BY_NAME[f].label_vi}'" for f in missing))
    return columns


# --- rows that are not persons ------------------------------------------------------------------------------------

def is_numbering_row(cells: list[object]) -> bool:
    """"1 2 3 …", "(1) (2) …", "A B 1 2 …": at least three short tokens, the numbers increasing."""
    tokens = []
    for c in cells:
        if c == "" or c is None:
            continue
        if isinstance(c, float) and c.is_integer():
            c = str(int(c))
        if not isinstance(c, (str, int)) or isinstance(c, bool):
            return False
        t = str(c).strip()
        if t and not _NUMBERING_CELL.fullmatch(t):
            return False
        if t:
            tokens.append(t.strip("()"))
    numbers = [int(t) for t in tokens if t.isdigit()]
    return len(tokens) >= 3 and all(a < b for a, b in zip(numbers, numbers[1:]))


def _unicode(cell: object, encoding: str) -> object:
    return legacy.to_unicode(cell, encoding) if encoding != "unicode" and isinstance(cell, str) else cell


def is_repeated_header(cells: list[object], layout: Layout) -> bool:
    """The header row(s) again (printed exports repeat it on every page), in the header's encoding."""
    for keys in layout.header_keys:
        named = [k for k in keys if k]
        same = sum(1 for i, k in enumerate(keys) if k and i < len(cells) and isinstance(cells[i], str)
                   and fields.header_key(_unicode(cells[i], layout.encoding)) == k)
        if named and same >= max(2, (len(named) * 3 + 4) // 5):
            return True
    return False


def footer_kind(cells: list[object], encoding: str = "unicode") -> str | None:
    """"stop" for a totals or signature row (everything after it is the footer), "skip" for a sub-total row,
    None for anything else. Only the first few filled cells are read: a data row never starts with these.
    `encoding` is the legacy encoding the sheet's text is in, if any."""
    seen = 0
    for c in cells:
        if not isinstance(c, str) or not c.strip():
            if c not in ("", None):
                seen += 1
            continue
        key = search_key(_unicode(c, encoding))
        if key.startswith(_STOP_MARKERS) or _DATE_LINE.search(key):
            return "stop"
        if _SUBTOTAL.fullmatch(key):
            return "skip"
        seen += 1
        if seen >= 4:
            break
    return None


def is_section_title(cells: list[object], encoding: str = "unicode") -> bool:
    """A row holding one text only, a section or hamlet title ("I. Tăng", "Thôn Đông"): lists grouped by
    hamlet or by increase/decrease carry them between the person rows."""
    filled = [c for c in cells if c not in ("", None)]
    if len(filled) != 1 or not isinstance(filled[0], str):
        return False
    text = str(_unicode(filled[0], encoding))
    return bool(_SECTION_NUMBER.match(nfc(text).lower()) or _SECTION_PLACE.match(search_key(text)))


def header_scan(rows) -> list[tuple[int, list[object]]]:
    """Take the rows the header is searched in: up to MAX_HEADER_SCAN non-blank rows (blank ones kept)."""
    taken, filled = [], 0
    for item in rows:
        taken.append(item)
        if any(c not in ("", None) for c in item[1]):
            filled += 1
            if filled >= limits.MAX_HEADER_SCAN:
                break
    return taken
