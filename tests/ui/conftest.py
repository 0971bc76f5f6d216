"""GUI test fixtures: offscreen Qt, settings and default folders under tmp_path, message boxes that never block."""
from __future__ import annotations

import gc
import os
from datetime import date, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from app.domain.text import search_key
from app.register import Register
from app.store.models import Event, Household, Person
from tests.conftest import Do
from ui.app import setup_app


@pytest.fixture(autouse=True)
def isolated_places(tmp_path, monkeypatch):
    """QSettings, the demo folder and the Documents folder all inside tmp_path."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(tmp_path / "documents"))
    monkeypatch.delenv("HGD_LANG", raising=False)


class Boxes:
    """What the message boxes would have shown: (kind, title, text)."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for k, _, text in self.shown if kind in (None, k)]


@pytest.fixture(autouse=True)
def boxes(monkeypatch) -> Boxes:
    """No test may block on a modal message box: each static helper records its call and returns at once."""
    record = Boxes()

    def fake(kind):
        def show(parent, title, text, *args, **kwargs):
            record.shown.append((kind, title, text))
            return QMessageBox.StandardButton.Ok
        return show

    for kind in ("critical", "warning", "information", "question", "about"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(fake(kind)))
    return record


@pytest.fixture
def hgd_app(qapp):
    """The test QApplication set up as hgd sets it up, in Vietnamese (restored after each test)."""
    setup_app(qapp, "vi")
    yield qapp
    setup_app(qapp, "vi")


def _person(name: str, sex: str, year: int, **more) -> Person:
    return Person(full_name=name, name_key=search_key(name), sex=sex, birth_year=year, birth_date=str(year),
                  ethnicity_code=more.pop("ethnicity_code", "01"), **more)


@pytest.fixture
def small_register(tmp_path):
    """Two households, four people in the register, one dead, one moved out; counts the tests know by heart.

    Household 1 (head: An): An (M, 1980, card to 2099), Bình (F, 1982, card expired), Cường (M, two years old,
    card expiring in 10 days), Dũng (M, dead). Household 2 (no head): Em (F, 1950, Tày), Phúc (M, moved out).
    """
    today = date.today()
    path = tmp_path / "xa-thu.db"
    reg = Register.create(path, {"commune_name": "Xã Thử Nghiệm", "commune_code": "15703",
                                 "province_name": "Tỉnh Ninh Bình", "chairman": "Nguyễn Văn Chủ",
                                 "clerk": "Trần Thị Ánh"}, user="test")
    def fill(ctx):
        s = ctx.session
        h1 = Household(commune_id=ctx.commune_id, code="H1", address="Thôn Đông")
        h2 = Household(commune_id=ctx.commune_id, code="H2", address="Thôn Tây")
        s.add_all([h1, h2])
        s.flush()
        an = _person("Nguyễn Văn An", "M", 1980, household_id=h1.id, bhxh_code="3712345678",
                     card_valid_to="2099-12-31")
        people = [
            an,
            _person("Lê Thị Bình", "F", 1982, household_id=h1.id, bhxh_code="3712345679",
                    card_valid_to="2020-01-01"),
            _person("Nguyễn Văn Cường", "M", today.year - 2, household_id=h1.id,
                    card_valid_to=(today + timedelta(days=10)).isoformat()),
            _person("Nguyễn Văn Dũng", "M", 1930, household_id=h1.id, status="dead"),
            _person("Hoàng Thị Em", "F", 1950, household_id=h2.id, ethnicity_code="02"),
            _person("Hoàng Văn Phúc", "M", 1975, household_id=h2.id, status="moved_out"),
        ]
        for p in people:
            p.commune_id = ctx.commune_id
        s.add_all(people)
        s.flush()
        h1.head_person_id = an.id
        s.add(Event(commune_id=ctx.commune_id, type="birth", effective_date=today.isoformat()))

    reg.apply(Do(fill, "Dữ liệu thử"))
    yield reg
    reg.close()


@pytest.fixture(autouse=True)
def collected_between_tests(qapp):
    """Each test's widgets and workers are freed when it ends, not by a garbage-collection pass in the middle of
    the next test's event loop."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
