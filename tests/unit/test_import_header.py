"""Finding the header row and what each column holds (app.io.header, app.io.fields)."""
from __future__ import annotations

import pytest

from app.errors import HgdError
from app.io import fields
from app.io.header import (
    find_layout,
    footer_kind,
    is_numbering_row,
    is_repeated_header,
    is_section_title,
    parse_mapping,
)
from app.io.reader import Table


def layout_of(rows, mapping=None, merged=None):
    numbered = list(enumerate(rows, 1))
    table = Table("f.xlsx", "xlsx", "Sheet", iter(()), len(rows), merged=merged or [])
    return find_layout(table, numbered, parse_mapping(mapping))


@pytest.mark.parametrize("header, field", [
    ("Họ và tên", "ho_ten"), ("Họ tên", "ho_ten"), ("ho_ten", "ho_ten"), ("HỌ VÀ TÊN", "ho_ten"),
    ("  Họ   và  tên ", "ho_ten"), ("Ho va ten", "ho_ten"), ("HO_VA_TEN", "ho_ten"),
    ("Ngày sinh", "ngay_sinh"), ("Ngày tháng năm sinh", "ngay_sinh"), ("Ngày, tháng, năm sinh", "ngay_sinh"),
    ("Ngày sinh (dd/mm/yyyy)", "ngay_sinh"),
    ("Giới tính", "gioi_tinh"), ("Nữ", "nu"),
    ("Mã số BHXH", "ma_so_bhxh"), ("Mã BHXH", "ma_so_bhxh"), ("ma_so_bhxh", "ma_so_bhxh"),
    ("Số CCCD/CMND", "so_cccd"), ("Số CCCD", "so_cccd"), ("CCCD", "so_cccd"), ("Số định danh", "so_cccd"),
    ("so_cccd", "so_cccd"), ("Số CCCD/ĐDCN/Hộ chiếu", "so_cccd"),
    ("Nơi đăng ký khai sinh", "noi_dk_khai_sinh"), ("Nơi khai sinh", "noi_dk_khai_sinh"),
    ("noi_dk_khai_sinh", "noi_dk_khai_sinh"),
    ("Mã hộ", "ma_ho"), ("Mã hộ gia đình", "ma_ho"), ("ma_ho", "ma_ho"),
    ("Quan hệ với chủ hộ", "quan_he_chu_ho"), ("Quan hệ", "quan_he_chu_ho"), ("quan_he_chu_ho", "quan_he_chu_ho"),
    ("Mã đối tượng", "ma_doi_tuong"), ("ma_doi_tuong", "ma_doi_tuong"),
    ("Số thẻ BHYT", "so_the_bhyt"), ("Mã thẻ", "so_the_bhyt"), ("so_the_bhyt", "so_the_bhyt"),
    ("Hạn thẻ", "han_the_den"), ("Hạn thẻ đến", "han_the_den"), ("Hạn thẻ từ", "han_the_tu"),
    ("han_the_den", "han_the_den"),
    ("Dân tộc", "dan_toc"), ("dan_toc", "dan_toc"),
    ("Địa chỉ", "dia_chi"), ("Thôn", "dia_chi"), ("Thôn, xóm", "dia_chi"), ("dia_chi", "dia_chi"),
    ("Nơi cư trú (thôn/xóm, xã, tỉnh)", "dia_chi"),
    ("Số điện thoại", "so_dien_thoai"), ("Nơi đăng ký KCB ban đầu", "noi_dk_kcb"), ("Mã KCB ban đầu", "ma_kcb"),
])
def test_headers_match_ignoring_case_diacritics_spaces_and_underscores(header, field):
    assert fields.field_for_header(header) == field


@pytest.mark.parametrize("header", ["Năm", "Ghi chú", "", "Cột 7", "Xác nhận"])
def test_headers_that_name_no_stored_field(header):
    assert fields.field_for_header(header) in (None, fields.IGNORE)


def test_every_alias_names_one_field_only():
    assert len(fields.ALIASES) > 100  # built without a clash (a clash raises at import)


