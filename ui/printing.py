"""Print preview and printing of a PDF the core wrote (the month's lists, the handover minutes, a receipt).

    preview_pdf(parent, Path("2026-11_01_D03-TS_TE.pdf"), "D03-TS, TE")

The dialog shows the PDF's pages as they are (pdfium renders them), with page thumbnails, zoom and "Print…", which
opens the system's print dialog and prints each page at the printer's resolution on paper of the PDF's size and
orientation (A4; landscape where the PDF page is wider than tall). Pages are rendered only when shown or printed, one
at a time, and the rendered images are kept in small caches: a list of hundreds of pages costs no more memory than a
few pages. A PDF that cannot be read gives a message, never a traceback.
"""
from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QCoreApplication,
    QMarginsF,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QIcon,
    QImage,
    QKeySequence,
    QPageLayout,
    QPageRanges,
    QPageSize,
    QPainter,
    QPaintEvent,
    QPixmap,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

SCREEN_DPI = 96.0        # 100 % shows a page at its real size on a 96-dpi screen
MAX_PRINT_DPI = 600      # finer than this adds nothing on paper and costs memory
BAND_BYTES = 24 << 20    # a printed page is rendered in horizontal bands of at most this many bytes
VIEW_CACHE_BYTES = 96 << 20
THUMB_WIDTH = 132
THUMB_CACHE = 240
GAP = 12                 # pixels between pages on screen
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)
FIT_WIDTH, FIT_PAGE = "width", "page"


class UnreadablePdf(Exception):
    """The file is missing, damaged or not a PDF."""


class PdfPages:
    """An open PDF: its page count and sizes (points), and one page (or a horizontal band of it) as an image."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.doc = pdfium.PdfDocument(str(self.path))
            self.sizes = [self.doc.get_page_size(i) for i in range(len(self.doc))]
        except (pdfium.PdfiumError, OSError, ValueError) as exc:
            raise UnreadablePdf(str(exc)) from exc
        if not self.sizes:
            raise UnreadablePdf("no pages")

    def __len__(self) -> int:
        return len(self.sizes)

    def size(self, i: int) -> QSizeF:
        w, h = self.sizes[i]
        return QSizeF(w, h)

    def landscape(self, i: int) -> bool:
        w, h = self.sizes[i]
        return w > h

    def pixels(self, i: int, dpi: float) -> QSize:
        w, h = self.sizes[i]
        return QSize(max(1, math.ceil(w * dpi / 72)), max(1, math.ceil(h * dpi / 72)))

    def image(self, i: int, dpi: float, top: int = 0, rows: int | None = None, printing: bool = False) -> QImage:
        """Page `i` at `dpi`, or the band of `rows` pixel rows from `top` (white background, RGB)."""
        full = self.pixels(i, dpi)
        rows = full.height() - top if rows is None else min(rows, full.height() - top)
        page = self.doc[i]
        bitmap = pdfium.PdfBitmap.new_native(full.width(), rows, pdfium_c.FPDFBitmap_BGRx, rev_byteorder=True)
        try:
            bitmap.fill_rect((255, 255, 255, 255), 0, 0, full.width(), rows)
            flags = pdfium_c.FPDF_ANNOT | pdfium_c.FPDF_REVERSE_BYTE_ORDER
            if printing:
                flags |= pdfium_c.FPDF_PRINTING
            pdfium_c.FPDF_RenderPageBitmap(bitmap, page, 0, -top, full.width(), full.height(), 0, flags)
            return QImage(bitmap.buffer, full.width(), rows, bitmap.stride, QImage.Format.Format_RGBX8888).copy()
        finally:
            bitmap.close()
            page.close()

    def close(self) -> None:
        self.doc.close()


# --- printing ---------------------------------------------------------------------------------------------------


def page_layout(pages: PdfPages, i: int) -> QPageLayout:
    """The paper for page `i`: the standard size nearest the PDF page (A4), turned as the page is, no margins."""
    w, h = pages.sizes[i]
    portrait = QSizeF(min(w, h), max(w, h))
    size = QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = QPageLayout.Orientation.Landscape if w > h else QPageLayout.Orientation.Portrait
    return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)


def prepare_printer(printer: QPrinter, pages: PdfPages, title: str) -> None:
    """Paper, orientation and the job's name from the PDF, the whole page printable (the PDF has its margins)."""
    printer.setDocName(title)
    printer.setFullPage(True)
    printer.setPageLayout(page_layout(pages, 0))
    printer.setPageRanges(QPageRanges())
    printer.setPrintRange(QPrinter.PrintRange.AllPages)


