"""The month's increases and decreases in the import template of the VNPT-BHXH declaration software (FORMS.md §11),
so that the office keys nothing in by hand.

Two sheets as the vendor's workbook has them: "Dữ Liệu" (one row per participant) and "Phụ lục" (the household
members, linked by STT = the participant's "ID Lao động"); each with a note row, a title row, the row of column
codes, and the data from row 4. Codes as the template expects: Loai 1 tăng / 3 giảm, PA (TM, GH …), GioiTinh 1 nam /
0 nữ, relation codes 00–22, dates as text dd/mm/yyyy (or mm/yyyy, yyyy), codes as text with their leading zeros.
The column list is data: resources/forms/vnpt_d03_tk1_columns.csv.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from app import messages
from app.domain import codes
from app.domain.text import search_key
from app.errors import HgdError
from app.lists import values
from app.lists.filled import Value
from app.paths import table

messages.register({
    "vnpt.bad_sex": ("Giới tính '{value}' của {name}: cần 'Nam' hoặc 'Nữ'", "Sex '{value}' of {name}: 'Nam' or 'Nữ'"),
    "vnpt.bad_relation": ("Không biết mã quan hệ với chủ hộ của '{value}' ({name})",
                          "No relation code for '{value}' ({name})"),
})

DATA, ANNEX = "Dữ Liệu", "Phụ lục"
INCREASE, DECREASE = 1, 3  # Loại khai báo: 1 Tăng lao động, 3 Giảm lao động (2/4 salary, 5 other)
NEW_CARD, STOPPED = "TM", "GH"  # Phương án: TM tăng mới (cấp mới thẻ), GH giảm hẳn


@dataclass
class VnptMember:
    """A member of the participant's household (sheet "Phụ lục"), the participant and the head included."""

    ho_ten: str
    quan_he: str  # hgd relation code (chu_ho, con …) or its Vietnamese name
    ma_so_bhxh: str = ""
    ngay_sinh: Value = None
    gioi_tinh: str = ""
    so_cccd: str = ""
    ks_tinh: str = ""
    ks_huyen: str = ""
    ks_xa: str = ""
    thon: str = ""
    nguoi_tham_gia: bool = False
    dan_toc: str = ""
    quoc_tich: str = "VN"
    ghi_chu: str = ""


@dataclass
class VnptRow:
    """One participant's increase or decrease (sheet "Dữ Liệu"), with the household members when a TK1 goes too."""

    ho_ten: str
    loai: int = INCREASE
    phuong_an: str = NEW_CARD
    ma_so_bhxh: str = ""
    ngay_sinh: Value = None
    gioi_tinh: str = ""
    so_cccd: str = ""
    ma_ho_gia_dinh: str = ""
    dan_toc: str = ""
    quoc_tich: str = "Việt Nam"
    ks_tinh: str = ""
    ks_huyen: str = ""
    ks_xa: str = ""
    tinh: str = ""
    huyen: str = ""
    xa: str = ""
    dia_chi: str = ""
    benh_vien_tinh: str = ""
    benh_vien: str = ""
    ma_benh_vien: str = ""
    muc_huong: int | None = None
    tu_ngay: Value = None
    so_thang: int | None = None
    ngay_chet: Value = None
    tien_dong: int | None = None  # the base salary the contribution is reckoned on
    ty_le_nsdp: Value = None
    ngay_bien_lai: Value = None
    so_bien_lai: str = ""
    ghi_chu: str = ""
    cha_me_giam_ho: str = ""
    dien_thoai: str = ""
    dia_chi_ho: str = ""
    so_cccd_chu_ho: str = ""
    members: list[VnptMember] = field(default_factory=list)


@cache
def columns(sheet: str) -> list[dict[str, str]]:
    return [row for row in table("forms", "vnpt_d03_tk1_columns.csv") if row["sheet"] == sheet]


@cache
def _relations() -> dict[str, str]:
    """hgd relation codes and Vietnamese names (search keys) -> the template's relation code."""
    out: dict[str, str] = {}
    for row in table("codes", "bhxh_relations.csv"):
        out[search_key(row["name"])] = row["vnpt_code"]
        for rel in filter(None, row["hgd_relation"].split(";")):
            out[rel] = row["vnpt_code"]
    return out


def relation_code(value: str, name: str = "") -> tuple[str, str]:
    """(Vietnamese name, template code) of a relation given as an hgd code or a name."""
    table = _relations()
    code = table.get(value) or table.get(search_key(value))
    if code is None:
        raise HgdError("vnpt.bad_relation", value=value, name=name)
    shown = codes.relation_name(value) or value
    return shown, code


def _sex(value: str, name: str) -> int | None:
    """The template's GioiTinh: 1 nam, 0 nữ."""
    if not value:
        return None
    try:
        sex = codes.parse_sex(value)
    except HgdError:
        sex = None
    if sex is None:
        raise HgdError("vnpt.bad_sex", value=value, name=name)
    return 1 if sex == "M" else 0


def _date(value: Value) -> str | None:
    return values.text(value, "date") or None


