"""The XLSX writer, read back with openpyxl and checked against DOMAIN.md §6."""
from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from app.domain.dates import PartialDate
from app.errors import HgdError
from app.lists import xlsx_tk1, xlsx_writer
from app.lists.filled import SectionRows

sys.path.insert(0, str(Path(__file__).parents[1] / "corpus"))
import forms_sample as sample


def _sheet(filled, tmp_path, name="f.xlsx"):
    xlsx_writer.write_list(filled, tmp_path / name)
    return openpyxl.load_workbook(tmp_path / name).active


def _texts(ws):
    return [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


def _find(ws, text):
    for row in ws.iter_rows():
        for c in row:
            if c.value == text:
                return c
    raise AssertionError(f"{text!r} not in the sheet")


def _merged_width(ws, cell):
    for rng in ws.merged_cells.ranges:
        if cell.coordinate in rng:
            return rng.max_col - rng.min_col + 1, rng.max_row - rng.min_row + 1
    return 1, 1


@pytest.fixture
def d03(tmp_path):
    return _sheet(sample.d03_te(), tmp_path)


def test_d03_header_unit_fields_form_code_and_decision_line_without_motto(d03):
    texts = _texts(d03)
    assert "Tên đơn vị: Ủy ban nhân dân xã Dân Lý" in texts
    assert any(t.startswith("Mã đơn vị: TH0384") and "Mã số thuế: 2801234567" in t for t in texts)
    assert "Địa chỉ: Thôn Tân Lý, xã Dân Lý, tỉnh Thanh Hóa" in texts
    assert any(t.startswith("Điện thoại: 02373861234") and "Email:" in t for t in texts)
    assert "Mẫu D03-TS" in texts
    assert "(Ban hành kèm theo QĐ số 490/QĐ-BHXH" in texts and "ngày 28/3/2023 của BHXH Việt Nam)" in texts
    assert not any("CỘNG HÒA" in t or "Độc lập" in t for t in texts)


def test_d03_title_number_line_and_group_fields(d03):
    texts = _texts(d03)
    assert "DANH SÁCH NGƯỜI CHỈ THAM GIA BHYT" in texts
    assert "Số 01 tháng 11 năm 2026" in texts
    group = next(t for t in texts if t.startswith("Đối tượng tham gia:"))
    assert "Trẻ em dưới 6 tuổi" in group and "Mã đối tượng: TE" in group and "Lương cơ sở: 2.340.000 đồng" in group
    assert any(t.startswith("Nguồn đóng:") and "Tỷ lệ NSNN hỗ trợ quy định: 100 %" in t for t in texts)


def test_d03_columns_in_order_with_two_header_rows_and_the_numbering_row(d03):
    stt = _find(d03, "STT")
    r = stt.row
    titles = [d03.cell(r, j).value for j in range(1, 18)]
    assert titles[:11] == ["STT", "Họ và tên", "Mã số BHXH", "Số CCCD/\nCNTND\nĐDCN/hộ chiếu",
                           "Ngày tháng năm sinh", "Giới tính", "Địa chỉ", "Nơi đăng ký KCB ban đầu", "Ngày biên lai",
                           "Số biên lai", "Tiền lương hưu, trợ cấp TN, TS"]
    assert titles[11] == "Hỗ trợ thêm" and titles[13] == "Thời gian tham gia"
    assert titles[15:] == ["Mã số nhân viên thu", "Ghi chú"]
    assert [d03.cell(r + 1, j).value for j in (12, 13, 14, 15)] == ["NSĐP", "Khác", "Từ tháng", "Số tháng"]
    assert [d03.cell(r + 2, j).value for j in range(1, 18)] == ["A", "B"] + [str(i) for i in range(1, 16)]
    assert _merged_width(d03, d03.cell(r, 12)) == (2, 1)
    assert _merged_width(d03, d03.cell(r, 14)) == (2, 1)
    assert _merged_width(d03, stt) == (1, 2)
    assert d03.print_title_rows == f"${r}:${r + 2}"


def test_d03_sections_in_order_and_stt_restarts_in_each(d03):
    labels = [(c.value, d03.cell(c.row, 2).value) for c in d03["A"] if c.value in ("I", "I.1", "I.2", "II", "II.1",
                                                                                    "II.2")]
    assert labels == [("I", "Tăng"), ("I.1", "Người tham gia"), ("I.2", "Tiền lương"), ("II", "Giảm"),
                      ("II.1", "Người tham gia"), ("II.2", "Tiền lương")]
    i1, i2 = _find(d03, "I.1").row, _find(d03, "I.2").row
    assert [d03.cell(r, 1).value for r in range(i1 + 1, i2)] == [1, 2, 3, 4, 5, 6]
    ii1, ii2 = _find(d03, "II.1").row, _find(d03, "II.2").row
    assert [d03.cell(r, 1).value for r in range(ii1 + 1, ii2)] == [1, 2]
    assert _find(d03, "Cộng tăng").row == i2 + 1 and _find(d03, "Cộng giảm").row == ii2 + 1
    assert "Tổng số thẻ BHYT đề nghị cấp: 6" in _texts(d03)


def test_d03_dates_are_dates_and_codes_keep_leading_zeros(d03):
    first = _find(d03, "I.1").row + 1
    born = d03.cell(first, 5)
    assert isinstance(born.value, datetime) and born.value.date() == date(2026, 11, 1)
    assert born.number_format == "dd/mm/yyyy"
    code = d03.cell(first, 3)
    assert code.value == "0360329669" and code.data_type == "s" and code.number_format == "@"
    assert d03.cell(first, 4).value.startswith("0382")
    assert d03.cell(first, 15).value == 72 and d03.cell(first, 15).data_type == "n"


def test_d03_footer_note_date_line_and_one_signature_block(d03):
    texts = _texts(d03)
    assert "- Ghi chú: Cột 16 chỉ áp dụng đối với tổ chức dịch vụ thu  BHXH tự nguyện BHYT" in texts
    assert "Dân Lý, ngày 03 tháng 12 năm 2026" in texts
    block = _find(d03, "Cơ quan LĐTBXH, UBND xã/Tổ chức DV thu/nhà trường")
    assert d03.cell(block.row + 1, block.column).value == "(ký, ghi rõ họ tên và đóng dấu)"
    assert "Lê Văn Thắng" in texts
    assert not any("Người lập biểu" in t or "NGƯỜI LẬP BIỂU" in t for t in texts)


def test_d03_print_settings_landscape_a4_fit_to_width_serif_font(d03):
    ps = d03.page_setup
    assert ps.orientation == "landscape" and int(ps.paperSize) == 9
    assert d03.sheet_properties.pageSetUpPr.fitToPage and ps.fitToWidth == 1 and ps.fitToHeight == 0
    assert _find(d03, "Họ và tên").font.name == "Liberation Serif"
    assert d03.cell(_find(d03, "I.1").row + 1, 2).font.name == "Liberation Serif"
    assert "&P" in d03.oddFooter.center.text and "&N" in d03.oddFooter.center.text
    assert _find(d03, "STT").border.left.style == "thin"


def test_money_sums_in_the_total_row_and_money_as_numbers(tmp_path):
    ws = _sheet(sample.d03_cn(), tmp_path)
    total = _find(ws, "Cộng tăng").row
    assert ws.cell(total, 12).value == 3 * 63180 and ws.cell(total, 11).value == 4500000
    first = _find(ws, "I.1").row + 1
    assert ws.cell(first, 12).value == 63180 and ws.cell(first, 12).number_format == "#,##0"
    assert ws.cell(first, 10).value == "0000001"


def test_d02_27_columns_three_header_rows_motto_and_total(tmp_path):
    ws = _sheet(sample.d02(), tmp_path)
    texts = _texts(ws)
    assert "Mẫu D02-LT" in texts
    assert "(Ban hành kèm theo Quyết định số 1040/QĐ-BHXH ngày 18/8/2020 của BHXH Việt Nam)" in texts
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts and "Độc lập - Tự do - Hạnh phúc" in texts
    assert "BÁO CÁO TÌNH HÌNH SỬ DỤNG LAO ĐỘNG VÀ DANH SÁCH THAM GIA BHXH, BHYT, BHTN" in texts
    assert "TÊN ĐƠN VỊ SỬ DỤNG LAO ĐỘNG: ỦY BAN NHÂN DÂN XÃ DÂN LÝ" in texts
    r = _find(ws, "STT").row
    assert [ws.cell(r + 3, j).value for j in range(1, 28)] == [f"({i})" for i in range(1, 28)]
    assert _merged_width(ws, _find(ws, "Tiền lương")) == (6, 1)
    assert _merged_width(ws, _find(ws, "Phụ cấp")) == (5, 1)
    assert _merged_width(ws, _find(ws, "Hệ số/ Mức lương")) == (1, 2)
    assert _merged_width(ws, _find(ws, "STT")) == (1, 3)
    assert ws.print_title_rows == f"${r}:${r + 3}"
    first = r + 4
    assert ws.cell(first, 5).value == "nam"  # D02-LT writes "nam"/"nữ"
    assert ws.cell(first, 8).value == "x" and ws.cell(first, 12).value == pytest.approx(4.98)
    assert ws.cell(first, 25).number_format == "mm/yyyy"
    assert ws.cell(first + 4, 2).value == "Tổng (4)"
    assert "ĐẠI DIỆN ĐƠN VỊ SỬ DỤNG LAO ĐỘNG" in texts


def test_d02_reduced_set_prints_every_header_and_fills_only_its_columns(tmp_path):
    ws = _sheet(sample.d02(reduced=True), tmp_path)
    r = _find(ws, "STT").row
    assert [ws.cell(r + 3, j).value for j in range(1, 28)] == [f"({i})" for i in range(1, 28)]
    first = r + 4
    filled = {j for j in range(1, 28) if ws.cell(first, j).value not in (None, "")}
    assert filled <= {1, 2, 3, 7, 12, 13, 14, 15, 16, 17, 25, 26, 27}
    assert {1, 2, 3, 7, 12, 25, 27} <= filled


def test_change_list_groups_by_kind_with_counts_and_marks_the_proposal(tmp_path):
    ws = _sheet(sample.change_list(), tmp_path)
    texts = _texts(ws)
    headings = [ws.cell(c.row, 2).value for c in ws["A"] if c.value in ("I", "II", "III", "IV")]
    assert headings == ["Sinh (2)", "Chết (1)", "Tách hộ (1)", "Điều chỉnh thông tin (1)"]
    assert "Tổng cộng (5)" in texts
    assert "UBND XÃ DÂN LÝ" in texts and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts
    assert "Kính gửi: Bảo hiểm xã hội khu vực Triệu Sơn" in texts
    assert any("Mẫu do phần mềm hgd đề xuất" in t for t in texts)
    assert {"NGƯỜI LẬP BIỂU", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"} <= set(texts)
    corrected = _find(ws, "Điều chỉnh thông tin").row
    born = ws.cell(corrected, 6)
    assert born.value == "03/1975" and born.data_type == "s"  # a month-only date is never given a day


def test_partial_and_iso_partial_dates_print_as_known(tmp_path):
    filled = sample.d03_te()
    filled.sections[0].rows[0]["ngay_sinh"] = "1975"
    filled.sections[0].rows[1]["ngay_sinh"] = PartialDate(1975, 3)
    ws = _sheet(filled, tmp_path)
    first = _find(ws, "I.1").row + 1
    assert ws.cell(first, 5).value == "1975" and ws.cell(first + 1, 5).value == "03/1975"


@pytest.mark.parametrize("change, key", [
    (lambda f: f.sections.append(SectionRows("III", [{}])), "lists.unknown_part"),
    (lambda f: f.sections[0].rows[0].update({"ngay_chet": date(2026, 1, 1)}), "lists.unknown_column"),
    (lambda f: setattr(f, "options", frozenset({"reduced"})), "lists.unknown_option"),
    (lambda f: f.sections[0].rows[0].update({"so_thang": "mười"}), "lists.bad_value"),
])
def test_malformed_input_is_refused_with_a_message(tmp_path, change, key):
    filled = sample.d03_te()
    change(filled)
    with pytest.raises(HgdError) as e:
        xlsx_writer.write_list(filled, tmp_path / "bad.xlsx")
    assert e.value.key == key


def test_tk1_workbook_has_a_portrait_sheet_per_person_and_the_annex(tmp_path):
    xlsx_tk1.write_declarations(sample.declarations(), tmp_path / "tk1.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "tk1.xlsx")
    assert wb.sheetnames == ["TK1 1", "PL 1", "TK1 2"]
    ws = wb["TK1 1"]
    texts = _texts(ws)
    assert {"BẢO HIỂM XÃ HỘI VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỜ KHAI", "XÁC NHẬN CỦA ĐƠN VỊ",
            "Người kê khai", "[01]", "[16]", "NGUYỄN NGỌC ÁNH"} <= set(texts)
    born = ws.cell(_find(ws, "[03]").row, 7)
    assert isinstance(born.value, datetime) and born.number_format == "dd/mm/yyyy"
    assert ws.page_setup.orientation == "portrait"
    annex = wb["PL 1"]
    r = _find(annex, "Stt").row
    assert [annex.cell(r + 1, j).value for j in range(1, 12)] == ["A", "B"] + [str(i) for i in range(1, 10)]
    assert annex.cell(r + 3, 4).value == "1987"  # a year-only birth date
    assert wb["TK1 2"].cell(_find(wb["TK1 2"], "[17]").row, 7).value == "0109012345"
