"""Person lists in the shapes new users bring, built from code (nothing binary in the repository).

    python tests/corpus/make_formats.py OUT_DIR       # writes every file below into OUT_DIR and lists them

Each builder writes one realistic file for the two households of FAMILY and returns its path; EXPECTED is what the
register must hold after importing any of them (BHXH code -> name, birth, sex, relation, household members).
"""
from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font

# Two households as a commune keeps them: the head first, then the members.
FAMILY = [
    {"name": "Nguyễn Văn Hùng", "year": 1975, "born": "15/03/1975", "sex": "Nam", "relation": "Chủ hộ", "household": "2601000101",
         "bhxh": "2601234567", "ethnic": "Kinh", "address": "Thôn Đông"},
    {"name": "Trần Thị Mai", "year": 1978, "born": "1978", "sex": "Nữ", "relation": "Vợ", "household": "2601000101",
         "bhxh": "2601234568", "ethnic": "Kinh", "address": "Thôn Đông"},
    {"name": "Nguyễn Thị Lan", "year": 2010, "born": "02/2010", "sex": "Nữ", "relation": "Con", "household": "2601000101",
         "bhxh": "2601234569", "ethnic": "Kinh", "address": "Thôn Đông"},
    {"name": "Hà Văn Tâm", "year": 1960, "born": "1960", "sex": "Nam", "relation": "Chủ hộ", "household": "2601000102",
         "bhxh": "2601234570", "ethnic": "Mường", "address": "Thôn Tây"},
    {"name": "Bùi Thị Nga", "year": 1962, "born": "1962", "sex": "Nữ", "relation": "Vợ", "household": "2601000102",
         "bhxh": "2601234571", "ethnic": "Mường", "address": "Thôn Tây"},
]
# name -> (birth date as stored, sex); households as lists of names, head first.
EXPECTED = {p["name"]: ({"15/03/1975": "1975-03-15", "02/2010": "2010-02"}.get(p["born"], p["born"]),
                        "M" if p["sex"] == "Nam" else "F") for p in FAMILY}
HOUSEHOLDS = [[p["name"] for p in FAMILY[:3]], [p["name"] for p in FAMILY[3:]]]

