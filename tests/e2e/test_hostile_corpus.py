"""Every file of the hostile corpus (tests/corpus/make_hostile.py) goes through `hgd import` in a child process that
measures each import's time and peak memory: a refused file gets one clear line naming it (exit 1, no traceback,
not the unexpected-error line) and leaves the register's bytes unchanged; a file that is read gives the rows the
case names; every case ends in a few seconds, and its peak resident memory stays under 300 MB.

The child runs the cases one after another, resetting its peak-memory mark between them (Linux clear_refs); where
that is not possible each case runs in a child of its own."""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from app.errors import HgdError
from app.io.importer import read_persons
from app.io.reader import Early
from app.register import Register

sys.path.insert(0, str(Path(__file__).parents[1] / "corpus"))
import make_hostile

PEAK_MB = 300
SECONDS = 8      # the import itself, in CPU seconds (the work done, whatever else the machine runs)
WALL = 120       # and in wall seconds: nothing waits forever (a FIFO, a lock)

_CHILD = r"""
import contextlib, io, json, os, shutil, sys, time
from app import cli

def peak_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0

def reset():
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False

template, work, *paths = sys.argv[1:]
results = []
for path in paths:
    db = os.path.join(work, "r.db")
    for leftover in [db, db + "-wal", db + "-shm"]:
        if os.path.exists(leftover):
            os.remove(leftover)
    shutil.copy(template, db)
    out, err = io.StringIO(), io.StringIO()
    resettable = reset()
    started, wall = time.process_time(), time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["import", "--db", db, path, "--json"])
    seconds, wall = time.process_time() - started, time.perf_counter() - wall
    results.append({"path": path, "code": code, "out": out.getvalue(), "err": err.getvalue(),
                    "seconds": seconds, "wall": wall, "peak_mb": peak_kb() / 1024, "measured": resettable})
print(json.dumps(results))
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return {c.name: c for c in make_hostile.build(tmp_path_factory.mktemp("hostile"))}


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    path = tmp_path_factory.mktemp("register") / "xa.db"
    Register.create(path, {"commune_name": "Xã Dân Lý", "commune_code": "15703"}, user="test").close()
    return path


@pytest.fixture(scope="module")
def results(corpus, template, tmp_path_factory):
    work = tmp_path_factory.mktemp("work")

    def child(paths: list[str]) -> list[dict]:
        done = subprocess.run([sys.executable, "-c", _CHILD, str(template), str(work), *paths], check=False, capture_output=True,
                              text=True, timeout=900, env={"HGD_LANG": "vi", "PATH": "/usr/bin:/bin"})
        assert done.returncode == 0, done.stderr[-3000:]
        return json.loads(done.stdout)

    found = child([str(c.path) for c in corpus.values()])
    if not all(r["measured"] for r in found):  # no way to reset the peak: one child per case
        found = [child([str(c.path)])[0] for c in corpus.values()]
    return {Path(r["path"]).name: r for r in found}


def test_the_corpus_holds_at_least_forty_cases_and_the_names_it_lists(corpus):
    assert len(corpus) >= 40 and set(corpus) == set(make_hostile.NAMES)


@pytest.mark.parametrize("case_name", make_hostile.NAMES)
def test_each_case_is_refused_or_read_as_it_should_be_in_bounded_time_and_memory(case_name, corpus, results):
    case, result = corpus[case_name], results[case_name]
    assert result["seconds"] < SECONDS, f"{case_name}: {result['seconds']:.1f} s"
    assert result["wall"] < WALL, f"{case_name}: {result['wall']:.1f} s of wall time"
    assert result["peak_mb"] < PEAK_MB, f"{case_name}: peak {result['peak_mb']:.0f} MB"
    err = result["err"].strip()
    assert "Traceback" not in result["out"] + err and "panicked" not in err
    assert "Lỗi không mong đợi" not in err, f"{case_name}: the unexpected-error line: {err}"
    if case.refused is not None:
        assert result["code"] == 1 and len(err.splitlines()) == 1, f"{case_name}: {result['code']} {err}"
        for word in (case_name,) + case.refused:
            assert word in err, f"{case_name}: {word!r} not in {err!r}"
        return
    report = json.loads(result["out"])
    rejected = [(r["row"], r["reason"]) for r in report["rejected"]]
    assert rejected == list(case.rejected), f"{case_name}: {rejected} {err}"
    assert report["persons_valid"] == case.persons, f"{case_name}: {report['persons_valid']} persons"
    assert result["code"] == (1 if case.rejected else 0)


def test_a_refused_file_leaves_the_register_unchanged(corpus, template, tmp_path):
    """The refusals happen before the register is touched: the byte-level check on a sample of them (the malformed
    corpus test checks every one of its own cases the same way)."""
    from app import cli
    db = tmp_path / "r.db"
    shutil.copy(template, db)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    for name in ("far_cell_newline.xlsx", "xls_dimensions_overflow.xls", "csv_cp1258_then_utf8.csv",
                 "shared_strings_count_lies.xlsx", "csv_combining_marks.csv"):
        assert cli.main(["import", "--db", str(db), str(corpus[name].path)]) == 1
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.db"]


def _outcome(path: Path, early: bool) -> tuple:
    """What reading the file gives: its refusal (key and parameters), or its report's counts and rows."""
    try:
        if early:
            with Early(path) as ready:
                read = read_persons(path, skip_invalid=True, today=date(2026, 12, 1), early=ready)
        else:
            read = read_persons(path, skip_invalid=True, today=date(2026, 12, 1))
    except HgdError as exc:
        return ("refused", exc.key, exc.params)
    r = read.report
    return ("read", r.sheets, r.sheets_skipped, r.rows_read, [(int(i.row), i.reason_key) for i in r.rejected],
            [(int(n), p["full_name"]) for n, p in read.records])


@pytest.mark.parametrize("case_name", [n for n in make_hostile.NAMES if n.endswith(".xlsx")])
def test_a_workbook_made_ready_early_reads_as_one_read_at_once(case_name, corpus):
    """`hgd import` checks an XLSX and starts its parsing before opening the register (app.io.reader.Early): the
    same refusals, with the same words, and the same rows as the reading that does it all at once."""
    path = corpus[case_name].path
    assert _outcome(path, early=True) == _outcome(path, early=False)
