"""The import on SQLite reads, plans and writes in one pass (app.io.pipeline): it stores what the import that reads the
whole file first stores — the same persons, households, audit entries, import issues and report — for files whose
households span rows far apart, with rejected and warned rows, refused files and re-imports; and an error in its
writer thread rolls everything back."""
from __future__ import annotations

import csv
import json
import random
import re
import sys
import threading
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.demo.generator import generate_people
from app.demo.spreadsheet import COLUMNS, person_rows
from app.io import import_persons, listread, pipeline
from app.io.importer import complete_report, read_persons
from app.io.operation import ImportChangesNothing, ImportFile, ImportRefused
from app.io.planner import plan_import
from app.register import Register
from app.store import write
from app.store.models import Action, Person

sys.path.insert(0, str(Path(__file__).parents[1] / "corpus"))
from make_sheets import xlsx

from tests.conftest import COMMUNE

TODAY = date(2025, 12, 1)
CLOCK = datetime(2025, 12, 1, 8, 30)
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
ADDRESS = COLUMNS.index("dia_chi")


def demo_rows(persons: int, seed: int) -> list[list[str]]:
    return [list(r) for r in person_rows(generate_people(persons, seed, TODAY, count="active"), persons)]


def varied(rows: list[list[str]], seed: int) -> list[list[str]]:
    """The rows shuffled (a household's members far apart), some addresses only on a later member's row or on none,
    and rows the reader refuses or warns about, or the planner refuses (a BHXH code twice, for two persons)."""
    rnd = random.Random(seed)
    rows = [list(r) for r in rows]
    rnd.shuffle(rows)
    seen: dict[str, int] = {}
    for i, row in enumerate(rows):
        code = row[COLUMNS.index("ma_ho")]
        seen[code] = seen.get(code, 0) + 1
        if seen[code] == 1 and i % 3 == 0 or code.endswith("7"):
            row[ADDRESS] = ""  # the household's address comes from a later member, or never
    name, birth, bhxh = (COLUMNS.index(c) for c in ("ho_ten", "ngay_sinh", "ma_so_bhxh"))
    rows[5][birth] = "31/02/1990"                      # refused: no such day
    rows[9][name] = ""                                 # refused: no name
    rows[14][bhxh] = "12AB"                            # refused: malformed code
    rows[20][COLUMNS.index("so_cccd")] = "0360750"     # warned: the ID number cannot be stored
    rows[26][COLUMNS.index("dan_toc")] = "Sao Hỏa"     # warned: unknown ethnicity
    twin = list(rows[30])
    twin[name] = "Hoàng Văn Khác"
    rows.insert(len(rows) - 3, twin)                   # the same BHXH code for someone else: refused by the plan
    rows.insert(len(rows) - 2, list(rows[40]))         # the same person twice: imported once
    return rows


