"""A titled card of labelled counts: one row per figure, the value right-aligned, an optional share beside it.

Each value label is named "value.<key>" (and its share "share.<key>") so tests and accessibility tools find it.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

ATTENTION = "#b45309"  # amber: a figure the clerk should look into when it is not zero


class StatCard(QFrame):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setStyleSheet("QFrame#card { background: palette(base); border: 1px solid palette(mid);"
                           " border-radius: 6px; }")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(14, 10, 14, 12)
        self.title = QLabel(title)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() + 1)
        self.title.setFont(font)
        outer.addWidget(self.title)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(4)
        self.grid.setColumnStretch(0, 1)
        outer.addLayout(self.grid)
        outer.addStretch(1)
        self._values: dict[str, QLabel] = {}
        self._shares: dict[str, QLabel] = {}
        self._attention: set[str] = set()
        self._extra: list[QWidget] = []

    def add_row(self, key: str, label: str, *, attention: bool = False) -> None:
        row = self.grid.rowCount()
        name = QLabel(label)
        name.setWordWrap(True)
        value = QLabel("–")
        value.setObjectName(f"value.{key}")
        value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        share = QLabel("")
        share.setObjectName(f"share.{key}")
        share.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        share.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        name.setBuddy(value)
        for col, widget in enumerate((name, value, share)):
            self.grid.addWidget(widget, row, col)
        self._values[key], self._shares[key] = value, share
        self._extra += [name, value, share]
        if attention:
            self._attention.add(key)

    def add_separator(self) -> None:
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        self.grid.addWidget(line, self.grid.rowCount(), 0, 1, 3)
        self._extra.append(line)

    def add_note(self, text: str) -> QLabel:
        note = QLabel(text)
        note.setWordWrap(True)
        note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.grid.addWidget(note, self.grid.rowCount(), 0, 1, 3)
        self._extra.append(note)
        return note

    def clear_rows(self) -> None:
        for widget in self._extra:
            self.grid.removeWidget(widget)
            widget.setParent(None)  # gone from findChild at once, not only when deleteLater runs
            widget.deleteLater()
        self._extra.clear()
        self._values.clear()
        self._shares.clear()
        self._attention.clear()

    def set_value(self, key: str, text: str, share: str = "", *, nonzero: bool = False) -> None:
        value = self._values[key]
        value.setText(text)
        self._shares[key].setText(share)
        flagged = nonzero and key in self._attention
        value.setStyleSheet(f"color: {ATTENTION}; font-weight: bold;" if flagged else "")

    def keys(self) -> list[str]:
        return list(self._values)
