"""SAMPLE DATA for rendering the forms (`make forms`, tests, the forms benchmark) — invented people, not a commune.

The real rows come from the period's events (the lead's derivation); until then these fill every form kind with
values of every type: full and partial dates, codes with leading zeros, money, coefficients, marks.
"""
from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from app.domain.dates import PartialDate
from app.lists import forms
from app.lists.filled import (
    AnnexMember,
    FilledList,
    HandedList,
    HouseholdAnnex,
    MinutesInput,
    PackageInfo,
    Party,
    SectionRows,
    Tk1Declaration,
    Tk1PartI,
    Tk1PartII,
)

COMMUNE = {"ten_don_vi": "Ủy ban nhân dân xã Dân Lý", "ma_don_vi": "TH0384", "ma_so_thue": "2801234567",
           "dia_chi_don_vi": "Thôn Tân Lý, xã Dân Lý, tỉnh Thanh Hóa", "dien_thoai": "02373861234",
           "email": "ubnddanly@thanhhoa.gov.vn", "dia_danh": "Dân Lý"}
ON = date(2026, 12, 3)

_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
_MIDDLE_M = ["Văn", "Đức", "Hữu", "Minh", "Quang", "Xuân"]
_MIDDLE_F = ["Thị", "Thị", "Ngọc", "Thu", "Thanh", "Hồng"]
_GIVEN_M = ["Hùng", "Dũng", "Khải", "Thắng", "Phước", "Quý", "Lượng", "Huỳnh", "Nghĩa", "Ưng"]
_GIVEN_F = ["Hương", "Thuỷ", "Ngọc", "Yến", "Lụa", "Ánh", "Quỳnh", "Nguyệt", "Huyền", "Ơn"]
_HAMLETS = ["Thôn Tân Lý", "Thôn Đông Lý", "Thôn Phú Lý", "Thôn Nghĩa Lý", "Xóm Cồn Rồng"]


def person(rng: random.Random, born: date | None = None) -> dict:
    male = rng.random() < 0.5
    name = " ".join([rng.choice(_FAMILY), rng.choice(_MIDDLE_M if male else _MIDDLE_F),
                     rng.choice(_GIVEN_M if male else _GIVEN_F)])
    born = born or date(rng.randint(1940, 2025), rng.randint(1, 12), rng.randint(1, 28))
    century = (0 if born.year < 2000 else 2) + (0 if male else 1)
    return {
        "ho_ten": name,
        "ma_so_bhxh": f"{rng.randint(0, 99):02d}{rng.randint(0, 10**8 - 1):08d}",
        "so_cccd": f"038{century}{born.year % 100:02d}{rng.randint(0, 999999):06d}",
        "ngay_sinh": born,
        "gioi_tinh": "Nam" if male else "Nữ",
        "dia_chi": f"{rng.choice(_HAMLETS)}, xã Dân Lý, tỉnh Thanh Hóa",
    }


def d03_te(extra_rows: int = 0, seed: int = 1) -> FilledList:
    """D03-TS for the TE group: births (I.1), one child passing 72 months and one death (II.1); `extra_rows` more
    increases for long lists."""
    rng = random.Random(seed)
    increases = []
    for i in range(6 + extra_rows):
        p = person(rng, date(2026, 11, 1 + i % 28))
        increases.append({**p, "ma_so_bhxh": p["ma_so_bhxh"] if i % 3 else "0" + p["ma_so_bhxh"][1:],
                          "noi_kcb": "Trạm Y tế xã Dân Lý", "ngay_bien_lai": date(2026, 11, 25),
                          "tu_thang": p["ngay_sinh"], "so_thang": 72, "ghi_chu": "Sinh" if i % 4 else ""})
    decreases = []
    for i in range(2):
        p = person(rng, date(2020, 11, 10 + i))
        decreases.append({**p, "noi_kcb": "Trung tâm Y tế huyện Triệu Sơn", "tu_thang": date(2026, 12, 1),
                          "ghi_chu": "Đủ 72 tháng tuổi" if i == 0 else "Chết ngày 12/11/2026"})
    return FilledList(
        forms.get("D03-TS", "490"),
        header={**COMMUNE, "so": "01", "thang": "11", "nam": "2026", "doi_tuong": "Trẻ em dưới 6 tuổi",
                "ma_doi_tuong": "TE", "luong_co_so": 2340000, "nguon_dong": "Ngân sách nhà nước đóng",
                "ty_le_nsnn": 100},
        sections=[SectionRows("I.1", increases), SectionRows("II.1", decreases)],
        signer={"nguoi_ky": "Lê Văn Thắng"},
        place_date=ON,
    )


