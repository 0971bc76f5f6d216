"""The demo commune as an employer, and its reporting months.

Staff: the officials (HC) and part-time staff (XK) the issuer chose are entered in the staff register when the demo's
months begin (they were reported before: no event); then every month one of them has a change of terms, joins or
leaves — so that each month's D02-LT has rows. Periods: every month of the demo before the last full one is opened
and locked on the 2nd of the next month (as a clerk does before the 5th); the last full month is left open, for the
clerk to lock.
"""
from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from app.demo.events import EventLog
from app.demo.model import Member
from app.lists import periods
from app.lists.period_ops import LockPeriod, OpenPeriod
from app.lists.staff import AddStaff, ChangeStaff, EndStaff
from app.operations import Operation

OFFICIALS = (("Chủ tịch UBND xã", "manager", 0.3), ("Phó Chủ tịch UBND xã", "manager", 0.25),
             ("Công chức Văn phòng - Thống kê", "mid", None), ("Công chức Tư pháp - Hộ tịch", "mid", None),
             ("Công chức Tài chính - Kế toán", "mid", None), ("Công chức Địa chính - Xây dựng", "mid", None),
             ("Công chức Văn hóa - Xã hội", "mid", None), ("Chỉ huy trưởng Ban Chỉ huy Quân sự xã", "manager", 0.2))
PART_TIME = ("Phó Chỉ huy trưởng Ban Chỉ huy Quân sự xã", "Văn thư - Lưu trữ", "Thủ quỹ", "Phó Chủ tịch Hội Nông dân",
             "Phó Chủ tịch Hội Phụ nữ", "Phó Bí thư Đoàn Thanh niên", "Nhân viên Thú y")
STEPS = (2.34, 2.67, 3.0, 3.33, 3.66, 3.99, 4.32, 4.65, 4.98)   # officials' pay scale
PART_STEPS = (1.0, 1.14, 1.3, 1.5, 1.7, 1.86)                     # part-time staff's allowance coefficients
PLAN = ("change", "start", "change", "end")   # the staff event of each month, in turn
OVERRIDE = "Xã mẫu: dữ liệu giả lập"


def _terms(rng: random.Random, kind: str, i: int, since: date, start: date) -> dict[str, Any]:
    decision = f"QĐ số {rng.randint(5, 180)}/QĐ-UBND ngày {since.strftime('%d/%m/%Y')}"
    if kind == "HC":
        position, job, allowance = OFFICIALS[i % len(OFFICIALS)]
        terms = {"position": position, "job_class": job, "salary_coefficient": rng.choice(STEPS[:7]),
                 "contract_kind": "decision", "decision": decision}
        if allowance:
            terms["allowance_position"] = allowance
        if rng.random() < 0.3:
            terms["allowance_seniority_vk"] = rng.choice((5, 6, 7))
    else:
        renewed = since.replace(year=since.year + 5 * ((start.year - since.year) // 5))  # contracts of 5 years
        terms = {"position": f"Người hoạt động không chuyên trách: {PART_TIME[i % len(PART_TIME)]}",
                 "job_class": "other", "salary_coefficient": rng.choice(PART_STEPS[:4]),
                 "contract_kind": "fixed", "contract_from": renewed.isoformat(),
                 "contract_to": (renewed.replace(year=renewed.year + 5) - timedelta(days=1)).isoformat(),
                 "decision": decision}
    return {**terms, "contributions_from": f"{since.year:04d}-{since.month:02d}"}


def months(start: date, today: date) -> list[str]:
    out, month = [], periods.month_of(start)
    while month <= periods.month_of(today):
        out.append(month)
        month = periods.next_month(month)
    return out


def _day_in(rng: random.Random, month: str, start: date, today: date) -> date | None:
    first = max(periods.first_day(month), start + timedelta(days=1))
    last = min(periods.last_day(month), today - timedelta(days=1))
    if last < first:
        return None
    return first + timedelta(days=rng.randrange((last - first).days + 1))


def record_staff(rng: random.Random, staff: dict[str, str], people: dict[str, Member], log: EventLog, start: date,
                 today: date) -> list[tuple[date, Operation]]:
    """The staff register at the start (data entry) and one staff event a month (logged as events)."""
    ops: list[tuple[date, Operation]] = []
    chosen = [people[pid] for pid in staff if pid in people]
    held = [m for m in chosen if m.row["status"] == "active" and m.age(start) < 45][:2]  # recruited later
    terms: dict[str, dict[str, Any]] = {}
    for i, m in enumerate(chosen):
        since = date(start.year - 1 - int(rng.random() * 12), 1 + int(rng.random() * 12), 1)
        terms[m.row["id"]] = _terms(rng, staff[m.row["id"]], i, since, start)
        if m not in held:
            ops.append((start, AddStaff(person=m.row["id"], date=since.isoformat(), terms=terms[m.row["id"]],
                                        already_reported=True)))
    working = [m for m in chosen if m not in held and m.row["status"] == "active"]
    rng.shuffle(working)
    for n, month in enumerate(months(start, today)):
        when = _day_in(rng, month, start, today)
        what = PLAN[n % len(PLAN)]
        if when is None or (what == "start" and not held) or not working:
            what = "change"
        if when is None or not working:
            continue
        if what == "start":
            m = held.pop()
            first = f"{when.year:04d}-{when.month:02d}"
            t = {**terms[m.row["id"]], "contributions_from": first,
                 "decision": f"QĐ số {rng.randint(5, 180)}/QĐ-UBND ngày {when.strftime('%d/%m/%Y')}"}
            op: Operation = AddStaff(person=m.row["id"], date=when.isoformat(), terms=t)
            kind = "staff_start"
        elif what == "end":
            m = working.pop()
            op = EndStaff(person=m.row["id"], date=when.isoformat(), reason="Nghỉ việc theo nguyện vọng")
            kind = "staff_end"
        else:
            m = working.pop()
            old = terms[m.row["id"]]["salary_coefficient"]
            scale = STEPS if staff[m.row["id"]] == "HC" else PART_STEPS
            new = next((s for s in scale if s > old), round(old + 0.33, 2))
            op = ChangeStaff(person=m.row["id"], date=when.isoformat(), terms={"salary_coefficient": new},
                             reason="Nâng bậc lương thường xuyên")
            kind = "staff_change"
        ops.append((when, op))
        log.add(kind, when, {}, [("person", m)])
    return ops


def period_ops(start: date, today: date) -> list[tuple[date, Operation]]:
    """Open each month's period on its first day (the demo's first day for the first month); lock it on the 2nd of
    the next month, except the last full month, left open."""
    ops: list[tuple[date, Operation]] = []
    full = [m for m in months(start, today) if m < periods.month_of(today)]
    for i, month in enumerate(full):
        ops.append((max(start, periods.first_day(month)), OpenPeriod(month)))
        if i < len(full) - 1:
            ops.append((periods.first_day(periods.next_month(month)) + timedelta(days=1),
                        LockPeriod(month, override_reason=OVERRIDE)))
    return ops
