"""Code tables and lookups: participant groups, ethnic groups, relations, provinces, sex (DOMAIN §5.4, §5.7, §5.8)."""
from datetime import date

import pytest

from app.domain import codes
from app.domain.codes import (
    benefit_level,
    cccd_province_codes,
    commune_lists,
    ethnic_code,
    ethnic_groups,
    ethnic_name,
    group,
    parse_sex,
    participant_groups,
    province_by_name,
    provinces_2025,
    provinces_by_name,
    provinces_pre2025,
    relation_code,
    relation_name,
    relations,
    successor_province,
)
from app.errors import HgdError


def test_tables_have_their_documented_sizes():
    assert len(participant_groups()) == 54
    assert len(ethnic_groups()) == 55
    assert len(provinces_pre2025()) == 63
    assert len(provinces_2025()) == 34
    assert len(relations()) == 17


def test_tables_load_once():
    assert participant_groups() is participant_groups()
    assert ethnic_groups() is ethnic_groups()


@pytest.mark.parametrize("code, commune_lists, paid_by, funding_source, state_support", [
    ("TE", True, "state budget", "Ngân sách nhà nước đóng", 100),
    ("HN", True, "state budget", "Ngân sách nhà nước đóng", 100),
    ("BT", True, "state budget", "Ngân sách nhà nước đóng", 100),
    ("LH", True, "state budget", "Ngân sách nhà nước đóng", 100),
    ("CN", True, "state supports", "Ngân sách nhà nước hỗ trợ, người tham gia đóng phần còn lại", 70),
    ("GB", True, "state supports", "Ngân sách nhà nước hỗ trợ, người tham gia đóng phần còn lại", 30),
    ("HS", False, "state supports", "Ngân sách nhà nước hỗ trợ, người tham gia đóng phần còn lại", 30),
    ("SV", False, "state supports", "Ngân sách nhà nước hỗ trợ, người tham gia đóng phần còn lại", 30),
    ("GD", True, "household", "Hộ gia đình đóng", 0),
    ("HC", False, "employer and employee", "Người sử dụng lao động và người lao động đóng", None),
    ("HT", False, "social insurance fund", "Quỹ bảo hiểm xã hội đóng", None),
    ("QN", False, "state budget", "Ngân sách nhà nước đóng", 100),
])
def test_participant_group_says_who_pays_and_the_state_support_rate(code, commune_lists, paid_by, funding_source,
                                                                   state_support):
    g = group(code)
    assert (g.code, g.commune_lists, g.paid_by, g.verified) == (code, commune_lists, paid_by, True)
    assert (g.funding_source, g.state_support) == (funding_source, state_support)


def test_unsure_funding_values_say_so_in_the_note():
    assert all("unsure" in group(code).note for code in ("CN", "GB", "GD"))


BEFORE, CHANGE = date(2025, 12, 31), date(2026, 1, 1)


@pytest.mark.parametrize("code, before, after", [
    ("CN", 3, 2),   # near-poor households: 2 from 1/1/2026 (Nghị quyết 261/2025/QH15, Công văn 38/BYT-BH)
    ("LH", 4, 2),   # people of 75+ on the social pension, new in 2025: 2 from 1/1/2026
    ("TE", 1, 1),
    ("HN", 2, 2),
    ("GD", 4, 4),
    ("QN", 5, 5),
    ("HT", 3, 3),
])
def test_benefit_digit_on_each_side_of_1_january_2026(code, before, after):
    assert (benefit_level(code, BEFORE), benefit_level(code, CHANGE)) == (before, after)
    assert group(code).benefit_on(BEFORE) == before


@pytest.mark.parametrize("on, digit", [
    (date(2015, 11, 16), 3), (date(2025, 12, 31), 3), (date(2026, 1, 1), 2), (date(2040, 1, 1), 2),
])
def test_near_poor_digit_is_3_until_31_december_2025_and_2_from_1_january_2026(on, digit):
    assert benefit_level("cn", on) == digit


def test_benefit_level_of_an_unknown_code_is_none():
    assert benefit_level("ZZ", CHANGE) is None
    assert benefit_level(None, CHANGE) is None


