"""A person's or household's history in words (who, when, which action, field old → new), and a household as it
stood on a chosen date (app/registry/history.py through app/views/households.py)."""
from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain import codes
from app.views import households as views
from ui.context import AppContext


class HistoryDialog(QDialog):
    def __init__(self, ctx: AppContext, entity: str, entity_id: str, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.entity, self.entity_id = ctx, entity, entity_id
        self.setWindowTitle(self.tr("History: %1").replace("%1", title))
        self.resize(820, 520)
        box = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.lines = QListWidget()
        self.lines.setObjectName("historyLines")
        self.lines.setWordWrap(True)
        self.tabs.addTab(self.lines, self.tr("Changes"))
        if entity == "household":
            on = QWidget()
            col = QVBoxLayout(on)
            row = QHBoxLayout()
            row.addWidget(QLabel(self.tr("The household on")))
            self.on_date = QDateEdit(QDate.currentDate())
            self.on_date.setCalendarPopup(True)
            self.on_date.setDisplayFormat("dd/MM/yyyy")
            row.addWidget(self.on_date)
            show = QPushButton(self.tr("Show"))
            show.clicked.connect(self.show_on)
            row.addWidget(show)
            row.addStretch(1)
            col.addLayout(row)
            self.state = QListWidget()
            self.state.setObjectName("householdOn")
            col.addWidget(self.state, 1)
            self.tabs.addTab(on, self.tr("On a date"))
        box.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        ctx.runner.query(lambda reg: [ln.text() for ln in views.history(reg, entity, entity_id)], self._show)

    def _show(self, lines: list[str]) -> None:
        self.lines.clear()
        self.lines.addItems(list(reversed(lines)) or [self.tr("Nothing recorded yet.")])

    def show_on(self) -> None:
        on: date = self.on_date.date().toPython()  # type: ignore[assignment]
        self.ctx.runner.query(lambda reg: views.household_on(reg, self.entity_id, on), self._show_on)

    def _show_on(self, state: dict[str, Any]) -> None:
        self.state.clear()
        own = state.get("household")
        if not own:
            self.state.addItem(self.tr("The household did not exist yet on that date."))
            return
        self.state.addItem(self.tr("Household %1 — %2").replace("%1", str(own.get("code", "")))
                           .replace("%2", str(own.get("address") or "")))
        for m in state.get("members", []):
            relation = codes.relation_name(m.get("relation")) or m.get("relation") or ""
            self.state.addItem(f"   {m.get('full_name', '')} — {relation}")
        if not state.get("members"):
            self.state.addItem(self.tr("   (nobody lived there on that date)"))
