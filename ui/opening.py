"""Opening, creating and building registers from the GUI: the core does the work, errors become message boxes.

Each function returns an open Register, or None after telling the clerk why not. A register that opened is
remembered as the one to open next time.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import HgdError
from app.register import Register
from ui import places, settings
from ui.errors import show_error
from ui.worker import start_with_progress

DEMO_PERSONS = 3000
DEMO_SEED = 1

CANNOT_OPEN = QT_TRANSLATE_NOOP("opening", "Cannot open the register")
CANNOT_CREATE = QT_TRANSLATE_NOOP("opening", "Cannot create the register")
CANNOT_DEMO = QT_TRANSLATE_NOOP("opening", "Cannot create the demo commune")
CREATING_DEMO = QT_TRANSLATE_NOOP("opening", "Creating the demo commune (a few seconds)…")
CANCEL = QT_TRANSLATE_NOOP("opening", "Cancel")
DEMO_STAGES = {  # the stages app.demo reports, in its order
    "people": QT_TRANSLATE_NOOP("opening", "People and households…"),
    "cards": QT_TRANSLATE_NOOP("opening", "Health insurance cards…"),
    "events": QT_TRANSLATE_NOOP("opening", "Births, deaths, moves…"),
    "findings": QT_TRANSLATE_NOOP("opening", "Cases for the review…"),
    "writing": QT_TRANSLATE_NOOP("opening", "Writing the register…"),
    "done": QT_TRANSLATE_NOOP("opening", "Done."),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("opening", text)


def _remember(reg: Register) -> Register:
    if "://" not in reg.where:
        settings.set_last_register(reg.where)
    return reg


SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")
NOT_A_REGISTER = QT_TRANSLATE_NOOP("opening", "“%1” is a spreadsheet, not a register. Open or create a register "
                                              "first, then import the spreadsheet into it (the overview page "
                                              "offers “Import a list…”).")


def is_spreadsheet(path: str | Path) -> bool:
    """A list of persons (XLSX, XLS, ODS, CSV) rather than a register: by its name, or a ZIP or OLE file's start."""
    path = Path(path)
    if path.suffix.lower() in SPREADSHEET_SUFFIXES:
        return True
    try:
        with path.open("rb") as f:
            head = f.read(8)
    except OSError:
        return False
    return head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0"))


def open_register(parent: QWidget | None, path: str | Path) -> Register | None:
    if "://" not in str(path) and is_spreadsheet(path) and Path(path).exists():
        QMessageBox.warning(parent, _t(CANNOT_OPEN), _t(NOT_A_REGISTER).replace("%1", Path(path).name))
        return None
    try:
        reg = Register.open(path)
    except Exception as exc:  # noqa: BLE001 - whatever stops the opening is said to the clerk
        show_error(parent, exc, _t(CANNOT_OPEN))
        return None
    identity = reg.identity()
    if not (identity.get("commune_name") or identity.get("office_name")):
        reg.close()
        show_error(parent, HgdError("register.no_commune", path=str(path)), _t(CANNOT_OPEN))
        return None
    return _remember(reg)


def create_register(parent: QWidget | None, path: str | Path, commune: dict[str, str]) -> Register | None:
    path = Path(path)
    if path.parent in (places.registers_dir(), places.data_dir()):
        path.parent.mkdir(parents=True, exist_ok=True)  # hgd's own default folders; a chosen folder must exist
    try:
        reg = Register.create(path, commune)
    except Exception as exc:  # noqa: BLE001 - whatever stops the creation is said to the clerk
        show_error(parent, exc, _t(CANNOT_CREATE))
        return None
    return _remember(reg)


def build_demo(parent: QWidget | None, path: str | Path, on_done: Callable[[Register | None], None]) -> None:
    """Create the demo commune at `path` off the GUI thread, with progress and Cancel; `on_done` later receives it
    opened, or None after the clerk was told why not (nothing to tell after Cancel)."""
    path = Path(path)

    def built(_: object) -> None:
        on_done(open_register(parent, path))

    def failed(exc: BaseException) -> None:
        if not (isinstance(exc, HgdError) and exc.key == "demo.cancelled"):  # Cancel: nothing was left behind
            show_error(parent, exc, _t(CANNOT_DEMO))
        on_done(None)

    try:
        from app.demo import create_demo

        path.parent.mkdir(parents=True, exist_ok=True)
    except Exception as exc:  # noqa: BLE001 - whatever stops the demo is said to the clerk
        failed(exc)
        return
    start_with_progress(parent, _t(CREATING_DEMO),
                        partial(create_demo, str(path), persons=DEMO_PERSONS, seed=DEMO_SEED),
                        on_done=built, on_failed=failed,
                        stages={k: _t(v) for k, v in DEMO_STAGES.items()}, cancel_text=_t(CANCEL))


def demo_exists(path: str | Path | None = None) -> bool:
    return (Path(path) if path is not None else places.demo_path()).exists()


def open_demo(parent: QWidget | None, on_done: Callable[[Register | None], None],
              path: str | Path | None = None) -> None:
    """The demo commune at `path` (default: the user's data folder), created on first use, handed to `on_done`
    (at once when it exists, after its building otherwise)."""
    path = Path(path) if path is not None else places.demo_path()
    if path.exists():
        on_done(open_register(parent, path))
    else:
        build_demo(parent, path, on_done)
