"""Small pieces the pages share: headings, a message line under a form, Vietnamese Qt file dialogs, a table view."""
from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QHeaderView, QLabel, QTableView, QWidget

ERROR_COLOUR = "#b91c1c"
OK_COLOUR = "#166534"
# Qt's own dialog (not the system's): translated with qtbase_vi.qm, and the same on every system.
DIALOG_OPTIONS = QFileDialog.Option.DontUseNativeDialog


def heading(text: str = "", scale: float = 1.3) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


class MessageLine(QLabel):
    """A line under a form: an error in red, a success in green, hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(self.textInteractionFlags())
        self.hide()

    def error(self, text: str) -> None:
        self._show(text, ERROR_COLOUR)

    def ok(self, text: str) -> None:
        self._show(text, OK_COLOUR)

    def clear_message(self) -> None:
        self.setText("")
        self.hide()

    def _show(self, text: str, colour: str) -> None:
        self.setStyleSheet(f"color: {colour};")
        self.setText(text)
        self.setVisible(bool(text))


def table_view(parent: QWidget | None = None) -> QTableView:
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    return view


class FileDialogs:
    """The file dialogs a page opens (a class of their own so tests can answer them)."""

    def open_file(self, parent: QWidget, title: str, start: str, filters: str) -> str:
        chosen, _ = QFileDialog.getOpenFileName(parent, title, start, filters, options=DIALOG_OPTIONS)
        return chosen

    def save_file(self, parent: QWidget, title: str, start: str, filters: str) -> str:
        chosen, _ = QFileDialog.getSaveFileName(parent, title, start, filters, options=DIALOG_OPTIONS)
        return chosen

    def folder(self, parent: QWidget, title: str, start: str) -> str:
        return QFileDialog.getExistingDirectory(parent, title, start,
                                                QFileDialog.Option.ShowDirsOnly | DIALOG_OPTIONS)
