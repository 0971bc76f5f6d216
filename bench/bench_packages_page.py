"""The packages page's reads (app/views/packages.py) on a demo commune with its package: what the page asks the
register when it opens or after an action (packages_state, commune and office), the courier's check (signature and
payload hash, against a key folder and against the register's keys) and the office's check before an import
(precheck) — each run on the runner's worker thread in the GUI.

Per read, the median of several runs (wall seconds); the export and import themselves (the core's operations, timed
by bench/bench_package_flow.py) are timed once here for scale; the peak memory of the whole process.
Usage: python bench/bench_packages_page.py [--runs 5] [--persons 30000]
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.common import OUT, machine

TODAY = date(2026, 12, 5)
C_PASS, O_PASS = "mật khẩu của xã", "mat khau co quan BHXH"


def median(fn: Callable[[], Any], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return round(statistics.median(times), 4)


def once(fn: Callable[[], Any]) -> tuple[float, Any]:
    t = time.perf_counter()
    value = fn()
    return round(time.perf_counter() - t, 2), value


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--persons", type=int, default=30000)
    args = ap.parse_args()

    from app.demo import create_demo
    from app.exchange.export import ExportPackage
    from app.exchange.keyring import InitKeys, TrustKeys
    from app.exchange.office import create_office
    from app.exchange.receive import ImportPackage
    from app.register import Register
    from app.views import packages as views

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        c_db, o_db = root / "c.db", root / "o.db"
        built, _ = once(lambda: create_demo(c_db, persons=args.persons, today=TODAY))
        create_office(o_db, "BHXH cơ sở Triệu Sơn")
        c, o = Register.open(c_db), Register.open(o_db)
        c.today = o.today = lambda: TODAY
        c.apply(InitKeys(C_PASS))
        o.apply(InitKeys(O_PASS))
        views.export_keys(c, root / "c-keys")
        views.export_keys(o, root / "o-keys")
        o.apply(TrustKeys(str(root / "c-keys")))
        c.apply(TrustKeys(str(root / "o-keys")))
        month = max(r.month for r in views.packages_state(c).sent if r.status == "locked")
        (root / "usb").mkdir()
        export_s, result = once(lambda: c.apply(ExportPackage(month, str(root / "usb"), C_PASS)))
        package = result.value["path"]
        reads = {
            "packages_state (commune)": lambda: views.packages_state(c),
            "check_with_folder (courier)": lambda: views.check_with_folder(package, root / "c-keys"),
            "check_with_register (courier)": lambda: views.check_with_register(c, package),
            "precheck (office, before import)": lambda: views.precheck(o, package),
        }
        results = {name: median(fn, args.runs) for name, fn in reads.items()}
        import_s, _ = once(lambda: o.apply(ImportPackage(package, O_PASS)))
        results["packages_state (office, after import)"] = median(lambda: views.packages_state(o), args.runs)
        results["precheck (office, the same package again)"] = median(lambda: views.precheck(o, package), args.runs)
        for name, value in results.items():
            print(f"{name}: {value:.4f} s", flush=True)
        size = Path(package).stat().st_size
        c.close()
        o.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out = {"machine": machine(), "persons": args.persons, "runs": args.runs, "demo_build_seconds": round(built, 1),
           "package_bytes": size, "export_seconds_once": export_s, "import_seconds_once": import_s,
           "median_seconds": results, "peak_mib": round(peak, 1)}
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "packages_page.json").write_text(json.dumps(out, indent=2, ensure_ascii=False))
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
