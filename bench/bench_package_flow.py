"""Packages (issue 16): export and import of one commune's package (the whole `hgd` command, and in-process), and
many communes' packages into one office register.

    python bench/bench_package_flow.py [--persons 30000] [--communes 40] [--per-commune 25000] [--runs 3]

Generated registers (demo communes with different seeds, their period locked, keys made, the office's keys trusted)
are cached under build/bench-packages/ and copied for each run. Results: bench/out/package_flow.json.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import OUT, ROOT, hgd, machine, median_of, run_measured

CACHE = ROOT / "build" / "bench-packages"
MONTH = "2026-11"
C_PASS, O_PASS = "mat khau cua xa bench", "mat khau co quan bench"


def run(*args: object) -> None:
    run_measured(hgd(*map(str, args)))


def office() -> Path:
    db = CACHE / "office.db"
    if not db.exists():
        (CACHE / "o.pass").write_text(O_PASS)
        tmp = CACHE / "office-building.db"
        tmp.unlink(missing_ok=True)
        run("init", "--db", tmp, "--office", "BHXH cơ sở Bench")
        run("keys", "init", "--db", tmp, "--passphrase-file", CACHE / "o.pass")
        run("keys", "export", "--db", tmp, "--out", CACHE / "office-keys")
        tmp.rename(db)
    return db


def commune(persons: int, seed: int) -> Path:
    """A locked demo commune with keys that trusts the office (cached)."""
    db = CACHE / f"commune-{persons}-{seed}.db"
    if not db.exists():
        office()
        (CACHE / "c.pass").write_text(C_PASS)
        tmp = CACHE / f"building-{persons}-{seed}.db"
        if not tmp.exists():   # a demo built before an interrupted run is used as it is
            run("demo", "--db", tmp, "--persons", persons, "--seed", seed, "--months", 2)
        run("period", "lock", "--db", tmp, "--period", MONTH, "--override", "benchmark")
        run("keys", "init", "--db", tmp, "--passphrase-file", CACHE / "c.pass")
        run("keys", "export", "--db", tmp, "--out", CACHE / f"keys-{persons}-{seed}")
        run("keys", "trust", "--db", tmp, CACHE / "office-keys")
        tmp.rename(db)
    return db


def code_of(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return str(conn.execute("SELECT code FROM communes").fetchone()[0])


def office_trusting(dbs: list[Path], where: Path) -> Path:
    o = where / "office.db"
    shutil.copy(office(), o)
    for db in dbs:
        name = db.stem.replace("commune-", "keys-")
        run("keys", "trust", "--db", o, CACHE / name)
    return o


def measured(args: list[str]) -> tuple[float, float, float, subprocess.CompletedProcess]:
    """Wall seconds, CPU seconds (user + system) and peak MiB of one `hgd` command."""
    cpu = children_cpu()
    secs, mib, done = run_measured(args)
    return secs, children_cpu() - cpu, mib, done


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def data_json_size(package: str) -> int | None:
    """data.json's size unpacked, as the manifest gives it."""
    import zipfile

    with zipfile.ZipFile(package) as z:
        files = json.loads(z.read("manifest.json")).get("files", [])
    return next((f["size"] for f in files if f["name"] == "data.json"), None)