TITLE = ["UBND XÃ DÂN LÝ", None, None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
SIGNATURES = [[], [None, None, None, None, "Dân Lý, ngày 02 tháng 12 năm 2025"],
              [None, "NGƯỜI LẬP BIỂU", None, None, "TM. UBND XÃ"], [None, "(Ký, ghi rõ họ tên)"], [],
              [None, "Trương Thị Bằng", None, None, "Tô Trường Giang"]]


def _save(wb: openpyxl.Workbook, path: Path) -> Path:
    wb.save(path)
    return path


def nam_nu_birth_years(path: Path) -> Path:
    """The household book's layout: "Năm sinh" over "Nam" | "Nữ", the year written under the person's sex."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws.append(TITLE)
    ws.append(["DANH SÁCH NHÂN KHẨU THEO HỘ GIA ĐÌNH"])
    ws.append([])
    ws.append(["STT", "Họ và tên", "Năm sinh", None, "Quan hệ với chủ hộ", "Mã hộ", "Dân tộc", "Thôn", "Ghi chú"])
    ws.append([None, None, "Nam", "Nữ"])
    for n, p in enumerate(FAMILY, 1):
        male, female = (p["year"], None) if p["sex"] == "Nam" else (None, str(p["year"]))
        ws.append([n, p["name"], male, female, p["relation"], p["household"], p["ethnic"], p["address"], None])
    for row in SIGNATURES:
        ws.append(row)
    for ref in ("A4:A5", "B4:B5", "C4:D4", "E4:E5", "F4:F5", "G4:G5", "H4:H5", "I4:I5", "A2:I2"):
        ws.merge_cells(ref)
    ws["A2"].font = Font(bold=True)
    return _save(wb, path)


def code_on_head_row(path: Path) -> Path:
    """The household code written on the head's row only, its members listed under it."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["DANH SÁCH HỘ GIA ĐÌNH THAM GIA BHYT"])
    ws.append(["STT", "Mã hộ", "Họ và tên", "Ngày sinh", "Giới tính", "Quan hệ với chủ hộ", "Mã số BHXH", "Địa chỉ"])
    for n, p in enumerate(FAMILY, 1):
        code = p["household"] if p["relation"] == "Chủ hộ" else None
        ws.append([n, code, p["name"], p["born"], p["sex"], p["relation"], p["bhxh"], p["address"]])
    ws.append([None, None, "Tổng cộng: 5 người, 2 hộ"])
    return _save(wb, path)


def no_household_column(path: Path) -> Path:
    """No household column: the households are in the order of "Quan hệ với chủ hộ", a head first."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Quan hệ với chủ hộ", "Dân tộc", "Nơi ở hiện nay"])
    for n, p in enumerate(FAMILY, 1):
        ws.append([n, p["name"], p["born"], p["sex"], p["relation"], p["ethnic"], p["address"]])
    return _save(wb, path)


def portal_html(path: Path) -> Path:
    """What a web portal's "export to Excel" saves: an HTML page with one table, named .xls; the household code
    spans its members' rows (rowspan), a title row spans the table (colspan), entities and line breaks in cells."""
    rows = []
    for code in ("2601000101", "2601000102"):
        members = [p for p in FAMILY if p["household"] == code]
        for i, p in enumerate(members):
            cells = [f"<td>{FAMILY.index(p) + 1}</td>"]
            if i == 0:
                cells.append(f'<td rowspan="{len(members)}" style="mso-number-format:\'\\@\'">{code}</td>')
            cells += [f"<td>{p['name']}</td>", f"<td>{p['born']}</td>", f"<td>{p['sex']}</td>",
                      f"<td>{p['relation']}</td>", f"<td style=\"mso-number-format:'\\@'\">{p['bhxh']}</td>",
                      f"<td>{p['address']}&nbsp;-&nbsp;X&atilde; D&acirc;n L&yacute;</td>"]
            rows.append("<tr>" + "".join(cells) + "</tr>")
    page = ("<html xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><head><meta http-equiv=\"Content-Type\" "
            "content=\"text/html; charset=utf-8\"><style>td {border: 1px solid}</style><title>Danh sach</title>"
            "</head><body><table border=\"1\">"
            "<tr><td colspan=\"8\"><b>DANH SÁCH NGƯỜI THAM GIA BHYT HỘ GIA ĐÌNH</b></td></tr>"
            "<tr><th>STT</th><th>Mã hộ<br>gia đình</th><th>Họ và tên</th><th>Ngày sinh</th><th>Giới tính</th>"
            "<th>Quan hệ với chủ hộ</th><th>Mã số BHXH</th><th>Địa chỉ</th></tr>" + "".join(rows)
            + "</table></body></html>")
    path.write_bytes(page.encode("utf-8"))
    return path


def _csv_bytes(rows: list[list[object]], encoding: str, newline: str, delimiter: str = ",") -> bytes:
    buf = io.StringIO(newline="")
    csv.writer(buf, delimiter=delimiter, lineterminator=newline).writerows(rows)
    return buf.getvalue().encode(encoding)


def _plain_rows() -> list[list[object]]:
    rows: list[list[object]] = [["Họ và tên", "Ngày sinh", "Giới tính", "Mã hộ", "Quan hệ với chủ hộ", "Mã số BHXH",
                                 "Địa chỉ"]]
    rows += [[p["name"], p["born"], p["sex"], p["household"], p["relation"], p["bhxh"], p["address"]] for p in FAMILY]
    return rows


def csv_named_xls(path: Path) -> Path:
    """A CSV (semicolons, Windows-1258 as Vietnamese Windows saves it) under an .xls name."""
    sys.path.insert(0, str(Path(__file__).parent))
    from make_sheets import _cp1258_form
    rows = [[_cp1258_form(c) if isinstance(c, str) else c for c in r] for r in _plain_rows()]
    path.write_bytes(_csv_bytes(rows, "cp1258", "\r\n", ";"))
    return path


def cr_cr_lf(path: Path, bad_row: int | None = None) -> Path:
    """Lines ending in CR CR LF (a Windows file converted once more); `bad_row` (the file's row) gets an
    impossible date, so that a test sees which row number the report gives."""
    rows = _plain_rows()
    if bad_row is not None:
        rows[bad_row - 1][1] = "31/02/1978"
    path.write_bytes(_csv_bytes(rows, "utf-8", "\r\r\n"))
    return path


# The declaration software's import template (FORMS.md §11): a note row, a title row, a row of column codes; the
# participants on "Dữ Liệu", their households' members on "Phụ lục" linked by STT = ID Lao động; sex as 1/0; the
# birth place in three columns with their codes; name and code columns side by side.
_DATA_COLUMNS = [
    ("STT", "ID Lao động"), ("HoTen", "Họ tên"), ("MasoBHXH", "Mã số BHXH"), ("MaPhongBan", "Mã phòng ban"),
    ("Loai", "Loại khai báo"), ("PA", "Phương án"), ("TuNgay", "Từ ngày"), ("Sothang", "Số tháng"),
    ("Ghichu", "Ghi chú"), ("NgaySinh", "Ngày sinh"), ("GioiTinh", "Giới tính"),
    ("TenTinhBenhVien", "Tỉnh bệnh viện"), ("MaTinhBenhVien", "Mã tỉnh bệnh viện"), ("TenBenhVien", "Bệnh viện"),
    ("MaBenhVien", "Mã bệnh viện"), ("CMND", "CMND"), ("Maho_Giadinh", "Mã hộ gia đình"),
    ("TenQuocTich", "Quốc tịch"), ("QuocTich", "Mã quốc tịch"), ("TenDanToc", "Dân tộc"), ("DanToc", "Mã dân tộc"),
    ("TenTinhKS", "Tỉnh khai sinh"), ("Matinh_KS", "Mã tỉnh khai sinh"), ("TenHuyenKS", "Huyện khai sinh"),
    ("Mahuyen_KS", "Mã huyện khai sinh"), ("TenXaKS", "Xã khai sinh"), ("Maxa_KS", "Mã xã khai sinh"),
    ("Diachi_DangSS", "Địa chỉ đang sinh sống"), ("Dienthoai_LH", "Điện thoại liên hệ"),
    ("SoCCCD", "Số CCCD/ĐDCN/Hộ chiếu"), ("Tk1_Save", "Lưu TK1")]
_ANNEX_COLUMNS = [
    ("STT", "STT"), ("HoTen", "Họ tên"), ("MasoBHXH", "Mã số BHXH"), ("NgaySinh", "Ngày sinh"),
    ("GioiTinh", "Giới tính"), ("TenTinhKS", "Tỉnh khai sinh"), ("Matinh_KS", "Mã tỉnh khai sinh"),
    ("TenHuyenKS", "Huyện khai sinh"), ("Mahuyen_KS", "Mã huyện khai sinh"), ("TenXaKS", "Xã khai sinh"),
    ("Maxa_KS", "Mã xã khai sinh"), ("MaThon", "Tên thôn/xóm"), ("TenMoiQuanHe", "Mối quan hệ"),
    ("MoiQuanHe", "Mã mối quan hệ"), ("CMND", "CMND"), ("Ghichu", "Ghi chú"), ("NguoiThamGia", "Người tham gia"),
    ("DienThoai", "Điện thoại"), ("LoaiGiayTo", "Loại giấy tờ"), ("SoGiayTo", "Số giấy tờ"),
    ("QuocTich", "Quốc tịch"), ("DanToc", "Dân tộc"), ("Maso_HoGiadinh", "Mã số hộ gia đình"),
    ("Diachi_HK", "Địa chỉ hộ khẩu"), ("SoCCCD_CH", "Số CCCD chủ hộ")]
_RELATION_CODES = {"Chủ hộ": "00", "Vợ": "01", "Con": "08"}
_ETHNIC_CODES = {"Kinh": "01", "Mường": "05"}
PLACE = ("Thanh Hóa", "38", "Triệu Sơn", "391", "Xã Dân Lý", "15703")


def _template_sheet(ws, columns: list[tuple[str, str]], rows: list[dict]) -> None:
    ws.append([("Ghi chú: không sửa dòng mã cột (dòng 3); giới tính ghi 1 là Nam, 0 là Nữ; ngày sinh dd/mm/yyyy, "
               "mm/yyyy hoặc yyyy")])
    ws.append([title for _code, title in columns])
    ws.append([code for code, _title in columns])
    for values in rows:
        ws.append([values.get(code) for code, _title in columns])
    for cell in ws[2]:
        cell.alignment = Alignment(wrap_text=True)


def vnpt_template(path: Path, *, household_on_data: bool = True) -> Path:
    """Participant 1 (the head of 2601000101) and participant 2 (Hà Văn Tâm, whose code is written on the annex
    only) on "Dữ Liệu"; all five persons on "Phụ lục" under the STT of their participant."""
    wb = openpyxl.Workbook()
    data = wb.active
    data.title = "Dữ Liệu"
    participants = []
    for stt, p in ((1, FAMILY[0]), (2, FAMILY[3])):
        participants.append({
            "STT": stt, "HoTen": p["name"], "MasoBHXH": p["bhxh"], "Loai": 1, "PA": "TM", "TuNgay": "01/01/2026",
            "Sothang": 12, "NgaySinh": p["born"], "GioiTinh": 1 if p["sex"] == "Nam" else 0,
            "TenTinhBenhVien": "Thanh Hóa", "MaTinhBenhVien": "38", "TenBenhVien": "Trạm y tế xã Dân Lý",
            "MaBenhVien": "38101", "Maho_Giadinh": p["household"] if stt == 1 and household_on_data else None,
            "TenQuocTich": "Việt Nam", "QuocTich": "VN", "TenDanToc": p["ethnic"], "DanToc": _ETHNIC_CODES[p["ethnic"]],
            "TenTinhKS": PLACE[0], "Matinh_KS": PLACE[1], "TenHuyenKS": PLACE[2], "Mahuyen_KS": PLACE[3],
            "TenXaKS": PLACE[4], "Maxa_KS": PLACE[5], "Diachi_DangSS": p["address"], "Dienthoai_LH": "0912345678",
            "Tk1_Save": "x"})
    _template_sheet(data, _DATA_COLUMNS, participants)
    annex = wb.create_sheet("Phụ lục")
    members = []
    for p in FAMILY:
        members.append({
            "STT": 1 if p["household"] == "2601000101" else 2, "HoTen": p["name"], "MasoBHXH": p["bhxh"],
            "NgaySinh": p["born"], "GioiTinh": 1 if p["sex"] == "Nam" else 0, "TenTinhKS": PLACE[0],
            "Matinh_KS": PLACE[1], "TenHuyenKS": PLACE[2], "Mahuyen_KS": PLACE[3], "TenXaKS": PLACE[4],
            "Maxa_KS": PLACE[5], "MaThon": p["address"], "TenMoiQuanHe": p["relation"],
            "MoiQuanHe": _RELATION_CODES[p["relation"]], "NguoiThamGia": 1 if p["relation"] == "Chủ hộ" else 0,
            "LoaiGiayTo": 1, "QuocTich": "VN", "DanToc": _ETHNIC_CODES[p["ethnic"]],
            "Maso_HoGiadinh": p["household"] if p["household"] == "2601000102" else None})
    _template_sheet(annex, _ANNEX_COLUMNS, members)
    codes = wb.create_sheet("Tổng hợp")
    for row in (["Loại khai báo"], [1, "Tăng lao động"], [3, "Giảm lao động"], [], ["Mối quan hệ"], ["00", "Chủ hộ"],
                ["01", "Vợ"], ["08", "Con"]):
        codes.append(row)
    return _save(wb, path)


BUILDERS = {"nam_nu_birth_years.xlsx": nam_nu_birth_years, "code_on_head_row.xlsx": code_on_head_row,
            "no_household_column.xlsx": no_household_column, "portal_export.xls": portal_html,
            "csv_named.xls": csv_named_xls, "cr_cr_lf.csv": cr_cr_lf, "vnpt_template.xlsx": vnpt_template}


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "corpus-formats")
    out.mkdir(parents=True, exist_ok=True)
    for name, build in BUILDERS.items():
        print(f"{name:28s} {build(out / name).stat().st_size:>8}")
