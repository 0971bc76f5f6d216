"""Danh sách biến động thành viên hộ gia đình: hgd's PROPOSED layout (DOMAIN §6.3, FORMS.md §3).

No national template exists in the sources searched; the member columns follow the titles and order of the TK1-TS
household annex so that BHXH staff key them in without re-mapping. The footer says the layout is hgd's proposal.
"""
from __future__ import annotations

from app.lists.forms.base import Column, Line, Page, Part, Signature, TableForm

# The kinds of change, in the order the list prints them (part key, printed name).
KINDS = (
    ("sinh", "Sinh"),
    ("chet", "Chết"),
    ("tach_ho", "Tách hộ"),
    ("nhap_ho", "Nhập hộ"),
    ("chuyen_den", "Chuyển đến"),
    ("chuyen_di", "Chuyển đi"),
    ("dieu_chinh", "Điều chỉnh thông tin"),
    ("thay_doi_chu_ho", "Thay đổi chủ hộ"),
)

COLUMNS = (
    Column("stt", "A", "STT", width=4.5, kind="int", align="center"),
    Column("ma_so_ho", "1", "Mã số hộ gia đình", width=11, kind="code"),
    Column("chu_ho", "2", "Họ và tên chủ hộ", width=16),
    Column("ho_ten", "3", "Họ và tên", width=16),
    Column("ma_so_bhxh", "4", "Mã số BHXH", width=11, kind="code"),
    Column("ngay_sinh", "5", "Ngày tháng năm sinh", width=10, kind="date"),
    Column("gioi_tinh", "6", "Giới tính", width=5.5, align="center"),
    Column("quoc_tich", "7", "Quốc tịch", width=7.5),
    Column("dan_toc", "8", "Dân tộc", width=6.5),
    Column("noi_khai_sinh", "9", "Nơi đăng ký khai sinh", width=16),
    Column("quan_he", "10", "Mối quan hệ với chủ hộ", width=8),
    Column("so_cccd", "11", "Số CCCD/ĐDCN/Hộ chiếu", width=12.5, kind="code"),
    Column("loai", "12", "Loại biến động", width=9),
    Column("ngay_bien_dong", "13", "Ngày biến động", width=10, kind="date"),
    Column("truoc", "14", "Nội dung trước biến động", width=15),
    Column("sau", "15", "Nội dung sau biến động", width=15),
    Column("ghi_chu", "16", "Ghi chú", width=10),
)

CHANGE_LIST_HGD1 = TableForm(
    code="BD-HGD",
    version="hgd-1",
    name="Danh sách biến động thành viên hộ gia đình",
    columns=COLUMNS,
    parts=tuple(Part(key, "rows", "auto", name, count=True, omit_empty=True) for key, name in KINDS)
    + (Part("tong", "total", title="Tổng cộng", of=tuple(k for k, _ in KINDS), count=True),),
    left=(Line("UBND XÃ {ten_xa_hoa}", "bold", 12, "center"), Line("Số: {so}", "normal", 11, "center")),
    motto=True,
    left_share=0.4,
    title=(
        Line("DANH SÁCH BIẾN ĐỘNG THÀNH VIÊN HỘ GIA ĐÌNH", "bold", 14, "center"),
        Line("Tháng {thang} năm {nam}", "bold_italic", 12, "center"),
        Line("Kính gửi: Bảo hiểm xã hội {co_quan_bhxh}", "normal", 12, "center"),
    ),
    signatures=(
        Signature(("NGƯỜI LẬP BIỂU",), "(Ký, ghi rõ họ tên)", "nguoi_lap"),
        Signature(("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), "(Ký, đóng dấu, ghi rõ họ tên)", "chu_tich", date_line=True),
    ),
    notes=(Line("Mẫu do phần mềm hgd đề xuất (không có mẫu quốc gia cho danh sách này).", "italic", 8),),
    page=Page("landscape", 9, 9, "foot_x_of_y", (12, 8, 12, 8), 8, 8),
)
