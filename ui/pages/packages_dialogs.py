"""What the packages page asks the clerk (files, folders, passphrases, a name, a yes or no), in one class tests can
answer; and the core's messages said in the window's terms where they speak of commands."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from app.errors import HgdError
from ui.errors import message_for
from ui.pages.widgets import DIALOG_OPTIONS, FileDialogs

ZIP_FILTER = "ZIP (*.zip)"
PDF_FILTER = "PDF (*.pdf)"


def say(exc: BaseException) -> str:
    """The core's message, except where it names a command: then what to do in this window."""
    key = exc.key if isinstance(exc, HgdError) else ""
    if key == "keys.none":
        return QCoreApplication.translate("PackagesPage", "This register has no keys yet: create them first with “Create keys…” (Keys tab).")
    if key == "keys.no_office":
        return QCoreApplication.translate("PackagesPage", "The office's keys are not registered yet: register them with “Trust another unit's keys…” "
                  "(Keys tab), from the folder the office gave you.")
    if key == "minutes.no_package":
        return QCoreApplication.translate("PackagesPage", "Period %1 has no package yet: export it first.").replace(
            "%1", str(exc.params.get("month", "")))
    if key == "exchange.commune_code_unknown":
        return QCoreApplication.translate("PackagesPage", "The commune has no code (5 digits) yet: set it on the Settings page first.")
    return message_for(exc)


class PassphraseDialog(QDialog):
    """A passphrase typed unseen; twice when a new one is chosen (the two must agree)."""

    def __init__(self, parent: QWidget | None, title: str, label: str, twice: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit()
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.note = QLabel()
        self.note.setWordWrap(True)
        text = QLabel(label)
        text.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(text)
        form.addRow(self.tr("Passphrase:"), self.first)
        if twice:
            form.addRow(self.tr("Once more:"), self.second)
        else:
            self.second.hide()
        form.addRow(self.note)
        self.twice = twice
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        for edit in (self.first, self.second):
            edit.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        ok = bool(self.first.text())
        note = ""
        if self.twice:
            if self.first.text() and len(self.first.text()) < 8:
                ok, note = False, self.tr("At least 8 characters.")
            elif self.second.text() and self.second.text() != self.first.text():
                ok, note = False, self.tr("The two passphrases differ.")
            ok = ok and self.second.text() == self.first.text()
        self.note.setText(note)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)


class Asks(FileDialogs):
    """Every question the packages page puts to the clerk."""

    def open_files(self, parent: QWidget, title: str, start: str, filters: str) -> list[str]:
        chosen, _ = QFileDialog.getOpenFileNames(parent, title, start, filters, options=DIALOG_OPTIONS)
        return list(chosen)

    def passphrase(self, parent: QWidget, title: str, label: str, twice: bool = False) -> str | None:
        dialog = PassphraseDialog(parent, title, label, twice)
        return dialog.first.text() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def text(self, parent: QWidget, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
        return value.strip() if ok and value.strip() else None

    def confirm(self, parent: QWidget, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes


def preview(parent: QWidget, pdf: Path, title: str) -> None:
    """The print preview of a PDF the page wrote (ui.printing, with printing); tests replace it."""
    from ui.printing import preview_pdf

    preview_pdf(parent, pdf, title)
