"""The runner: operations and queries off the GUI thread, Undo/Redo labelled in the Edit menu, errors as messages,
closing the window while an operation runs."""
from __future__ import annotations

import threading

from sqlalchemy import select

from app.errors import HgdError
from app.operations import Operation
from app.registry.people import AddHousehold
from app.store.models import Household
from ui.context import AppContext, SyncRunner, ThreadRunner
from ui.main_window import MainWindow


def add(code: str) -> AddHousehold:
    return AddHousehold(code=code, members=({"full_name": f"Chủ Hộ {code}", "relation": "chu_ho"},))


def codes(reg) -> set[str]:
    with reg.reading() as s:
        return set(s.scalars(select(Household.code).where(Household.status == "active")))


def test_the_thread_runner_applies_off_the_gui_thread_and_signals_changes(hgd_app, qtbot, small_register):
    runner = ThreadRunner(small_register.where, register=small_register)
    ctx = AppContext(small_register.where, runner)
    seen, threads = [], []
    ctx.changed.connect(seen.append)
    done = []
    gui = threading.get_ident()
    runner.query(lambda reg: threads.append(threading.get_ident()) or reg.commune()["commune_name"], done.append)
    runner.apply(add("H5"), on_done=done.append)
    qtbot.waitUntil(lambda: len(done) == 2, timeout=5000)
    assert done[0] == "Xã Thử Nghiệm" and threads[0] != gui
    assert seen and seen[0].touches("household")
    assert "H5" in codes(small_register)
    runner.wait()
    runner._write = None
    runner.close()


def test_an_error_is_a_message_never_a_traceback(hgd_app, qtbot, small_register, boxes):
    runner = ThreadRunner(small_register.where, register=small_register)
    runner.apply(add("H1"))   # the code is taken
    qtbot.waitUntil(lambda: bool(boxes.shown), timeout=5000)
    kind, _title, text = boxes.shown[0]
    assert kind == "critical" and "H1" in text and "Traceback" not in text
    runner.wait()
    runner._write = None
    runner.close()


class Slow(Operation):
    """Waits for the test's signal, checking the cancel token meanwhile (as the core's long operations do)."""

    kind = "test_slow"
    label_key = "op.add_household"
    undoable = False

    def __init__(self, go: threading.Event, started: threading.Event) -> None:
        self.go, self.started = go, started

    def label_params(self):
        return {"code": "slow"}

    def params(self):
        return {}

    def apply(self, ctx):
        from app.registry.people import add_household
        self.started.set()
        add_household(ctx, "SLOW", None)
        for _ in range(500):
            if self.go.wait(0.01):
                break
            ctx.check_cancel()
        return ctx.changes


def test_closing_during_a_cancellable_operation_rolls_it_back_and_says_so(hgd_app, qtbot, small_register, boxes):
    window = MainWindow(small_register)
    qtbot.addWidget(window)
    window.settle()
    go, started = threading.Event(), threading.Event()
    window.ctx.runner.apply(Slow(go, started), cancellable=True, on_failed=lambda exc: None)
    assert started.wait(5)
    window.close()
    assert "không có gì" in window.closing_note
    assert "SLOW" not in codes(small_register)


def test_closing_during_an_operation_lets_it_finish_and_says_so(hgd_app, qtbot, small_register, tmp_path, boxes):
    from app.register import Register
    path = small_register.where
    window = MainWindow(small_register)
    qtbot.addWidget(window)
    window.settle()
    go, started = threading.Event(), threading.Event()
    window.ctx.runner.apply(Slow(go, started))
    assert started.wait(5)
    threading.Timer(0.2, go.set).start()
    window.close()
    assert "đã được hoàn tất" in window.closing_note
    with Register.open(path, write=False) as again:
        assert "SLOW" in codes(again)


def test_undo_and_redo_are_labelled_with_what_they_do(hgd_app, qtbot, small_register):
    window = MainWindow(small_register, sync=True)
    qtbot.addWidget(window)
    window.ctx.runner.apply(add("H6"))
    assert window.undo_action.text() == "Hoàn tác: Thêm hộ H6"
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert window.redo_action.shortcut().toString() == "Ctrl+Y"
    window.undo_action.trigger()
    assert "H6" not in codes(small_register)
    assert window.redo_action.text().startswith("Làm lại: ") and window.redo_action.isEnabled()
    window.redo_action.trigger()
    assert "H6" in codes(small_register)
    window.close()


def test_the_sync_runner_reports_failures_to_the_caller(hgd_app, small_register):
    runner = SyncRunner(small_register.where, register=small_register)
    failed = []
    runner.apply(add("H1"), on_failed=failed.append)
    assert isinstance(failed[0], HgdError)
    runner.query(lambda reg: 1 / 0, lambda v: None, on_failed=failed.append)
    assert isinstance(failed[1], ZeroDivisionError)
    runner._write = None
    runner.close()


def test_a_spreadsheet_opened_as_a_register_is_offered_for_import(hgd_app, qtbot, small_register, tmp_path,
                                                                   boxes, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    sheet = tmp_path / "danh-sach.csv"
    sheet.write_text("Họ và tên,Ngày sinh,Giới tính,Quan hệ với chủ hộ,Mã hộ\n"
                     "Trần Văn Mới,01/01/1990,Nam,Chủ hộ,H8\n", encoding="utf-8")
    window = MainWindow(small_register, sync=True)
    qtbot.addWidget(window)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(sheet), "")))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: boxes.shown.append(("question", a[1], a[2])) or QMessageBox.StandardButton.Yes))
    window.open_file()
    assert boxes.texts("question")[0].startswith("“danh-sach.csv” là bảng tính")
    assert window.reg is small_register
    from ui.pages.import_page import ImportPage
    page = window.page(ImportPage)
    if page is not None:   # the import page shows the dry run first; the clerk then imports
        assert page.path == sheet and page.report is not None and page.report.persons_valid == 1
        page.import_button.click()
    assert "H8" in codes(small_register) or boxes.texts("critical")   # imported, or the core said why not
    window.close()


def test_core_messages_about_commands_are_said_in_the_windows_terms(hgd_app):
    from ui.errors import message_for

    text = message_for(HgdError("db.missing", path="/x/so.db"))
    assert "hgd init" not in text and "Tệp → Tạo sổ mới" in text
    assert "lược đồ" not in message_for(HgdError("db.newer", path="/x/so.db", rev="9"))
