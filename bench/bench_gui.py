"""The GUI on a 30,000-person demo commune (targets: a search keystroke < 50 ms through the model, the households
screen open < 1 s, the window usable < 2 s after start).

- keystroke: "nguyen van hung" typed one character at a time into the households page's search box (the page shown
  at 1366×700, as in the window: a hidden view measures every row of a page to fit its columns); each keystroke
  timed from the text change to the model holding its first page of rows (index search + the page's SQL read),
  through a synchronous runner so the time is the work itself (the threaded runner adds a queued signal). Also
  timed to the end of the keystroke's work with the synchronous runner: the list's first row chosen and that
  household's members read and shown (on the threaded runner a job of its own, after the list is shown).
- households screen: the page created, shown and refreshed until its first rows are shown; then until search is
  ready (the search index built after the first page, one read of households and persons).
- window usable: `python -m ui` started in a child process (offscreen) on the register, until the overview shows
  the register's counts (Python and Qt start included); its CPU seconds and peak memory.
Wall and CPU seconds (time.process_time; the children's user + system) are both given: on a shared machine the
CPU seconds are what load inflates least.
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
from bench.common import LAST_CPU, OUT, machine, run_measured

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
    page = HouseholdsPage(AppContext(str(db), runner))
    page.resize(1366, 700)
    page.show()
    return page, runner


def clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def since(start: tuple[float, float]) -> tuple[float, float]:
    return time.perf_counter() - start[0], time.process_time() - start[1]


def households_open(db: Path) -> tuple[tuple[float, float], tuple[float, float]]:
    """(wall, CPU) until the first rows are shown, and until search is ready (the index built)."""
    from PySide6.QtWidgets import QApplication

    started = clock()
    page, runner = page_on(db)
    page.refresh(None)
    assert page.model.rowCount() > 0
    shown = since(started)
    while page.model.index_ready() is None:
        QApplication.processEvents()
    ready = since(started)
    page.close()
    runner.close()
    return shown, ready


def keystrokes(db: Path) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """Per keystroke (wall, CPU) until the model holds the first page, and until the keystroke's work is done."""
    from PySide6.QtWidgets import QApplication

    page, runner = page_on(db)
    page.refresh(None)
    while page.model.index_ready() is None:
        QApplication.processEvents()
    listed: list[tuple[float, float]] = []
    page.model.modelReset.connect(lambda: listed.append(since(started)))
    done = []
    for n in range(1, len(TYPED) + 1):
        started = clock()
        page.search.setText(TYPED[:n])
        page.apply_filter()   # what the 120 ms pause after typing triggers
        page.model.rowCount()
        done.append(since(started))
    assert page.model.total > 0, "nothing found"
    assert len(listed) == len(done)
    page.close()
    runner.close()
    return listed, done


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
    listed: list[tuple[float, float]] = []
    done: list[tuple[float, float]] = []
    per_run = []
    for _ in range(args.runs):
        run_listed, run_done = keystrokes(db)
        listed += run_listed
        done += run_done
        per_run.append(statistics.median(w for w, _c in run_listed))
    starts, cpus, peaks = [], [], []
    for _ in range(args.runs):
        seconds, peak, _done = run_measured([sys.executable, str(Path(__file__)), "--child-start", str(db)])
        starts.append(seconds)
        cpus.append(LAST_CPU[0])
        peaks.append(peak)

    def ms(pairs: list[tuple[float, float]]) -> dict:
        return {"wall_median": round(statistics.median(w for w, _c in pairs) * 1000, 1),
                "cpu_median": round(statistics.median(c for _w, c in pairs) * 1000, 1),
                "wall_max": round(max(w for w, _c in pairs) * 1000, 1)}

    def secs(pairs: list[tuple[float, float]]) -> dict:
        return {"wall_median": round(statistics.median(w for w, _c in pairs), 3),
                "cpu_median": round(statistics.median(c for _w, c in pairs), 3),
                "wall_runs": [round(w, 3) for w, _c in pairs]}

    result = {
        "persons": args.persons, "machine": machine(), "load": os.getloadavg(),
        "keystroke_list_ms": {**ms(listed), "run_medians_wall": [round(m * 1000, 1) for m in per_run]},
        "keystroke_with_detail_ms": ms(done),
        "households_open_s": secs([o[0] for o in opens]),
        "households_search_ready_s": secs([o[1] for o in opens]),
        "window_usable_s": {"wall_median": round(statistics.median(starts), 2),
                            "cpu_median": round(statistics.median(cpus), 2),
                            "wall_runs": [round(x, 2) for x in starts], "cpu_runs": [round(x, 2) for x in cpus],
                            "peak_mib": round(max(peaks))},
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "gui.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