def chosen_pages(printer: QPrinter, count: int, current: int = 0) -> list[int]:
    """The pages the print dialog chose (0-based): all, the current page, or the ranges typed ("1-3,7")."""
    if printer.printRange() == QPrinter.PrintRange.CurrentPage:
        return [current]
    ranges = printer.pageRanges()
    if printer.printRange() == QPrinter.PrintRange.PageRange and not ranges.isEmpty():
        return [n - 1 for r in ranges.toRangeList() for n in range(r.from_, r.to + 1) if 1 <= n <= count]
    return list(range(count))


def print_pages(printer: QPrinter, pages: PdfPages, which: list[int],
                step: Callable[[int], bool] | None = None) -> int:
    """Paint pages `which` on `printer`, each rendered at the printer's resolution (at most MAX_PRINT_DPI) in
    bands, scaled to fill the paper and centred; the orientation follows each page. `step(n)` is called after each
    page and returns False to stop. Returns the pages printed."""
    printer.setFullPage(True)
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    order = [i for _ in range(copies) for i in which]
    if not order:
        return 0
    printer.setPageLayout(page_layout(pages, order[0]))
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(QCoreApplication.translate("PrintPreview", "The printer could not be started."))
    done = 0
    try:
        for n, i in enumerate(order):
            if n:
                printer.setPageLayout(page_layout(pages, i))
                printer.newPage()
            _paint_page(painter, printer, pages, i)
            done += 1
            if step is not None and not step(done):
                printer.abort()
                break
    finally:
        painter.end()
    return done


