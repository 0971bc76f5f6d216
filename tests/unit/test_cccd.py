"""CCCD / personal identification number (DOMAIN §5.1)."""
import pytest

from app.domain.cccd import cccd_province, check_cccd, normalise_id_number
from app.domain.dates import PartialDate
from app.errors import HgdError


@pytest.mark.parametrize("raw, expected", [
    ("036185012345", ("036185012345", "cccd")),
    ("036 185 012 345", ("036185012345", "cccd")),
    ("036.185.012.345", ("036185012345", "cccd")),
    ("036-185-012345", ("036185012345", "cccd")),
    ("'036185012345", ("036185012345", "cccd")),
    (" 036185012345 ", ("036185012345", "cccd")),
    (36185012345, ("036185012345", "cccd")),        # Excel lost the leading zero
    (36185012345.0, ("036185012345", "cccd")),
    ("36185012345.0", ("036185012345", "cccd")),
    ("36185012345", ("036185012345", "cccd")),
    (162345678, ("162345678", "cmnd")),
    ("162345678", ("162345678", "cmnd")),
    (12345678, ("012345678", "cmnd")),               # 8 digits: an old CMND that lost its zero
])
def test_normalise_id_number(raw, expected):
    assert normalise_id_number(raw) == expected


@pytest.mark.parametrize("raw", [
    None, "", "abc", "03618501234X", "0361850123456", "1234567", "3.6185E+10", 36185012345.5, -36185012345, True,
    "036185012345678",
])
def test_normalise_id_number_refuses_anything_else(raw):
    with pytest.raises(HgdError) as e:
        normalise_id_number(raw)
    assert e.value.key == "cccd.malformed"


def test_malformed_message_names_the_value():
    with pytest.raises(HgdError) as e:
        normalise_id_number("12AB")
    assert "'12AB'" in str(e.value)


def codes_of(findings):
    return [f.code for f in findings]


def test_cccd_of_a_woman_born_1985_in_nam_dinh_is_consistent():
    assert check_cccd("036185012345", sex="F", birth=PartialDate(1985, 6, 1)) == []


@pytest.mark.parametrize("number, sex, year", [
    ("036085012345", "M", 1985),
    ("036185012345", "F", 1985),
    ("001205012345", "M", 2005),
    ("001305012345", "F", 2005),
    ("001999012345", "F", 1899),
    ("001899012345", "M", 1899),
    ("001999012345", "F", None),
    ("001899012345", None, 1899),
])
def test_cccd_digit4_agrees_with_sex_and_century(number, sex, year):
    birth = PartialDate(year) if year else None
    assert check_cccd(number, sex=sex, birth=birth) == []


def test_cccd_digit4_female_born_1985_is_1():
    findings = check_cccd("036085012345", sex="F", birth=PartialDate(1985))
    assert codes_of(findings) == ["cccd.sex_mismatch"]


@pytest.mark.parametrize("number, sex, birth, expected", [
    ("036185012345", "M", PartialDate(1985), ["cccd.sex_mismatch"]),
    ("036385012345", "F", PartialDate(1985), ["cccd.century_mismatch"]),
    ("036185012345", "F", PartialDate(1986), ["cccd.year_mismatch"]),
    ("036185012345", "F", PartialDate(1986, 3, 2), ["cccd.year_mismatch"]),
    ("036185012345", "F", PartialDate(2085), ["cccd.century_mismatch"]),
    ("099185012345", "F", PartialDate(1985), ["cccd.unknown_province"]),
    ("003185012345", None, None, ["cccd.unknown_province"]),
    ("099085012345", "F", PartialDate(1990), ["cccd.unknown_province", "cccd.sex_mismatch", "cccd.year_mismatch"]),
])
def test_contradictions_are_findings(number, sex, birth, expected):
    assert codes_of(check_cccd(number, sex=sex, birth=birth)) == expected


def test_unknown_sex_and_birth_check_only_the_province():
    assert check_cccd("079185012345", sex=None, birth=None) == []


def test_old_cmnd_is_flagged_not_rejected():
    findings = check_cccd("162345678", sex="M", birth=PartialDate(1960))
    assert codes_of(findings) == ["cccd.old_cmnd"]
    assert "162345678" in findings[0].message()


def test_unnormalised_number_is_a_finding():
    assert codes_of(check_cccd("12345", sex=None, birth=None)) == ["cccd.malformed"]


def test_finding_messages_name_the_number_in_both_languages():
    (finding,) = check_cccd("036185012345", sex="F", birth=PartialDate(1986))
    assert finding.message("vi") == "Số CCCD '036185012345': chữ số 5–6 là 85, nhưng năm sinh là 1986"
    assert finding.message("en") == "CCCD '036185012345': digits 5–6 are 85, but the birth year is 1986"
    (finding,) = check_cccd("036185012345", sex="M", birth=None)
    assert "nữ" in finding.message("vi") and "female" in finding.message("en")


@pytest.mark.parametrize("number, province", [
    ("036185012345", "Nam Định"),
    ("001085012345", "Hà Nội"),
    ("079185012345", "Hồ Chí Minh"),
    ("056185012345", "Khánh Hòa"),
    ("099185012345", None),
    ("", None),
    ("1234", None),
])
def test_cccd_province(number, province):
    assert cccd_province(number) == province
