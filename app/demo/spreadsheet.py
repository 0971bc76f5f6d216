"""The demo's people as a spreadsheet in the import format, for benchmarks and tests of the importer.

"plain": one header row with the import format's column names, one row per person. "commune": an XLSX the way a
commune's file looks — the committee and the national motto on top, a title, Vietnamese column titles, a numbering
row, the people, and the date line and signature blocks at the foot. The same (persons, seed, today) gives the same
bytes: the XLSX's zip entries and document properties carry `today`, not the wall clock.
"""
from __future__ import annotations

import csv
import shutil
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.writer.excel import ExcelWriter

from app import messages
from app.demo.commune import short
from app.demo.generator import DemoData, generate_people
from app.demo.model import dmy
from app.domain import codes
from app.errors import HgdError

messages.register({
    "demo.format": ("Định dạng tệp '{fmt}' không được hỗ trợ: chọn xlsx hoặc csv",
                    "File format '{fmt}' is not supported: choose xlsx or csv"),
})

COLUMNS = ("ma_so_bhxh", "ho_ten", "ngay_sinh", "gioi_tinh", "dan_toc", "so_cccd", "noi_dk_khai_sinh", "ma_ho",
           "quan_he_chu_ho", "ma_doi_tuong", "so_the_bhyt", "han_the_den", "dia_chi")
# The commune file's titles, in its own order (STT first, the name next), each with the import column it holds.
COMMUNE_COLUMNS = (
    ("STT", None, 6), ("Họ và tên", "ho_ten", 26), ("Ngày sinh", "ngay_sinh", 12), ("Giới tính", "gioi_tinh", 8),
    ("Dân tộc", "dan_toc", 10), ("Số CCCD/ĐDCN", "so_cccd", 15), ("Mã số BHXH", "ma_so_bhxh", 13),
    ("Nơi đăng ký khai sinh", "noi_dk_khai_sinh", 40), ("Mã hộ", "ma_ho", 13),
    ("Quan hệ với chủ hộ", "quan_he_chu_ho", 12), ("Mã đối tượng", "ma_doi_tuong", 8),
    ("Số thẻ BHYT", "so_the_bhyt", 17), ("Hạn thẻ đến", "han_the_den", 12), ("Thôn, xóm", "dia_chi", 16),
)


def person_rows(data: DemoData, limit: int | None = None) -> Iterator[tuple[str, ...]]:
    """The active people of active households, household by household, as import-format values (all text)."""
    homes = {h["id"]: h for h in data.households if h["status"] == "active"}
    ethnic, relation = codes.ethnic_groups(), codes.relations()
    for p in data.persons:
        home = homes.get(p["household_id"])
        if home is None or p["status"] != "active":
            continue
        if limit is not None:
            if limit == 0:
                return
            limit -= 1
        yield (p["bhxh_code"] or "", p["full_name"], dmy(p["birth_date"]), "Nam" if p["sex"] == "M" else "Nữ",
               ethnic.get(p["ethnicity_code"], ""), p["id_number"] or "", p["birth_place"] or "", home["code"],
               relation.get(p["relation"], ""), p["group_code"] or "", p["card_number"] or "",
               dmy(p["card_valid_to"]), home["address"] or "")


class _SameTimeZip(ZipFile):
    """A zip whose entries all carry one date, so that the same workbook gives the same bytes."""

    def __init__(self, path: str | Path, when: date) -> None:
        super().__init__(path, "w", ZIP_DEFLATED, allowZip64=True)
        self._when = (max(when.year, 1980), when.month, when.day, 0, 0, 0)

    def _info(self, name: str) -> ZipInfo:
        info = ZipInfo(name, self._when)
        info.compress_type, info.external_attr = ZIP_DEFLATED, 0o600 << 16
        return info

    def writestr(self, zinfo_or_arcname: str | ZipInfo, data: Any, *args: Any, **kwargs: Any) -> None:
        if isinstance(zinfo_or_arcname, str):
            zinfo_or_arcname = self._info(zinfo_or_arcname)
        return super().writestr(zinfo_or_arcname, data, *args, **kwargs)

    def write(self, filename: Any, arcname: Any = None, *args: Any, **kwargs: Any) -> None:
        with open(filename, "rb") as src, self.open(self._info(arcname or Path(filename).name), "w") as dest:
            shutil.copyfileobj(src, dest, 1 << 20)


def _save(wb: Workbook, path: Path, today: date) -> None:
    stamp = datetime(today.year, today.month, today.day)
    wb.properties.created = wb.properties.modified = stamp
    wb.properties.creator = "hgd"
    with _SameTimeZip(path, today) as archive:
        ExcelWriter(wb, archive).save()