def test_every_group_has_exactly_one_digit_on_every_day():
    days = [date(1990, 1, 1), BEFORE, CHANGE, date(2099, 12, 31)]
    for g in participant_groups().values():
        for day in days:
            assert len([b for b in g.levels if b.in_force(day)]) == 1, (g.code, day)
        assert all(1 <= b.level <= 5 for b in g.levels), g.code


def test_only_cn_and_lh_have_dated_digits():
    assert {c for c, g in participant_groups().items() if len(g.levels) > 1} == {"CN", "LH"}


def test_levels_between_two_days_name_every_digit_in_force_oldest_first():
    cn = group("CN")
    assert [b.level for b in cn.levels_between(date(2025, 7, 1), date(2026, 6, 30))] == [3, 2]
    assert [b.level for b in cn.levels_between(BEFORE, BEFORE)] == [3]
    assert [b.level for b in cn.levels_between(CHANGE, CHANGE)] == [2]


# The ten codes of current claim-checking tables without a verified name (DOMAIN §5.4, §8), and LH, new in 2025.
NEW_CODES = {"AK": 2, "TG": 3, "DS": 3, "HK": 3, "ND": 4, "TH": 4, "TV": 4, "TD": 4, "TU": 4, "BA": 4}


@pytest.mark.parametrize("code, digit", sorted(NEW_CODES.items()))
def test_the_ten_unverified_codes_are_known_unverified_not_listed_and_their_digit_unsure(code, digit):
    g = group(code)
    assert (g.verified, g.commune_lists, g.state_support) == (False, False, None)
    assert [(b.level, b.sure) for b in g.levels] == [(digit, False)]
    assert "unverified" in g.note


def test_lh_is_a_verified_state_paid_group_the_commune_lists():
    g = group("LH")
    assert (g.verified, g.commune_lists, g.paid_by) == (True, True, "state budget")
    assert g.name.startswith("Người cao tuổi từ đủ 75 tuổi")


def test_only_changed_or_unverified_digits_are_unsure():
    unsure = {c for c, g in participant_groups().items() if not all(b.sure for b in g.levels)}
    assert unsure == {"HG", "CT", "PV"} | set(NEW_CODES)


def test_commune_lists_the_state_paid_supported_and_household_groups_usual_ones_first():
    listed = [g.code for g in commune_lists()]
    assert listed == ["TE", "HN", "DT", "DK", "XD", "BT", "CC", "CK", "CB", "KC", "TS", "TC", "PV", "XN", "MS", "HD",
                      "HG", "CN", "LH", "GB", "GD"]
    assert set(listed) == {c for c, g in participant_groups().items() if g.commune_lists}
    assert not {"HS", "SV", "HC", "XK", "DN", "HT", "QN", "AK"} & set(listed)
    assert all(g.funding_source and g.state_support is not None for g in commune_lists())


def test_group_lookup_forgives_case_and_spaces_and_knows_unknown():
    assert group(" te ").code == "TE"
    assert group("ZZ") is None
    assert group(None) is None


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


def _level_rows(*periods):
    return [{"code": "CN", "benefit_level": str(level), "valid_from": start, "valid_to": end, "sure": "yes"}
            for level, start, end in periods]


@pytest.mark.parametrize("periods", [
    [(3, "", "2025-12-30"), (2, "2026-01-01", "")],   # a gap on 31/12/2025
    [(3, "", "2026-01-01"), (2, "2026-01-01", "")],   # an overlap on 1/1/2026
    [(3, "", "2025-12-31")],                          # no digit after 2025
    [(3, "2015-01-01", "")],                          # no digit before 2015
    [(3, "", ""), (2, "2026-01-01", "")],             # two open periods
])
def test_benefit_levels_file_with_a_gap_or_overlap_is_refused(monkeypatch, periods):
    monkeypatch.setattr(codes, "_rows", lambda *parts: _level_rows(*periods))
    with pytest.raises(ValueError, match="CN"):
        codes._benefit_levels()


def test_benefit_levels_file_read_back_in_order_whatever_the_row_order(monkeypatch):
    monkeypatch.setattr(codes, "_rows", lambda *parts: _level_rows((2, "2026-01-01", ""), (3, "", "2025-12-31")))
    assert [b.level for b in codes._benefit_levels()["CN"]] == [3, 2]
