"""The core's user-facing messages, Vietnamese first, English available.

The GUI translates its own widgets with Qt's translation system; what the core says (errors, import reports, command
line summaries) is looked up here so the command line, the GUI and the tests all show the same words.
Other modules register their messages with `register({...})` at import time, keeping each message beside its use.
"""
from __future__ import annotations

import os

_CATALOGUE: dict[str, tuple[str, str]] = {}
_lang = os.environ.get("HGD_LANG", "vi")


def register(entries: dict[str, tuple[str, str]]) -> None:
    """Add messages: key -> (Vietnamese, English). A key registered twice with other words is a bug."""
    for key, pair in entries.items():
        if key in _CATALOGUE and _CATALOGUE[key] != pair:
            raise ValueError(f"message key {key!r} registered twice with different text")
        _CATALOGUE[key] = pair


def set_language(lang: str) -> None:
    global _lang
    if lang not in ("vi", "en"):
        raise ValueError(lang)
    _lang = lang


def language() -> str:
    return _lang


def render(key: str, lang: str | None = None, /, **params: object) -> str:
    pair = _CATALOGUE.get(key)
    if pair is None:
        return key + (" " + repr(params) if params else "")
    text = pair[1] if (lang or _lang) == "en" else pair[0]
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return text


def keys() -> set[str]:
    return set(_CATALOGUE)


def known(key: str) -> bool:
    return key in _CATALOGUE


def number(n: int, lang: str | None = None) -> str:
    """2345 -> "2.345" in Vietnamese, "2,345" in English."""
    text = f"{n:,}"
    return text if (lang or _lang) == "en" else text.replace(",", ".")
