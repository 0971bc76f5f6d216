"""Package benchmark: build and open the package of a 30,000-person commune (data.json of ~300 bytes a person, a
3 MB XLSX and a 3 MB PDF); target < 5 s each. The passphrase unlock (scrypt, about a second by design) is timed
apart: it is the same for any package size.

Each run is a fresh process (as `hgd package export/import` would be); wall time and peak memory are the child's.
Usage: python bench/bench_package.py [--runs 5] [--persons 30000]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import OUT, machine, median_of, run_measured

PASSPHRASE = "mật khẩu thử nghiệm benchmark"
WORK = OUT / "package"
VN = timezone(timedelta(hours=7))
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Thị Thu", "Minh", "Ngọc", "Xuân"]
GIVEN = ["Hùng", "Lan", "Nhung", "Dũng", "Hương", "Tuấn", "Mai", "Phúc", "Thảo", "Quang"]


def person(rng: random.Random, household: str) -> dict:
    born = datetime(1940, 1, 1) + timedelta(days=rng.randrange(30_000))
    return {"id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "household_id": household,
            "name": f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
            "dob": born.strftime("%Y-%m-%d"), "dob_precision": "day", "sex": rng.choice(["nam", "nu"]),
            "ethnicity": "01", "cccd": f"038{rng.randrange(10**9):09d}", "bhxh": f"38{rng.randrange(10**8):08d}",
            "card": f"HN438{rng.randrange(10**10):010d}", "card_to": "2025-12-31", "relation": "Con",
            "group": "HN", "status": "active"}


def period_data(persons: int) -> dict:
    rng = random.Random(7)
    households = [str(uuid.UUID(int=rng.getrandbits(128), version=4)) for _ in range(persons // 4 + 1)]
    return {"format": "hgd-period-data", "format_version": 1, "commune": {"code": "15703", "name": "Xã Dân Lý"},
            "period": "2025-07", "households": [{"id": h, "code": f"HGD{i:06d}", "address": "Thôn Đông, xã Dân Lý"}
                                                for i, h in enumerate(households)],
            "persons": [person(rng, households[i // 4]) for i in range(persons)]}


def prepare(persons: int) -> None:
    from app.packages import Unit, create_keys
    WORK.mkdir(parents=True, exist_ok=True)
    for kind, code, name in (("commune", "15703", "Xã Dân Lý"), ("office", "BHXH-TS", "BHXH cơ sở Triệu Sơn")):
        (WORK / f"{kind}.keys").write_bytes(create_keys(Unit(kind, code, name), PASSPHRASE).to_bytes())
    (WORK / "data.json").write_text(json.dumps(period_data(persons), ensure_ascii=False), encoding="utf-8")
    (WORK / "D03-TS-2025-07.xlsx").write_bytes(os.urandom(3 * 2**20))   # XLSX is zip: incompressible
    (WORK / "D03-TS-2025-07.pdf").write_bytes(os.urandom(3 * 2**20))


def child_build(out_dir: str) -> None:
    from app.packages import LockedKeys, ManifestFields, build_package
    data = json.loads((WORK / "data.json").read_text(encoding="utf-8"))   # the register's work, not timed here
    files = {p.name: p.read_bytes() for p in WORK.glob("D03-*")}
    started = time.perf_counter()
    commune = LockedKeys.from_bytes((WORK / "commune.keys").read_bytes()).unlock(PASSPHRASE)
    office = LockedKeys.from_bytes((WORK / "office.keys").read_bytes()).public
    _trace_start()
    unlocked = time.perf_counter()
    built = build_package(out_dir, manifest_fields=ManifestFields("15703", "Xã Dân Lý", "2025-07", 1, None,
                                                                  {"persons": len(data["persons"])}),
                          data=data, files=files, signing_key=commune, recipient=office)
    done = time.perf_counter()
    print(json.dumps({"unlock_s": unlocked - started, "build_s": done - unlocked, "path": str(built.path),
                      "size": built.size, "heap_peak_mib": _trace_peak()}))


def child_open(path: str) -> None:
    from app.packages import LockedKeys, TrustedKey, open_package
    started = time.perf_counter()
    office = LockedKeys.from_bytes((WORK / "office.keys").read_bytes()).unlock(PASSPHRASE)
    commune = LockedKeys.from_bytes((WORK / "commune.keys").read_bytes()).public
    _trace_start()
    unlocked = time.perf_counter()
    opened = open_package(path, [TrustedKey("15703", commune.signing)], office)
    done = time.perf_counter()
    print(json.dumps({"unlock_s": unlocked - started, "open_s": done - unlocked,
                      "persons": len(opened.data["persons"]), "heap_peak_mib": _trace_peak()}))


def _trace_start() -> None:
    """With HGD_BENCH_TRACE=1 (one extra run, not timed): the Python heap's peak during the step alone, without
    the passphrase's scrypt (256 MiB, outside Python's heap) and the inputs already loaded."""
    if os.environ.get("HGD_BENCH_TRACE"):
        import tracemalloc
        tracemalloc.start()


def _trace_peak() -> float | None:
    import tracemalloc
    if not tracemalloc.is_tracing():
        return None
    return round(tracemalloc.get_traced_memory()[1] / 2**20, 1)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--persons", type=int, default=30_000)
    ap.add_argument("--child", nargs=2)
    args = ap.parse_args()
    if args.child:
        {"build": child_build, "open": child_open}[args.child[0]](args.child[1])
        return
    prepare(args.persons)
    me = [sys.executable, str(Path(__file__).resolve())]
    runs: dict[str, list] = {"build": [], "open": []}
    for run in range(args.runs):
        out = WORK / f"run{run}"
        out.mkdir(exist_ok=True)
        for old in out.glob("*.zip"):
            old.unlink()
        wall, peak, done = run_measured([*me, "--child", "build", str(out)])
        built = json.loads(done.stdout)
        runs["build"].append((wall, peak, built["unlock_s"], built["build_s"]))
        wall, peak, done = run_measured([*me, "--child", "open", built["path"]])
        opened = json.loads(done.stdout)
        assert opened["persons"] == args.persons
        runs["open"].append((wall, peak, opened["unlock_s"], opened["open_s"]))
    traced = {}
    out = WORK / "traced"
    out.mkdir(exist_ok=True)
    for old in out.glob("*.zip"):
        old.unlink()
    _, _, done = run_measured([*me, "--child", "build", str(out)], env={"HGD_BENCH_TRACE": "1"})
    traced["build"] = json.loads(done.stdout)["heap_peak_mib"]
    _, _, done = run_measured([*me, "--child", "open", json.loads(done.stdout)["path"]], env={"HGD_BENCH_TRACE": "1"})
    traced["open"] = json.loads(done.stdout)["heap_peak_mib"]
    size = built["size"]
    results = {"machine": machine(), "runs": args.runs, "persons": args.persons,
               "data_json_mib": round((WORK / "data.json").stat().st_size / 2**20, 1),
               "package_mib": round(size / 2**20, 1), "target_s": 5.0}
    for step, rows in runs.items():
        results[step] = {"median_s": median_of([r[3] for r in rows]), "runs_s": [round(r[3], 2) for r in rows],
                         "unlock_median_s": median_of([r[2] for r in rows]),
                         "process_wall_median_s": median_of([r[0] for r in rows]),
                         "peak_rss_mib": round(max(r[1] for r in rows)), "heap_peak_mib_of_step": traced[step]}
    print(json.dumps(results, ensure_ascii=False, indent=2))
    (OUT / "bench_package.json").write_text(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
