"""The age pyramid: active persons by five-year age band, men to the left, women to the right, drawn with QPainter."""
from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

BANDS = tuple(f"{a}-{a + 4}" for a in range(0, 80, 5)) + ("80+",)
AF = Qt.AlignmentFlag
MALE = QColor("#3b78c4")
FEMALE = QColor("#d9622b")  # blue and orange stay apart for colour-blind eyes


class AgePyramid(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, int, int]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    # --- data -----------------------------------------------------------------------------------------------
    def set_pyramid(self, pyramid: dict[str, dict[str, int]]) -> None:
        """pyramid: band ("0-4" … "80+") -> {"M": n, "F": n, "": n}, as in reg.stats()["persons"]["age_pyramid"]."""
        self._rows = [(band, pyramid.get(band, {}).get("M", 0), pyramid.get(band, {}).get("F", 0))
                      for band in reversed(BANDS)]  # the oldest at the top
        self.setAccessibleDescription("; ".join(f"{b}: {m} / {f}" for b, m, f in reversed(self._rows)))
        self.updateGeometry()
        self.update()

    def rows(self) -> list[tuple[str, int, int]]:
        return list(self._rows)

    # --- geometry -------------------------------------------------------------------------------------------
    # One line per band plus the column titles; rows grow with the space given, up to a comfortable height.
    def _lines(self) -> int:
        return len(BANDS) + 1

    def _row_height(self) -> float:
        fm = self.fontMetrics()
        return min(max(self.height() / self._lines(), fm.height() + 1.0), fm.height() * 1.8)

    def sizeHint(self) -> QSize:
        return QSize(460, (self.fontMetrics().height() + 6) * self._lines())

    def minimumSizeHint(self) -> QSize:
        return QSize(340, (self.fontMetrics().height() + 1) * self._lines())

    # --- drawing --------------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        row_h = self._row_height()
        palette_text = self.palette().windowText().color()
        middle_w = fm.horizontalAdvance("00-00") + 16
        number_w = fm.horizontalAdvance("0.000") + 8
        centre = self.width() / 2
        half = max(10.0, centre - middle_w / 2 - number_w)
        gap = row_h * 0.15
        top = row_h  # the first row holds the column titles

        p.setPen(palette_text)
        p.drawText(QRectF(0, 0, centre - middle_w / 2, row_h), AF.AlignRight | AF.AlignVCenter,
                   self.tr("Men") + "  ")
        p.drawText(QRectF(centre - middle_w / 2, 0, middle_w, row_h), AF.AlignCenter, self.tr("Age"))
        p.drawText(QRectF(centre + middle_w / 2, 0, centre, row_h), AF.AlignLeft | AF.AlignVCenter,
                   "  " + self.tr("Women"))

        largest = max((max(m, f) for _, m, f in self._rows), default=0)
        for i, (band, men, women) in enumerate(self._rows):
            y = top + i * row_h
            p.setPen(palette_text)
            p.drawText(QRectF(centre - middle_w / 2, y, middle_w, row_h), AF.AlignCenter, band)
            for count, colour, sign in ((men, MALE, -1), (women, FEMALE, 1)):
                length = half * count / largest if largest else 0
                edge = centre + sign * middle_w / 2
                bar = QRectF(edge if sign > 0 else edge - length, y + gap, length, row_h - 2 * gap)
                p.fillRect(bar, colour)
                label_rect = (QRectF(bar.right() + 4, y, number_w, row_h) if sign > 0
                              else QRectF(bar.left() - 4 - number_w, y, number_w, row_h))
                align = (AF.AlignLeft if sign > 0 else AF.AlignRight) | AF.AlignVCenter
                p.setPen(palette_text)
                p.drawText(label_rect, align, self.locale().toString(count))
        p.end()
