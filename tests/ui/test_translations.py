"""The Vietnamese translation is complete and compiled: every string the GUI shows has its Vietnamese words.

The translation is split by area (resources/translations/hgd_vi.ts and hgd_vi_<area>.ts); a string of ui/ must be
translated, and finished, in one of them; each .qm is compiled from its .ts.
"""
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
TS_FILES = sorted(resource("translations").glob("hgd_vi*.ts"))
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


def finished(translation: ET.Element) -> bool:
    return (translation.get("type") not in ("unfinished", "vanished", "obsolete")
            and bool("".join(translation.itertext()).strip()))


def test_there_is_a_translation_file():
    assert resource("translations", "hgd_vi.ts") in TS_FILES


def test_every_string_in_ui_has_a_finished_vietnamese_translation(tmp_path):
    """lupdate over ui/ into an empty .ts: each string found is translated, finished, in one of the hgd_vi*.ts."""
    collected = tmp_path / "all.ts"
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), *sources, "-ts", str(collected), "-no-obsolete", "-locations", "none",
                    "-silent"], check=True, capture_output=True)
    found = {(c, s) for c, s, _ in messages(collected)}
    assert len(found) > 50
    done = {(c, s) for ts in TS_FILES for c, s, t in messages(ts) if finished(t)}
    missing = sorted(found - done)
    assert missing == [], "run lupdate on your area's .ts (see resources/translations/README.md) and translate"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_nothing_is_left_unfinished(ts):
    assert [(c, s) for c, s, t in messages(ts) if not finished(t)] == []


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_translations_keep_their_placeholders(ts):
    for context, source, translation in messages(ts):
        words = "".join(translation.itertext())
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(words)), (context, source)


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_the_qm_file_is_compiled_from_the_ts(ts, tmp_path):
    out = tmp_path / ts.with_suffix(".qm").name
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(out), "-silent"], check=True, capture_output=True)
    assert out.read_bytes() == ts.with_suffix(".qm").read_bytes(), f"{ts.name}: the .qm is stale, run lrelease"


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


def test_switching_language_retranslates_a_page_live(hgd_app, qtbot):
    """A page's title follows the language without a restart."""
    from ui.app import setup_app
    from ui.context import AppContext, SyncRunner
    from ui.pages.overview import OverviewPage

    page = OverviewPage(AppContext(":memory:", SyncRunner(":memory:")))
    qtbot.addWidget(page)
    vi = page.title()
    setup_app(hgd_app, "en")
    assert page.title() == "Overview"
    setup_app(hgd_app, "vi")
    assert page.title() == vi != "Overview"