def _paint_page(painter: QPainter, printer: QPrinter, pages: PdfPages, i: int) -> None:
    res = printer.resolution()
    paper = printer.pageLayout().fullRectPixels(res)
    w_pt, h_pt = pages.sizes[i]
    fit = min(paper.width() / (w_pt * res / 72), paper.height() / (h_pt * res / 72))
    dpi = min(float(res) * fit, MAX_PRINT_DPI)
    px = pages.pixels(i, dpi)
    scale = (w_pt * res / 72 * fit) / px.width()   # device pixels per rendered pixel
    x0 = (paper.width() - px.width() * scale) / 2
    y0 = (paper.height() - px.height() * scale) / 2
    band = max(64, BAND_BYTES // (px.width() * 4))
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    for top in range(0, px.height(), band):
        image = pages.image(i, dpi, top, band, printing=True)
        if image.allGray():   # black on white, as the forms are: a third of the data to the printer
            image = image.convertToFormat(QImage.Format.Format_Grayscale8)
        target = QRectF(x0, y0 + top * scale, px.width() * scale, image.height() * scale)
        painter.drawImage(target, image)


# Qt's own print dialog (Linux: Qt's widgets; Windows and macOS show the system's, in the system's language): its
# words in the contexts Qt looks them up in, so lupdate puts them in hgd_vi_print.ts (the wheels carry no qtbase_vi).
QT_PRINT_DIALOG_WORDS = (
    QT_TRANSLATE_NOOP("QPrintDialog", "Print"),
    QT_TRANSLATE_NOOP("QPrintDialog", "&Print"),
    QT_TRANSLATE_NOOP("QPrintDialog", "&Options >>"),
    QT_TRANSLATE_NOOP("QPrintDialog", "&Options <<"),
    QT_TRANSLATE_NOOP("QPrintDialog", "Print to File (PDF)"),
    QT_TRANSLATE_NOOP("QPrintDialog", "Local file"),
    QT_TRANSLATE_NOOP("QPrintDialog", "Write PDF file"),
    QT_TRANSLATE_NOOP("QPrintDialog", "Print To File ..."),
    QT_TRANSLATE_NOOP("QPrintDialog", "All Pages"),
    QT_TRANSLATE_NOOP("QPrintDialog", "Odd Pages"),
    QT_TRANSLATE_NOOP("QPrintDialog", "Even Pages"),
    QT_TRANSLATE_NOOP("QPrintDialog", "Invalid Pages Definition"),
    QT_TRANSLATE_NOOP("QPrintDialog", "%1 does not follow the correct syntax. Please use ',' to separate ranges and "
                                      "pages, '-' to define ranges and make sure ranges do not intersect with each "
                                      "other."),
    QT_TRANSLATE_NOOP("QPrintDialog", "%1 is a directory.\nPlease choose a different file name."),
    QT_TRANSLATE_NOOP("QPrintDialog", "File %1 is not writable.\nPlease choose a different file name."),
    QT_TRANSLATE_NOOP("QPrintDialog", "%1 already exists.\nDo you want to overwrite it?"),
    QT_TRANSLATE_NOOP("QPrintDialog", "The 'From' value cannot be greater than the 'To' value."),
    QT_TRANSLATE_NOOP("QPrintWidget", "Printer"),
    QT_TRANSLATE_NOOP("QPrintWidget", "&Name:"),
    QT_TRANSLATE_NOOP("QPrintWidget", "P&roperties"),
    QT_TRANSLATE_NOOP("QPrintWidget", "Location:"),
    QT_TRANSLATE_NOOP("QPrintWidget", "Preview"),
    QT_TRANSLATE_NOOP("QPrintWidget", "Type:"),
    QT_TRANSLATE_NOOP("QPrintWidget", "Output &file:"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Copies"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Print range"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Print all"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Pages from"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "to"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Current Page"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Selection"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Output Settings"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Copies:"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Collate"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Reverse"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Options"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Color Mode"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Color"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Grayscale"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Page Set:"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Page &Set:"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Pages"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Specify pages or ranges separated by commas. Ranges are specified by "
                                              "two numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, "
                                              "7 and 9."),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Double Sided Printing"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Off"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Long side binding"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Short side binding"),
    QT_TRANSLATE_NOOP("QPrintPropertiesDialog", "Printer Properties"),
    QT_TRANSLATE_NOOP("QPrintPropertiesDialog", "Job Options"),
    QT_TRANSLATE_NOOP("QPrintPropertiesWidget", "Page"),
    QT_TRANSLATE_NOOP("QPrintPropertiesWidget", "Advanced"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Paper"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Page size:"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Width:"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Height:"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Paper source:"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Orientation"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Portrait"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Landscape"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Reverse landscape"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Reverse portrait"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Margins"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Page Layout"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Page order:"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Pages per sheet:"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Custom"),
    QT_TRANSLATE_NOOP("QPageSize", "Custom"),
)


# --- the preview ------------------------------------------------------------------------------------------------


class ThumbnailModel(QAbstractListModel):
    """One row per page: "Page n" and its thumbnail, rendered when a view asks for it (a bounded cache)."""

    def __init__(self, pages: PdfPages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages = pages
        self.cache: OrderedDict[int, QIcon] = OrderedDict()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.pages)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.pages):
            return None
        i = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return str(i + 1)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Page %1").replace("%1", str(i + 1))
        if role == Qt.ItemDataRole.DecorationRole:
            return self.thumbnail(i)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignHCenter)
        return None

    def thumbnail(self, i: int) -> QIcon:
        if i in self.cache:
            self.cache.move_to_end(i)
            return self.cache[i]
        w_pt, h_pt = self.pages.sizes[i]
        dpi = THUMB_WIDTH * 72 / max(w_pt, h_pt)
        pixmap = QPixmap.fromImage(self.pages.image(i, dpi))
        icon = QIcon()
        for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected):   # the page as it is, not tinted when chosen
            icon.addPixmap(pixmap, mode)
        self.cache[i] = icon
        while len(self.cache) > THUMB_CACHE:
            self.cache.popitem(last=False)
        return icon


