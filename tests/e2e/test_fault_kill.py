"""A few random kills of each long write (bench/fault_kill.py does many): the register stays whole, holds the
state before or after the command — never a mix — and the command runs again (tests/faults.py)."""
from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1]))
import faults

KILLS = 4


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    return faults.inputs(tmp_path_factory.mktemp("input"), persons=1500)


@pytest.mark.parametrize("name", ["import", "undo", "event", "demo", "init"])
def test_a_killed_write_leaves_the_old_or_the_new_register_and_runs_again(name, inputs, tmp_path, monkeypatch):
    monkeypatch.setenv("HGD_FAULT_DEMO_PERSONS", "150")
    scenario = faults.SCENARIOS[name]
    before, after, seconds = faults.reference(scenario, tmp_path / "reference", inputs)
    assert before != after
    rng = random.Random(f"{name}-{seconds:.3f}")
    for i, delay in enumerate(faults.delays(KILLS, seconds * 1.1, rng)):
        t = faults.trial(scenario, tmp_path / f"kill{i}", inputs, delay, before, after)
        where = f"{name} killed after {delay:.3f}s of {seconds:.3f}s"
        assert t.problems == [], (where, t.problems)
        assert t.outcome in ("old", "new"), where
        assert t.outcome == "new" or not t.finished, where
        assert t.again in scenario.again and t.final_ok, (where, t.again)
        assert t.stale == [], (where, t.stale)


def test_an_import_undone_can_be_imported_again(tmp_path):
    from app.io import import_persons
    from app.register import Register

    csv = tmp_path / "p.csv"
    csv.write_text(faults.big_csv(30), encoding="utf-8")
    with Register.create(tmp_path / "xa.db", faults.COMMUNE) as reg:
        import_persons(reg, csv)
        reg.undo()
        assert import_persons(reg, csv).persons_added == 30
