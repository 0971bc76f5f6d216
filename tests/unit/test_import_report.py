"""The import report: its summary in Vietnamese (and English), its JSON form (app.io.report)."""
from __future__ import annotations

import json

from app.io.report import ImportReport, RowIssue, number


def report(**kw):
    base = {"path": "/x/danh_sach.xlsx", "sheet": "DS", "header_row": 4, "persons_valid": 2345, "persons_added": 2345,
                "households_added": 612, "committed": True}
    return ImportReport(**{**base, **kw})


def test_numbers_use_the_vietnamese_thousands_separator():
    assert number(2345) == "2.345" and number(2345, "en") == "2,345" and number(12) == "12"


def test_the_summary_of_a_committed_import():
    assert report().summary_lines() == ["Đã nhập 2.345 người, 612 hộ mới."]
    assert report().summary_lines("en") == ["Imported 2,345 persons, 612 new households."]
    assert report(households_reused=3).summary_lines()[0] == "Đã nhập 2.345 người, 612 hộ mới (thêm người vào 3 hộ đã có)."


def test_rejected_rows_are_listed_one_a_line():
    issues = [RowIssue(17, "Ngày sinh", "31/02/1990", "date.impossible", {"value": "31/02/1990"}),
              RowIssue(18, "Họ và tên", "", "row.no_name"), RowIssue(19, "", "", "row.present")]
    rep = report(rejected=issues[:2], committed=False, persons_added=0, households_added=0)
    lines = rep.summary_lines()
    assert lines[2:] == ["  Dòng 17, cột 'Ngày sinh': '31/02/1990' — Ngày '31/02/1990' không tồn tại",
                         "  Dòng 18, cột 'Họ và tên': Thiếu họ và tên"]
    assert issues[2].line() == "Dòng 19: Đã có trong sổ: không nhập lại"


def test_warnings_are_cut_after_a_limit_with_the_rest_counted():
    warnings = [RowIssue(i, "Mã số BHXH", "123456789", "row.bhxh_restored", {"code": "0123456789"})
                for i in range(2, 102)]
    lines = report(warnings=warnings).summary_lines()
    assert lines[1] == "100 cảnh báo cần xem lại:" and lines[-1] == "  … và 50 cảnh báo khác (xem --json)."
    assert len(report(warnings=warnings).summary_lines(max_warnings=None)) == 102


def test_to_dict_is_json_with_each_issue_and_its_message():
    rep = report(warnings=[RowIssue(3, "Số CCCD", "03620A012345", "cccd.malformed", {"value": "03620A012345"},
                                    dropped=True)])
    data = json.loads(json.dumps(rep.to_dict()))
    assert data["persons_added"] == 2345 and data["committed"] is True and data["rows_rejected"] == 0
    issue = data["warnings"][0]
    assert issue["row"] == 3 and issue["dropped"] is True and issue["reason"] == "cccd.malformed"
    assert issue["message"].endswith("— không lưu giá trị này")
    assert json.loads(json.dumps(rep.to_dict("en")))["warnings"][0]["message"].endswith("— this value is not stored")