def d03_cn(seed: int = 2) -> FilledList:
    """D03-TS for near-poor households (state supports 70 %), with money columns and a salary-change row (I.2)."""
    rng = random.Random(seed)
    rows = [{**person(rng), "noi_kcb": "Trạm Y tế xã Dân Lý", "ngay_bien_lai": date(2026, 11, 20),
             "so_bien_lai": f"{i + 1:07d}", "nsdp": 63180, "ho_tro_khac": Decimal(10000),
             "tu_thang": date(2026, 12, 1), "so_thang": 12} for i in range(3)]
    salary = [{**person(rng), "tien_luong_huu": 4500000, "tu_thang": date(2026, 12, 1), "so_thang": 6}]
    return FilledList(
        forms.get("D03-TS", "490"),
        header={**COMMUNE, "so": "02", "thang": "11", "nam": "2026", "doi_tuong": "Hộ cận nghèo",
                "ma_doi_tuong": "CN", "luong_co_so": 2340000, "nguon_dong": "Ngân sách nhà nước hỗ trợ",
                "ty_le_nsnn": 70},
        sections=[SectionRows("I.1", rows), SectionRows("I.2", salary)],
        signer={"nguoi_ky": "Lê Văn Thắng"},
        place_date=ON,
    )


def d02(reduced: bool = False, seed: int = 3) -> FilledList:
    rng = random.Random(seed)
    staff = []
    posts = ["Chủ tịch UBND xã", "Công chức Văn phòng - Thống kê", "Công chức Tư pháp - Hộ tịch",
             "Người hoạt động không chuyên trách: Phó Chỉ huy trưởng Quân sự"]
    for i, post in enumerate(posts):
        p = person(rng, date(1975 + i * 6, 3 + i, 10 + i))
        staff.append({k: p[k] for k in ("ho_ten", "ma_so_bhxh", "ngay_sinh", "gioi_tinh", "so_cccd")}
                     | {"chuc_vu": post, "vt_quan_ly": i == 0, "vt_cmkt_trung": i in (1, 2), "vt_khac": i == 3,
                        "he_so_luong": Decimal(["4.98", "2.34", "2.67", "1.86"][i]),
                        "pc_chuc_vu": Decimal("0.30") if i == 0 else None, "pc_tn_vk": 5 if i == 0 else None,
                        "hd_khong_xd": date(2015 + i, 1, 1) if i < 3 else None,
                        "hd_xd_bat_dau": date(2026, 1, 1) if i == 3 else None,
                        "hd_xd_ket_thuc": date(2026, 12, 31) if i == 3 else None,
                        "bat_dau_dong": date(2026, 12, 1), "ket_thuc_dong": PartialDate(2026, 12) if i == 3 else None,
                        "ghi_chu": f"QĐ số {12 + i}/QĐ-UBND ngày 01/11/2026"})
    return FilledList(
        forms.get("D02-LT", "1040"),
        header={**COMMUNE, "ten_don_vi": "ỦY BAN NHÂN DÂN XÃ DÂN LÝ", "so": "03/2026"},
        sections=[SectionRows("rows", staff)],
        signer={"nguoi_ky": "Lê Văn Thắng"},
        place_date=ON,
        options=frozenset({"reduced"}) if reduced else frozenset(),
    )


