"""Duplicate finder: quality per kind of variation, time and peak memory, hgd beside Splink, on synthetic registers
with ground truth (bench/review_synth.py).

    python bench/bench_review.py [--sizes 30000,150000,2000000] [--seeds 3,4,5] [--train-seeds 1,2] [--runs 3]
                                 [--splink-sizes 30000,150000] [--no-splink]

Each register is written once to bench/out/review/ as a SQLite file (the persons table the lead's `hgd review`
reads) with its truth beside it. hgd runs as a child process (bench/review_run.py: python start, one SELECT, the
matcher, the CSV); Splink runs in its own virtual environment (bench/out/splink-venv, installed here with pip, not a
project dependency) as bench/splink_run.py. hgd's threshold is the engine's own (chosen on seeds 1, 2, 6–9, 19–30);
Splink's is the one with the best F1 on the training seeds of the same size, then applied to the evaluation seeds.
Precision counts every returned pair that is not a planted duplicate as false, except pairs of distinct persons
who agree on all four criteria (the letter's definition of a duplicate: no method can tell them apart), which are
counted apart.
"""
from __future__ import annotations

import argparse
import csv
import json
import sqlite3
import statistics
import subprocess
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import OUT, machine, median_of, run_measured
from bench.review_synth import NEGATIVES, VARIATIONS, generate

HERE = Path(__file__).resolve().parent
DATA = OUT / "review"
SPLINK_VENV = OUT / "splink-venv"
SPLINK_PIN = "splink==5.0.0"


def register(size: int, seed: int) -> tuple[Path, dict]:
    db, meta = DATA / f"synth_{size}_s{seed}.db", DATA / f"synth_{size}_s{seed}.json"
    if not (db.exists() and meta.exists()):
        DATA.mkdir(parents=True, exist_ok=True)
        syn = generate(size, seed)
        db.unlink(missing_ok=True)
        con = sqlite3.connect(db)
        con.execute("CREATE TABLE persons (id TEXT PRIMARY KEY, household_id TEXT, full_name TEXT, birth_date TEXT, "
                    "sex TEXT, birth_place TEXT, birth_province_code TEXT, id_number TEXT, bhxh_code TEXT, "
                    "relation TEXT, commune_code TEXT, status TEXT DEFAULT 'active')")
        con.executemany("INSERT INTO persons VALUES (?,?,?,?,?,?,?,?,?,?,?,'active')", syn.rows)
        con.commit()
        con.close()
        meta.write_text(json.dumps({"truth": syn.truth, "negatives": syn.negatives,
                                    "coincidences": syn.coincidences, "persons": len(syn.rows)}))
    return db, json.loads(meta.read_text())


def read_pairs(path: Path, decision: str | None = None) -> dict[frozenset, float]:
    with path.open(encoding="utf-8") as f:
        return {frozenset((r["a_id"], r["b_id"])): float(r["score"]) for r in csv.DictReader(f)
                if decision is None or r.get("decision") == decision}


def evaluate(found: set[frozenset], meta: dict) -> dict:
    truth = {frozenset(t[:2]): t[2] for t in meta["truth"]}
    negatives = {frozenset(t[:2]): t[2] for t in meta["negatives"]}
    coincidences = {frozenset(t[:2]) for t in meta["coincidences"]}
    flagged = found - coincidences
    tp = len(flagged & truth.keys())
    per_kind = {k: [0, 0] for k in VARIATIONS}
    for pair, kind in truth.items():
        per_kind[kind][1] += 1
        per_kind[kind][0] += pair in found
    neg = {k: [0, 0] for k in NEGATIVES}
    for pair, kind in negatives.items():
        neg[kind][1] += 1
        neg[kind][0] += pair in found
    return {"tp": tp, "flagged": len(flagged), "truth": len(truth), "coincidences_flagged": len(found & coincidences),
            "coincidences": len(coincidences), "per_kind": per_kind, "negatives": neg,
            "precision": tp / max(len(flagged), 1), "recall": tp / max(len(truth), 1)}


