"""What hgd-gui opens first, and how a bad file is reported: a message box with the core's words, no traceback."""
from __future__ import annotations

import signal
import sys

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog

from app.register import Register
from ui import opening, settings, startup
from ui.__main__ import main
from ui.main_window import MainWindow


@pytest.fixture
def first_run_asked(monkeypatch):
    """Replaces the modal first-run dialog: records what it was asked and answers 'quit'."""
    asked = []
    monkeypatch.setattr(startup, "ask_first_run", lambda missing_path=None: asked.append(missing_path))
    return asked


@pytest.fixture
def corrupt_db(tmp_path):
    bad = tmp_path / "hong.db"
    bad.write_bytes(b"SQLite format 2\x00" + b"\xff" * 4000)
    return bad


def test_no_register_yet_means_the_first_run_dialog(hgd_app, first_run_asked):
    assert startup.first_register() is None
    assert first_run_asked == [None]


def test_the_last_register_opened_is_opened_again(hgd_app, small_register, first_run_asked):
    settings.set_last_register(small_register.where)
    reg = startup.first_register()
    assert reg is not None and reg.commune()["commune_name"] == "Xã Thử Nghiệm"
    reg.close()
    assert first_run_asked == []


def test_db_that_does_not_exist_is_offered_to_the_first_run_dialog(hgd_app, tmp_path, first_run_asked):
    assert startup.first_register(str(tmp_path / "moi.db")) is None
    assert first_run_asked == [tmp_path / "moi.db"]
    assert not (tmp_path / "moi.db").exists()


def test_a_corrupt_db_shows_the_cores_message_then_the_first_run_dialog(hgd_app, corrupt_db, boxes,
                                                                         first_run_asked):
    assert startup.first_register(str(corrupt_db)) is None
    assert boxes.shown == [("critical", "Không mở được sổ",
                            f"Tệp '{corrupt_db}' không phải cơ sở dữ liệu SQLite hoặc đã bị hỏng.")]
    assert first_run_asked == [None]


def test_a_corrupt_db_in_english(hgd_app, corrupt_db, boxes, first_run_asked):
    from ui.app import setup_app

    setup_app(hgd_app, "en")
    startup.first_register(str(corrupt_db))
    assert boxes.shown == [("critical", "Cannot open the register",
                            f"'{corrupt_db}' is not an SQLite database, or it is damaged.")]


def test_opening_a_corrupt_file_from_the_menu_keeps_the_register_shown(hgd_app, qtbot, small_register, corrupt_db,
                                                                        boxes, monkeypatch):
    window = MainWindow(small_register)
    qtbot.addWidget(window)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(corrupt_db), "")))
    window.open_file()
    window.settle()
    assert [kind for kind, _, _ in boxes.shown] == ["critical"]
    assert window.reg is small_register and window.windowTitle() == "hgd — Xã Thử Nghiệm"


def test_a_register_without_a_commune_is_refused_with_the_cores_message(hgd_app, tmp_path, boxes):
    Register.open(tmp_path / "trong.db", create=True).close()
    assert opening.open_register(None, tmp_path / "trong.db") is None
    assert "chưa có thông tin xã" in boxes.texts("critical")[0]


def test_an_unexpected_error_is_one_line_in_a_box(hgd_app, boxes, monkeypatch, capsys):
    from ui.errors import install_excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook()
    try:
        raise RuntimeError("đĩa đầy\nchi tiết kỹ thuật")
    except RuntimeError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    assert boxes.texts("critical") == ["Đã xảy ra lỗi: đĩa đầy"]
    assert "Traceback" in capsys.readouterr().err  # kept for whoever supports the clerk, not shown to them


def test_main_opens_the_window_on_db(hgd_app, small_register, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)  # return at once instead of running the loop
    monkeypatch.setattr(signal, "signal", lambda *a: None)  # keep pytest's Ctrl+C handler
    assert main(["--db", small_register.where]) == 0
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    for w in windows:
        w.settle()
    assert [w.windowTitle() for w in windows] == ["hgd — Xã Thử Nghiệm"]
    for w in windows:
        w.close()
    assert settings.last_register() is not None


def test_an_office_register_opens_with_the_office_named_in_the_window(hgd_app, qtbot, tmp_path, boxes):
    """The district officer's register has no commune: it opens all the same, titled with the office's name."""
    from app.exchange.office import create_office

    path = tmp_path / "van-phong.db"
    create_office(path, "BHXH cơ sở Triệu Sơn")
    reg = opening.open_register(None, path)
    assert reg is not None and boxes.shown == []
    assert reg.identity()["kind"] == "office"
    assert settings.last_register() == path      # opened again next time
    window = MainWindow(reg)
    qtbot.addWidget(window)
    window.settle()
    assert window.windowTitle() == "hgd — BHXH cơ sở Triệu Sơn"
    assert window.header.name.text() == "BHXH cơ sở Triệu Sơn"
    assert window.header.place.text().startswith("Mã cơ quan: ")
    window.close()
