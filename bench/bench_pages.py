"""The pages' reads (app/views) on a demo commune: what the periods, settings and staff screens ask the register
when they open or the clerk picks a month — each run on the runner's worker thread in the GUI, so each must stay
well under a second for the screen to feel immediate.

Per read, the median of several runs (wall seconds) on one register; the peak memory of the whole process.
Usage: python bench/bench_pages.py [--runs 5] [--persons 30000]
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.common import OUT, machine

TODAY = date(2026, 12, 5)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--persons", type=int, default=30000)
    args = ap.parse_args()

    from app.demo import create_demo
    from app.register import Register
    from app.views import periods, settings, staff

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.db"
        started = time.perf_counter()
        create_demo(db, persons=args.persons, today=TODAY)
        built = time.perf_counter() - started
        reg = Register.open(db, write=False)
        reg.today = lambda: TODAY
        rows = periods.period_rows(reg)
        open_month = next(r.month for r in rows if r.status == "open")
        locked_month = next(r.month for r in rows if r.status == "locked")
        reads = {
            "period_rows": lambda: periods.period_rows(reg),
            "current_period": lambda: periods.current_period(reg),
            "period_detail_open (lists derived now)": lambda: periods.period_detail(reg, open_month),
            "period_detail_locked (frozen lists)": lambda: periods.period_detail(reg, locked_month),
            "settings_view": lambda: settings.settings_view(reg),
            "staff_rows": lambda: staff.staff_rows(reg),
            "find_persons('nguyen van')": lambda: staff.find_persons(reg, "nguyen van"),
        }
        results = {}
        for name, fn in reads.items():
            times = []
            for _ in range(args.runs):
                t = time.perf_counter()
                fn()
                times.append(time.perf_counter() - t)
            results[name] = round(statistics.median(times), 4)
            print(f"{name}: {results[name]:.4f} s", flush=True)
        reg.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out = {"machine": machine(), "persons": args.persons, "runs": args.runs, "demo_build_seconds": round(built, 1),
           "median_seconds": results, "peak_mib": round(peak, 1), "months": {"open": open_month,
                                                                            "locked": locked_month}}
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "pages.json").write_text(json.dumps(out, indent=2, ensure_ascii=False))
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
