"""Import from the GUI: pick a file; see the header found and the column mapping (changeable there, the file read
again with it); a dry run's report in a table (each row's issues with row and column); then the import itself, with
progress and Cancel (the ImportFile operation through the runner, undoable); the report saved as XLSX."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.io.operation import ImportChangesNothing, ImportFile, ImportRefused
from app.io.report import ImportReport
from app.operations import Changes, Result
from app.views.imports import IssueRow, dry_run, field_choices, issue_rows, save_report_xlsx
from app.views.imports import message as page_message
from ui import places
from ui.context import AppContext
from ui.errors import message_for
from ui.pages.base import Page
from ui.pages.table_model import Column, RowsModel
from ui.pages.widgets import FileDialogs, MessageLine, heading, table_view


def _kind(kind: str) -> str:
    names = {"rejected": QCoreApplication.translate("ImportPage", "Refused"),
             "warning": QCoreApplication.translate("ImportPage", "Warning"),
             "present": QCoreApplication.translate("ImportPage", "Already in the register"),
             "updated": QCoreApplication.translate("ImportPage", "Completes a person")}
    return names[kind]


class ImportPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.dialogs = FileDialogs()
        self.path: Path | None = None
        self.mapping: dict[str, str] = {}
        self.report: ImportReport | None = None
        self.imported: ImportReport | None = None
        self.importing = False  # its own import is running: the change it makes is no reason to read the file again
        self._asked = 0         # the dry run last asked for: an older one's answer is not shown

        self.heading = heading()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.choose_button = QPushButton()
        self.choose_button.setObjectName("chooseFile")
        self.choose_button.clicked.connect(self.choose)
        self.file_label = QLabel()
        self.file_label.setObjectName("fileLabel")
        self.file_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)

        # the mapping: each column found, the field it fills (changeable); a column the reader did not know, added
        self.map_box = QGroupBox()
        ml = QVBoxLayout(self.map_box)
        self.map_table = QTableWidget(0, 2)
        self.map_table.setObjectName("mappingTable")
        self.map_table.horizontalHeader().setStretchLastSection(True)
        self.map_table.verticalHeader().hide()
        self.extra_header = QLineEdit()
        self.extra_header.setObjectName("extraHeader")
        self.extra_field = QComboBox()
        self.extra_field.setObjectName("extraField")
        self.add_map_button = QPushButton()
        self.add_map_button.setObjectName("addMapping")
        self.add_map_button.clicked.connect(self.add_mapping)
        self.reread_button = QPushButton()
        self.reread_button.setObjectName("reread")
        self.reread_button.clicked.connect(self.reread)
        extra = QHBoxLayout()
        extra.addWidget(self.extra_header, 1)
        extra.addWidget(self.extra_field, 1)
        extra.addWidget(self.add_map_button)
        ml.addWidget(self.map_table, 1)
        ml.addLayout(extra)
        ml.addWidget(self.reread_button)

        # the dry run's report
        self.report_box = QGroupBox()
        rl = QVBoxLayout(self.report_box)
        self.summary = QLabel()
        self.summary.setObjectName("reportSummary")
        self.summary.setWordWrap(True)
        self.issues = RowsModel[IssueRow]([
            Column(lambda: QCoreApplication.translate("ImportPage", "Kind"), lambda r: _kind(r.kind)),
            Column(lambda: QCoreApplication.translate("ImportPage", "Row"), lambda r: r.row),
            Column(lambda: QCoreApplication.translate("ImportPage", "Column"), lambda r: r.column),
            Column(lambda: QCoreApplication.translate("ImportPage", "Value"), lambda r: r.value),
            Column(lambda: QCoreApplication.translate("ImportPage", "What is wrong"),
                   lambda r: r.message, tooltip=lambda r: r.message),
        ], parent=self)
        self.issue_view = table_view()
        self.issue_view.setObjectName("issuesTable")
        self.issue_view.setModel(self.issues)
        rl.addWidget(self.summary)
        rl.addWidget(self.issue_view, 1)

        split = QSplitter()
        split.addWidget(self.map_box)
        split.addWidget(self.report_box)
        split.setSizes([420, 860])

        self.skip_invalid = QCheckBox()
        self.skip_invalid.setObjectName("skipInvalid")
        self.skip_invalid.toggled.connect(self._skip_toggled)
        self.import_button = QPushButton()
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self.run_import)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveReport")
        self.save_button.clicked.connect(self.save_report)
        self.message = MessageLine()
        self.message.setObjectName("importMessage")
        bottom = QHBoxLayout()
        bottom.addWidget(self.skip_invalid)
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.import_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)
        self.retranslate()
        self._enable()

    # --- the contract -------------------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Import")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Import households from a spreadsheet"))
        self.intro.setText(self.tr(
            "Choose the file (XLSX, XLS or CSV). hgd finds the header row and the columns, then shows what the "
            "import would do — nothing is written until you press Import. If a column is read wrongly, change its "
            "field on the left and read the file again."))
        self.choose_button.setText(self.tr("Choose a file…"))
        self.map_box.setTitle(self.tr("Columns found"))
        self.map_table.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Field")])
        self.extra_header.setPlaceholderText(self.tr("another column's header, as written"))
        self.add_map_button.setText(self.tr("Add"))
        self.reread_button.setText(self.tr("Read the file again with these columns"))
        self.report_box.setTitle(self.tr("What the import did") if self.imported is not None
                                 else self.tr("What the import would do"))
        self.skip_invalid.setText(self.tr("Import the valid rows and leave out the refused ones"))
        self.import_button.setText(self.tr("Import"))
        self.save_button.setText(self.tr("Save the report as XLSX…"))
        self._fill_fields(self.extra_field)
        self.issues.retranslate()
        self._show_file()
        self._show_summary()

    def refresh(self, changes: Changes | None) -> None:
        """The dry run compares the file with the register: after a change elsewhere it is run again."""
        if changes is not None and self.path is not None and self.imported is None and not self.importing:
            self.reread()

    # --- reading ------------------------------------------------------------------------------------------------
    def _fill_fields(self, combo: QComboBox, current: str | None = None) -> None:
        combo.clear()
        for name, label in field_choices():
            combo.addItem(label, name)
        if current is not None:
            combo.setCurrentIndex(max(0, combo.findData(current)))

    def start_import(self, path: str | None = None) -> None:
        """The main window's "Import a list…" (overview, first-run wizard, a spreadsheet opened as a register):
        the given file's dry run, or the file dialog at once."""
        if path:
            self.load(Path(path))
        else:
            self.choose()

    def choose(self) -> None:
        chosen = self.dialogs.open_file(self, self.tr("The file to import"), str(places.registers_dir()),
                                        self.tr("Spreadsheets (*.xlsx *.xls *.csv);;All files (*)"))
        if chosen:
            self.load(Path(chosen))

    def load(self, path: Path, mapping: dict[str, str] | None = None) -> None:
        self.path = path
        self.mapping = dict(mapping or {})
        self.imported = None
        self.report_box.setTitle(self.tr("What the import would do"))
        self.message.clear_message()
        self._show_file()
        skip = self.skip_invalid.isChecked()
        self._asked += 1
        asked = self._asked
        self.ctx.runner.query(lambda reg: dry_run(reg, path, self.mapping, skip_invalid=skip),
                              lambda report: self._got_report(report) if asked == self._asked else None,
                              on_failed=lambda exc: self._read_failed(exc) if asked == self._asked else None)

    def _skip_toggled(self, _on: bool) -> None:
        if self.report is not None and self.imported is None:
            self.reread()   # the dry run says what would be imported with the refused rows left out
        self._enable()

    def reread(self) -> None:
        if self.path is not None:
            self.load(self.path, self.current_mapping())

    def _read_failed(self, exc: BaseException) -> None:
        self.report = None
        self.issues.set_rows([])
        self.message.error(page_message(exc) or message_for(exc))
        self._show_summary()
        self._enable()

    def _got_report(self, report: ImportReport) -> None:
        self.report = report
        self.issues.set_rows(issue_rows(report))
        for col in range(4):
            self.issue_view.resizeColumnToContents(col)
        self._fill_mapping(report)
        self._show_file()
        self._show_summary()
        self._enable()

    def _fill_mapping(self, report: ImportReport) -> None:
        columns = [(header, name) for name, header in report.columns.items()]
        columns += [(h, f) for h, f in self.mapping.items() if h not in {c for c, _ in columns}]
        self.map_table.setRowCount(len(columns))
        for i, (header, name) in enumerate(columns):
            item = QTableWidgetItem(header)
            self.map_table.setItem(i, 0, item)
            combo = QComboBox()
            self._fill_fields(combo, name)
            self.map_table.setCellWidget(i, 1, combo)
        self.map_table.resizeColumnToContents(0)

    def current_mapping(self) -> dict[str, str]:
        """header as written -> field, for every row of the mapping table (what read_persons takes)."""
        out = {}
        for i in range(self.map_table.rowCount()):
            header = self.map_table.item(i, 0).text()
            combo = self.map_table.cellWidget(i, 1)
            out[header] = combo.currentData()
        return out

    def add_mapping(self) -> None:
        header = self.extra_header.text().strip()
        if not header:
            self.extra_header.setFocus()
            return
        i = self.map_table.rowCount()
        self.map_table.insertRow(i)
        self.map_table.setItem(i, 0, QTableWidgetItem(header))
        combo = QComboBox()
        self._fill_fields(combo, self.extra_field.currentData())
        self.map_table.setCellWidget(i, 1, combo)
        self.extra_header.clear()

    # --- showing ------------------------------------------------------------------------------------------------
    def _show_file(self) -> None:
        if self.path is None:
            self.file_label.setText(self.tr("No file chosen yet."))
            return
        text = str(self.path)
        r = self.report
        if r is not None and r.header_row is not None:
            enc = r.encoding if r.encoding != "unicode" else "Unicode"
            text += "\n" + self.tr("Sheet %1, header on row %2, %3 rows read, text in %4.") \
                .replace("%1", r.sheet or "—").replace("%2", str(int(r.header_row))) \
                .replace("%3", str(r.rows_read)).replace("%4", enc)
        self.file_label.setText(text)

    def _show_summary(self) -> None:
        r = self.imported or self.report
        if r is None:
            self.summary.setText("")
        elif r.refused:  # the core's sentence names the command-line option: the page names its own check box
            self.summary.setText(self.tr(
                "Nothing would be imported: %1 rows are refused (below). Fix them in the file and read it again, "
                "or tick \"Import the valid rows and leave out the refused ones\" to import the %2 valid persons.")
                .replace("%1", str(r.rows_rejected)).replace("%2", str(r.persons_valid)))
        else:
            self.summary.setText(r.summary_lines(max_warnings=0)[0])

    def _enable(self) -> None:
        r = self.report
        ok = r is not None and self.imported is None and r.persons_valid > 0 and (
            not r.rejected or self.skip_invalid.isChecked())
        self.import_button.setEnabled(ok)
        self.save_button.setEnabled((self.imported or self.report) is not None)
        self.reread_button.setEnabled(self.path is not None)

    # --- importing ----------------------------------------------------------------------------------------------
    def run_import(self) -> None:
        if self.path is None or self.report is None:
            return
        op = ImportFile(self.path.name, mapping=self.current_mapping() if self.map_table.rowCount() else {},
                        skip_invalid=self.skip_invalid.isChecked(), path=str(self.path))
        self.importing = True
        self._asked += 1  # a dry run still on its way describes the register before this import
        self.ctx.runner.apply(op, on_done=self._imported, on_failed=self._import_failed, cancellable=True)

    def _imported(self, result: Result) -> None:
        report: ImportReport = result.value
        self.importing = False
        self.imported = report
        self.report_box.setTitle(self.tr("What the import did"))
        self.issues.set_rows(issue_rows(report))
        self.message.ok(report.summary_lines(max_warnings=0)[0] + " " + self.tr("Undo takes the import back."))
        self._show_summary()
        self._enable()

    def _import_failed(self, exc: BaseException) -> None:
        self.importing = False
        if isinstance(exc, (ImportRefused, ImportChangesNothing)):
            self.report = exc.report
            self.issues.set_rows(issue_rows(exc.report))
        self._show_summary()
        self.message.error(self.summary.text() if isinstance(exc, ImportRefused)
                           else page_message(exc) or message_for(exc))
        self._enable()

    def save_report(self) -> None:
        report = self.imported or self.report
        if report is None:
            return
        start = (self.path.with_name(self.path.stem + "-bao-cao.xlsx") if self.path
                 else places.registers_dir() / "bao-cao.xlsx")
        chosen = self.dialogs.save_file(self, self.tr("Save the import report"), str(start),
                                        self.tr("Excel workbooks (*.xlsx)"))
        if not chosen:
            return
        if not chosen.lower().endswith(".xlsx"):
            chosen += ".xlsx"
        try:
            save_report_xlsx(report, chosen)
        except OSError as exc:
            self.message.error(self.tr("Cannot save %1: %2").replace("%1", chosen).replace("%2", str(exc)))
            return
        self.message.ok(self.tr("Saved: %1").replace("%1", chosen))
