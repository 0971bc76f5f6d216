"""What each cell becomes: dates, codes that lost their zeros, sex, codes and the per-field decisions between
rejecting a row, keeping it with a warning, and leaving one value out (app.io.rows)."""
from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app.io import import_persons
from app.store.models import Person

sys.path.insert(0, str(Path(__file__).parents[1] / "corpus"))
from make_sheets import text_file, xlsx

TODAY = date(2025, 12, 1)
HEADER = ["Họ và tên", "Ngày sinh", "Mã hộ", "Quan hệ với chủ hộ"]


def run(register, tmp_path, header, rows, *, csv=False, **kw):
    path = (text_file(tmp_path / "f.csv", [header] + rows) if csv else xlsx(tmp_path / "f.xlsx", [header] + rows))
    report = import_persons(register, path, today=TODAY, **kw)
    with register.reading() as s:
        persons = {p.full_name: p for p in s.scalars(select(Person))}
    return report, persons


def reasons(issues):
    return [(i.row, i.column, i.reason_key) for i in issues]


@pytest.mark.parametrize("cell, stored", [
    (date(1975, 3, 15), "1975-03-15"),            # a real Excel date
    (datetime(1975, 3, 15, 0, 0), "1975-03-15"),
    (27468, "1975-03-15"),                        # an Excel serial number in a General cell
    ("15/03/1975", "1975-03-15"), ("5/3/1975", "1975-03-05"), ("05-03-1975", "1975-03-05"),
    ("03/1975", "1975-03"), ("1975", "1975"), (1975, "1975"), ("1975-03-15", "1975-03-15"),
])
def test_dates_of_birth_in_every_form_keep_their_precision(register, tmp_path, cell, stored):
    report, persons = run(register, tmp_path, HEADER, [["Lê Văn An", cell, "H1", "Chủ hộ"]])
    assert report.committed and not report.rejected
    assert persons["Lê Văn An"].birth_date == stored and persons["Lê Văn An"].birth_year == 1975


@pytest.mark.parametrize("cell, key", [
    ("31/02/1990", "date.impossible"), ("15/03/2031", "date.future"), ("15/03/1850", "date.too_old"),
    ("15/03/75", "date.two_digit_year"), ("mười lăm", "date.unreadable"),
])
def test_an_impossible_date_of_birth_rejects_the_row(register, tmp_path, cell, key):
    report, persons = run(register, tmp_path, HEADER, [["Lê Văn An", cell, "H1", "Chủ hộ"]])
    assert reasons(report.rejected) == [(2, "Ngày sinh", key)]
    assert not report.committed and persons == {}


def test_the_rejected_row_line_names_row_column_value_and_reason(register, tmp_path):
    report, _ = run(register, tmp_path, HEADER, [["Lê Văn An", "31/02/1990", "H1", "Chủ hộ"]])
    assert report.rejected[0].line() == "Dòng 2, cột 'Ngày sinh': '31/02/1990' — Ngày '31/02/1990' không tồn tại"
    assert "Row 2, column 'Ngày sinh': '31/02/1990' — Date '31/02/1990' does not exist" == report.rejected[0].line("en")


def test_a_missing_date_of_birth_is_a_warning(register, tmp_path):
    report, persons = run(register, tmp_path, HEADER, [["Lê Văn An", "", "H1", "Chủ hộ"]])
    assert report.committed and reasons(report.warnings) == [(2, "Ngày sinh", "row.no_birth_date")]
    assert persons["Lê Văn An"].birth_date is None


def test_no_name_or_no_household_code_rejects_the_row(register, tmp_path):
    rows = [["", "1975", "H1", "Chủ hộ"], ["Lê Văn An", "1975", "", "Chủ hộ"]]
    report, _ = run(register, tmp_path, HEADER, rows)
    assert reasons(report.rejected) == [(2, "Họ và tên", "row.no_name"), (3, "Mã hộ", "row.no_household")]


def test_names_are_stored_nfc_as_entered_with_spaces_collapsed(register, tmp_path):
    import unicodedata
    rows = [[unicodedata.normalize("NFD", "NGUYỄN   VĂN  HÙNG "), "1975", "H1", "Chủ hộ"]]
    _, persons = run(register, tmp_path, HEADER, rows)
    person = persons["NGUYỄN VĂN HÙNG"]
    assert unicodedata.is_normalized("NFC", person.full_name) and person.name_key == "nguyen van hung"


