"""The GUI's own preferences (language, last register), kept with QSettings in an INI file per user.

The INI format is used on every system (not the Windows registry) so that a clerk's settings are one plain file and
tests can point QSettings.setPath at a temporary folder.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

ORGANIZATION = "hgd"
APPLICATION = "hgd"
LANGUAGES = ("vi", "en")


def store() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def language() -> str | None:
    value = store().value("ui/language")
    return value if value in LANGUAGES else None


def set_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(lang)
    s = store()
    s.setValue("ui/language", lang)
    s.sync()


def last_register() -> Path | None:
    value = store().value("registers/last")
    return Path(value) if value else None


def set_last_register(path: str | Path) -> None:
    s = store()
    s.setValue("registers/last", str(Path(path).resolve()))
    s.sync()
