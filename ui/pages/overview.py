"""The overview page: the commune's identity and the register's counts (ui/overview), refreshed after any change
(and on demand, for changes made outside this window); an empty register leads to the first household or import."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.operations import Changes
from app.register import Register
from ui.commune_header import CommuneHeader
from ui.context import AppContext
from ui.overview.view import OverviewView
from ui.pages.base import Page


def read_overview(reg: Register) -> dict[str, Any]:
    return {"commune": reg.commune(), "stats": reg.stats()}


class OverviewPage(Page):
    add_household_requested = Signal()
    import_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.data: dict[str, Any] | None = None
        self.header = CommuneHeader()
        self.view = OverviewView()
        self.empty = QWidget()
        self.empty.setObjectName("emptyRegister")
        row = QHBoxLayout(self.empty)
        row.setContentsMargins(16, 8, 16, 0)
        self.empty_text = QLabel()
        self.empty_text.setWordWrap(True)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_household_requested)
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.import_requested)
        row.addWidget(self.empty_text, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.import_button)
        self.empty.hide()
        self.reload_button = QPushButton()
        self.reload_button.setObjectName("reload")
        self.reload_button.clicked.connect(lambda: self.refresh(None))
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.reload_button)
        top.setContentsMargins(0, 0, 12, 0)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(0)
        self.box.addLayout(top)
        self.box.addWidget(self.empty)
        self.box.addWidget(self.view, 1)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Overview")

    def retranslate(self) -> None:
        self.reload_button.setText(self.tr("Reload"))
        self.reload_button.setToolTip(self.tr("Read the register again (after changes made elsewhere)"))
        self.empty_text.setText(self.tr("The register holds nobody yet. Start by importing the commune's list from "
                                        "a spreadsheet, or by adding the first household."))
        self.add_button.setText(self.tr("Add the first household…"))
        self.import_button.setText(self.tr("Import a list…"))
        # the counts' labels are made when the view is built: a new view in the new language
        old = self.view
        self.view = OverviewView()
        self.box.replaceWidget(old, self.view)
        old.deleteLater()
        if self.data is not None:
            self._show(self.data)

    def refresh(self, changes: Changes | None) -> None:
        self.ctx.runner.query(read_overview, self._show)

    def _show(self, data: dict[str, Any]) -> None:
        self.data = data
        self.header.show_commune(data["commune"])
        self.view.show_stats(data["stats"])
        self.empty.setVisible(data["stats"]["persons"]["active"] == 0)

    def value_text(self, key: str) -> str:
        return self.view.value_text(key)
