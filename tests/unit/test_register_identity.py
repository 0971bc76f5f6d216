"""Whose register it is: a commune's or an office's."""
from __future__ import annotations

from app.exchange.office import create_office
from app.register import Register


def test_a_communes_register_says_its_commune(tmp_path):
    with Register.create(tmp_path / "xa.db", {"commune_name": "Xã Dân Lý"}) as reg:
        got = reg.identity()
    assert got["kind"] == "commune" and got["commune_name"] == "Xã Dân Lý" and "office_name" not in got


def test_an_offices_register_says_its_office(tmp_path):
    unit = create_office(tmp_path / "o.db", "BHXH cơ sở Triệu Sơn")
    with Register.open(tmp_path / "o.db", write=False) as reg:
        got = reg.identity()
    assert got == {"kind": "office", "office_name": "BHXH cơ sở Triệu Sơn", "office_code": unit["code"]}
