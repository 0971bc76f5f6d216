"""Social-insurance code (mã số BHXH), 10 digits (DOMAIN §5.2)."""
import pytest

from app.domain.bhxh import is_valid_bhxh, normalise_bhxh
from app.errors import HgdError


@pytest.mark.parametrize("raw, expected", [
    ("3609092025", ("3609092025", False)),
    ("36 0909 2025", ("3609092025", False)),
    (" 3609092025 ", ("3609092025", False)),
    ("'0109092025", ("0109092025", False)),
    (3609092025, ("3609092025", False)),
    (3609092025.0, ("3609092025", False)),
    ("3609092025.0", ("3609092025", False)),
    (109092025, ("0109092025", True)),        # 9 digits: Excel lost one leading zero
    (9092025, None),                          # 7 digits: too short to restore
    (10909202, ("0010909202", True)),         # 8 digits
    ("109092025", ("0109092025", True)),
])
def test_normalise_bhxh_restores_leading_zeros_of_8_or_9_digits(raw, expected):
    if expected is None:
        with pytest.raises(HgdError):
            normalise_bhxh(raw)
    else:
        assert normalise_bhxh(raw) == expected


@pytest.mark.parametrize("raw", [
    None, "", "0.0", 0, "36090920251", "360909202A", "36.0909.2025", 3609092025.5, -3609092025, True, "١٢٣٤٥٦٧٨٩٠",
    "3.609092025E+09",
])
def test_normalise_bhxh_refuses_anything_else(raw):
    with pytest.raises(HgdError) as e:
        normalise_bhxh(raw)
    assert e.value.key == "bhxh.malformed"


def test_malformed_message_names_the_value_and_the_rule():
    with pytest.raises(HgdError) as e:
        normalise_bhxh("12345")
    assert str(e.value) == "Mã số BHXH '12345' không hợp lệ: cần đúng 10 chữ số"


@pytest.mark.parametrize("s, valid", [
    ("3609092025", True),
    ("0109092025", True),
    ("109092025", False),
    ("36090920251", False),
    ("360909202A", False),
    (3609092025, False),
    (None, False),
])
def test_is_valid_bhxh_is_exactly_ten_digits(s, valid):
    assert is_valid_bhxh(s) is valid
