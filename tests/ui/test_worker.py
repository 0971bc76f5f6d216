"""Long work runs off the GUI thread: progress arrives in the GUI thread, results and errors come back."""
from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QThread

from ui.worker import run_with_progress


def test_the_work_runs_in_another_thread_and_returns_its_result(hgd_app):
    seen = {}

    def work(progress, n=5):
        seen["thread"] = threading.current_thread()
        for i in range(n):
            time.sleep(0.01)
            progress(i + 1, n, "step")
        return n * 2

    assert run_with_progress(None, "…", work, stages={"step": "một bước"}) == 10
    assert seen["thread"] is not threading.main_thread()


def test_the_gui_thread_keeps_processing_events_meanwhile(hgd_app):
    ticks = []
    from PySide6.QtCore import QTimer

    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(QThread.currentThread()))
    timer.start(5)

    def slow(progress):
        time.sleep(0.2)

    run_with_progress(None, "…", slow)
    timer.stop()
    assert len(ticks) >= 5  # the window would have repainted as often


def test_an_error_in_the_work_is_raised_in_the_caller(hgd_app):
    def broken(progress):
        raise ValueError("hỏng")

    with pytest.raises(ValueError, match="hỏng"):
        run_with_progress(None, "…", broken)


def test_cancel_is_passed_to_the_work_as_false_from_progress(hgd_app):
    answers = []

    def work(progress):
        for i in range(200):
            answer = progress(i, 200)
            answers.append(answer)
            if answer is False:
                raise RuntimeError("cancelled")
            time.sleep(0.005)
        return "finished"

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

    def press_cancel():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                widget.findChild(QPushButton).click()

    QTimer.singleShot(100, press_cancel)
    with pytest.raises(RuntimeError, match="cancelled"):
        run_with_progress(None, "…", work, cancel_text="Hủy")
    assert answers[0] is None and answers[-1] is False
