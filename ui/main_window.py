"""The main window: the commune's identity, the overview of the register, menus to open, create or switch."""
from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMessageBox, QVBoxLayout, QWidget

from app import __version__
from app.register import Register
from ui import i18n, opening, places, settings
from ui.commune_header import CommuneHeader
from ui.errors import show_error
from ui.new_register import NewRegisterDialog
from ui.overview.view import OverviewView

LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}  # each in its own language, never translated


class MainWindow(QMainWindow):
    def __init__(self, reg: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reg: Register | None = None
        self.header = CommuneHeader()
        self.overview = OverviewView()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.overview, 1)
        self.setCentralWidget(central)
        self.path_label = QLabel()
        self.path_label.setObjectName("registerPath")
        self.statusBar().addPermanentWidget(self.path_label, 1)
        self._build_menus()
        self._fit_to_screen()
        self.set_register(reg)

    def _fit_to_screen(self) -> None:
        """1240×800 where there is room; on a 1366×768 laptop, most of the screen and never more."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1240, 800)
            return
        room = screen.availableGeometry()
        self.resize(min(1240, int(room.width() * 0.95)), min(800, int(room.height() * 0.92)))
        self.move(room.center() - self.rect().center())

    # --- menus ----------------------------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.file_menu.addAction(self._action(self.tr("&Open register…"), self.open_file,
                                              QKeySequence.StandardKey.Open))
        self.file_menu.addAction(self._action(self.tr("&New register…"), self.new_register,
                                              QKeySequence.StandardKey.New))
        self.file_menu.addAction(self._action(self.tr("Open the &demo commune"), self.open_demo))
        self.file_menu.addSeparator()
        self.file_menu.addAction(self._action(self.tr("&Quit"), self.close, "Ctrl+Q"))

        self.language_menu = bar.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for lang, name in LANGUAGE_NAMES.items():
            action = self._action(name, lambda _checked=False, lang=lang: self.choose_language(lang))
            action.setCheckable(True)
            action.setChecked(lang == i18n.current_language())
            action.setData(lang)
            group.addAction(action)
            self.language_menu.addAction(action)

        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help_menu.addAction(self._action(self.tr("&About hgd"), self.about))

    # --- the register ---------------------------------------------------------------------------------------
    def set_register(self, reg: Register) -> None:
        """Show `reg` (closing the one shown before)."""
        if self.reg is not None and self.reg is not reg:
            self.reg.close()
        self.reg = reg
        self.refresh()
        if reg.backup_path is not None:
            self.statusBar().showMessage(self.tr("The register was upgraded; a copy was kept first: %1")
                                         .replace("%1", str(reg.backup_path)))

    def refresh(self) -> None:
        try:
            commune = self.reg.commune()
            stats = self.reg.stats()
        except Exception as exc:
            show_error(self, exc, self.tr("Cannot read the register"))
            return
        self.setWindowTitle(f"hgd — {commune.get('commune_name', '')}")
        self.header.show_commune(commune)
        self.overview.show_stats(stats)
        self.path_label.setText(self.tr("Register: %1").replace("%1", self.reg.where))

    # --- actions --------------------------------------------------------------------------------------------
    def open_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Open a register"), str(places.registers_dir()),
                                                self.tr("hgd registers (*.db);;All files (*)"))
        if chosen:
            reg = opening.open_register(self, chosen)
            if reg is not None:
                self.set_register(reg)

    def new_register(self) -> None:
        dialog = NewRegisterDialog(self)
        if dialog.exec() and dialog.register is not None:
            self.set_register(dialog.register)

    def open_demo(self) -> None:
        reg = opening.open_demo(self)
        if reg is not None:
            self.set_register(reg)

    def choose_language(self, lang: str) -> None:
        settings.set_language(lang)
        if lang != i18n.current_language():
            QMessageBox.information(self, self.tr("Language"), self.tr(
                "hgd will use %1 the next time it starts.").replace("%1", LANGUAGE_NAMES[lang]))

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About hgd"), self.tr(
            "<p><b>hgd</b> %1</p>"
            "<p>The register of households and their members for health insurance (BHYT), kept by the commune, "
            "offline.</p>"
            "<p>Fonts: Noto Sans and Liberation Serif, under the SIL Open Font License 1.1.</p>")
            .replace("%1", __version__))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.reg is not None:
            self.reg.close()
            self.reg = None
        super().closeEvent(event)
