"""A corpus of files `hgd import` must refuse, each quickly, in bounded memory, with one clear message.

    python tests/corpus/make_malformed.py OUT_DIR     # writes every case into OUT_DIR and lists them

`build(out_dir)` returns the cases: (file, the words the refusal must contain). Nothing here is kept in the
repository as binary: every file is made from code, the big ones (zip bomb, a million rows) in a few seconds.
"""
from __future__ import annotations

import random
import re
import struct
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import openpyxl

sys.path.insert(0, str(Path(__file__).parent))
import office97

GOOD_HEADER = ["Họ và tên", "Ngày sinh", "Mã hộ", "Mã số BHXH"]
GOOD_ROW = ["Nguyễn Văn An", "15/03/1975", "HGD001", "0123456789"]


NAMES = ("pdf_renamed.xlsx", "png_renamed.xlsx", "random.xlsx", "random.csv", "report.docx", "word_renamed.xlsx",
         "empty.xlsx", "empty.csv", "empty_sheet.xlsx", "truncated.xlsx", "duplicate_header.xlsx",
         "missing_column.xlsx", "formulas.xlsx", "zip_bomb.xlsx", "zip_bomb_lying_sizes.xlsx", "million_rows.xlsx",
         "far_row.xlsx", "far_row_prefixed.xlsx", "far_column.xlsx", "entities.xlsx", "csv_nul.csv", "csv_million_rows.csv",
         "utf16_no_bom.csv", "encrypted.xlsx", "truncated.xls", "xls_crashes_reader.xls", "notes.txt.json", "a_folder.xlsx", "missing.xlsx")


@dataclass
class Case:
    name: str
    path: Path
    expect: tuple[str, ...]    # the refusal names the file and says why (and where, when it applies)
    big: bool = False          # a case whose memory use the test bounds


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def _rewrite(src: Path, dst: Path, member: str, data_fn) -> Path:
    """Copy an XLSX, replacing one member's bytes by data_fn(old bytes)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info.filename, data_fn(data) if info.filename == member else data)
    return dst


def _streamed_sheet(src: Path, dst: Path, head: bytes, body, tail: bytes) -> Path:
    """Copy an XLSX whose sheet1.xml is written in pieces (head, the chunks of `body`, tail): big sheets without
    building them in memory."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                zout.writestr(info.filename, zin.read(info.filename))
                continue
            with zout.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
                f.write(head)
                for chunk in body:
                    f.write(chunk)
                f.write(tail)
    return dst


_SHEET_HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
               b'<dimension ref="A1:M1048576"/><sheetData>')
_SHEET_TAIL = b"</sheetData></worksheet>"


def _header_xml() -> bytes:
    cells = "".join(f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{h}</t></is></c>' for i, h in enumerate(GOOD_HEADER))
    return f'<row r="1">{cells}</row>'.encode()


def _million_rows():
    for start in range(2, 1_048_577, 10_000):
        yield b"".join(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>Nguyen Van An</t></is></c>'
                       b'<c r="B%d"><v>1975</v></c><c r="C%d" t="inlineStr"><is><t>H1</t></is></c></row>'
                       % (n, n, n, n) for n in range(start, min(start + 10_000, 1_048_577)))


def _spaces(total: int):
    chunk = b" " * (1 << 20)
    for _ in range(total >> 20):
        yield chunk


def _lying_sizes(src: Path, dst: Path) -> Path:
    """A sheet whose declared uncompressed size (in the local header and the central directory) is 100 times
    smaller than what it inflates to: the directory checks pass, the streamed read must catch it."""
    data = bytearray(_streamed_sheet(src, dst, _SHEET_HEAD + _header_xml(), _spaces(40 << 20), _SHEET_TAIL)
                     .read_bytes())
    with zipfile.ZipFile(dst) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    fake = info.file_size // 100
    local = info.header_offset
    name_len, extra_len = struct.unpack_from("<HH", data, local + 26)
    if extra_len:  # zip64 extra field: sizes live there
        struct.pack_into("<Q", data, local + 30 + name_len + 4, fake)
    else:
        struct.pack_into("<I", data, local + 22, fake)
    central = data.find(b"PK\x01\x02")
    while data[central + 46:central + 46 + 24] != b"xl/worksheets/sheet1.xml":
        central = data.find(b"PK\x01\x02", central + 1)
    struct.pack_into("<I", data, central + 24, min(fake, 0xFFFFFFFE))
    dst.write_bytes(bytes(data))
    return dst


def prefixed(data: bytes) -> bytes:
    """The sheet XML with every element under a namespace prefix (<x:row>, <x:c>), as the .NET SDK writes it."""
    data = data.replace(b'<worksheet xmlns="', b'<x:worksheet xmlns:x="')
    return re.sub(rb"<(/?)(?!x:)([A-Za-z]+)\b", rb"<\1x:\2", data)


def _entities(data: bytes) -> bytes:
    bomb = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i else b"&lol;") * 10)
                       for i in range(9)) + b"]>")
    return bomb + data.split(b"?>", 1)[-1]


