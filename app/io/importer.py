"""`hgd import`: households and members from a spreadsheet (XLSX, XLS or CSV), all or nothing.

    report = import_persons(register, "danh_sach.xlsx", mapping={"Tên": "ho_ten"}, skip_invalid=False)

File-level problems (not a spreadsheet, damaged, too large, no header, a missing required column …) raise HgdError
with one clear Vietnamese sentence naming the file, before the register is touched. Row-level problems go into the
report. By default any rejected row means nothing is written (the report lists every rejected row);
`skip_invalid` writes the valid rows; `dry_run` never writes. What is written is one action (one transaction, with
its audit trail), through app.store.bulk.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.io import header as hdr
from app.io.households import assemble, load_existing
from app.io.listread import read_persons
from app.io.report import ImportReport
from app.store.bulk import insert_register_rows

if TYPE_CHECKING:
    from app.register import Register

Progress = Callable[[int, int], None]


def import_persons(register: Register, path: str | Path, *, mapping: dict[str, str] | None = None, skip_invalid: bool = False,
                   dry_run: bool = False, today: date | None = None,
                   progress: Progress | None = None) -> ImportReport:
    """Import the persons of a spreadsheet into the register; see the module's docstring. `progress(done, total)`
    is called now and then with rows; it may raise to cancel (nothing is written then)."""
    started = time.perf_counter()
    path = Path(path)
    wanted = hdr.parse_mapping(mapping)
    today = today or date.today()
    report = ImportReport(str(path), dry_run=dry_run, skip_invalid=skip_invalid)
    accepted, row_warnings = read_persons(path, wanted, today=today, report=report, progress=progress)
    commune_code = register.commune().get("commune_code", "")
    with register.reading() as session:
        existing = load_existing(session, commune_code)
    plan = assemble(accepted, existing, commune_code, report.columns)
    report.present, report.persons_present = plan.present, len(plan.present)
    report.warnings = sorted(report.warnings + [w for w in row_warnings if w.row not in plan.present_rows]
                             + plan.warnings, key=lambda i: i.row)
    report.persons_valid = len(plan.persons)
    if report.refused:
        report.seconds = time.perf_counter() - started
        return report
    report.persons_added, report.households_added = len(plan.persons), len(plan.households)
    report.households_reused = len(plan.reused)
    if not dry_run and plan.persons:
        details = {"file": path.name, "sheet": report.sheet, "persons": len(plan.persons),
                   "households": len(plan.households), "rejected_rows": report.rows_rejected}
        with register.action("import", f"Nhập tệp {path.name}", details) as session:
            insert_register_rows(session, plan.households, plan.persons, plan.heads)
        report.committed = True
    report.seconds = time.perf_counter() - started
    return report
