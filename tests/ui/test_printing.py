"""Print preview and printing (ui/printing.py) on the lists the core writes, and from the periods page."""
from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtPrintSupport import QPrinter

from app.lists.documents import period_documents
from app.register import Register
from tests import demo_copy
from tests.ui.pages_world import Answers, demo_file, world  # noqa: F401 (fixtures)
from ui import printing
from ui.printing import (
    PdfPages,
    PreviewDialog,
    open_preview,
    preview_pdf,
)

LOCKED = "2026-10"   # the demo's locked month


@pytest.fixture(scope="module")
def lists(demo_file, tmp_path_factory) -> dict[str, tuple[Path, int]]:
    """The locked month's PDFs as the core writes them: {form_variant: (path, pages the core counted)}."""
    out = tmp_path_factory.mktemp("lists")
    reg = Register.open(demo_file, write=False)
    reg.today = lambda: demo_copy.TODAY
    try:
        docs = period_documents(reg, LOCKED)
    finally:
        reg.close()
    found = {}
    for d in docs:
        if d.kind == "pdf":
            path = out / d.name
            path.write_bytes(d.data)
            found[d.form + (f"_{d.variant}" if d.variant else "")] = (path, d.pages)
    return found


@pytest.fixture
def dialog(lists, hgd_app, qtbot):
    path, _ = lists["D03-TS_TE"]
    d = open_preview(None, path, "D03-TS TE")
    qtbot.addWidget(d)
    yield d
    d.pages.close()


def pdf_printer(path: Path, dpi: int = 100) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(dpi)   # fast tests; the resolution rule has its own test below
    return printer


def page_sizes(path: Path) -> list[tuple[float, float]]:
    doc = pdfium.PdfDocument(str(path))
    try:
        return [doc.get_page_size(i) for i in range(len(doc))]
    finally:
        doc.close()


def test_the_preview_shows_every_page_of_a_real_list(dialog, lists):
    _, pages = lists["D03-TS_TE"]
    assert pages >= 2
    assert len(dialog.pages) == pages == dialog.thumbs.rowCount()
    assert dialog.count_label.text() == f"/ {pages}"
    assert "A4" in dialog.paper_label.text() and "ngang" in dialog.paper_label.text()
    assert dialog.print_button.text() == "In…"
    dialog.show()
    dialog.go_to(pages - 1)
    assert dialog.page_box.value() == pages
    assert not dialog.next_button.isEnabled() and dialog.previous_button.isEnabled()


def test_the_thumbnail_model_passes_the_model_tester(dialog, qtmodeltester):
    qtmodeltester.check(dialog.thumbs)
    icon = dialog.thumbs.data(dialog.thumbs.index(0, 0), printing.Qt.ItemDataRole.DecorationRole)
    size = icon.availableSizes()[0]
    assert max(size.width(), size.height()) <= printing.THUMB_WIDTH + 1 and size.width() > size.height()


def test_the_page_on_screen_is_the_pdf_page(dialog):
    """What the preview paints is pdfium's rendering of the page: dark text in the table where the PDF has it."""
    image = dialog.pages.image(0, 72)
    assert (image.width(), image.height()) == (842, 596)
    dark = sum(1 for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)
               if image.pixelColor(x, y).lightness() < 100)
    assert dark > 200                    # text and the table's lines
    assert image.pixelColor(2, 2).lightness() > 250   # the margin is white


def test_zoom_steps_and_fits(dialog):
    dialog.show()
    dialog.step_zoom(1)
    assert dialog.fit is None and dialog.strip.zoom in printing.ZOOMS
    z = dialog.strip.zoom
    dialog.step_zoom(-1)
    assert dialog.strip.zoom < z
    dialog._zoom_chosen(dialog.zoom_box.findData(printing.FIT_PAGE))
    assert dialog.strip.page_rect(0).height() <= dialog.scroll.viewport().height()


def test_printing_to_a_pdf_file_gives_the_same_pages_landscape(dialog, lists, tmp_path, monkeypatch):
    out = tmp_path / "in.pdf"
    asked = []

    def answer(printer):
        asked.append((printer.pageLayout().orientation(), printer.pageLayout().pageSize().id(), printer.docName()))
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(100)
        return True

    monkeypatch.setattr(dialog, "ask_printer", answer)
    dialog.print_button.click()
    assert asked == [(printing.QPageLayout.Orientation.Landscape, printing.QPageSize.PageSizeId.A4, "D03-TS TE")]
    sizes = page_sizes(out)
    assert len(sizes) == lists["D03-TS_TE"][1] == dialog.printed
    for w, h in sizes:
        assert w > h and abs(w - 841.9) < 1.5 and abs(h - 595.3) < 1.5


def test_a_portrait_declaration_prints_portrait_and_a_page_range(lists, hgd_app, qtbot, tmp_path):
    path, pages = lists["TK1-TS"]
    d = open_preview(None, path, "TK1-TS")
    qtbot.addWidget(d)
    out = tmp_path / "tk1.pdf"
    printer = pdf_printer(out)
    printing.prepare_printer(printer, d.pages, "TK1-TS")
    assert pages >= 2
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, pages)
    assert d.print_to(printer) == pages - 1
    sizes = page_sizes(out)
    assert len(sizes) == pages - 1 and all(h > w for w, h in sizes)
    d.pages.close()


