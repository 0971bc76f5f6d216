"""Run every benchmark (`make bench`); results go to bench/out/*.json, and by hand into BENCHMARKS.md."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

for script in ("bench_import.py", "bench_demo.py", "bench_events.py", "bench_forms.py", "bench_lists.py",
               "bench_cards.py", "bench_pages.py", "bench_package.py", "bench_package_flow.py",
               "bench_packages_page.py", "bench_review.py",
               "bench_review_command.py", "bench_gui.py", "bench_print.py", "fault_kill.py"):
    print(f"== {script}", flush=True)
    subprocess.run([sys.executable, str(HERE / script), *sys.argv[1:]], check=True)
