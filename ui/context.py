"""What every page shares: the register's place, the runner that applies operations and runs queries, and the
`changed` signal emitted after any applied operation, undo or redo.

`ThreadRunner` does the work on one worker thread of its own (operations and queries one after the other, in the
order asked), with a progress dialog and Cancel for long operations; the GUI thread never waits in a nested event
loop. `SyncRunner` has the same interface and runs inline (tests, screenshots).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.operations import Operation, Preview, Result
from app.progress import Cancel
from app.register import Register
from ui.errors import show_error

T = TypeVar("T")


class Runner(Protocol):
    def apply(self, op: Operation, *, on_done: Callable[[Result], None] | None = None,
              on_failed: Callable[[BaseException], None] | None = None, cancellable: bool = False) -> None: ...

    def query(self, fn: Callable[[Register], T], on_done: Callable[[T], None], *,
              on_failed: Callable[[BaseException], None] | None = None) -> None: ...


def preview(runner: Runner, op: Operation, on_done: Callable[[Preview], None],
            on_failed: Callable[[BaseException], None] | None = None) -> None:
    """What `op` would change (Register.preview: applied, then rolled back), off the GUI thread when the runner
    can; the event dialogs show it before the clerk applies."""
    ask = getattr(runner, "preview", None)
    if ask is not None:
        ask(op, on_done, on_failed)
    else:
        runner.query(lambda reg: reg.preview(op), on_done, on_failed=on_failed)


class AppContext(QObject):
    changed = Signal(object)          # app.operations.Changes after any applied operation, undo or redo

    def __init__(self, db: str, runner: Runner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = runner
        bind = getattr(runner, "bind", None)
        if bind is not None:
            bind(self)


class _Base:
    """What both runners share: a writing register and a read-only one, opened on first use."""

    def __init__(self, db: str, parent: QWidget | None = None, *, register: Register | None = None) -> None:
        self.db = db
        self.parent = parent
        self.ctx: AppContext | None = None
        self._write: Register | None = register   # an open register to write with (the one the window opened)
        self._read: Register | None = None
        self.after_apply: list[Callable[[Result], None]] = []   # e.g. the main window's Undo/Redo labels
        self.closed = False     # after close(): no new work, and answers still queued are dropped

    def bind(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def writer(self) -> Register:
        if self._write is None:
            self._write = Register.open(self.db)
        return self._write

    def reader(self) -> Register:
        if self._read is None:
            # the window opened (and quick-checked) the same file a moment ago: its check is not run twice
            self._read = Register.open(self.db, write=False, checked=self._write is not None)
        return self._read

    def close(self) -> None:
        self.closed = True
        for reg in (self._write, self._read):
            if reg is not None:
                reg.close()
        self._write = self._read = None

    def _applied(self, result: Result, on_done: Callable[[Result], None] | None) -> None:
        if self.ctx is not None:
            self.ctx.changed.emit(result.changes)
        for hook in list(self.after_apply):
            hook(result)
        if on_done is not None:
            on_done(result)

    def _failed(self, exc: BaseException, on_failed: Callable[[BaseException], None] | None) -> None:
        if on_failed is not None:
            on_failed(exc)
        else:
            show_error(self.parent, exc)

    def preview(self, op: Operation, on_done: Callable[[Preview], None],
                on_failed: Callable[[BaseException], None] | None = None) -> None:
        """Register.preview needs the writing register (it applies, then rolls back)."""
        self._run(lambda: self.writer().preview(op), on_done, lambda exc: self._failed(exc, on_failed))

    # undo and redo are operations too, applied the same way
    def undo(self, on_done: Callable[[Result], None] | None = None) -> None:
        from app.registry.undo import UndoAction
        self.apply(UndoAction(None), on_done=on_done)

    def redo(self, on_done: Callable[[Result], None] | None = None) -> None:
        from app.registry.undo import RedoAction
        self.apply(RedoAction(), on_done=on_done)


class SyncRunner(_Base):
    """Runs inline on the calling thread (tests, screenshots); same interface as the threaded runner."""

    busy = False

    def apply(self, op: Operation, *, on_done: Callable[[Result], None] | None = None,
              on_failed: Callable[[BaseException], None] | None = None, cancellable: bool = False) -> None:
        try:
            result = self.writer().apply(op, cancel=Cancel() if cancellable else None)
        except Exception as exc:
            self._failed(exc, on_failed)
            return
        self._applied(result, on_done)

    def query(self, fn: Callable[[Register], T], on_done: Callable[[T], None], *,
              on_failed: Callable[[BaseException], None] | None = None) -> None:
        try:
            value = fn(self.reader())
        except Exception as exc:
            self._failed(exc, on_failed)
            return
        on_done(value)

    def wait(self, timeout_ms: int = -1) -> bool:
        return True

    def _run(self, work: Callable[[], Any], done: Callable[[Any], None],
             failed: Callable[[BaseException], None]) -> None:
        try:
            value = work()
        except Exception as exc:
            failed(exc)
            return
        done(value)


class _Signals(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.signals = _Signals()
        self._work = work

    def run(self) -> None:
        try:
            value = self._work()
        except BaseException as exc:  # handed to the GUI thread; a pool thread must not die
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(value)


class ThreadRunner(_Base):
    """Operations and queries on one worker thread, in order; results delivered on the GUI thread."""

    PROGRESS_AFTER_MS = 400

    def __init__(self, db: str, parent: QWidget | None = None, *, register: Register | None = None) -> None:
        super().__init__(db, parent, register=register)
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(1)
        self.pending = 0
        self.cancel: Cancel | None = None   # the running cancellable operation's token
        self._jobs: set[_Job] = set()       # queued or running
        self._retired: list[_Job] = []      # answered; freed once no pool thread is inside them

    @property
    def busy(self) -> bool:
        return self.pending > 0

    def _run(self, work: Callable[[], Any], done: Callable[[Any], None],
             failed: Callable[[BaseException], None]) -> None:
        self._start(work, done, failed)

    def _start(self, work: Callable[[], Any], done: Callable[[Any], None],
               failed: Callable[[BaseException], None]) -> _Job | None:
        if self.closed:       # the window is closing: its pages' late reloads have nowhere to go
            return None
        job = _Job(work)
        job.setAutoDelete(False)
        self._jobs.add(job)
        self.pending += 1
        queued = Qt.ConnectionType.QueuedConnection

        def finish(handler: Callable[[Any], None], value: Any) -> None:
            self.pending -= 1
            self._jobs.discard(job)
            self._retired.append(job)       # never freed inside its own signal's delivery
            QTimer.singleShot(0, self._release)
            if not self.closed:       # the widgets it would fill may be gone with their window
                handler(value)

        job.signals.done.connect(lambda value: finish(done, value), queued)
        job.signals.failed.connect(lambda exc: finish(failed, exc), queued)
        self.pool.start(job)
        return job

    def _release(self) -> None:
        """Frees answered jobs once the pool thread has left them. Their slots hold the job (job → signal → slot →
        job), so without this a garbage-collection pass would free them at any moment, even mid-delivery."""
        if self.pool.activeThreadCount():
            if self._retired:
                QTimer.singleShot(50, self._release)
            return
        retired, self._retired = self._retired, []
        for job in retired:
            for signal in (job.signals.done, job.signals.failed):
                try:
                    signal.disconnect()
                except (RuntimeError, TypeError):  # already disconnected
                    pass

    def apply(self, op: Operation, *, on_done: Callable[[Result], None] | None = None,
              on_failed: Callable[[BaseException], None] | None = None, cancellable: bool = False) -> None:
        if self.closed:
            return
        cancel = Cancel()
        dialog = self._progress_dialog(op, cancel, cancellable)
        state = {"done": 0, "total": 0}

        def progress(done: int, total: int, stage: str = "") -> None:
            state["done"], state["total"] = done, total

        def work() -> Result:
            return self.writer().apply(op, progress=progress, cancel=cancel)

        def close_dialog() -> None:
            timer_stop()
            dialog.close()
            dialog.deleteLater()
            self.cancel = None

        def done(result: Result) -> None:
            close_dialog()
            self._applied(result, on_done)

        def failed(exc: BaseException) -> None:
            close_dialog()
            self._failed(exc, on_failed)

        timer = QTimer(dialog)
        timer.setInterval(100)

        def tick() -> None:
            if state["total"] > 0:
                dialog.setMaximum(state["total"])
                dialog.setValue(min(state["done"], state["total"]))

        timer.timeout.connect(tick)
        timer.start()

        def timer_stop() -> None:
            timer.stop()

        self.cancel = cancel if cancellable else None   # what closing the window may cancel
        self._start(work, done, failed)

    def _progress_dialog(self, op: Operation, cancel: Cancel, cancellable: bool) -> QProgressDialog:
        try:
            text = op.label().render()
        except Exception:  # a label that cannot render must not stop the work
            text = QCoreApplication.translate("runner", "Working…")
        dialog = QProgressDialog(text, QCoreApplication.translate("runner", "Cancel") if cancellable else "", 0, 0, self.parent)
        if not cancellable:
            dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(self.PROGRESS_AFTER_MS)
        dialog.setMinimumWidth(420)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(cancel.cancel)
        return dialog

    def query(self, fn: Callable[[Register], T], on_done: Callable[[T], None], *,
              on_failed: Callable[[BaseException], None] | None = None) -> None:
        self._start(lambda: fn(self.reader()), on_done, lambda exc: self._failed(exc, on_failed))

    def wait(self, timeout_ms: int = -1) -> bool:
        """Block until the worker is idle (closing the window; tests). True when it is."""
        idle = self.pool.waitForDone(timeout_ms)
        QCoreApplication.processEvents()
        return idle
