"""Events and undo on a 30,000-person register holding a year of events (target: each < 100 ms).

Each event kind is applied to several different persons or households of a demo register (`hgd demo --months 12`),
each followed by its undo; the figure is the median of the `Register.apply` / `Register.undo` calls (the time a clerk
waits in the GUI, which keeps the register open); the whole `hgd event death` command (Python start included) is
timed beside it. Usage: python bench/bench_events.py [--runs 5] [--persons 30000]
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import OUT, hgd, machine, run_measured


def _targets(reg, n: int):
    from sqlalchemy import func, select

    from app.store.models import Household, Person

    with reg.reading() as s:
        adults = s.scalars(select(Person.bhxh_code).where(Person.status == "active", Person.bhxh_code.is_not(None),
                                                          Person.birth_year < 1990).limit(4 * n)).all()
        big = s.execute(select(Household.code, Household.id).join(Person, Person.household_id == Household.id)
                        .where(Household.status == "active", Person.status == "active")
                        .group_by(Household.id).having(func.count() >= 4).limit(2 * n)).all()
        members = {hid: s.scalars(select(Person.id).where(Person.household_id == hid, Person.status == "active",
                                                          Person.relation != "chu_ho")).all() for _, hid in big}
    return adults, big, members


def main() -> None:
    from app.register import Register
    from app.registry import (
        ChangeGroup,
        ChangeHead,
        CorrectPerson,
        MergeHouseholds,
        RecordBirth,
        RecordDeath,
        RecordMoveIn,
        RecordMoveOut,
        SplitHousehold,
    )

    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--persons", type=int, default=30_000)
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    base = OUT / "events_base.db"
    if not base.exists():
        run_measured(hgd("demo", "--db", base, "--persons", args.persons, "--seed", 5, "--months", 12))
    db = OUT / "events.db"
    shutil.copy(base, db)
    day = (date.today() - timedelta(days=1)).isoformat()
    n = args.runs
    reg = Register.open(db)
    adults, big, members = _targets(reg, n)
    ops = {
        "birth": [RecordBirth(household=code, full_name=f"Trẻ Thử {i}", sex="M", birth_date=day)
                  for i, (code, _) in enumerate(big[:n])],
        "death": [RecordDeath(person=p, date=day) for p in adults[:n]],
        "move_in": [RecordMoveIn(persons=({"full_name": f"Người Đến {i}", "sex": "F", "birth_date": "1990",
                                           "relation": "Khác"},), date=day, household=code)
                    for i, (code, _) in enumerate(big[:n])],
        "move_out": [RecordMoveOut(persons=(p,), date=day) for p in adults[n:2 * n]],
        "split": [SplitHousehold(household=code, members=(members[hid][0],), new_head=members[hid][0], date=day)
                  for code, hid in big[:n]],
        "merge": [MergeHouseholds(source=big[n + i][0], target=big[i][0], date=day) for i in range(n)],
        "head_change": [ChangeHead(household=code, new_head=members[hid][0], date=day) for code, hid in big[:n]],
        "correction": [CorrectPerson(person=p, changes={"phone": "0912345678"}) for p in adults[2 * n:3 * n]],
        "group_change": [ChangeGroup(person=p, group="LH", date=day) for p in adults[3 * n:4 * n]],
    }
    results = {"machine": machine(), "persons": args.persons, "months_of_events": 12, "runs": n, "events": {}}
    for kind, items in ops.items():
        apply_t, undo_t = [], []
        for op in items:
            started = time.perf_counter()
            reg.apply(op)
            apply_t.append(time.perf_counter() - started)
            started = time.perf_counter()
            reg.undo()
            undo_t.append(time.perf_counter() - started)
        results["events"][kind] = {"apply_median_ms": round(statistics.median(apply_t) * 1000, 1),
                                   "undo_median_ms": round(statistics.median(undo_t) * 1000, 1),
                                   "apply_max_ms": round(max(apply_t) * 1000, 1),
                                   "undo_max_ms": round(max(undo_t) * 1000, 1)}
        print(kind, results["events"][kind], flush=True)
    with reg.reading() as s:
        from sqlalchemy import func, select

        from app.store.models import Event
        results["events_in_register"] = s.scalar(select(func.count()).select_from(Event))
    reg.close()
    cli = []
    for p in adults[4 * n:5 * n] or adults[:1]:
        seconds, peak, _done = run_measured(hgd("event", "death", "--db", db, "--person", p, "--date", day))
        cli.append(seconds)
    results["cli_event_death_median_s"] = round(statistics.median(cli), 2)
    results["cli_event_peak_rss_mib"] = round(peak)
    print(json.dumps(results, ensure_ascii=False, indent=2))
    (OUT / "bench_events.json").write_text(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
