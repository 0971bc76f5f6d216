"""Every message the core says exists in Vietnamese and in English: each key used in the code is registered, and
no registered text is empty or left untranslated."""
from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import app
from app import messages

ROOT = Path(app.__file__).parent
# HgdError("key", …), render("key", …), Label("key", …), label_key = "key", finding("key", …)
USES = re.compile(r"""(?:HgdError|render|Label|finding|Finding)\(\s*["']([a-z][a-z0-9_]*\.[a-z0-9_.]+)["']"""
                  r"""|label_key\s*=\s*["']([a-z][a-z0-9_]*\.[a-z0-9_.]+)["']""")


def _load_everything() -> None:
    for m in pkgutil.walk_packages(app.__path__, "app."):
        if not m.name.endswith("__main__"):
            importlib.import_module(m.name)


def test_every_message_key_used_in_the_core_is_registered():
    _load_everything()
    known = messages.keys()
    missing = set()
    for path in ROOT.rglob("*.py"):
        for match in USES.finditer(path.read_text(encoding="utf-8")):
            key = match.group(1) or match.group(2)
            if key.endswith("."):  # a key made at run time ("stats.event." + kind)
                continue
            if key not in known:
                missing.add(f"{path.relative_to(ROOT)}: {key}")
    assert sorted(missing) == []


def test_every_registered_message_has_both_languages():
    _load_everything()
    known = sorted(messages.keys())
    empty = [k for k in known if not all(messages.render(k, lang) for lang in ("vi", "en"))]
    assert empty == []
    # the Vietnamese text of a sentence carries Vietnamese letters (not an English text copied over)
    untranslated = [k for k in known
                    if messages.render(k, "vi") == messages.render(k, "en")
                    and re.search(r"[a-z]{4,} [a-z]{4,} [a-z]{4,}", messages.render(k, "vi"))]
    assert untranslated == []
