"""The overview's line about the month's lists: the current reporting period, its status and its deadline (the 5th
of the next month), said as overdue when it has passed."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from app.lists.periods import shown, status_name
from app.views.periods import PeriodRow, current_period
from ui.context import AppContext

OVERDUE_COLOUR = "#b91c1c"


class CurrentPeriodLine(QLabel):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("currentPeriod")
        self.setContentsMargins(16, 4, 16, 4)
        self.row: PeriodRow | None = None

    def refresh(self) -> None:
        self.ctx.runner.query(current_period, self._show, on_failed=lambda _exc: self.hide())

    def _show(self, row: PeriodRow) -> None:
        self.row = row
        self.retranslate()

    def retranslate(self) -> None:
        r = self.row
        if r is None:
            return
        text = self.tr("Reporting period %1 (%2): the lists are due on %3.").replace("%1", shown(r.month)) \
            .replace("%2", status_name(r.status)).replace("%3", r.deadline.strftime("%d/%m/%Y"))
        if r.overdue:
            text += " " + self.tr("The deadline has passed.")
        self.setStyleSheet(f"color: {OVERDUE_COLOUR};" if r.overdue else "")
        self.setText(text)
        self.show()
