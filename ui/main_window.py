"""The main window: the commune's identity, a side bar of pages (ui/pages PAGES), the Edit menu's Undo and Redo
labelled with what they would do, the language switched live, the window's state remembered."""
from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.operations import Changes, Result
from app.register import Register
from ui import i18n, opening, places, settings
from ui.commune_header import CommuneHeader
from ui.context import AppContext, SyncRunner, ThreadRunner
from ui.new_register import NewRegisterDialog
from ui.overview.view import OverviewView
from ui.pages import OFFICE_PAGES, PAGES
from ui.pages.base import Page
from ui.qt_strings import FILE_DIALOG

LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}  # each in its own language, never translated


class MainWindow(QMainWindow):
    def __init__(self, reg: Register, parent: QWidget | None = None, *, sync: bool = False) -> None:
        super().__init__(parent)
        self.sync = sync
        self.reg: Register | None = None
        self.ctx: AppContext | None = None
        self.pages: list[Page] = []
        self._stale: set[int] = set()
        self.closing_note = ""   # what closing during an operation did (finished / rolled back)
        self.header = CommuneHeader()
        self.side = QListWidget()
        self.side.setObjectName("sideBar")
        self.side.setFixedWidth(190)
        self.side.setIconSize(QSize(0, 0))
        self.side.setStyleSheet("QListWidget#sideBar { border: none; border-right: 1px solid palette(mid); }"
                                "QListWidget#sideBar::item { padding: 9px 12px; }")
        self.stack = QStackedWidget()
        self.side.currentRowChanged.connect(self.show_page)
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.side)
        row.addWidget(self.stack, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(body, 1)
        self.setCentralWidget(central)
        self.path_label = QLabel()
        self.path_label.setObjectName("registerPath")
        self.statusBar().addPermanentWidget(self.path_label, 1)
        self._build_menus()
        if not self._restore_state():
            self._fit_to_screen()
        self.set_register(reg)

    # --- window state ---------------------------------------------------------------------------------------
    def _fit_to_screen(self) -> None:
        """1240×800 where there is room; on a 1366×768 laptop, most of the screen and never more."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1240, 800)
            return
        room = screen.availableGeometry()
        self.resize(min(1240, int(room.width() * 0.95)), min(800, int(room.height() * 0.92)))
        self.move(room.center() - self.rect().center())

    def _restore_state(self) -> bool:
        geometry = settings.store().value("ui/geometry")
        return isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)

    def _save_state(self) -> None:
        s = settings.store()
        s.setValue("ui/geometry", self.saveGeometry())
        s.setValue("ui/page", self.side.currentRow())
        s.sync()

    # --- menus ----------------------------------------------------------------------------------------------
    def _action(self, text: str, slot: Any, shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.clear()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.file_menu.addAction(self._action(self.tr("&Open register…"), self.open_file,
                                              QKeySequence.StandardKey.Open))
        self.file_menu.addAction(self._action(self.tr("&New register…"), self.new_register,
                                              QKeySequence.StandardKey.New))
        self.file_menu.addAction(self._action(self.tr("Open the &demo commune"), self.open_demo))
        self.file_menu.addSeparator()
        self.file_menu.addAction(self._action(self.tr("&Quit"), self.close, "Ctrl+Q"))

        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self._action(self.tr("Undo"), self.undo, "Ctrl+Z")
        self.redo_action = self._action(self.tr("Redo"), self.redo, "Ctrl+Y")
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)

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

    # --- the register and its pages -------------------------------------------------------------------------
    def set_register(self, reg: Register) -> None:
        """Show `reg` (closing the one shown before): a new context, new pages."""
        if self.ctx is not None:
            self.ctx.runner.wait()
            self.ctx.runner.close()
        elif self.reg is not None and self.reg is not reg:
            self.reg.close()
        self.reg = reg
        runner = (SyncRunner if self.sync else ThreadRunner)(reg.where, self, register=reg)
        runner.after_apply.append(self._after_apply)
        self.ctx = AppContext(reg.where, runner, self)
        self.ctx.changed.connect(self._changed)
        self._build_pages()
        self.path_label.setText(self.tr("Register: %1").replace("%1", reg.where))
        if reg.backup_path is not None:
            self.statusBar().showMessage(self.tr("The register was upgraded; a copy was kept first: %1")
                                         .replace("%1", str(reg.backup_path)))
        self.refresh_identity()
        self.refresh_undo()

    def _build_pages(self) -> None:
        for page in self.pages:
            self.stack.removeWidget(page)
            page.deleteLater()
        self.side.blockSignals(True)
        self.side.clear()
        assert self.ctx is not None
        office = self.reg is not None and self.reg.setting("register_kind") == "office"
        self.pages = [cls(self.ctx) for cls in (OFFICE_PAGES if office else PAGES)]
        self._stale = set(range(len(self.pages)))
        for page in self.pages:
            self.stack.addWidget(page)
            QListWidgetItem(page.title(), self.side)
            self._connect_page(page)
        self.side.blockSignals(False)
        last = settings.store().value("ui/page")
        start = int(last) if last is not None and str(last).isdigit() and int(last) < len(self.pages) else 0
        self.side.setCurrentRow(start)
        self.show_page(start)

    def _connect_page(self, page: Page) -> None:
        add = getattr(page, "add_household_requested", None)
        if add is not None:
            add.connect(self.add_first_household)
        imp = getattr(page, "import_requested", None)
        if imp is not None:
            imp.connect(self.import_list)

    def page(self, cls: type[Page]) -> Page | None:
        return next((p for p in self.pages if isinstance(p, cls)), None)

    def show_page(self, index: int) -> None:
        if not 0 <= index < len(self.pages):
            return
        if self.side.currentRow() != index:
            self.side.setCurrentRow(index)
            return
        self.stack.setCurrentIndex(index)
        if index in self._stale:
            self._stale.discard(index)
            self.pages[index].refresh(None)

    def _changed(self, changes: Changes) -> None:
        current = self.stack.currentIndex()
        for index, page in enumerate(self.pages):
            if index == current:
                page.refresh(changes)
            else:
                self._stale.add(index)
        if changes.entities & {"commune", "communes", "setting", "settings"}:
            self.refresh_identity()

    def refresh_identity(self) -> None:
        def show(identity: dict[str, str]) -> None:
            self.setWindowTitle(f"hgd — {identity.get('commune_name') or identity.get('office_name', '')}")
            self.header.show_commune(identity)
        assert self.ctx is not None
        self.ctx.runner.query(lambda reg: reg.identity(), show)

    def refresh_undo(self) -> None:
        assert self.ctx is not None
        self.ctx.runner.query(lambda reg: reg.undo_status(), self._show_undo)

    def _show_undo(self, status: Any) -> None:
        self._undo_status = status
        if status.undo is not None:
            self.undo_action.setText(self.tr("Undo: %1").replace("%1", status.undo.render()))
        else:
            self.undo_action.setText(self.tr("Undo"))
        if status.redo is not None:
            self.redo_action.setText(self.tr("Redo: %1").replace("%1", status.redo.render()))
        else:
            self.redo_action.setText(self.tr("Redo"))
        self.undo_action.setEnabled(status.undo is not None)
        self.redo_action.setEnabled(status.redo is not None)

    def _after_apply(self, result: Result) -> None:
        self.refresh_undo()
        with contextlib.suppress(Exception):  # a label that cannot be worded is no reason to fail after the work
            self.statusBar().showMessage(result.label.render(), 6000)

    def undo(self) -> None:
        if self.ctx is not None and self.undo_action.isEnabled():
            self.ctx.runner.undo()

    def redo(self) -> None:
        if self.ctx is not None and self.redo_action.isEnabled():
            self.ctx.runner.redo()

    def settle(self, rounds: int = 20) -> None:
        """Wait until the runner is idle and its answers are shown (tests, screenshots, closing)."""
        if self.ctx is None:
            return
        for _ in range(rounds):
            self.ctx.runner.wait()
            QApplication.processEvents()
            if not self.ctx.runner.busy:
                break

    # compatibility with what the overview page shows
    @property
    def overview(self) -> OverviewView:
        from ui.pages.overview import OverviewPage

        page = self.page(OverviewPage)
        assert isinstance(page, OverviewPage)
        return page.view

    def refresh(self) -> None:
        self.refresh_identity()
        for index, page in enumerate(self.pages):
            if index == self.stack.currentIndex():
                page.refresh(None)
            else:
                self._stale.add(index)

    # --- actions --------------------------------------------------------------------------------------------
    def open_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Open a register"), str(places.registers_dir()),
                                                self.tr("hgd registers (*.db);;All files (*)"),
                                                options=FILE_DIALOG)
        if chosen and opening.is_spreadsheet(chosen):
            self.offer_import(chosen)
        elif chosen:
            reg = opening.open_register(self, chosen)
            if reg is not None:
                self.set_register(reg)

    def new_register(self) -> None:
        dialog = NewRegisterDialog(self)
        if dialog.exec() and dialog.register is not None:
            self.set_register(dialog.register)

    def open_demo(self) -> None:
        def opened(reg: Register | None) -> None:
            if reg is not None:
                self.set_register(reg)

        opening.open_demo(self, opened)

    def add_first_household(self) -> None:
        from ui.pages.households import HouseholdsPage

        page = self.page(HouseholdsPage)
        if page is not None:
            self.show_page(self.pages.index(page))
            page.add_household()  # type: ignore[attr-defined]

    def import_list(self, path: str | None = None) -> None:
        """The import page when there is one (it shows the header and mapping first); without it, a file is
        imported as read, with progress and Cancel."""
        for index, page in enumerate(self.pages):
            start = getattr(page, "start_import", None)
            if start is not None:
                self.show_page(index)
                start(path) if path else start()
                return
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a list of persons"),
                                                  str(Path.home()), self.tr("Spreadsheets (*.xlsx *.xls *.csv *.ods)"),
                                                  options=FILE_DIALOG)
        if path and self.ctx is not None:
            from app.io.operation import ImportFile

            self.ctx.runner.apply(ImportFile(file=Path(path).name, path=path), cancellable=True)

    def offer_import(self, path: str) -> None:
        """A spreadsheet chosen where a register was expected: offer to import its persons instead."""
        answer = QMessageBox.question(self, self.tr("This is a spreadsheet"), self.tr(
            "“%1” is a spreadsheet, not a register. Import the persons it lists into the register open now?")
            .replace("%1", Path(path).name))
        if answer == QMessageBox.StandardButton.Yes:
            self.import_list(path)

    def choose_language(self, lang: str) -> None:
        settings.set_language(lang)
        if lang != i18n.current_language():
            app = QApplication.instance()
            if app is not None:
                i18n.install(app, lang)   # every widget gets a LanguageChange event: no restart

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.ctx is not None:
            self._build_menus()
            for index, page in enumerate(self.pages):
                item = self.side.item(index)
                if item is not None:
                    item.setText(page.title())
            self.path_label.setText(self.tr("Register: %1").replace("%1", self.ctx.db))
            self.refresh_identity()
            self.refresh_undo()
        super().changeEvent(event)

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About hgd"), self.tr(
            "<p><b>hgd</b> %1</p>"
            "<p>The register of households and their members for health insurance (BHYT), kept by the commune, "
            "offline.</p>"
            "<p>Fonts: Noto Sans and Liberation Serif, under the SIL Open Font License 1.1.</p>")
            .replace("%1", __version__))

    def closeEvent(self, event: QCloseEvent) -> None:
        """An operation under way finishes (or, when it can be cancelled, rolls back) before the window closes;
        the clerk is told which."""
        if self.ctx is not None:
            runner = self.ctx.runner
            if runner.busy:
                cancel = getattr(runner, "cancel", None)
                outcome: dict[str, str] = {}
                runner.after_apply.append(lambda _r: outcome.setdefault("done", "1"))
                if cancel is not None:
                    cancel.cancel()
                self.statusBar().showMessage(self.tr("Finishing the work under way…"))
                runner.wait()
                self.closing_note = (self.tr("The operation under way was finished and saved before closing.")
                                     if outcome else
                                     self.tr("The operation under way was cancelled before closing; nothing "
                                             "of it was saved."))
                QMessageBox.information(self, self.tr("Closing hgd"), self.closing_note)
            self._save_state()
            runner.close()
            self.ctx = None
        elif self.reg is not None:
            self.reg.close()
        self.reg = None
        super().closeEvent(event)


__all__ = ["MainWindow", "Qt"]
