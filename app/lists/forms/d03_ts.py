"""D03-TS, Danh sách người chỉ tham gia BHYT, as issued with QĐ 490/QĐ-BHXH of 28/3/2023 (DOMAIN §6.1, FORMS.md §1).

Wording, column order and numbering follow the collection organisation's signed file [S1]; header labels follow
the guidance ("Tên đơn vị", "Mã số thuế") as DOMAIN gives them. Unsure, and kept here so that it can change in one
place: what "Cộng tăng"/"Cộng giảm" sum (here the money columns 9–11), the note on "Cột 16" (printed as the form
prints it), whether a "Người lập biểu" block belongs in the footer (not printed).
"""
from __future__ import annotations

from app.lists.forms.base import Column, Line, Page, Part, Signature, TableForm

SUPPORT = ("Hỗ trợ thêm",)
PERIOD = ("Thời gian tham gia",)

COLUMNS = (
    Column("stt", "A", "STT", width=5, kind="int", align="center"),
    Column("ho_ten", "B", "Họ và tên", width=22),
    Column("ma_so_bhxh", "1", "Mã số BHXH", width=12, kind="code"),
    Column("so_cccd", "2", "Số CCCD/\nCNTND\nĐDCN/hộ chiếu", width=14, kind="code"),
    Column("ngay_sinh", "3", "Ngày tháng năm sinh", width=11, kind="date"),
    Column("gioi_tinh", "4", "Giới tính", width=6, align="center"),
    Column("dia_chi", "5", "Địa chỉ", width=24),
    Column("noi_kcb", "6", "Nơi đăng ký KCB ban đầu", width=16),
    Column("ngay_bien_lai", "7", "Ngày biên lai", width=11, kind="date"),
    Column("so_bien_lai", "8", "Số biên lai", width=9, kind="code"),
    Column("tien_luong_huu", "9", "Tiền lương hưu, trợ cấp TN, TS", width=12, kind="money"),
    Column("nsdp", "10", "NSĐP", SUPPORT, width=9, kind="money"),
    Column("ho_tro_khac", "11", "Khác", SUPPORT, width=9, kind="money"),
    Column("tu_thang", "12", "Từ tháng", PERIOD, width=11, kind="date"),
    Column("so_thang", "13", "Số tháng", PERIOD, width=7, kind="int", align="center"),
    Column("ma_nv_thu", "14", "Mã số nhân viên thu", width=10, kind="code"),
    Column("ghi_chu", "15", "Ghi chú", width=14),
)

MONEY = ("tien_luong_huu", "nsdp", "ho_tro_khac")

PARTS = (
    Part("I", "heading", "I", "Tăng"),
    Part("I.1", "rows", "I.1", "Người tham gia", style="bold_italic"),
    Part("I.2", "rows", "I.2", "Tiền lương", style="bold_italic"),
    Part("cong_tang", "total", title="Cộng tăng", of=("I.1", "I.2"), sums=MONEY),
    Part("II", "heading", "II", "Giảm"),
    Part("II.1", "rows", "II.1", "Người tham gia", style="bold_italic"),
    Part("II.2", "rows", "II.2", "Tiền lương", style="bold_italic"),
    Part("cong_giam", "total", title="Cộng giảm", of=("II.1", "II.2"), sums=MONEY),
)

D03_TS_490 = TableForm(
    code="D03-TS",
    version="490",
    name="Danh sách người chỉ tham gia BHYT",
    columns=COLUMNS,
    parts=PARTS,
    left=(
        Line("Tên đơn vị: {ten_don_vi}"),
        Line("Mã đơn vị: {ma_don_vi}          Mã số thuế: {ma_so_thue}"),
        Line("Địa chỉ: {dia_chi_don_vi}"),
        Line("Điện thoại: {dien_thoai}          Email: {email}"),
    ),
    right=(
        Line("Mẫu D03-TS", "bold", 11, "center"),
        Line("(Ban hành kèm theo QĐ số 490/QĐ-BHXH", "italic", 9, "center"),
        Line("ngày 28/3/2023 của BHXH Việt Nam)", "italic", 9, "center"),
    ),
    left_share=0.62,
    motto=False,
    title=(
        Line("DANH SÁCH NGƯỜI CHỈ THAM GIA BHYT", "bold", 14, "center"),
        Line("Số {so} tháng {thang} năm {nam}", "bold_italic", 11, "center"),
    ),
    info=(
        Line("Đối tượng tham gia: {doi_tuong}          Mã đối tượng: {ma_doi_tuong}          "
             "Lương cơ sở: {luong_co_so:money} đồng", "bold"),
        Line("Nguồn đóng: {nguon_dong}          Tỷ lệ NSNN hỗ trợ quy định: {ty_le_nsnn} %", "bold"),
    ),
    after=(
        Line("Tổng số thẻ BHYT đề nghị cấp: {tong_so_the}", "bold"),
        # Printed as the form prints it, although the columns stop at 15 (FORMS.md §1.4; probably column 14).
        Line("- Ghi chú: Cột 16 chỉ áp dụng đối với tổ chức dịch vụ thu  BHXH tự nguyện BHYT", "italic"),
    ),
    signatures=(
        Signature(("Cơ quan LĐTBXH, UBND xã/Tổ chức DV thu/nhà trường",), "(ký, ghi rõ họ tên và đóng dấu)",
                  name_key="nguoi_ky", date_line=True),
    ),
    counts=(("tong_so_the", ("I.1",)),),
    page=Page("landscape", 10, 10, "foot_x_of_y", (15, 10, 15, 10), 8, 8),
)
