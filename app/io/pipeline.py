"""The import on SQLite, read and written in one pass: each part of the file is written while the next is read.

Checking the rows is Python, which holds the interpreter's lock; SQLite's work on the inserts and their audit
entries is C, which releases it. So the operation's thread reads the file a few thousand rows at a time (the checks
of app.io.rows), plans each part against the register (app.io.planner.Planner: one sequential pass, fed part by
part), makes the part's statements — its new households, its new persons, the heads of its new households — and
hands them to a writer thread, which runs them, each table's inserts followed by their creation entries, on the
transaction's own connection while the next part is read. Only one thread uses the connection at a time: the
planner reads the register before the writer starts, and the rest (the matched persons' updates, the households
revived, the heads of households already in the register, the indexes made again, the issues) is written once the
writer is done, by the operation's thread, as without the pipeline.

Everything is the one transaction of the operation's action: an error in either thread, a cancel, or a refused row
stops the writer (it finishes the statement it runs, drops the rest) and is raised in the operation's thread, and
the caller rolls back. What is stored is what the import without the pipeline stores, entry for entry; only the
order of the audit entries differs (part by part: households, persons, heads).

A new household is written with its first persons once its address is known (its first member who has one gives
it, and it is not changed after): a household whose first rows have none is held back with its persons until a row
gives one, or the file ends.
"""
from __future__ import annotations

import math
import queue
import sqlite3
import sys
import threading
from contextlib import ExitStack
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table

from app.io import listread, operation
from app.io.planner import Planner
from app.store import write

if TYPE_CHECKING:
    from app.io.operation import ImportFile
    from app.io.planner import Plan
    from app.io.report import ImportReport
    from app.operations import OpContext

Row = dict[str, Any]
Statements = list[tuple[str, list[Any]]]
Step = tuple[Statements, Table | None]   # statements, then the creation entries of that table's new rows
QUEUED = 2            # parts made ahead of the writer at most (each holds its statements until written)
# The interpreter's switch interval (seconds) while the writer runs: each time SQLite hands back a result, the
# writer waits for the reading thread to let go of the interpreter's lock, up to 5 ms by default. Measured in process
# (median of 3, 150,000-person CSV): 5 ms 10.4–11.2 s, 1 ms 7.8 s, 0.5 ms 6.6 s, 0.2 ms 7.0 s, 0.1 ms 7.5 s; the
# 30,000-person XLSX is alike from 1 to 0.1 ms.
SWITCH_INTERVAL = 0.0005


