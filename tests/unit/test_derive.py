"""Each derivation rule (DOMAIN §4): which event makes which row, in which list and section, from the event's
snapshot — on SQLite and PostgreSQL."""
from __future__ import annotations

from datetime import date

import pytest

from app.lists.rows import CHANGES, D02, D03, TK1, VNPT
from app.registry import (
    ChangeGroup,
    ChangeHead,
    CorrectPerson,
    MergeHouseholds,
    RecordBirth,
    RecordDeath,
    RecordMoveIn,
    RecordMoveOut,
    SplitHousehold,
)
from app.registry.people import AddHousehold
from app.store.models import Person
from tests.unit.lists_world import (
    DAUGHTER_IN_LAW,
    GRANDCHILD,
    HEAD,
    HOUSEHOLD,
    SON,
    WIFE,
    family,
    lists_of,
    on,
    rows,
)

OCT = "2026-10"


def _do(reg, op, day=date(2026, 10, 20)):
    on(reg, day)
    return reg.apply(op)


def _birth(reg, born: str, day: date, **kw):
    return _do(reg, RecordBirth(household=HOUSEHOLD, full_name="Nguyễn Văn An", sex="M", birth_date=born,
                                mother=WIFE, birth_place="Xã Dân Lý, Tỉnh Thanh Hóa", **kw), day)


@pytest.mark.parametrize("born, end, months", [
    ("2019-10-15", "2025-10-15", 72),   # 72 months after the school year began: that day itself
    ("2020-03-15", "2026-09-30", 78),   # 72 months before the school year: to 30 September
])
def test_a_birth_is_an_increase_in_te_with_the_te_card_and_its_months(any_register, born, end, months):
    reg = any_register
    day = date.fromisoformat(born)
    family(reg, day)
    result = _birth(reg, born, day, fields={"bhxh_code": "3800000001"})
    with reg.reading() as s:
        child = s.get(Person, result.value["person_id"])
        assert (child.card_valid_from, child.card_valid_to) == (born, end)
    te = rows(reg, born[:7], D03, "TE", "I.1")
    assert [(r["ho_ten"], r["tu_thang"], r["so_thang"], r["ghi_chu"]) for r in te] == [
        ("Nguyễn Văn An", born, months, "Sinh")]
    assert te[0]["ma_so_bhxh"] == "3800000001" and te[0]["gioi_tinh"] == "Nam"
    template = rows(reg, born[:7], VNPT)
    assert [(r["loai"], r["phuong_an"], r["tu_ngay"], r["so_thang"], r["muc_huong"]) for r in template] == [
        (1, "TM", born, months, 1)]
    assert not rows(reg, born[:7], TK1)  # a newborn with a code needs no declaration


def test_a_newborn_without_a_code_gets_a_tk1_part_i_with_the_household_annex(any_register):
    reg = any_register
    family(reg, date(2026, 10, 1))
    _birth(reg, "2026-10-15", date(2026, 10, 16))
    tk1 = rows(reg, OCT, TK1)
    assert len(tk1) == 1 and tk1[0]["part_ii"] is None
    part = tk1[0]["part_i"]
    assert part["ho_ten"] == "NGUYỄN VĂN AN" and part["cha_me_giam_ho"] == "Lê Thị Hoa" and part["phu_luc"]
    assert (part["ks_xa"], part["ks_tinh"]) == ("Xã Dân Lý", "Tỉnh Thanh Hóa")
    assert tk1[0]["nguoi_ke_khai"] == "Lê Thị Hoa"
    annex = tk1[0]["annex"]
    assert annex["ho_ten_chu_ho"] == "Nguyễn Văn Hùng" and annex["ma_so_ho"] == HOUSEHOLD
    assert next(m["ho_ten"] for m in annex["members"]) == "Nguyễn Văn Hùng"
    assert "Nguyễn Văn An" in [m["ho_ten"] for m in annex["members"]] and len(annex["members"]) == 6
    born = rows(reg, OCT, CHANGES, None, "sinh")
    assert [(r["ho_ten"], r["ma_so_ho"], r["quan_he"], r["sau"], r["ghi_chu"]) for r in born] == [
        ("Nguyễn Văn An", HOUSEHOLD, "Con", "Thành viên mới của hộ", "Mẹ: Lê Thị Hoa")]
    # the same child on the template, with the household members of its annex
    template = rows(reg, OCT, VNPT)
    assert len(template[0]["members"]) == 6 and sum(m["nguoi_tham_gia"] for m in template[0]["members"]) == 1


