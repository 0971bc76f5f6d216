"""The reconciliation with the office's card-holder list (issue 15, item 7): pick the office's XLSX, see who matched
and what is proposed (holders missing from the register, members entitled to a state-paid card without one, cards
that differ, possible pairs), accept the checked proposals as one undoable action, save the result as XLSX."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.lists.cards.match import Proposal
from app.lists.cards.ops import ACCEPTED, AcceptCards
from app.operations import Changes, Result
from app.views.cards import CardsResult, detail, kind_name, reconcile_file, save_xlsx, summary_lines
from ui import places
from ui.context import AppContext
from ui.errors import message_for
from ui.pages.table_model import Column, RowsModel
from ui.pages.widgets import FileDialogs, MessageLine, table_view


class CardsPanel(QWidget):
    def __init__(self, ctx: AppContext, dialogs: FileDialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialogs = dialogs
        self.path: Path | None = None
        self.result: CardsResult | None = None
        self.model = RowsModel[Proposal]([
            Column(lambda: QCoreApplication.translate("CardsPanel", "Proposal"), lambda p: kind_name(p.kind)),
            Column(lambda: QCoreApplication.translate("CardsPanel", "Row"),
                   lambda p: p.row if p.row is not None else "—"),
            Column(lambda: QCoreApplication.translate("CardsPanel", "Name"), lambda p: p.name),
            Column(lambda: QCoreApplication.translate("CardsPanel", "Group"), lambda p: p.group or ""),
            Column(lambda: QCoreApplication.translate("CardsPanel", "Detail"),
                   lambda p: detail(p), tooltip=lambda p: detail(p)),
        ], checkable=True, parent=self)
        self.view = table_view()
        self.view.setObjectName("proposalsTable")
        self.view.setModel(self.model)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.choose_button = QPushButton()
        self.choose_button.setObjectName("chooseCards")
        self.choose_button.clicked.connect(self.choose)
        self.accept_button = QPushButton()
        self.accept_button.setObjectName("acceptCards")
        self.accept_button.clicked.connect(self.accept_checked)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveCards")
        self.save_button.clicked.connect(self.save)
        self.summary = QLabel()
        self.summary.setObjectName("cardsSummary")
        self.summary.setWordWrap(True)
        self.message = MessageLine()
        self.message.setObjectName("cardsMessage")
        row = QHBoxLayout()
        for b in (self.choose_button, self.accept_button, self.save_button):
            row.addWidget(b)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        self._enable()

    def retranslate(self) -> None:
        self.intro.setText(self.tr(
            "The social insurance office sends the list of the people holding a card. hgd matches each of them to "
            "the register (BHXH code, then CCCD, then name, date of birth, sex and birth place) and proposes what "
            "to do. Check the proposals to accept: each becomes a recorded change, so a row of the month's lists. "
            "Possible pairs are only shown, for you to look at."))
        self.choose_button.setText(self.tr("Choose the office's list…"))
        self.accept_button.setText(self.tr("Accept the checked proposals"))
        self.save_button.setText(self.tr("Save the result as XLSX…"))
        self.model.retranslate()
        self._show_summary()

    def refresh(self, changes: Changes | None) -> None:
        """A reconciliation is a snapshot of the register: after a change it is read again."""
        if self.path is not None and changes is not None:
            self._read(self.path)

    def _enable(self) -> None:
        has = self.result is not None
        self.accept_button.setEnabled(has and any(p.kind in ACCEPTED for p in self.model.rows))
        self.save_button.setEnabled(has)

    def choose(self) -> None:
        chosen = self.dialogs.open_file(self, self.tr("The office's card-holder list"), str(places.registers_dir()),
                                        self.tr("Spreadsheets (*.xlsx *.xls *.csv);;All files (*)"))
        if chosen:
            self._read(Path(chosen))

    def _read(self, path: Path) -> None:
        self.path = path
        self.message.clear_message()
        self.ctx.runner.query(lambda reg: reconcile_file(reg, path), self._got,
                              on_failed=lambda exc: self._failed(exc))

    def _failed(self, exc: BaseException) -> None:
        self.result = None
        self.model.set_rows([])
        self.summary.setText("")
        self.message.error(message_for(exc))
        self._enable()

    def _got(self, result: CardsResult) -> None:
        self.result = result
        self.model.set_rows(result.result.proposals)
        # proposals that can be accepted start checked, the "possible" pairs never
        self.model.checked = [p.kind in ACCEPTED for p in self.model.rows]
        self.model.dataChanged.emit(self.model.index(0, 0), self.model.index(max(0, len(self.model.rows) - 1), 0))
        for col in range(4):
            self.view.resizeColumnToContents(col)
        self._show_summary()
        self._enable()

    def _show_summary(self) -> None:
        if self.result is None:
            self.summary.setText("")
            return
        lines = summary_lines(self.result)
        rejected = len({i.row for i in self.result.cards.rejected})
        if rejected:
            lines.append(self.tr("%1 rows of the file could not be read.").replace("%1", str(rejected)))
        self.summary.setText(lines[0] + "\n" + " · ".join(lines[1:]))

    def accept_checked(self) -> None:
        if self.result is None:
            return
        chosen = [p.to_dict() for p in self.model.checked_rows() if p.kind in ACCEPTED]
        if not chosen:
            self.message.error(self.tr("Check at least one proposal to accept."))
            return
        self.ctx.runner.apply(AcceptCards(self.result.cards.file, tuple(chosen)), on_done=self._accepted,
                              on_failed=lambda exc: self.message.error(message_for(exc)))

    def _accepted(self, result: Result) -> None:
        done = len(result.value["accepted"]) if isinstance(result.value, dict) else 0
        self.message.ok(self.tr("%1 proposals accepted; Undo takes them back.").replace("%1", str(done)))
        if self.path is not None:
            self._read(self.path)
        self.message.ok(self.tr("%1 proposals accepted; Undo takes them back.").replace("%1", str(done)))

    def save(self) -> None:
        if self.result is None:
            return
        start = str((self.path.parent if self.path else places.registers_dir()) / "doi-chieu-the.xlsx")
        chosen = self.dialogs.save_file(self, self.tr("Save the reconciliation"), start,
                                        self.tr("Excel workbooks (*.xlsx)"))
        if not chosen:
            return
        if not chosen.lower().endswith(".xlsx"):
            chosen += ".xlsx"
        try:
            save_xlsx(self.result, chosen)
        except OSError as exc:
            self.message.error(self.tr("Cannot save %1: %2").replace("%1", chosen).replace("%2", str(exc)))
            return
        self.message.ok(self.tr("Saved: %1").replace("%1", chosen))
