"""Code tables and lookups: participant groups, ethnic groups, relations, provinces, sex (DOMAIN §5.4, §5.7, §5.8)."""
import pytest

from app.domain import codes
from app.domain.codes import (
    cccd_province_codes, ethnic_code, ethnic_groups, ethnic_name, group, parse_sex, participant_groups,
    province_by_name, provinces_2025, provinces_by_name, provinces_pre2025, relation_code, relation_name, relations,
    successor_province,
)
from app.errors import HgdError


def test_tables_have_their_documented_sizes():
    assert len(participant_groups()) == 43
    assert len(ethnic_groups()) == 55
    assert len(provinces_pre2025()) == 63
    assert len(provinces_2025()) == 34
    assert len(relations()) == 17


def test_tables_load_once():
    assert participant_groups() is participant_groups()
    assert ethnic_groups() is ethnic_groups()


@pytest.mark.parametrize("code, benefit, commune_lists, paid_by", [
    ("TE", 1, True, "state budget"),
    ("HN", 2, True, "state budget"),
    ("CN", 3, True, "state supports"),
    ("GD", 4, True, "household"),
    ("HS", 4, False, "state supports"),
    ("QN", 5, False, "state budget"),
])
def test_participant_group(code, benefit, commune_lists, paid_by):
    g = group(code)
    assert (g.code, g.benefit_level, g.commune_lists, g.paid_by) == (code, benefit, commune_lists, paid_by)


def test_group_lookup_forgives_case_and_spaces_and_knows_unknown():
    assert group(" te ").code == "TE"
    assert group("ZZ") is None
    assert group(None) is None


def test_groups_with_an_unsure_benefit_digit_say_so():
    assert {c for c, g in participant_groups().items() if g.benefit_unsure} == {"BT", "HG", "LS"}


@pytest.mark.parametrize("text, code", [
    ("Kinh", "01"), ("kinh", "01"), ("KINH", "01"), ("Việt", "01"), ("1", "01"), ("01", "01"), (1, "01"),
    (8.0, "08"), ("Dân tộc Kinh", "01"), ("DT Tày", "02"),
    ("Khơ-me", "05"), ("Khmer", "05"), ("Khơ Me", "05"), ("khome", "05"), ("Khơme", "05"),
    ("H'Mông", "08"), ("Hmông", "08"), ("Mông", "08"), ("Mèo", "08"), ("HMONG", "08"), ("h mong", "08"),
    ("Ê-đê", "12"), ("Ede", "12"), ("Gia Rai", "10"), ("Jrai", "10"), ("Bru-Vân Kiều", "23"), ("Vân Kiều", "23"),
    ("Người nước ngoài", "55"), ("Thái", "03"), ("Thổ", "24"), ("  Mường ", "06"),
])
def test_ethnic_code_matches_names_aliases_and_numbers(text, code):
    assert ethnic_code(text) == code


@pytest.mark.parametrize("text", [None, "", "Klingon", "99", "0", float("nan")])
def test_ethnic_code_unknown_is_none(text):
    assert ethnic_code(text) is None


def test_every_ethnic_name_and_alias_finds_its_own_code():
    for row in codes._rows("ethnic_groups.csv"):
        for name in codes._names(row):
            assert ethnic_code(name) == row["code"], name


def test_ethnic_name():
    assert ethnic_name("08") == "Mông"
    assert ethnic_name("8") == "Mông"
    assert ethnic_name("99") is None


@pytest.mark.parametrize("text, code", [
    ("Chủ hộ", "chu_ho"), ("CH", "chu_ho"), ("ch", "chu_ho"), ("chu ho", "chu_ho"), ("CHỦ HỘ", "chu_ho"),
    ("Chủ", "chu_ho"), ("Vợ", "vo"), ("Vo", "vo"), ("Chồng", "chong"), ("Con", "con"), ("Con đẻ", "con"),
    ("Con trai", "con"), ("Con gái", "con"), ("con gai", "con"), ("Con dâu", "con_dau"), ("Con rể", "con_re"),
    ("Cháu", "chau"), ("Cha", "bo"), ("Bố", "bo"), ("Mẹ", "me"), ("Má", "me"), ("Ông nội", "ong"),
    ("Bà", "ba"), ("Bà ngoại", "ba"), ("Anh", "anh"), ("Chị", "chi"), ("Em gái", "em"),
    ("Cháu nội", "chau_noi"), ("chau ngoai", "chau_ngoai"), ("Khác", "khac"), ("Chú", "khac"), ("Mẹ vợ", "khac"),
    ("Hoà", None), ("", None), (None, None),
])
def test_relation_code(text, code):
    assert relation_code(text) == code


