"""TK1-TS, Tờ khai tham gia, điều chỉnh thông tin BHXH, BHYT, and its household annex (DOMAIN §6.4, FORMS.md §4–5).

Part I carries the QĐ 490 numbering [01]–[16] (verified from copies, medium confidence). Part II keeps the QĐ 505
wording; its 490 numbers were not found, so it is numbered on from [17] (inferred: Part I ends at [16]). The annex
is the 505 table; its household fields replace "Số sổ hộ khẩu" by the head's CCCD (inferred: the household book
ended on 1/1/2023 and the declaration software asks for "Số CCCD/ĐDCN chủ hộ"). All three are unsure (DOMAIN §8).
"""
from __future__ import annotations

from app.lists.forms.base import (
    Column,
    DeclarationForm,
    Item,
    Line,
    Page,
    Part,
    Signature,
    TableForm,
    motto_lines,
)

PART_I = (
    (Item("[01]", "Họ và tên (viết chữ in hoa)", "ho_ten"),),
    (Item("[02]", "Giới tính", "gioi_tinh"), Item("[03]", "Ngày, tháng, năm sinh", "ngay_sinh", "date")),
    (Item("[04]", "Quốc tịch", "quoc_tich"), Item("[05]", "Dân tộc", "dan_toc")),
    (Item("[06]", "Số CCCD/ĐDCN/Hộ chiếu", "so_cccd", "code"),),
    (Item("[07]", "Điện thoại", "dien_thoai", "code"), Item("[08]", "Email (nếu có)", "email")),
    (Item("[09]", "Nơi đăng ký khai sinh"),),
    (Item("[09.1]", "Xã", "ks_xa"), Item("[09.2]", "Huyện", "ks_huyen"), Item("[09.3]", "Tỉnh", "ks_tinh")),
    (Item("[10]", "Họ tên cha/mẹ/giám hộ (đối với trẻ em dưới 6 tuổi)", "cha_me_giam_ho"),),
    (Item("[11]", "Đăng ký nhận kết quả giải quyết thủ tục hành chính", "nhan_ket_qua"),),
    (Item("[12]", "Số nhà, đường/phố, thôn/xóm", "dc_so_nha"),),
    (Item("[13]", "Xã", "dc_xa"), Item("[14]", "Huyện", "dc_huyen"), Item("[15]", "Tỉnh", "dc_tinh")),
    (Item("[16]", "Kê khai Phụ lục Thành viên hộ gia đình (phụ lục kèm theo) đối với người tham gia tra cứu không "
                  "thấy mã số BHXH và người tham gia BHYT theo hộ gia đình để giảm trừ mức đóng", "phu_luc", "mark"),),
)

PART_II = (
    (Item("[17]", "Mã số BHXH", "ma_so_bhxh", "code"),),
    (Item("[18]", "Điều chỉnh thông tin cá nhân"),),
    (Item("[18.1]", "Họ và tên (viết chữ in hoa)", "ho_ten"),),
    (Item("[18.2]", "Giới tính", "gioi_tinh"), Item("[18.3]", "Ngày, tháng, năm sinh", "ngay_sinh", "date")),
    (Item("[18.4]", "Nơi đăng ký khai sinh", "noi_khai_sinh"),),
    (Item("[18.5]", "Số CCCD/ĐDCN/Hộ chiếu", "so_cccd", "code"),),
    (Item("[19]", "Mức tiền đóng", "muc_tien_dong", "money"), Item("[20]", "Phương thức đóng", "phuong_thuc_dong")),
    (Item("[21]", "Nơi đăng ký khám bệnh, chữa bệnh ban đầu", "noi_kcb"),),
    (Item("[22]", "Nội dung thay đổi, yêu cầu khác", "noi_dung"),),
    (Item("[23]", "Hồ sơ kèm theo (nếu có)", "ho_so_kem_theo"),),
)

