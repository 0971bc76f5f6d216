"""Well-formed person spreadsheets shaped like the ones communes receive, for the import tests.

    python tests/corpus/make_sheets.py OUT_DIR      # writes every file below into OUT_DIR

Each builder writes one file and returns its path. The persons are the same small family set (PEOPLE), so tests can
check field by field what landed in the register.
"""
from __future__ import annotations

import csv
import sys
import unicodedata
from datetime import date
from pathlib import Path

import openpyxl
from openpyxl.styles import Font

from app.domain.legacy import unicode_to_tcvn3, unicode_to_vni

CSV_COLUMNS = ["ma_so_bhxh", "ho_ten", "ngay_sinh", "gioi_tinh", "dan_toc", "so_cccd", "noi_dk_khai_sinh", "ma_ho",
               "quan_he_chu_ho", "ma_doi_tuong", "so_the_bhyt", "han_the_den", "dia_chi"]

# What a commune file holds, as typed (NFD text, all-caps names, BHXH codes that lost their leading zeros, a
# year-only date, a month/year date); the tests compare the register with these rows.
PEOPLE = [
    ["0123456789", "NGUYỄN VĂN AN", "15/03/1975", "Nam", "Kinh", "036075012345",
     "Xã Hải Hậu, Huyện Hải Hậu, Tỉnh Nam Định", "HGD001", "Chủ hộ", "GD", "GD4360123456789", "31/12/2025",
     "Thôn Đông"],
    ["0012345678", unicodedata.normalize("NFD", "Trần Thị Bình"), "1978", "Nữ", "Kinh", "036178012346",
     "Xã Hải Hậu, Tỉnh Nam Định", "HGD001", "Vợ", "GD", "", "31/12/2025", "Thôn Đông"],
    ["3609092025", "Nguyễn  Minh   Châu", "04/2019", "Nữ", "Kinh", "", "Xã Dân Lý, Huyện Triệu Sơn, Tỉnh Thanh Hóa",
     "HGD001", "Con", "TE", "TE1363609092025", "30/09/2025", "Thôn Đông"],
    ["3801234567", "Lò Văn Dũng", "02/01/1960", "Nam", "Thái", "038060001122", "Xã Dân Lý, Tỉnh Thanh Hóa",
     "HGD002", "Chủ hộ", "HN", "HN2383801234567", "31/12/2025", "Thôn Tây"],
]
NUMBER_CODES = {0: 123456789, 1: 12345678}  # how a spreadsheet that took the codes for numbers holds them


def xlsx(path: Path, rows: list[list[object]], *, merges: tuple[str, ...] = (), sheets: dict | None = None) -> Path:
    """A workbook from rows (openpyxl writes dates as real Excel dates); `sheets` adds more sheets by name."""
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    for ref in merges:
        wb.active.merge_cells(ref)
    for name, (other, state) in (sheets or {}).items():
        ws = wb.create_sheet(name)
        ws.sheet_state = state
        for row in other:
            ws.append(row)
    wb.save(path)
    return path


