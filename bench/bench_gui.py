"""The GUI on a 30,000-person demo commune (targets: a search keystroke < 50 ms through the model, the households
screen open < 1 s, the window usable < 2 s after start).

- keystroke: "nguyen van hung" typed one character at a time into the households page's search box; each keystroke
  timed from the text change to the model holding its first page of rows (index search + the page's SQL read),
  through a synchronous runner so the time is the work itself (the threaded runner adds a queued signal).
- households screen: the page created and refreshed until its first rows are shown (the search index built: one
  read of households and persons).
- window usable: `python -m ui` started in a child process (offscreen) on the register, until the overview shows
  the register's counts (Python and Qt start included); peak memory of that child.
Usage: python bench/bench_gui.py [--runs 5] [--persons 30000]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import OUT, machine, run_measured

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
TYPED = "nguyen van hung"


def demo(persons: int) -> Path:
    path = OUT / f"gui-demo-{persons}.db"
    if not path.exists():
        from app.demo import create_demo

        OUT.mkdir(parents=True, exist_ok=True)
        create_demo(str(path), persons=persons, seed=1)
    return path


def page_on(db: Path):
    from app.register import Register
    from ui.context import AppContext, SyncRunner
    from ui.pages.households import HouseholdsPage

    reg = Register.open(db)
    runner = SyncRunner(str(db), register=reg)
    return HouseholdsPage(AppContext(str(db), runner)), runner


def households_open(db: Path) -> float:
    started = time.perf_counter()
    page, runner = page_on(db)
    page.refresh(None)
    assert page.model.rowCount() > 0
    seconds = time.perf_counter() - started
    runner.close()
    return seconds


def keystrokes(db: Path) -> list[float]:
    page, runner = page_on(db)
    page.refresh(None)
    times = []
    for n in range(1, len(TYPED) + 1):
        started = time.perf_counter()
        page.search.setText(TYPED[:n])
        page.apply_filter()   # what the 120 ms pause after typing triggers
        page.model.rowCount()
        times.append(time.perf_counter() - started)
    assert page.model.total > 0, "nothing found"
    runner.close()
    return times


def child_start(db: str) -> None:
    """In the child: start as `python -m ui --db` does, return once the overview shows the counts."""
    from PySide6.QtWidgets import QApplication

    from app.register import Register
    from ui.app import create_app
    from ui.main_window import MainWindow

    create_app("vi")
    window = MainWindow(Register.open(db))
    window.show()
    window.settle()
    assert window.overview.value_text("persons.active") not in ("", "–")
    QApplication.processEvents()
    window.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--persons", type=int, default=30000)
    parser.add_argument("--child-start")
    args = parser.parse_args()
    if args.child_start:
        child_start(args.child_start)
        return
    from ui.app import create_app

    create_app("vi")
    db = demo(args.persons)
    opens = [households_open(db) for _ in range(args.runs)]
    keys: list[float] = []
    per_run = []
    for _ in range(args.runs):
        run = keystrokes(db)
        keys += run
        per_run.append(statistics.median(run))
    starts, peaks = [], []
    for _ in range(args.runs):
        seconds, peak, _done = run_measured([sys.executable, str(Path(__file__)), "--child-start", str(db)])
        starts.append(seconds)
        peaks.append(peak)
    result = {
        "persons": args.persons, "machine": machine(), "load": os.getloadavg(),
        "keystroke_ms": {"median": round(statistics.median(keys) * 1000, 1),
                         "max": round(max(keys) * 1000, 1), "run_medians": [round(m * 1000, 1) for m in per_run]},
        "households_open_s": {"median": round(statistics.median(opens), 3), "runs": [round(x, 3) for x in opens]},
        "window_usable_s": {"median": round(statistics.median(starts), 2), "runs": [round(x, 2) for x in starts],
                            "peak_mib": round(max(peaks))},
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "gui.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
