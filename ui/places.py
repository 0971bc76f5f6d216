"""Where registers live by default: the demo commune in the user's data folder, real registers in Documents."""
from __future__ import annotations

from pathlib import Path

import platformdirs

from app.domain.text import search_key

APP_NAME = "hgd"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def demo_path() -> Path:
    return data_dir() / "demo.db"


def registers_dir() -> Path:
    """The folder offered for a new register: visible to the clerk (to copy it or back it up), not hidden."""
    return Path(platformdirs.user_documents_dir()) / APP_NAME


def file_name_for(commune_name: str) -> str:
    """'Xã Tân Lập' -> 'xa-tan-lap.db': plain ASCII, so any USB stick or old Windows copies it safely."""
    slug = "-".join(search_key(commune_name).split()) or "so-bhyt"
    return f"{slug}.db"