def change_list(seed: int = 4) -> FilledList:
    rng = random.Random(seed)

    def member(kind: str, when: date, before: str = "", after: str = "", born: date | None = None) -> dict:
        p = person(rng, born)
        return {"ma_so_ho": f"38{rng.randint(0, 10**11):011d}"[:12].rjust(12, "0"), "chu_ho": person(rng)["ho_ten"],
                "ho_ten": p["ho_ten"], "ma_so_bhxh": p["ma_so_bhxh"], "ngay_sinh": p["ngay_sinh"],
                "gioi_tinh": p["gioi_tinh"], "quoc_tich": "Việt Nam", "dan_toc": "Kinh",
                "noi_khai_sinh": "Xã Dân Lý, Huyện Triệu Sơn, Tỉnh Thanh Hóa", "quan_he": "Con",
                "so_cccd": p["so_cccd"], "loai": kind, "ngay_bien_dong": when, "truoc": before, "sau": after}

    sections = [
        SectionRows("sinh", [member("Sinh", date(2026, 11, 3), born=date(2026, 11, 3)),
                             member("Sinh", date(2026, 11, 19), born=date(2026, 11, 19))]),
        SectionRows("chet", [member("Chết", date(2026, 11, 12), "Đang sống", "Chết ngày 12/11/2026")]),
        SectionRows("tach_ho", [member("Tách hộ", date(2026, 11, 20), "Hộ 038000123456", "Hộ 038000654321")]),
        SectionRows("dieu_chinh", [member("Điều chỉnh thông tin", date(2026, 11, 25), "Ngày sinh: 1975",
                                          "Ngày sinh: 15/03/1975")]),
    ]
    sections[3].rows[0]["ngay_sinh"] = PartialDate(1975, 3)
    return FilledList(
        forms.get("BD-HGD", "hgd-1"),
        header={**COMMUNE, "ten_xa_hoa": "DÂN LÝ", "so": "05/DS-UBND", "thang": "11", "nam": "2026",
                "co_quan_bhxh": "khu vực Triệu Sơn"},
        sections=sections,
        signer={"nguoi_lap": "Hoàng Thị Ngọc Ánh", "chu_tich": "Lê Văn Thắng"},
        place_date=ON,
    )


def declarations() -> list[Tk1Declaration]:
    """Two TK1-TS: a newborn without a BHXH code (part I, with the household annex) and a correction (part II)."""
    annex = HouseholdAnnex(
        "Nguyễn Văn Hùng", "038000123456", "038085012345", "0912345678", "Số 12", "Thôn Tân Lý", "Xã Dân Lý",
        "Huyện Triệu Sơn", "Tỉnh Thanh Hóa",
        [AnnexMember("Nguyễn Văn Hùng", "3809012345", date(1985, 3, 15), "Nam", dan_toc="Kinh",
                     noi_khai_sinh="Xã Dân Lý, Huyện Triệu Sơn, Tỉnh Thanh Hóa", quan_he="Chủ hộ",
                     so_cccd="038085012345"),
         AnnexMember("Lê Thị Thuỷ", "3809012346", PartialDate(1987), "Nữ", dan_toc="Kinh",
                     noi_khai_sinh="Xã Hải Hậu, Huyện Hải Hậu, Tỉnh Nam Định", quan_he="Vợ", so_cccd="036187004321"),
         AnnexMember("Nguyễn Ngọc Ánh", "", date(2026, 11, 3), "Nữ", dan_toc="Kinh",
                     noi_khai_sinh="Xã Dân Lý, Tỉnh Thanh Hóa", quan_he="Con", ghi_chu="Mới sinh")])
    newborn = Tk1Declaration(
        part_i=Tk1PartI("NGUYỄN NGỌC ÁNH", "Nữ", date(2026, 11, 3), dan_toc="Kinh", dien_thoai="0912345678",
                        ks_xa="Xã Dân Lý", ks_huyen="", ks_tinh="Tỉnh Thanh Hóa", cha_me_giam_ho="Nguyễn Văn Hùng",
                        nhan_ket_qua="Qua dịch vụ bưu chính", dc_so_nha="Số 12, Thôn Tân Lý", dc_xa="Xã Dân Lý",
                        dc_tinh="Tỉnh Thanh Hóa", phu_luc=True),
        annex=annex, dia_danh="Dân Lý", on=ON, nguoi_ke_khai="Nguyễn Văn Hùng")
    correction = Tk1Declaration(
        part_ii=Tk1PartII("0109012345", ngay_sinh=date(1975, 3, 15), noi_dung="Điều chỉnh ngày sinh từ 1975 thành "
                          "15/03/1975 theo giấy khai sinh", ho_so_kem_theo="Bản sao giấy khai sinh"),
        dia_danh="Dân Lý", on=ON, nguoi_ke_khai="Phạm Thị Yến")
    return [newborn, correction]


