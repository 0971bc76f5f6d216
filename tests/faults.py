"""Fault scenarios: a long write killed (SIGKILL) at a random moment, then the register examined and the command run
again. Shared by tests/e2e/test_fault_kill.py (a few kills each, in `make test`) and bench/fault_kill.py (many).

After every kill the register must pass `PRAGMA integrity_check` and `foreign_key_check`, hold exactly the state
before the command or the state after it (counts of every kind of record — never a mix), have every living
person's household present, and the command must run again to the state after it (or be refused as already done,
when the kill came after the end).
"""
from __future__ import annotations

import os
import random
import shutil
import sqlite3
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent / "corpus"))
from make_db_targets import big_csv

import forked

COMMUNE = {"commune_name": "Xã Dân Lý", "commune_code": "15703"}
ABSENT = ("absent",)

# What a state is made of: the count of every kind of record, by status where records have one.
STATE_SQL = (
    "SELECT status, COUNT(*) FROM persons GROUP BY status",
    "SELECT status, COUNT(*) FROM households GROUP BY status",
    "SELECT status, COUNT(*) FROM events GROUP BY status",
    "SELECT undone, COUNT(*) FROM actions GROUP BY undone",
    "SELECT COUNT(*) FROM audit_entries",
    "SELECT COUNT(*) FROM import_issues",
    "SELECT COUNT(*) FROM event_subjects",
    "SELECT COUNT(*) FROM communes",
)
ORPHANS = ("SELECT COUNT(*) FROM persons p WHERE p.status NOT IN ('void', 'merged') AND p.household_id IS NOT NULL "
           "AND NOT EXISTS (SELECT 1 FROM households h WHERE h.id = p.household_id AND h.status != 'void')")


@dataclass
class Scenario:
    name: str
    prepare: Callable[[Path, Path], tuple[list[str], Path]]   # (folder, inputs) -> (argv without --db, db)
    again: tuple[str, ...] = ("ok",)  # what a run after a kill that came after the end may say


def _register(folder: Path, name: str = "xa.db") -> Path:
    from app.register import Register

    db = folder / name
    Register.create(db, COMMUNE, user="fault").close()
    return db


def prepare_import(folder: Path, inputs: Path) -> tuple[list[str], Path]:
    return ["import", str(inputs / "nguoi.csv")], _register(folder)


def prepare_undo(folder: Path, inputs: Path) -> tuple[list[str], Path]:
    db = _register(folder)
    out = forked.run(["import", "--db", str(db), str(inputs / "nguoi.csv"), "--json"], timeout=300)
    assert out.key == "ok", out.err
    return ["undo"], db


def prepare_event(folder: Path, inputs: Path) -> tuple[list[str], Path]:
    db = _register(folder)
    out = forked.run(["import", "--db", str(db), str(inputs / "nguoi.csv"), "--json"], timeout=300)
    assert out.key == "ok", out.err
    return ["event", "move-in", "--new-household", "HMOI01", "--name", "Lê Văn Mới", "--sex", "M", "--born",
            "1990-05-05", "--relation", "Chủ hộ", "--date", "2025-02-01"], db


def prepare_demo(folder: Path, inputs: Path) -> tuple[list[str], Path]:
    return ["demo", "--persons", str(int(os.environ.get("HGD_FAULT_DEMO_PERSONS", "300")))], folder / "demo.db"


def prepare_init(folder: Path, inputs: Path) -> tuple[list[str], Path]:
    return ["init", "--commune-name", "Xã Dân Lý", "--commune-code", "15703"], folder / "xa.db"


SCENARIOS = {
    "import": Scenario("import", prepare_import, ("ok", "import.already")),
    "undo": Scenario("undo", prepare_undo, ("ok", "undo.not_undoable")),
    "event": Scenario("event", prepare_event, ("ok", "registry.code_taken")),
    "demo": Scenario("demo", prepare_demo, ("ok", "register.exists")),
    "init": Scenario("init", prepare_init, ("ok", "register.exists")),
}


def inputs(folder: Path, persons: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "nguoi.csv").write_text(big_csv(persons), encoding="utf-8")
    return folder


def state(db: Path) -> tuple:
    """The register's state as counts (ABSENT: no register there). Opened as the next command would open it: a
    log left by the killed writer is read (and folded in)."""
    if not db.exists() or db.stat().st_size == 0:
        return ABSENT
    con = sqlite3.connect(db, isolation_level=None)
    try:
        return tuple(tuple(sorted(con.execute(sql).fetchall(), key=repr)) for sql in STATE_SQL)
    finally:
        con.close()


def problems(db: Path) -> list[str]:
    """What is wrong with the register as a whole: damage, broken keys, persons without their household."""
    if not db.exists():
        return []
    con = sqlite3.connect(db, isolation_level=None)
    try:
        out = [r[0] for r in con.execute("PRAGMA integrity_check")]
        out = [] if out == ["ok"] else out
        out += [f"broken key {r}" for r in con.execute("PRAGMA foreign_key_check")]
        orphans = con.execute(ORPHANS).fetchone()[0]
        if orphans:
            out.append(f"{orphans} persons without their household")
    finally:
        con.close()
    return out


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".hgd-"))


@dataclass
class Trial:
    delay: float
    finished: bool        # the command ended before the kill
    outcome: str          # "old", "new" or "MIX"
    problems: list[str]
    again: str            # the re-run's outcome key
    final_ok: bool        # after the re-run, the register is in the state after the command
    stale: list[str]      # work files left after the re-run


def reference(scenario: Scenario, folder: Path, inputs_folder: Path) -> tuple[tuple, tuple, float]:
    """The states before and after one complete run, and how long the run took."""
    folder.mkdir(parents=True)
    argv, db = scenario.prepare(folder, inputs_folder)
    before = state(db)
    out = forked.run([*argv, "--db", str(db), "--json"], timeout=600)
    assert out.key == "ok", out.err
    return before, state(db), out.seconds


def trial(scenario: Scenario, folder: Path, inputs_folder: Path, delay: float, before: tuple,
          after: tuple, *, run: Callable | None = None) -> Trial:
    """One kill after `delay` seconds, then the checks and the re-run. `run(argv, kill_after)` starts and kills
    the command (a forked child by default; the benchmark uses the installed `hgd`)."""
    folder.mkdir(parents=True)
    argv, db = scenario.prepare(folder, inputs_folder)
    full = [*argv, "--db", str(db), "--json"]
    if run is None:
        pid, out, err = forked.start(full)
        result = forked.wait(pid, out, err, kill_after=delay)
        finished = result.signal is None
    else:
        finished = run(full, delay)
    now = state(db)
    found = problems(db)
    outcome = "old" if now == before else "new" if now == after else "MIX"
    again = forked.run(full, timeout=600)
    final = state(db)
    return Trial(delay, finished, outcome, found, again.key, final == after, leftovers(folder))


def delays(n: int, span: float, rng: random.Random) -> list[float]:
    """`n` kill moments spread over the run (one in each n-th of it, at random within)."""
    return [(i + rng.random()) * span / n for i in range(n)]


def clean(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def now() -> float:
    return time.perf_counter()
