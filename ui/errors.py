"""Errors shown to the clerk: the core's one-line message in a message box, never a traceback on screen.

The traceback of an unexpected error still goes to stderr, for whoever supports the clerk.
"""
from __future__ import annotations

import sys
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.errors import HgdError



def message_for(exc: BaseException) -> str:
    """The core's message for its own errors (in the current language); one short line for anything else."""
    if isinstance(exc, HgdError):
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
