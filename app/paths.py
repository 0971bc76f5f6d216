"""Where the program's own files are: resources/ and db/migrations/, beside the app package or in a frozen build."""
from __future__ import annotations

import csv
import sys
from functools import cache
from pathlib import Path

if getattr(sys, "frozen", False):  # PyInstaller: data files are unpacked under sys._MEIPASS
    ROOT = Path(sys._MEIPASS)  # type: ignore[attr-defined]  # set by the PyInstaller bootloader only
else:
    ROOT = Path(__file__).resolve().parent.parent

RESOURCES = ROOT / "resources"
MIGRATIONS = ROOT / "db" / "migrations"


def resource(*parts: str) -> Path:
    return RESOURCES.joinpath(*parts)


@cache
def table(*parts: str) -> tuple[dict[str, str], ...]:
    """A code table (a CSV file under resources/, UTF-8, a header row) as its rows, read once."""
    with resource(*parts).open(encoding="utf-8", newline="") as f:
        return tuple(csv.DictReader(f))