@pytest.mark.parametrize("cell, stored, restored", [
    (123456789, "0123456789", True), (12345678, "0012345678", True), ("0123456789", "0123456789", False),
    ("3609092025", "3609092025", False), (3609092025, "3609092025", False),
])
def test_bhxh_codes_that_lost_their_leading_zeros_are_restored_with_a_warning(register, tmp_path, cell, stored,
                                                                               restored):
    report, persons = run(register, tmp_path, HEADER + ["Mã số BHXH"], [["Lê An", "1975", "H1", "Chủ hộ", cell]])
    assert persons["Lê An"].bhxh_code == stored
    assert (reasons(report.warnings) == [(2, "Mã số BHXH", "row.bhxh_restored")]) is restored


@pytest.mark.parametrize("cell", ["12345", "01234567890", "01234A6789"])
def test_a_malformed_bhxh_code_rejects_the_row(register, tmp_path, cell):
    report, _ = run(register, tmp_path, HEADER + ["Mã số BHXH"], [["Lê An", "1975", "H1", "Chủ hộ", cell]])
    assert reasons(report.rejected) == [(2, "Mã số BHXH", "bhxh.malformed")]


def test_cccd_numbers_lost_zero_restored_and_contradictions_warned(register, tmp_path):
    header = HEADER + ["Giới tính", "Số CCCD"]
    rows = [["Lê An", "1975", "H1", "Chủ hộ", "Nam", 36075012345],          # 11 digits: restored
            ["Lê Bình", "1978", "H1", "Vợ", "Nữ", "036078012345"],          # digit 4 says male: a finding
            ["Lê Cường", "2001", "H1", "Con", "Nam", "03620A012345"],       # letters: not stored
            ["Lê Dũng", "1950", "H1", "Bố", "Nam", "123456789"]]            # an old CMND
    report, persons = run(register, tmp_path, header, rows)
    assert report.committed
    assert persons["Lê An"].id_number == "036075012345" and persons["Lê An"].id_kind == "cccd"
    assert persons["Lê Bình"].id_number == "036078012345"
    assert persons["Lê Cường"].id_number is None
    assert persons["Lê Dũng"].id_number == "123456789" and persons["Lê Dũng"].id_kind == "cmnd"
    got = reasons(report.warnings)
    assert (2, "Số CCCD", "row.cccd_restored") in got
    assert (3, "Số CCCD", "cccd.sex_mismatch") in got
    assert (4, "Số CCCD", "cccd.malformed") in got and (5, "Số CCCD", "cccd.old_cmnd") in got
    dropped = next(i for i in report.warnings if i.row == 4)
    assert dropped.dropped and dropped.value == "03620A012345" and "không lưu" in dropped.message()


@pytest.mark.parametrize("cell, sex, warned", [
    ("Nam", "M", False), ("nữ", "F", False), ("NU", "F", False), ("F", "F", False), ("", None, False),
    ("không rõ", None, False), ("Bê đê", None, True), (1, None, True),
])
def test_sex_values(register, tmp_path, cell, sex, warned):
    report, persons = run(register, tmp_path, HEADER + ["Giới tính"], [["Lê An", "1975", "H1", "Chủ hộ", cell]])
    assert report.committed and persons["Lê An"].sex == sex
    assert bool(report.warnings) is warned


def test_an_x_in_a_female_column_means_female_and_blank_means_male(register, tmp_path):
    rows = [["Lê An", "1975", "H1", "Chủ hộ", ""], ["Lê Bình", "1978", "H1", "Vợ", "x"],
            ["Lê Chi", "2001", "H1", "Con", "X"], ["Lê Dung", "2003", "H1", "Con", "?"]]
    report, persons = run(register, tmp_path, HEADER + ["Nữ"], rows)
    assert [persons[n].sex for n in ("Lê An", "Lê Bình", "Lê Chi", "Lê Dung")] == ["M", "F", "F", None]
    assert reasons(report.warnings) == [(5, "Nữ", "row.sex_mark")]


