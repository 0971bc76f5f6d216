"""Long work off the GUI thread without a nested event loop: a QRunnable on the global thread pool that reports
progress through signals, started behind a progress dialog; the caller returns at once and its callbacks run later,
in the GUI thread.

The work is a callable taking `progress` as keyword argument; it runs in a pool thread and must not touch widgets.
It calls progress(step, steps[, stage]) as the core's long operations do, and stops when that returns False
(the core then raises its own "cancelled" error). The signals carry the calls back to the GUI thread.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class _Signals(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    """work(progress=...) in a pool thread; then `signals.done(result)` or `signals.failed(exception)`."""

    def __init__(self, work: Callable[..., Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = _Signals()
        self.cancel_requested = threading.Event()
        self.finished = threading.Event()
        self._work = work

    def run(self) -> None:
        try:
            result = self._work(progress=self._report)
        except BaseException as exc:  # handed to the GUI thread, which shows it; a pool thread must not die
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)
        finally:
            self.finished.set()

    def _report(self, done: int, total: int, stage: object = None, *_: object) -> bool | None:
        self.signals.progress.emit(int(done), int(total), "" if stage is None else str(stage))
        return False if self.cancel_requested.is_set() else None


_running: set[Task] = set()     # kept alive until answered and left by their pool thread


def _release(task: Task) -> None:
    """Frees an answered task once its thread has left it; never from inside its own signal's delivery."""
    if not task.finished.is_set():
        QTimer.singleShot(20, lambda: _release(task))
        return
    for signal in (task.signals.progress, task.signals.done, task.signals.failed):
        try:
            signal.disconnect()
        except (RuntimeError, TypeError):  # nothing connected
            pass
    _running.discard(task)


def start_with_progress(parent: QWidget | None, label: str, work: Callable[..., Any], *,
                        on_done: Callable[[Any], None], on_failed: Callable[[BaseException], None],
                        stages: Mapping[str, str] | None = None, cancel_text: str | None = None) -> Task:
    """Start work(progress=...) off the GUI thread behind a progress dialog and return at once; `on_done(result)`
    or `on_failed(error)` is called later in the GUI thread, after the dialog has closed.

    `stages` maps the stage names the work reports to the text shown under `label`; `cancel_text`, when given,
    adds a Cancel button with that text. The dialog is modal to `parent` (to the application without one).
    """
    dialog = QProgressDialog(label, cancel_text or "", 0, 0, parent)
    if cancel_text is None:
        dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal if parent is not None
                             else Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setMinimumWidth(460)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    task = Task(work)
    _running.add(task)
    state: dict[str, Any] = {"done": 0, "total": 0, "stage": ""}

    def on_progress(done: int, total: int, stage: str) -> None:
        state.update(done=done, total=total, stage=stage or state["stage"])

    def tick() -> None:
        # a modal dialog's setValue() runs the event loop; from a timer (never re-entered) rather than from each
        # progress signal, which would nest one loop per pending signal
        if state["total"] > 0:
            dialog.setMaximum(state["total"])
            dialog.setValue(min(state["done"], state["total"]))
        if stages and state["stage"] in stages:
            dialog.setLabelText(f"{label}\n{stages[state['stage']]}")

    timer = QTimer(dialog)
    timer.setInterval(100)
    timer.timeout.connect(tick)
    timer.start()

    def finish(handler: Callable[[Any], None], value: Any) -> None:
        timer.stop()
        dialog.close()
        dialog.deleteLater()
        QTimer.singleShot(0, lambda: _release(task))
        handler(value)

    queued = Qt.ConnectionType.QueuedConnection  # delivered in the GUI thread by its ordinary event loop
    task.signals.progress.connect(on_progress, queued)
    task.signals.done.connect(lambda result: finish(on_done, result), queued)
    task.signals.failed.connect(lambda exc: finish(on_failed, exc), queued)
    dialog.canceled.connect(task.cancel_requested.set)
    dialog.show()
    QThreadPool.globalInstance().start(task)
    return task
