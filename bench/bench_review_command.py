"""The whole `hgd review` command on real registers: python start, reading the persons, the matcher, the checks,
storing the findings (first run on the register) and writing the pairs CSV. Wall time and peak memory.

    python bench/bench_review_command.py [--sizes 30000,150000] [--seed 3] [--runs 3]

Each register is the synthetic register of bench/review_synth.py (seed given), loaded once into a real commune
register (households and persons inserted in bulk in one action) under bench/out/review/; every run works on a fresh
copy of it, so each run is a first review that stores all its findings. Quality is measured from the pairs CSV
against the ground truth, as bench_review.py does.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.bench_review import evaluate, register
from bench.common import OUT, hgd, machine, median_of, run_measured

DATA = OUT / "review"
COMMUNE = {"commune_name": "Xã Dân Lý", "commune_code": "15703", "province_code": "36",
           "province_name": "Tỉnh Nam Định"}


def real_register(size: int, seed: int) -> tuple[Path, dict[str, Any]]:
    """The synthetic register as a commune register file (built once)."""
    from app.domain.text import search_key
    from app.ids import new_id
    from app.operations import Changes, OpContext, Operation
    from app.register import Register
    from app.store import write
    from app.store.models import Household, Person

    syn_db, meta = register(size, seed)
    path = DATA / f"register_{size}_s{seed}.db"
    if path.exists():
        return path, meta
    import sqlite3

    rows = sqlite3.connect(syn_db).execute(
        "SELECT id, household_id, full_name, birth_date, sex, birth_place, birth_province_code, id_number, "
        "bhxh_code, relation FROM persons").fetchall()

    @dataclass(frozen=True)
    class Load(Operation):
        kind = "bench_load"
        label_key = "op.review"

        def apply(self, ctx: OpContext) -> Changes:
            households = {}
            for r in rows:
                if r[1] and r[1] not in households:
                    households[r[1]] = {"id": new_id(), "commune_id": ctx.commune_id, "code": f"H{len(households)}"}
            write.insert(ctx.session, Household.__table__, list(households.values()))
            write.insert(ctx.session, Person.__table__, [
                {"id": r[0], "commune_id": ctx.commune_id, "household_id": households[r[1]]["id"] if r[1] else None,
                 "full_name": r[2] or "", "name_key": search_key(r[2]), "birth_date": r[3],
                 "birth_year": int(r[3][:4]) if r[3] else None, "sex": r[4], "birth_place": r[5],
                 "birth_province_code": r[6], "id_number": r[7], "bhxh_code": r[8],
                 "relation": r[9]} for r in rows])
            return ctx.changes

    tmp = path.with_suffix(".part")
    tmp.unlink(missing_ok=True)
    with Register.create(tmp, COMMUNE, user="bench") as reg:
        reg.apply(Load())
    tmp.replace(path)
    return path, meta


def measured(args: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system: less swayed than the wall by other work on a shared machine) and
    peak memory (MiB, read by /usr/bin/time) of one child."""
    seconds, mib, done = run_measured(["/usr/bin/time", "-f", "peak_kib=%M cpu=%U+%S", *args])
    cpu = float("nan")
    for line in done.stderr.splitlines():
        if line.startswith("peak_kib="):
            kib, used = line.split()
            mib = int(kib.split("=")[1]) / 1024
            user, system = used.split("=")[1].split("+")
            cpu = float(user) + float(system)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed: {done.stderr[-2000:]}")
    return seconds, cpu, mib


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="30000,150000")
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    report: dict[str, Any] = {"machine": machine(), "runs": args.runs, "sizes": {}}
    for size in (int(s) for s in args.sizes.split(",")):
        db, meta = real_register(size, args.seed)
        times, cpus, peaks, quality = [], [], [], None
        for _ in range(args.runs):
            work = DATA / f"work_{size}.db"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{work}{suffix}").unlink(missing_ok=True)
            shutil.copy(db, work)
            out = DATA / f"pairs_cmd_{size}.csv"
            seconds, cpu, mib = measured(hgd("review", "--db", work, "--out", out))
            times.append(seconds)
            cpus.append(cpu)
            peaks.append(mib)
            with out.open(encoding="utf-8-sig") as f:
                found = {frozenset((r["id_a"], r["id_b"])) for r in csv.DictReader(f)}
            quality = evaluate(found, meta)
        report["sizes"][size] = {"persons": meta["persons"], "seconds": median_of(times), "times": times,
                                 "cpu_seconds": median_of(cpus), "load": os.getloadavg()[0],
                                 "peak_mib": round(max(peaks)), "quality": {k: quality[k] for k in
                                                                           ("precision", "recall")}}
        print(json.dumps({size: report["sizes"][size]}, ensure_ascii=False), flush=True)
    (OUT / "bench_review_command.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
