"""The bundled fonts: Noto Sans for the GUI (full Vietnamese coverage), Liberation Serif for printed forms.

Loading them from resources/fonts makes the GUI look the same on every machine, including one without any system
font (Qt would draw empty boxes) or with only DejaVu Sans (whose Ả is hard to tell from Á).
"""
from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from app.paths import resource

UI_FAMILY = "Noto Sans"
FORM_FAMILY = "Liberation Serif"
MIN_POINT_SIZE = 10.0  # older eyes, diacritics stacked two deep

_loaded: dict[str, list[str]] = {}


def load_bundled_fonts() -> dict[str, list[str]]:
    """Register every .ttf under resources/fonts with Qt (once); returns file name -> font families."""
    if not _loaded:
        for path in sorted(resource("fonts").glob("*.ttf")):
            font_id = QFontDatabase.addApplicationFont(str(path))
            _loaded[path.name] = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return _loaded


def ui_font(point_size: float | None = None) -> QFont:
    font = QFont(UI_FAMILY)
    base = QGuiApplication.font().pointSizeF() if point_size is None else point_size
    font.setPointSizeF(max(base, MIN_POINT_SIZE))
    return font


def use_bundled_ui_font(app: QGuiApplication) -> bool:
    """Make Noto Sans the application font. False when it could not be loaded (the system font stays)."""
    families = {f for names in load_bundled_fonts().values() for f in names}
    if UI_FAMILY not in families:
        return False
    app.setFont(ui_font())
    return True
