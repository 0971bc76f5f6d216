"""A page of the main window (one area of the side bar); see /work/briefs/gui_contract.md."""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget

from app.operations import Changes
from ui.context import AppContext


class Page(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def title(self) -> str:
        """Translated, shown in the side bar."""
        raise NotImplementedError

    def refresh(self, changes: Changes | None) -> None:
        """On first show, and on ctx.changed while visible (None = reload everything); reload only what changes
        touch."""

    def retranslate(self) -> None:
        """Called on QEvent.LanguageChange (live language switch)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
