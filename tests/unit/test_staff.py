"""The commune's staff register (D02-LT): a start, a change of terms and an end are each an audited, undoable
action and a row on the month's D02-LT; bad terms are refused with their name."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.errors import HgdError
from app.lists.rows import D02
from app.lists.staff import AddStaff, ChangeStaff, EndStaff
from app.registry import SetSetting
from app.store.models import Event, Staff
from tests.unit.lists_world import SON, WIFE, family, lists_of, on, rows

OCT = "2026-10"
TERMS = {"position": "Công chức Văn phòng - Thống kê", "job_class": "mid", "salary_coefficient": "2,34",
         "allowance_seniority_vk": 5, "contract_kind": "decision", "decision": "QĐ số 12/QĐ-UBND ngày 01/10/2026"}


def _do(reg, op, day=date(2026, 10, 20)):
    on(reg, day)
    return reg.apply(op)


def test_a_start_a_change_and_an_end_each_make_a_d02_row(any_register):
    reg = any_register
    family(reg)
    _do(reg, AddStaff(person=SON, date="2026-10-02", terms=TERMS), date(2026, 10, 2))
    _do(reg, ChangeStaff(person=SON, date="2026-10-15", terms={"salary_coefficient": 2.67},
                         reason="Nâng bậc lương"), date(2026, 10, 15))
    _do(reg, AddStaff(person=WIFE, date="2026-10-03", terms={"position": "Thủ quỹ", "job_class": "other",
                                                             "salary_amount": 2_900_000, "contract_kind": "fixed",
                                                             "contract_from": "2026-10-03",
                                                             "contract_to": "2027-10-02"}), date(2026, 10, 3))
    _do(reg, EndStaff(person=WIFE, date="2026-10-25", reason="Nghỉ việc"), date(2026, 10, 26))
    d02 = rows(reg, OCT, D02, None, "rows")
    start, other, change, end = d02
    assert (start["ho_ten"], start["chuc_vu"], start["he_so_luong"], start["vt_cmkt_trung"]) == (
        "Nguyễn Văn Nam", "Công chức Văn phòng - Thống kê", "2.34", True)
    assert (start["pc_tn_vk"], start["bat_dau_dong"], start.get("ket_thuc_dong")) == ("5", "2026-10", None)
    assert start["ghi_chu"] == "Tăng mới; QĐ số 12/QĐ-UBND ngày 01/10/2026"
    assert (other["he_so_luong"], other["hd_xd_bat_dau"], other["hd_xd_ket_thuc"], other["vt_khac"]) == (
        2_900_000, "2026-10-03", "2027-10-02", True)
    assert (change["he_so_luong"], change["bat_dau_dong"]) == ("2.67", "2026-10")
    assert change["ghi_chu"].startswith("Điều chỉnh: hệ số lương 2,34 → 2,67; Nâng bậc lương")
    assert (end["ho_ten"], end.get("bat_dau_dong"), end["ket_thuc_dong"]) == ("Lê Thị Hoa", None, "2026-10")
    assert end["ghi_chu"].startswith("Giảm: thôi việc từ ngày 25/10/2026; Nghỉ việc")
    with reg.reading() as s:
        records = {r.person_id: r for r in s.scalars(select(Staff))}
        assert {r.status for r in records.values()} == {"active", "ended"}
        assert sorted(r.salary_coefficient or 0 for r in records.values()) == [0, 2.67]


def test_staff_already_reported_are_entered_without_a_row(any_register):
    reg = any_register
    family(reg)
    _do(reg, AddStaff(person=SON, date="2015-01-01", terms=TERMS, already_reported=True))
    assert (D02, None) not in lists_of(reg, OCT)
    with reg.reading() as s:
        assert not s.scalars(select(Event).where(Event.type.like("staff%"))).all()
    _do(reg, EndStaff(person=SON, date="2026-10-21", contributions_to="2026-11"), date(2026, 10, 21))
    assert [r["ket_thuc_dong"] for r in rows(reg, OCT, D02)] == ["2026-11"]


def test_undoing_a_start_voids_the_record_and_withdraws_its_row(any_register):
    reg = any_register
    family(reg)
    _do(reg, AddStaff(person=SON, date="2026-10-02", terms=TERMS))
    assert rows(reg, OCT, D02)
    reg.undo()
    assert not rows(reg, OCT, D02)
    with reg.reading() as s:
        assert [r.status for r in s.scalars(select(Staff))] == ["void"]
    _do(reg, AddStaff(person=SON, date="2026-10-03", terms=TERMS))  # a voided record does not block a new one
    assert len(rows(reg, OCT, D02)) == 1


@pytest.mark.parametrize("terms, message", [
    ({"job_class": "mid"}, "chức vụ"),
    ({"position": "X", "job_class": "boss"}, "job_class"),
    ({"position": "X", "salary_coefficient": "-1"}, "salary_coefficient"),
    ({"position": "X", "salary_coefficient": "hai"}, "salary_coefficient"),
    ({"position": "X", "contract_kind": "forever"}, "contract_kind"),
    ({"position": "X", "contributions_from": "10/2026x"}, "2026x"),
    ({"position": "X", "salary": 3}, "Không có mục 'salary'"),
])
def test_bad_terms_are_refused_by_name(register, terms, message):
    family(register)
    with pytest.raises(HgdError, match=message):
        _do(register, AddStaff(person=SON, date="2026-10-02", terms=terms))


def test_one_employment_at_a_time_and_no_change_or_end_without_one(register):
    family(register)
    with pytest.raises(HgdError, match="không có trong danh sách cán bộ"):
        _do(register, ChangeStaff(person=SON, date="2026-10-02", terms={"salary_coefficient": 3}))
    with pytest.raises(HgdError, match="không có trong danh sách cán bộ"):
        _do(register, EndStaff(person=SON, date="2026-10-02"))
    _do(register, AddStaff(person=SON, date="2026-10-02", terms=TERMS))
    with pytest.raises(HgdError, match="đang là cán bộ"):
        _do(register, AddStaff(person=SON, date="2026-10-03", terms=TERMS))
    with pytest.raises(HgdError, match="Không có gì thay đổi"):
        _do(register, ChangeStaff(person=SON, date="2026-10-04", terms={"salary_coefficient": 2.34}))


def test_the_reduced_column_set_is_a_setting_kept_with_the_list(register):
    family(register)
    _do(register, AddStaff(person=SON, date="2026-10-02", terms=TERMS))
    assert lists_of(register, OCT)[(D02, None)].options == []
    _do(register, SetSetting("lists.d02_reduced", True))
    assert lists_of(register, OCT)[(D02, None)].options == ["reduced"]
