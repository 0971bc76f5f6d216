"""The reading half of `hgd import`: from a file to its person rows, each read into a person record with its issues.

    accepted, warnings = read_persons(path, parse_mapping(mapping), today=today, report=report)

Every sheet with a person header is read (a list split over several sheets is imported whole; a sheet without one
is named in the report as not imported, and so is a hidden sheet); a sheet whose header names persons but cannot
be read (a missing or doubled column) refuses the file, naming the sheet. Under each sheet's header the rows are
sorted: blank rows, repeated headers, numbering rows, section titles and totals rows are skipped; a signature row
starts the footer, and a row under it that looks like a person is reported, not dropped. What the list leaves
implicit (merged household codes, codes on the head's row only, no household column) is filled by app.io.fills
before each row is read by app.io.rows. `report` receives the sheets, header rows, columns, encodings, the row
counts and the rejected rows; the accepted rows (row number, person dict with "_household") and the row warnings
are returned, in file order.
"""
from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from app import messages
from app.domain import legacy
from app.errors import HgdError
from app.io import fills as fill
from app.io import header as hdr
from app.io.cells import cell_text, column_letter, is_plain
from app.io.csvtext import BrokenRow
from app.io.reader import Cell, Early, Table, open_tables
from app.io.report import ImportReport, RowIssue, SheetRow
from app.io.rowkinds import footer_kind, is_numbering_row, is_section_title
from app.io.rows import TEXT_FIELDS, PersonRow, RowReader

messages.register({
    "import.legacy_column": ("Cột viết bằng bảng mã {encoding}, đã chuyển sang Unicode (ví dụ thành '{converted}')",
                             "The column is in the {encoding} encoding, converted to Unicode (e.g. to '{converted}')"),
    "row.below_footer": (
        ("Dòng này nằm dưới phần ký tên (dòng {footer}) nhưng trông như một người: không nhập. Nếu đây là người trong "
        "danh sách, hãy chuyển dòng lên trên phần ký tên"),
        ("This row is below the signatures (row {footer}) but looks like a person: not imported. If it is one of the "
        "list's persons, move it above the signatures")),
    "import.sheet_no_list": ("không có dòng tiêu đề danh sách người", "it has no person-list header"),
    "row.formula_error": ("Ô có công thức bị lỗi ({error}): giá trị không đọc được, hãy sửa công thức hoặc gõ giá trị",
                          ("The cell's formula gives an error ({error}): no value to read; fix the formula or type the "
                          "value")),
    "import.sheet_hidden": ("trang bị ẩn", "the sheet is hidden"),
    "import.sheet_empty": ("trang trống", "the sheet is empty"),
    "row.same_in_other_sheet": (
        "Người này đã có ở trang '{sheet}', dòng {row} (cùng mã hộ, họ tên và ngày sinh): nhập một lần",
        ("This person is already on the sheet '{sheet}', row {row} (same household code, name and birth): imported "
        "once")),
    "import.template_merged": (
        ("{count} người có ở cả trang '{participants}' và trang '{members}' (nối theo STT = ID Lao động): nhập "
        "một lần"),
        ("{count} persons are on both the sheet '{participants}' and the sheet '{members}' (linked by STT = ID Lao "
        "động): imported once")),
})

ENCODING_SAMPLE = 2000        # data rows read ahead to judge each text column's encoding and the fills
PROGRESS_EVERY = 2000
SINK_ROWS = 2000              # accepted rows handed on at a time to a sink (the import's pipeline)
Progress = Callable[[int, int], None]
# Takes the next accepted rows, in file order (the list is the sink's to keep or empty), and the number of rows of
# the list they come from (the sheet's rows while streaming; the rows themselves when handed on all at once).
Sink = Callable[[list[tuple[int, PersonRow]], int], None]

