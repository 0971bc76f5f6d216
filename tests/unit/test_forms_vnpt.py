"""The declaration software's import template (FORMS.md §11): sheets, their three header rows, codes."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from app.errors import HgdError
from app.lists import vnpt_template as v

sys.path.insert(0, str(Path(__file__).parents[1] / "corpus"))
import forms_sample as sample


def _rows(ws, sheet):
    codes = [c.value for c in ws[3]]
    assert codes == [c["code"] for c in v.columns(sheet)]
    return [dict(zip(codes, (c.value for c in row))) for row in ws.iter_rows(min_row=4)]


@pytest.fixture
def book(tmp_path):
    v.write(sample.vnpt_rows(), tmp_path / "vnpt.xlsx")
    return openpyxl.load_workbook(tmp_path / "vnpt.xlsx")


def test_two_sheets_with_note_title_and_code_rows_and_data_from_row_4(book):
    assert book.sheetnames == ["Dữ Liệu", "Phụ lục"]
    data = book["Dữ Liệu"]
    assert data["A1"].value.startswith("CHÚ Ý") and data["AA1"].value == "Nam:1\nNữ: 0"
    assert data["B2"].value == "Họ tên" and data["B3"].value == "HoTen" and data["E3"].value == "Loai"
    assert book["Phụ lục"]["N3"].value == "MoiQuanHe" and book["Phụ lục"]["A3"].value == "STT"
    assert data["B4"].value and data["A4"].value == 1


def test_increase_and_decrease_codes_sex_and_text_dates(book):
    rows = _rows(book["Dữ Liệu"], "Dữ Liệu")
    births = [r for r in rows if r["Loai"] == v.INCREASE]
    deaths = [r for r in rows if r["Loai"] == v.DECREASE]
    assert len(births) == 6 and len(deaths) == 2
    assert {r["PA"] for r in births} == {"TM"} and {r["PA"] for r in deaths} == {"GH"}
    assert {r["GioiTinh"] for r in rows} <= {0, 1}
    first = sample.d03_te().rows_of("I.1")[0]
    assert births[0]["GioiTinh"] == (1 if first["gioi_tinh"] == "Nam" else 0)
    assert births[0]["NgaySinh"] == first["ngay_sinh"].strftime("%d/%m/%Y")
    assert births[0]["MasoBHXH"] == first["ma_so_bhxh"] and births[0]["MasoBHXH"].startswith("0")
    assert births[0]["DanToc"] == "01" and births[0]["QuocTich"] == "VN" and births[0]["Tk1_Save"] == "x"


def test_household_members_linked_by_stt_with_relation_codes(book):
    members = _rows(book["Phụ lục"], "Phụ lục")
    assert len(members) == 12
    assert {(m["TenMoiQuanHe"], m["MoiQuanHe"]) for m in members} == {("Chủ hộ", "00"), ("Con", "08")}
    assert {m["STT"] for m in members} == set(range(1, 7))
    assert [m["NguoiThamGia"] for m in members[:2]] == [0, 1]
    assert members[0]["Maso_HoGiadinh"] == "0380001234"


def test_relations_map_hgd_codes_names_and_the_template_khac_code():
    assert v.relation_code("chau_noi") == ("Cháu nội", "09")
    assert v.relation_code("Con dâu")[1] == "19"
    assert v.relation_code("khac")[1] == "22"
    with pytest.raises(HgdError):
        v.relation_code("Hàng xóm", "Lê Văn A")


def test_partial_birth_date_and_unreadable_sex(tmp_path):
    row = v.VnptRow("Trần Văn Bảy", v.DECREASE, v.STOPPED, "0012345678", "1950", "Nam", ngay_chet=date(2026, 11, 2))
    v.write([row], tmp_path / "a.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "a.xlsx")["Dữ Liệu"]
    got = _rows(ws, "Dữ Liệu")[0]
    assert got["NgaySinh"] == "1950" and got["NgayChet"] == "02/11/2026" and got["MasoBHXH"] == "0012345678"
    with pytest.raises(HgdError):
        v.write([v.VnptRow("X", gioi_tinh="không biết")], tmp_path / "b.xlsx")