def test_printing_renders_at_the_printers_resolution(dialog, monkeypatch, tmp_path):
    """A 300-dpi printer gets the page at 300 dpi (not a screen bitmap); finer printers at most MAX_PRINT_DPI,
    in bands whose size is bounded."""
    seen: list[tuple[float, int]] = []
    real = PdfPages.image

    def spy(self, i, dpi, top=0, rows=None, printing=False):
        image = real(self, i, dpi, top, rows, printing)
        seen.append((dpi, image.sizeInBytes()))
        return image

    monkeypatch.setattr(PdfPages, "image", spy)
    for dpi, expected in ((300, 300), (1200, printing.MAX_PRINT_DPI)):
        seen.clear()
        printer = pdf_printer(tmp_path / f"r{dpi}.pdf", dpi)
        printing.prepare_printer(printer, dialog.pages, "x")
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(1, 1)
        assert printing.print_pages(printer, dialog.pages, [0]) == 1
        assert {round(d) for d, _ in seen} == {expected}
        assert max(b for _, b in seen) <= printing.BAND_BYTES + 4 * 8000


def test_a_long_pdf_is_rendered_lazily(hgd_app, qtbot, tmp_path):
    """Hundreds of pages: opening and scrolling render only the pages in view; the caches stay bounded."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "long.pdf"
    c = Canvas(str(path), pagesize=landscape(A4))
    for n in range(400):
        c.drawString(72, 500, f"Trang {n + 1}")
        c.showPage()
    c.save()
    d = open_preview(None, path, "long")
    qtbot.addWidget(d)
    d.show()
    hgd_app.processEvents()
    assert len(d.pages) == 400 and d.strip.rendered <= 3
    d.go_to(399)
    d.strip.repaint()
    assert d.page_box.value() == 400 and d.strip.rendered <= 6
    assert len(d.thumbs.cache) <= printing.THUMB_CACHE and d.strip.cached_bytes <= printing.VIEW_CACHE_BYTES
    d.pages.close()


@pytest.mark.parametrize("content", [b"", b"%PDF-1.4\n this is not a pdf", b"PK\x03\x04 a zip"])
def test_an_unreadable_pdf_is_said_in_vietnamese(content, hgd_app, tmp_path, boxes, monkeypatch):
    path = tmp_path / "hong.pdf"
    path.write_bytes(content)
    opened = []
    monkeypatch.setattr(PreviewDialog, "exec", lambda self: opened.append(self))
    preview_pdf(None, path, "x")
    assert opened == []
    assert boxes.shown and boxes.shown[0][0] == "warning"
    assert "hong.pdf" in boxes.shown[0][2] and "Không đọc được" in boxes.shown[0][2]


def test_a_missing_pdf_is_said_too(hgd_app, tmp_path, boxes):
    preview_pdf(None, tmp_path / "khong-co.pdf", "x")
    assert "khong-co.pdf" in boxes.texts("warning")[0]


def test_the_preview_speaks_english_too(lists, hgd_app, qtbot):
    from ui.app import setup_app

    setup_app(hgd_app, "en")
    d = open_preview(None, lists["D02-LT"][0], "D02-LT")
    qtbot.addWidget(d)
    assert d.print_button.text() == "Print…" and d.windowTitle() == "Print preview — D02-LT"
    setup_app(hgd_app, "vi")
    hgd_app.processEvents()
    assert d.print_button.text() == "In…"
    d.pages.close()


# --- the periods page -------------------------------------------------------------------------------------------


@pytest.fixture
def page(world, hgd_app, qtbot):
    from ui.pages.periods import PeriodsPage

    p = PeriodsPage(world.ctx)
    p.dialogs = p.cards.dialogs = Answers()
    qtbot.addWidget(p)
    p.refresh(None)
    return p


@pytest.fixture
def shown(monkeypatch) -> list[tuple[str, int, str]]:
    """The previews the page opened: (title, pages, file), instead of a modal dialog."""
    seen: list[tuple[str, int, str]] = []

    def exec_(self):
        seen.append((self.doc_title, len(self.pages), self.pages.path.name))
        return 0

    monkeypatch.setattr(PreviewDialog, "exec", exec_)
    return seen


def test_the_periods_page_previews_a_list(page, shown, lists, monkeypatch):
    import ui.pages.periods as periods_page

    written = []
    real = periods_page.list_pdf
    monkeypatch.setattr(periods_page, "list_pdf", lambda *a: written.append(a[2]) or real(*a))
    page.select_month(LOCKED)
    assert page.preview_button.isEnabled() and page.preview_button.text() == "Xem trước và in…"
    page.list_view.selectRow(0)
    page.preview_button.click()
    title, pages, name = shown[-1]
    assert title == page.lists.rows[0].title and name.endswith("_D03-TS_TE.pdf")
    assert pages == lists["D03-TS_TE"][1]
    page.preview_button.click()    # a locked month's file is reused
    assert len(shown) == 2 and len(written) == 1
    row = next(i for i, r in enumerate(page.lists.rows) if r.form == "TK1-TS")
    page.list_view.doubleClicked.emit(page.lists.index(row, 0))
    assert shown[-1][0] == page.lists.rows[row].title and shown[-1][1] == lists["TK1-TS"][1]


def test_the_declaration_software_file_has_no_preview(page, shown):
    page.select_month(LOCKED)
    row = next(i for i, r in enumerate(page.lists.rows) if r.form == "VNPT")
    page.list_view.selectRow(row)
    assert not page.preview_button.isEnabled()
    page.preview_list(row)
    assert shown == [] and "không có bản PDF" in page.message.text()


def test_a_draft_month_is_previewed_from_its_events(page, shown):
    page.select_month("2026-11")
    assert not page.detail.frozen
    page.list_view.selectRow(0)
    page.preview_button.click()
    assert shown and shown[0][0] == page.lists.rows[0].title and shown[0][1] >= 1
    written = page._print_folder() / "2026-11" / shown[0][2]
    written.write_bytes(b"stale")    # a draft is written anew each time: the month's events may have changed
    page.preview_button.click()
    assert len(shown) == 2 and written.read_bytes().startswith(b"%PDF")


def test_the_written_file_is_reused(page, shown, tmp_path):
    page.select_month(LOCKED)
    page.dialogs.dir = str(tmp_path / "ra")
    page.write_button.click()
    page.preview_list(0)
    assert shown and (tmp_path / "ra" / shown[0][2]).exists()
    assert page.list_file(0).name == shown[0][2]


def test_minutes_without_a_package_say_so(page, shown):
    page.select_month(LOCKED)
    assert page.minutes_button.isEnabled() and page.minutes_button.text() == "Biên bản bàn giao…"
    page.minutes_button.click()
    assert shown == []
    assert "chưa xuất gói" in page.message.text()


@pytest.fixture(scope="module")
def exported(demo_file, tmp_path_factory) -> Path:
    """The demo commune with the locked month's package exported for a real office (keys, trust, export: the
    command line in this process)."""
    import shutil

    from app.cli import main

    root = tmp_path_factory.mktemp("exported")
    c, o = root / "c.db", root / "o.db"
    shutil.copyfile(demo_file, c)
    (root / "pass").write_text("mật khẩu thử nghiệm\n", encoding="utf-8")
    steps = [["keys", "init", "--db", c, "--passphrase-file", root / "pass"],
             ["keys", "export", "--db", c, "--out", root / "c-keys"],
             ["init", "--db", o, "--office", "BHXH cơ sở Triệu Sơn"],
             ["keys", "init", "--db", o, "--passphrase-file", root / "pass"],
             ["keys", "export", "--db", o, "--out", root / "o-keys"],
             ["keys", "trust", "--db", c, root / "o-keys"],
             ["package", "export", "--db", c, "--period", LOCKED, "--out", root / "out",
              "--passphrase-file", root / "pass"]]
    for step in steps:
        assert main([str(a) for a in step] + ["--json"]) == 0, step
    return c


def test_the_handover_minutes_of_an_exported_month_are_previewed(exported, hgd_app, qtbot, tmp_path, shown):
    from tests.ui.pages_world import World
    from ui.pages.periods import PeriodsPage

    w = World(exported, tmp_path)
    try:
        page = PeriodsPage(w.ctx)
        qtbot.addWidget(page)
        page.refresh(None)
        page.select_month(LOCKED)
        page.minutes_button.click()
        assert page.message.text() == ""
        title, pages, name = shown[-1]
        assert title == "Biên bản bàn giao kỳ 10/2026" and pages >= 1 and name.endswith(".pdf")
        text = pdfium.PdfDocument(str(page._print_folder() / LOCKED / name))[0].get_textpage().get_text_range()
        assert "BIÊN BẢN" in text.upper()
    finally:
        w.close()


def test_the_pages_chosen_in_the_print_dialog(hgd_app):
    from PySide6.QtGui import QPageRanges

    printer = QPrinter()
    assert printing.chosen_pages(printer, 5) == [0, 1, 2, 3, 4]
    ranges = QPageRanges()
    ranges.addPage(1)
    ranges.addRange(3, 4)
    ranges.addRange(9, 12)   # past the last page: left out
    printer.setPageRanges(ranges)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    assert printing.chosen_pages(printer, 10) == [0, 2, 3, 8, 9]
    printer.setPrintRange(QPrinter.PrintRange.CurrentPage)
    assert printing.chosen_pages(printer, 10, current=6) == [6]


def test_qts_print_dialog_speaks_vietnamese(hgd_app):
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("QPrintWidget", "Printer") == "Máy in"
    assert QCoreApplication.translate("QPrintSettingsOutput", "Print range") == "Phạm vi in"
    assert QCoreApplication.translate("QPrintDialog", "&Print") == "&In"
