"""The first-run dialog: it explains, then creates a register, opens one, or opens the demo commune."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from app.register import Register
from ui import places, settings
from ui.first_run import FirstRunDialog


def shown(qtbot, dialog: FirstRunDialog) -> FirstRunDialog:
    qtbot.addWidget(dialog)
    dialog.show()  # never exec(): nothing here may wait for a click
    return dialog


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_in(line_edit, text: str) -> None:
    """As if typed or pasted (textEdited is emitted); QTest.keyClicks only knows ASCII, not "Xã"."""
    line_edit.insert(text)


def test_it_explains_before_it_asks(hgd_app, qtbot):
    dialog = shown(qtbot, FirstRunDialog())
    assert dialog.windowTitle() == "Chào mừng đến với hgd"
    assert [b.text() for b in (dialog.create_button, dialog.open_button, dialog.demo_button)] == [
        "Tạo sổ mới", "Mở sổ có sẵn", "Mở xã mẫu (demo)"]


def test_creating_a_register_from_the_first_run_dialog(hgd_app, qtbot, tmp_path):
    """An ambiguous name offers its communes; the one chosen gives the code; then the wizard leads to an import."""
    dialog = shown(qtbot, FirstRunDialog())
    click(qtbot, dialog.create_button)
    assert dialog.pages.currentIndex() == 1
    type_in(dialog.form.name, "Xã Tân Lập")
    assert dialog.form.path.text() == str(places.registers_dir() / "xa-tan-lap.db")  # follows the name
    qtbot.keyClicks(dialog.form.code, "12a345")  # the letter is refused: five digits only
    assert dialog.form.code.text() == "12345"
    click(qtbot, dialog.create_confirm)
    assert dialog.register is None  # 12345 is no commune, let alone Tân Lập
    assert "12345" in dialog.form.error.text()
    dialog.form.code.clear()
    click(qtbot, dialog.create_confirm)
    assert dialog.register is None
    assert dialog.form.error.text() == "Có 3 xã tên Xã Tân Lập: hãy chọn đúng xã trong danh sách."
    chooser = dialog.form.chooser
    assert not chooser.isHidden() and chooser.count() == 4
    tay_ninh = next(i for i in range(1, 4) if "Tây Ninh" in chooser.itemText(i))
    chooser.setCurrentIndex(tay_ninh)
    chooser.activated.emit(tay_ninh)
    assert dialog.form.code.text() == "25489"
    click(qtbot, dialog.create_confirm)
    assert dialog.pages.currentIndex() == 2 and dialog.isVisible()  # what next, not a screen of zeros
    assert "Xã Tân Lập" in dialog.ready_text.text() and "Tây Ninh" in dialog.ready_text.text()
    click(qtbot, dialog.import_button)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.next_step == "import"
    reg = dialog.register
    try:
        assert reg.commune()["commune_code"] == "25489" and reg.commune()["province_name"] == "Tỉnh Tây Ninh"
        assert settings.last_register() == (tmp_path / "documents" / "hgd" / "xa-tan-lap.db").resolve()
    finally:
        reg.close()


def test_a_misspelt_name_is_said_with_what_it_resembles(hgd_app, qtbot, tmp_path):
    dialog = shown(qtbot, FirstRunDialog())
    click(qtbot, dialog.create_button)
    type_in(dialog.form.name, "Xã Khánh Trungg")
    click(qtbot, dialog.create_confirm)
    text = dialog.form.error.text()
    assert dialog.register is None and text.startswith("Không tìm thấy xã Xã Khánh Trungg")
    assert "Khánh Trung" in text.split(".", 1)[1] and "--" not in text  # no command-line talk
    assert not places.registers_dir().exists()


def test_escape_on_the_last_page_keeps_the_new_register(hgd_app, qtbot):
    dialog = shown(qtbot, FirstRunDialog())
    click(qtbot, dialog.create_button)
    type_in(dialog.form.name, "Xã Dân Lý")
    click(qtbot, dialog.create_confirm)
    dialog.reject()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.next_step is None
    assert dialog.register.commune()["commune_code"] == "15703"
    dialog.register.close()


def test_a_missing_name_is_said_under_the_fields_and_nothing_is_made(hgd_app, qtbot, tmp_path):
    dialog = shown(qtbot, FirstRunDialog())
    click(qtbot, dialog.create_button)
    click(qtbot, dialog.create_confirm)
    assert dialog.form.error.isVisible() and dialog.form.error.text() == "Hãy nhập tên xã."
    assert dialog.register is None and dialog.isVisible()
    assert not places.registers_dir().exists()


def test_a_db_path_that_does_not_exist_is_offered_for_the_new_register(hgd_app, qtbot, tmp_path):
    wanted = tmp_path / "so-moi.db"
    dialog = shown(qtbot, FirstRunDialog(wanted))
    assert dialog.findChild(QLabel, "missingPath").text() == f"Chưa có sổ nào tại {wanted}."
    click(qtbot, dialog.create_button)
    type_in(dialog.form.name, "Xã Quỳnh Hoà")
    assert dialog.form.path.text() == str(wanted)  # the clerk's path stays
    click(qtbot, dialog.create_confirm)
    assert dialog.register is not None and dialog.register.where == str(wanted)
    assert dialog.register.commune()["commune_code"] == "12481"
    dialog.register.close()


def test_opening_an_existing_register(hgd_app, qtbot, tmp_path, monkeypatch):
    Register.create(tmp_path / "co-san.db", {"commune_name": "Xã Có Sẵn"}).close()
    dialog = shown(qtbot, FirstRunDialog())
    monkeypatch.setattr(dialog, "ask_open_path", lambda: str(tmp_path / "co-san.db"))
    click(qtbot, dialog.open_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.register.commune()["commune_name"] == "Xã Có Sẵn"
    dialog.register.close()


def test_a_corrupt_file_shows_a_message_and_the_dialog_stays(hgd_app, qtbot, tmp_path, monkeypatch, boxes):
    bad = tmp_path / "hong.db"
    bad.write_bytes(b"this is not a database, just some bytes " * 100)
    dialog = shown(qtbot, FirstRunDialog())
    monkeypatch.setattr(dialog, "ask_open_path", lambda: str(bad))
    click(qtbot, dialog.open_button)
    assert dialog.register is None and dialog.isVisible()
    assert [(kind, title) for kind, title, _ in boxes.shown] == [("critical", "Không mở được sổ")]
    assert "không phải cơ sở dữ liệu SQLite" in boxes.texts()[0]


def test_file_new_register_dialog_creates_and_refuses_an_existing_file(hgd_app, qtbot, tmp_path):
    from ui.new_register import NewRegisterDialog

    taken = tmp_path / "da-co.db"
    taken.write_bytes(b"")
    dialog = NewRegisterDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    type_in(dialog.form.name, "Xã Dân Lý")
    dialog.form.path.setText(str(taken))
    dialog._create()
    assert dialog.register is None and "Tệp này đã có" in dialog.form.error.text()
    dialog.form.path.setText(str(tmp_path / "hoa-binh.db"))
    dialog._create()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.register.commune()["commune_name"] == "Xã Dân Lý"
    assert dialog.register.commune()["province_name"] == "Tỉnh Thanh Hóa"
    dialog.register.close()