def test_a_death_lands_in_ii1_of_that_persons_group_from_the_next_month(any_register):
    reg = any_register
    family(reg)
    _do(reg, RecordDeath(person=HEAD, date="2026-10-10"))
    lists = lists_of(reg, OCT)
    assert {k for k in lists if k[0] == D03} == {(D03, "HN")}
    death = rows(reg, OCT, D03, "HN", "II.1")
    assert [(r["ho_ten"], r["ma_so_bhxh"], r["tu_thang"], r["ghi_chu"]) for r in death] == [
        ("Nguyễn Văn Hùng", HEAD, "2026-11-01", "Chết ngày 10/10/2026")]
    assert death[0]["dia_chi"] == "Thôn Tân Lý, xã Dân Lý, tỉnh Thanh Hóa"
    assert not rows(reg, OCT, D03, "HN", "I.1")
    change = rows(reg, OCT, CHANGES, None, "chet")
    assert change[0]["loai"] == "Chết" and change[0]["sau"] == "Chết ngày 10/10/2026"
    assert [r["ngay_chet"] for r in rows(reg, OCT, VNPT)] == ["2026-10-10"]


def test_a_split_household_lands_in_the_change_list_with_both_household_codes(any_register):
    reg = any_register
    family(reg)
    result = _do(reg, SplitHousehold(household=HOUSEHOLD, members=(SON, DAUGHTER_IN_LAW), new_head=SON,
                                     date="2026-10-12", spouse=DAUGHTER_IN_LAW, new_code="1570300002"))
    assert result.value["code"] == "1570300002"
    split = rows(reg, OCT, CHANGES, None, "tach_ho")
    assert [(r["ho_ten"], r["ma_so_ho"], r["chu_ho"]) for r in split] == [
        ("Nguyễn Văn Nam", "1570300002", "Nguyễn Văn Nam"), ("Trần Thị Lan", "1570300002", "Nguyễn Văn Nam")]
    assert split[0]["truoc"] == f"Hộ {HOUSEHOLD}, con" and split[0]["sau"] == "Hộ 1570300002, chủ hộ"
    assert split[1]["truoc"] == f"Hộ {HOUSEHOLD}, con dâu" and split[1]["sau"] == "Hộ 1570300002, vợ"
    assert split[0]["ghi_chu"] == "Chủ hộ mới" and split[0]["loai"] == "Tách hộ"
    assert not [k for k in lists_of(reg, OCT) if k[0] == D03]  # no change of group by itself


def test_a_merge_lands_in_the_change_list_with_both_household_codes(any_register):
    reg = any_register
    family(reg)
    _do(reg, AddHousehold(code="1570300009", members=(
        {"full_name": "Nguyễn Thị Tâm", "sex": "F", "birth_date": "1940", "relation": "chu_ho",
         "bhxh_code": "3800000009", "group_code": "BT"},)), date(2026, 10, 1))
    _do(reg, MergeHouseholds(source="1570300009", target=HOUSEHOLD, date="2026-10-14",
                             relations={"3800000009": "me"}))
    merge = rows(reg, OCT, CHANGES, None, "nhap_ho")
    assert [(r["ho_ten"], r["truoc"], r["sau"], r["ma_so_ho"]) for r in merge] == [
        ("Nguyễn Thị Tâm", "Hộ 1570300009, chủ hộ", f"Hộ {HOUSEHOLD}, mẹ", HOUSEHOLD)]
    assert merge[0]["ngay_sinh"] == "1940" and merge[0]["chu_ho"] == "Nguyễn Văn Hùng"


