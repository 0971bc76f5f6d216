"""A small demo commune built once per test session and copied for each test that writes (fast UI and view tests)."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from app.register import Register

TODAY = date(2026, 12, 5)   # the demo's months: 09–10/2026 locked, 11/2026 open and due today
PERSONS = 200


def build(folder: Path) -> Path:
    from app.demo import create_demo

    path = folder / "demo.db"
    create_demo(path, persons=PERSONS, months=3, today=TODAY)
    return path


def open_copy(source: Path, folder: Path, name: str = "xa.db") -> Register:
    target = folder / name
    shutil.copyfile(source, target)
    reg = Register.open(target)
    reg.today = lambda: TODAY
    return reg
