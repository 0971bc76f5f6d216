"""The GUI's Qt-free reads (app.views): settings, periods, the import's dry run and report, the card reconciliation."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.errors import HgdError
from app.lists.period_ops import LockPeriod
from app.registry.commune import SetCommuneInfo
from app.registry.parameters import SetParameter
from app.views import cards as cards_view
from app.views import imports, periods, settings
from tests import demo_copy

sys.path.insert(0, str(Path(__file__).parents[1] / "corpus"))
from card_list import write_card_list


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    return demo_copy.build(tmp_path_factory.mktemp("demo"))


@pytest.fixture
def reg(demo_file, tmp_path):
    r = demo_copy.open_copy(demo_file, tmp_path)
    yield r
    r.close()


def test_settings_view_shows_the_identity_and_the_dated_base_salary(reg):
    v = settings.settings_view(reg)
    assert v.identity["name"] == "Xã Khánh Trung" and v.identity["code"] == "14608"
    assert v.identity["bhxh_office"].startswith("Bảo hiểm xã hội")
    salaries = [(p.valid_from, p.value) for p in v.parameters if p.key == "base_salary"]
    assert ("2024-07-01", 2_340_000) in salaries and salaries == sorted(salaries, reverse=True)
    reg.apply(SetParameter("base_salary", 2_600_000, "2027-01-01"))
    reg.apply(SetCommuneInfo({"chairman": "Lê Văn Mới"}))
    v = settings.settings_view(reg)
    assert v.parameters[0].valid_from == "2027-01-01" and v.parameters[0].own
    assert v.identity["chairman"] == "Lê Văn Mới"


def test_changed_identity_keeps_only_what_changed_and_clears_emptied_fields():
    before = {"name": "Xã A", "clerk": "Bình", "phone": "0123"}
    assert settings.changed_identity(before, {"name": "Xã A ", "clerk": "Cúc", "phone": ""}) == {
        "clerk": "Cúc", "phone": None}


def test_lookup_finds_the_code_and_says_what_is_wrong():
    found = settings.lookup("Xã Khánh Trung")
    assert found["code"] == "14608" and found["province_name"] == "Tỉnh Ninh Bình"
    with pytest.raises(HgdError) as bad:
        settings.lookup("Xã Khánh Trungg")
    assert bad.value.key == "commune.not_found" and "Khánh Trung" in str(bad.value.render("vi"))
    with pytest.raises(HgdError) as wrong:
        settings.lookup("Xã Khánh Trung", code="00001")
    assert wrong.value.key in ("commune.unknown_code", "commune.code_mismatch")


def test_period_rows_list_every_period_with_its_deadline_newest_first(reg):
    rows = periods.period_rows(reg)
    by_month = {r.month: r for r in rows}
    assert [r.month for r in rows] == sorted(by_month, reverse=True)
    assert by_month["2026-10"].status == "locked" and by_month["2026-11"].status == "open"
    assert by_month["2026-11"].current and str(by_month["2026-11"].deadline) == "2026-12-05"
    assert not by_month["2026-11"].overdue  # due today
    assert periods.current_period(reg).month == "2026-11"


def test_period_detail_and_files_of_a_locked_period(reg, tmp_path):
    d = periods.period_detail(reg, "2026-10")
    assert d.frozen and d.events == 4 and d.blockers == []
    assert {"D03-TS", "D02-LT", "BD-HGD"} <= {x.form for x in d.lists}
    assert sum(x.persons for x in d.lists if x.form == "D03-TS") == 3
    paths = periods.write_period_files(reg, "2026-10", tmp_path / "out")
    assert {p.suffix for p in paths} == {".xlsx", ".pdf"} and all(p.stat().st_size > 0 for p in paths)


def test_locking_the_open_period_freezes_its_lists(reg):
    before = periods.period_detail(reg, "2026-11")
    assert not before.frozen
    reg.apply(LockPeriod("2026-11"))
    after = periods.period_detail(reg, "2026-11")
    assert after.frozen and after.status == "locked"
    assert [(x.form, x.persons) for x in after.lists] == [(x.form, x.persons) for x in before.lists]
    assert periods.current_period(reg).month == "2026-12"


def _persons_file(path: Path, rows: list[list[object]]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["Họ và tên", "Ngày sinh", "Giới tính", "Mã hộ", "Mã số BHXH"])
    for r in rows:
        wb.active.append(r)
    wb.save(path)
    return path


def test_dry_run_writes_nothing_and_its_report_names_row_and_field(reg, tmp_path):
    f = _persons_file(tmp_path / "ds.xlsx", [["Trần Văn Mới", "01/02/1990", "Nam", "HX1", "0123456789"],
                                            ["Lê Thị Sai", "31/02/1990", "Nữ", "HX1", ""]])
    before = reg.stats()["persons"]["active"]
    report = imports.dry_run(reg, f)
    assert reg.stats()["persons"]["active"] == before
    assert report.dry_run and report.columns["ho_ten"] == "Họ và tên"
    issues = imports.issue_rows(report, "vi")
    bad = [i for i in issues if i.kind == "rejected"]
    assert bad and bad[0].row == 3 and bad[0].column == "Ngày sinh"
    out = imports.save_report_xlsx(report, tmp_path / "bao_cao.xlsx", "vi")
    wb = load_workbook(out)
    assert wb.sheetnames == ["Tóm tắt", "Các dòng"]
    rows = list(wb["Các dòng"].values)
    assert rows[0] == ("Loại", "Trang", "Dòng", "Cột", "Giá trị", "Lý do")
    assert ("Từ chối", 3, "Ngày sinh") in [(r[0], r[2], r[3]) for r in rows[1:]]


def test_a_mapping_renames_a_column_the_reader_did_not_know(reg, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["Tên khai sinh", "Ngày sinh", "Giới tính", "Mã hộ"])
    wb.active.append(["Trần Văn Mới", "01/02/1990", "Nam", "HX1"])
    wb.save(tmp_path / "ds.xlsx")
    with pytest.raises(HgdError):
        imports.dry_run(reg, tmp_path / "ds.xlsx")
    report = imports.dry_run(reg, tmp_path / "ds.xlsx", {"Tên khai sinh": "ho_ten"})
    assert report.columns["ho_ten"] == "Tên khai sinh" and report.persons_added == 1
    assert imports.field_choices("vi")[0][0] == "bo_qua"


def test_card_reconciliation_reads_matches_and_saves(reg, tmp_path):
    from sqlalchemy import select

    from app.store.models import Person

    with reg.reading() as s:
        people = list(s.scalars(select(Person).where(Person.status == "active", Person.bhxh_code.is_not(None))
                                .limit(5)))
        holders = [{"bhxh_code": p.bhxh_code, "full_name": p.full_name, "birth_date": p.birth_date, "sex": p.sex,
                    "group_code": p.group_code, "card_number": p.card_number,
                    "card_valid_from": p.card_valid_from, "card_valid_to": p.card_valid_to} for p in people]
    holders.append({"bhxh_code": "0199999999", "full_name": "Người Lạ Hoắc", "birth_date": "1970-01-01",
                    "sex": "M", "group_code": "HN"})
    path = write_card_list(tmp_path / "the.xlsx", holders)
    res = cards_view.reconcile_file(reg, path)
    summary = res.result.summary()
    assert summary["rows"] == 6 and summary["matched"] == 5 and summary["missing_from_register"] == 1
    lines = cards_view.summary_lines(res, "vi")
    assert "6 người có thẻ; 5 khớp với sổ" in lines[0]
    out = cards_view.save_xlsx(res, tmp_path / "kq.xlsx", "vi")
    rows = list(load_workbook(out)["Đề nghị"].values)
    assert rows[0][0] == "Loại" and any(r[2] == "Người Lạ Hoắc" for r in rows[1:])


def test_the_households_list_read_by_sql_is_the_index_s_list(reg):
    """Before the search index is built the list is read by SQL (`listed_ids`): the same households, in the same
    order, as the index gives for every filter without search text."""
    from app.views.households import HouseholdFilter, HouseholdIndex, listed_ids, rows_for

    index = HouseholdIndex.build(reg)
    hamlet = index.hamlets()[0]
    group = index.groups()[0]
    filters = [HouseholdFilter(), HouseholdFilter(status=None), HouseholdFilter(status="merged_into"),
               HouseholdFilter(hamlet=hamlet), HouseholdFilter(group=group),
               HouseholdFilter(text="  ", hamlet=hamlet, group=group, status=None)]
    for f in filters:
        ids = listed_ids(reg, f)
        assert ids == index.search(f), f
    assert listed_ids(reg, HouseholdFilter()) and listed_ids(reg, HouseholdFilter(group=group))
    page = rows_for(reg, listed_ids(reg, HouseholdFilter())[:5])
    assert [r.status for r in page] == ["active"] * 5 and all(r.members > 0 for r in page)
    with pytest.raises(ValueError):
        listed_ids(reg, HouseholdFilter(text="nguyen"))
