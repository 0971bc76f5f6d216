"""Forms benchmark: a 30,000-row D03-TS written as XLSX and as PDF (sample rows, tests/corpus/forms_sample.py).

Each run is a child process (wall time and peak memory of the whole write, import included).
Usage: python bench/bench_forms.py [--runs 3] [--rows 30000]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.common import OUT, machine, median_of, run_measured

CHILD = """
import sys, time
sys.path.insert(0, {corpus!r})
import forms_sample
from app.lists import {module}
filled = forms_sample.d03_te(extra_rows={rows} - 8)
started = time.perf_counter()
result = {module}.write_list(filled, {path!r})
print(time.perf_counter() - started, result.pages)
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--rows", type=int, default=30_000)
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    results: dict[str, object] = {"machine": machine(), "rows": args.rows, "runs": args.runs}
    for module, suffix in (("xlsx_writer", "xlsx"), ("pdf_writer", "pdf")):
        write_s, peaks, pages = [], [], None
        for _ in range(args.runs):
            code = CHILD.format(corpus=str(ROOT / "tests" / "corpus"), module=module, rows=args.rows,
                                path=str(OUT / f"d03_{args.rows}.{suffix}"))
            _, peak, done = run_measured([sys.executable, "-c", code])
            seconds, pages = done.stdout.split()
            write_s.append(float(seconds))
            peaks.append(peak)
        results[suffix] = {"write_median_s": median_of(write_s), "write_runs_s": [round(t, 2) for t in write_s],
                           "peak_rss_mib": round(max(peaks)), "pages": pages}
    print(json.dumps(results, ensure_ascii=False, indent=2))
    (OUT / "bench_forms.json").write_text(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
