"""The import as one operation: plan against the register and write, in the transaction that holds the write lock,
so that two imports of the same file at once store its persons once (the second plans on the first's result).

What is written: new households (with their heads), new persons, the fields that matched persons gain, and every
row's issues in `import_issues` — a value that could not be stored stays there for the review. Undoing the import
voids what it created and restores what it updated.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table

from app import messages
from app.errors import HgdError
from app.ids import new_ids
from app.operations import Changes, OpContext, Operation
from app.store import write
from app.store.models import AuditEntry, Household, ImportIssue, Person

if TYPE_CHECKING:
    from app.io.importer import ReadFile
    from app.io.planner import Plan
    from app.io.reader import Early
    from app.io.report import ImportReport

# Declarative models type `__table__` as a FromClause; these are Tables, as the writers need.
HOUSEHOLDS = cast(Table, Household.__table__)
PERSONS = cast(Table, Person.__table__)
ISSUES = cast(Table, ImportIssue.__table__)
AUDIT = cast(Table, AuditEntry.__table__)
_CHUNK = 20_000  # new persons written at a time (between two progress steps and cancel checks)

messages.register({
    "op.import": ("Nhập tệp {file}", "Import {file}"),
})


class ImportRefused(HgdError):
    """Rows were refused and the clerk did not ask to skip them: nothing is written; the report says why."""

    def __init__(self, report: ImportReport) -> None:
        super().__init__("import.nothing", rows=report.rows_rejected, valid=report.persons_valid)
        self.report = report


class ImportChangesNothing(HgdError):
    """Every row is already in the register as it is: no action is recorded (there would be nothing to undo)."""

    def __init__(self, report: ImportReport) -> None:
        super().__init__("import.already", count=report.persons_present)
        self.report = report


@dataclass(frozen=True)
class ImportFile(Operation):
    """Import a persons file. `prepared`: the file already read (app.io.importer.read_persons); its records are
    consumed by the plan (apply it once). Without it, on SQLite, the file is read, planned and written in one pass
    (app.io.pipeline); elsewhere it is read first."""

    file: str
    mapping: dict[str, str] = field(default_factory=dict)
    skip_invalid: bool = False
    path: str | None = None
    prepared: ReadFile | None = field(default=None, compare=False, repr=False)
    today: date | None = field(default=None, compare=False, repr=False)   # the rows' checks' today (tests)
    early: Early | None = field(default=None, compare=False, repr=False)  # the file made ready beforehand

    kind = "import"
    label_key = "op.import"

    def label_params(self) -> dict[str, Any]:
        return {"file": self.file}

    def params(self) -> dict[str, Any]:
        return {"file": self.file, "mapping": dict(self.mapping), "skip_invalid": self.skip_invalid}

    def apply(self, ctx: OpContext) -> Changes:
        from app.io.importer import complete_report, read_persons
        from app.io.planner import plan_import

        assert ctx.commune_id is not None
        if self.prepared is None and ctx.session.get_bind().dialect.name == "sqlite":
            from app.io import pipeline

            report = pipeline.run(ctx, self)
        else:
            read = self.prepared or read_persons(self.path or self.file, mapping=self.mapping,
                                                 skip_invalid=self.skip_invalid, today=self.today or ctx.today,
                                                 progress=ctx.progress, cancel=ctx.cancel, early=self.early)
            ctx.check_cancel()
            ctx.progress(0, 1, "plan")
            plan = plan_import(ctx.session, ctx.commune_id, read.records, read.report.columns)
            report = complete_report(read, plan)
            check_outcome(plan, report)
            ctx.check_cancel()
            _write(ctx, plan, report)
        report.committed = True
        report.action_seq = ctx.action.seq
        ctx.changes.summary = {"persons_added": report.persons_added, "persons_updated": report.persons_updated,
                               "households_added": report.households_added,
                               "rows_rejected": report.rows_rejected, "file": self.file}
        ctx.value = report
        return ctx.changes


def check_outcome(plan: Plan, report: ImportReport) -> None:
    """Raise when nothing is to be written: rows were refused, or every row is in the register already."""
    if report.refused:
        raise ImportRefused(report)
    if not (plan.new_persons or plan.households or plan.updates or plan.heads or plan.revived):
        raise ImportChangesNothing(report)


def _write(ctx: OpContext, plan: Plan, report: ImportReport) -> None:
    session, now = ctx.session, ctx.action.at
    total = len(plan.households) + len(plan.persons) + len(plan.updates) + 1
    ctx.progress(0, total, "write")
    entries = len(plan.households) + len(plan.persons) + len(plan.heads) + len(plan.updates)
    with write.bulk(session, {HOUSEHOLDS: len(plan.households), PERSONS: len(plan.persons), AUDIT: entries}):
        write.insert(session, HOUSEHOLDS, plan.households, now=now)
        start = 0
        while plan.persons:  # written rows leave the plan: the memory they took serves the database's own work
            ctx.check_cancel()
            chunk = plan.persons[:_CHUNK]
            del plan.persons[:_CHUNK]
            write.insert(session, PERSONS, chunk, now=now, common={"commune_id": ctx.commune_id})
            for r in chunk:
                ctx.changes.touch("person", r["id"], created=True)
            ctx.progress(len(plan.households) + start, total, "write")
            start += len(chunk)
            del chunk
        write_updates(ctx, plan)
    finish(ctx, plan, report, total)


def write_updates(ctx: OpContext, plan: Plan, heads: dict[str, str] | None = None) -> None:
    """What the import changes in rows: the matched persons' new values, the revived households, the heads (`heads`:
    those not set yet, when not all of plan.heads)."""
    session, now = ctx.session, ctx.action.at
    write.update(session, PERSONS, plan.updates, now=now)
    revived = [(hid, old, {"status": "active", "head_person_id": None}) for hid, old in plan.revived]
    write.update(session, HOUSEHOLDS, revived, now=now)
    changes = [(hid, {"head_person_id": None}, {"head_person_id": pid})
               for hid, pid in (plan.heads if heads is None else heads).items()]
    write.update(session, HOUSEHOLDS, changes, now=now)


def finish(ctx: OpContext, plan: Plan, report: ImportReport, total: int) -> None:
    """The end of an import's write, with or without the pipeline: every row's issues stored, the progress done,
    the changes told (the new persons were told as they were written)."""
    _issues(ctx, plan, report)
    ctx.progress(total, total, "write")
    _touch_all(ctx, plan)


def _touch_all(ctx: OpContext, plan: Plan) -> None:
    """The import's changes but its new persons (touched as they are written)."""
    for r in plan.households:
        ctx.changes.touch("household", r["id"], created=True)
    for row_id, _old, _new in plan.updates:
        ctx.changes.touch("person", row_id)
    for hid, _old in plan.revived:
        ctx.changes.touch("household", hid)
    for hid in plan.heads:
        ctx.changes.touch("household", hid)


def _issues(ctx: OpContext, plan: Plan, report: ImportReport) -> None:
    """Every row's issues, kept with the person its row became (or matched), for the review."""
    ids = new_ids()
    rows = []
    for severity, issues in (("rejected", report.rejected), ("warning", report.warnings)):
        for i in issues:
            rows.append({"id": next(ids), "commune_id": ctx.commune_id, "action_id": ctx.action.id,
                         "person_id": plan.row_person.get(i.row), "file": report.path.rsplit("/", 1)[-1],
                         "sheet": getattr(i.row, "sheet", None) or report.sheet, "row": int(i.row),
                         "column": i.column, "value": i.value[:1000],
                         "reason_key": i.reason_key, "params": i.to_dict()["params"] or None,
                         "severity": "dropped" if i.dropped and severity == "warning" else severity})
    write.insert(ctx.session, ISSUES, rows, now=ctx.action.at, audited=False)