def test_the_header_is_found_below_title_rows():
    rows = [["UBND XÃ DÂN LÝ", "", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
            ["DANH SÁCH THÀNH VIÊN HỘ GIA ĐÌNH"], [], ["Tháng 11 năm 2025"],
            ["STT", "Họ và tên", "Ngày sinh", "Mã hộ", "Giới tính"],
            [1, "Lê Văn An", "1975", "H1", "Nam"]]
    layout = layout_of(rows)
    assert layout.header_row == 5 and layout.data_from == 6
    assert {f: c.index for f, c in layout.columns.items()} == {
        "ho_ten": 1, "ngay_sinh": 2, "ma_ho": 3, "gioi_tinh": 4}
    assert layout.columns["ho_ten"].header == "Họ và tên"


def test_a_two_row_header_under_merged_group_titles_is_joined():
    rows = [["Họ và tên", "Ngày sinh", "Mã hộ", "Hạn thẻ", "", "Giới tính", ""],
            ["", "", "", "Từ ngày", "Đến ngày", "Nam", "Nữ"],
            ["Lê Văn An", "1975", "H1", "01/01/2025", "31/12/2025", "x", ""]]
    merged = [((0, 3), (0, 4)), ((0, 5), (0, 6))]
    layout = layout_of(rows, merged=merged)
    assert layout.data_from == 3
    cols = {f: c.index for f, c in layout.columns.items()}
    assert cols["han_the_tu"] == 3 and cols["han_the_den"] == 4 and cols["nam"] == 5 and cols["nu"] == 6
    assert layout.columns["han_the_tu"].header == "Hạn thẻ Từ ngày"


def test_a_numbering_row_under_the_header_is_not_a_second_header():
    rows = [["STT", "Họ và tên", "Ngày sinh", "Mã hộ"], ["A", "B", 1, 2], [1, "Lê An", "1975", "H1"]]
    layout = layout_of(rows)
    assert layout.data_from == 2  # the numbering row is skipped by the importer, as a row
    assert is_numbering_row(["A", "B", 1.0, 2.0]) and is_numbering_row(["(1)", "(2)", "(3)", "(4)"])
    assert is_numbering_row(["1", "2", "3", "4", "5"])
    assert not is_numbering_row([1, "Lê Văn An", "1975", "H1"])
    assert not is_numbering_row(["3", "2", "1"])


def test_a_repeated_header_is_recognised():
    layout = layout_of([["Họ và tên", "Ngày sinh", "Mã hộ"], ["Lê An", "1975", "H1"]])
    assert is_repeated_header(["HỌ VÀ TÊN", "Ngày sinh", "Mã hộ"], layout)
    assert not is_repeated_header(["Lê An", "1975", "H1"], layout)


@pytest.mark.parametrize("cells, kind", [
    (["Tổng cộng: 2.345 người"], "total"), (["", "TỔNG CỘNG", "", 612], "total"),
    (["", "Người lập biểu", "", "", "Thủ trưởng đơn vị"], "signature"),
    (["", "", "", "Dân Lý, ngày 20 tháng 11 năm 2025"], "signature"),
    (["", "", "Ngày … tháng … năm 2025"], "signature"), (["", "(Ký, ghi rõ họ tên)"], "signature"),
    (["", "TM. UỶ BAN NHÂN DÂN XÃ", "", "Trưởng thôn Đông"], "signature"), (["", "NGUOI LAP BIEU"], "signature"),
    (["Cộng"], "total"), (["Cộng thôn Đông", "", 12], "total"), (["Cộng: 12"], "total"),
    ([None, "Tổng cộng", None, 5, None, None, None, None, 2], "total"),
    ([1, "Tống Văn Hùng", "1975", "H1"], None), ([1, "Lê Cộng", "1975"], None), (["Thôn Đông"], None),
    # Names that begin like a signature or totals word are persons, whatever the other cells hold (issue 12).
    ([None, "Trương Bằng"], None), ([None, "Tô Trường Giang"], None), ([None, "Tống Công Minh"], None),
    ([7, "Trương Bằng", None, "Nam"], None), ([None, "Tổng Văn Cường"], None), ([None, "Cao Thị Cộng"], None),
    ([None, "Người lập biểu", None, "Lê Văn An"], None), ([None, "Tổng cộng", "Nguyễn Văn An"], None),
])
def test_footer_rows_are_told_by_their_whole_shape(cells, kind):
    assert footer_kind(cells) == kind


def test_map_names_a_column_the_aliases_do_not_know():
    rows = [["Tên người", "NS", "Hộ số"], ["Lê An", "1975", "H1"]]
    layout = layout_of(rows, {"Tên người": "ho_ten", "ho so": "ma_ho"})  # by the header or its search key
    assert {f: c.index for f, c in layout.columns.items()} == {"ho_ten": 0, "ngay_sinh": 1, "ma_ho": 2}


def test_map_wins_over_a_column_that_only_looks_like_the_field():
    rows = [["Họ tên cũ", "Họ và tên", "Ngày sinh", "Mã hộ"], ["X", "Lê An", "1975", "H1"]]
    layout = layout_of(rows, {"Họ tên cũ": "ho_ten"})
    assert layout.columns["ho_ten"].index == 0


def test_map_to_an_unknown_field_is_a_clear_error():
    with pytest.raises(HgdError) as err:
        parse_mapping({"Tên": "ho_va_ten"})
    assert err.value.key == "import.map_unknown_field"
    assert "ho_va_ten" in str(err.value) and "ho_ten" in str(err.value)


def test_map_of_a_column_that_is_not_there_is_a_clear_error():
    with pytest.raises(HgdError) as err:
        layout_of([["Họ và tên", "Ngày sinh", "Mã hộ"]], {"Tên khác": "ho_ten"})
    assert err.value.key == "import.map_unknown_column" and "Tên khác" in str(err.value)


def test_two_columns_for_one_field_are_refused_with_both_named():
    with pytest.raises(HgdError) as err:
        layout_of([["Họ và tên", "Ngày sinh", "Mã hộ", "HỌ TÊN"]])
    assert err.value.key == "import.duplicate_column"
    assert "cột A" in str(err.value) and "cột D" in str(err.value) and "'HỌ TÊN'" in str(err.value)


def test_a_missing_required_column_is_refused_and_named():
    with pytest.raises(HgdError) as err:
        layout_of([["Họ và tên", "Ngày sinh", "Giới tính"], ["Lê An", "1975", "Nam"]])
    assert err.value.key == "import.missing_household" and "'Mã hộ'" in str(err.value)
    assert "Quan hệ với chủ hộ" in str(err.value)
    assert "dòng tiêu đề 1" in str(err.value)


def test_no_header_at_all_is_refused():
    with pytest.raises(HgdError) as err:
        layout_of([["a", "b"], [1, 2]])
    assert err.value.key == "import.no_header" and "f.xlsx" in str(err.value)


def test_an_empty_sheet_is_refused():
    with pytest.raises(HgdError) as err:
        layout_of([[], ["", None]])
    assert err.value.key == "import.empty_sheet"


@pytest.mark.parametrize("cells, title", [
    (["", "I. Tăng"], True), (["", "1. Lao động"], True), (["Thôn Đông"], True), (["", "", "Xóm 3"], True),
    (["", "II) Giảm", ""], True), (["", "Vi Văn Nam"], False), (["", "Tô Thị Lan"], False),
    (["", "Lê Văn An", "1975"], False), ([1, "Thôn Đông"], False),
    # Surnames that read like a place word once their diacritics are gone: Bàn (bản), Đới (đội), Lăng (làng).
    (["", "Bàn Văn Sáng"], False), (["", "Đới Thị Hà"], False), (["", "Lăng Văn Tú"], False),
    (["", "Thon 3"], True), (["", "Ban Van Sang"], False),
])
def test_section_titles(cells, title):
    assert is_section_title(cells) is title