def ensure_splink() -> Path:
    python = SPLINK_VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(SPLINK_VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", SPLINK_PIN], check=True)
    return python


def measured(args: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak memory (MiB) and output of a child. The peak is read by /usr/bin/time: the rusage of a
    child forked from this (large) process would count this process's pages from before the exec."""
    timed = ["/usr/bin/time", "-f", "peak_kib=%M", *args] if Path("/usr/bin/time").exists() else args
    seconds, mib, done = run_measured(timed)
    for line in done.stderr.splitlines():
        if line.startswith("peak_kib="):
            mib = int(line.split("=")[1]) / 1024
    return seconds, mib, done.stdout.strip()


def run_hgd(db: Path, out: Path) -> tuple[float, float, str]:
    return measured([sys.executable, str(HERE / "review_run.py"), str(db), str(out)])


def run_splink(python: Path, db: Path, out: Path) -> tuple[float, float]:
    seconds, mib, _ = measured([str(python), str(HERE / "splink_run.py"), str(db), str(out)])
    return seconds, mib


def best_threshold(scored: list[tuple[dict[frozenset, float], dict]]) -> float:
    """The probability threshold with the best F1 over the training registers."""
    best = (-1.0, 0.5)
    for t in [0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.999]:
        tp = fl = tr = 0
        for pairs, meta in scored:
            e = evaluate({p for p, s in pairs.items() if s >= t}, meta)
            tp, fl, tr = tp + e["tp"], fl + e["flagged"], tr + e["truth"]
        f1 = 2 * tp / max(fl + tr, 1)
        best = max(best, (f1, t))
    return best[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="30000,150000,2000000")
    ap.add_argument("--seeds", default="3,4,5")
    ap.add_argument("--train-seeds", default="1,2")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--splink-sizes", default="30000,150000")
    ap.add_argument("--no-splink", action="store_true")
    ap.add_argument("--big-seeds", default="3", help="seeds for sizes over 500,000 (each takes minutes)")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    seeds = [int(s) for s in args.seeds.split(",")]
    train = [int(s) for s in args.train_seeds.split(",")]
    splink_sizes = set() if args.no_splink else {int(s) for s in args.splink_sizes.split(",")}
    python = ensure_splink() if splink_sizes else None
    report: dict = {"machine": machine(), "results": []}
    for size in sizes:
        eval_seeds = seeds if size <= 500_000 else [int(s) for s in args.big_seeds.split(",")]
        runs = args.runs if size <= 500_000 else 1
        splink_threshold = None
        if size in splink_sizes and python:
            trained = []
            for seed in train:
                db, meta = register(size, seed)
                out = DATA / f"splink_train_{size}_s{seed}.csv"
                if not out.exists():  # only its pairs are needed: kept from an earlier run
                    run_splink(python, db, out)
                trained.append((read_pairs(out), meta))
            splink_threshold = best_threshold(trained)
        for seed in eval_seeds:
            db, meta = register(size, seed)
            times, mems = [], []
            for _ in range(runs):
                out = DATA / f"hgd_{size}_s{seed}.csv"
                seconds, mib, note = run_hgd(db, out)
                times.append(seconds)
                mems.append(mib)
            quality = evaluate(set(read_pairs(out)), meta)
            sure = evaluate(set(read_pairs(out, "match")), meta)
            quality["match_only"] = {"precision": sure["precision"], "recall": sure["recall"]}
            row = {"tool": "hgd", "size": size, "persons": meta["persons"], "seed": seed, "seconds": times,
                   "median_seconds": median_of(times), "peak_mib": round(max(mems)), "note": note, **quality}
            report["results"].append(row)
            print(json.dumps({k: v for k, v in row.items() if k not in ("per_kind", "negatives")}), flush=True)
            if size in splink_sizes and python:
                out = DATA / f"splink_{size}_s{seed}.csv"
                seconds, mib = run_splink(python, db, out)
                pairs = read_pairs(out)
                quality = evaluate({p for p, s in pairs.items() if s >= splink_threshold}, meta)
                row = {"tool": "splink", "size": size, "persons": meta["persons"], "seed": seed,
                       "seconds": [seconds], "median_seconds": round(seconds, 2), "peak_mib": round(mib),
                       "threshold": splink_threshold, **quality}
                report["results"].append(row)
                print(json.dumps({k: v for k, v in row.items() if k not in ("per_kind", "negatives")}), flush=True)
    (OUT / "bench_review.json").write_text(json.dumps(report, indent=1))
    print_tables(report)


def print_tables(report: dict) -> None:
    rows = report["results"]
    print("\n| tool | persons | seed | precision | recall | 4-criteria coincidences flagged | median time "
          "| peak memory |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        sure = r.get("match_only")
        extra = f" (\"match\" only: {sure['precision']:.4f} / {sure['recall']:.4f})" if sure else ""
        print(f"| {r['tool']} | {r['persons']:,} | {r['seed']} | {r['precision']:.4f} | {r['recall']:.4f}{extra} | "
              f"{r['coincidences_flagged']}/{r['coincidences']} | {r['median_seconds']} s | {r['peak_mib']} MiB |")
    print("\n| tool | persons | " + " | ".join(VARIATIONS) + " |")
    print("|---|---|" + "---|" * len(VARIATIONS))
    groups: dict[tuple, Counter] = {}
    for r in rows:
        c = groups.setdefault((r["tool"], r["size"]), Counter())
        for k, (hit, n) in r["per_kind"].items():
            c[k + ":hit"] += hit
            c[k + ":n"] += n
        for k, (hit, n) in r["negatives"].items():
            c["neg:" + k + ":hit"] += hit
            c["neg:" + k + ":n"] += n
    for (tool, size), c in groups.items():
        cells = [f"{c[k + ':hit']}/{c[k + ':n']}" for k in VARIATIONS]
        print(f"| {tool} | {size:,} | " + " | ".join(cells) + " |")
    print("\n| tool | persons | " + " | ".join(NEGATIVES) + " |  (hard negatives wrongly flagged)")
    print("|---|---|" + "---|" * len(NEGATIVES))
    for (tool, size), c in groups.items():
        cells = [f"{c['neg:' + k + ':hit']}/{c['neg:' + k + ':n']}" for k in NEGATIVES]
        print(f"| {tool} | {size:,} | " + " | ".join(cells) + " |")
    summary: dict[tuple, list] = {}
    for r in rows:
        summary.setdefault((r["tool"], r["size"]), []).append(r)
    print("\n| tool | persons | precision (pooled) | recall (pooled) | median time | peak memory |")
    print("|---|---|---|---|---|---|")
    for (tool, size), rs in summary.items():
        tp = sum(r["tp"] for r in rs)
        print(f"| {tool} | {size:,} | {tp / max(sum(r['flagged'] for r in rs), 1):.4f} | "
              f"{tp / max(sum(r['truth'] for r in rs), 1):.4f} | "
              f"{statistics.median(r['median_seconds'] for r in rs):.2f} s | {max(r['peak_mib'] for r in rs)} MiB |")


if __name__ == "__main__":
    main()