@pytest.mark.parametrize("text", ["Ba", "ba", "chu"])
def test_relation_without_diacritics_that_could_mean_two_is_none(text):
    assert relation_code(text) is None


def test_every_relation_name_finds_its_code_and_back():
    for code, name in relations().items():
        assert relation_code(name) == code
        assert relation_name(code) == name
    assert relation_name(codes.HEAD) == "Chủ hộ"


@pytest.mark.parametrize("text, found", [
    ("Nam Định", ("36", "pre2025")),
    ("Tỉnh Nam Định", ("36", "pre2025")),
    ("nam dinh", ("36", "pre2025")),
    ("TP Hồ Chí Minh", ("79", "pre2025")),
    ("Thành phố Hồ Chí Minh", ("79", "pre2025")),
    ("TP.HCM", ("79", "pre2025")),
    ("HCM", ("79", "pre2025")),
    ("Huế", ("46", "2025")),
    ("Thừa Thiên Huế", ("46", "pre2025")),
    ("Tỉnh Hoà Bình", ("17", "pre2025")),
    ("Đăk Lăk", ("66", "pre2025")),
    ("Bà Rịa-Vũng Tàu", ("77", "pre2025")),
    ("Atlantis", None),
    ("", None),
])
def test_province_by_name(text, found):
    assert province_by_name(text) == found


def test_a_name_used_in_both_eras_lists_both_codes():
    assert provinces_by_name("Lào Cai") == [("10", "pre2025"), ("15", "2025")]
    assert provinces_by_name("Ninh Bình") == [("37", "pre2025"), ("37", "2025")]


@pytest.mark.parametrize("old, new", [
    ("36", "37"), ("036", "37"), ("35", "37"), ("37", "37"), ("01", "01"), ("1", "01"), ("15", "15"), ("10", "15"),
    ("74", "79"), ("77", "79"), ("46", "46"), ("99", None),
])
def test_successor_province(old, new):
    assert successor_province(old) == new


def test_every_old_province_has_a_successor():
    assert all(successor_province(code) in provinces_2025() for code in provinces_pre2025())


def test_cccd_province_codes_have_three_digits_and_a_leading_zero():
    found = cccd_province_codes()
    assert {"001", "036", "079", "096"} <= found
    assert all(len(c) == 3 and c[0] == "0" for c in found)
    assert len(found) == 63  # every new code is an old one's


@pytest.mark.parametrize("value, sex", [
    ("Nam", "M"), ("nam", "M"), ("NAM", "M"), ("M", "M"), ("m", "M"),
    ("Nữ", "F"), ("nữ", "F"), ("NỮ", "F"), ("Nu", "F"), ("F", "F"), (" nu ", "F"),
    (None, None), ("", None), ("  ", None), (float("nan"), None), ("Chưa xác định", None),
])
def test_parse_sex(value, sex):
    assert parse_sex(value) == sex


@pytest.mark.parametrize("value", [1, "1", "0", 2, 1.0])
def test_numeric_sex_is_ambiguous_without_a_mapping(value):
    with pytest.raises(HgdError) as e:
        parse_sex(value)
    assert e.value.key == "sex.ambiguous"


def test_numeric_sex_with_the_callers_mapping():
    mapping = {"1": "M", "2": "F", "3": None}
    assert [parse_sex(v, numeric=mapping) for v in (1, "2", 3.0)] == ["M", "F", None]


@pytest.mark.parametrize("value", ["x", "Ông", "abc"])
def test_unknown_sex_text_is_unreadable(value):
    with pytest.raises(HgdError) as e:
        parse_sex(value)
    assert e.value.key == "sex.unreadable"
    assert f"'{value}'" in str(e.value)