def test_codes_relation_ethnicity_group_and_card(register, tmp_path):
    header = HEADER + ["Mã số BHXH", "Dân tộc", "Mã đối tượng", "Mã thẻ", "Hạn thẻ từ", "Hạn thẻ đến"]
    rows = [["Lê An", "1975", "H1", "Chủ hộ", "3601234567", "Kinh", "GD", "GD4363601234567", "01/01/2025",
             date(2025, 12, 31)],
            ["Lê Bình", "1978", "H1", "Vợ chồng", "3601234568", "Người sao Hỏa", "ZZ", "HN2363609999999", "", "x"]]
    report, persons = run(register, tmp_path, header, rows)
    an, binh = persons["Lê An"], persons["Lê Bình"]
    assert (an.relation, an.ethnicity_code, an.group_code, an.card_number, an.card_valid_from,
            an.card_valid_to) == ("chu_ho", "01", "GD", "GD4363601234567", "2025-01-01", "2025-12-31")
    assert (binh.relation, binh.ethnicity_code, binh.group_code, binh.card_number, binh.card_valid_to) == (
        None, None, "ZZ", "HN2363609999999", None)
    assert reasons(report.warnings) == [
        (3, "Quan hệ với chủ hộ", "row.relation_unknown"), (3, "Dân tộc", "row.ethnic_unknown"),
        (3, "Mã đối tượng", "row.group_unknown"), (3, "Mã thẻ", "card.group_mismatch"),
        (3, "Mã thẻ", "card.bhxh_mismatch"), (3, "Hạn thẻ đến", "date.unreadable")]


def test_a_near_poor_card_is_checked_against_the_digit_of_its_valid_from_date(register, tmp_path):
    header = HEADER + ["Mã số BHXH", "Mã đối tượng", "Mã thẻ", "Hạn thẻ từ", "Hạn thẻ đến"]
    rows = [["Lê An", "1975", "H1", "Chủ hộ", "3601234567", "CN", "CN3363601234567", "01/01/2025", "31/12/2025"],
            ["Lê Bình", "1978", "H1", "Vợ", "3601234568", "CN", "CN2363601234568", "01/01/2026", "31/12/2026"],
            ["Lê Chi", "1979", "H1", "Con", "3601234569", "CN", "CN3363601234569", "01/01/2026", "31/12/2026"],
            ["Lê Dũng", "1980", "H1", "Con", "3601234570", "CN", "CN2363601234570", "2025", ""]]
    report, _ = run(register, tmp_path, header, rows)
    assert [(r, key) for r, _, key in reasons(report.warnings)] == [(4, "card.benefit_mismatch"),
                                                                   (5, "card.benefit_mismatch")]


def test_without_a_group_column_the_group_comes_from_the_card(register, tmp_path):
    _, persons = run(register, tmp_path, HEADER + ["Mã thẻ"], [["Lê An", "1975", "H1", "Chủ hộ", "TE1363609092025"]])
    assert persons["Lê An"].group_code == "TE" and persons["Lê An"].bhxh_code == "3609092025"


def test_places_addresses_phones_and_facilities(register, tmp_path):
    header = HEADER + ["Nơi đăng ký khai sinh", "Thôn", "Số điện thoại", "Nơi đăng ký KCB ban đầu"]
    rows = [["Lê An", "1975", "H1", "Chủ hộ", "Xã Hải Hậu, Huyện Hải Hậu, Tỉnh Nam Định", "Thôn  Đông", 912345678,
             "Trạm y tế xã Dân Lý"],
            ["Lê Bình", "1978", "H1", "Vợ", "", "", "gọi sau", ""]]
    report, persons = run(register, tmp_path, header, rows)
    an = persons["Lê An"]
    assert (an.birth_place, an.birth_place_key, an.birth_province_code) == (
        "Xã Hải Hậu, Huyện Hải Hậu, Tỉnh Nam Định", "xa hai hau huyen hai hau tinh nam dinh", "36")
    assert (an.address, an.phone, an.health_facility) == ("Thôn Đông", "0912345678", "Trạm y tế xã Dân Lý")
    assert persons["Lê Bình"].phone is None
    assert reasons(report.warnings) == [(3, "Số điện thoại", "row.phone_invalid")]


def test_csv_text_cells_are_read_like_xlsx_cells(register, tmp_path):
    header = HEADER + ["Mã số BHXH", "Số CCCD"]
    _report, persons = run(register, tmp_path, header, [["Lê An", "1975", "H1", "Chủ hộ", "123456789",
                                                        "36075012345"]], csv=True)
    assert persons["Lê An"].bhxh_code == "0123456789" and persons["Lê An"].id_number == "036075012345"