def one_commune(persons: int, runs: int) -> dict:
    from app.exchange.export import ExportPackage
    from app.exchange.receive import import_package
    from app.register import Register

    c = commune(persons, 1)
    out: dict = {"persons": persons, "export_cli": [], "import_cli": [], "export_inproc": [], "import_inproc": [],
                 "export_cli_cpu": [], "import_cli_cpu": [], "export_inproc_cpu": [], "import_inproc_cpu": [],
                 "peak_cli_mib": {}, "load_average": [os.getloadavg()[0]]}
    with tempfile.TemporaryDirectory(prefix="bench-pkg-") as t:
        tmp = Path(t)
        o_template = office_trusting([c], tmp)
        for i in range(runs):
            db = tmp / f"c{i}.db"
            shutil.copy(c, db)
            secs, cpu, mib, done = measured(hgd("package", "export", "--db", db, "--period", MONTH, "--out",
                                                tmp / f"out{i}", "--passphrase-file", CACHE / "c.pass", "--json"))
            out["export_cli"].append(secs)
            out["export_cli_cpu"].append(cpu)
            out["peak_cli_mib"]["export"] = max(mib, out["peak_cli_mib"].get("export", 0))
            package = json.loads(done.stdout)["path"]
            out["size_bytes"] = os.path.getsize(package)
            o = tmp / f"o{i}.db"
            shutil.copy(o_template, o)
            secs, cpu, mib, _ = measured(hgd("package", "import", "--db", o, package, "--passphrase-file",
                                             CACHE / "o.pass", "--ack-out", tmp / f"acks{i}", "--json"))
            out["import_cli"].append(secs)
            out["import_cli_cpu"].append(cpu)
            out["peak_cli_mib"]["import"] = max(mib, out["peak_cli_mib"].get("import", 0))
            print(json.dumps({k: v for k, v in out.items() if k.endswith("cli") or k.startswith("peak")}), flush=True)
        for i in range(runs):
            db = tmp / f"d{i}.db"
            shutil.copy(c, db)
            with Register.open(db) as reg:
                started, cpu = time.perf_counter(), time.process_time()
                (tmp / f"in{i}").mkdir()
                value = reg.apply(ExportPackage(MONTH, str(tmp / f"in{i}"), C_PASS)).value
                out["export_inproc"].append(time.perf_counter() - started)
                out["export_inproc_cpu"].append(time.process_time() - cpu)
            o = tmp / f"p{i}.db"
            shutil.copy(o_template, o)
            with Register.open(o) as reg:
                started, cpu = time.perf_counter(), time.process_time()
                import_package(reg, value["path"], O_PASS, tmp / f"inacks{i}")
                out["import_inproc"].append(time.perf_counter() - started)
                out["import_inproc_cpu"].append(time.process_time() - cpu)
        out["data_json_bytes"] = data_json_size(value["path"])
    out["load_average"].append(os.getloadavg()[0])
    for key in ("export_cli", "import_cli", "export_inproc", "import_inproc"):
        out[key + "_median_s"] = median_of(out.pop(key))
        out[key + "_cpu_median_s"] = median_of(out.pop(key + "_cpu"))
    return out


def many_communes(count: int, per: int) -> dict:
    from app.exchange.receive import import_package
    from app.register import Register

    dbs, codes = [], set()
    seed = 100
    build_started = time.perf_counter()
    while len(dbs) < count:
        seed += 1
        db = commune(per, seed)
        if code_of(db) in codes:
            continue
        codes.add(code_of(db))
        dbs.append(db)
    built = time.perf_counter() - build_started
    with tempfile.TemporaryDirectory(prefix="bench-pkg-many-") as t:
        tmp = Path(t)
        packages = []
        for i, db in enumerate(dbs):
            copy = tmp / f"c{i}.db"
            shutil.copy(db, copy)
            _, _, done = run_measured(hgd("package", "export", "--db", copy, "--period", MONTH, "--out",
                                          tmp / "packages", "--passphrase-file", CACHE / "c.pass", "--json"))
            packages.append(json.loads(done.stdout)["path"])
        o = office_trusting(dbs, tmp)
        before = peak_mib()
        started = time.perf_counter()
        each = []
        with Register.open(o) as reg:
            for p in packages:
                t0 = time.perf_counter()
                import_package(reg, p, O_PASS, tmp / "acks")
                each.append(time.perf_counter() - t0)
        total = time.perf_counter() - started
        with sqlite3.connect(o) as conn:
            persons = conn.execute("SELECT count(*) FROM persons").fetchone()[0]
        size = o.stat().st_size
    return {"communes": count, "persons_per_commune": per, "persons_total": persons, "import_total_s": round(total, 1),
            "import_each_median_s": median_of(each), "import_each_max_s": round(max(each), 2),
            "peak_mib": round(max(before, peak_mib()), 0), "office_db_mib": round(size / 2**20, 0),
            "generation_s_if_not_cached": round(built, 0)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=30000)
    parser.add_argument("--communes", type=int, default=40)
    parser.add_argument("--per-commune", type=int, default=25000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-many", action="store_true")
    args = parser.parse_args()
    CACHE.mkdir(parents=True, exist_ok=True)
    result: dict = {"machine": machine(), "one": one_commune(args.persons, args.runs)}
    print(json.dumps(result["one"], indent=2), flush=True)
    if not args.skip_many:
        result["many"] = many_communes(args.communes, args.per_commune)
        print(json.dumps(result["many"], indent=2), flush=True)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "package_flow.json").write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
