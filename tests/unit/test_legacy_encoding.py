"""Legacy font encodings TCVN3 and VNI (DOMAIN §7, resources/codes/encodings/README.md)."""
import unicodedata

import pytest

from app.domain import syllables
from app.domain.legacy import (
    detect_encoding,
    tcvn3_to_unicode,
    to_unicode,
    unicode_to_tcvn3,
    unicode_to_vni,
    vni_to_unicode,
)

SHY = "\u00ad"  # TCVN3 "ư" is the soft-hyphen byte 0xAD

NAMES = [
    "Nguyễn Văn Hùng", "Trương Thị Thu Hằng", "Hoàng Thị Thu Hằng", "Đỗ Đức Thắng", "Phạm Ngọc Ánh",
    "Lê Thị Hồng Nhung", "Vũ Quốc Trưởng", "Bùi Thị Thuỷ", "Đặng Hữu Nghĩa", "Huỳnh Quỳnh Như",
    "Ngô Thị Diễm Kiều", "Dương Văn Lực", "Tạ Thị Ngần", "Khuất Duy Tiến", "Lương Thế Vinh",
    "Xã Hải Hậu, Huyện Hải Hậu, Tỉnh Nam Định", "Phường Thủy Xuân, Thành phố Huế", "Thôn Đông Hưng Yên",
    "Người dân tộc Khơ-me ở Sóc Trăng", "Rượu ngoài khuỷu thuở giữa quý",
]


@pytest.mark.parametrize("legacy, unicode", [
    ("NguyÔn V¨n Hïng", "Nguyễn Văn Hùng"),
    (f"Tr{SHY}¬ng ThÞ Thu H»ng", "Trương Thị Thu Hằng"),
    ("Tr¬ng ThÞ Thu H»ng", "Trơng Thị Thu Hằng"),  # without the soft hyphen the ư is gone: byte-exact conversion
    ("§ç §øc Th¾ng", "Đỗ Đức Thắng"),
    ("Hoµng ThÞ Thu H»ng", "Hoàng Thị Thu Hằng"),
    ("Ph¹m Ngäc ¸nh", "Phạm Ngọc ánh"),  # a toned capital has no TCVN3 code: lower case in a .VnTime font
    ("X· H¶i HËu, HuyÖn H¶i HËu, TØnh Nam §Þnh", "Xã Hải Hậu, Huyện Hải Hậu, Tỉnh Nam Định"),
    ("NGUYÔN V¨N HïNG", "NGUYỄN VĂN HÙNG"),  # a capital font (.VnTimeH): all-capital ASCII letters
    ("TR¦êNG", "TRƯỜNG"),
    ("Lª", "Lê"),  # one capital letter is not a capital font
    ("Nguyen Van Hung", "Nguyen Van Hung"),
])
def test_tcvn3_names_convert_to_unicode(legacy, unicode):
    assert tcvn3_to_unicode(legacy) == unicode


def test_tcvn3_capitals_flag_upper_cases_everything():
    assert tcvn3_to_unicode("Ph¹m Ngäc ¸nh", capitals=True) == "PHẠM NGỌC ÁNH"


@pytest.mark.parametrize("legacy, unicode", [
    ("Nguyeãn Vaên Huøng", "Nguyễn Văn Hùng"),
    ("Hoaøng Thò Thu Haèng", "Hoàng Thị Thu Hằng"),
    ("Ñoã Ñöùc Thaéng", "Đỗ Đức Thắng"),
    ("NGUYEÃN VAÊN HUØNG", "NGUYỄN VĂN HÙNG"),
    ("Tröông Thò Thu Haèng", "Trương Thị Thu Hằng"),
    ("Phaïm Ngoïc AÙnh", "Phạm Ngọc Ánh"),
    ("Phaïm Ngoïc Aùnh", "Phạm Ngọc Ánh"),  # a lower-case mark after a capital letter
    ("Ngöôøi", "Người"),
    ("Nghóa", "Nghĩa"),
    ("Khuyûu", "Khuỷu"),
    ("Lyù Thò Kyø", "Lý Thị Kỳ"),
    ("Xaõ Haûi Haäu, Huyeän Haûi Haäu, Tænh Nam Ñònh", "Xã Hải Hậu, Huyện Hải Hậu, Tỉnh Nam Định"),
    ("ÑOÃ ÑÖÙC THAÉNG", "ĐỖ ĐỨC THẮNG"),
    ("Nguyen Van Hung", "Nguyen Van Hung"),
])
def test_vni_names_convert_to_unicode(legacy, unicode):
    assert vni_to_unicode(legacy) == unicode


