"""The bundled fonts are loaded, the UI font is the application font, and both cover every Vietnamese letter."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QRawFont
from PySide6.QtWidgets import QApplication

from app.paths import resource
from ui.fonts import FORM_FAMILY, UI_FAMILY, load_bundled_fonts

# Every precomposed Vietnamese letter: Latin Extended Additional U+1EA0–U+1EF9 plus the letters outside it.
VIETNAMESE = ("".join(chr(c) for c in range(0x1EA0, 0x1EFA))
              + "ĂăÂâĐđÊêÔôƠơƯưÀÁÃÈÉÊÌÍÒÓÕÙÚÝàáãèéìíòóõùúýĨĩŨũ")


def test_the_bundled_ui_font_is_the_application_font(hgd_app):
    assert QApplication.font().family() == UI_FAMILY
    assert QApplication.font().pointSizeF() >= 10
    assert not QApplication.windowIcon().isNull()


def test_every_font_file_is_loaded(hgd_app):
    loaded = load_bundled_fonts()
    assert set(loaded) == {p.name for p in resource("fonts").glob("*.ttf")}
    assert all(loaded.values()), "a font file Qt could not read"
    assert {UI_FAMILY, FORM_FAMILY} <= set(QFontDatabase.families())


@pytest.mark.parametrize("family", [UI_FAMILY, FORM_FAMILY])
@pytest.mark.parametrize("bold,italic", [(False, False), (True, False), (False, True)])
def test_the_fonts_draw_every_vietnamese_letter(hgd_app, family, bold, italic):
    font = QFont(family, 12)
    font.setBold(bold)
    font.setItalic(italic)
    raw = QRawFont.fromFont(font)
    assert raw.familyName() == family
    # ord(): PySide's str overload of supportsCharacter misreads characters beyond ASCII
    assert [ch for ch in VIETNAMESE if not raw.supportsCharacter(ord(ch))] == []
