"""Birth-registration places written the old way, the new way, short, abbreviated or without commune compare equal."""
from __future__ import annotations

import pytest

from app.review.places import parse_place

DAN_LY = ["Xã Dân Lý, Huyện Triệu Sơn, Tỉnh Thanh Hóa", "X. Dân Lý - H. Triệu Sơn - T. Thanh Hóa",
          "Dân Lý, Triệu Sơn, Thanh Hóa", "xa dan ly huyen trieu son tinh thanh hoa",
          "XÃ DÂN LÝ, HUYỆN TRIỆU SƠN,  TỈNH THANH HÓA"]


@pytest.mark.parametrize("text", DAN_LY)
def test_one_commune_written_five_ways(text):
    place = parse_place(text)
    assert (place.province, place.commune, place.old_commune) == (38, 15664, 15703)


def test_old_commune_and_its_2025_successor_are_one_place():
    old = parse_place("Xã Hải Minh, Huyện Hải Hậu, Tỉnh Nam Định")
    new = parse_place("Xã Hải Anh, Tỉnh Ninh Bình")
    assert old.commune == new.commune == 14236 and old.province == new.province == 37
    assert (old.style, new.style) == ("old", "new")


@pytest.mark.parametrize("text, province", [("Huyện Triệu Sơn, Tỉnh Thanh Hóa", 38), ("Tỉnh Nam Định", 37),
                                            ("TP Hồ Chí Minh", 79), ("Bà Rịa - Vũng Tàu", 79)])
def test_a_place_without_commune_keeps_its_2025_province(text, province):
    place = parse_place(text)
    assert (place.province, place.commune, place.style) == (province, -1, "partial")


@pytest.mark.parametrize("text", ["", None, "   ", "blah blah", "Xã Không Có, Huyện Nào Đó"])
def test_unreadable_or_empty_places_are_unread(text):
    assert parse_place(text).style == "unread"


def test_a_province_name_with_a_dash_is_not_split():
    place = parse_place("Xã Long Sơn, Thành phố Vũng Tàu, Tỉnh Bà Rịa - Vũng Tàu")
    assert place.province == 79 and place.commune != -1


@pytest.mark.parametrize("text", ["Xã Trực Hùng, Huyện Trực Ninh, Tỉnh Nam Định", "Trực Hùng, Trực Ninh, Nam Định",
                                  "X. Trực Hùng - H. Trực Ninh - T. Nam Định", "Xã Ninh Cường, Tỉnh Ninh Bình"])
def test_communes_whose_names_differ_only_by_their_marks_are_two_places(text):
    # Trực Hùng (now part of Ninh Cường) and Trực Hưng (now part of Trực Ninh) lie in one district
    hung = parse_place("Xã Trực Hưng, Huyện Trực Ninh, Tỉnh Nam Định")
    assert parse_place(text).commune == 14077 != hung.commune == 14053
    assert parse_place("Xã Trực Hùng, Huyện Trực Ninh, Tỉnh Nam Định").old_commune == 14083
    assert hung.old_commune == 14050


@pytest.mark.parametrize("text", ["Thành phố Phan Rang - Tháp Chàm, Tỉnh Ninh Thuận",
                                  "TP. Phan Rang - Tháp Chàm - T. Ninh Thuận", "Phan Rang - Tháp Chàm, Ninh Thuận"])
def test_a_district_name_with_a_dash_is_one_district(text):
    place = parse_place(text)
    commune = parse_place("Văn Hải, Phan Rang - Tháp Chàm, Ninh Thuận")
    assert (place.style, place.commune) == ("partial", -1)
    assert place.district == commune.district == parse_place("X. Văn Hải - TP. Phan Rang - Tháp Chàm - "
                                                              "T. Ninh Thuận").district != -1


@pytest.mark.parametrize("text", ["Phường Văn Miếu - Quốc Tử Giám, Thành phố Hà Nội",
                                  "Văn Miếu - Quốc Tử Giám, Hà Nội"])
def test_a_2025_ward_name_with_a_dash_is_one_ward(text):
    assert (parse_place(text).style, parse_place(text).commune) == ("new", 226)
