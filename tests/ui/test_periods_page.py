"""The periods and lists page: periods with status and deadline, opening and locking, the lists and their files."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from app.store.models import Period
from tests.ui.pages_world import Answers, demo_file, world  # noqa: F401 (fixtures)
from ui.pages.periods import PeriodsPage


@pytest.fixture
def page(world, hgd_app, qtbot):
    p = PeriodsPage(world.ctx)
    p.dialogs = p.cards.dialogs = Answers()
    qtbot.addWidget(p)
    p.refresh(None)
    return p


def _status(world, month):
    with world.reg().reading() as s:
        row = s.scalars(select(Period).where(Period.month == month)).first()
        return None if row is None else row.status


def test_models_pass_the_model_tester(page, qtmodeltester):
    qtmodeltester.check(page.periods)
    qtmodeltester.check(page.lists)
    qtmodeltester.check(page.cards.model)


def test_the_current_period_is_shown_with_its_deadline_and_draft_lists(page):
    assert page.selected == "2026-11"
    months = [r.month for r in page.periods.rows]
    assert months[:3] == ["2026-12", "2026-11", "2026-10"]
    text = page.status_label.text()
    assert "05/12/2026" in text and "đang mở" in text and "bản nháp" in text
    assert page.lock_button.isEnabled() and not page.open_button.isEnabled()
    titles = [r.title for r in page.lists.rows]
    assert any("D02-LT" in t for t in titles)
    assert page.periods.data(page.periods.index(1, 0)).startswith("11/2026")


def test_lock_then_the_next_period_opens(page, world):
    page.lock_button.click()
    assert _status(world, "2026-11") == "locked"
    assert "Khóa kỳ báo cáo 11/2026" in page.message.text()
    assert "đã khóa" in page.status_label.text() and not page.lock_button.isEnabled()
    page.select_month("2026-12")
    assert page.selected == "2026-12" and page.open_button.isEnabled()
    page.open_button.click()
    assert _status(world, "2026-12") == "open"
    world.runner.undo()
    assert _status(world, "2026-12") in (None, "void")
    world.runner.redo()
    assert _status(world, "2026-12") == "open"


def test_locking_an_unfinished_month_is_refused_in_vietnamese(page, world):
    page.select_month("2026-11")
    page.lock_button.click()
    page.lock_button.click()  # already locked now: the button is off, nothing happens
    page.select_month("2026-12")
    page.open_button.click()
    page.lock_button.click()
    assert _status(world, "2026-12") == "open"
    assert "chưa kết thúc" in page.message.text()


def test_the_lists_are_written_to_the_chosen_folder(page, tmp_path):
    page.select_month("2026-10")
    assert page.detail.frozen and not page.lock_button.isEnabled()
    page.dialogs.dir = str(tmp_path / "ra")
    page.write_button.click()
    names = sorted(p.name for p in (tmp_path / "ra").iterdir())
    assert any(n.endswith("D03-TS_TE.xlsx") for n in names) and any(n.endswith(".pdf") for n in names)
    assert page.show_button.isEnabled() and str(tmp_path / "ra") in page.message.text()
    opened = []
    from PySide6.QtGui import QDesktopServices
    QDesktopServices.openUrl, real = (lambda url: opened.append(url.toLocalFile()) or True), QDesktopServices.openUrl
    try:
        page.open_list(page.lists.index(0, 0))
    finally:
        QDesktopServices.openUrl = real
    assert opened and opened[0].endswith(".pdf") and opened[0].startswith(str(tmp_path / "ra"))
    page.dialogs.dir = ""
    page.write_button.click()  # cancelled: nothing more
    assert len(list((tmp_path / "ra").iterdir())) == len(names)


def test_the_overview_says_the_current_period_and_its_deadline(world, hgd_app, qtbot):
    from datetime import date

    from ui.pages.overview import OverviewPage

    page = OverviewPage(world.ctx)
    qtbot.addWidget(page)
    page.refresh(None)
    assert page.period_line.text() == "Kỳ báo cáo 11/2026 (đang mở): hạn nộp danh sách ngày 05/12/2026."
    world.runner.reader().today = lambda: date(2026, 12, 9)
    page.refresh(None)
    assert page.period_line.text().endswith("Đã quá hạn nộp.") and "b91c1c" in page.period_line.styleSheet()


def test_staff_start_change_and_end_with_undo(page, world):
    from app.store.models import Staff

    staff = page.staff
    page.refresh(None)
    before = {r.name for r in staff.model.rows}
    assert staff.model.rows and not staff.change_button.isEnabled()
    staff.add_button.click()
    assert "Hãy tìm người" in staff.message.text()
    from sqlalchemy import select as sel

    from app.store.models import Person
    with world.reg().reading() as s:
        target = s.scalars(sel(Person).where(Person.status == "active", Person.birth_date < "1990")
                           .order_by(Person.full_name)).first()
    staff.search.setText(target.full_name)
    staff.search.textEdited.emit(target.full_name)
    i = staff.hits.findData(target.id)
    assert i >= 0
    staff.hits.setCurrentIndex(i)
    staff.position.setText("Công chức Tư pháp – Hộ tịch")
    staff.coefficient.setText("2,34")
    staff.contract.setCurrentIndex(staff.contract.findData("decision"))
    from PySide6.QtCore import QDate

    from tests import demo_copy
    day = demo_copy.TODAY  # the register's today in these tests, not the machine's (the form starts on the latter)
    staff.when.setDate(QDate(day.year, day.month, day.day))
    staff.add_button.click()
    with world.reg().reading() as s:
        rec = s.scalars(sel(Staff).where(Staff.person_id == target.id)).one()
        assert (rec.position, rec.salary_coefficient, rec.contract_kind) == ("Công chức Tư pháp – Hộ tịch", 2.34,
                                                                            "decision")
    assert target.full_name in {r.name for r in staff.model.rows} - before
    row = next(i for i, r in enumerate(staff.model.rows) if r.person_id == target.id)
    staff.view.selectRow(row)
    assert staff.end_button.isEnabled()
    staff.end_button.click()
    with world.reg().reading() as s:
        assert s.scalars(sel(Staff).where(Staff.person_id == target.id)).one().status == "ended"
    world.runner.undo()
    world.runner.undo()
    with world.reg().reading() as s:
        assert s.scalars(sel(Staff).where(Staff.person_id == target.id, Staff.status == "active")).first() is None


def test_the_staff_model_passes_the_model_tester(page, qtmodeltester):
    qtmodeltester.check(page.staff.model)
