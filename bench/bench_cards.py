"""Card-holder reconciliation benchmark: a 30,000-row card-holder list (tests/corpus/card_list.py: 1 % dropped,
1 % strangers, 2 % without any code, 1 % another card end) reconciled with the demo commune it was made from.

Per run, in a child process: reading the list and reconciling it (matches and proposals), timed; then `hgd cards`
on it as a user runs it (wall time, CPU time and peak memory of the whole command).
Usage: python bench/bench_cards.py [--runs 3] [--rows 30000]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "corpus"))
from bench.common import OUT, hgd, machine, median_of, run_measured

TODAY = date(2026, 12, 3)

CHILD = """
import time
from datetime import date
from app.register import Register
from app.lists.cards.read import read_card_list
from app.lists.cards.match import reconcile
started, cpu0 = time.perf_counter(), time.process_time()
cards = read_card_list({path!r}, today=date(2026, 12, 3))
read, cpu1 = time.perf_counter(), time.process_time()
with Register.open({db!r}, write=False) as reg, reg.reading() as s:
    result = reconcile(s, reg.commune_id, cards, date(2026, 12, 3))
done, cpu2 = time.perf_counter(), time.process_time()
summary = result.summary()
print(read - started, done - read, cpu1 - cpu0, cpu2 - cpu1, summary["rows"], summary["matched"],
      summary["matched_by"]["cccd"], summary["matched_by"]["criteria"], summary["missing_from_register"],
      summary["without_card"], summary["differs"], summary["possible"])
"""


def cpu_measured(args: list[str]) -> tuple[float, float, float]:
    started = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(map(str, args))} failed")
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--rows", type=int, default=30_000)
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    persons = round(args.rows * 1.2)  # about 9 in 10 members hold a card
    db = OUT / f"cards_demo_{persons}.db"
    path = OUT / f"cards_{args.rows}.xlsx"
    if not db.exists():
        from app.demo import create_demo

        create_demo(db, persons=persons, seed=1, today=TODAY)
    if not path.exists():
        from card_list import card_holders, write_card_list
        from sqlalchemy import select

        from app.register import Register
        from app.store.models import Person

        with Register.open(db, write=False) as reg, reg.reading() as s:
            members = [{c.key: getattr(p, c.key) for c in Person.__table__.columns}
                       for p in s.scalars(select(Person).where(Person.status == "active"))]
        write_card_list(path, card_holders(members, seed=1).rows[:args.rows])
    read_s, match_s, read_cpu, match_cpu, peaks, cli_s, cli_cpu, cli_peaks = [], [], [], [], [], [], [], []
    counts: list[str] = []
    for _ in range(args.runs):
        _, peak, done = run_measured([sys.executable, "-c", CHILD.format(path=str(path), db=str(db))])
        a, b, c, d, *counts = done.stdout.split()
        read_s.append(float(a))
        match_s.append(float(b))
        read_cpu.append(float(c))
        match_cpu.append(float(d))
        peaks.append(peak)
        seconds, cpu, peak = cpu_measured(hgd("cards", "--db", db, path, "--json"))
        cli_s.append(seconds)
        cli_cpu.append(cpu)
        cli_peaks.append(peak)
    names = ("rows", "matched", "by_cccd", "by_criteria", "missing_from_register", "without_card", "differs",
             "possible")
    results = {"machine": machine(), "register_persons": persons, **dict(zip(names, map(int, counts), strict=True)),
               "runs": args.runs, "load_average_1min": round(os.getloadavg()[0], 1),
               "read_median_s": median_of(read_s), "read_cpu_median_s": median_of(read_cpu),
               "reconcile_median_s": median_of(match_s), "reconcile_cpu_median_s": median_of(match_cpu),
               "read_and_reconcile_peak_rss_mib": round(max(peaks)),
               "cli_cards_median_s": median_of(cli_s), "cli_cards_cpu_median_s": median_of(cli_cpu),
               "cli_cards_runs_s": [round(t, 2) for t in cli_s], "cli_cards_peak_rss_mib": round(max(cli_peaks))}
    print(json.dumps(results, ensure_ascii=False, indent=2))
    (OUT / "bench_cards.json").write_text(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