def test_moving_in_is_an_increase_only_in_a_group_the_commune_lists(any_register):
    reg = any_register
    family(reg)
    _do(reg, RecordMoveIn(persons=(
        {"full_name": "Phạm Văn Tư", "sex": "M", "birth_date": "1990-02-02", "relation": "chu_ho",
         "group_code": "GD", "card_valid_from": "2026-10-16", "card_valid_to": "2027-10-15",
         "bhxh_code": "3800000011"},
        {"full_name": "Phạm Thị Mai", "sex": "F", "birth_date": "2012-02-02", "relation": "con",
         "group_code": "HS"}), date="2026-10-16", origin="Xã Quảng Yên, Tỉnh Thanh Hóa",
        new_household_code="1570300077"))
    gd = rows(reg, OCT, D03, "GD", "I.1")
    assert [(r["ho_ten"], r["tu_thang"], r["so_thang"]) for r in gd] == [("Phạm Văn Tư", "2026-10-16", 12)]
    assert "Chuyển đến từ Xã Quảng Yên" in gd[0]["ghi_chu"]
    assert (D03, "HS") not in lists_of(reg, OCT)  # schools list pupils
    moved = rows(reg, OCT, CHANGES, None, "chuyen_den")
    assert [r["ho_ten"] for r in moved] == ["Phạm Văn Tư", "Phạm Thị Mai"]
    assert moved[0]["truoc"] == "Nơi ở trước: Xã Quảng Yên, Tỉnh Thanh Hóa"
    assert moved[0]["sau"] == "Hộ 1570300077, chủ hộ (hộ mới)"
    tk1 = rows(reg, OCT, TK1)  # the girl has no code: a declaration with her new household
    assert [t["part_i"]["ho_ten"] for t in tk1] == ["PHẠM THỊ MAI"] and tk1[0]["annex"]["ma_so_ho"] == "1570300077"


def test_moving_out_is_a_decrease_in_the_group_held_from_the_next_month(any_register):
    reg = any_register
    family(reg)
    _do(reg, RecordMoveOut(persons=(SON,), date="2026-10-18", destination="Phường Bến Nghé, TP Hồ Chí Minh"))
    out = rows(reg, OCT, D03, "GD", "II.1")
    assert [(r["ho_ten"], r["tu_thang"]) for r in out] == [("Nguyễn Văn Nam", "2026-11-01")]
    assert out[0]["ghi_chu"] == "Chuyển đi ngày 18/10/2026 đến Phường Bến Nghé, TP Hồ Chí Minh"
    gone = rows(reg, OCT, CHANGES, None, "chuyen_di")
    assert gone[0]["sau"] == "Chuyển đến: Phường Bến Nghé, TP Hồ Chí Minh"


def test_a_group_change_is_a_decrease_in_the_old_group_and_an_increase_in_the_new(any_register):
    reg = any_register
    family(reg)
    _do(reg, ChangeGroup(person=WIFE, group="CN", date="2026-10-05", card_valid_to="2027-10-04"))
    assert [(r["ho_ten"], r["tu_thang"], r["ghi_chu"]) for r in rows(reg, OCT, D03, "HN", "II.1")] == [
        ("Lê Thị Hoa", "2026-10-05", "Chuyển sang CN")]
    assert [(r["ho_ten"], r["tu_thang"], r["so_thang"], r["ghi_chu"]) for r in rows(reg, OCT, D03, "CN", "I.1")] == [
        ("Lê Thị Hoa", "2026-10-05", 12, "Chuyển từ HN")]
    assert not rows(reg, OCT, CHANGES)  # not on the change list


def test_a_child_passing_72_months_leaves_te(any_register):
    reg = any_register
    family(reg, date(2026, 9, 1))
    _do(reg, ChangeGroup(person=GRANDCHILD, group="HS", date="2026-10-01", reason="72_months"))
    te = rows(reg, OCT, D03, "TE", "II.1")
    assert [(r["ho_ten"], r["tu_thang"]) for r in te] == [("Nguyễn Bé Na", "2026-10-01")]
    assert te[0]["ghi_chu"] == "Đủ 72 tháng tuổi, chuyển sang HS"
    assert [k for k in lists_of(reg, OCT) if k[0] == D03] == [(D03, "TE")]


