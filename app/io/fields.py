"""The field catalogue of a persons spreadsheet: canonical field names (what `--map col=field` names), the header
spellings met in real files (matched ignoring case, diacritics, spaces, underscores and a bracketed remark such as
"(dd/mm/yyyy)"), and which fields are required.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain.text import nfc, search_key


@dataclass(frozen=True)
class Field:
    name: str              # canonical: ho_ten, ngay_sinh, …
    label_vi: str
    label_en: str
    aliases: tuple[str, ...]
    required: bool = False


IGNORE = "bo_qua"  # --map "Ghi chú=bo_qua": leave a column out

FIELDS: tuple[Field, ...] = (
    Field("ho_ten", "Họ và tên", "Full name", (
        "Họ và tên", "Họ tên", "ho_ten", "Họ và tên người tham gia", "Họ tên người tham gia", "Họ và tên thành viên",
        "Họ tên thành viên", "Tên người tham gia", "Họ và tên nhân khẩu", "HoTen"), required=True),
    Field("ngay_sinh", "Ngày sinh", "Date of birth", (
        "Ngày sinh", "Ngày tháng năm sinh", "Ngày, tháng, năm sinh", "Năm sinh", "ngay_sinh", "NS",
        "Ngày/tháng/năm sinh", "NgaySinh"), required=True),
    # "Năm sinh" over two columns "Nam" | "Nữ": the year is written under the person's sex.
    Field("ngay_sinh_nam", "Năm sinh (Nam)", "Year of birth (male)", (
        "Năm sinh Nam", "Ngày sinh Nam", "Ngày tháng năm sinh Nam", "Ngày, tháng, năm sinh Nam", "Năm sinh (Nam)",
        "Ngày sinh (Nam)", "ngay_sinh_nam")),
    Field("ngay_sinh_nu", "Năm sinh (Nữ)", "Year of birth (female)", (
        "Năm sinh Nữ", "Ngày sinh Nữ", "Ngày tháng năm sinh Nữ", "Ngày, tháng, năm sinh Nữ", "Năm sinh (Nữ)",
        "Ngày sinh (Nữ)", "ngay_sinh_nu")),
    Field("ma_ho", "Mã hộ", "Household code", (
        "Mã hộ", "Mã hộ gia đình", "ma_ho", "Mã HGĐ", "Mã hộ GĐ", "Số hộ", "Maho_Giadinh", "Maso_HoGiadinh",
        "Mã số hộ gia đình", "Mã số hộ"), required=True),
    Field("gioi_tinh", "Giới tính", "Sex", ("Giới tính", "gioi_tinh", "Giới", "Phái", "Nam/Nữ", "GioiTinh")),
    Field("nu", "Nữ (đánh dấu x)", "Female (marked x)", ("Nữ", "nu", "Giới tính Nữ")),
    Field("nam", "Nam (đánh dấu x)", "Male (marked x)", ("Giới tính Nam",)),
    Field("ma_so_bhxh", "Mã số BHXH", "Social-insurance code", (
        "Mã số BHXH", "Mã BHXH", "ma_so_bhxh", "Số BHXH", "Mã số bảo hiểm xã hội", "Mã số BHXH/Số sổ BHXH",
        "Số sổ BHXH", "Mã số BH", "ma_bhxh", "MasoBHXH", "Maso_BHXH")),
    Field("so_cccd", "Số CCCD/CMND", "ID number", (
        "Số CCCD/CMND", "Số CCCD", "CCCD", "Số định danh", "Số định danh cá nhân", "so_cccd", "CCCD/CMND",
        "Số CMND/CCCD", "CMND/CCCD", "Số CCCD/ĐDCN/Hộ chiếu", "Số CCCD/ĐDCN", "Số căn cước",
        "Số căn cước công dân", "Mã định danh", "Số ĐDCN", "SoCCCD", "Số CCCD/CMND/ĐDCN/Hộ chiếu")),
    # The old 9-digit identity card beside the CCCD (the declaration template has both): used when no CCCD.
    Field("so_cmnd", "Số CMND", "Old ID card number", ("Số CMND", "CMND", "so_cmnd")),
    Field("noi_dk_khai_sinh", "Nơi đăng ký khai sinh", "Birth-registration place", (
        "Nơi đăng ký khai sinh", "Nơi khai sinh", "noi_dk_khai_sinh", "Nơi ĐK khai sinh", "Nơi ĐKKS", "Nơi sinh",
        "Nơi đăng ký giấy khai sinh")),
    # The birth-registration place in three columns (names), with their codes beside them.
    Field("noi_ks_tinh", "Tỉnh nơi đăng ký khai sinh", "Birth-registration province", (
        "TenTinhKS", "Nơi đăng ký khai sinh Tỉnh", "Nơi đăng ký khai sinh Tỉnh/TP", "Nơi ĐKKS Tỉnh",
        "Nơi khai sinh Tỉnh", "Tỉnh khai sinh", "Tỉnh (nơi đăng ký khai sinh)", "Tên tỉnh khai sinh",
        "Tỉnh/TP nơi đăng ký khai sinh", "noi_ks_tinh")),
    Field("noi_ks_huyen", "Huyện nơi đăng ký khai sinh", "Birth-registration district", (
        "TenHuyenKS", "Nơi đăng ký khai sinh Huyện", "Nơi đăng ký khai sinh Quận/Huyện", "Nơi ĐKKS Huyện",
        "Nơi khai sinh Huyện", "Huyện khai sinh", "Huyện (nơi đăng ký khai sinh)", "Tên huyện khai sinh",
        "Quận/Huyện nơi đăng ký khai sinh", "noi_ks_huyen")),
    Field("noi_ks_xa", "Xã nơi đăng ký khai sinh", "Birth-registration commune", (
        "TenXaKS", "Nơi đăng ký khai sinh Xã", "Nơi đăng ký khai sinh Xã/Phường", "Nơi ĐKKS Xã",
        "Nơi khai sinh Xã", "Xã khai sinh", "Xã (nơi đăng ký khai sinh)", "Tên xã khai sinh",
        "Xã/Phường nơi đăng ký khai sinh", "noi_ks_xa")),
    Field("ma_tinh_ks", "Mã tỉnh nơi đăng ký khai sinh", "Birth-registration province code", (
        "Matinh_KS", "Mã tỉnh khai sinh", "Mã tỉnh KS", "Mã tỉnh nơi đăng ký khai sinh", "ma_tinh_ks")),
    Field("quan_he_chu_ho", "Quan hệ với chủ hộ", "Relation to the head", (
        "Quan hệ với chủ hộ", "Quan hệ", "quan_he_chu_ho", "Quan hệ chủ hộ", "QH với chủ hộ", "Mối quan hệ",
        "Quan hệ với CH", "quan_he", "TenMoiQuanHe", "Tên mối quan hệ")),
    # Code columns beside their name columns ("Dân tộc" | "Mã dân tộc"): read when the name cell is empty.
    Field("ma_quan_he", "Mã quan hệ với chủ hộ", "Relation code", (
        "Mã quan hệ", "Mã mối quan hệ", "Mã quan hệ với chủ hộ", "ma_quan_he")),
    Field("ma_doi_tuong", "Mã đối tượng", "Participant group", (
        "Mã đối tượng", "ma_doi_tuong", "Đối tượng", "Mã ĐT", "Nhóm đối tượng", "Đối tượng tham gia")),
    Field("so_the_bhyt", "Số thẻ BHYT", "Card number", (
        "Số thẻ BHYT", "Mã thẻ", "so_the_bhyt", "Mã thẻ BHYT", "Số thẻ", "ma_the", "Mã số thẻ BHYT")),
    Field("han_the_tu", "Hạn thẻ từ", "Card valid from", (
        "Hạn thẻ từ", "han_the_tu", "Hạn thẻ từ ngày", "Giá trị sử dụng từ", "Từ ngày", "Hiệu lực từ",
        "Thẻ có giá trị từ", "Giá trị từ")),
    Field("han_the_den", "Hạn thẻ đến", "Card valid to", (
        "Hạn thẻ", "Hạn thẻ đến", "han_the_den", "Hạn thẻ đến ngày", "Giá trị sử dụng đến", "Đến ngày",
        "Hiệu lực đến", "Hạn sử dụng", "Thẻ có giá trị đến", "Giá trị đến")),
    Field("dan_toc", "Dân tộc", "Ethnicity", ("Dân tộc", "dan_toc", "TenDanToc", "Tên dân tộc")),
    Field("ma_dan_toc", "Mã dân tộc", "Ethnicity code", ("Mã dân tộc", "Ma_DanToc", "ma_dan_toc")),
    Field("dia_chi", "Địa chỉ", "Address", (
        "Địa chỉ", "Thôn", "Thôn, xóm", "dia_chi", "Thôn/xóm", "Xóm", "Tổ", "Thôn/tổ", "Thôn, tổ", "Nơi cư trú",
        "Địa chỉ thường trú", "Địa chỉ cư trú", "Nơi ở", "Nơi thường trú", "Thôn xóm", "MaThon", "Tên thôn/xóm",
        "Diachi_DangSS")),
    Field("so_dien_thoai", "Số điện thoại", "Phone", (
        "Số điện thoại", "Điện thoại", "SĐT", "so_dien_thoai", "Dienthoai_LH", "DienThoai", "Điện thoại liên hệ")),
    Field("noi_dk_kcb", "Nơi đăng ký KCB ban đầu", "Initial health facility", (
        "Nơi đăng ký KCB ban đầu", "Nơi ĐK KCB ban đầu", "Nơi đăng ký KCB", "Nơi KCB ban đầu", "noi_dk_kcb",
        "KCB ban đầu", "Nơi đăng ký khám chữa bệnh ban đầu", "Bệnh viện đăng ký", "Nơi KCB", "TenBenhVien")),
    Field("ma_kcb", "Mã KCB ban đầu", "Initial health facility code", (
        "Mã KCB ban đầu", "Mã KCB", "ma_kcb", "Mã nơi đăng ký KCB", "Mã cơ sở KCB", "Mã BV", "MaBenhVien")),
    Field("stt", "STT", "No.", ("STT", "TT", "Số TT", "Số thứ tự", "ID Lao động", "ID người tham gia",
                                "ID Lao động lấy ở Sheet Dữ Liệu")),
    # The template's titles as the vendor's workbook writes them (resources/forms/vnpt_d03_tk1_columns.csv), and
    # the head's residence on its annex (Diachi_TT_CH, titled "Địa chỉ thường trú"): not the member's address.
    Field(IGNORE, "(bỏ qua)", "(ignored)", (
        "Ghi chú", "bo_qua", "Mahuyen_KS", "Maxa_KS", "Mã huyện khai sinh", "Mã xã khai sinh", "Diachi_KS",
        "DiachiDK_KS", "Diachi_HK", "MaTinhBenhVien", "TenTinhBenhVien", "Địa chỉ hộ khẩu",
        "Địa chỉ đăng ký khai sinh", "Diachi_TT_CH")),
)
BY_NAME = {f.name: f for f in FIELDS}
REQUIRED = tuple(f.name for f in FIELDS if f.required)
# A name column and a code column of the same thing side by side ("TenDanToc" | "DanToc", "TenMoiQuanHe" |
# "MoiQuanHe" in the declaration software's template): the one that is not the name is read as the code column.
CODE_OF = {"dan_toc": "ma_dan_toc", "quan_he_chu_ho": "ma_quan_he"}
# A required field some other columns stand in for: the birth year written under the person's sex; households
# read from the order of "Quan hệ với chủ hộ" (a new one at each head) when there is no household column.
STANDS_IN = {"ngay_sinh": ("ngay_sinh_nam", "ngay_sinh_nu"), "ma_ho": ("quan_he_chu_ho", "ma_quan_he")}
UNSTORED = frozenset(("stt", IGNORE))  # recognised to find the header, never stored
# Not counted when telling a header row from others: a code (DanToc) or a part of another column's meaning.
SECONDARY = frozenset(("ma_dan_toc", "ma_quan_he", "ma_tinh_ks", "so_cmnd"))

_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
# Spellings that must not be read through their unmarked key: "Năm" (year) is not "Nam" (male).
_NOT_A_FIELD = frozenset(("năm",))


def header_key(text: object) -> str:
    """'Họ và tên' / 'HO_VA_TEN' / 'ho va  ten' -> 'hovaten': no case, diacritics, spaces or underscores."""
    return search_key(str(text)).replace(" ", "") if text is not None else ""


def _build_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for f in FIELDS:
        for alias in (f.name, f.label_vi) + f.aliases:
            key = header_key(alias)
            if index.get(key, f.name) != f.name:
                raise ValueError(f"header alias {alias!r} names both {index[key]} and {f.name}")
            index[key] = f.name
    return index


ALIASES = _build_index()


def field_for_header(text: object) -> str | None:
    """The field a header names, or None. A bracketed remark is ignored when the whole text is not known."""
    if not isinstance(text, str) or not text.strip():
        return None
    if nfc(text).lower() in _NOT_A_FIELD:
        return None
    key = header_key(text)
    found = ALIASES.get(key)
    if found is None and ("(" in text or "[" in text):
        found = ALIASES.get(header_key(_BRACKETS.sub(" ", text)))
    return found


def field_names() -> list[str]:
    return [f.name for f in FIELDS]