class PageStrip(QWidget):
    """The pages one under the other at the current zoom; only the pages in view are rendered (a bounded cache)."""

    def __init__(self, pages: PdfPages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages = pages
        self.zoom = 1.0
        self.tops: list[int] = []
        self.cache: OrderedDict[tuple[int, int], QImage] = OrderedDict()
        self.cached_bytes = 0
        self.rendered = 0            # pages rendered so far (tests check laziness)
        self.setAutoFillBackground(False)
        self.relayout()

    def page_rect(self, i: int) -> QRect:
        size = self.pages.size(i) * (self.zoom * SCREEN_DPI / 72)
        w, h = round(size.width()), round(size.height())
        return QRect((self.width() - w) // 2, self.tops[i], w, h)

    def set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        self.relayout()

    def relayout(self) -> None:
        per_pt = self.zoom * SCREEN_DPI / 72
        y, widest, self.tops = GAP, 0, []
        for w, h in self.pages.sizes:
            self.tops.append(y)
            y += round(h * per_pt) + GAP
            widest = max(widest, round(w * per_pt))
        self.setMinimumSize(widest + 2 * GAP, y)
        self.resize(max(self.width(), widest + 2 * GAP), y)
        self.update()

    def page_at(self, y: int) -> int:
        """The page shown at height `y` (the last page starting above it)."""
        lo, hi = 0, len(self.tops) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.tops[mid] <= y:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def _image(self, i: int, width: int) -> QImage:
        key = (i, width)
        if key in self.cache:
            self.cache.move_to_end(key)
            return self.cache[key]
        w_pt = self.pages.sizes[i][0]
        image = self.pages.image(i, width * 72 / w_pt)
        self.rendered += 1
        self.cache[key] = image
        self.cached_bytes += image.sizeInBytes()
        while self.cached_bytes > VIEW_CACHE_BYTES and len(self.cache) > 1:
            _, old = self.cache.popitem(last=False)
            self.cached_bytes -= old.sizeInBytes()
        return image

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("#6b7280"))
        ratio = self.devicePixelRatioF()
        first = self.page_at(event.rect().top())
        for i in range(first, len(self.tops)):
            rect = self.page_rect(i)
            if rect.top() > event.rect().bottom():
                break
            if not rect.intersects(event.rect()):
                continue
            painter.fillRect(rect.translated(3, 3), QColor(0, 0, 0, 70))
            image = self._image(i, max(1, round(rect.width() * ratio)))
            painter.drawImage(QRectF(rect), image)
        painter.end()


class PreviewDialog(QDialog):
    """The print preview of one PDF: thumbnails on the left, the pages at a chosen zoom, and Print…."""

    def __init__(self, pages: PdfPages, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages = pages
        self.doc_title = title
        self.printed = 0
        self.setObjectName("printPreview")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)

        self.thumbs = ThumbnailModel(pages, self)
        self.thumb_view = QListView()
        self.thumb_view.setObjectName("thumbnails")
        self.thumb_view.setModel(self.thumbs)
        self.thumb_view.setViewMode(QListView.ViewMode.IconMode)
        self.thumb_view.setFlow(QListView.Flow.TopToBottom)
        self.thumb_view.setWrapping(False)
        self.thumb_view.setMovement(QListView.Movement.Static)
        self.thumb_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.thumb_view.setIconSize(QSize(THUMB_WIDTH, THUMB_WIDTH))
        self.thumb_view.setUniformItemSizes(True)
        self.thumb_view.setSpacing(4)
        self.thumb_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.thumb_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.thumb_view.setMinimumWidth(THUMB_WIDTH + 48)
        self.thumb_view.setMaximumWidth(THUMB_WIDTH + 72)
        self.thumb_view.clicked.connect(lambda index: self.go_to(index.row()))

        self.strip = PageStrip(pages)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("pages")
        self.scroll.setWidget(self.strip)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setStyleSheet("QScrollArea { background: #6b7280; }")
        self.scroll.verticalScrollBar().valueChanged.connect(self._scrolled)

        self.print_button = QPushButton()
        self.print_button.setObjectName("print")
        self.print_button.setDefault(True)
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.clicked.connect(self.print_dialog)
        self.previous_button = QToolButton()
        self.previous_button.setArrowType(Qt.ArrowType.UpArrow)
        self.previous_button.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next_button = QToolButton()
        self.next_button.setArrowType(Qt.ArrowType.DownArrow)
        self.next_button.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.page_label = QLabel()
        self.page_box = QSpinBox()
        self.page_box.setObjectName("pageNumber")
        self.page_box.setRange(1, len(pages))
        self.page_box.setKeyboardTracking(False)
        self.page_box.valueChanged.connect(lambda n: self.go_to(n - 1))
        self.count_label = QLabel()
        self.zoom_out = QToolButton()
        self.zoom_out.setText("−")
        self.zoom_out.clicked.connect(lambda: self.step_zoom(-1))
        self.zoom_in = QToolButton()
        self.zoom_in.setText("+")
        self.zoom_in.clicked.connect(lambda: self.step_zoom(1))
        self.zoom_box = QComboBox()
        self.zoom_box.setObjectName("zoom")
        self.zoom_box.activated.connect(self._zoom_chosen)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        self.paper_label = QLabel()
        self.paper_label.setStyleSheet("color: #4b5563;")

        bar = QHBoxLayout()
        bar.addWidget(self.print_button)
        bar.addSpacing(16)
        for w in (self.previous_button, self.next_button, self.page_label, self.page_box, self.count_label):
            bar.addWidget(w)
        bar.addSpacing(16)
        for w in (self.zoom_out, self.zoom_box, self.zoom_in):
            bar.addWidget(w)
        bar.addSpacing(16)
        bar.addWidget(self.paper_label, 1)
        bar.addWidget(self.close_button)
        split = QSplitter()
        split.addWidget(self.thumb_view)
        split.addWidget(self.scroll)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        split.setSizes([THUMB_WIDTH + 56, 2000])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

        self.fit: str | None = FIT_WIDTH
        self.retranslate()
        self.resize(1200, 760)
        self.thumb_view.setCurrentIndex(self.thumbs.index(0, 0))

    # --- words ------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Print preview — %1").replace("%1", self.doc_title))
        self.print_button.setText(self.tr("Print…"))
        self.print_button.setToolTip(self.tr("Choose a printer and print (Ctrl+P)"))
        self.previous_button.setToolTip(self.tr("Previous page"))
        self.next_button.setToolTip(self.tr("Next page"))
        self.page_label.setText(self.tr("Page"))
        self.count_label.setText(self.tr("/ %1").replace("%1", str(len(self.pages))))
        self.zoom_out.setToolTip(self.tr("Zoom out"))
        self.zoom_in.setToolTip(self.tr("Zoom in"))
        self.close_button.setText(self.tr("Close"))
        first = page_layout(self.pages, 0)
        paper = first.pageSize().name() or self.tr("custom size")
        turn = self.tr("landscape") if self.pages.landscape(0) else self.tr("portrait")
        self.paper_label.setText(self.tr("%1 pages · %2, %3").replace("%1", str(len(self.pages)))
                                 .replace("%2", paper).replace("%3", turn))
        self.zoom_box.clear()
        self.zoom_box.addItem(self.tr("Fit width"), FIT_WIDTH)
        self.zoom_box.addItem(self.tr("Whole page"), FIT_PAGE)
        for z in ZOOMS:
            self.zoom_box.addItem(f"{round(z * 100)} %", z)
        self._show_zoom()

    def changeEvent(self, event) -> None:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- zoom and pages ---------------------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.fit is not None:
            self._apply_fit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.fit is not None:
            self._apply_fit()

    def _apply_fit(self) -> None:
        room = self.scroll.viewport().size()
        widest = max(w for w, _ in self.pages.sizes) * SCREEN_DPI / 72
        tallest = max(h for _, h in self.pages.sizes) * SCREEN_DPI / 72
        zoom = (room.width() - 2 * GAP - 4) / widest
        if self.fit == FIT_PAGE:
            zoom = min(zoom, (room.height() - 2 * GAP) / tallest)
        self._set_zoom(max(0.1, zoom))

    def _set_zoom(self, zoom: float) -> None:
        if abs(zoom - self.strip.zoom) < 1e-3:
            return
        page = self.current_page()
        self.strip.set_zoom(zoom)
        self.go_to(page)
        self._show_zoom()

    def _show_zoom(self) -> None:
        i = self.zoom_box.findData(self.fit) if self.fit else self.zoom_box.findData(self.strip.zoom)
        if i < 0:
            self.zoom_box.setEditText(f"{round(self.strip.zoom * 100)} %")
        self.zoom_box.setCurrentIndex(max(0, i))

    def _zoom_chosen(self, i: int) -> None:
        value = self.zoom_box.itemData(i)
        if value in (FIT_WIDTH, FIT_PAGE):
            self.fit = value
            self._apply_fit()
        else:
            self.fit = None
            self._set_zoom(float(value))

    def step_zoom(self, direction: int) -> None:
        z = self.strip.zoom
        bigger = [s for s in ZOOMS if s > z + 1e-3]
        smaller = [s for s in ZOOMS if s < z - 1e-3]
        target = (bigger[0] if bigger else ZOOMS[-1]) if direction > 0 else (smaller[-1] if smaller else ZOOMS[0])
        self.fit = None
        self._set_zoom(target)
        self._show_zoom()

    def current_page(self) -> int:
        return self.strip.page_at(self.scroll.verticalScrollBar().value() + self.scroll.viewport().height() // 3)

    def go_to(self, i: int) -> None:
        i = max(0, min(len(self.pages) - 1, i))
        self.scroll.verticalScrollBar().setValue(self.strip.tops[i] - GAP // 2)
        self._scrolled()

    def _scrolled(self, _value: int = 0) -> None:
        i = self.current_page()
        self.page_box.blockSignals(True)
        self.page_box.setValue(i + 1)
        self.page_box.blockSignals(False)
        self.previous_button.setEnabled(i > 0)
        self.next_button.setEnabled(i < len(self.pages) - 1)
        index = self.thumbs.index(i, 0)
        if self.thumb_view.currentIndex() != index:
            self.thumb_view.setCurrentIndex(index)
            self.thumb_view.scrollTo(index)

    # --- printing ---------------------------------------------------------------------------------------------
    def ask_printer(self, printer: QPrinter) -> bool:
        """The system's print dialog (its own method so tests can answer it)."""
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print — %1").replace("%1", self.doc_title))
        dialog.setMinMax(1, len(self.pages))
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, True)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintCurrentPage, True)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def print_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, self.pages, self.doc_title)
        if self.ask_printer(printer):
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Print the chosen pages on `printer` with a progress dialog (Cancel stops); a failure is said, not
        raised. Returns the pages printed."""
        which = chosen_pages(printer, len(self.pages), self.current_page())
        progress = QProgressDialog(self.tr("Printing…"), self.tr("Cancel"), 0, len(which), self)
        progress.setWindowTitle(self.tr("Print — %1").replace("%1", self.doc_title))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(800)

        def step(n: int) -> bool:
            progress.setValue(n)
            progress.setLabelText(self.tr("Printing page %1 of %2…").replace("%1", str(n)).replace("%2",
                                                                                              str(len(which))))
            QCoreApplication.processEvents()
            return not progress.wasCanceled()

        try:
            self.printed = print_pages(printer, self.pages, which, step)
        except (OSError, pdfium.PdfiumError) as exc:
            QMessageBox.warning(self, self.tr("Print"), self.tr("Printing failed: %1").replace("%1", str(exc)))
            self.printed = 0
        finally:
            progress.close()
        return self.printed

    def done(self, result: int) -> None:   # the dialog closes: free the images
        self.strip.cache.clear()
        self.thumbs.cache.clear()
        super().done(result)


def open_preview(parent: QWidget | None, pdf: str | Path, title: str) -> PreviewDialog | None:
    """The preview dialog of `pdf`, or None after telling the clerk the file cannot be read."""
    try:
        pages = PdfPages(pdf)
    except UnreadablePdf:
        title_ = QCoreApplication.translate("PrintPreview", "Print preview")
        text = QCoreApplication.translate("PrintPreview", "The file “%1” cannot be read: it is missing, damaged or "
                                                          "not a PDF. Write the files again and retry.")
        QMessageBox.warning(parent, title_, text.replace("%1", Path(pdf).name))
        return None
    return PreviewDialog(pages, title, parent)


def preview_pdf(parent: QWidget | None, pdf: Path, title: str) -> None:
    """Show `pdf` in the print preview (modal) and print it from there if the clerk chooses."""
    dialog = open_preview(parent, pdf, title)
    if dialog is None:
        return
    try:
        dialog.exec()
    finally:
        dialog.pages.close()
        dialog.deleteLater()