def _cp1258_form(text: str) -> str:
    """Windows-1258 holds the marked vowels â ê ô ơ ư ă and đ, and the five tones as combining marks after them:
    write each toned letter as its base letter plus the tone, as Windows does."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            ch.encode("cp1258")
            out.append(ch)
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tone = next(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
            out.append(unicodedata.normalize("NFC", parts.replace(tone, "")) + tone)
    return "".join(out)


def text_file(path: Path, rows: list[list[object]], *, encoding: str = "utf-8", delimiter: str = ",") -> Path:
    """Delimited text from rows, in the given encoding ("utf-8-sig", "utf-16", "cp1258", "latin-1" …)."""
    if encoding == "cp1258":
        rows = [[_cp1258_form(c) if isinstance(c, str) else c for c in row] for row in rows]
    with path.open("w", encoding=encoding, newline="") as f:
        csv.writer(f, delimiter=delimiter).writerows(rows)
    return path


def write_csv(path: Path, rows=PEOPLE, encoding: str = "utf-8", delimiter: str = ",", columns=CSV_COLUMNS) -> Path:
    """A CSV with exactly the canonical columns; codes without their leading zeros as a number column gives."""
    with path.open("w", encoding=encoding, newline="") as f:
        w = csv.writer(f, delimiter=delimiter)
        w.writerow(columns)
        for i, row in enumerate(rows):
            row = list(row)
            if i in NUMBER_CODES:
                row[0] = str(NUMBER_CODES[i])
            w.writerow(row)
    return path


HEADER_VI = ["STT", "Họ và tên", "Mã số BHXH", "Ngày sinh", "Giới tính", "Dân tộc", "Số CCCD/CMND",
             "Nơi đăng ký khai sinh", "Mã hộ", "Quan hệ với chủ hộ", "Mã đối tượng", "Mã thẻ", "Hạn thẻ đến",
             "Thôn, xóm"]


def _vi_row(n: int, p: list) -> list:
    bhxh = NUMBER_CODES.get(n - 1, p[0])
    d, m, y = (p[2].split("/") + ["", ""])[:3] if p[2].count("/") == 2 else ("", "", "")
    born = date(int(y), int(m), int(d)) if y else p[2]  # real Excel dates where the day is known
    return [n, p[1], bhxh, born, p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11], p[12]]


def write_titled_xlsx(path: Path) -> Path:
    """Three title rows with merged cells, the header, a numbering row, blank rows, the header repeated (a printed
    page break), a sub-total, and a totals and signature footer."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws["A1"] = "UBND XÃ DÂN LÝ"
    ws["H1"] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    ws.merge_cells("A1:D1")
    ws.merge_cells("H1:N1")
    ws["A2"] = "DANH SÁCH THÀNH VIÊN HỘ GIA ĐÌNH THAM GIA BHYT"
    ws.merge_cells("A2:N2")
    ws["A3"] = "Tháng 11 năm 2025"
    ws.merge_cells("A3:N3")
    ws.append(HEADER_VI)                                  # row 4
    for c in ws[4]:
        c.font = Font(bold=True)
    ws.append(["A", "B"] + list(range(1, 13)))            # row 5: numbering
    ws.append(["Thôn Đông"])                              # row 6: a section title
    ws.append(_vi_row(1, PEOPLE[0]))                      # row 7
    ws.append(_vi_row(2, PEOPLE[1]))                      # row 8
    ws.append([])                                         # row 9: blank
    ws.append(HEADER_VI)                                  # row 10: repeated header
    ws.append(["A", "B"] + list(range(1, 13)))            # row 11: its numbering row
    ws.append(_vi_row(3, PEOPLE[2]))                      # row 12
    ws.append(["Cộng thôn Đông", None, None, None, None, None, None, None, 3])  # row 13: sub-total
    ws.append([None, "Thôn Tây"])                         # row 14: a section title in the name column
    ws.append(_vi_row(4, PEOPLE[3]))                      # row 15
    ws.append([])                                         # row 16
    ws.append(["Tổng cộng: 4 người, 2 hộ"])               # row 17
    ws.append([None, None, None, None, None, None, None, None, "Dân Lý, ngày 20 tháng 11 năm 2025"])
    ws.append([None, "NGƯỜI LẬP BIỂU", None, None, None, None, None, None, "CHỦ TỊCH"])
    ws.append([None, "(Ký, ghi rõ họ tên)"])
    ws.append([None, "Lê Thị Hoa", None, None, None, None, None, None, "Phạm Văn Nam"])
    wb.save(path)
    return path


def write_legacy_xlsx(path: Path, encoding: str) -> Path:
    """The same people with every text cell in a legacy font encoding (TCVN3 .VnTime or VNI-Times), titles,
    a numbering row, the header repeated and a footer included, all in that encoding."""
    if encoding == "tcvn3":
        def convert(text: str) -> str:
            return unicode_to_tcvn3(unicodedata.normalize("NFC", text), capitals=text.isupper())
    else:
        def convert(text: str) -> str:
            return unicode_to_vni(unicodedata.normalize("NFC", text))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([convert("DANH SÁCH HỘ GIA ĐÌNH")])
    ws.append([convert(h) for h in HEADER_VI])
    ws.append(["A", "B"] + list(range(1, 13)))
    for n, p in enumerate(PEOPLE, 1):
        if n == 3:
            ws.append([convert(h) for h in HEADER_VI])
        ws.append([convert(c) if isinstance(c, str) else c for c in _vi_row(n, p)])
    ws.append([convert("Tổng cộng: 4 người")])
    ws.append([None, convert("Người lập biểu")])
    ws.append([None, convert("Lê Thị Hoa")])
    wb.save(path)
    return path


def write_legacy_csv(path: Path, encoding: str) -> Path:
    """A CSV whose text is TCVN3 or VNI bytes (as a .VnTime spreadsheet saved as CSV writes them)."""
    convert = unicode_to_tcvn3 if encoding == "tcvn3" else unicode_to_vni
    rows = [[convert(unicodedata.normalize("NFC", c)) for c in p] for p in PEOPLE]
    return write_csv(path, rows, encoding="latin-1")


def write_all(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    return [write_csv(out / "persons.csv"), write_titled_xlsx(out / "titled.xlsx"),
            write_legacy_xlsx(out / "tcvn3.xlsx", "tcvn3"), write_legacy_xlsx(out / "vni.xlsx", "vni"),
            write_legacy_csv(out / "tcvn3.csv", "tcvn3"), write_legacy_csv(out / "vni.csv", "vni")]


if __name__ == "__main__":
    for p in write_all(Path(sys.argv[1] if len(sys.argv) > 1 else "corpus-sheets")):
        print(p)