def minutes(pages: dict[str, int] | None = None) -> MinutesInput:
    pages = pages or {}
    return MinutesInput(
        ten_xa="Dân Lý", dia_diem="Ủy ban nhân dân xã Dân Lý", on=ON, month=11, year=2026, so="07/BB-UBND",
        giver=Party("Ủy ban nhân dân xã Dân Lý", [("Lê Văn Thắng", "Phó Chủ tịch UBND xã"),
                                                   ("Hoàng Thị Ngọc Ánh", "Công chức Văn hóa - Xã hội")]),
        courier=Party("Bưu điện xã Dân Lý", [("Trịnh Văn Quý", "Nhân viên bưu điện")]),
        receiver=Party("Bảo hiểm xã hội khu vực Triệu Sơn", [("Đỗ Thị Nguyệt", "Chuyên viên thu")]),
        lists=[HandedList("Danh sách biến động thành viên hộ gia đình", 5, pages.get("change", 1)),
               HandedList("D03-TS nhóm TE - Trẻ em dưới 6 tuổi", 8, pages.get("d03_te", 1)),
               HandedList("D03-TS nhóm CN - Hộ cận nghèo", 4, pages.get("d03_cn", 1)),
               HandedList("D02-LT cán bộ, công chức xã", 4, pages.get("d02", 1)),
               HandedList("Tờ khai TK1-TS", 2, pages.get("tk1", 3), "kèm phụ lục hộ gia đình")],
        package=PackageInfo("7f3c2a90-1b2d-4e5f-8a9b-0c1d2e3f4a5b", 12, "2026-11", "hgd-38155-2026-11-012.zip",
                            1843221, "3f2a91c077de0b14c9e8a1d2f3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6"),
    )


def vnpt_rows() -> list:
    """The sample month's TE increases and decreases for the declaration software's import template."""
    from app.lists import vnpt_template as v

    filled = d03_te()
    rows = []
    for r in filled.rows_of("I.1"):
        members = [v.VnptMember("Nguyễn Văn Hùng", "chu_ho", "3809012345", date(1985, 3, 15), "Nam",
                                "038085012345", "Tỉnh Thanh Hóa", "Huyện Triệu Sơn", "Xã Dân Lý", dan_toc="Kinh"),
                   v.VnptMember(r["ho_ten"], "con", r["ma_so_bhxh"], r["ngay_sinh"], r["gioi_tinh"],
                                nguoi_tham_gia=True, dan_toc="Kinh")]
        rows.append(v.VnptRow(r["ho_ten"], v.INCREASE, v.NEW_CARD, r["ma_so_bhxh"], r["ngay_sinh"], r["gioi_tinh"],
                              ma_ho_gia_dinh="0380001234", dan_toc="Kinh", ks_tinh="Tỉnh Thanh Hóa", ks_xa="Xã Dân Lý",
                              tinh="Tỉnh Thanh Hóa", xa="Xã Dân Lý", dia_chi=r["dia_chi"], muc_huong=1,
                              tu_ngay=r["tu_thang"], so_thang=72, tien_dong=2340000, members=members))
    for r in filled.rows_of("II.1"):
        rows.append(v.VnptRow(r["ho_ten"], v.DECREASE, v.STOPPED, r["ma_so_bhxh"], r["ngay_sinh"], r["gioi_tinh"],
                              tu_ngay=r["tu_thang"], ghi_chu=r.get("ghi_chu", "")))
    return rows
