"""Import benchmark: a 30,000-person XLSX (target < 2.5 s) and a 150,000-person CSV (target < 12 s).

Each import runs in a fresh register, as `hgd import` does for a user; the baseline, measured in the same run, is a
bare read of the same file (python-calamine for XLSX, the csv module for CSV) with no validation and no writing.
Usage: python bench/bench_import.py [--runs 3]
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import OUT, hgd, machine, median_of, run_measured

CASES = [("xlsx", 30_000, 2.5), ("csv", 150_000, 12.0)]


def bare_read(path: Path) -> float:
    started = time.perf_counter()
    if path.suffix == ".csv":
        with open(path, encoding="utf-8", newline="") as f:
            sum(1 for _ in csv.reader(f))
    else:
        from python_calamine import CalamineWorkbook

        wb = CalamineWorkbook.from_path(str(path))
        sum(1 for _ in wb.get_sheet_by_index(0).to_python())
    return time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    from app.demo import write_persons_file

    OUT.mkdir(parents=True, exist_ok=True)
    results = {"machine": machine(), "runs": args.runs, "cases": []}
    for fmt, persons, target in CASES:
        path = OUT / f"persons_{persons}.{fmt}"
        if not path.exists():
            write_persons_file(path, persons=persons, seed=7, fmt=fmt, style="commune" if fmt == "xlsx" else "plain")
        times, peaks, bases = [], [], []
        for run in range(args.runs):
            db = OUT / f"import_{fmt}_{run}.db"
            for leftover in OUT.glob(db.name + "*"):
                leftover.unlink()
            run_measured(hgd("init", "--db", db, "--commune-name", "Xã Dân Lý"))
            seconds, peak, done = run_measured(hgd("import", "--db", db, path, "--json", "--skip-invalid"))
            report = json.loads(done.stdout)
            # the demo's file holds planted duplicates: a row with another person's BHXH code is refused (one code,
            # one person) and the same person twice is imported once
            assert report["persons_added"] + report["persons_present"] + report["rows_rejected"] >= persons, report
            times.append(seconds)
            peaks.append(peak)
            bases.append(bare_read(path))
            for leftover in OUT.glob(db.name + "*"):
                leftover.unlink()
        case = {"file": f"{persons:,} persons, {fmt.upper()} ({path.stat().st_size / 2**20:.1f} MiB)",
                "median_s": median_of(times), "runs_s": [round(t, 2) for t in times],
                "peak_rss_mib": round(max(peaks)), "target_s": target,
                "bare_read_s": median_of(bases), "ratio_to_bare_read": round(median_of(times) / median_of(bases), 1)}
        results["cases"].append(case)
        print(json.dumps(case, ensure_ascii=False))
    (OUT / "bench_import.json").write_text(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
