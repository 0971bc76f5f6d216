"""Periods and lists: the commune's reporting periods (status, deadline the 5th of the next month), opening and
locking one, the lists of a period with their counts written as XLSX and PDF to a folder; and, on a second tab, the
reconciliation with the office's card-holder list (ui/pages/cards.py)."""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import HgdError
from app.lists.periods import shown, status_name
from app.lists.rows import VNPT
from app.operations import Changes, Result
from app.views.periods import ListRow, PeriodDetail, PeriodRow, period_detail, period_rows, write_period_files
from app.views.printouts import list_pdf, minutes_pdf
from ui import places
from ui.context import AppContext
from ui.errors import message_for
from ui.pages.base import Page
from ui.pages.cards import CardsPanel
from ui.pages.staff import StaffPanel
from ui.pages.table_model import Column, RowsModel
from ui.pages.widgets import FileDialogs, MessageLine, heading, table_view

RIGHT = Qt.AlignmentFlag.AlignRight
TOUCHES = ("period", "event", "person", "household", "produced_list", "staff")



def _day(d) -> str:
    return d.strftime("%d/%m/%Y")


class PeriodsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.dialogs = FileDialogs()
        self.detail: PeriodDetail | None = None
        self.selected: str | None = None
        self.last_folder: Path | None = None
        self.written: list[Path] = []

        self.periods = RowsModel[PeriodRow]([
            Column(lambda: QCoreApplication.translate("PeriodsPage", "Period"),
                   lambda r: shown(r.month) + ("  ◀" if r.current else "")),
            Column(lambda: QCoreApplication.translate("PeriodsPage", "Status"), lambda r: status_name(r.status)),
            Column(lambda: QCoreApplication.translate("PeriodsPage", "Due"),
                   lambda r: _day(r.deadline), colour=lambda r: "#b91c1c" if r.overdue else None,
                   tooltip=lambda r: QCoreApplication.translate("PeriodsPage", "overdue") if r.overdue else ""),
            Column(lambda: QCoreApplication.translate("PeriodsPage", "Events"), lambda r: r.events, RIGHT),
        ], parent=self)
        self.period_view = table_view()
        self.period_view.setObjectName("periodsTable")
        self.period_view.setModel(self.periods)
        self.period_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.period_view.selectionModel().currentRowChanged.connect(self._row_changed)

        self.lists = RowsModel[ListRow]([
            Column(lambda: QCoreApplication.translate("PeriodsPage", "List"),
                   lambda r: r.title, tooltip=lambda r: r.title),
            Column(lambda: QCoreApplication.translate("PeriodsPage", "Persons"), lambda r: r.persons, RIGHT),
        ], parent=self)
        self.list_view = table_view()
        self.list_view.setObjectName("listsTable")
        self.list_view.setModel(self.lists)
        self.list_view.doubleClicked.connect(lambda index: self.preview_list(index.row()))
        self.list_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list_view.customContextMenuRequested.connect(self._list_menu)
        self.list_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_print_buttons())
        self.list_view.horizontalHeader().setStretchLastSection(False)
        self.list_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

        self.title_label = heading()
        self.status_label = QLabel()
        self.status_label.setObjectName("periodStatus")
        self.status_label.setWordWrap(True)
        self.open_button = QPushButton()
        self.open_button.setObjectName("openPeriod")
        self.open_button.clicked.connect(self.open_period)
        self.lock_button = QPushButton()
        self.lock_button.setObjectName("lockPeriod")
        self.lock_button.clicked.connect(self.lock_period)
        self.write_button = QPushButton()
        self.write_button.setObjectName("writeFiles")
        self.write_button.clicked.connect(self.write_files)
        self.show_button = QPushButton()
        self.show_button.setObjectName("showFolder")
        self.show_button.clicked.connect(self.show_folder)
        self.show_button.setEnabled(False)
        self.export_button = QPushButton()      # the packages page's export, from the period's detail
        self.export_button.setObjectName("exportPackage")
        self.export_button.clicked.connect(self.export_package)
        self.package_dialogs: Any = None          # ui.pages.packages_dialogs.Asks (tests answer it)
        self.preview_button = QPushButton()
        self.preview_button.setObjectName("previewList")
        self.preview_button.clicked.connect(lambda: self.preview_list(self.list_view.currentIndex().row()))
        self.minutes_button = QPushButton()
        self.minutes_button.setObjectName("handoverMinutes")
        self.minutes_button.clicked.connect(self.preview_minutes)
        self.print_dir: tempfile.TemporaryDirectory[str] | None = None
        self.blockers_label = QLabel()
        self.blockers = QListWidget()
        self.blockers.setObjectName("blockers")
        self.blockers.setMaximumHeight(110)
        self.message = MessageLine()
        self.message.setObjectName("periodMessage")

        buttons = QHBoxLayout()
        for b in (self.open_button, self.lock_button, self.write_button, self.show_button, self.export_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(8, 0, 0, 0)
        rl.addWidget(self.title_label)
        rl.addWidget(self.status_label)
        rl.addLayout(buttons)
        rl.addWidget(self.message)
        rl.addWidget(self.list_view, 1)
        print_row = QHBoxLayout()
        print_row.addWidget(self.preview_button)
        print_row.addWidget(self.minutes_button)
        print_row.addStretch(1)
        rl.addLayout(print_row)
        rl.addWidget(self.blockers_label)
        rl.addWidget(self.blockers)
        split = QSplitter()
        split.addWidget(self.period_view)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setSizes([380, 900])

        periods_tab = QWidget()
        pl = QVBoxLayout(periods_tab)
        pl.setContentsMargins(8, 8, 8, 8)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        pl.addWidget(self.intro)
        pl.addWidget(split, 1)

        self.cards = CardsPanel(ctx, self.dialogs)
        self.staff = StaffPanel(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(periods_tab, "")
        self.tabs.addTab(self.cards, "")
        self.tabs.addTab(self.staff, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.retranslate()

    # --- the contract -------------------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Periods and lists")

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Periods and lists"))
        self.tabs.setTabText(1, self.tr("Card-holder list"))
        self.tabs.setTabText(2, self.tr("Commune staff (D02-LT)"))
        self.intro.setText(self.tr(
            "Each month is a reporting period: open it, record the month's changes, and lock it once the month is "
            "over. Locking freezes the month's lists; they are due at the social insurance office by the 5th of "
            "the next month."))
        self.open_button.setText(self.tr("Open the period"))
        self.lock_button.setText(self.tr("Lock the period…"))
        self.write_button.setText(self.tr("Write the files to a folder…"))
        self.show_button.setText(self.tr("Show the folder"))
        self.export_button.setText(QCoreApplication.translate("SendPanel", "Export package…"))
        self.list_view.setToolTip(self.tr("Double-click a list to see it as it prints, and print it."))
        self.preview_button.setText(self.tr("Preview and print…"))
        self.preview_button.setToolTip(self.tr("The chosen list as it prints, page by page; print it from there."))
        self.minutes_button.setText(self.tr("Handover minutes…"))
        self.minutes_button.setToolTip(self.tr(
            "The handover minutes of the period's package (commune, post office, social insurance office): "
            "preview and print."))
        self.blockers_label.setText(self.tr("To settle before locking:"))
        self.periods.retranslate()
        self.lists.retranslate()
        self.cards.retranslate()
        self.staff.retranslate()
        self._show_detail()

    def refresh(self, changes: Changes | None) -> None:
        if changes is not None and not changes.entities & set(TOUCHES):
            return
        self.ctx.runner.query(period_rows, self._got_rows)
        self.cards.refresh(changes)
        self.staff.refresh(changes)

    # --- reading ------------------------------------------------------------------------------------------------
    def _got_rows(self, rows: list[PeriodRow]) -> None:
        keep = self.selected
        self.periods.set_rows(rows)
        months = [r.month for r in rows]
        if keep not in months:
            keep = next((r.month for r in rows if r.current), months[0] if months else None)
        if keep is not None:
            self.period_view.selectRow(months.index(keep))
            self._load(keep)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            month = self.periods.rows[current.row()].month
            if month != self.selected:
                self.message.clear_message()
                self._load(month)

    def select_month(self, month: str) -> None:
        months = [r.month for r in self.periods.rows]
        self.period_view.selectRow(months.index(month))

    def _load(self, month: str) -> None:
        if month != self.selected:
            self.written = []   # the files written belong to the month shown before
            self.show_button.setEnabled(False)
        self.selected = month
        self.ctx.runner.query(lambda reg: period_detail(reg, month), self._got_detail,
                              on_failed=lambda exc: self.message.error(message_for(exc)))

    def _got_detail(self, detail: PeriodDetail) -> None:
        if detail.month != self.selected:
            return  # an older answer: the clerk chose another month meanwhile
        self.detail = detail
        self.lists.set_rows(detail.lists)
        if detail.lists:
            self.list_view.selectRow(0)
        self._show_detail()

    def _show_detail(self) -> None:
        d = self.detail
        if d is None:
            self.title_label.setText("")
            self.status_label.setText("")
            for b in (self.open_button, self.lock_button, self.write_button, self.preview_button,
                      self.minutes_button, self.export_button):
                b.setEnabled(False)
            self.blockers.clear()
            self.blockers_label.hide()
            self.blockers.hide()
            return
        self.title_label.setText(self.tr("Period %1").replace("%1", shown(d.month)))
        text = self.tr("Status: %1 · due %2 · %3 events").replace("%1", status_name(d.status)) \
            .replace("%2", _day(d.deadline)).replace("%3", str(d.events))
        if d.overdue:
            text += " · " + self.tr("overdue")
        if not d.frozen:
            text += "\n" + self.tr("Not locked: the lists below are a draft, as the month's changes stand now.")
        if d.override:
            text += "\n" + self.tr("Locked despite open problems, because: %1").replace("%1", d.override)
        self.status_label.setText(text)
        self.open_button.setEnabled(d.status == "not_opened")
        self.lock_button.setEnabled(d.status == "open")
        self.write_button.setEnabled(bool(d.lists))
        self.export_button.setEnabled(d.status == "locked")
        self._show_print_buttons()
        self.blockers.clear()
        self.blockers.addItems(d.blockers)
        self.blockers_label.setVisible(bool(d.blockers))
        self.blockers.setVisible(bool(d.blockers))

    # --- actions ------------------------------------------------------------------------------------------------
    def open_period(self) -> None:
        if self.selected is not None:
            from app.lists.period_ops import OpenPeriod

            self.ctx.runner.apply(OpenPeriod(self.selected), on_done=self._applied,
                                  on_failed=lambda exc: self.message.error(message_for(exc)))

    def ask_override(self, problem: str) -> str | None:
        """The reason to lock despite blocking problems (its own method so tests can answer it)."""
        text, ok = QInputDialog.getText(self, self.tr("Lock despite open problems"), problem + "\n\n" + self.tr(
            "To lock anyway, write why the lists can go as they are (the reason is kept with the period):"))
        return text if ok else None

    def lock_period(self) -> None:
        if self.selected is None:
            return
        month = self.selected
        from app.lists.period_ops import LockPeriod  # the lists' derivation loads when first used

        def failed(exc: BaseException) -> None:
            if isinstance(exc, HgdError) and exc.key == "period.blocked":
                reason = self.ask_override(message_for(exc))
                if reason is not None:
                    self.ctx.runner.apply(LockPeriod(month, override_reason=reason), on_done=self._applied,
                                          on_failed=lambda e: self.message.error(message_for(e)))
                return
            self.message.error(message_for(exc))

        self.ctx.runner.apply(LockPeriod(month), on_done=self._applied, on_failed=failed)

    def _applied(self, result: Result) -> None:
        self.message.ok(self.tr("Done: %1").replace("%1", result.label.render()))
        if not self.isVisible():  # the main window refreshes visible pages on ctx.changed; tests drive it hidden
            self.refresh(result.changes)

    def write_files(self) -> None:
        if self.selected is None:
            return
        start = str(self.last_folder or places.registers_dir())
        folder = self.dialogs.folder(self, self.tr("Folder for the lists of %1").replace(
            "%1", shown(self.selected)), start)
        if not folder:
            return
        month = self.selected
        self.last_folder = Path(folder)
        self.ctx.runner.query(lambda reg: write_period_files(reg, month, folder), self._written,
                              on_failed=lambda exc: self.message.error(message_for(exc)))

    def _written(self, paths: list[Path]) -> None:
        self.written = paths
        self.show_button.setEnabled(bool(paths))
        self.message.ok(self.tr("%1 files written to %2").replace("%1", str(len(paths)))
                        .replace("%2", str(self.last_folder)))

    def list_file(self, row: int) -> Path | None:
        """The written file of a list: its PDF, or its XLSX when it has no PDF (the declaration template)."""
        if self.last_folder is None or not 0 <= row < len(self.lists.rows):
            return None
        stem = self.lists.rows[row].stem
        for suffix in (".pdf", ".xlsx"):
            path = self.last_folder / f"{stem}{suffix}"
            if path in self.written:
                return path
        return None

    def open_list(self, index: QModelIndex) -> None:
        path = self.list_file(index.row())
        if path is None:
            self.message.error(self.tr("Write the files to a folder first; then a double-click opens a list."))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def show_folder(self) -> None:
        if self.last_folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_folder)))

    def export_package(self) -> None:
        """The same action as the packages page's "Export package…" (a locked period's signed package)."""
        from ui.pages.packages_dialogs import Asks, say
        from ui.pages.packages_send import export_package, exported_text

        if self.selected is None:
            return
        self.package_dialogs = self.package_dialogs or Asks()
        export_package(self, self.ctx, self.package_dialogs, self.selected,
                       lambda result: (self._applied(result), self.message.ok(exported_text(result.value))),
                       lambda exc: self.message.error(say(exc)))

    # --- print preview ------------------------------------------------------------------------------------------
    def _show_print_buttons(self) -> None:
        row = self.list_view.currentIndex().row()
        self.preview_button.setEnabled(0 <= row < len(self.lists.rows) and self.lists.rows[row].form != VNPT)
        self.minutes_button.setEnabled(self.detail is not None)

    def _list_menu(self, pos: QPoint) -> None:
        index = self.list_view.indexAt(pos)
        if not index.isValid():
            return
        menu = QMenu(self)
        preview = menu.addAction(self.tr("Preview and print…"))
        preview.setEnabled(self.lists.rows[index.row()].form != VNPT)
        preview.triggered.connect(lambda: self.preview_list(index.row()))
        written = self.list_file(index.row())
        open_file = menu.addAction(self.tr("Open the written file"))
        open_file.setEnabled(written is not None)
        open_file.triggered.connect(lambda: self.open_list(index))
        menu.popup(self.list_view.viewport().mapToGlobal(pos))

    def _print_folder(self) -> Path:
        if self.print_dir is None:
            self.print_dir = tempfile.TemporaryDirectory(prefix="hgd-print-")
        return Path(self.print_dir.name)

    def preview_list(self, row: int) -> None:
        """The list's PDF in the print preview: the file written to the clerk's folder, a locked period's PDF
        written for an earlier preview, or written now (a draft always anew: the month's events may have moved)."""
        if self.detail is None or not 0 <= row < len(self.lists.rows):
            return
        item, month, frozen = self.lists.rows[row], self.detail.month, self.detail.frozen
        written = self.list_file(row)
        if written is not None and written.suffix == ".pdf" and written.exists():
            self._preview(written, item.title)
            return
        folder = self._print_folder() / month
        cached = folder / f"{item.stem}.pdf"
        if frozen and cached.exists():
            self._preview(cached, item.title)
            return
        self.ctx.runner.query(lambda reg: list_pdf(reg, month, item.stem, folder),
                              lambda path: self._preview(path, item.title),
                              on_failed=lambda exc: self.message.error(message_for(exc)))

    def preview_minutes(self) -> None:
        if self.detail is None:
            return
        month = self.detail.month
        out = self._print_folder() / month / f"{month}_bien-ban-ban-giao.pdf"
        out.parent.mkdir(parents=True, exist_ok=True)
        title = self.tr("Handover minutes %1").replace("%1", shown(month))
        self.ctx.runner.query(lambda reg: minutes_pdf(reg, month, out),
                              lambda result: self._preview(Path(result["path"]), title),
                              on_failed=lambda exc: self.message.error(message_for(exc)))

    def _preview(self, pdf: Path, title: str) -> None:
        self.message.clear_message()
        from ui.printing import preview_pdf  # pdfium loads when a preview is first asked for

        preview_pdf(self, pdf, title)