# The first letters of a totals label as a name cell holds it ("Tổng cộng", "Cộng", and as TCVN3 or VNI bytes):
# such a row is looked at closely even when its date and household columns hold counts.
_TOTALS_START = frozenset(w[:4] for w in ("tổng", "cộng", "tong", "cong", legacy.unicode_to_tcvn3("tổng"),
                                           legacy.unicode_to_tcvn3("cộng"), legacy.unicode_to_vni("tổng"),
                                           legacy.unicode_to_vni("cộng")))


def read_persons(path: Path, wanted: hdr.ColumnMap, *, today: date, report: ImportReport,
                 progress: Progress | None = None, early: Early | None = None,
                 sink: Sink | None = None) -> tuple[list[tuple[int, PersonRow]], list[RowIssue]]:
    """`sink`: the accepted rows go to it instead of the list returned (empty then), a few thousand at a time as
    they are read when the file is one sheet of an ordinary list; all at once, at the end, when the rows of several
    sheets are joined or deduplicated first. The row warnings are returned when the whole file is read."""
    accepted: list[tuple[int, PersonRow]] = []
    warnings: list[RowIssue] = []
    first_error: HgdError | None = None
    taken: set[str] = set()
    links: list[tuple[str, fill.Fills, bool, int]] = []  # the template's sheets: name, fills, relations?, header
    with open_tables(path, early) as book:
        tagged = book.visible > 1
        for order, table in enumerate(book):
            if not table.visible:
                report.sheets_skipped.append({"sheet": table.sheet, "reason": "import.sheet_hidden"})
                continue
            rows = iter(table.rows)
            scanned = hdr.header_scan(rows)
            try:
                layout = hdr.find_layout(table, scanned, wanted)
            except HgdError as exc:
                if getattr(exc, "person_list", False):
                    raise
                first_error = first_error or exc
                reason = "import.sheet_empty" if exc.key == "import.empty_sheet" else "import.sheet_no_list"
                report.sheets_skipped.append({"sheet": table.sheet, "reason": reason})
                continue
            sheet = table.sheet if tagged else None
            rest = itertools.chain((r for r in scanned if r[0] >= layout.data_from), rows)
            numbered = ((SheetRow(n, table.sheet, order), cells) for n, cells in rest) if tagged else rest
            ahead = list(itertools.islice(numbered, ENCODING_SAMPLE))
            if not report.sheets:
                report.sheet, report.header_row = table.sheet, layout.header_row
                report.text_encoding = table.text_encoding
                report.columns = {name: c.header for name, c in layout.columns.items()}
            report.sheets.append(table.sheet)
            head_row = SheetRow(layout.header_row, table.sheet, order) if tagged else layout.header_row
            encodings = _column_encodings(layout, ahead, report, head_row)
            fills = fill.Fills(table, layout, ahead, encodings, warnings, template_link=layout.template, taken=taken)
            if layout.template:
                relations = "quan_he_chu_ho" in layout.columns or "ma_quan_he" in layout.columns
                links.append((table.sheet, fills, relations, head_row))
            reader = RowReader(layout, today=today, encodings=encodings, file=table.file, sheet=sheet,
                               first_column=table.first_column, guard=table.suspicious or bool(encodings))
            streamed = sink if sink is not None and not tagged and not layout.template else None
            sheet_rows = _read_rows(table, layout, reader, fills, itertools.chain(ahead, numbered), report, progress,
                                    streamed)
            accepted += sheet_rows[0]
            warnings += sheet_rows[1]
    if not report.sheets:
        raise first_error or HgdError("import.no_sheet", file=path.name)
    if links:
        accepted = _resolve_links(accepted, links, warnings)
    if len(report.sheets) > 1:
        accepted = _once_across_sheets(accepted, warnings)
    if sink is not None and accepted:
        sink(accepted, len(accepted))
        accepted = []
    return accepted, warnings


