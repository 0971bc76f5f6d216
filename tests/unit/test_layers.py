"""The layer rules: the core never imports Qt (importing every app module leaves PySide6 unloaded); the GUI never
reaches the database itself (no SQLAlchemy, no store: it calls the core's operations and reads)."""
from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import app

SCRIPT = """
import importlib, pkgutil, sys
import app
names = [m.name for m in pkgutil.walk_packages(app.__path__, 'app.') if not m.name.endswith('__main__')]
for name in names:
    importlib.import_module(name)
qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'ui'))
print(len(names), ','.join(qt))
"""


def test_importing_every_app_module_leaves_pyside6_unloaded():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True).stdout.split()
    assert int(out[0]) >= 10, "the walk found too few modules to mean anything"
    assert len(out) == 1, f"Qt or ui modules loaded by app: {out[1:]}"


def test_no_app_source_names_qt_or_ui():
    root = Path(app.__file__).parent
    offenders = []
    for path in root.rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped.startswith(("import ", "from ")) and any(
                    stripped.split()[1].split(".")[0] == name for name in ("PySide6", "shiboken6", "ui")):
                offenders.append(f"{path.relative_to(root)}: {stripped}")
    assert offenders == []


def test_no_ui_source_reaches_the_database():
    root = Path(app.__file__).parent.parent / "ui"
    offenders = []
    for path in root.rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped.startswith(("import ", "from ")):
                module = stripped.split()[1]
                if module.split(".")[0] in ("sqlalchemy", "alembic", "sqlite3", "psycopg") or \
                        module == "app.store" or module.startswith("app.store."):
                    offenders.append(f"{path.relative_to(root)}: {stripped}")
    assert offenders == []


def test_walk_covers_the_subpackages():
    names = {m.name for m in pkgutil.walk_packages(app.__path__, "app.")}
    assert {"app.store.models", "app.domain.text", "app.cli"} <= names
