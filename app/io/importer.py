"""`hgd import`: households and members from a spreadsheet (XLSX, XLS or CSV), all or nothing.

    report = import_persons(register, "danh_sach.xlsx", mapping={"Tên": "ho_ten"}, skip_invalid=False)

File-level problems (not a spreadsheet, damaged, too large, no header, a missing required column …) raise HgdError
with one clear Vietnamese sentence naming the file, before the register is touched. Row-level problems go into the
report. By default any rejected row means nothing is written (the report lists every rejected row);
`skip_invalid` writes the valid rows; `dry_run` never writes. What is written is one action (one transaction, with
its audit trail): app.io.operation.ImportFile, planned by app.io.planner. On SQLite the file is read inside that
action, and each part of it written while the next part is read (app.io.pipeline); a refused file is rolled back.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.io import header as hdr
from app.io import listread
from app.io.operation import ImportChangesNothing, ImportFile, ImportRefused
from app.io.planner import Plan, plan_import
from app.io.reader import Early
from app.io.report import ImportReport, RowIssue
from app.io.rows import PersonRow
from app.progress import Cancel, Progress, check

if TYPE_CHECKING:
    from app.register import Register



@dataclass
class ReadFile:
    """The first two stages of an import: the file read under the register's schema, each row a neutral person
    record (or its rejection); nothing about the register yet."""

    report: ImportReport
    records: list[tuple[int, PersonRow]]
    row_warnings: list[RowIssue]


def read_persons(path: str | Path, *, mapping: dict[str, str] | None = None, skip_invalid: bool = False,
                 dry_run: bool = False, today: date | None = None, progress: Progress | None = None,
                 cancel: Cancel | None = None, early: Early | None = None) -> ReadFile:
    """Read a persons file: layout, encodings, each row checked. File-level problems raise HgdError. `early`: the
    same file made ready beforehand (app.io.reader.Early)."""
    path = Path(path)
    report = ImportReport(str(path), dry_run=dry_run, skip_invalid=skip_invalid)
    return read_into(report, path, mapping=mapping, today=today, progress=progress, cancel=cancel, early=early)


def read_into(report: ImportReport, path: Path, *, mapping: dict[str, str] | None = None, today: date | None = None,
              progress: Progress | None = None, cancel: Cancel | None = None, early: Early | None = None,
              sink: listread.Sink | None = None) -> ReadFile:
    """read_persons into a report made beforehand. `sink`: the accepted rows are handed to it as they are read
    (app.io.listread.read_persons), not kept in `records`: it can read the report meanwhile."""
    started = time.perf_counter()
    wanted = hdr.parse_mapping(mapping)
    today = today or date.today()
    accepted, row_warnings = listread.read_persons(path, wanted, today=today, report=report,
                                                   progress=_stepper(progress, cancel), early=early, sink=sink)
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
    report.persons_valid = plan.new_persons + len(plan.updated)
    if not report.refused:
        report.persons_added, report.households_added = plan.new_persons, len(plan.households)
        report.households_reused = len(plan.reused)
    return report


def import_persons(register: Register, path: str | Path, *, mapping: dict[str, str] | None = None,
                   skip_invalid: bool = False, dry_run: bool = False, today: date | None = None,
                   progress: Progress | None = None, cancel: Cancel | None = None,
                   early: Early | None = None) -> ImportReport:
    """Import the persons of a spreadsheet into the register; see the module's docstring. Planning against the
    register and writing are one action in one transaction (ImportFile); on SQLite the file is read in it too, part
    by part as it is written (app.io.pipeline), elsewhere it is read first. A dry run plans on a snapshot of the
    register and writes nothing. `early`: the file made ready beforehand (app.io.reader.Early)."""
    started = time.perf_counter()
    report: ImportReport
    if not dry_run and register.store.dialect == "sqlite":
        # Read, planned and written in one pass, each part of the file written while the next is read
        # (app.io.pipeline): the write lock is taken first, and a refused file is rolled back.
        register.store.check_integrity()
        op = ImportFile(Path(path).name, mapping=dict(mapping or {}), skip_invalid=skip_invalid, path=str(path),
                        today=today, early=early)
    else:
        read = read_persons(path, mapping=mapping, skip_invalid=skip_invalid, dry_run=dry_run, today=today,
                            progress=progress, cancel=cancel, early=early)
        if dry_run or (read.report.rejected and not skip_invalid):
            with register.reading() as session:
                report = complete_report(read, plan_import(session, register.commune_id, read.records,
                                                           read.report.columns))
            report.seconds = time.perf_counter() - started
            return report
        register.store.check_integrity()
        op = ImportFile(Path(path).name, mapping=dict(mapping or {}), skip_invalid=skip_invalid, prepared=read)
    try:
        report = register.apply(op, progress=progress, cancel=cancel).value
    except (ImportRefused, ImportChangesNothing) as outcome:  # rolled back: nothing to write, or refused
        report = outcome.report
    report.seconds = time.perf_counter() - started
    return report