def build(out: Path) -> list[Case]:
    out.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(20251201)
    good = _xlsx(out / "_good.xlsx", [GOOD_HEADER, GOOD_ROW])
    cases: list[Case] = []

    def add(name: str, data: bytes | None, *expect: str, big: bool = False) -> Path:
        path = out / name
        if data is not None:
            path.write_bytes(data)
        cases.append(Case(name, path, (name,) + expect, big))
        return path

    add("pdf_renamed.xlsx", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n" + rnd.randbytes(2000), "PDF")
    add("png_renamed.xlsx", b"\x89PNG\r\n\x1a\n" + rnd.randbytes(2000), "PNG")
    add("random.xlsx", rnd.randbytes(8192), "không phải bảng tính")
    add("random.csv", bytes(rnd.randrange(256) for _ in range(8192)) + b"\x00", "không phải văn bản CSV")
    add("report.docx", _docx(), "đuôi '.docx'")
    _docx_path = out / "word_renamed.xlsx"
    _docx_path.write_bytes(_docx())
    cases.append(Case("word_renamed.xlsx", _docx_path, ("word_renamed.xlsx", "Word")))
    add("empty.xlsx", b"", "trống")
    add("empty.csv", b"", "trống")
    _xlsx(out / "empty_sheet.xlsx", [])
    add("empty_sheet.xlsx", None, "không có dữ liệu")
    add("truncated.xlsx", good.read_bytes()[: good.stat().st_size // 2], "bị hỏng")
    _xlsx(out / "duplicate_header.xlsx", [["Họ và tên", "Ngày sinh", "Mã hộ", "Họ tên"], GOOD_ROW[:3] + ["X"]])
    add("duplicate_header.xlsx", None, "hai cột", "cột A", "cột D")
    _xlsx(out / "missing_column.xlsx", [["STT", "Họ và tên", "Ngày sinh", "Giới tính"], [1, "Lê An", "1975", "Nam"]])
    add("missing_column.xlsx", None, "thiếu cột", "Mã hộ", "dòng tiêu đề 1")
    _xlsx(out / "formulas.xlsx", [GOOD_HEADER, ["Nguyễn Văn An", "=DATE(1975,3,15)", "HGD001", "=0+123"]])
    add("formulas.xlsx", None, "công thức", "ô B2")
    _streamed_sheet(good, out / "zip_bomb.xlsx", _SHEET_HEAD + _header_xml(), _spaces(300 << 20), _SHEET_TAIL)
    add("zip_bomb.xlsx", None, "bất thường", big=True)
    _lying_sizes(good, out / "zip_bomb_lying_sizes.xlsx")
    add("zip_bomb_lying_sizes.xlsx", None, "bị hỏng", big=True)
    _streamed_sheet(good, out / "million_rows.xlsx", _SHEET_HEAD + _header_xml(), _million_rows(), _SHEET_TAIL)
    add("million_rows.xlsx", None, "quá nhiều dòng", big=True)
    _rewrite(good, out / "far_row.xlsx", "xl/worksheets/sheet1.xml", lambda d: d.replace(
        b"</sheetData>", b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'))
    add("far_row.xlsx", None, "quá nhiều dòng", "1.048.576", big=True)
    _rewrite(out / "far_row.xlsx", out / "far_row_prefixed.xlsx", "xl/worksheets/sheet1.xml", prefixed)
    add("far_row_prefixed.xlsx", None, "quá nhiều dòng", "1.048.576", big=True)
    _rewrite(good, out / "far_column.xlsx", "xl/worksheets/sheet1.xml", lambda d: d.replace(
        b"</row></sheetData>", b'<c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'))
    add("far_column.xlsx", None, "ô XFD2", big=True)
    _rewrite(good, out / "entities.xlsx", "xl/workbook.xml", _entities)
    add("entities.xlsx", None, "bị hỏng")
    add("csv_nul.csv", ";".join(GOOD_HEADER).encode() + b"\nNguyen Van An;1975;H1;0123456789\nLe\x00Van;1980;H1;\n",
        "dòng 3", "NUL")
    lines = [",".join(GOOD_HEADER)] + [f"Nguyen Van An,1975,H{i // 4},0123456789" for i in range(1_000_000)]
    add("csv_million_rows.csv", ("\n".join(lines) + "\n").encode(), "quá nhiều dòng", big=True)
    add("utf16_no_bom.csv", ",".join(GOOD_HEADER).encode("utf-16-le"), "NUL")
    add("encrypted.xlsx", office97.encrypted_xlsx(), "mật khẩu")
    add("truncated.xls", office97.xls([GOOD_HEADER, GOOD_ROW])[:1500], "bị hỏng")
    add("xls_crashes_reader.xls", _small_stream_without_mini_stream(), "bị hỏng")
    add("notes.txt.json", b'{"a": 1}', "đuôi '.json'")
    (out / "a_folder.xlsx").mkdir(exist_ok=True)
    cases.append(Case("a_folder.xlsx", out / "a_folder.xlsx", ("a_folder.xlsx", "thư mục")))
    cases.append(Case("missing.xlsx", out / "missing.xlsx", ("missing.xlsx", "Không tìm thấy")))
    good.unlink()
    return cases


def _small_stream_without_mini_stream() -> bytes:
    """A well-formed compound file whose Workbook stream claims 100 bytes: small streams live in the mini stream,
    which this file has none of. The spreadsheet library crashes (a Rust panic) on it; the import must not."""
    data = bytearray(office97.xls([GOOD_HEADER, GOOD_ROW]))
    entry = data.find("Workbook".encode("utf-16-le"))
    struct.pack_into("<I", data, entry + 120, 100)
    return bytes(data)


def _docx() -> bytes:
    import io
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="w"/>')
    return buf.getvalue()


if __name__ == "__main__":
    for case in build(Path(sys.argv[1] if len(sys.argv) > 1 else "corpus-malformed")):
        print(f"{case.name:32s} {case.path.stat().st_size if case.path.is_file() else '-':>12}  {case.expect[1:]}")
