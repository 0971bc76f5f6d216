"""Screenshot scenes of the pages built here (settings, import, periods and lists, card-holder list), for the
screenshot registry: `scenes()` gives (name, build) pairs; build(ctx, work_dir) returns the widget to photograph, its
data loaded. `python -m ui.pages.scenes OUT_DIR` photographs them on a small demo commune, in Vietnamese and English,
at 1366×768."""
from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from ui.context import AppContext

Scene = tuple[str, Callable[[AppContext, Path], QWidget]]


def _settings(ctx: AppContext, work: Path) -> QWidget:
    from ui.pages.settings import SettingsPage

    page = SettingsPage(ctx)
    page.refresh(None)
    return page


def _import(ctx: AppContext, work: Path) -> QWidget:
    from openpyxl import Workbook

    from ui.pages.import_page import ImportPage

    path = work / "danh-sach-thon-dong.xlsx"
    wb = Workbook()
    wb.active.append(["DANH SÁCH HỘ GIA ĐÌNH THAM GIA BHYT — THÔN ĐÔNG"])
    wb.active.append(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Mã hộ", "Mã số BHXH", "Ghi chú"])
    rows = [("Trần Văn Mới", "01/02/1990", "Nam", "HX1", "0123456781"),
            ("Trần Thị Hoa", "03/04/1992", "Nữ", "HX1", ""),
            ("Trần Văn Bé", "15/10/2024", "Nam", "HX1", ""), ("Lê Văn Sai", "31/02/1990", "Nam", "HX2", ""),
            ("Lê Thị Thu", "12/13/1985", "Nữ", "HX2", "012345"), ("Phạm Văn Đức", "20/07/1961", "Nam", "HX3", "")]
    for i, r in enumerate(rows, 1):
        wb.active.append([i, *r, ""])
    wb.save(path)
    page = ImportPage(ctx)
    page.load(path)
    return page


def _periods(ctx: AppContext, work: Path) -> QWidget:
    from ui.pages.periods import PeriodsPage

    page = PeriodsPage(ctx)
    page.refresh(None)
    return page


def _period_locked(ctx: AppContext, work: Path) -> QWidget:
    page = _periods(ctx, work)
    months = [r.month for r in page.periods.rows]  # type: ignore[attr-defined]
    locked = next(r.month for r in page.periods.rows if r.status == "locked")  # type: ignore[attr-defined]
    page.select_month(locked)  # type: ignore[attr-defined]
    assert locked in months
    return page


def _cards(ctx: AppContext, work: Path) -> QWidget:
    from app.views.households import HouseholdFilter, household_detail, households_page, person_record
    from ui.pages.periods import PeriodsPage

    page = PeriodsPage(ctx)
    page.tabs.setCurrentIndex(1)
    reg = ctx.runner.reader()  # type: ignore[attr-defined]
    homes = households_page(reg, HouseholdFilter(), limit=40).rows
    members = [m for h in homes for m in household_detail(reg, h.id).members if m.bhxh_code][:40]
    people = sorted(members, key=lambda m: m.full_name)
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["DANH SÁCH NGƯỜI CÓ THẺ BHYT"])
    wb.active.append(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Mã số BHXH", "Số thẻ", "Hạn thẻ từ",
                      "Hạn thẻ đến"])
    for i, p in enumerate(people[:-3], 1):
        end = "31/12/2031" if i % 9 == 0 else (p.card_valid_to or "")
        valid_from = person_record(reg, p.id).values.get("card_valid_from") or ""
        wb.active.append([i, p.full_name, p.birth_date, "Nam" if p.sex == "M" else "Nữ", p.bhxh_code,
                          p.card_number or "", valid_from, end])
    wb.active.append([len(people), "Nguyễn Thị Lạ", "02/03/1988", "Nữ", "0199999999", "", "", ""])
    path = work / "bhxh-danh-sach-the.xlsx"
    wb.save(path)
    page.cards._read(path)
    return page


def _staff(ctx: AppContext, work: Path) -> QWidget:
    page = _periods(ctx, work)
    page.tabs.setCurrentIndex(2)  # type: ignore[attr-defined]
    return page


def _first_run_ambiguous(ctx: AppContext, work: Path) -> QWidget:
    from ui.first_run import FirstRunDialog

    dialog = FirstRunDialog(work / "so-moi.db")
    dialog.pages.setCurrentIndex(1)
    dialog.form.name.insert("Xã Tân Lập")
    dialog.form.validate()
    return dialog


def _first_run_ready(ctx: AppContext, work: Path) -> QWidget:
    from ui.first_run import FirstRunDialog

    target = work / f"xa-dan-ly-{len(list(work.glob('xa-dan-ly-*.db')))}.db"
    dialog = FirstRunDialog(target)
    dialog.pages.setCurrentIndex(1)
    dialog.form.name.insert("Xã Dân Lý")
    dialog._create()
    if dialog.register is not None:
        dialog.register.close()
    return dialog


def _print_preview(ctx: AppContext, work: Path, form: str = "D03-TS") -> QWidget:
    """The print preview of a locked month's list, as the periods page opens it."""
    from app.views.periods import period_detail, period_rows
    from app.views.printouts import list_pdf
    from ui.printing import open_preview

    reg = ctx.runner.reader()  # type: ignore[attr-defined]
    month = next(r.month for r in period_rows(reg) if r.status == "locked")
    row = next(r for r in period_detail(reg, month).lists if r.form == form)
    dialog = open_preview(None, list_pdf(reg, month, row.stem, work), row.title)
    assert dialog is not None
    dialog.resize(1366, 768)
    return dialog


def scenes() -> list[Scene]:
    return [("settings", _settings), ("import", _import), ("periods", _periods),
            ("periods-locked", _period_locked), ("cards", _cards), ("staff", _staff),
            ("first-run-ambiguous", _first_run_ambiguous), ("first-run-ready", _first_run_ready),
            ("print-preview", _print_preview), ("print-preview-tk1", lambda c, w: _print_preview(c, w, "TK1-TS"))]


def main(out: str) -> None:
    import shutil
    import tempfile
    from datetime import date

    from PySide6.QtWidgets import QApplication

    from app.demo import create_demo
    from ui.app import setup_app
    from ui.context import SyncRunner

    app = QApplication.instance() or QApplication(sys.argv)
    target = Path(out)
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        create_demo(work / "demo.db", persons=600, months=4, today=date(2026, 12, 5))
        for lang in ("vi", "en"):
            setup_app(app, lang)
            for name, build in scenes():
                db = work / f"{name}-{lang}.db"
                shutil.copyfile(work / "demo.db", db)
                runner = SyncRunner(str(db))
                for reg in (runner.writer(), runner.reader()):
                    reg.today = lambda: date(2026, 12, 5)
                widget = build(AppContext(str(db), runner), work)
                if not name.startswith("first-run"):   # a dialog keeps its own size
                    widget.resize(1366, 768)
                widget.show()
                app.processEvents()
                widget.grab().save(str(target / f"pages-{name}-{lang}.png"))
                widget.close()
                runner.close()
        setup_app(app, "vi")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "build/screenshots")