def _once_across_sheets(accepted: list[tuple[int, PersonRow]],
                        warnings: list[RowIssue]) -> list[tuple[int, PersonRow]]:
    """A person listed on two sheets (a sheet copied as a backup, a list split with an overlap): the same household
    code, name and birth date is kept once, the later row reported."""
    first: dict[tuple[object, object, object], int] = {}
    out = []
    for n, person in accepted:
        key = (person["_household"], person["name_key"], person.get("birth_date"))
        seen = first.get(key)
        if seen is not None and getattr(seen, "sheet", None) != getattr(n, "sheet", None):
            warnings.append(RowIssue(n, "", "", "row.same_in_other_sheet",
                                     {"sheet": getattr(seen, "sheet", ""), "row": int(seen)}))
            continue
        first.setdefault(key, n)
        out.append((n, person))
    return out


def _column_encodings(layout: hdr.Layout, ahead: list[tuple[int, list[Cell]]], report: ImportReport,
                      head_row: int) -> dict[str, str]:
    """Each text column's legacy encoding, judged on the first data rows; a converted column is reported once,
    with an example of the original text. A column whose words read as syllables more than one way (VNI "Thoân" as
    TCVN3 "Thoõn", TCVN3 "Xãm" as Unicode, Unicode "Xã Dân" as TCVN3 "Xó Dõn") follows the rest of the sheet when
    every one of its words reads well that way and more of them are then words lists are made of."""
    samples: dict[str, list[str]] = {}
    found: dict[str, dict[str, int]] = {}
    judged: dict[str, str] = {}
    for name, column in layout.columns.items():
        if name not in TEXT_FIELDS:
            continue
        samples[name] = [cell for _, cells in ahead
                         if column.index < len(cells) and isinstance(cell := cells[column.index], str)
                         and is_plain(cell)]
        found[name] = legacy.scores(samples[name])
        judged[name] = legacy.choose(found[name])
    sheet = layout.encoding if layout.encoding != "unicode" else _dominant(judged, found)
    encodings: dict[str, str] = {}
    for name, enc in judged.items():
        score = found[name]
        if sheet != "unicode" and enc != sheet and score["words"] and score[sheet] == score["words"] \
                and legacy.known_words(samples[name], sheet) > legacy.known_words(samples[name], enc):
            enc = sheet
        if enc == "unicode":
            continue
        encodings[name] = enc
        column = layout.columns[name]
        report.column_encodings[column.header] = enc
        example = next((s for s in samples[name] if not s.isascii()), "")
        report.warnings.append(RowIssue(head_row, column.header, example, "import.legacy_column",
                                        {"encoding": enc.upper(), "converted": legacy.to_unicode(example, enc)}))
    encs = set(encodings.values()) | ({layout.encoding} - {"unicode"}) | (set(report.encoding.split("+")) - {"unicode"})
    report.encoding = "+".join(sorted(encs)) if encs else "unicode"
    return encodings


def _dominant(judged: dict[str, str], found: dict[str, dict[str, int]]) -> str:
    """The legacy encoding most of the sheet's words are read in, or "unicode"."""
    words = {"tcvn3": 0, "vni": 0}
    for name, enc in judged.items():
        if enc in words:
            words[enc] += found[name]["words"]
    best = max(words, key=lambda e: words[e])
    return best if words[best] else "unicode"


def _empty(v: object) -> bool:
    return v is None or (v.__class__ is str and (not v or v.isspace()))


def _header_like(birth: object) -> bool:
    """Where a repeated header or a numbering row puts a word or a small number, a person row has a date."""
    if birth.__class__ is str:
        if not birth[:1].isdigit():
            return True
        return len(birth) <= 4 and not (len(birth) == 4 and birth.isdigit() and birth >= "1000")  # not a year
    return birth.__class__ in (int, float) and birth < 1000


