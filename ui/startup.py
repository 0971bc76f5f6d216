"""Which register the GUI opens first: --demo, --db, the last one opened, or the first-run dialog's choice."""
from __future__ import annotations

from pathlib import Path

from app.register import Register
from ui import opening, places, settings
from ui.first_run import FirstRunDialog

_next_step: list[str | None] = [None]


def next_step() -> str | None:
    """What the first-run wizard's clerk chose to do first in a new register: "import", "household" or None."""
    return _next_step[0]


def ask_first_run(missing_path: Path | None = None, *, build_demo: bool = False) -> Register | None:
    dialog = FirstRunDialog(missing_path, build_demo=build_demo)
    accepted = dialog.exec()
    _next_step[0] = dialog.next_step if accepted else None
    return dialog.register if accepted else None


def first_register(db: str | None = None, demo: bool = False) -> Register | None:
    """The register to show, or None when the clerk quit the first-run dialog."""
    if demo:
        if not opening.demo_exists():
            return ask_first_run(build_demo=True)   # built behind the first-run dialog, which offers the rest
        reg = opening.open_register(None, places.demo_path())
        return reg if reg is not None else ask_first_run()
    if db:
        if "://" in db or Path(db).exists():
            reg = opening.open_register(None, db)
            return reg if reg is not None else ask_first_run()
        return ask_first_run(Path(db))
    last = settings.last_register()
    if last is not None and last.exists():
        reg = opening.open_register(None, last)
        if reg is not None:
            return reg
    return ask_first_run()