def test_a_correction_is_a_tk1_part_ii_and_a_change_list_row_not_a_d03_row(any_register):
    reg = any_register
    family(reg)
    _do(reg, CorrectPerson(person=WIFE, changes={"full_name": "Lê Thị Hòa", "birth_date": "1994-07-19"},
                           date="2026-10-08", reason="theo giấy khai sinh"))
    assert not [k for k in lists_of(reg, OCT) if k[0] == D03]
    tk1 = rows(reg, OCT, TK1)
    part = tk1[0]["part_ii"]
    assert tk1[0]["part_i"] is None and tk1[0]["annex"] is None
    assert (part["ma_so_bhxh"], part["ho_ten"], part["ngay_sinh"]) == (WIFE, "LÊ THỊ HÒA", "1994-07-19")
    assert part["gioi_tinh"] == "" and part["so_cccd"] == ""  # only what changed
    assert part["noi_dung"] == ("Điều chỉnh Họ và tên: Lê Thị Hoa → Lê Thị Hòa; Ngày sinh: 09/07/1994 → 19/07/1994 "
                                "(theo giấy khai sinh)")
    row = rows(reg, OCT, CHANGES, None, "dieu_chinh")[0]
    assert row["truoc"] == "Họ và tên: Lê Thị Hoa; Ngày sinh: 09/07/1994"
    assert row["sau"] == "Họ và tên: Lê Thị Hòa; Ngày sinh: 19/07/1994" and row["ho_ten"] == "Lê Thị Hòa"


def test_a_correction_of_the_address_only_needs_no_declaration(any_register):
    reg = any_register
    family(reg)
    _do(reg, CorrectPerson(person=WIFE, changes={"address": "Thôn Đông Lý"}, date="2026-10-08"))
    assert not rows(reg, OCT, TK1) and len(rows(reg, OCT, CHANGES, None, "dieu_chinh")) == 1


def test_a_change_of_head_names_the_old_and_the_new_head(any_register):
    reg = any_register
    family(reg)
    _do(reg, ChangeHead(household=HOUSEHOLD, new_head=SON, date="2026-10-09"))
    row = rows(reg, OCT, CHANGES, None, "thay_doi_chu_ho")[0]
    assert (row["ho_ten"], row["truoc"], row["sau"]) == ("Nguyễn Văn Nam", "Chủ hộ: Nguyễn Văn Hùng; con của chủ hộ",
                                                         "Chủ hộ: Nguyễn Văn Nam")
    assert row["ghi_chu"] == "Chuyển giao chủ hộ"


def test_rows_show_the_person_as_reported_not_as_the_register_says_later(any_register):
    reg = any_register
    family(reg)
    child = _birth(reg, "2026-10-15", date(2026, 10, 16), fields={"bhxh_code": "3800000001"}).value["person_id"]
    _do(reg, CorrectPerson(person=child, changes={"full_name": "Nguyễn Văn Ân"}, date="2026-10-25"), date(2026, 10, 26))
    assert [r["ho_ten"] for r in rows(reg, OCT, D03, "TE", "I.1")] == ["Nguyễn Văn An"]
    assert [r["ho_ten"] for r in rows(reg, OCT, CHANGES, None, "sinh")] == ["Nguyễn Văn An"]
    assert [r["ho_ten"] for r in rows(reg, OCT, CHANGES, None, "dieu_chinh")] == ["Nguyễn Văn Ân"]


def test_each_row_knows_its_event_list_and_section(any_register):
    reg = any_register
    family(reg)
    death = _do(reg, RecordDeath(person=HEAD, date="2026-10-10"))
    event_id = death.changes.summary["events"][0]
    for fl in lists_of(reg, OCT).values():
        for line in fl.lines:
            assert line.event_id == event_id and line.section
            assert line.person_id is not None
    assert {(form, variant) for form, variant in lists_of(reg, OCT)} == {(D03, "HN"), (CHANGES, None), (VNPT, None)}


def test_no_staff_event_no_d02_list(any_register):
    reg = any_register
    family(reg)
    _do(reg, RecordDeath(person=HEAD, date="2026-10-10"))
    assert (D02, None) not in lists_of(reg, OCT)