class _Shape:
    """The columns that tell a person row from the others, and whether a row under the footer looks like one."""

    def __init__(self, layout: hdr.Layout) -> None:
        cols = layout.columns
        self.name = cols["ho_ten"].index
        self.household = cols["ma_ho"].index
        self.births = [cols[f].index for f in ("ngay_sinh", "ngay_sinh_nam", "ngay_sinh_nu") if f in cols]
        self.keys = [cols[f].index for f in ("ho_ten", "ma_ho", "ngay_sinh", "ngay_sinh_nam", "ngay_sinh_nu",
                                             "ma_so_bhxh") if f in cols]
        self.codes = [cols[f].index for f in ("ma_so_bhxh", "so_cccd", "so_cmnd") if f in cols]

    def birth(self, cells: list[Cell], width: int) -> object:
        for i in self.births:
            if i < width and not _empty(cells[i]):
                return cells[i]
        return ""

    def looks_like_person(self, cells: list[Cell]) -> bool:
        """A name and something only a person row has: a date of birth, an identity number, a household code."""
        width = len(cells)
        name = cells[self.name] if self.name < width else ""
        if _empty(name) or not isinstance(name, str) or not is_plain(name):
            return False
        birth = self.birth(cells, width)
        if not _empty(birth) and any(ch.isdigit() for ch in cell_text(birth)):
            return True
        for i in self.codes:
            value = cell_text(cells[i]).strip() if i < width else ""
            if sum(ch.isdigit() for ch in value) >= 8:
                return True
        household = cell_text(cells[self.household]).strip() if self.household < width else ""
        return bool(household) and " " not in household and any(ch.isdigit() for ch in household)


def _read_rows(table: Table, layout: hdr.Layout, reader: RowReader, fills: fill.Fills,
               rows: Iterator[tuple[int, list[Cell]]], report: ImportReport, progress: Progress | None,
               sink: Sink | None = None) -> tuple[list[tuple[int, PersonRow]], list[RowIssue]]:
    accepted: list[tuple[int, PersonRow]] = []
    warnings: list[RowIssue] = []
    shape = _Shape(layout)
    name_col, household_col = shape.name, shape.household
    birth_col = shape.births[0] if len(shape.births) == 1 else None   # the usual case, read inline
    total = max(table.total_rows, 1)
    text_encoding = layout.encoding if layout.encoding != "unicode" else reader.encodings.get("ho_ten", "unicode")
    footer: int | None = None
    origins: dict[int, Cell] = {}   # column -> the value of the merged range it lies in
    active = fills.active
    errors: dict[int, list[tuple[hdr.Column, str]]] = {}  # row -> [(column, "#REF!")] of the columns read
    mapped = {c.index + table.first_column: c for c in layout.columns.values()}
    for (row, col), value in table.errors.items():
        if col in mapped:
            errors.setdefault(row, []).append((mapped[col], value))
    for n, cells in rows:
        if progress and n % PROGRESS_EVERY == 0:
            progress(min(int(n), total), total)
        if cells.__class__ is BrokenRow:
            report.rows_read += 1
            column = layout_header(layout, cells.column)
            report.rejected.append(RowIssue(n, column, cell_text(cells[cells.column])[:80] if cells.column < len(
                cells) else "", cells.key))
            continue
        if footer is not None:
            if shape.looks_like_person(cells):
                report.rows_read += 1
                report.rejected.append(RowIssue(n, "", "", "row.below_footer", {"footer": int(footer)}))
            continue
        if active:
            fills.apply(n, cells, origins)
            if n in fills.orphans:
                report.rows_read += 1
                report.rejected.append(RowIssue(n, reader.header.get("quan_he_chu_ho", ""), "", "row.no_head_above"))
                continue
        width = len(cells)
        household = cells[household_col] if household_col < width else ""
        if birth_col is not None:
            birth = cells[birth_col] if birth_col < width else ""
        else:
            birth = shape.birth(cells, width)
        name = cells[name_col] if name_col < width else ""
        if _empty(household) or _empty(birth) or _empty(name) or (
                name.__class__ is str and name[:1] in "TtCc " and name.lstrip()[:4].lower() in _TOTALS_START):
            kind = footer_kind(cells, text_encoding)
            if kind == "signature":
                footer = n
                continue
            if kind == "total" or all(_empty(cells[i]) for i in shape.keys if i < width) or \
                    is_section_title(cells, text_encoding):
                continue  # a totals row, a blank row, a section title
        # A repeated header or a numbering row has a word or a short number where the date of birth goes.
        if _header_like(birth) and (hdr.is_repeated_header(cells, layout) or is_numbering_row(cells)):
            continue
        report.rows_read += 1
        if errors and int(n) in errors:
            report.rejected += [RowIssue(n, c.header, value, "row.formula_error", {"error": value})
                                for c, value in errors[int(n)]]
            continue
        person, bad, warn = reader.read(n, cells)
        report.rejected += bad
        warnings += warn
        if person is not None:
            accepted.append((n, person))
            if sink is not None and len(accepted) >= SINK_ROWS:
                sink(accepted, total)
                accepted = []
    if sink is not None and accepted:
        sink(accepted, total)
        accepted = []
    if progress:
        progress(total, total)
    return accepted, warnings


