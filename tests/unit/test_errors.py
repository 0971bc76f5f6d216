"""A message may name its own {key}: the error's key and language stay positional."""
from __future__ import annotations

import pytest

from app import messages
from app.errors import HgdError
from app.registry import SetParameter


def test_a_message_parameter_named_key_fills_the_message():
    err = HgdError("parameter.unknown", key="lương", keys="base_salary")
    assert err.key == "parameter.unknown" and err.params["key"] == "lương"
    assert "Không có tham số 'lương'" in str(err)
    assert messages.render("parameter.unknown", "en", key="x", keys="y") == "There is no parameter 'x'. The parameters: y."


@pytest.mark.parametrize(("key", "value", "expected"), [("salary", 1, "parameter.unknown"),
                                                         ("base_salary", -5, "parameter.bad_value")])
def test_a_bad_parameter_is_refused_with_its_message(register, key, value, expected):
    with pytest.raises(HgdError) as err:
        register.apply(SetParameter(key=key, value=value, valid_from="2027-01-01"))
    assert err.value.key == expected and key in str(err.value)
