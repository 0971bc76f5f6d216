"""The QApplication set up for hgd: names (for QSettings), bundled fonts, translator, window icon."""
from __future__ import annotations

import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app import __version__
from app.paths import resource
from ui import fonts, i18n, settings


def window_icon() -> QIcon:
    icon = QIcon()
    for path in sorted(resource("icons").glob("hgd-*.png")):
        icon.addFile(str(path))
    return icon


def setup_app(app: QApplication, lang: str) -> QApplication:
    """Configure an existing QApplication (tests pass pytest-qt's) for hgd in `lang`."""
    app.setOrganizationName(settings.ORGANIZATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationVersion(__version__)
    fonts.use_bundled_ui_font(app)
    i18n.install(app, lang)
    app.setWindowIcon(window_icon())
    return app


def _windows_taskbar_identity() -> None:
    """On Windows, without its own AppUserModelID the taskbar shows Python's icon instead of hgd's."""
    if sys.platform == "win32":
        try:
            import ctypes

            ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID("hgd.gui")
        except (AttributeError, OSError):
            pass


def create_app(lang: str, argv: list[str] | None = None) -> QApplication:
    _windows_taskbar_identity()
    app = QApplication.instance() or QApplication(list(argv if argv is not None else sys.argv[:1]))
    return setup_app(app, lang)
