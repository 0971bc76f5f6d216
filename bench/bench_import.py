"""Import benchmark: a 30,000-person XLSX (target < 2.5 s) and a 150,000-person CSV (target < 12 s).

Each import runs in a fresh register, as `hgd import` does for a user; the baseline, measured in the same run, is a
bare read of the same file (python-calamine for XLSX, the csv module for CSV) with no validation and no writing.
The 150,000-person CSV is also imported into PostgreSQL when its server binaries are installed (a throw-away
cluster from tests/pg.py: a Unix socket, fsync off), a fresh database each run.
Usage: python bench/bench_import.py [--runs 3] [--no-pg] [--only xlsx|csv]
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import LAST_CPU, OUT, hgd, machine, median_of, run_measured

CASES = [("xlsx", 30_000, 2.5, "sqlite"), ("csv", 150_000, 12.0, "sqlite"), ("csv", 150_000, None, "postgresql")]


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
    ap.add_argument("--no-pg", action="store_true", help="skip the PostgreSQL case")
    ap.add_argument("--only", choices=("xlsx", "csv"), help="run only the cases of this format")
    args, _ = ap.parse_known_args()
    OUT.mkdir(parents=True, exist_ok=True)
    results = {"machine": machine(), "runs": args.runs, "cases": []}
    clusters: list = []
    try:
        _cases(args, results, clusters)
    finally:
        for cluster in clusters:
            cluster.stop()
    (OUT / "bench_import.json").write_text(json.dumps(results, ensure_ascii=False, indent=2))


def _cases(args: argparse.Namespace, results: dict, cluster_box: list) -> None:
    from app.demo import write_persons_file

    cluster = None
    for fmt, persons, target, dialect in CASES:
        if args.only and fmt != args.only:
            continue
        if dialect == "postgresql":
            from tests.pg import Cluster, _binaries

            if args.no_pg or _binaries() is None:
                print("PostgreSQL case skipped (no server binaries, or --no-pg)")
                continue
            if cluster is None:
                cluster = Cluster()
                cluster_box.append(cluster)
        path = OUT / f"persons_{persons}.{fmt}"
        if not path.exists():
            write_persons_file(path, persons=persons, seed=7, fmt=fmt, style="commune" if fmt == "xlsx" else "plain")
        times, cpus, peaks, bases = [], [], [], []
        for run in range(args.runs):
            db_file = OUT / f"import_{fmt}_{run}.db"
            for leftover in OUT.glob(db_file.name + "*"):
                leftover.unlink()
            db = cluster.database() if dialect == "postgresql" and cluster else db_file
            run_measured(hgd("init", "--db", db, "--commune-name", "Xã Dân Lý"))
            seconds, peak, done = run_measured(hgd("import", "--db", db, path, "--json", "--skip-invalid"))
            report = json.loads(done.stdout)
            # the demo's file holds planted duplicates: a row with another person's BHXH code is refused (one code,
            # one person) and the same person twice is imported once
            assert report["persons_added"] + report["persons_present"] + report["rows_rejected"] >= persons, report
            times.append(seconds)
            cpus.append(LAST_CPU[0])
            peaks.append(peak)
            bases.append(bare_read(path))
            for leftover in OUT.glob(db_file.name + "*"):
                leftover.unlink()
        case = {"file": f"{persons:,} persons, {fmt.upper()} ({path.stat().st_size / 2**20:.1f} MiB)", "db": dialect,
                "median_s": median_of(times), "runs_s": [round(t, 2) for t in times],
                "median_cpu_s": median_of(cpus), "load_average": [round(x, 1) for x in os.getloadavg()],
                "peak_rss_mib": round(max(peaks)), "target_s": target,
                "bare_read_s": median_of(bases), "ratio_to_bare_read": round(median_of(times) / median_of(bases), 1)}
        results["cases"].append(case)
        print(json.dumps(case, ensure_ascii=False))


if __name__ == "__main__":
    main()
