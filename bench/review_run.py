"""The child process of bench_review.py: read the persons of a register file as `hgd review` will (one SELECT),
find the pairs, write them as CSV. Measured from outside (wall time, peak memory): python start included.

    python bench/review_run.py REGISTER.db PAIRS.csv
"""
from __future__ import annotations

import csv
import sqlite3
import sys
import time

QUERY = ("SELECT id, household_id, full_name, birth_date, sex, birth_place, birth_province_code, id_number, "
         "bhxh_code, relation FROM persons WHERE status = 'active'")


def main(db: str, out: str) -> None:
    started = time.perf_counter()
    from app.review import RecordTable, find_pairs

    con = sqlite3.connect(db)
    table = RecordTable.from_rows(con.execute(QUERY))  # straight from the cursor, in chunks
    con.close()
    loaded = time.perf_counter()
    pairs = find_pairs(table)
    matched = time.perf_counter()
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["a_id", "b_id", "score", "decision"])
        w.writerows((p.a_id, p.b_id, p.score, p.decision) for p in pairs)
    print(f"load {loaded - started:.2f} match {matched - loaded:.2f} pairs {len(pairs)}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
