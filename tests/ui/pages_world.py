"""The pages' test world: a small demo commune (built once per session), a copy per test, a context on it with the
synchronous runner, and file dialogs answered by the test."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.register import Register
from tests import demo_copy
from ui.context import AppContext, SyncRunner


class Answers:
    """FileDialogs whose answers the test sets beforehand."""

    def __init__(self) -> None:
        self.file = ""
        self.save = ""
        self.dir = ""
        self.asked: list[str] = []

    def open_file(self, parent, title, start, filters) -> str:
        self.asked.append(title)
        return self.file

    def save_file(self, parent, title, start, filters) -> str:
        self.asked.append(title)
        return self.save

    def folder(self, parent, title, start) -> str:
        self.asked.append(title)
        return self.dir


class World:
    def __init__(self, source: Path, folder: Path) -> None:
        self.path = folder / "xa.db"
        shutil.copyfile(source, self.path)
        self.runner = SyncRunner(str(self.path))
        for reg in (self.runner.writer(), self.runner.reader()):
            reg.today = lambda: demo_copy.TODAY
        self.ctx = AppContext(str(self.path), self.runner)
        self.changes: list = []
        self.ctx.changed.connect(self.changes.append)

    def reg(self) -> Register:
        return self.runner.reader()

    def close(self) -> None:
        self.runner.close()


# fixtures shared by the pages' test modules (imported there: a module-scoped demo per module)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    return demo_copy.build(tmp_path_factory.mktemp("demo"))


@pytest.fixture
def world(demo_file, tmp_path):
    w = World(demo_file, tmp_path)
    yield w
    w.close()