def _data_values(i: int, r: VnptRow) -> dict[str, object]:
    ethnic = codes.ethnic_code(r.dan_toc) if r.dan_toc else None
    return {
        "STT": i, "HoTen": r.ho_ten, "MasoBHXH": r.ma_so_bhxh, "Loai": r.loai, "PA": r.phuong_an,
        "TyleNSDP": values.text(r.ty_le_nsdp, "decimal") or None, "NgayBienLai": _date(r.ngay_bien_lai),
        "SoBienLai": r.so_bien_lai, "Tiendong": str(r.tien_dong) if r.tien_dong else None,
        "MucHuong": str(r.muc_huong) if r.muc_huong else None, "TuNgay": _date(r.tu_ngay),
        "NgayChet": _date(r.ngay_chet), "TenTinhDangSS": r.tinh, "TenhuyenDangSS": r.huyen, "TenxaDangSS": r.xa,
        "Diachi_DangSS": r.dia_chi, "Sothang": str(r.so_thang) if r.so_thang else None, "Ghichu": r.ghi_chu,
        "NgaySinh": _date(r.ngay_sinh), "GioiTinh": _sex(r.gioi_tinh, r.ho_ten),
        "TenTinhBenhVien": r.benh_vien_tinh, "TenBenhVien": r.benh_vien, "MaBenhVien": r.ma_benh_vien,
        "Tk1_Save": "x" if r.members else None, "CMND": r.so_cccd, "Maho_Giadinh": r.ma_ho_gia_dinh,
        "TenQuocTich": r.quoc_tich, "QuocTich": "VN" if search_key(r.quoc_tich) == "viet nam" else None,
        "TenDanToc": codes.ethnic_name(ethnic) if ethnic else r.dan_toc, "DanToc": ethnic,
        "TenTinhKS": r.ks_tinh, "TenHuyenKS": r.ks_huyen, "TenXaKS": r.ks_xa, "Ten_ChaMe_Giamho": r.cha_me_giam_ho,
        "Dienthoai_LH": r.dien_thoai, "SoCCCD": r.so_cccd,
        "Diachi_KS": ", ".join(x for x in (r.ks_xa, r.ks_huyen, r.ks_tinh) if x),
    }


def _member_values(i: int, r: VnptRow, m: VnptMember) -> dict[str, object]:
    relation, code = relation_code(m.quan_he, m.ho_ten)
    ethnic = codes.ethnic_code(m.dan_toc) if m.dan_toc else None
    return {
        "STT": i, "HoTen": m.ho_ten, "MasoBHXH": m.ma_so_bhxh, "NgaySinh": _date(m.ngay_sinh),
        "GioiTinh": _sex(m.gioi_tinh, m.ho_ten), "TenTinhKS": m.ks_tinh, "TenHuyenKS": m.ks_huyen,
        "TenXaKS": m.ks_xa, "MaThon": m.thon, "TenMoiQuanHe": relation, "MoiQuanHe": code, "CMND": m.so_cccd,
        "Ghichu": m.ghi_chu, "NguoiThamGia": 1 if m.nguoi_tham_gia else 0, "QuocTich": m.quoc_tich,
        "DanToc": ethnic, "TenTinh": r.tinh, "TenHuyen": r.huyen, "TenXa": r.xa, "Maso_HoGiadinh": r.ma_ho_gia_dinh,
        "Diachi_HK": r.dia_chi_ho or r.dia_chi, "SoCCCD_CH": r.so_cccd_chu_ho,
    }


def _sheet(wb: Workbook, title: str, rows: list[dict[str, object]]) -> None:
    ws = wb.create_sheet(title)
    cols = columns(title)
    bold = Font(bold=True)
    head = PatternFill("solid", fgColor="DDEBF7")
    for j, col in enumerate(cols, 1):
        note = ws.cell(row=1, column=j, value=col["note"] or None)
        note.alignment = Alignment(wrap_text=True, vertical="top")
        ws.cell(row=2, column=j, value=col["title"]).font = bold
        ws.cell(row=2, column=j).fill = head
        ws.cell(row=3, column=j, value=col["code"]).font = bold
        ws.column_dimensions[col["column"]].width = max(10, min(30, len(col["title"]) + 2))
    for i, values_ in enumerate(rows, 4):
        for j, col in enumerate(cols, 1):
            value = values_.get(col["code"])
            if value in (None, ""):
                continue
            cell = ws.cell(row=i, column=j, value=value)
            if isinstance(value, str):
                cell.number_format = "@"  # codes keep their leading zeros
    ws.freeze_panes = "C4"


def write(rows: list[VnptRow], path: str | Path) -> Path:
    """The template with one "Dữ Liệu" row per participant and its household members on "Phụ lục"."""
    path = Path(path)
    wb = Workbook()
    wb.remove(wb.worksheets[0])  # the sheet a new workbook comes with
    data = [_data_values(i, r) for i, r in enumerate(rows, 1)]
    annex = [_member_values(i, r, m) for i, r in enumerate(rows, 1) for m in r.members]
    _sheet(wb, DATA, data)
    _sheet(wb, ANNEX, annex)
    wb.save(path)
    return path
