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
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app import messages
from app.demo.events import WINDOW_MONTHS
from app.demo.generator import DemoData, generate_people
from app.demo.ops import DemoBase, replay
from app.demo.spreadsheet import COLUMNS, write_persons_file
from app.domain.te_card import te_card_end
from app.errors import HgdError
from app.register import COMMUNE_FIELDS as _COMMUNE_FIELDS
from app.register import Register
from app.registry import SetCommuneInfo
from app.store import building, sqlite_file
from app.store.models import Household, Person
from app.store.sqlite_file import check_regular
from app.store.target import Target, resolve

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


DemoProgress = Callable[[float, int], object]  # returns False to cancel


def _reporter(progress: DemoProgress | None) -> Callable[[float, int], None]:
    def step(done: float, total: int) -> None:
        if progress is not None and progress(done, total + 1) is False:
            raise HgdError("demo.cancelled")
    return step


def fill_demo(register: Register, *, persons: int, seed: int, today: date | None = None,
              progress: DemoProgress | None = None,
              months: int = WINDOW_MONTHS) -> dict[str, Any]:
    """Fill an open, empty register with the demo commune: the register as it stood when the demo's months began
    (one action), then every event through the registry, each an action of its own dated on its day — so that the
    history and the audit trail are the real ones. The register's own commune is kept when it names a real 2025
    commune; its missing identity fields are taken from the demo."""
    started = time.perf_counter()
    _checked(persons)
    with register.reading() as s:
        if s.scalar(select(func.count()).select_from(Person)) or s.scalar(select(func.count()).select_from(Household)):
            raise HgdError("demo.not_empty", path=register.where)
    own = register.commune()
    step = _reporter(progress)
    data = generate_people(persons, seed, today, commune_code=own.get("commune_code"), progress=step, months=months)
    mine = {("code" if k == "commune_code" else "name" if k == "commune_name" else k): v for k, v in own.items()}
    missing = {k: v for k, v in _identity(data.commune).items() if not mine.get(k)}
    clock, day = register.clock, register.today
    try:
        start = data.start or data.today
        replay(register, start, DemoBase(len(data.base_persons), seed,
                                         rows=(data.base_households, data.base_persons)), 0)
        if missing:
            replay(register, start, SetCommuneInfo(missing), 1)
        for i, (when, op) in enumerate(data.ops):
            replay(register, when, op, i + 2)
            if i % 25 == 0:
                step(5 + i / max(1, len(data.ops)), 6)
    finally:
        register.clock, register.today = clock, day
    step(6, 5)
    commune = {**data.commune, **{k: v for k, v in own.items() if v}}
    return {**data.summary(), "commune": commune, "commune_name": commune["commune_name"],
            "commune_code": commune.get("commune_code"), "db": register.where,
            "seconds": round(time.perf_counter() - started, 2)}


def _identity(commune: dict[str, str]) -> dict[str, str]:
    keys = {"commune_code": "code", "commune_name": "name"}
    return {keys.get(k, k): v for k, v in commune.items() if v and keys.get(k, k) in _COMMUNE_FIELDS}


def create_demo(db_path: str | Path, *, persons: int = 3000, seed: int = 1, today: date | None = None,
                progress: DemoProgress | None = None, months: int = WINDOW_MONTHS) -> dict[str, Any]:
    """A new register file holding the demo commune, built in a temporary file beside it and renamed when
    complete: a killed or cancelled build leaves nothing behind. Refuses a file that already holds a register."""
    started = time.perf_counter()
    _checked(persons)
    text = str(db_path)
    resolved = resolve(db_path)
    if resolved.path is None:
        return _create(resolved, persons, seed, today, progress, started, months)
    target = resolved.path
    check_regular(target)
    if target.is_symlink():
        target = target.resolve()
    if target.exists() and target.stat().st_size > 0:
        sqlite_file.preflight(target, sqlite_file.access(target).mode, creating=True)  # a foreign or damaged file
        raise HgdError("register.exists", path=text)
    if not target.parent.is_dir():
        raise HgdError("register.folder_missing", path=str(target.parent))
    building.clean_stale(target)
    work = building.work_path(target, "building")
    try:
        summary = _create(work, persons, seed, today, progress, started, months)
        building.publish(work, target)
    except HgdError as exc:  # said of the work file: said of the register's place
        if exc.params.get("path") != str(work):
            raise
        raise HgdError(exc.key, **{**exc.params, "path": text}) from exc
    finally:
        building.remove_files(work)
    summary["db"] = text
    return summary


def _create(db: str | Path | Target, persons: int, seed: int, today: date | None, progress: DemoProgress | None, started: float,
            months: int) -> dict[str, Any]:
    commune = generate_people(1, seed, today).commune  # the seed's commune, chosen the same way, for the settings
    reg = Register.create(db, commune)
    try:
        summary = fill_demo(reg, persons=persons, seed=seed, today=today, progress=progress, months=months)
        reg.store.seal()  # the WAL folded into the file before it is renamed
    finally:
        reg.close()
    summary["seconds"] = round(time.perf_counter() - started, 2)
    return summary