@pytest.mark.parametrize("name", NAMES)
def test_vni_round_trip_of_real_names(name):
    assert vni_to_unicode(unicode_to_vni(name)) == name
    assert vni_to_unicode(unicode_to_vni(name.upper())) == name.upper()


@pytest.mark.parametrize("name", NAMES)
def test_tcvn3_round_trip_of_real_names_in_lower_and_capital_fonts(name):
    lower = name.lower()
    assert tcvn3_to_unicode(unicode_to_tcvn3(lower)) == lower
    assert tcvn3_to_unicode(unicode_to_tcvn3(name, capitals=True)) == name.upper()


def test_every_vietnamese_letter_survives_both_round_trips():
    for letter in syllables.LETTERS:
        for ch in (letter, letter.upper()):
            assert vni_to_unicode(unicode_to_vni(ch)) == ch, ch
        assert tcvn3_to_unicode(unicode_to_tcvn3(letter)) == letter, letter


def test_encoders_write_only_latin1_characters():
    for name in NAMES:
        assert all(ord(c) <= 0xFF for c in unicode_to_vni(name)), name
        assert all(ord(c) <= 0xFF for c in unicode_to_tcvn3(name)), name


def test_converted_text_is_nfc():
    for s in (tcvn3_to_unicode("NguyÔn"), vni_to_unicode("Nguyeãn")):
        assert unicodedata.is_normalized("NFC", s)


TCVN3_COLUMN = [unicode_to_tcvn3(n) for n in NAMES]
VNI_COLUMN = [unicode_to_vni(n) for n in NAMES]


@pytest.mark.parametrize("samples, encoding", [
    (TCVN3_COLUMN, "tcvn3"),
    (VNI_COLUMN, "vni"),
    (NAMES, "unicode"),
    ([unicodedata.normalize("NFD", n) for n in NAMES], "unicode"),
    ([n.upper() for n in NAMES], "unicode"),
    ([unicode_to_vni(n.upper()) for n in NAMES], "vni"),
    ([unicode_to_tcvn3(n, capitals=True) for n in NAMES], "tcvn3"),
    (["NguyÔn V¨n Hïng"], "tcvn3"),
    (["Nguyeãn Vaên Huøng"], "vni"),
    (["Nguyen Van Hung", "Tran Thi Mai", "12/03/1990"], "unicode"),  # plain ASCII
    (["Hà", "Bình", "Lê", "Hồ"], "unicode"),                         # Latin-1-only Unicode words
    ([], "unicode"),
    ([None, 12, 3.5], "unicode"),
    (NAMES[:10] + TCVN3_COLUMN[10:], "tcvn3"),  # half already converted: the rest still needs converting
])
def test_detect_encoding_judges_a_whole_column(samples, encoding):
    assert detect_encoding(samples) == encoding


@pytest.mark.parametrize("cell", ["Nguyễn Văn Hùng", "Đỗ Đức Thắng", "Trương Thị Thu Hằng"])
@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_a_unicode_cell_is_never_converted_whatever_the_sheet(cell, encoding):
    assert to_unicode(cell, encoding) == cell


@pytest.mark.parametrize("encoding", ["unicode", "tcvn3", "vni"])
def test_ascii_passes_unchanged(encoding):
    assert to_unicode("Nguyen Van Hung 12/03/1990", encoding) == "Nguyen Van Hung 12/03/1990"


def test_to_unicode_converts_a_legacy_cell_and_composes_unicode():
    assert to_unicode("NguyÔn V¨n Hïng", "tcvn3") == "Nguyễn Văn Hùng"
    assert to_unicode("Nguyeãn Vaên Huøng", "vni") == "Nguyễn Văn Hùng"
    assert to_unicode(unicodedata.normalize("NFD", "Hùng"), "unicode") == "Hùng"


def test_to_unicode_refuses_an_unknown_encoding():
    with pytest.raises(ValueError):
        to_unicode("x", "viqr")


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_an_nfd_unicode_cell_is_not_converted_either(encoding):
    cell = unicodedata.normalize("NFD", "Hoàng Thị Thu Hằng")
    assert to_unicode(cell, encoding) == "Hoàng Thị Thu Hằng"