ANNEX_COLUMNS = (
    Column("stt", "A", "Stt", width=4.5, kind="int", align="center"),
    Column("ho_ten", "B", "Họ và tên", width=17),
    Column("ma_so_bhxh", "1", "Mã số BHXH", width=11, kind="code"),
    Column("ngay_sinh", "2", "Ngày tháng năm sinh", width=10, kind="date"),
    Column("gioi_tinh", "3", "Giới tính", width=5.5, align="center"),
    Column("quoc_tich", "4", "Quốc tịch", width=7.5),
    Column("dan_toc", "5", "Dân tộc", width=6.5),
    Column("noi_khai_sinh", "6", "Nơi đăng ký khai sinh", width=15),
    Column("quan_he", "7", "Mối quan hệ với chủ hộ", width=8),
    Column("so_cccd", "8", "Số CMND/ CCCD/ Hộ chiếu", width=12.5, kind="code"),
    Column("ghi_chu", "9", "Ghi chú", width=8),
)

SPACE = "          "
ANNEX_490 = TableForm(
    code="TK1-TS-PL",
    version="490",
    name="Phụ lục Thành viên hộ gia đình",
    columns=ANNEX_COLUMNS,
    parts=(Part("rows", "rows"),),
    title=(
        Line("Phụ lục", "bold", 13, "center"),
        Line("THÀNH VIÊN HỘ GIA ĐÌNH", "bold", 13, "center"),
        Line("(Áp dụng đối với: Người tham gia tra cứu không thấy mã số BHXH; Người tham gia BHYT theo hộ gia đình để "
             "giảm trừ mức đóng; Trẻ em dưới 6 tuổi thực hiện cấp thẻ BHYT liên thông dữ liệu với Bộ Tư pháp)",
             "italic", 10, "center"),
    ),
    info=(
        Line("Họ và tên chủ hộ: {ho_ten_chu_ho}" + SPACE + "Mã số hộ gia đình: {ma_so_ho}"),
        Line("Số CCCD/ĐDCN chủ hộ: {so_cccd_chu_ho}" + SPACE + "Điện thoại liên hệ: {dien_thoai}"),
        Line("Địa chỉ: Số nhà, đường phố, tập thể: {so_nha}" + SPACE + "Thôn (bản, tổ dân phố): {thon}"),
        Line("Xã (phường, thị trấn): {xa}" + SPACE + "Huyện (quận, Tx, Tp thuộc tỉnh): {huyen}"),
        Line("Tỉnh (Tp thuộc Trung ương): {tinh}"),
        Line("Bảng thông tin thành viên hộ gia đình:", "bold"),
    ),
    signatures=(Signature(("Người kê khai",), "(Ký, ghi rõ họ tên)", "nguoi_ke_khai", date_line=True),),
    page=Page("portrait", 10, 10, "none", (15, 10, 15, 15), 9, 9),
)

TK1_TS_490 = DeclarationForm(
    code="TK1-TS",
    version="490",
    name="Tờ khai tham gia, điều chỉnh thông tin bảo hiểm xã hội, bảo hiểm y tế",
    top=(
        Line("Mẫu TK1-TS", "bold", 11, "right"),
        Line("(Ban hành kèm theo Quyết định số 490/QĐ-BHXH ngày 28/3/2023 của BHXH Việt Nam)", "italic", 9, "right"),
    ),
    left=(Line("BẢO HIỂM XÃ HỘI VIỆT NAM", "bold", 12, "center"),),
    right=motto_lines(12),
    title=(
        Line("TỜ KHAI", "bold", 14, "center"),
        Line("THAM GIA, ĐIỀU CHỈNH THÔNG TIN BẢO HIỂM XÃ HỘI, BẢO HIỂM Y TẾ", "bold", 12, "center"),
    ),
    parts=(
        ("part_i", "I. Áp dụng đối với người tham gia tra cứu không thấy mã số BHXH do cơ quan BHXH cấp", PART_I),
        ("part_ii", ("II. Áp dụng đối với người tham gia đã có mã số BHXH đề nghị đăng ký, điều chỉnh thông tin ghi "
                    "trên sổ BHXH, thẻ BHYT"), PART_II),
    ),
    signatures=(
        Signature(("XÁC NHẬN CỦA ĐƠN VỊ",), "", "xac_nhan"),
        Signature(("Người kê khai",), "(Ký, ghi rõ họ tên)", "nguoi_ke_khai", date_line=True),
    ),
    notes=(Line("Ghi chú: Người tham gia tra cứu mã số BHXH tại địa chỉ: https://baohiemxahoi.gov.vn.", "italic", 9),),
    annex=ANNEX_490,
)
