"""The commune's staff register (D02-LT): who works for the commune with which terms; a start, a change of terms and
an end, each an undoable action that lands as a row on the month's D02-LT (app.lists.staff)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.lists.staff import CONTRACT_KINDS, JOB_CLASSES, AddStaff, ChangeStaff, EndStaff
from app.operations import Changes, Result
from app.views.staff import PersonHit, StaffRow, find_persons, staff_rows
from ui.context import AppContext
from ui.errors import message_for
from ui.pages.table_model import Column, RowsModel
from ui.pages.widgets import MessageLine, table_view

TOUCHES = {"staff", "person"}


def job_class_name(code: str | None) -> str:
    names = {"manager": QCoreApplication.translate("StaffPanel", "manager"),
             "high": QCoreApplication.translate("StaffPanel", "high-level professional"),
             "mid": QCoreApplication.translate("StaffPanel", "mid-level professional"),
             "other": QCoreApplication.translate("StaffPanel", "other")}
    return names.get(code or "", "")


def contract_name(code: str | None) -> str:
    names = {"indefinite": QCoreApplication.translate("StaffPanel", "indefinite contract"),
             "fixed": QCoreApplication.translate("StaffPanel", "fixed-term contract"),
             "other": QCoreApplication.translate("StaffPanel", "other contract"),
             "decision": QCoreApplication.translate("StaffPanel", "appointment decision")}
    return names.get(code or "", "")


def salary_text(r: StaffRow) -> str:
    """The coefficient as the clerk's language writes numbers (2,34 in Vietnamese), or the amount in đồng."""
    if r.coefficient is not None:
        return QLocale().toString(float(r.coefficient), "g", 6)
    return QLocale().toString(int(r.amount)) + " đ" if r.amount is not None else ""


def _iso(d: QDate) -> str:
    return date(d.year(), d.month(), d.day()).isoformat()


class StaffPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = RowsModel[StaffRow]([
            Column(lambda: QCoreApplication.translate("StaffPanel", "Name"), lambda r: r.name),
            Column(lambda: QCoreApplication.translate("StaffPanel", "Position"), lambda r: r.position,
                   tooltip=lambda r: r.position),
            Column(lambda: QCoreApplication.translate("StaffPanel", "Job class"),
                   lambda r: job_class_name(r.job_class)),
            Column(lambda: QCoreApplication.translate("StaffPanel", "Salary"), salary_text),
            Column(lambda: QCoreApplication.translate("StaffPanel", "Contract"),
                   lambda r: contract_name(r.contract_kind)),
            Column(lambda: QCoreApplication.translate("StaffPanel", "Contributions"), lambda r: r.contributions),
            Column(lambda: QCoreApplication.translate("StaffPanel", "Since"),
                   lambda r: f"{r.valid_from[8:10]}/{r.valid_from[5:7]}/{r.valid_from[:4]}",
                   colour=lambda r: "#6b7280" if r.status != "active" else None),
        ], parent=self)
        self.view = table_view()
        self.view.setObjectName("staffTable")
        self.view.setModel(self.model)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._selected())

        self.box = QGroupBox()
        form = QFormLayout(self.box)
        self.search = QLineEdit()
        self.search.setObjectName("personSearch")
        self.search.textEdited.connect(self._search)
        self.hits = QComboBox()
        self.hits.setObjectName("personHits")
        self.when = QDateEdit()
        self.when.setObjectName("staffDate")
        self.when.setDisplayFormat("dd/MM/yyyy")
        self.when.setCalendarPopup(True)
        self.when.setDate(QDate.currentDate())
        self.position = QLineEdit()
        self.position.setObjectName("position")
        self.job_class = QComboBox()
        self.job_class.setObjectName("jobClass")
        self.coefficient = QLineEdit()
        self.coefficient.setObjectName("coefficient")
        self.contract = QComboBox()
        self.contract.setObjectName("contract")
        self.labels = [QLabel() for _ in range(7)]
        for label, w in zip(self.labels, (self.search, self.hits, self.when, self.position, self.job_class,
                                          self.coefficient, self.contract), strict=True):
            form.addRow(label, w)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addStaff")
        self.add_button.clicked.connect(self.add)
        self.change_button = QPushButton()
        self.change_button.setObjectName("changeStaff")
        self.change_button.clicked.connect(self.change)
        self.end_button = QPushButton()
        self.end_button.setObjectName("endStaff")
        self.end_button.clicked.connect(self.end)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.change_button, self.end_button):
            buttons.addWidget(b)
        form.addRow(buttons)
        self.message = MessageLine()
        self.message.setObjectName("staffMessage")
        form.addRow(self.message)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.view, 5)
        row.addWidget(self.box, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.intro)
        layout.addLayout(row, 1)
        self._selected()

    def retranslate(self) -> None:
        self.intro.setText(self.tr(
            "The commune's own staff, as the D02-LT form reports them. A start, a change of terms or an end is "
            "recorded on its day and appears on that month's D02-LT."))
        self.box.setTitle(self.tr("Start, change or end"))
        for label, text in zip(self.labels, (
                self.tr("Find a person:"), self.tr("Person:"), self.tr("From (date):"), self.tr("Position:"),
                self.tr("Job class:"), self.tr("Salary coefficient:"), self.tr("Contract:")), strict=True):
            label.setText(text)
        self.search.setPlaceholderText(self.tr("name or BHXH code"))
        self.position.setPlaceholderText(self.tr("for example: Công chức Văn hóa – Xã hội"))
        self.job_class.clear()
        self.job_class.addItem("", None)
        for code in JOB_CLASSES:
            self.job_class.addItem(job_class_name(code), code)
        self.contract.clear()
        self.contract.addItem("", None)
        for code in CONTRACT_KINDS:
            self.contract.addItem(contract_name(code), code)
        self.add_button.setText(self.tr("Starts working"))
        self.change_button.setText(self.tr("Change the terms"))
        self.end_button.setText(self.tr("Stops working"))
        self.model.retranslate()

    def refresh(self, changes: Changes | None) -> None:
        if changes is None or changes.entities & TOUCHES:
            self.ctx.runner.query(staff_rows, self._got)

    def _got(self, rows: list[StaffRow]) -> None:
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        for col, widest in ((0, 170), (1, 230), (2, 170)):
            self.view.setColumnWidth(col, min(self.view.columnWidth(col), widest))
        self._selected()

    def selected(self) -> StaffRow | None:
        index = self.view.currentIndex()
        return self.model.rows[index.row()] if index.isValid() and index.row() < len(self.model.rows) else None

    def _selected(self) -> None:
        row = self.selected()
        active = row is not None and row.status == "active"
        self.change_button.setEnabled(active)
        self.end_button.setEnabled(active)

    def _search(self, text: str) -> None:
        self.ctx.runner.query(lambda reg: find_persons(reg, text), self._hits)

    def _hits(self, hits: list[PersonHit]) -> None:
        self.hits.clear()
        for h in hits:
            born = f"{h.birth_date[8:10]}/{h.birth_date[5:7]}/{h.birth_date[:4]}" if h.birth_date and len(
                h.birth_date) == 10 else (h.birth_date or "")
            self.hits.addItem(f"{h.name} — {born} — {h.household or ''}".rstrip(" —"), h.person_id)

    def terms(self) -> dict[str, object]:
        out: dict[str, object] = {}
        if self.position.text().strip():
            out["position"] = self.position.text().strip()
        if self.job_class.currentData():
            out["job_class"] = self.job_class.currentData()
        if self.coefficient.text().strip():
            out["salary_coefficient"] = self.coefficient.text().strip()
        if self.contract.currentData():
            out["contract_kind"] = self.contract.currentData()
        return out

    def _apply(self, op: object) -> None:
        self.ctx.runner.apply(op, on_done=self._done,  # type: ignore[arg-type]
                              on_failed=lambda exc: self.message.error(message_for(exc)))

    def add(self) -> None:
        pid = self.hits.currentData()
        if not pid:
            self.message.error(self.tr("Find the person first (name or BHXH code)."))
            self.search.setFocus()
            return
        self._apply(AddStaff(pid, _iso(self.when.date()), self.terms()))

    def change(self) -> None:
        row = self.selected()
        if row is not None:
            self._apply(ChangeStaff(row.person_id, _iso(self.when.date()), self.terms()))

    def end(self) -> None:
        row = self.selected()
        if row is not None:
            self._apply(EndStaff(row.person_id, _iso(self.when.date())))

    def _done(self, result: Result) -> None:
        self.message.ok(self.tr("Done: %1").replace("%1", result.label.render()))
        for w in (self.position, self.coefficient):
            w.clear()
        if not self.isVisible():
            self.refresh(result.changes)
