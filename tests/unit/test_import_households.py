"""Households from their codes: heads, addresses, codes already in the register (app.io.households)."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from sqlalchemy import select

from app.io import import_persons
from app.store.models import Commune, Household, Person

sys.path.insert(0, str(Path(__file__).parents[1] / "corpus"))
from make_sheets import xlsx

TODAY = date(2025, 12, 1)
HEADER = ["Họ và tên", "Ngày sinh", "Mã hộ", "Quan hệ với chủ hộ", "Địa chỉ"]


def households(register):
    with register.reading() as s:
        persons = {p.id: p for p in s.scalars(select(Person))}
        out = {}
        for h in s.scalars(select(Household)):
            members = sorted(p.full_name for p in persons.values() if p.household_id == h.id)
            head = persons[h.head_person_id].full_name if h.head_person_id else None
            out[h.code] = (s.get(Commune, h.commune_id).code, h.address, head, members)
        return out


def run(register, tmp_path, rows, name="f.xlsx"):
    return import_persons(register, xlsx(tmp_path / name, [HEADER] + rows), today=TODAY)


def test_households_are_created_from_their_codes_with_head_commune_and_first_address(register, tmp_path):
    rows = [["Lê Văn Con", "2001", "H1", "Con", ""],
            ["Lê Văn An", "1975", "H1", "Chủ hộ", "Thôn Đông"],
            ["Lê Thị Bình", "1978", "H1", "Vợ", "Thôn Tây"],
            ["Phạm Văn Cường", "1960", "H2", "CH", "Xóm 3"]]
    report = run(register, tmp_path, rows)
    assert report.households_added == 2 and not report.warnings
    assert households(register) == {
        "H1": ("15703", "Thôn Đông", "Lê Văn An", ["Lê Thị Bình", "Lê Văn An", "Lê Văn Con"]),
        "H2": ("15703", "Xóm 3", "Phạm Văn Cường", ["Phạm Văn Cường"])}


def test_a_household_without_a_head_or_with_two_is_reported(register, tmp_path):
    rows = [["Lê Văn An", "1975", "H1", "Con", ""], ["Trần Văn B", "1960", "H2", "Chủ hộ", ""],
            ["Trần Văn C", "1962", "H2", "Chủ hộ", ""]]
    report = run(register, tmp_path, rows)
    assert [(w.row, w.reason_key) for w in report.warnings] == [(2, "household.no_head"), (4, "household.two_heads")]
    assert households(register)["H1"][2] is None and households(register)["H2"][2] == "Trần Văn B"
    assert "dòng 3" in report.warnings[1].message()


def test_an_existing_household_code_gets_the_new_members_and_keeps_its_head(register, tmp_path):
    run(register, tmp_path, [["Lê Văn An", "1975", "H1", "Chủ hộ", "Thôn Đông"]], "a.xlsx")
    report = run(register, tmp_path, [["Lê Thị Bình", "1978", "H1", "Vợ", "Thôn Tây"],
                                      ["Lê Văn Bảo", "1950", "H1", "Chủ hộ", ""]], "b.xlsx")
    assert report.households_added == 0 and report.households_reused == 1 and report.persons_added == 2
    assert households(register) == {
        "H1": ("15703", "Thôn Đông", "Lê Văn An", ["Lê Thị Bình", "Lê Văn An", "Lê Văn Bảo"])}
    assert [(w.row, w.reason_key) for w in report.warnings] == [(3, "household.head_kept")]
    assert "thêm người vào 1 hộ đã có" in report.summary_lines()[0]


def test_an_existing_household_without_a_head_gets_one(register, tmp_path):
    run(register, tmp_path, [["Lê Thị Bình", "1978", "H1", "Vợ", ""]], "a.xlsx")
    run(register, tmp_path, [["Lê Văn An", "1975", "H1", "Chủ hộ", ""]], "b.xlsx")
    assert households(register)["H1"][2] == "Lê Văn An"


def test_a_person_without_bhxh_code_already_in_that_household_is_not_imported_again(register, tmp_path):
    rows = [["Lê Văn An", "1975", "H1", "Chủ hộ", ""]]
    run(register, tmp_path, rows, "a.xlsx")
    again = run(register, tmp_path, rows + [["Lê Văn An", "1975", "H2", "Chủ hộ", ""]], "b.xlsx")
    assert again.persons_present == 1 and again.persons_added == 1  # the namesake in H2 is someone else
