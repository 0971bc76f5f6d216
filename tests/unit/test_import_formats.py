"""Formats and encodings: CSV bytes (UTF-8 with or without BOM, UTF-16, cp1258, cp1252 carrying TCVN3/VNI),
delimiters, legacy font encodings in XLSX, old .xls files, sheets to choose from (app.io.reader, csvtext)."""
from __future__ import annotations

import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain.legacy import unicode_to_tcvn3, unicode_to_vni
from app.io import import_persons
from app.store.models import Person

sys.path.insert(0, str(Path(__file__).parents[1] / "corpus"))
import office97
from make_malformed import prefixed
from make_sheets import text_file, xlsx

TODAY = date(2025, 12, 1)
HEADER = ["Họ và tên", "Ngày sinh", "Mã hộ", "Quan hệ với chủ hộ", "Thôn"]
ROWS = [["Nguyễn Văn Hùng", "15/03/1975", "H1", "Chủ hộ", "Thôn Đông"],
        ["Trương Thị Thu Hằng", "1978", "H1", "Vợ", "Thôn Đông"]]


def names(register):
    with register.reading() as s:
        return sorted((p.full_name, p.address) for p in s.scalars(select(Person)))


EXPECTED = sorted((r[0], r[4]) for r in ROWS)


@pytest.mark.parametrize("encoding, reported", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("cp1258", "cp1258")])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_encodings_and_delimiters(register, tmp_path, encoding, reported, delimiter):
    path = text_file(tmp_path / "f.csv", [HEADER] + ROWS, encoding=encoding, delimiter=delimiter)
    report = import_persons(register, path, today=TODAY)
    assert report.committed and report.text_encoding == reported and report.encoding == "unicode"
    assert names(register) == EXPECTED


@pytest.mark.parametrize("legacy, convert", [("tcvn3", unicode_to_tcvn3), ("vni", unicode_to_vni)])
def test_legacy_font_text_in_a_csv_is_converted_and_reported_with_the_original(register, tmp_path, legacy, convert):
    rows = [[convert(c) for c in HEADER]] + [[convert(c) for c in r] for r in ROWS]
    path = text_file(tmp_path / "f.csv", rows, encoding="latin-1")
    report = import_persons(register, path, today=TODAY)
    assert report.committed and report.encoding == legacy and report.text_encoding == "cp1252"
    assert names(register) == EXPECTED
    notes = [w for w in report.warnings if w.reason_key == "import.legacy_column"]
    assert {w.column for w in notes} == {"Họ và tên", "Quan hệ với chủ hộ", "Thôn"}
    name_note = next(w for w in notes if w.column == "Họ và tên")
    assert name_note.value == convert("Nguyễn Văn Hùng") and "Nguyễn Văn Hùng" in name_note.message()


@pytest.mark.parametrize("legacy, convert", [("tcvn3", unicode_to_tcvn3), ("vni", unicode_to_vni)])
def test_legacy_font_text_in_an_xlsx_is_converted_per_column(register, tmp_path, legacy, convert):
    rows = [["Danh sách"], HEADER] + [[convert(c) for c in r] for r in ROWS]
    report = import_persons(register, xlsx(tmp_path / "f.xlsx", rows), today=TODAY)
    assert report.committed and report.encoding == legacy
    assert report.column_encodings == {"Họ và tên": legacy, "Quan hệ với chủ hộ": legacy, "Thôn": legacy}
    assert names(register) == EXPECTED


def test_unicode_cells_in_a_legacy_column_are_left_alone(register, tmp_path):
    rows = [HEADER, [unicode_to_tcvn3("Nguyễn Văn Hùng"), "1975", "H1", "Chủ hộ", ""],
            [unicode_to_tcvn3("Trần Thị Bình"), "1975", "H1", "Vợ", ""], ["Lê Thị Hoà", "1999", "H1", "Con", ""]]
    import_persons(register, xlsx(tmp_path / "f.xlsx", rows), today=TODAY)
    assert [n for n, _ in names(register)] == ["Lê Thị Hoà", "Nguyễn Văn Hùng", "Trần Thị Bình"]


def test_an_old_xls_workbook_is_read(register, tmp_path):
    path = tmp_path / "danh_sach.xls"
    path.write_bytes(office97.xls([["DANH SÁCH"], HEADER, *ROWS, ["Tổng cộng"]]))
    report = import_persons(register, path, today=TODAY)
    assert report.committed and report.header_row == 2 and report.persons_added == 2
    assert names(register) == EXPECTED


def test_an_xls_under_an_xlsx_name_is_read_by_its_content(register, tmp_path):
    path = tmp_path / "renamed.xlsx"
    path.write_bytes(office97.xls([HEADER, *ROWS]))
    assert import_persons(register, path, today=TODAY).persons_added == 2


def test_a_sheet_that_only_claims_a_million_rows_is_imported(register, tmp_path):
    good = xlsx(tmp_path / "g.xlsx", [HEADER, *ROWS])
    claimed = tmp_path / "claims.xlsx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(claimed, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<dimension ref="A1:E3"', b'<dimension ref="A1:M1048576"')
                assert b"A1:M1048576" in data
            zout.writestr(info.filename, data)
    assert import_persons(register, claimed, today=TODAY).persons_added == 2


def test_the_first_sheet_with_a_header_is_used_and_hidden_sheets_are_not(register, tmp_path):
    other = {"Ẩn": ([HEADER, ["Ẩn Danh", "1975", "H9", "Chủ hộ", ""]], "hidden"),
             "Danh sách": ([["Danh sách"], HEADER, *ROWS], "visible")}
    path = xlsx(tmp_path / "f.xlsx", [["Hướng dẫn: xem trang sau"]], sheets=other)
    report = import_persons(register, path, today=TODAY)
    assert report.sheet == "Danh sách" and report.header_row == 2
    assert names(register) == EXPECTED


def test_formulas_with_computed_values_are_read(register, tmp_path):
    path = xlsx(tmp_path / "f.xlsx", [HEADER, *ROWS])
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    # As Excel stores it: the formula and its cached value.
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(
        b'<c r="B3" t="inlineStr"><is><t>1978</t></is></c>', b'<c r="B3"><f>1977+1</f><v>1978</v></c>')
    assert b"<f>1977+1</f>" in parts["xl/worksheets/sheet1.xml"]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    report = import_persons(register, path, today=TODAY)
    assert report.committed and report.persons_added == 2


def test_sheet_xml_with_namespace_prefixes_is_read(register, tmp_path):
    good = xlsx(tmp_path / "g.xlsx", [HEADER, *ROWS])
    path = tmp_path / "prefixed.xlsx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info.filename, prefixed(data) if info.filename == "xl/worksheets/sheet1.xml" else data)
    assert b"<x:row" in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    assert import_persons(register, path, today=TODAY).persons_added == 2
