"""The demo commune (`hgd demo`): a realistic register, deterministic for a seed, with what the review must find.

    create_demo(db_path, persons=3000, seed=1, today=None, progress=None) -> summary   a new register file
    fill_demo(register, persons=..., seed=..., today=None, progress=None) -> summary  an open, empty register
    generate_people(persons, seed, today=None) -> DemoData                            rows only, no database
    write_persons_file(path, persons=..., seed=..., fmt="csv"|"xlsx", style=...)      the import format

`progress`, when given, is called as progress(done, total) after each stage (as ui/worker.py expects); returning
False cancels (HgdError "demo.cancelled"; nothing is written).
"""
from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from app import messages
from app.demo.cards import te_card_end
from app.demo.generator import DemoData, generate_people
from app.demo.spreadsheet import COLUMNS, write_persons_file
from app.errors import HgdError
from app.register import Register
from app.store.bulk import insert_register_rows, insert_rows
from app.store.models import Event, EventSubject, Household, Person, Setting

__all__ = ["COLUMNS", "DemoData", "create_demo", "fill_demo", "generate_people", "te_card_end",
           "write_persons_file"]

messages.register({
    "demo.not_empty": ("Sổ '{path}' đã có dữ liệu: chỉ tạo được xã mẫu trong một sổ trống",
                       "The register '{path}' already holds data: the demo commune needs an empty register"),
    "demo.cancelled": ("Đã hủy tạo xã mẫu", "Creating the demo commune was cancelled"),
    "demo.persons": ("Số người của xã mẫu phải từ 1 đến 2.000.000 (đã nhập {persons})",
                     "The demo commune needs 1 to 2,000,000 persons (got {persons})"),
})

MAX_PERSONS = 2_000_000


def _checked(persons: int) -> int:
    if not isinstance(persons, int) or isinstance(persons, bool) or not 1 <= persons <= MAX_PERSONS:
        raise HgdError("demo.persons", persons=persons)
    return persons


def _reporter(progress):
    def step(done: int, total: int) -> None:
        if progress is not None and progress(done, total + 1) is False:
            raise HgdError("demo.cancelled")
    return step


def fill_demo(register: Register, *, persons: int, seed: int, today: date | None = None, progress=None) -> dict:
    """Fill an open, empty register with the demo commune, in one action (one transaction). The register's own
    commune is kept when it names a real 2025 commune; its missing identity fields are taken from the demo."""
    started = time.perf_counter()
    _checked(persons)
    with register.reading() as s:
        if s.scalar(select(func.count()).select_from(Person)) or s.scalar(select(func.count()).select_from(Household)):
            raise HgdError("demo.not_empty", path=register.where)
    own = register.commune()
    step = _reporter(progress)
    data = generate_people(persons, seed, today, commune_code=own.get("commune_code"), progress=step)
    commune_code = own.get("commune_code") or data.commune["commune_code"]
    households = sorted(({**h, "head_person_id": None, "commune_code": commune_code} for h in data.households),
                        key=lambda h: h["related_household_id"] is not None)  # referenced households first
    details = {"seed": seed, "persons": persons, "today": data.today.isoformat()}
    with register.action("demo", f"Tạo xã mẫu ({len(data.persons)} người)", details) as s:
        for key, value in data.commune.items():
            if not own.get(key):
                s.merge(Setting(key=key, value=value))
        s.flush()
        insert_register_rows(s, households, data.persons, data.heads)
        action_id = s.info["action"].id
        insert_rows(s, Event.__table__, [{**e, "action_id": action_id} for e in data.events])
        insert_rows(s, EventSubject.__table__, data.event_subjects)
    step(6, 5)
    commune = {**data.commune, **{k: v for k, v in own.items() if v}}
    return {**data.summary(), "commune": commune, "commune_name": commune["commune_name"],
            "commune_code": commune_code, "db": register.where, "seconds": round(time.perf_counter() - started, 2)}


def create_demo(db_path: str | Path, *, persons: int = 3000, seed: int = 1, today: date | None = None,
                progress=None) -> dict:
    """A new register file holding the demo commune. Refuses a file that already holds a register."""
    started = time.perf_counter()
    _checked(persons)
    text = str(db_path)
    is_file = "://" not in text
    existed = is_file and Path(text).exists()
    commune = generate_people(1, seed, today).commune  # the seed's commune, chosen the same way, for the settings
    reg = Register.create(db_path, commune)
    try:
        summary = fill_demo(reg, persons=persons, seed=seed, today=today, progress=progress)
    except BaseException:
        reg.close()
        if is_file and not existed:  # leave nothing half-made behind
            for suffix in ("", "-wal", "-shm"):
                Path(text + suffix).unlink(missing_ok=True)
        raise
    reg.close()
    summary["seconds"] = round(time.perf_counter() - started, 2)
    return summary
