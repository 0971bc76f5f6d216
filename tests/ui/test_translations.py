"""The Vietnamese translation is complete and compiled: every string the GUI shows has its Vietnamese words."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from app.paths import resource

ROOT = Path(__file__).resolve().parents[2]
TS = resource("translations", "hgd_vi.ts")
QM = resource("translations", "hgd_vi.qm")
PLACEHOLDER = re.compile(r"%n|%\d|\{\w+\}|<[^>]+>")


def tool(name: str) -> str:
    found = Path(sys.executable).parent / name
    path = str(found) if found.exists() else shutil.which(name)
    if not path:
        pytest.skip(f"{name} is not installed")
    return path


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [(ctx.findtext("name"), msg.findtext("source"), msg.find("translation"))
            for ctx in root.iter("context") for msg in ctx.iter("message")]


def test_every_string_in_ui_has_a_finished_vietnamese_translation(tmp_path):
    """lupdate over ui/ into a copy of the .ts: nothing new, nothing unfinished, nothing empty."""
    copy = tmp_path / "hgd_vi.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), *sources, "-ts", str(copy), "-no-obsolete", "-locations", "none",
                    "-silent"], check=True, capture_output=True)
    found = messages(copy)
    assert len(found) > 50
    unfinished = [(c, s) for c, s, t in found if t.get("type") in ("unfinished", "vanished", "obsolete")
                  or not "".join(t.itertext()).strip()]
    assert unfinished == [], "run lupdate (see resources/translations/README.md) and translate these"
    assert copy.read_bytes() == TS.read_bytes(), "hgd_vi.ts is not what lupdate makes from ui/: run lupdate"


def test_translations_keep_their_placeholders():
    for context, source, translation in messages(TS):
        words = "".join(translation.itertext())
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(words)), (context, source)


def test_the_qm_file_is_compiled_from_the_ts(tmp_path):
    out = tmp_path / "hgd_vi.qm"
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(out), "-silent"], check=True, capture_output=True)
    assert out.read_bytes() == QM.read_bytes(), "hgd_vi.qm is stale: run lrelease"


def test_qts_own_buttons_speak_vietnamese(hgd_app):
    box = QMessageBox(QMessageBox.Icon.Question, "t", "x",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Ok
                      | QMessageBox.StandardButton.Cancel)
    texts = [box.button(b).text().replace("&", "") for b in (QMessageBox.StandardButton.Yes,
             QMessageBox.StandardButton.No, QMessageBox.StandardButton.Ok, QMessageBox.StandardButton.Cancel)]
    assert texts == ["Có", "Không", "Đồng ý", "Hủy"]


def test_core_messages_follow_the_gui_language(hgd_app):
    from app import messages as core
    from ui.app import setup_app

    setup_app(hgd_app, "en")
    assert core.language() == "en"
    setup_app(hgd_app, "vi")
    assert core.language() == "vi"
