"""The first-run dialog: what hgd is, then the three ways to begin (new register, existing file, demo commune).

Like Picard's first-run dialog it explains before it asks. It is also shown when --db names a file that does not
exist yet: a new register is then made at that path. The demo commune never is: it lives in its own file in the
user's data folder, so that made-up people never land where the clerk's real register belongs.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.register import Register
from ui import opening, places
from ui.new_register import NewRegisterForm


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    label.setFont(font)
    return label


def _paragraph(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class FirstRunDialog(QDialog):
    """After accept(), `register` is the open register the clerk chose or made."""

    def __init__(self, missing_path: str | Path | None = None, parent: QWidget | None = None, *,
                 build_demo: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to hgd"))
        self.register: Register | None = None
        self.missing_path = Path(missing_path) if missing_path is not None else None
        self.pages = QStackedWidget()
        self.pages.addWidget(self._choice_page())
        self.pages.addWidget(self._create_page())
        self.pages.addWidget(self._next_page())
        self.next_step: str | None = None   # after a new register: "import", "household" or None (the overview)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(self.pages)
        if build_demo:   # hgd-gui --demo before the demo exists: built as soon as the dialog runs
            QTimer.singleShot(0, self._open_demo)
        self.setMinimumWidth(640)

    # --- pages ----------------------------------------------------------------------------------------------
    def _choice_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_heading(self.tr("Welcome to hgd")))
        layout.addWidget(_paragraph(self.tr(
            "hgd keeps the commune's register of households and their members for health insurance (BHYT): "
            "you record births, deaths, moves and household changes, and it prepares the monthly lists for the "
            "social insurance office. Everything stays on this computer; no internet connection is needed.")))
        if self.missing_path is not None:
            note = _paragraph(self.tr("There is no register at %1 yet.").replace("%1", str(self.missing_path)))
            note.setObjectName("missingPath")
            layout.addWidget(note)
        layout.addSpacing(8)
        layout.addWidget(_paragraph(self.tr("How would you like to begin?")))
        self.create_button = QCommandLinkButton(
            self.tr("Create a new register"),
            self.tr("For your commune: enter its name, and hgd makes an empty register file."))
        self.open_button = QCommandLinkButton(
            self.tr("Open an existing register"),
            self.tr("A register file (.db) made with hgd, on this computer or on a USB stick."))
        self.demo_button = QCommandLinkButton(
            self.tr("Open the demo commune"),
            self.tr("A made-up commune of %1 people, to try hgd without touching real data.")
            .replace("%1", self.locale().toString(opening.DEMO_PERSONS)))
        self.create_button.clicked.connect(lambda: self.pages.setCurrentIndex(1))
        self.open_button.clicked.connect(self._open_existing)
        self.demo_button.clicked.connect(self._open_demo)
        for button in (self.create_button, self.open_button, self.demo_button):
            layout.addWidget(button)
        layout.addStretch(1)
        quit_row = QHBoxLayout()
        quit_row.addStretch(1)
        quit_button = QPushButton(self.tr("Quit"))
        quit_button.clicked.connect(self.reject)
        quit_row.addWidget(quit_button)
        layout.addLayout(quit_row)
        return page

    def _create_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_heading(self.tr("New register")))
        layout.addWidget(_paragraph(self.tr(
            "Only the commune's name is needed now; the other details and the households can be added later.")))
        self.form = NewRegisterForm(self.missing_path)
        layout.addWidget(self.form)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        back = QPushButton(self.tr("Back"))
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.create_confirm = QPushButton(self.tr("Create the register"))
        self.create_confirm.setDefault(True)
        self.create_confirm.clicked.connect(self._create)
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.create_confirm)
        layout.addLayout(buttons)
        return page

    def _next_page(self) -> QWidget:
        """After a new register: what a clerk does first (the register is empty), instead of a screen of zeros."""
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_heading(self.tr("The register is ready")))
        self.ready_text = _paragraph("")
        self.ready_text.setObjectName("readyText")
        layout.addWidget(self.ready_text)
        layout.addWidget(_paragraph(self.tr("It holds no household yet. How would you like to fill it?")))
        self.import_button = QCommandLinkButton(
            self.tr("Import a list of households"),
            self.tr("From a spreadsheet (XLSX, XLS or CSV) the commune already keeps: you see what would be "
                    "imported, and the rows to fix, before anything is written."))
        self.household_button = QCommandLinkButton(
            self.tr("Add the first household"),
            self.tr("Enter a household and its members by hand."))
        self.later_button = QCommandLinkButton(
            self.tr("Later"), self.tr("Go to the overview; both are in the side bar."))
        for button, step in ((self.import_button, "import"), (self.household_button, "household"),
                             (self.later_button, None)):
            button.clicked.connect(lambda _checked=False, step=step: self._next(step))
            layout.addWidget(button)
        layout.addStretch(1)
        return page

    def _next(self, step: str | None) -> None:
        self.next_step = step
        self.accept()

    def reject(self) -> None:
        """Escape on the last page: the register exists already; it opens (on the overview)."""
        if self.pages.currentIndex() == 2 and self.register is not None:
            self._next(None)
            return
        super().reject()

    # --- choices --------------------------------------------------------------------------------------------
    def _finish(self, reg: Register | None) -> None:
        if reg is not None:
            self.register = reg
            self.accept()

    def _create(self) -> None:
        reg = self.form.create()
        if reg is not None:
            self.register = reg
            commune = reg.commune()
            place = ", ".join(x for x in (commune.get("district_name"), commune.get("province_name")) if x)
            self.ready_text.setText(self.tr("The register of %1 (%2) is kept in %3.")
                                    .replace("%1", commune.get("commune_name", ""))
                                    .replace("%2", place or commune.get("commune_code", ""))
                                    .replace("%3", reg.where))
            self.pages.setCurrentIndex(2)

    def ask_open_path(self) -> str:
        """The file dialog (its own method so tests can answer it)."""
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Open a register"), str(places.registers_dir()),
                                                self.tr("hgd registers (*.db);;All files (*)"))
        return chosen

    def _open_existing(self) -> None:
        chosen = self.ask_open_path()
        if chosen:
            self._finish(opening.open_register(self, chosen))

    def _open_demo(self) -> None:
        """The demo in its own file, never missing_path (the real register's place); the choices wait meanwhile."""
        buttons = (self.create_button, self.open_button, self.demo_button)
        for button in buttons:
            button.setEnabled(False)

        def opened(reg: Register | None) -> None:
            for button in buttons:
                button.setEnabled(True)
            self._finish(reg)

        opening.open_demo(self, opened)