def reread(rows: list[list[str]]) -> list[list[str]]:
    """A later file of the same commune: some persons gain a code or an ID number, some are new, in households old
    and new, one household without a head gets one."""
    out = []
    for i, row in enumerate(rows):
        row = list(row)
        if i % 4 == 0:
            row[COLUMNS.index("so_cccd")] = ""           # the register's value stays
        if i % 7 == 0:
            row[COLUMNS.index("noi_dk_khai_sinh")] += ", Việt Nam"  # an update
        out.append(row)
    extra = demo_rows(60, 99)
    for row in extra[:20]:
        row[COLUMNS.index("ma_ho")] = rows[len(out) // 2][COLUMNS.index("ma_ho")]  # new members of a household
    return out + extra


def without_pipeline(register: Register, path: Path, *, skip_invalid: bool = False):
    """The import as it was before the pipeline: the whole file read, then planned and written (ImportFile with the
    file read beforehand), or planned on a snapshot when refused."""
    read = read_persons(path, skip_invalid=skip_invalid, today=TODAY)
    if read.report.rejected and not skip_invalid:
        with register.reading() as session:
            return complete_report(read, plan_import(session, register.commune_id, read.records,
                                                     read.report.columns))
    op = ImportFile(path.name, skip_invalid=skip_invalid, prepared=read)
    try:
        return register.apply(op).value
    except (ImportRefused, ImportChangesNothing) as outcome:
        return outcome.report


def with_pipeline(register: Register, path: Path, *, skip_invalid: bool = False):
    return import_persons(register, path, skip_invalid=skip_invalid, today=TODAY)


def contents(register: Register) -> dict[str, Counter]:
    """The rows an import writes, as multisets (the audit entries' order differs), generated ids named by their
    order of creation."""
    with register.reading() as s:
        raw = s.connection().exec_driver_sql
        names: dict[str, str] = {}
        for table, tag, order in (("communes", "C", "id"), ("households", "H", "id"), ("persons", "P", "id"),
                                  ("actions", "A", "seq")):
            for n, (key,) in enumerate(raw(f"SELECT id FROM {table} ORDER BY {order}")):
                names[key] = f"{tag}{n}"

        def named(value: object) -> object:
            return UUID.sub(lambda m: names.get(m.group(0), "?"), value) if isinstance(value, str) else value

        out = {}
        after_creation = "action_id IN (SELECT id FROM actions WHERE seq > 1)"  # the register's own making aside
        for table, skipped, where in (("persons", (), ""), ("households", (), ""),
                                      ("audit_entries", ("id",), after_creation), ("import_issues", ("id",), ""),
                                      ("actions", ("id",), "seq > 1")):
            columns = [r[1] for r in raw(f"PRAGMA table_info({table})") if r[1] not in skipped]
            listed = ", ".join(f"{c}, typeof({c})" for c in columns)
            found = raw(f"SELECT {listed} FROM {table}" + (f" WHERE {where}" if where else ""))
            out[table] = Counter(tuple(named(v) for v in row) for row in found)
    return out


def report_of(report) -> dict:
    """What `hgd import --json` prints of it, and its lines."""
    out = report.to_dict()
    out.pop("seconds", None)
    out["summary"] = report.summary_lines(max_warnings=None)
    return json.loads(json.dumps(out, default=str))


@pytest.fixture
def pair(tmp_path):
    regs = []
    for name in ("pipeline.db", "whole.db"):
        reg = Register.create(tmp_path / name, COMMUNE, user="test")
        reg.clock = lambda: CLOCK
        regs.append(reg)
    yield regs
    for reg in regs:
        reg.close()


@pytest.fixture
def small_parts(monkeypatch):
    """Parts of 7 rows: households span many parts, the writer runs behind the reading."""
    monkeypatch.setattr(listread, "SINK_ROWS", 7)


def same(pair, steps) -> list:
    """Run the same steps on both registers, one with the pipeline, one without; the reports, compared."""
    piped, whole = pair
    reports = []
    for path, skip in steps:
        a = report_of(with_pipeline(piped, path, skip_invalid=skip))
        b = report_of(without_pipeline(whole, path, skip_invalid=skip))
        assert a == b
        reports.append(a)
    assert contents(piped) == contents(whole)
    return reports


def test_a_varied_file_is_stored_as_without_the_pipeline(pair, tmp_path, small_parts):
    rows = varied(demo_rows(400, 3), 1)
    path = xlsx(tmp_path / "f.xlsx", [list(COLUMNS)] + rows)
    (report,) = same(pair, [(path, True)])
    assert report["committed"] and report["persons_added"] > 350 and report["households_added"] > 80
    reasons = {i["reason"] for i in report["rejected"]}
    assert {"date.impossible", "row.no_name", "bhxh.malformed", "row.bhxh_twice"} <= reasons
    assert {"household.no_head", "row.ethnic_unknown"} <= {i["reason"] for i in report["warnings"]}
    assert "row.same_as_row" in {i["reason"] for i in report["present"]}
    with pair[0].reading() as s:
        assert s.connection().exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


def test_a_refused_file_and_a_file_already_imported_write_nothing_as_without_the_pipeline(pair, tmp_path,
                                                                                          small_parts):
    rows = varied(demo_rows(120, 4), 2)
    path = xlsx(tmp_path / "f.xlsx", [list(COLUMNS)] + rows)
    refused, imported, again = same(pair, [(path, False), (path, True), (path, True)])
    assert not refused["committed"] and refused["rows_rejected"] == 4 and refused["summary"][0].startswith("Không nhập")
    assert imported["committed"] and not again["committed"] and again["persons_added"] == 0
    with pair[0].reading() as s:
        assert s.scalar(select(func.count()).select_from(Action).where(Action.kind == "import")) == 1


def test_a_reimport_that_updates_and_adds_and_one_after_an_undo_are_stored_as_without_the_pipeline(pair, tmp_path,
                                                                                                     small_parts):
    rows = demo_rows(150, 5)
    random.Random(3).shuffle(rows)
    first = xlsx(tmp_path / "a.xlsx", [list(COLUMNS)] + rows)
    second = xlsx(tmp_path / "b.xlsx", [list(COLUMNS)] + reread(rows))
    _a, b = same(pair, [(first, True), (second, True)])
    assert b["persons_updated"] > 10 and b["persons_present"] > 50 and b["persons_added"] == 60
    assert b["households_reused"] >= 1
    for reg in pair:  # undone: the households are voided, and the next import revives them
        reg.undo()
        reg.undo()
    (c,) = same(pair, [(first, True)])
    assert c["households_added"] == 0 and c["households_reused"] > 30
    for reg in pair:
        reg.undo()
    with pair[0].reading() as s:
        assert s.scalar(select(func.count()).select_from(Person).where(Person.status == "active")) == 0


def test_a_csv_without_addresses_and_a_list_split_over_two_sheets_are_stored_as_without_the_pipeline(
        pair, tmp_path, small_parts):
    rows = varied(demo_rows(150, 8), 3)
    kept = [i for i, c in enumerate(COLUMNS) if c != "dia_chi"]
    path = tmp_path / "f.csv"
    with path.open("w", encoding="utf-8", newline="") as f:  # no address column: no household is held back
        csv.writer(f).writerows([[c for i, c in enumerate(COLUMNS) if i in kept]]
                                + [[v for i, v in enumerate(r) if i in kept] for r in rows])
    half = len(rows) // 2  # two sheets: their rows are handed on at once, when both are read
    split = xlsx(tmp_path / "split.xlsx", [list(COLUMNS)] + rows[:half],
                 sheets={"Trang 2": ([list(COLUMNS)] + rows[half - 5:], "visible")})
    (a,) = same(pair, [(path, True)])
    assert a["committed"] and a["persons_added"] > 100
    for reg in pair:
        reg.undo()
    (b,) = same(pair, [(split, True)])
    assert b["committed"] and b["sheets"] == ["Sheet", "Trang 2"]


def test_a_file_whose_address_column_is_empty_is_stored_as_without_the_pipeline(pair, tmp_path, small_parts):
    rows = varied(demo_rows(100, 9), 4)
    for row in rows:
        row[ADDRESS] = ""  # every household held back to the end of the file
    path = xlsx(tmp_path / "f.xlsx", [list(COLUMNS)] + rows)
    (a,) = same(pair, [(path, True)])
    assert a["committed"] and a["households_added"] > 20


def test_the_writer_thread_writes_while_the_file_is_read(register, tmp_path, small_parts, monkeypatch):
    fed, seen = [0], []
    real_feed, real_write = pipeline._Feed.__call__, pipeline.Writer._write

    def feed(self, records, total):
        fed[0] += 1
        real_feed(self, records, total)

    def spy(self, cursor, job):
        seen.append((threading.current_thread().name, fed[0]))
        real_write(self, cursor, job)

    monkeypatch.setattr(pipeline._Feed, "__call__", feed)
    monkeypatch.setattr(pipeline.Writer, "_write", spy)
    path = xlsx(tmp_path / "f.xlsx", [list(COLUMNS)] + demo_rows(200, 6))
    assert with_pipeline(register, path).committed
    assert {name for name, _ in seen} == {"hgd-import-writer"}
    assert seen[0][1] < fed[0] - pipeline.QUEUED  # written while later parts were still to be read


def test_an_error_in_the_writer_thread_rolls_the_import_back(register, tmp_path, small_parts, monkeypatch):
    before = sorted(register.store.execute_sql("SELECT name, sql FROM sqlite_master WHERE type = 'index'"))
    calls, threads = [0], set()
    real = write.audit_created

    def failing(*args, **kwargs):
        calls[0] += 1
        threads.add(threading.current_thread().name)
        if calls[0] == 6:
            raise OSError("disk gone")
        return real(*args, **kwargs)

    monkeypatch.setattr(write, "REBUILD_INDEXES_FROM", 5)  # the persons' indexes dropped, to be made again
    monkeypatch.setattr(write, "audit_created", failing)
    path = xlsx(tmp_path / "f.xlsx", [list(COLUMNS)] + demo_rows(200, 7))
    with pytest.raises(Exception) as err:
        with_pipeline(register, path)
    assert "disk" in str(err.value) or getattr(err.value, "key", "") in ("db.io_error", "db.disk_full")
    assert threads == {"hgd-import-writer"}
    assert register.store.execute_sql("SELECT count(*) FROM persons") == [(0,)]
    assert register.store.execute_sql("SELECT count(*) FROM households") == [(0,)]
    assert register.store.execute_sql("SELECT count(*) FROM actions WHERE kind = 'import'") == [(0,)]
    assert sorted(register.store.execute_sql("SELECT name, sql FROM sqlite_master WHERE type = 'index'")) == before
    monkeypatch.setattr(write, "audit_created", real)
    assert with_pipeline(register, path).committed  # nothing left behind in the way of the next import
