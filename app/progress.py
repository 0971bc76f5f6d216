"""One progress and cancel contract for every long operation (import, demo, review, lists, packages).

The core calls `progress(done, total, stage)` now and then (`stage` a short key such as "read" or "write"; total 0 when
unknown) and checks a `Cancel` between pieces of work; the GUI's runner passes both, the command line passes none.
A cancelled operation raises HgdError("op.cancelled") and its transaction rolls back: nothing is half-written.
"""
from __future__ import annotations

import threading
from collections.abc import Callable

from app import messages
from app.errors import HgdError

messages.register({
    "op.cancelled": ("Đã hủy theo yêu cầu; không có gì thay đổi trong sổ.",
                     "Cancelled on request; nothing in the register changed."),
})

Progress = Callable[[int, int, str], None]


def no_progress(done: int, total: int, stage: str = "") -> None:
    """The progress callback of work nobody watches."""


class Cancel:
    """A cancel token: the GUI sets it from its thread, the core checks it from the worker's."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def is_set(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise HgdError("op.cancelled")


def check(cancel: Cancel | None) -> None:
    if cancel is not None:
        cancel.check()
