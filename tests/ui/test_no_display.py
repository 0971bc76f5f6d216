"""Started on Linux with no display, hgd-gui says so in one line (in the clerk's language) and exits 1."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the display check is Linux's")


def run_without_display(tmp_path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "HGD_LANG")}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")  # no saved language from the machine running the tests
    return subprocess.run([sys.executable, "-m", "ui", *args], cwd=ROOT, env=env, check=False, capture_output=True,
                          text=True, encoding="utf-8", timeout=60)


def test_no_display_is_one_vietnamese_line_and_exit_1(tmp_path):
    done = run_without_display(tmp_path)
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr
    assert lines[0].startswith("Không có màn hình (biến DISPLAY trống)")
    assert "xvfb-run" in lines[0] and "QT_QPA_PLATFORM=offscreen" in lines[0]
    assert done.stdout == ""


def test_no_display_in_english_with_lang_en(tmp_path):
    done = run_without_display(tmp_path, "--lang", "en")
    assert done.returncode == 1
    assert done.stderr.splitlines() == [done.stderr.strip()]
    assert done.stderr.startswith("No display (DISPLAY is empty)")
