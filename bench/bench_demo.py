"""Demo and stats benchmark: `hgd demo --persons 30000` and `hgd stats` on it (the commune must feel instant).

Usage: python bench/bench_demo.py [--runs 3]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import OUT, hgd, machine, median_of, run_measured


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--persons", type=int, default=30_000)
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    demo_t, demo_peak, stats_t = [], [], []
    for run in range(args.runs):
        db = OUT / f"demo_{run}.db"
        for leftover in OUT.glob(db.name + "*"):
            leftover.unlink()
        seconds, peak, _ = run_measured(hgd("demo", "--db", db, "--persons", args.persons, "--seed", run + 1))
        demo_t.append(seconds)
        demo_peak.append(peak)
        seconds, _, done = run_measured(hgd("stats", "--db", db, "--json"))
        stats_t.append(seconds)
        assert json.loads(done.stdout)["persons"]["total"] >= args.persons
        for leftover in OUT.glob(db.name + "*"):
            leftover.unlink()
    results = {"machine": machine(), "persons": args.persons, "runs": args.runs,
               "demo_median_s": median_of(demo_t), "demo_runs_s": [round(t, 2) for t in demo_t],
               "demo_peak_rss_mib": round(max(demo_peak)),
               "stats_median_s": median_of(stats_t), "stats_runs_s": [round(t, 2) for t in stats_t]}
    print(json.dumps(results, ensure_ascii=False, indent=2))
    (OUT / "bench_demo.json").write_text(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
