"""D02-LT, Báo cáo tình hình sử dụng lao động và danh sách tham gia BHXH, BHYT, BHTN, as issued with QĐ 1040/QĐ-BHXH
of 18/8/2020 (DOMAIN §6.2, FORMS.md §2). The commune files it as an employer for its own staff.

Unsure, kept here: what QĐ 948/2023 changed; whether a commune uses the reduced column set (an option: all 27
headers are printed, only the reduced columns filled); what the "Tổng" row adds up (here the number of persons).
"""
from __future__ import annotations

from app.lists.forms.base import DATE_LINE, Column, Line, Page, Part, Signature, TableForm

JOB = ("Vị trí việc làm",)
PAY = ("Tiền lương",)
ALLOWANCE = ("Tiền lương", "Phụ cấp")
HAZARD = ("Ngành/nghề nặng nhọc, độc hại",)
CONTRACT = "Loại và hiệu lực hợp đồng lao động"
FIXED = (CONTRACT, "Hiệu lực HĐLĐ Xác định thời hạn")
OTHER = (CONTRACT, "Hiệu lực HĐLĐ Khác (Dưới 1 tháng, thử việc)")

COLUMNS = (
    Column("stt", "(1)", "STT", width=4.5, kind="int", align="center"),
    Column("ho_ten", "(2)", "Họ và tên", width=18),
    Column("ma_so_bhxh", "(3)", "Mã số BHXH", width=11, kind="code"),
    Column("ngay_sinh", "(4)", "Ngày tháng năm sinh", width=10, kind="date"),
    Column("gioi_tinh", "(5)", "Giới tính", width=5, align="center", lower=True),
    Column("so_cccd", "(6)", "Số CCCD/ CMND/ Hộ chiếu", width=12.5, kind="code"),
    Column("chuc_vu", "(7)", "Cấp bậc, chức vụ, chức danh nghề, nơi làm việc", width=17),
    Column("vt_quan_ly", "(8)", "Nhà quản lý", JOB, width=6, kind="mark"),
    Column("vt_cmkt_cao", "(9)", "Chuyên môn kĩ thuật bậc cao", JOB, width=7.5, kind="mark"),
    Column("vt_cmkt_trung", "(10)", "Chuyên môn kĩ thuật bậc trung", JOB, width=7.5, kind="mark"),
    Column("vt_khac", "(11)", "Khác", JOB, width=5, kind="mark"),
    Column("he_so_luong", "(12)", "Hệ số/ Mức lương", PAY, width=9, kind="decimal"),
    Column("pc_chuc_vu", "(13)", "Chức vụ", ALLOWANCE, width=6.5, kind="decimal"),
    Column("pc_tn_vk", "(14)", "Thâm niên VK (%)", ALLOWANCE, width=6.5, kind="decimal"),
    Column("pc_tn_nghe", "(15)", "Thâm niên nghề (%)", ALLOWANCE, width=6.5, kind="decimal"),
    Column("pc_luong", "(16)", "Phụ cấp lương", ALLOWANCE, width=7, kind="decimal"),
    Column("bo_sung", "(17)", "Các khoản bổ sung", ALLOWANCE, width=7.5, kind="decimal"),
    Column("nnnh_bat_dau", "(18)", "Ngày bắt đầu", HAZARD, width=9.5, kind="date"),
    Column("nnnh_ket_thuc", "(19)", "Ngày kết thúc", HAZARD, width=9.5, kind="date"),
    Column("hd_khong_xd", "(20)", "Ngày bắt đầu HĐLĐ Không xác định thời hạn", (CONTRACT,), width=10.5, kind="date"),
    Column("hd_xd_bat_dau", "(21)", "Ngày bắt đầu", FIXED, width=9.5, kind="date"),
    Column("hd_xd_ket_thuc", "(22)", "Ngày kết thúc", FIXED, width=9.5, kind="date"),
    Column("hd_khac_bat_dau", "(23)", "Ngày bắt đầu", OTHER, width=9.5, kind="date"),
    Column("hd_khac_ket_thuc", "(24)", "Ngày kết thúc", OTHER, width=9.5, kind="date"),
    Column("bat_dau_dong", "(25)", "Thời điểm đơn vị bắt đầu đóng BHXH", width=9.5, kind="month"),
    Column("ket_thuc_dong", "(26)", "Thời điểm đơn vị kết thúc đóng BHXH", width=9.5, kind="month"),
    Column("ghi_chu", "(27)", "Ghi chú", width=16),
)

# Units that need not report their use of labour fill only these (FORMS.md §2.3).
REDUCED = ("stt", "ho_ten", "ma_so_bhxh", "chuc_vu", "he_so_luong", "pc_chuc_vu", "pc_tn_vk", "pc_tn_nghe",
           "pc_luong", "bo_sung", "bat_dau_dong", "ket_thuc_dong", "ghi_chu")

D02_LT_1040 = TableForm(
    code="D02-LT",
    version="1040",
    name="Báo cáo tình hình sử dụng lao động và danh sách tham gia BHXH, BHYT, BHTN",
    columns=COLUMNS,
    parts=(
        Part("rows", "rows"),
        Part("tong", "total", title="Tổng", of=("rows",), count=True),
    ),
    top=(
        Line("Mẫu D02-LT", "bold", 11, "right"),
        Line("(Ban hành kèm theo Quyết định số 1040/QĐ-BHXH ngày 18/8/2020 của BHXH Việt Nam)", "italic", 9, "right"),
    ),
    left=(
        Line("TÊN ĐƠN VỊ SỬ DỤNG LAO ĐỘNG: {ten_don_vi}", "bold"),
        Line("Số: {so}"),
        Line("Mã đơn vị: {ma_don_vi}          Mã số thuế: {ma_so_thue}"),
        Line("Địa chỉ: {dia_chi_don_vi}"),
        Line("Điện thoại: {dien_thoai}          Email: {email}"),
    ),
    motto=True,
    right=(Line(DATE_LINE, "italic", 11, "center"),),
    left_share=0.55,
    title=(Line("BÁO CÁO TÌNH HÌNH SỬ DỤNG LAO ĐỘNG VÀ DANH SÁCH THAM GIA BHXH, BHYT, BHTN", "bold", 13, "center"),),
    signatures=(Signature(("ĐẠI DIỆN ĐƠN VỊ SỬ DỤNG LAO ĐỘNG",), "(Ký, ghi rõ họ tên, đóng dấu)", "nguoi_ky"),),
    options=("reduced",),
    reduced_columns=REDUCED,
    page=Page("landscape", 9, 8, "foot_x_of_y", (12, 8, 12, 8), 6.5, 6.5),
)