def layout_header(layout: hdr.Layout, index: int) -> str:
    """The header of the column at `index` as the clerk sees it (its letter when the column is not read)."""
    for column in layout.columns.values():
        if column.index == index:
            return column.header
    return column_letter(index)


# --- the declaration software's template: participants and their households' members ---------------------------

def _resolve_links(accepted: list[tuple[int, PersonRow]], links: list[tuple[str, fill.Fills, bool, int]],
                   warnings: list[RowIssue]) -> list[tuple[int, PersonRow]]:
    """Households of rows linked by number (STT = ID Lao động): the code written anywhere in the group, else one
    made from the group's first person; a participant also listed among the members is kept once."""
    codes: dict[str, str] = {}
    for _sheet, fills, _members, _row in links:
        for link, code in fills.link_codes.items():
            codes.setdefault(link, code)
    taken = {c for c in codes.values()}
    for _n, person in accepted:
        household = person["_household"]
        if household.startswith(fill.LINK):
            link = household[len(fill.LINK):]
            if link not in codes:
                codes[link] = fill.generated_code(person["full_name"], person.get("birth_date", ""), taken)
            person["_household"] = codes[link]
            person["_link"] = link
    member_sheets = {sheet for sheet, _f, members, _row in links if members}
    participant_sheets = {sheet for sheet, _f, members, _row in links if not members}
    if not member_sheets or not participant_sheets:
        for _n, person in accepted:
            person.pop("_link", None)
        return accepted
    members: dict[tuple[str, str], list[PersonRow]] = {}
    for n, person in accepted:
        if getattr(n, "sheet", None) in member_sheets:
            members.setdefault((person["_household"], person["name_key"]), []).append(person)
    out, merged = [], 0
    for n, person in accepted:
        if getattr(n, "sheet", None) in participant_sheets:
            same = _same_person(person, members.get((person["_household"], person["name_key"]), []))
            if same is not None:
                for key, value in person.items():
                    if key not in same and key not in ("id", "_link"):
                        same[key] = value
                merged += 1
                continue
        out.append((n, person))
    for _n, person in out:
        person.pop("_link", None)
    if merged:
        head_row = next(row for _s, _f, members, row in links if not members)
        warnings.append(RowIssue(head_row, "", "", "import.template_merged",
                                 {"count": merged, "participants": ", ".join(sorted(participant_sheets)),
                                  "members": ", ".join(sorted(member_sheets))}))
    return out


def _same_person(person: PersonRow, candidates: list[PersonRow]) -> PersonRow | None:
    for other in candidates:
        if person.get("bhxh_code") and other.get("bhxh_code"):
            if person["bhxh_code"] == other["bhxh_code"]:
                return other
            continue
        if person.get("birth_year") and person.get("birth_year") == other.get("birth_year"):
            return other
    return None