def write_persons_file(path: str | Path, *, persons: int, seed: int, fmt: str, today: date | None = None,
                       style: str = "plain") -> int:
    """Write the demo commune's people as a spreadsheet: `persons` rows, the people of the commune's active households
    (generated with count="active", so that the dead and the moved out are not among them); return the number of
    person rows (fewer than `persons` only for a commune too small to hold all its planned events)."""
    fmt = fmt.lower().lstrip(".")
    if fmt not in ("xlsx", "csv") or style not in ("plain", "commune") or (fmt == "csv" and style == "commune"):
        raise HgdError("demo.format", fmt=f"{fmt}/{style}")
    data = generate_people(persons, seed, today, count="active")
    path = Path(path)
    if fmt == "csv":
        with path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(COLUMNS)
            count = 0
            for count, row in enumerate(person_rows(data, persons), 1):
                writer.writerow(row)
        return count
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Danh sách" if style == "commune" else "persons")
    count = _commune_sheet(ws, data, persons) if style == "commune" else _plain_sheet(ws, data, persons)
    _save(wb, path, data.today)
    return count


def _plain_sheet(ws: Any, data: DemoData, limit: int) -> int:
    ws.append(COLUMNS)
    count = 0
    for count, row in enumerate(person_rows(data, limit), 1):
        ws.append(row)
    return count


def _commune_sheet(ws: Any, data: DemoData, limit: int) -> int:
    commune, today = data.commune, data.today
    width = len(COMMUNE_COLUMNS)
    last = chr(ord("A") + width - 1)
    bold, italic = Font(name="Times New Roman", bold=True), Font(name="Times New Roman", italic=True)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)

    def cell(value: Any, font: Font | None = None, align: Alignment | None = None) -> Any:
        c = WriteOnlyCell(ws, value)
        if font:
            c.font = font
        if align:
            c.alignment = align
        return c

    for i, (_, _, w) in enumerate(COMMUNE_COLUMNS):
        ws.column_dimensions[chr(ord("A") + i)].width = w
    name = short(commune["commune_name"])
    ws.append([cell(f"UBND XÃ {name.upper()}", bold, centre)] + [None] * 6
              + [cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold, centre)])
    ws.append([None] * 7 + [cell("Độc lập - Tự do - Hạnh phúc", bold, centre)])
    ws.append([])
    ws.append([cell("DANH SÁCH THÀNH VIÊN HỘ GIA ĐÌNH", bold, centre)])
    ws.append([cell(f"{commune['commune_name']}, {commune['province_name']} — tháng {today.month:02d} năm "
                    f"{today.year}", italic, centre)])
    ws.append([])
    ws.append([cell(title, bold, centre) for title, _, _ in COMMUNE_COLUMNS])
    ws.append([cell(f"({i})", italic, centre) for i in range(1, width + 1)])
    for ref in ("A1:F1", f"H1:{last}1", f"H2:{last}2", f"A4:{last}4", f"A5:{last}5"):
        ws.merged_cells.add(ref)
    index = {c: i for i, c in enumerate(COLUMNS)}
    picks = [index[col] for _, col, _ in COMMUNE_COLUMNS[1:]]
    count = 0
    for count, row in enumerate(person_rows(data, limit), 1):
        ws.append([count] + [row[i] for i in picks])
    foot = 8 + count + 2
    ws.append([])
    ws.append([None] * 9 + [cell(f"{name}, ngày {today.day:02d} tháng {today.month:02d} năm {today.year}", italic,
                                 centre)])
    ws.append([None, cell("NGƯỜI LẬP BIỂU", bold, centre)] + [None] * 7
              + [cell("TM. ỦY BAN NHÂN DÂN", bold, centre)])
    ws.append([None, cell("(Ký, ghi rõ họ tên)", italic, centre)] + [None] * 7 + [cell("CHỦ TỊCH", bold, centre)])
    ws.append([None] * 9 + [cell("(Ký, đóng dấu, ghi rõ họ tên)", italic, centre)])
    for _ in range(3):
        ws.append([])
    ws.append([None, cell(commune.get("clerk", ""), bold, centre)] + [None] * 7
              + [cell(commune.get("chairman", ""), bold, centre)])
    for r in range(foot, foot + 4):
        ws.merged_cells.add(f"J{r}:{last}{r}")
    ws.merged_cells.add(f"J{foot + 7}:{last}{foot + 7}")
    return count