class Writer:
    """A thread that runs the parts' statements in turn on the driver's connection. The caller must not use the
    connection until `close` returned; an error of the thread is raised by the next `put` or by `close`. `rowids`:
    each audited table's largest rowid before the writes (its new rows' entries are made from the rows above it)."""

    def __init__(self, dbapi: sqlite3.Connection, now: datetime, action: tuple[str, str],
                 rowids: dict[Table, int]) -> None:
        self.dbapi, self.now, self.action, self.rowids = dbapi, now, action, dict(rowids)
        self.failed: BaseException | None = None
        self._abandoned = False
        self._jobs: queue.Queue[list[Step] | None] = queue.Queue(maxsize=QUEUED)
        self._thread = threading.Thread(target=self._run, name="hgd-import-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        cursor = self.dbapi.cursor()
        try:
            while True:
                job = self._jobs.get()
                if job is None:
                    return
                if self.failed is None and not self._abandoned:  # else dropped: the queue empties, put never waits
                    try:
                        self._write(cursor, job)
                    except BaseException as exc:  # noqa: BLE001 - raised in the caller's thread
                        self.failed = exc
                del job
        finally:
            cursor.close()

    def _write(self, cursor: sqlite3.Cursor, job: list[Step]) -> None:
        for statements, audited in job:
            for sql, params in statements:
                cursor.execute(sql, params)
            if audited is not None:
                write.audit_created(self.dbapi, audited, self.rowids[audited], self.action, self.now)
                # The rows were appended: the last one inserted has the largest rowid.
                self.rowids[audited] = cursor.lastrowid or self.rowids[audited]

    def put(self, job: list[Step]) -> None:
        self._raise()
        if job:
            self._jobs.put(job)

    def close(self, *, abandon: bool = False) -> None:
        """Wait until every part given is written (`abandon`: only the statement being run; the rest is dropped,
        the transaction is about to be rolled back); then raise the thread's error, if any."""
        self._abandoned = self._abandoned or abandon
        self._jobs.put(None)
        self._thread.join()
        if not abandon:
            self._raise()

    def _raise(self) -> None:
        if self.failed is not None:
            raise self.failed


class _Feed:
    """The sink the file's reader hands its accepted rows to (app.io.listread.Sink): plan them, and give the writer
    what can be written. The planner starts with the first part (its issues name the columns of the header, read
    by then), and so does the writer (the first part foretells the sizes of the writes)."""

    def __init__(self, ctx: OpContext, report: ImportReport, skip_invalid: bool, stack: ExitStack) -> None:
        self.ctx, self.report, self.skip_invalid, self.stack = ctx, report, skip_invalid, stack
        self._planner: Planner | None = None
        self.writer: Writer | None = None
        self.refused = False           # rows refused without skip_invalid: read on for the report, write nothing
        self.addresses = True          # the file has an address column
        self.variables = 999           # the connection's limit of values bound by one statement
        self.households_seen = 0       # plan.households looked at
        self.waiting: dict[str, Row] = {}          # new households held back (no address yet), by id
        self.held: dict[str, list[Row]] = {}       # their persons, in file order
        self.heads_held: dict[str, str] = {}       # their heads
        self.heads_written: set[str] = set()       # households whose head the writer sets

    @property
    def planner(self) -> Planner:
        if self._planner is None:  # it reads the register: never while the writer runs
            assert self.ctx.commune_id is not None and self.writer is None
            self._planner = Planner(self.ctx.session, self.ctx.commune_id, self.report.columns)
        return self._planner

    def __call__(self, records: list[tuple[int, Row]], total: int) -> None:
        self.ctx.check_cancel()
        planner = self.planner
        plan = planner.plan
        count, persons, households = len(records), plan.new_persons, len(plan.households)
        planner.feed(records)
        if not self.skip_invalid and (self.report.rejected or plan.rejected):
            self.refused = True
        if self.refused:  # nothing is written: the persons are only counted
            plan.written += len(plan.persons)
            plan.persons.clear()
            return
        if self.writer is None:
            self._start(total, count, plan.new_persons - persons, len(plan.households) - households)
        self._put(*self._ready())

    def _start(self, total: int, count: int, persons: int, households: int) -> None:
        """The writer, and before it the bulk write's set-up (app.store.write.bulk: which tables' indexes are made
        after the writes), its sizes foretold by this first part."""
        ctx, plan = self.ctx, self.planner.plan
        self.addresses = "dia_chi" in self.report.columns
        scale = max(total, count) / max(count, 1)
        persons_est, households_est = math.ceil(persons * scale), math.ceil(households * scale)
        entries_est = persons_est + 2 * households_est + math.ceil(len(plan.updates) * scale)
        self.stack.enter_context(write.bulk(ctx.session, {operation.HOUSEHOLDS: households_est,
                                                          operation.PERSONS: persons_est,
                                                          operation.AUDIT: entries_est}))
        dbapi = write.driver_connection(ctx.session)
        self.variables = write.variable_limit(dbapi)
        rowids = {table: write.max_rowid(ctx.session, table) for table in (operation.HOUSEHOLDS, operation.PERSONS)}
        # The action's values are read here, before the writer starts: loaded, they are read later without a query.
        self.writer = Writer(dbapi, ctx.action.at, (ctx.action.id, ctx.action.actor), rowids)

    def _ready(self) -> tuple[list[Row], list[Row], list[tuple[str, str]]]:
        """The new households, new persons and heads of new households that can be written now: this part's, and
        those held back until now. The persons leave the plan (counted in plan.written)."""
        plan, waiting, held, sealed = self.planner.plan, self.waiting, self.held, self.planner.sealed
        households: list[Row] = []
        for household in plan.households[self.households_seen:]:
            if "address" in household or not self.addresses:
                households.append(household)
                sealed.add(household["id"])
            else:
                waiting[household["id"]] = household
                held[household["id"]] = []
        self.households_seen = len(plan.households)
        persons: list[Row] = []
        heads: list[tuple[str, str]] = []   # a household's head is one of its new persons, planned with it
        released = False
        head_of = plan.heads.get
        for person in plan.persons:
            hid, pid = person["household_id"], person["id"]
            if head_of(hid) == pid and (hid in sealed or hid in waiting):  # others: the register's, set at the end
                heads.append((hid, pid))
            if hid in waiting:
                held[hid].append(person)
                if "address" in waiting[hid]:  # a row of this part gave it one: it is final
                    households.append(waiting.pop(hid))
                    sealed.add(hid)
                    persons += held.pop(hid)
                    released = True
            else:
                persons.append(person)
        plan.written += len(plan.persons)
        plan.persons.clear()
        if released:
            heads += [(hid, self.heads_held.pop(hid)) for hid in list(self.heads_held) if hid in sealed]
        self.heads_held.update((hid, pid) for hid, pid in heads if hid in waiting)
        heads = [(hid, pid) for hid, pid in heads if hid in sealed]
        if released:  # in the order of the file, as the import without the pipeline writes them
            households.sort(key=_id)
            persons.sort(key=_id)
        return households, persons, heads

    def _put(self, households: list[Row], persons: list[Row], heads: list[tuple[str, str]]) -> None:
        """The statements of a part, made here (Python, in this thread), run by the writer (SQLite's C, without the
        interpreter's lock)."""
        ctx = self.ctx
        assert self.writer is not None and ctx.commune_id is not None
        now, job = ctx.action.at, list[Step]()
        if households:
            job.append((list(write.insert_statements(operation.HOUSEHOLDS, households, now, None, self.variables)),
                        operation.HOUSEHOLDS))
        if persons:
            job.append((list(write.insert_statements(operation.PERSONS, persons, now,
                                                     {"commune_id": ctx.commune_id}, self.variables)),
                        operation.PERSONS))
            touch = ctx.changes.touch
            for r in persons:
                touch("person", r["id"], created=True)
        if heads:
            changes = [(hid, {"head_person_id": None}, {"head_person_id": pid}) for hid, pid in heads]
            job.append((write.update_statements(operation.HOUSEHOLDS, changes, act=ctx.action, now=now,
                                                variables=self.variables), None))
            self.heads_written.update(hid for hid, _pid in heads)
        self.writer.put(job)

    def finish(self) -> None:
        """Write the households held back to the end, with their persons and heads (a part at a time: a file whose
        address column is empty holds them all), and wait for the writer."""
        if self.writer is None:
            return
        households = sorted(self.waiting.values(), key=_id)
        persons = sorted((p for ps in self.held.values() for p in ps), key=_id)
        self.planner.sealed.update(self.waiting)
        heads = list(self.heads_held.items())
        self.waiting.clear()
        self.held.clear()
        self.heads_held.clear()
        self._put(households, [], [])
        size = listread.SINK_ROWS
        while persons:
            self._put([], persons[:size], [])
            del persons[:size]
        self._put([], [], heads)
        self.writer.close()

    def abandon(self) -> None:
        if self.writer is not None:
            self.writer.close(abandon=True)


def _id(row: Row) -> str:
    key: str = row["id"]
    return key


def run(ctx: OpContext, op: ImportFile) -> ImportReport:
    """Read, plan and write the import; return its report, or raise ImportRefused / ImportChangesNothing (what
    was written is the caller's to roll back, as on any error)."""
    from app.io.importer import complete_report, read_into
    from app.io.report import ImportReport

    path = Path(op.path or op.file)
    report = ImportReport(str(path), dry_run=False, skip_invalid=op.skip_invalid)
    switch = sys.getswitchinterval()
    with ExitStack() as stack:  # write.bulk: entered with the writer, left when all but the issues is written
        feed = _Feed(ctx, report, op.skip_invalid, stack)
        sys.setswitchinterval(min(switch, SWITCH_INTERVAL))
        try:
            read = read_into(report, path, mapping=op.mapping, today=op.today or ctx.today, progress=ctx.progress,
                             cancel=ctx.cancel, early=op.early, sink=feed)
            ctx.progress(0, 1, "plan")
            plan = feed.planner.finish()
            report = complete_report(read, plan)
            operation.check_outcome(plan, report)
            feed.finish()
        except BaseException:
            feed.abandon()
            raise
        finally:
            sys.setswitchinterval(switch)
        ctx.check_cancel()
        total = len(plan.households) + plan.new_persons + len(plan.updates) + 1
        ctx.progress(total - len(plan.updates) - 1, total, "write")
        operation.write_updates(ctx, plan, _heads_left(plan, feed.heads_written))
    operation.finish(ctx, plan, report, total)
    return report


def _heads_left(plan: Plan, written: set[str]) -> dict[str, str]:
    return {hid: pid for hid, pid in plan.heads.items() if hid not in written}
