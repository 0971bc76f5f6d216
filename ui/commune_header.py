"""The band at the top of the main window: which commune's register this is, and who answers for it."""
from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


class CommuneHeader(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("communeHeader")
        self.setStyleSheet("QFrame#communeHeader { border-bottom: 1px solid palette(mid); }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 10)
        layout.setSpacing(2)
        self.name = QLabel()
        self.name.setObjectName("communeName")
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.name.setFont(font)
        self.place = QLabel()
        self.place.setObjectName("communePlace")
        self.people = QLabel()
        self.people.setObjectName("communePeople")
        for label in (self.name, self.place, self.people):
            label.setWordWrap(True)
            layout.addWidget(label)

    def show_commune(self, commune: dict[str, str]) -> None:
        """A commune's identity, or an office's (`Register.identity()`)."""
        if commune.get("kind") == "office":
            self.name.setText(commune.get("office_name", ""))
            self.place.setText(self.tr("Office code: %1").replace("%1", commune.get("office_code", "")))
            self.people.setText(self.tr("Social insurance office: receives the communes' packages, checks and "
                                        "merges them."))
            self.place.setVisible(True)
            self.people.setVisible(True)
            return
        self.name.setText(commune.get("commune_name", ""))
        place = []
        if commune.get("commune_code"):
            place.append(self.tr("Commune code: %1").replace("%1", commune["commune_code"]))
        place += [commune[k] for k in ("district_name", "province_name") if commune.get(k)]
        self.place.setText(" · ".join(place))
        people = []
        if commune.get("chairman"):
            people.append(self.tr("Chairman of the People's Committee: %1").replace("%1", commune["chairman"]))
        if commune.get("clerk"):
            people.append(self.tr("Clerk in charge: %1").replace("%1", commune["clerk"]))
        self.people.setText(" · ".join(people))
        self.place.setVisible(bool(place))
        self.people.setVisible(bool(people))
