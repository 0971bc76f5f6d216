"""Fault benchmark: kill each long write of the installed `hgd` (import, undo of that import, an event, demo, init)
with SIGKILL at random moments over its run, then check the register (tests/faults.py): whole, the state before or
after — never a mix — and the command runs again to the state after it.

    python bench/fault_kill.py [--kills 25] [--persons 5000] [--demo-persons 2000] [--seed 1]

Figures go to bench/out/fault_kill.json: per command, the kills, how many hit before / after the end, the states
found, any problem, and the run's median time.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import faults
from bench.common import OUT, machine

HGD = str(Path(sys.executable).parent / "hgd")


def run_killed(argv: list[str], delay: float) -> bool:
    """Start the installed hgd, SIGKILL it after `delay` seconds; whether it ended on its own first."""
    with open(os.devnull, "wb") as null:
        proc = subprocess.Popen([HGD, *argv], stdout=null, stderr=null)
        try:
            proc.wait(timeout=delay)
            return True
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return False


def timed_run(scenario: faults.Scenario, folder: Path, inputs: Path) -> tuple[tuple, tuple, float]:
    folder.mkdir(parents=True)
    argv, db = scenario.prepare(folder, inputs)
    before = faults.state(db)
    started = time.perf_counter()
    subprocess.run([HGD, *argv, "--db", str(db)], check=True, capture_output=True)
    return before, faults.state(db), time.perf_counter() - started


def _startup() -> float:
    started = time.perf_counter()
    subprocess.run([HGD, "--version"], check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=25)
    ap.add_argument("--persons", type=int, default=5000)
    ap.add_argument("--demo-persons", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only", nargs="*", default=list(faults.SCENARIOS))
    args = ap.parse_args()
    os.environ["HGD_FAULT_DEMO_PERSONS"] = str(args.demo_persons)
    rng = random.Random(args.seed)
    results = {}
    startup = statistics.median(_startup() for _ in range(3))
    with tempfile.TemporaryDirectory(prefix="hgd-faults-") as tmp:
        work = Path(tmp)
        inputs = faults.inputs(work / "input", args.persons)
        for name in args.only:
            scenario = faults.SCENARIOS[name]
            runs = [timed_run(scenario, work / name / f"ref{i}", inputs) for i in range(3)]
            before, after = runs[0][0], runs[0][1]
            seconds = statistics.median(r[2] for r in runs)
            trials = []
            # most kills fall after Python has started (a kill before that proves nothing)
            lead = 0.8 * startup
            moments = [lead + d for d in faults.delays(args.kills, (seconds - lead) * 1.1, rng)]
            for i, delay in enumerate(moments):
                t = faults.trial(scenario, work / name / f"kill{i}", inputs, delay, before, after, run=run_killed)
                trials.append(t)
                faults.clean(work / name / f"kill{i}")
            bad = [t for t in trials if t.problems or t.outcome == "MIX" or not t.final_ok or t.stale
                   or t.again not in scenario.again]
            results[name] = {
                "kills": len(trials), "run_seconds_median": round(seconds, 2),
                "killed_before_end": sum(not t.finished for t in trials),
                "old_state": sum(t.outcome == "old" for t in trials),
                "new_state": sum(t.outcome == "new" for t in trials),
                "mixed_state": sum(t.outcome == "MIX" for t in trials),
                "damaged": sum(bool(t.problems) for t in trials),
                "rerun_ok": sum(t.final_ok and t.again in scenario.again for t in trials),
                "work_files_left": sum(bool(t.stale) for t in trials),
                "failures": [vars(t) for t in bad],
            }
            r = results[name]
            print(f"{name:7} {r['kills']} kills over {seconds:.2f}s: {r['killed_before_end']} mid-run, "
                  f"old {r['old_state']}, new {r['new_state']}, mixed {r['mixed_state']}, damaged {r['damaged']}, "
                  f"re-run ok {r['rerun_ok']}/{r['kills']}", flush=True)
    report = {"machine": machine(), "startup_seconds": round(startup, 2), "persons_in_file": args.persons,
              "demo_persons": args.demo_persons, "seed": args.seed, "results": results}
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "fault_kill.json").write_text(json.dumps(report, ensure_ascii=False, indent=2, default=str))
    if any(r["failures"] for r in results.values()):
        sys.exit("fault benchmark: some kills left a register that is not whole (see bench/out/fault_kill.json)")


if __name__ == "__main__":
    main()
