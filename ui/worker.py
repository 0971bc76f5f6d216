"""Long work off the GUI thread: a QRunnable on the global thread pool that reports progress through signals,
and a helper that shows a progress dialog (with Cancel) while the windows keep painting and responding.

The work is a callable taking `progress` as keyword argument; it runs in a pool thread and must not touch widgets.
It calls progress(step, steps[, stage]) as the core's long operations do, and stops when that returns False
(the core then raises its own "cancelled" error). The signals carry the calls back to the GUI thread.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class _Signals(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    """work(progress=...) in a pool thread; then `signals.done(result)` or `signals.failed(exception)`."""

    def __init__(self, work: Callable[..., Any]) -> None:
        super().__init__()
        self.signals = _Signals()
        self.cancel_requested = threading.Event()
        self._work = work

    def run(self) -> None:
        try:
            result = self._work(progress=self._report)
        except BaseException as exc:  # handed to the GUI thread, which shows it; a pool thread must not die
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)

    def _report(self, done: int, total: int, stage: object = None, *_: object) -> bool | None:
        self.signals.progress.emit(int(done), int(total), "" if stage is None else str(stage))
        return False if self.cancel_requested.is_set() else None


def run_with_progress(parent: QWidget | None, label: str, work: Callable[..., Any], *,
                      stages: Mapping[str, str] | None = None, cancel_text: str | None = None) -> Any:
    """Run work(progress=...) off the GUI thread behind a progress dialog; return its result or raise its error.

    `stages` maps the stage names the work reports to the text shown under `label`; `cancel_text`, when given,
    adds a Cancel button with that text. The GUI thread waits in a local event loop: windows repaint meanwhile.
    """
    dialog = QProgressDialog(label, cancel_text or "", 0, 0, parent)
    if cancel_text is None:
        dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setMinimumWidth(460)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    task = Task(work)
    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def on_progress(done: int, total: int, stage: str) -> None:
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))
        if stages and stage in stages:
            dialog.setLabelText(f"{label}\n{stages[stage]}")

    def finish(key: str, value: Any) -> None:
        outcome[key] = value
        loop.quit()

    queued = Qt.ConnectionType.QueuedConnection  # delivered in the GUI thread, inside loop.exec()
    task.signals.progress.connect(on_progress, queued)
    task.signals.done.connect(lambda result: finish("result", result), queued)
    task.signals.failed.connect(lambda exc: finish("error", exc), queued)
    dialog.canceled.connect(task.cancel_requested.set)
    dialog.show()
    QThreadPool.globalInstance().start(task)
    loop.exec()
    dialog.close()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result")
