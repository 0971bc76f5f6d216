"""Long work runs off the GUI thread without a nested event loop: the call returns at once, progress and the
result or the error arrive later in the GUI thread."""
from __future__ import annotations

import threading
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from ui import worker
from ui.worker import start_with_progress


def _start(work, **kw):
    got: dict = {}
    start_with_progress(None, "…", work, on_done=lambda v: got.update(value=v, thread=threading.current_thread()),
                        on_failed=lambda e: got.update(error=e, thread=threading.current_thread()), **kw)
    return got


def test_the_work_runs_in_another_thread_and_its_result_comes_back_in_the_gui_thread(hgd_app, qtbot):
    seen = {}

    def work(progress, n=5):
        seen["thread"] = threading.current_thread()
        for i in range(n):
            time.sleep(0.01)
            progress(i + 1, n, "step")
        return n * 2

    got = _start(work, stages={"step": "một bước"})
    qtbot.waitUntil(lambda: "value" in got, timeout=5000)
    assert got["value"] == 10 and got["thread"] is threading.main_thread()
    assert seen["thread"] is not threading.main_thread()
    qtbot.waitUntil(lambda: not worker._running, timeout=5000)   # released once its thread left it


def test_the_call_returns_before_the_work_ends(hgd_app, qtbot):
    go = threading.Event()

    def slow(progress):
        assert go.wait(5)
        return "xong"

    got = _start(slow)
    assert got == {}                  # returned while the work waits: no local event loop ran it to the end
    go.set()
    qtbot.waitUntil(lambda: got.get("value") == "xong", timeout=5000)


def test_an_error_in_the_work_reaches_on_failed(hgd_app, qtbot):
    def broken(progress):
        raise ValueError("hỏng")

    got = _start(broken)
    qtbot.waitUntil(lambda: "error" in got, timeout=5000)
    assert isinstance(got["error"], ValueError) and str(got["error"]) == "hỏng" and "value" not in got


def test_cancel_is_passed_to_the_work_as_false_from_progress(hgd_app, qtbot):
    answers = []

    def work(progress):
        for i in range(400):
            answer = progress(i, 400)
            answers.append(answer)
            if answer is False:
                raise RuntimeError("cancelled")
            time.sleep(0.005)
        return "finished"

    def press_cancel():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                widget.findChild(QPushButton).click()

    got = _start(work, cancel_text="Hủy")
    QTimer.singleShot(100, press_cancel)
    qtbot.waitUntil(lambda: "error" in got or "value" in got, timeout=10000)
    assert str(got.get("error")) == "cancelled"
    assert answers[0] is None and answers[-1] is False
