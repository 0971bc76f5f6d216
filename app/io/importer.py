"""`hgd import`: households and members from a spreadsheet (XLSX, XLS or CSV), all or nothing.

    report = import_persons(register, "danh_sach.xlsx", mapping={"Tên": "ho_ten"}, skip_invalid=False)

File-level problems (not a spreadsheet, damaged, too large, no header, a missing required column …) raise HgdError
with one clear Vietnamese sentence naming the file, before the register is touched. Row-level problems go into the
report. By default any rejected row means nothing is written (the report lists every rejected row);
`skip_invalid` writes the valid rows; `dry_run` never writes. What is written is one action (one transaction, with
its audit trail), through app.store.bulk.
"""
from __future__ import annotations

import itertools
import time
from dataclasses import dataclass
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app import messages
from app.domain import legacy
from app.errors import HgdError
from app.io import header as hdr
from app.io.operation import ImportChangesNothing, ImportFile, ImportRefused
from app.io.planner import Plan, plan_import
from app.io.reader import Table, open_tables
from app.io.report import ImportReport, RowIssue
from app.io.rows import TEXT_FIELDS, RowReader
from app.progress import Cancel, Progress, check

if TYPE_CHECKING:
    from app.register import Register

messages.register({
    "import.legacy_column": ("Cột viết bằng bảng mã {encoding}, đã chuyển sang Unicode (ví dụ thành '{converted}')",
                             "The column is in the {encoding} encoding, converted to Unicode (e.g. to '{converted}')"),
})

ENCODING_SAMPLE = 2000        # data rows read ahead to judge each text column's encoding
PROGRESS_EVERY = 2000



@dataclass
class ReadFile:
    """The first two stages of an import: the file read under the register's schema, each row a neutral person
    record (or its rejection); nothing about the register yet."""

    report: ImportReport
    records: list[tuple[int, dict]]
    row_warnings: list[RowIssue]


def read_persons(path: str | Path, *, mapping: dict[str, str] | None = None, skip_invalid: bool = False,
                 dry_run: bool = False, today: date | None = None, progress: Progress | None = None,
                 cancel: Cancel | None = None) -> ReadFile:
    """Read a persons file: layout, encodings, each row checked. File-level problems raise HgdError."""
    started = time.perf_counter()
    path = Path(path)
    wanted = hdr.parse_mapping(mapping)
    today = today or date.today()
    report = ImportReport(str(path), dry_run=dry_run, skip_invalid=skip_invalid)
    with open_tables(path) as tables:
        table, layout, rows = _choose_sheet(tables, wanted, path.name)
        report.sheet, report.header_row = table.sheet, layout.header_row
        report.text_encoding = table.text_encoding
        report.columns = {name: c.header for name, c in layout.columns.items()}
        ahead = list(itertools.islice(rows, ENCODING_SAMPLE))
        encodings = _column_encodings(layout, ahead, report)
        reader = RowReader(layout, today=today, encodings=encodings)
        accepted, row_warnings = _read_rows(table, layout, reader, itertools.chain(ahead, rows), report,
                                            _stepper(progress, cancel))
    report.seconds = time.perf_counter() - started
    return ReadFile(report, accepted, row_warnings)


def _stepper(progress: Progress | None, cancel: Cancel | None) -> Callable[[int, int], None] | None:
    if progress is None and cancel is None:
        return None

    def step(done: int, total: int) -> None:
        check(cancel)
        if progress is not None:
            progress(done, total, "read")
    return step


def complete_report(read: ReadFile, plan: Plan) -> ImportReport:
    """The report of an import once planned against the register (before or after writing)."""
    report = read.report
    report.rejected = sorted(report.rejected + plan.rejected, key=lambda i: i.row)
    report.present, report.persons_present = plan.present, len(plan.present)
    report.updated, report.persons_updated = plan.updated, len(plan.updated)
    report.warnings = sorted(report.warnings + [w for w in read.row_warnings if w.row not in plan.skipped_rows]
                             + plan.warnings, key=lambda i: i.row)
    report.persons_valid = len(plan.persons) + len(plan.updated)
    if not report.refused:
        report.persons_added, report.households_added = len(plan.persons), len(plan.households)
        report.households_reused = len(plan.reused)
    return report


