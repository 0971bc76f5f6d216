"""The import page: the file's header and mapping, the dry run's report, the import with undo, the report as XLSX."""
from __future__ import annotations

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from app.store.models import Person
from tests.ui.pages_world import Answers, demo_file, world  # noqa: F401 (fixtures)
from ui.pages.import_page import ImportPage


@pytest.fixture
def page(world, hgd_app, qtbot):
    p = ImportPage(world.ctx)
    p.dialogs = Answers()
    qtbot.addWidget(p)
    p.refresh(None)
    return p


def _file(path, header, rows):
    wb = Workbook()
    wb.active.append(["DANH SÁCH HỘ GIA ĐÌNH THAM GIA BHYT"])
    wb.active.append(header)
    for r in rows:
        wb.active.append(r)
    wb.save(path)
    return str(path)


GOOD = [["Trần Văn Mới", "01/02/1990", "Nam", "HX1"], ["Trần Thị Mới", "03/04/1992", "Nữ", "HX1"]]
BAD = [["Lê Văn Sai", "31/02/1990", "Nam", "HX2"]]


def _active(world):
    with world.reg().reading() as s:
        return s.scalar(select(func.count()).select_from(Person).where(Person.status == "active"))


def test_the_issues_model_passes_the_model_tester(page, qtmodeltester, tmp_path):
    page.dialogs.file = _file(tmp_path / "ds.xlsx", ["Họ và tên", "Ngày sinh", "Giới tính", "Mã hộ"], GOOD + BAD)
    page.choose_button.click()
    qtmodeltester.check(page.issues)


def test_a_dry_run_shows_the_header_mapping_and_refused_rows_then_imports_the_valid_ones(page, world, tmp_path):
    before = _active(world)
    page.dialogs.file = _file(tmp_path / "ds.xlsx", ["Họ và tên", "Ngày sinh", "Giới tính", "Mã hộ"], GOOD + BAD)
    page.choose_button.click()
    assert "tiêu đề ở dòng 2" in page.file_label.text() and "đọc 3 dòng" in page.file_label.text()
    assert page.current_mapping() == {"Họ và tên": "ho_ten", "Ngày sinh": "ngay_sinh", "Giới tính": "gioi_tinh",
                                      "Mã hộ": "ma_ho"}
    refused = [r for r in page.issues.rows if r.kind == "rejected"]
    assert refused and refused[0].row == 5 and refused[0].column == "Ngày sinh"
    assert page.issues.data(page.issues.index(page.issues.rows.index(refused[0]), 0)) == "Từ chối"
    assert "1 dòng bị từ chối" in page.summary.text() and "--" not in page.summary.text()
    assert not page.import_button.isEnabled() and _active(world) == before
    page.skip_invalid.setChecked(True)
    assert page.import_button.isEnabled()
    page.import_button.click()
    assert _active(world) == before + 2
    assert "Đã nhập 2 người" in page.message.text() and not page.import_button.isEnabled()
    world.runner.undo()
    assert _active(world) == before


def test_a_column_the_reader_did_not_know_is_mapped_on_the_page(page, world, tmp_path):
    page.dialogs.file = _file(tmp_path / "ds.xlsx", ["Tên khai sinh", "Ngày sinh", "Giới tính", "Mã hộ"], GOOD)
    page.choose_button.click()
    assert page.report is None and "Họ và tên" in page.message.text()   # the missing column is named
    assert "--map" not in page.message.text() and "Thêm" in page.message.text()
    assert not page.import_button.isEnabled()
    page.extra_header.setText("Tên khai sinh")
    page.extra_field.setCurrentIndex(page.extra_field.findData("ho_ten"))
    page.add_map_button.click()
    page.reread_button.click()
    assert page.report is not None and page.report.persons_added == 2
    assert page.current_mapping()["Tên khai sinh"] == "ho_ten"
    before = _active(world)
    page.import_button.click()
    assert _active(world) == before + 2


def test_changing_a_field_in_the_mapping_reads_the_file_again(page, tmp_path):
    page.dialogs.file = _file(tmp_path / "ds.xlsx", ["Họ và tên", "Ngày sinh", "Giới tính", "Mã hộ", "Ghi chú"],
                              [r + ["0123456789"] for r in GOOD])
    page.choose_button.click()
    rows = {page.map_table.item(i, 0).text(): i for i in range(page.map_table.rowCount())}
    combo = page.map_table.cellWidget(rows["Giới tính"], 1)
    combo.setCurrentIndex(combo.findData("bo_qua"))
    page.reread_button.click()
    assert "gioi_tinh" not in page.report.columns


def test_the_report_is_saved_as_xlsx(page, tmp_path):
    page.dialogs.file = _file(tmp_path / "ds.xlsx", ["Họ và tên", "Ngày sinh", "Giới tính", "Mã hộ"], GOOD + BAD)
    page.choose_button.click()
    page.dialogs.save = str(tmp_path / "bao-cao")
    page.save_button.click()
    wb = load_workbook(tmp_path / "bao-cao.xlsx")
    rows = list(wb["Các dòng"].values)
    assert ("Từ chối", 5, "Ngày sinh") in [(r[0], r[2], r[3]) for r in rows[1:]]
    assert "Đã lưu" in page.message.text()


def test_a_file_that_is_not_a_spreadsheet_is_said_in_vietnamese(page, tmp_path):
    bad = tmp_path / "anh.xlsx"
    bad.write_bytes(b"\x89PNG not a workbook at all" * 10)
    page.dialogs.file = str(bad)
    page.choose_button.click()
    assert page.report is None and page.message.text() and "Traceback" not in page.message.text()
    assert not page.import_button.isEnabled()


def test_after_an_import_the_page_shows_what_it_did_not_a_new_dry_run_of_the_same_file(page, world, tmp_path):
    # in the window the page is told of every change, its own import's included, before the import's answer comes
    # (with the threaded runner, a dry run asked for then would answer after it, over the import's report)
    world.ctx.changed.connect(page.refresh)
    page.dialogs.file = _file(tmp_path / "ds.xlsx", ["Họ và tên", "Ngày sinh", "Giới tính", "Mã hộ"], GOOD + BAD)
    page.choose_button.click()
    page.skip_invalid.setChecked(True)
    assert page.report_box.title() == "Việc nhập sẽ làm gì"
    read = []
    page.ctx.runner.query = lambda *a, **k: read.append(a)  # a dry run asked for from here on
    page.import_button.click()
    assert "Đã nhập 2 người" in page.summary.text() and read == []
    kinds = [r.kind for r in page.issues.rows]
    assert "present" not in kinds and kinds.count("rejected") == 1
    assert page.report_box.title() == "Việc nhập đã làm"
