"""Vietnamese text: storage normalisation, comparison keys, names (DOMAIN §7)."""
import unicodedata

import pytest

from app.domain import syllables
from app.domain.text import (
    has_vietnamese_marks,
    is_all_caps,
    nfc,
    search_key,
    split_name,
    title_case_vi,
    tone_key,
)


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


@pytest.mark.parametrize("raw, stored", [
    ("  Nguyễn   Văn Hùng ", "Nguyễn Văn Hùng"),
    ("Nguyễn\u00a0Văn\tHùng", "Nguyễn Văn Hùng"),
    ("Nguyễn\nVăn\r\nHùng", "Nguyễn Văn Hùng"),
    (nfd("Nguyễn Văn Hùng"), "Nguyễn Văn Hùng"),
    ("Hoà", "Hoà"),          # the clerk's tone placement is kept
    ("NGUYỄN", "NGUYỄN"),    # and the case
    ("Lê\u200b Thị", "Lê Thị"),
    ("", ""),
    (None, ""),
])
def test_nfc_composes_and_tidies_spaces_but_keeps_spelling(raw, stored):
    assert nfc(raw) == stored


def test_nfc_output_is_unicode_nfc():
    assert unicodedata.is_normalized("NFC", nfc(nfd("Trương Thị Thu Hằng")))


def test_nfc_keeps_the_soft_hyphen_that_is_tcvn3_u_horn():
    assert nfc("Tr\u00ad\u00acng") == "Tr\u00ad\u00acng"


@pytest.mark.parametrize("raw", [
    "NGUYỄN  văn HÙNG",
    "Nguyễn Văn Hùng",
    nfd("Nguyễn Văn Hùng"),
    "nguyen van hung",
    " Nguyễn\u00a0Văn\tHùng ",
    "Nguyễn-Văn  Hùng.",
    "NGUYEN VAN HUNG",
])
def test_search_key_of_the_same_name_written_many_ways_is_one_key(raw):
    assert search_key(raw) == "nguyen van hung"


@pytest.mark.parametrize("raw, key", [
    ("Đỗ Đức Thắng", "do duc thang"),
    ("ĐẶNG THỊ ĐÀO", "dang thi dao"),
    ("H'Mông", "h mong"),
    ("Khơ-me", "kho me"),
    ("Bà Rịa - Vũng Tàu", "ba ria vung tau"),
    ("Hoà", "hoa"),
    ("Hòa", "hoa"),
    ("Thuý", "thuy"),
    ("Ưng Ước Ơn", "ung uoc on"),
    ("Tổ 5, thôn Đông", "to 5 thon dong"),
    ("\u00d0ào", "dao"),  # the Icelandic eth some keyboards type for Đ
    ("", ""),
    (None, ""),
    ("   ", ""),
])
def test_search_key_drops_marks_case_and_punctuation(raw, key):
    assert search_key(raw) == key


def test_search_key_of_every_vietnamese_letter_is_its_ascii_base():
    for letter, (bare, _tone) in syllables.LETTERS.items():
        expected = {"ă": "a", "â": "a", "ê": "e", "ô": "o", "ơ": "o", "ư": "u", "đ": "d"}.get(bare, bare)
        assert search_key(letter) == expected, letter
        assert search_key(letter.upper()) == expected, letter.upper()
        assert search_key(nfd(letter.upper())) == expected, letter


@pytest.mark.parametrize("a, b", [
    ("hoà", "hòa"),
    ("thuý", "thúy"),
    ("khoẻ", "khỏe"),
    ("Hoà Bình", "HÒA BÌNH"),
    ("Thanh Hoá", "Thanh Hóa"),
    ("oà", "òa"),
    ("uý", "úy"),
    ("oẻ", "ỏe"),
    ("Quỳnh", "QUỲNH"),
    ("Huỳnh", "huỳnh"),
    ("Khánh Hoà", nfd("khánh hòa")),
    ("Nguyễn  Thị   Thuỷ", "nguyễn thị thủy"),
    ("ngoài", "ngòai"),   # three-vowel nucleus written with the tone on the first vowel
    ("Đào", "\u00d0ào"),  # the Icelandic eth some keyboards type for Đ
])
def test_tone_key_unifies_the_two_tone_placement_conventions(a, b):
    assert tone_key(a) == tone_key(b)


@pytest.mark.parametrize("a, b", [
    ("Hùng", "Hưng"),
    ("Hoà", "Hoa"),
    ("Thủy", "Thuỵ"),
    ("Đào", "Dao"),
    ("Quý", "Quỳ"),
])
def test_tone_key_keeps_diacritics_apart(a, b):
    assert tone_key(a) != tone_key(b)


@pytest.mark.parametrize("word", ["hoàn", "toán", "quốc", "người", "rượu", "giữa", "gìn", "già", "thuở", "khuỷu",
                                  "mùa", "múi", "máy", "tuần", "thuế", "hoặc", "khuya", "quý", "nguyễn"])
def test_tone_key_leaves_canonically_placed_words_alone(word):
    assert tone_key(word) == word


@pytest.mark.parametrize("full, parts", [
    ("Nguyễn Văn Hùng", ("Nguyễn", "Văn", "Hùng")),
    ("Tôn Nữ Thị Ngọc Lan", ("Tôn", "Nữ Thị Ngọc", "Lan")),
    ("Lê Hoa", ("Lê", "", "Hoa")),
    ("Hoa", ("", "", "Hoa")),
    ("  Trần   Thị  Mai ", ("Trần", "Thị", "Mai")),
    ("", ("", "", "")),
    (None, ("", "", "")),
])
def test_split_name_given_name_is_the_last_word(full, parts):
    assert split_name(full) == parts


@pytest.mark.parametrize("s, caps", [
    ("NGUYỄN VĂN HÙNG", True),
    ("Nguyễn Văn Hùng", False),
    ("NGUYỄN Văn HÙNG", False),
    ("123", False),
    ("", False),
    (None, False),
    ("ĐỖ 2", True),
])
def test_is_all_caps(s, caps):
    assert is_all_caps(s) is caps


@pytest.mark.parametrize("s, titled", [
    ("NGUYỄN VĂN HÙNG", "Nguyễn Văn Hùng"),
    ("nguyễn văn hùng", "Nguyễn Văn Hùng"),
    ("ĐỖ  THỊ   ĐÀO", "Đỗ Thị Đào"),
    (nfd("ĐẶNG ÁNH"), "Đặng Ánh"),
    ("", ""),
])
def test_title_case_vi(s, titled):
    assert title_case_vi(s) == titled


@pytest.mark.parametrize("s, marked", [
    ("Nguyễn", True),
    ("Đo", True),
    ("đ", True),
    (nfd("Hà"), True),
    ("Nguyen Van Hung", False),
    ("", False),
    (None, False),
])
def test_has_vietnamese_marks(s, marked):
    assert has_vietnamese_marks(s) is marked
