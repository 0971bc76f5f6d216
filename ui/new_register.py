"""Creating a register: the form (commune name, province and code, file) and the dialog that wraps it for the menu.

The commune is looked up in the administrative units as `hgd init` does (ui/commune_lookup.py): an ambiguous name
offers its communes to choose from, a misspelt one is said with the names it resembles, a code is checked. The
first-run dialog shows the same form on its second page.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.text import nfc
from app.register import Register
from ui import commune_lookup, opening, places
from ui.qt_strings import FILE_DIALOG

ERROR_COLOUR = "#b91c1c"


class NewRegisterForm(QWidget):
    """Fields for a new register. The file name follows the commune name until the clerk picks a file."""

    def __init__(self, path: str | Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._path_chosen = path is not None
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.name = QLineEdit()
        self.name.setObjectName("communeName")
        self.name.setPlaceholderText(self.tr("for example: Xã Tân Lập"))
        self.code = QLineEdit()
        self.code.setObjectName("communeCode")
        self.code.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,5}"), self.code))
        self.code.setPlaceholderText(self.tr("5 digits, if you know it"))
        self.code.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 24)
        self.province = QLineEdit()
        self.province.setObjectName("provinceName")
        self.province.setPlaceholderText(self.tr("only when several communes share the name"))
        self.chooser = QComboBox()
        self.chooser.setObjectName("communeChooser")
        self.chooser.hide()
        self.found: dict[str, str] | None = None
        self.path = QLineEdit(str(path) if path is not None else "")
        self.path.setObjectName("registerPath")
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error.setWordWrap(True)
        self.error.hide()
        form.addRow(self.tr("Commune name (required):"), self.name)
        form.addRow(self.tr("Province:"), self.province)
        form.addRow(self.tr("Commune code:"), self.code)
        form.addRow(self.chooser)
        form.addRow(self.tr("Register file:"), where)
        form.addRow(self.error)
        self.name.textEdited.connect(self._follow_name)
        self.chooser.activated.connect(self._chosen)
        self.path.textEdited.connect(self._path_edited)
        if path is None:
            self._follow_name("")

    def _follow_name(self, text: str) -> None:
        self.error.hide()
        self.chooser.hide()
        if not self._path_chosen:
            self.path.setText(str(places.registers_dir() / places.file_name_for(text)))

    def _path_edited(self, _text: str) -> None:
        self._path_chosen = True

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Where to keep the register"), self.path.text(),
                                                self.tr("hgd registers (*.db)"), options=FILE_DIALOG)
        if chosen:
            if not chosen.lower().endswith(".db"):
                chosen += ".db"
            self.path.setText(chosen)
            self._path_chosen = True

    def _chosen(self, index: int) -> None:
        unit = self.chooser.itemData(index)
        if unit:
            self.code.setText(unit["commune_code"])
            self.error.hide()

    def commune(self) -> dict[str, str]:
        """The identity found in the administrative units (after validate()), as Register.create takes it."""
        found = self.found or {"name": nfc(self.name.text()), "code": self.code.text().strip()}
        keys = {"name": "commune_name", "code": "commune_code"}
        return {keys.get(k, k): v for k, v in found.items() if v}

    def register_path(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

    def validate(self) -> bool:
        """Check what the form can check itself; say what is wrong under the fields."""
        problem = ""
        if not nfc(self.name.text()):
            problem = self.tr("Enter the commune's name.")
            self.name.setFocus()
        elif not self.path.text().strip():
            problem = self.tr("Choose where to keep the register file.")
        elif self.register_path().exists():
            problem = self.tr("That file already exists: choose another name, or open it from the File menu.")
        else:
            result = commune_lookup.find(self.name.text(), self.code.text().strip(), self.province.text().strip())
            self.found = result.identity
            problem = result.problem
            if result.choices:
                commune_lookup.fill_chooser(self.chooser, result.choices)
                self.chooser.setFocus()
            elif problem:
                self.chooser.hide()
        self.error.setText(problem)
        self.error.setVisible(bool(problem))
        return not problem

    def create(self) -> Register | None:
        """Validate, then create the register through the core (errors shown in a message box)."""
        if not self.validate():
            return None
        return opening.create_register(self, self.register_path(), self.commune())


class NewRegisterDialog(QDialog):
    """File ▸ New register…: the form with Create / Cancel. `register` holds the result after accept()."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New register"))
        self.register: Register | None = None
        self.form = NewRegisterForm()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        create = buttons.addButton(self.tr("Create the register"), QDialogButtonBox.ButtonRole.AcceptRole)
        create.setDefault(True)
        buttons.accepted.connect(self._create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("A new, empty register for one commune. You can add households later.")))
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def _create(self) -> None:
        self.register = self.form.create()
        if self.register is not None:
            self.accept()
