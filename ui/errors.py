"""Errors shown to the clerk: the core's one-line message in a message box, never a traceback on screen.

The traceback of an unexpected error still goes to stderr, for whoever supports the clerk.
"""
from __future__ import annotations

import sys
import traceback

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.errors import HgdError

# The core's messages that speak of commands or schema revisions (written for the command line), said in the
# window's terms instead.
GUI_WORDS = {
    "db.missing": QT_TRANSLATE_NOOP("errors", "There is no register at “{path}”. Create one with File → New "
                                              "register…, or open the demo commune."),
    "db.not_register": QT_TRANSLATE_NOOP("errors", "“{path}” is not an hgd register. Create one with File → New "
                                                   "register…."),
    "db.newer": QT_TRANSLATE_NOOP("errors", "“{path}” was written by a newer version of hgd. Install that version "
                                            "to open it; nothing was changed."),
    "db.foreign": QT_TRANSLATE_NOOP("errors", "“{path}” is not an hgd register: it holds data of another program."),
    "db.outdated": QT_TRANSLATE_NOOP("errors", "“{path}” comes from an older hgd. Open it from the File menu to "
                                               "bring it up to date (a copy is kept first)."),
}


def message_for(exc: BaseException) -> str:
    """The core's message for its own errors (in the current language); one short line for anything else."""
    if isinstance(exc, HgdError):
        words = GUI_WORDS.get(exc.key)
        if words is not None:
            return QCoreApplication.translate("errors", words).replace("{path}", str(exc.params.get("path", "")))
        return str(exc)
    detail = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    return QCoreApplication.translate("errors", "Something went wrong: {detail}").format(detail=detail)


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    QMessageBox.critical(parent, title or QCoreApplication.translate("errors", "hgd — error"), message_for(exc))


def install_excepthook() -> None:
    """An error nobody caught is shown in a message box (and printed), instead of vanishing or closing hgd."""
    previous = sys.excepthook

    def hook(kind, exc, tb):
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, exc, tb)
            return
        if sys.stderr is not None:  # a windowed Windows build has no stderr
            traceback.print_exception(kind, exc, tb, file=sys.stderr)
        if QApplication.instance() is not None:
            show_error(QApplication.activeWindow(), exc)

    sys.excepthook = hook
