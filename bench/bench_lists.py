"""Lists benchmark: a month's lists for a 30,000-person commune (the demo commune, its last full month open).

Per run, on a fresh copy of the register: locking the month (its events assigned, the rows derived, checked and
frozen) and making every file of it (each list as XLSX and PDF, the template), timed inside a child process; then
`hgd lists` on the locked month as a user runs it (wall time and peak memory of the whole command).
Usage: python bench/bench_lists.py [--runs 3] [--persons 30000]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.common import OUT, hgd, machine, median_of, run_measured


def cpu_measured(args: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak memory (MiB) of one child process: on a shared, loaded
    machine the CPU time says more than the wall time."""
    started = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(map(str, args))} failed")
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024

TODAY = date(2026, 12, 3)
MONTH = "2026-11"

CHILD = """
import time
from datetime import date, datetime
from app.register import Register
from app.lists.period_ops import LockPeriod
from app.lists.documents import period_documents, write_documents
reg = Register.open({db!r})
reg.today = lambda: date(2026, 12, 3)
reg.clock = lambda: datetime(2026, 12, 3, 9)
started, cpu0 = time.perf_counter(), time.process_time()
value = reg.apply(LockPeriod({month!r}, override_reason="benchmark")).value
locked, cpu1 = time.perf_counter(), time.process_time()
docs = period_documents(reg, {month!r})
write_documents(docs, {out!r})
done, cpu2 = time.perf_counter(), time.process_time()
rows = sum(fl["persons"] for fl in value["lists"])
print(locked - started, done - locked, cpu1 - cpu0, cpu2 - cpu1, value["events"], rows, len(docs))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--persons", type=int, default=30_000)
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    base = OUT / f"lists_demo_{args.persons}.db"
    if not base.exists():
        from app.demo import create_demo

        create_demo(base, persons=args.persons, seed=1, today=TODAY)
    lock_s, docs_s, lock_cpu, docs_cpu, child_peaks, cli_s, cli_cpu, cli_peaks = [], [], [], [], [], [], [], []
    counts: tuple[str, ...] = ()
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "xa.db"
            shutil.copy(base, db)
            code = CHILD.format(db=str(db), month=MONTH, out=str(Path(tmp) / "out"))
            _, peak, done = run_measured([sys.executable, "-c", code])
            locked, made, locked_cpu, made_cpu, *counts = done.stdout.split()
            lock_s.append(float(locked))
            docs_s.append(float(made))
            lock_cpu.append(float(locked_cpu))
            docs_cpu.append(float(made_cpu))
            child_peaks.append(peak)
            seconds, cpu, peak = cpu_measured(hgd("lists", "--db", db, "--period", MONTH, "--out", Path(tmp) / "cli"))
            cli_s.append(seconds)
            cli_cpu.append(cpu)
            cli_peaks.append(peak)
    events, rows, files = (int(c) for c in counts)
    results = {"machine": machine(), "persons": args.persons, "month": MONTH, "events": events, "rows": rows,
               "files": files, "runs": args.runs,
               "load_average_1min": round(os.getloadavg()[0], 1),
               "lock_median_s": median_of(lock_s), "lock_cpu_median_s": median_of(lock_cpu),
               "lock_runs_s": [round(t, 2) for t in lock_s],
               "documents_median_s": median_of(docs_s), "documents_cpu_median_s": median_of(docs_cpu),
               "documents_runs_s": [round(t, 2) for t in docs_s],
               "lock_and_documents_peak_rss_mib": round(max(child_peaks)),
               "cli_lists_median_s": median_of(cli_s), "cli_lists_cpu_median_s": median_of(cli_cpu),
               "cli_lists_runs_s": [round(t, 2) for t in cli_s], "cli_lists_peak_rss_mib": round(max(cli_peaks))}
    print(json.dumps(results, ensure_ascii=False, indent=2))
    (OUT / "bench_lists.json").write_text(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
