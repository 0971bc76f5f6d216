"""The social-insurance office's card-holder list read with the import's reading layer (DOMAIN §6.6): a title block,
a header row (sometimes two, and a numbering row), dates and codes as text or numbers, headers repeated at each
printed page, section or hamlet titles, a totals and signature footer, text in Unicode or in TCVN3/VNI — or a D03-TS
as another office printed it.

The schema is the persons file's field catalogue (app.io.fields) with its own required columns: a name and a date of
birth, no household (a card list has none). A row is a card holder when it has a name and a date of birth or a BHXH
code; other rows (section titles, "I.1 Người tham gia", sub-totals) are passed over.
"""
from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from app.domain import legacy
from app.errors import HgdError
from app.io import header as hdr
from app.io.reader import open_tables
from app.io.report import RowIssue
from app.io.rowkinds import footer_kind, is_numbering_row
from app.io.rows import TEXT_FIELDS, RowReader

REQUIRED = ("ho_ten", "ngay_sinh")
SEX_NUMBERS: dict[str, str] = {"1": "M", "2": "F"}   # BHXH's exports write 1 nam, 2 nữ (unsure: §5.3)
SAMPLE = 2000  # rows read ahead to judge each text column's encoding
FIELDS = ("full_name", "birth_date", "sex", "bhxh_code", "id_number", "group_code", "card_number",
          "card_valid_from", "card_valid_to", "health_facility", "address", "birth_place", "birth_province_code")


@dataclass
class CardRow:
    """One card holder as the list gives them (values as the register stores them; None when not given)."""

    row: int
    full_name: str
    birth_date: str | None = None
    sex: str | None = None
    bhxh_code: str | None = None
    id_number: str | None = None
    group_code: str | None = None
    card_number: str | None = None
    card_valid_from: str | None = None
    card_valid_to: str | None = None
    health_facility: str | None = None
    address: str | None = None
    birth_place: str | None = None
    birth_province_code: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {"row": self.row, **{f: getattr(self, f) for f in FIELDS if getattr(self, f) is not None}}


@dataclass
class CardList:
    file: str
    sheet: str
    header_row: int
    encoding: str
    rows: list[CardRow] = field(default_factory=list)
    rejected: list[RowIssue] = field(default_factory=list)
    warnings: list[RowIssue] = field(default_factory=list)


def _encodings(layout: hdr.Layout, ahead: list[Any]) -> dict[str, str]:
    found = {}
    for name, column in layout.columns.items():
        if name not in TEXT_FIELDS:
            continue
        samples = [cells[column.index] for _, cells in ahead
                   if column.index < len(cells) and isinstance(cells[column.index], str)]
        enc = legacy.detect_encoding(samples)
        if enc != "unicode":
            found[name] = enc
    return found


def read_card_list(path: str | Path, *, mapping: dict[str, str] | None = None,
                   today: date | None = None) -> CardList:
    """The card holders of a file; file-level problems (not a spreadsheet, no header …) raise HgdError."""
    path = Path(path)
    wanted = hdr.parse_mapping(mapping)
    today = today or date.today()
    first_error: HgdError | None = None
    with open_tables(path) as tables:
        for table in tables:
            if not table.visible:
                continue
            rows = iter(table.rows)
            scanned = hdr.header_scan(rows)
            try:
                layout = hdr.find_layout(table, scanned, wanted, required=REQUIRED)
            except HgdError as exc:
                first_error = first_error or exc
                continue
            rest = itertools.chain((r for r in scanned if r[0] >= layout.data_from), rows)
            ahead = list(itertools.islice(rest, SAMPLE))
            encodings = _encodings(layout, ahead)
            out = CardList(path.name, table.sheet, layout.header_row,
                           "+".join(sorted(set(encodings.values()) | ({layout.encoding} - {"unicode"}))) or "unicode")
            layout.sex_codes = layout.sex_codes or SEX_NUMBERS  # the list's own legend, else BHXH's digits
            reader = RowReader(layout, today=today, encodings=encodings, file=table.file,
                               first_column=table.first_column, guard=table.suspicious or bool(encodings))
            _read(layout, reader, itertools.chain(ahead, rest), out)
            return out
    raise first_error or HgdError("import.no_sheet", file=path.name)


def _read(layout: hdr.Layout, reader: RowReader, rows: Iterable[Any], out: CardList) -> None:
    cols = layout.columns
    name_col, birth_col = cols["ho_ten"].index, cols["ngay_sinh"].index
    code_col = cols["ma_so_bhxh"].index if "ma_so_bhxh" in cols else None
    text_encoding = layout.encoding if layout.encoding != "unicode" else reader.encodings.get("ho_ten", "unicode")
    for n, cells in rows:
        birth, code = _at(cells, birth_col), _at(cells, code_col)
        if _empty(birth) and _empty(code):  # no holder: a title, a section, a sub-total, the footer
            if footer_kind(cells, text_encoding) == "stop":
                break
            continue
        if _empty(_at(cells, name_col)):
            continue
        # a repeated header or a numbering row has a word or a short number where the date of birth goes
        if _header_like(birth) and (hdr.is_repeated_header(cells, layout) or is_numbering_row(cells)):
            continue
        person, bad, warn = reader.read(n, cells)
        out.rejected += bad
        out.warnings += warn
        if person is not None:
            found: dict[str, Any] = {f: person.get(f) for f in FIELDS}
            out.rows.append(CardRow(n, **found))


def _at(cells: list[object], i: int | None) -> object:
    return cells[i] if i is not None and i < len(cells) else ""


def _header_like(birth: object) -> bool:
    if isinstance(birth, str):
        return len(birth) <= 4 or not birth[:1].isdigit()
    return isinstance(birth, (int, float)) and birth < 1000


def _empty(v: object) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())
