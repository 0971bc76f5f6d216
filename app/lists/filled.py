"""What the writers are given: plain values, no database objects (the lead's derivation fills these).

Values are typed: `datetime.date` (or `PartialDate`, or ISO partial text "1975", "1975-03") for dates; `str` for
codes, keeping their leading zeros; `int` or `Decimal` for money, coefficients and counts; `bool` for marks.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from app.domain.dates import PartialDate
from app.lists.forms.base import TableForm

Value = str | int | Decimal | float | date | PartialDate | bool | None


@dataclass
class SectionRows:
    """The rows of one body part of a form ("I.1", "II.1", "rows", "sinh" …): one dict per row, column id -> value.
    The STT column is numbered by the writer unless the row gives it."""

    key: str
    rows: list[dict[str, Value]] = field(default_factory=list)


@dataclass
class FilledList:
    """A list form filled in. `header` fills the {placeholders} of the form's texts (ten_don_vi, so, thang, nam,
    dia_danh …); `signer` names the people under the signature blocks (by the blocks' name keys); `place_date` is the
    date of the date line; `options` are the form's options in use (e.g. {"reduced"} on D02-LT)."""

    definition: TableForm
    header: dict[str, Value] = field(default_factory=dict)
    sections: list[SectionRows] = field(default_factory=list)
    signer: dict[str, str] = field(default_factory=dict)
    place_date: date | None = None
    options: frozenset[str] = frozenset()

    def rows_of(self, key: str) -> list[dict[str, Value]]:
        return [row for s in self.sections if s.key == key for row in s.rows]

    @property
    def row_count(self) -> int:
        return sum(len(s.rows) for s in self.sections)


@dataclass
class Tk1PartI:
    """TK1-TS part I: a person without a BHXH code (a newborn, a person moving in)."""

    ho_ten: str
    gioi_tinh: str = ""
    ngay_sinh: Value = None
    quoc_tich: str = "Việt Nam"
    dan_toc: str = ""
    so_cccd: str = ""
    dien_thoai: str = ""
    email: str = ""
    ks_xa: str = ""
    ks_huyen: str = ""
    ks_tinh: str = ""
    cha_me_giam_ho: str = ""
    nhan_ket_qua: str = ""
    dc_so_nha: str = ""
    dc_xa: str = ""
    dc_huyen: str = ""
    dc_tinh: str = ""
    phu_luc: bool = False


@dataclass
class Tk1PartII:
    """TK1-TS part II: a person with a BHXH code whose data are corrected; only the corrected fields are filled."""

    ma_so_bhxh: str
    ho_ten: str = ""
    gioi_tinh: str = ""
    ngay_sinh: Value = None
    noi_khai_sinh: str = ""
    so_cccd: str = ""
    muc_tien_dong: Value = None
    phuong_thuc_dong: str = ""
    noi_kcb: str = ""
    noi_dung: str = ""
    ho_so_kem_theo: str = ""


@dataclass
class AnnexMember:
    ho_ten: str
    ma_so_bhxh: str = ""
    ngay_sinh: Value = None
    gioi_tinh: str = ""
    quoc_tich: str = "Việt Nam"
    dan_toc: str = ""
    noi_khai_sinh: str = ""
    quan_he: str = ""
    so_cccd: str = ""
    ghi_chu: str = ""


@dataclass
class HouseholdAnnex:
    """Phụ lục Thành viên hộ gia đình: the household's fields and its members."""

    ho_ten_chu_ho: str
    ma_so_ho: str = ""
    so_cccd_chu_ho: str = ""
    dien_thoai: str = ""
    so_nha: str = ""
    thon: str = ""
    xa: str = ""
    huyen: str = ""
    tinh: str = ""
    members: list[AnnexMember] = field(default_factory=list)


@dataclass
class Tk1Declaration:
    """One person's TK1-TS: part I or part II (or both) filled, the household annex when [16] applies, the place and
    date of the date line and the declarant's name (a parent or guardian for a child under 6)."""

    part_i: Tk1PartI | None = None
    part_ii: Tk1PartII | None = None
    annex: HouseholdAnnex | None = None
    dia_danh: str = ""
    on: date | None = None
    nguoi_ke_khai: str = ""


@dataclass
class Party:
    """One party of the handover: its unit ("Ủy ban nhân dân xã Dân Lý") and its representatives (name, position)."""

    don_vi: str
    people: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class HandedList:
    """A list handed over: its name, number of persons, number of pages (from the written PDF) and a note."""

    ten: str
    so_nguoi: int
    so_trang: int
    ghi_chu: str = ""


@dataclass
class PackageInfo:
    package_id: str
    sequence: int
    period: str  # "2026-11"
    file_name: str
    size_bytes: int
    sha256: str  # 64 hexadecimal characters


@dataclass
class MinutesInput:
    """The handover minutes: the commune (name without "Xã"), the place and date, the three parties, the period's
    lists and the package."""

    ten_xa: str
    dia_diem: str
    on: date
    month: int
    year: int
    giver: Party
    courier: Party
    receiver: Party
    lists: list[HandedList]
    package: PackageInfo
    so: str = ""
