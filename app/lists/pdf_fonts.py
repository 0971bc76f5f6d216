"""The bundled Liberation Serif fonts (metric-compatible with Times New Roman, full Vietnamese coverage), registered
with ReportLab once per process (resources/fonts/README.md)."""
from __future__ import annotations

from typing import Literal

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.paths import resource

FAMILY = "LiberationSerif"
FACES = {"normal": FAMILY, "bold": FAMILY + "-Bold", "italic": FAMILY + "-Italic",
         "bold_italic": FAMILY + "-BoldItalic"}
_FILES = {"normal": "Regular", "bold": "Bold", "italic": "Italic", "bold_italic": "BoldItalic"}
_registered = False


def register() -> None:
    global _registered
    if _registered:
        return
    for style, name in FACES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", f"LiberationSerif-{_FILES[style]}.ttf"))))
    styles: tuple[tuple[Literal[0, 1], Literal[0, 1], str], ...] = (
        (0, 0, "normal"), (1, 0, "bold"), (0, 1, "italic"), (1, 1, "bold_italic"))
    for bold, italic, style in styles:
        addMapping(FAMILY, bold, italic, FACES[style])
    _registered = True


def face(style: str) -> str:
    register()
    return FACES.get(style, FAMILY)
