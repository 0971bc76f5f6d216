"""The GUI's language: Vietnamese through Qt's translation system (resources/translations/hgd_vi.qm), English as the
source language (no translator). The core's own messages (app.messages) are switched to the same language.
"""
from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from app import messages
from app.paths import resource
from ui import settings

DEFAULT_LANGUAGE = "vi"
_installed: QTranslator | None = None


def qm_path():
    return resource("translations", "hgd_vi.qm")


def resolve_language(requested: str | None = None) -> str:
    """--lang first, then HGD_LANG, then the saved preference, then Vietnamese."""
    for candidate in (requested, os.environ.get("HGD_LANG"), settings.language()):
        if candidate in settings.LANGUAGES:
            return candidate
    return DEFAULT_LANGUAGE


def load_translator(lang: str) -> QTranslator | None:
    """The translator for `lang` (None for English, the language of the source strings)."""
    if lang == "en":
        return None
    translator = QTranslator()
    if not translator.load(str(qm_path())):
        return None  # a missing .qm must not stop the program: it falls back to English
    return translator


def translate(lang: str, context: str, text: str) -> str:
    """A translation usable before a QApplication exists (the no-display message)."""
    translator = load_translator(lang)
    return (translator.translate(context, text) if translator else "") or text


def install(app: QCoreApplication, lang: str) -> None:
    """Switch the running application (widgets created afterwards), Qt's own buttons and the core to `lang`."""
    global _installed
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    translator = load_translator(lang)
    if translator is not None:
        app.installTranslator(translator)
        _installed = translator
    QLocale.setDefault(QLocale("vi_VN" if lang == "vi" else "en_GB"))
    messages.set_language(lang)


def current_language() -> str:
    return messages.language()
