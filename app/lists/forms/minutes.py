"""Biên bản bàn giao (handover minutes): hgd's PROPOSED layout (DOMAIN §6.5, FORMS.md §6).

No national template was found; this adapts the "Biên bản" of Nghị định 30/2020 (Mẫu 1.9) to a handover between
three parties. Page numbers follow Nghị định 30: top centre, from page 2.
"""
from __future__ import annotations

from dataclasses import dataclass

from app.lists.forms.base import Line, Page, Signature, motto_lines


@dataclass(frozen=True)
class MinutesForm:
    code: str
    version: str
    name: str
    left: tuple[Line, ...]
    right: tuple[Line, ...]
    title: tuple[Line, ...]
    opening: str
    parties: tuple[tuple[str, str], ...]  # (key, the party's heading "Bên giao: {unit}")
    person_line: str
    content_heading: str
    table_columns: tuple[tuple[str, str, float], ...]  # (key, title, relative width)
    package_heading: str
    package_lines: tuple[tuple[str, str], ...]  # (label, key)
    qr_caption: str
    statement: str
    signatures: tuple[Signature, ...]
    notes: tuple[Line, ...]
    page: Page


MINUTES_HGD1 = MinutesForm(
    code="BBBG",
    version="hgd-1",
    name="Biên bản bàn giao danh sách và dữ liệu",
    left=(Line("UBND XÃ {ten_xa_hoa}", "bold", 12, "center"), Line("Số: {so}", "normal", 12, "center")),
    right=motto_lines(12),
    title=(
        Line("BIÊN BẢN BÀN GIAO", "bold", 14, "center"),
        Line("Danh sách và dữ liệu biến động thành viên hộ gia đình, người tham gia BHYT tháng {thang} năm {nam}",
             "bold", 12, "center"),
    ),
    opening="Hôm nay, ngày {ngay_lap} tháng {thang_lap} năm {nam_lap}, tại {dia_diem}, chúng tôi gồm:",
    parties=(
        ("giao", "Bên giao: {don_vi}"),
        ("chuyen", "Bên nhận chuyển: {don_vi}"),
        ("nhan", "Bên nhận: {don_vi}"),
    ),
    person_line="Ông/Bà: {ten}          Chức vụ: {chuc_vu}",
    content_heading="Bên giao bàn giao các danh sách, tài liệu và tệp dữ liệu sau:",
    table_columns=(
        ("stt", "STT", 0.08),
        ("ten", "Tên danh sách / tài liệu", 0.50),
        ("so_nguoi", "Số người", 0.12),
        ("so_trang", "Số trang", 0.12),
        ("ghi_chu", "Ghi chú", 0.18),
    ),
    package_heading="Tệp dữ liệu (gói đã ký số):",
    package_lines=(
        ("Mã gói", "ma_goi"),
        ("Số thứ tự gói", "so_thu_tu"),
        ("Kỳ báo cáo", "ky"),
        ("Tên tệp", "ten_tep"),
        ("Dung lượng", "dung_luong"),
        ("Dấu vân tay (SHA-256)", "van_tay"),
        ("Đọc tắt", "van_tay_ngan"),
    ),
    qr_caption="Mã QR: dấu vân tay SHA-256 của gói",
    statement="Biên bản được lập thành 03 bản có giá trị như nhau, mỗi bên giữ 01 bản.",
    signatures=(
        Signature(("ĐẠI DIỆN UBND XÃ",), "(Ký, ghi rõ họ tên, đóng dấu)", "giao"),
        Signature(("ĐẠI DIỆN BƯU ĐIỆN",), "(Ký, ghi rõ họ tên)", "chuyen"),
        Signature(("ĐẠI DIỆN CƠ QUAN BHXH",), "(Ký, ghi rõ họ tên)", "nhan"),
    ),
    notes=(Line("Mẫu do phần mềm hgd đề xuất.", "italic", 8),),
    page=Page("portrait", 12, 11, "top_center_from_2", (20, 15, 20, 30)),
)
