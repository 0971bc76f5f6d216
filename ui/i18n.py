"""The GUI's language: Vietnamese through Qt's translation system (every resources/translations/hgd_vi*.qm, one per
area, plus Qt's own qtbase_vi.qm where one is found), English as the source language (no translator). The core's own
messages (app.messages) are switched to the same language. Switching while running sends every widget a
LanguageChange event: pages retranslate themselves, no restart.
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app import messages
from app.paths import resource
from ui import settings

DEFAULT_LANGUAGE = "vi"
_installed: list[QTranslator] = []


def qm_path() -> Path:
    return resource("translations", "hgd_vi.qm")


def qm_paths() -> list[Path]:
    """hgd's compiled translations (hgd_vi.qm and one hgd_vi_<area>.qm per area), then Qt's own where present."""
    paths = sorted(resource("translations").glob("hgd_vi*.qm"))
    for folder in (resource("translations"), Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))):
        qt = folder / "qtbase_vi.qm"
        if qt.exists():
            paths.append(qt)
            break
    return paths


def resolve_language(requested: str | None = None) -> str:
    """--lang first, then HGD_LANG, then the saved preference, then Vietnamese."""
    for candidate in (requested, os.environ.get("HGD_LANG"), settings.language()):
        if candidate in settings.LANGUAGES:
            return candidate
    return DEFAULT_LANGUAGE


def load_translators(lang: str) -> list[QTranslator]:
    """The translators for `lang` (none for English, the language of the source strings)."""
    if lang == "en":
        return []
    found = []
    for path in qm_paths():
        translator = QTranslator()
        if translator.load(str(path)):  # a missing or bad .qm must not stop the program: English then
            found.append(translator)
    return found


def load_translator(lang: str) -> QTranslator | None:
    """The main translator for `lang` (kept for callers that need one)."""
    found = load_translators(lang)
    return found[0] if found else None


def translate(lang: str, context: str, text: str) -> str:
    """A translation usable before a QApplication exists (the no-display message)."""
    for translator in load_translators(lang):
        words = translator.translate(context, text)
        if words:
            return words
    return text


def install(app: QCoreApplication, lang: str) -> None:
    """Switch the running application (widgets created afterwards), Qt's own buttons and the core to `lang`."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    for translator in load_translators(lang):
        app.installTranslator(translator)
        _installed.append(translator)
    QLocale.setDefault(QLocale("vi_VN" if lang == "vi" else "en_GB"))
    messages.set_language(lang)


def current_language() -> str:
    return messages.language()