def import_persons(register: Register, path: str | Path, *, mapping: dict[str, str] | None = None,
                   skip_invalid: bool = False, dry_run: bool = False, today: date | None = None,
                   progress: Progress | None = None, cancel: Cancel | None = None) -> ImportReport:
    """Import the persons of a spreadsheet into the register; see the module's docstring. The file is read first;
    planning against the register and writing are one action in one transaction (ImportFile). A dry run plans on
    a snapshot of the register and writes nothing."""
    started = time.perf_counter()
    read = read_persons(path, mapping=mapping, skip_invalid=skip_invalid, dry_run=dry_run, today=today,
                        progress=progress, cancel=cancel)
    if dry_run or (read.report.rejected and not skip_invalid):
        with register.reading() as session:
            report = complete_report(read, plan_import(session, register.commune_id, read.records,
                                                       read.report.columns))
    else:
        register.store.check_integrity()
        op = ImportFile(Path(path).name, mapping=dict(mapping or {}), skip_invalid=skip_invalid, prepared=read)
        try:
            report = register.apply(op, progress=progress, cancel=cancel).value
        except (ImportRefused, ImportChangesNothing) as outcome:  # rolled back: nothing to write, or refused
            report = outcome.report
    report.seconds = time.perf_counter() - started
    return report


def _choose_sheet(tables: Iterator[Table], wanted: dict[str, str], file: str):
    """The first sheet with a header row; when none has one, the first sheet's problem is the file's."""
    first_error: HgdError | None = None
    for table in tables:
        rows = iter(table.rows)
        scanned = hdr.header_scan(rows)
        try:
            layout = hdr.find_layout(table, scanned, wanted)
        except HgdError as exc:
            first_error = first_error or exc
            continue
        rest = itertools.chain((r for r in scanned if r[0] >= layout.data_from), rows)
        return table, layout, rest
    raise first_error or HgdError("import.no_sheet", file=file)


def _column_encodings(layout: hdr.Layout, ahead: list, report: ImportReport) -> dict[str, str]:
    """Each text column's legacy encoding, judged on the first data rows; a converted column is reported once,
    with an example of the original text."""
    found: dict[str, str] = {}
    for name, column in layout.columns.items():
        if name not in TEXT_FIELDS:
            continue
        samples = [cells[column.index] for _, cells in ahead
                   if column.index < len(cells) and isinstance(cells[column.index], str)]
        enc = legacy.detect_encoding(samples)
        if enc == "unicode":
            continue
        found[name] = enc
        report.column_encodings[column.header] = enc
        example = next((s for s in samples if not s.isascii()), "")
        report.warnings.append(RowIssue(layout.header_row, column.header, example, "import.legacy_column",
                                        {"encoding": enc.upper(), "converted": legacy.to_unicode(example, enc)}))
    encs = sorted(set(found.values()) | ({layout.encoding} - {"unicode"}))
    report.encoding = "+".join(encs) if encs else "unicode"
    return found


def _empty(v: object) -> bool:
    return v is None or (v.__class__ is str and (not v or v.isspace()))


def _header_like(birth: object) -> bool:
    """Where a repeated header or a numbering row puts a word or a small number, a person row has a date."""
    if birth.__class__ is str:
        return len(birth) <= 4 or not birth[:1].isdigit()
    return birth.__class__ in (int, float) and birth < 1000


def _read_rows(table: Table, layout: hdr.Layout, reader: RowReader, rows, report: ImportReport,
               progress: Callable[[int, int], None] | None) -> tuple[list[tuple[int, dict]], list[RowIssue]]:
    accepted: list[tuple[int, dict]] = []
    warnings: list[RowIssue] = []
    cols = layout.columns
    key_columns = [cols[f].index for f in ("ho_ten", "ma_ho", "ngay_sinh", "ma_so_bhxh") if f in cols]
    household_col, birth_col = cols["ma_ho"].index, cols["ngay_sinh"].index
    total = max(table.total_rows, 1)
    text_encoding = layout.encoding if layout.encoding != "unicode" else reader.encodings.get("ho_ten", "unicode")
    for n, cells in rows:
        if progress and n % PROGRESS_EVERY == 0:
            progress(min(n, total), total)
        width = len(cells)
        household = cells[household_col] if household_col < width else ""
        birth = cells[birth_col] if birth_col < width else ""
        if _empty(household) or _empty(birth):  # a person row has both; a blank or footer row rarely does
            kind = hdr.footer_kind(cells, text_encoding)
            if kind == "stop":
                break
            if kind == "skip" or all(_empty(cells[i]) for i in key_columns if i < width) or \
                    hdr.is_section_title(cells, text_encoding):
                continue  # a sub-total, a blank row, a section title
        # A repeated header or a numbering row has a word or a short number where the date of birth goes.
        if _header_like(birth) and (hdr.is_repeated_header(cells, layout) or hdr.is_numbering_row(cells)):
            continue
        report.rows_read += 1
        person, bad, warn = reader.read(n, cells)
        report.rejected += bad
        warnings += warn
        if person is not None:
            accepted.append((n, person))
    if progress:
        progress(total, total)
    return accepted, warnings
