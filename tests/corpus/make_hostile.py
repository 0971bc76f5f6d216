"""A corpus of hostile and odd files for `hgd import`, beyond tests/corpus/make_malformed.py: each must be refused
with one clear line, or read as it should be, in bounded time and memory (tests/e2e/test_hostile_corpus.py).

    python tests/corpus/make_hostile.py OUT_DIR      # writes every case into OUT_DIR and lists them

`build(out_dir)` returns the cases. Nothing here is kept in the repository as binary: every file is made from code,
the largest (a CSV of one 199 MB line, 3 million shared strings) in a second or two. A case is one of:
- refused: the words the one-line refusal must hold (the file's name is always required);
- read: the rows the report must reject (row, reason) and the number of persons it can import.
"""
from __future__ import annotations

import codecs
import io
import os
import struct
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import office97

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
HEADER = ["Họ và tên", "Ngày sinh", "Mã hộ", "Quan hệ với chủ hộ"]
PEOPLE = [["Nguyễn Văn An", "1975", "H1", "Chủ hộ"], ["Lê Thị Bình", "1978", "H1", "Vợ"]]


NAMES = (
    "far_cell_attr_order.xlsx", "far_cell_single_quote.xlsx", "far_cell_newline.xlsx", "far_cell_row_2000.xlsx",
    "far_cell_lowercase.xlsx", "far_cell_spaced_equals.xlsx", "far_cell_gt_in_attribute.xlsx",
    "far_cell_prefixed.xlsx", "cells_without_r_16384.xlsx", "sheet_16384_columns_one_row.xlsx",
    "far_row_in_cell_reference.xlsx", "rows_without_r_past_the_limit.xlsx", "sparse_corners.xlsx",
    "far_empty_styled_cell.xlsx", "shared_strings_count_lies.xlsx", "shared_strings_millions_empty.xlsx",
    "styles_bomb.xlsx", "merges_300000.xlsx", "merges_over_the_header_full_width.xlsx", "merges_too_many.xlsx",
    "entities_in_sheet.xlsx", "external_entity.xlsx", "deep_nesting_workbook.xlsx", "deep_nesting_sheet.xlsx",
    "invalid_utf8_in_sheet.xlsx", "zip_member_dot_dot.xlsx", "central_directory_lies.xlsx",
    "workbook_rels_point_nowhere.xlsx", "only_hidden_sheets.xlsx", "hidden_sheet_with_a_list.xlsx",
    "empty_sheet_between_full_ones.xlsx", "header_only.xlsx", "date_1900_02_29.xlsx", "date_negative_serial.xlsx",
    "date_far_future.xlsx", "number_of_5000_digits.xlsx", "formula_cached_error.xlsx", "xls_far_cell.xls",
    "xls_far_cell_iv.xls", "xls_dimensions_overflow.xls", "xls_dimensions_backwards.xls", "xls_column_beyond_cz.xls",
    "xls_shared_strings_count.xls", "xls_filepass.xls", "xls_fat_loop.xls", "xls_directory_loop.xls",
    "xls_difat_loop.xls", "xls_wrong_sector_size.xls", "csv_cp1258_then_utf8.csv", "csv_utf8_then_cp1258.csv",
    "csv_bom_then_mixed.csv", "csv_utf16_le_no_bom.csv", "csv_field_over_parser_limit.csv",
    "csv_quoted_field_over_parser_limit.csv", "csv_unclosed_quote_swallows_rows.csv", "csv_number_of_5000_digits.csv",
    "csv_number_of_900_digits.csv", "csv_combining_marks.csv", "csv_combining_marks_long.csv",
    "csv_names_that_begin_like_a_footer.csv", "csv_person_below_the_signatures.csv", "csv_one_line_of_199_mb.csv",
    "csv_nul_late.csv", "html_colspan_huge.xls", "html_rowspan_huge.xls", "html_too_many_rows.xls", "fifo.csv",
    "device.csv")


@dataclass
class Case:
    name: str
    path: Path
    refused: tuple[str, ...] | None = None      # words of the refusal; None when the file is read
    persons: int = 0                            # persons the report can import (read files)
    rejected: tuple[tuple[int, str], ...] = ()  # (row, reason key) the report must reject (read files)
    why: str = ""                               # what the case checks (issue 12 item, or the trick)
    big: bool = False                           # a large file: its time and memory are the point
    options: tuple[str, ...] = field(default_factory=tuple)


# --- XLSX from parts ---------------------------------------------------------------------------------------------

CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-'
      'types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/></Types>')
ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
             '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006'
             '/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _workbook(sheets: list[tuple[str, str]]) -> str:
    entries = "".join(f'<sheet name="{n}" sheetId="{i}" r:id="rId{i}"{" state=" + repr(s) if s else ""}/>'
                      for i, (n, s) in enumerate(sheets, 1))
    return (f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{NS}" xmlns:r="{REL}"><sheets>{entries}'
            '</sheets></workbook>')


def _rels(count: int, extra: str = "", target: str = "worksheets/sheet{i}.xml") -> str:
    rels = "".join(f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="{target.format(i=i)}"/>'
                   for i in range(1, count + 1))
    return ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            f'2006/relationships">{rels}{extra}</Relationships>')


def _cell(ref: str, value: object) -> str:
    if isinstance(value, str):
        text = value.replace("&", "&amp;").replace("<", "&lt;")
        return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'
    return f'<c r="{ref}"><v>{value}</v></c>'


def _rows(rows: list[list[object]], start: int = 1) -> str:
    out = []
    for n, row in enumerate(rows, start):
        cells = "".join(_cell(f"{chr(65 + i)}{n}", v) for i, v in enumerate(row) if v not in (None, ""))
        out.append(f'<row r="{n}">{cells}</row>')
    return "".join(out)


def sheet_xml(data: str, after: str = "", head: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{head}<worksheet xmlns="{NS}"><sheetData>{data}</sheetData>'
            f'{after}</worksheet>').encode()


def xlsx(path: Path, sheets: list[bytes], *, names: list[tuple[str, str]] | None = None,
         members: dict[str, bytes] | None = None, rels_extra: str = "", stored: set[str] = frozenset(),
         workbook: str | None = None, rels: str | None = None) -> Path:
    names = names or [(f"Sheet{i}", "") for i in range(1, len(sheets) + 1)]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", ROOT_RELS)
        def put(name: str, data: str | bytes) -> None:
            z.writestr(name, data, compress_type=zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED)
        put("xl/workbook.xml", workbook or _workbook(names))
        put("xl/_rels/workbook.xml.rels", rels or _rels(len(sheets), rels_extra))
        for i, data in enumerate(sheets, 1):
            put(f"xl/worksheets/sheet{i}.xml", data)
        for name, data in (members or {}).items():
            put(name, data)
    return path


def good_rows() -> str:
    return _rows([HEADER] + PEOPLE)


# --- .xls from records -------------------------------------------------------------------------------------------

def xls_book(rows: list[list[object]], *, dims: bytes | None = None, extra_globals: bytes = b"",
             extra_cells: bytes = b"") -> bytes:
    """A BIFF8 workbook like office97.xls, with a chosen Dimensions record and extra records."""
    cells = b"".join(office97._label(r, c, v) if isinstance(v, str) else office97._number(r, c, float(v))
                     for r, row in enumerate(rows) for c, v in enumerate(row) if v not in (None, ""))
    dims = dims if dims is not None else struct.pack("<IIHHH", 0, len(rows), 0, max(len(r) for r in rows), 0)
    body = office97._bof(0x0010) + office97._record(0x0200, dims) + cells + extra_cells + office97._record(0x000A, b"")
    name = "Sheet1".encode("utf-16-le")

    def globals_(offset: int) -> bytes:
        return (office97._bof(0x0005) + office97._record(0x0042, struct.pack("<H", 1200)) + extra_globals
                + office97._record(0x0085, struct.pack("<IBBBB", offset, 0, 0, 6, 1) + name)
                + office97._record(0x000A, b""))
    return office97.cfb({"Workbook": globals_(len(globals_(0))) + body})


def _patch_fat(data: bytes, sector: int, value: int) -> bytes:
    """Set FAT entry `sector` (the FAT is the file's first sector after the header in office97.cfb)."""
    out = bytearray(data)
    struct.pack_into("<I", out, 512 + 4 * sector, value)
    return bytes(out)


# --- CSV ---------------------------------------------------------------------------------------------------------

def csv_bytes(rows: list[list[str]], encoding: str = "utf-8", newline: str = "\r\n") -> bytes:
    return (newline.join(",".join(r) for r in rows) + newline).encode(encoding)


def _cp1258(text: str) -> bytes:
    from make_sheets import _cp1258_form
    return _cp1258_form(text).encode("cp1258")


def build(out: Path) -> list[Case]:
    out.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []

    def add(name: str, data: bytes | None, refused: tuple[str, ...] | None = None, **kw) -> Path:
        path = out / name
        if data is not None:
            path.write_bytes(data)
        cases.append(Case(name, path, refused, **kw))
        return path

    head = _rows([HEADER])
    row2 = _rows(PEOPLE[:1], 2)

    # Issue 12 item 5: one cell far away, whatever the form of its reference.
    far = {"far_cell_attr_order.xlsx": '<row r="3"><c t="inlineStr" s="0" r="XFD300000"><is><t>x</t></is></c></row>',
           "far_cell_single_quote.xlsx": "<row r='3'><c r='XFD300000' t='inlineStr'><is><t>x</t></is></c></row>",
           "far_cell_newline.xlsx": '<row r="3"><c\nr="XFD300000"\nt="inlineStr"><is><t>x</t></is></c></row>',
           "far_cell_row_2000.xlsx": '<row r="2000"><c t="n" r="XFD2000"><v>1</v></c></row>',
           "far_cell_lowercase.xlsx": '<row r="3"><c r="xfd3" t="inlineStr"><is><t>x</t></is></c></row>',
           "far_cell_spaced_equals.xlsx": '<row r="3"><c r = "XFD3" t="inlineStr"><is><t>x</t></is></c></row>',
           "far_cell_gt_in_attribute.xlsx":
               '<row r="3"><c x=">" r="XFD3" t="inlineStr"><is><t>x</t></is></c></row>'}
    for name, trick in far.items():
        xlsx(out / name, [sheet_xml(head + row2 + trick)])
        cell = "XFD300000" if "300000" in trick else "XFD2000" if "2000" in trick else "XFD3"
        add(name, None, ("quá xa", f"ô {cell}"), why="issue 12.5: a far cell's reference in any form")
    xlsx(out / "far_cell_prefixed.xlsx", [sheet_xml(head + row2).replace(b"</sheetData>", (
        b'<x:row r="3" xmlns:x="' + NS.encode() + b'"><x:c s="1" r="XFD5"><x:v>1</x:v></x:c></x:row></sheetData>'))])
    add("far_cell_prefixed.xlsx", None, ("quá xa", "ô XFD5"), why="issue 12.5: a prefixed far cell, r not first")
    cells = "".join('<c t="inlineStr"><is><t>x</t></is></c>' for _ in range(16_384))
    xlsx(out / "cells_without_r_16384.xlsx", [sheet_xml(head + row2 + f"<row>{cells}</row>")])
    add("cells_without_r_16384.xlsx", None, ("quá xa", "XFD3"), why="issue 12.5: cells without r counted")
    xlsx(out / "sheet_16384_columns_one_row.xlsx", [sheet_xml(head + row2 + "<row r=\"3\">" + "".join(
        f'<c r="{_letters(i)}3"><v>{i}</v></c>' for i in range(1, 16_385)) + "</row>")])
    add("sheet_16384_columns_one_row.xlsx", None, ("quá xa", "ô XFD3"), why="16,384 columns in one row")
    xlsx(out / "far_row_in_cell_reference.xlsx",
         [sheet_xml(head + row2 + '<row r="3"><c r="A1048000" t="inlineStr"><is><t>x</t></is></c></row>')])
    add("far_row_in_cell_reference.xlsx", None, ("quá nhiều dòng", "1.048.000"),
        why="a cell's own reference far below its row element")
    rows = '<row r="300990"><c r="A300990"><v>1</v></c></row>' + "".join(
        '<row><c t="inlineStr"><is><t>x</t></is></c></row>' for _ in range(20))
    xlsx(out / "rows_without_r_past_the_limit.xlsx", [sheet_xml(head + row2 + rows)])
    add("rows_without_r_past_the_limit.xlsx", None, ("quá nhiều dòng",), why="rows without r follow on")
    xlsx(out / "sparse_corners.xlsx",
         [sheet_xml(head + row2 + '<row r="3"><c r="CZ3"><v>1</v></c></row><row r="299000"><c r="A299000">'
                    '<v>1</v></c></row>')])
    add("sparse_corners.xlsx", None, ("quá lớn", "CZ299000"), why="rows x columns too large though each is allowed")
    xlsx(out / "far_empty_styled_cell.xlsx", [sheet_xml(head + row2 + '<row r="3"><c r="XFD3" s="1"/></row>')])
    add("far_empty_styled_cell.xlsx", None, persons=1, why="a far empty, self-closed, styled cell is harmless")

    # Issue 12 item 5: shared strings and styles the library reads whole.
    shared_rels = f'<Relationship Id="rId9" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
    sst = f'<?xml version="1.0"?><sst xmlns="{NS}" count="4000000000" uniqueCount="4000000000"><si><t>x</t></si></sst>'
    xlsx(out / "shared_strings_count_lies.xlsx", [sheet_xml(good_rows())], rels_extra=shared_rels,
         members={"xl/sharedStrings.xml": sst.encode()})
    add("shared_strings_count_lies.xlsx", None, ("bảng chữ dùng chung", "4.000.000.000"),
        why="issue 12.5: the library reserved room for uniqueCount strings (exit 134)")
    empties = b"".join((b"<si/>", b"<si><t/></si>", b"<si> </si>")[i % 3] for i in range(3_100_000))
    sst = f'<?xml version="1.0"?><sst xmlns="{NS}">'.encode() + empties + b"</sst>"
    xlsx(out / "shared_strings_millions_empty.xlsx", [sheet_xml(good_rows())], rels_extra=shared_rels,
         members={"xl/sharedStrings.xml": sst}, stored={"xl/sharedStrings.xml"})
    add("shared_strings_millions_empty.xlsx", None, ("bảng chữ dùng chung",), big=True,
        why="issue 12.5: millions of empty shared strings")
    styles_rels = f'<Relationship Id="rId8" Type="{REL}/styles" Target="styles.xml"/>'
    xfs = b"".join(b'<xf numFmtId="%d" fontId="0" fillId="0" borderId="%d"/>' % (i % 200, i) for i in range(700_000))
    styles = (f'<?xml version="1.0"?><styleSheet xmlns="{NS}"><cellXfs count="700000">'.encode() + xfs
              + b"</cellXfs></styleSheet>")
    xlsx(out / "styles_bomb.xlsx", [sheet_xml(good_rows())], rels_extra=styles_rels,
         members={"xl/styles.xml": styles}, stored={"xl/styles.xml"})
    add("styles_bomb.xlsx", None, ("styles.xml", "quá lớn"), big=True, why="a styles part of 700,000 formats")

    # Issue 12 item 6: merged ranges.
    merges = "".join(f'<mergeCell ref="C{n}:C{n + 1}"/>' for n in range(4, 304_004))
    xlsx(out / "merges_300000.xlsx", [sheet_xml(good_rows(), f'<mergeCells count="300000">{merges}</mergeCells>')])
    add("merges_300000.xlsx", None, persons=2, big=True, why="issue 12.6: 300,000 merged ranges (200 s before)")
    merges = "".join(f'<mergeCell ref="A1:XFD{n}"/>' for n in range(1, 100_001))
    xlsx(out / "merges_over_the_header_full_width.xlsx",    # a second header row: the group titles are looked up
         [sheet_xml(_rows([HEADER, ["", "", "", "Ghi chú"]] + PEOPLE), f"<mergeCells>{merges}</mergeCells>")])
    add("merges_over_the_header_full_width.xlsx", None, persons=2, big=True,
        why="issue 12.6: 100,000 merges spanning the header rows and every column (a 16,384-column loop each)")
    merges = "".join(f'<mergeCell ref="D{n}:E{n}"/>' for n in range(10, 410_011))
    xlsx(out / "merges_too_many.xlsx", [sheet_xml(good_rows(), f"<mergeCells>{merges}</mergeCells>")])
    add("merges_too_many.xlsx", None, ("quá nhiều vùng ô gộp",), big=True, why="more merged ranges than rows")

    # XML tricks.
    bomb = ('<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>')
    xlsx(out / "entities_in_sheet.xlsx", [sheet_xml(head + _rows([["&c;", "1975", "H1"]], 2).replace(
        "&amp;c;", "&c;"), head=bomb)])
    add("entities_in_sheet.xlsx", None, ("bị hỏng",), why="entity expansion in the sheet (billion laughs)")
    external = '<!DOCTYPE sst [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    xlsx(out / "external_entity.xlsx", [sheet_xml(good_rows())], rels_extra=shared_rels,
         members={"xl/sharedStrings.xml": f'<?xml version="1.0"?>{external}<sst xmlns="{NS}"><si><t>&e;</t></si>'
                                          "</sst>".encode()})
    add("external_entity.xlsx", None, ("bị hỏng",), why="an external entity pointing at a local file")
    nested = "<a>" * 200_000 + "</a>" * 200_000
    xlsx(out / "deep_nesting_workbook.xlsx", [sheet_xml(good_rows())], stored={"xl/workbook.xml"},
         workbook=_workbook([("Sheet1", "")]).replace("<sheets>", f"<x>{nested}</x><sheets>"))
    add("deep_nesting_workbook.xlsx", None, persons=2, why="200,000 nested elements in workbook.xml")
    xlsx(out / "deep_nesting_sheet.xlsx", [sheet_xml(good_rows()).replace(b"<sheetData>", (
        "<sheetPr>" + nested + "</sheetPr><sheetData>").encode())], stored={"xl/worksheets/sheet1.xml"})
    add("deep_nesting_sheet.xlsx", None, persons=2, why="200,000 nested elements before the cells")
    bad_utf8 = sheet_xml(head + row2).replace("Nguyễn".encode(), b"Nguy\xff\xfe")
    xlsx(out / "invalid_utf8_in_sheet.xlsx", [bad_utf8])
    add("invalid_utf8_in_sheet.xlsx", None, ("Không đọc được",), why="bytes that are not UTF-8 in the sheet XML")

    # The zip and the workbook's structure.
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as z:
        src = xlsx(out / "_tmp.xlsx", [sheet_xml(good_rows())])
        with zipfile.ZipFile(src) as zin:
            for info in zin.infolist():
                z.writestr(info.filename, zin.read(info.filename))
        z.writestr("../x", b"escaped")
        z.writestr("/etc/evil", b"absolute")
    add("zip_member_dot_dot.xlsx", data.getvalue(), ("bất thường", "../x"),
        why="members named ../x and /etc/evil (never extracted; refused as tampered)")
    raw = bytearray((out / "_tmp.xlsx").read_bytes())
    central = raw.find(b"PK\x01\x02")
    while central >= 0:   # every member's central-directory entry claims 3 GB unpacked
        struct.pack_into("<I", raw, central + 24, 0xC0000000)
        central = raw.find(b"PK\x01\x02", central + 4)
    add("central_directory_lies.xlsx", bytes(raw), ("bất thường",), why="central directory sizes that lie (3 GB)")
    xlsx(out / "workbook_rels_point_nowhere.xlsx", [sheet_xml(good_rows())],
         rels=_rels(1, target="worksheets/missing{i}.xml"))
    add("workbook_rels_point_nowhere.xlsx", None, ("bị hỏng",), why="the sheet's relation targets a missing part")
    xlsx(out / "only_hidden_sheets.xlsx", [sheet_xml(good_rows())], names=[("Ẩn", "hidden")])
    add("only_hidden_sheets.xlsx", None, ("không có trang tính",), why="every sheet hidden")
    xlsx(out / "hidden_sheet_with_a_list.xlsx", [sheet_xml(good_rows()), sheet_xml(_rows([HEADER] + PEOPLE))],
         names=[("Danh sách", ""), ("Cũ", "hidden")])
    add("hidden_sheet_with_a_list.xlsx", None, persons=2, why="a hidden sheet is named, not read")
    xlsx(out / "empty_sheet_between_full_ones.xlsx", [sheet_xml(_rows([HEADER] + PEOPLE[:1])), sheet_xml(""),
                                                      sheet_xml(_rows([HEADER] + PEOPLE[1:]))])
    add("empty_sheet_between_full_ones.xlsx", None, persons=2, why="an empty sheet between two parts of a list")
    xlsx(out / "header_only.xlsx", [sheet_xml(head)])
    add("header_only.xlsx", None, persons=0, why="a header and no rows")

    # Cell values.
    styles = (f'<?xml version="1.0"?><styleSheet xmlns="{NS}"><cellXfs count="2"><xf numFmtId="0"/>'
              '<xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>').encode()
    for name, value, rejected, why in (
            ("date_1900_02_29.xlsx", "<v>60</v>", (), "Excel's phantom 29/02/1900: read as 28/02/1900, warned"),
            ("date_negative_serial.xlsx", "<v>-5</v>", ((2, "date.unreadable"),), "a negative date serial"),
            ("date_far_future.xlsx", "<v>2958466</v>", ((2, "date.unreadable"),), "a serial past 31/12/9999"),
            ("number_of_5000_digits.xlsx", "<v>" + "9" * 5000 + "</v>", ((2, "date.unreadable"),),
             "issue 12.7: a number of 5,000 digits in a date cell"),
            ("formula_cached_error.xlsx", "<f>#REF!+1</f><v>#REF!</v>", ((2, "row.formula_error"),),
             "a formula whose cached value is #REF!")):
        kind = ' t="e"' if "REF" in value else ""
        data = head + (f'<row r="2"><c r="A2" t="inlineStr"><is><t>Nguyễn Văn An</t></is></c><c r="B2" s="1"{kind}>'
                       f'{value}</c><c r="C2" t="inlineStr"><is><t>H1</t></is></c></row>')
        xlsx(out / name, [sheet_xml(data)], rels_extra=styles_rels, members={"xl/styles.xml": styles})
        add(name, None, persons=0 if rejected else 1, rejected=rejected, why=why)

    # .xls: compound-file chains and BIFF records.
    rows = [HEADER] + PEOPLE
    add("xls_far_cell.xls", xls_book(rows, extra_cells=office97._label(65535, 100, "x")), ("quá xa", "ô CW65536"),
        why="a cell at CW65536 (210 MB in the library for 9 cells)")
    add("xls_far_cell_iv.xls", xls_book(rows, extra_cells=office97._label(65535, 255, "x")), ("quá xa", "IV65536"),
        why="a cell at IV65536 (1 GB in the library)")
    add("xls_dimensions_overflow.xls", xls_book(rows, dims=struct.pack("<IIHHH", 0, 0xFFFFFFFF, 0, 256, 0)),
        ("quá lớn",), why="a Dimensions record of 4 billion rows (exit 134 before)")
    add("xls_dimensions_backwards.xls", xls_book(rows, dims=struct.pack("<IIHHH", 9, 3, 0, 4, 0)), ("bị hỏng",),
        why="a Dimensions record whose first row is after its last")
    add("xls_column_beyond_cz.xls", xls_book(rows, extra_cells=office97._label(3, 200, "x")), ("quá xa", "GS4"),
        why="a cell in column GS")
    sst = office97._record(0x00FC, struct.pack("<ii", 0x7FFFFFF0, 0x7FFFFFF0) + b"\x01\x00\x00A")
    add("xls_shared_strings_count.xls", xls_book(rows, extra_globals=sst), ("bảng chữ dùng chung",),
        why="a shared-strings record claiming 2 billion strings")
    add("xls_filepass.xls", xls_book(rows, extra_globals=office97._record(0x002F, b"\x01\x00" + b"\x00" * 52)),
        ("mật khẩu",), why="an encrypted workbook (FilePass)")
    good = xls_book(rows)
    start = struct.unpack_from("<I", good, 512 + 512 + 128 + 116)[0]  # the Workbook stream's first sector
    add("xls_fat_loop.xls", _patch_fat(good, start + 1, start), ("bị hỏng",),
        why="the Workbook stream's sector chain loops")
    add("xls_directory_loop.xls", _patch_fat(good, 1, 1), ("bị hỏng",), why="the directory's sector chain loops")
    looped = bytearray(good)
    struct.pack_into("<I", looped, 68, 2)   # a DIFAT sector ...
    struct.pack_into("<I", looped, 512 + 3 * 512 - 4, 2)   # ... whose next pointer is itself
    add("xls_difat_loop.xls", bytes(looped), ("bị hỏng",), why="the DIFAT chain points to itself (endless loop)")
    wrong = bytearray(good)
    struct.pack_into("<H", wrong, 30, 7)
    add("xls_wrong_sector_size.xls", bytes(wrong), ("bị hỏng",), why="a sector size the format does not have")

    # CSV: encodings, lines, quotes, cells.
    utf8 = csv_bytes([HEADER] + PEOPLE)
    cp = b"\r\n".join(_cp1258(",".join(r)) for r in [["Trần Văn Tú", "1980", "H2", "Chủ hộ"],
                                                    ["Phạm Thị Hoà", "1982", "H2", "Vợ"]]) + b"\r\n"
    add("csv_cp1258_then_utf8.csv", _cp1258(",".join(HEADER)) + b"\r\n" + cp + utf8.split(b"\r\n", 1)[1],
        ("dòng 4", "bảng mã", "UTF-8"), why="issue 12.3: Windows-1258 rows then UTF-8 rows (mojibake stored)")
    add("csv_utf8_then_cp1258.csv", utf8 + cp, ("dòng 4", "bảng mã", "Windows-1258"),
        why="issue 12.3: UTF-8 rows then Windows-1258 rows")
    add("csv_bom_then_mixed.csv", codecs.BOM_UTF8 + utf8 + cp, ("dòng 4", "bảng mã"),
        why="a BOM, UTF-8 rows, then Windows-1258 rows")
    add("csv_utf16_le_no_bom.csv", "\r\n".join(",".join(r) for r in [HEADER] + PEOPLE).encode("utf-16-le"),
        ("UTF-16", "BOM"), why="UTF-16 without its byte-order mark")
    add("csv_field_over_parser_limit.csv", csv_bytes([HEADER, PEOPLE[0], ["Lê Văn C", "B" * 200_000, "H2"]]),
        ("dòng 3", "cột B", "dài hơn"), why="issue 12.7: a 200,000-character field (the csv module's limit)")
    long_lines = "".join(f"{c * 60_000},198{i},H{i}\r\n" for i, c in enumerate("xyz"))
    add("csv_quoted_field_over_parser_limit.csv", csv_bytes([HEADER, PEOPLE[0]]) + ('"' + long_lines).encode(),
        ("dòng 4", "cột A", "60.000 ký tự"),
        why="issue 12.7: a quote opening a cell of 180,000 characters over three lines (over the csv module's "
            "limit): line 3 is set aside, line 4 read alone holds a cell too long to be a list's")
    swallowed = [[f"Người Thứ {i}", "1980", f"H{i}", "Chủ hộ"] for i in range(30)]
    add("csv_unclosed_quote_swallows_rows.csv", csv_bytes([HEADER, PEOPLE[0]]) + '"Lê Văn C,1980,H2\r\n'.encode()
        + csv_bytes(swallowed), persons=31, rejected=((3, "import.csv_unclosed_quote"),),
        why="a quote never closed: its line is named, the 30 rows after it are read")
    add("csv_number_of_5000_digits.csv", csv_bytes([HEADER, ["Lê Văn An", "1" * 5000, "H1", "Chủ hộ"]]),
        ("dòng 2", "cột B", "5.000 ký tự"), why="issue 12.7: 5,000 digits (the int parser's limit is 4,300)")
    add("csv_number_of_900_digits.csv", csv_bytes([HEADER, ["Lê Văn An", "7" * 900, "H1", "Chủ hộ"]]),
        rejected=((2, "date.unreadable"),), why="issue 12.7: 900 digits under the cell limit: the row refused")
    marks = "Nguye" + "\u0302\u0301\u0323" * 60 + "n"
    add("csv_combining_marks.csv", csv_bytes([HEADER, [marks, "1975", "H1", "Chủ hộ"]]),
        ("dòng 2", "cột A", "dấu"), why="issue 12.6: a letter under 180 combining marks (quadratic to normalise)")
    add("csv_combining_marks_long.csv", csv_bytes([HEADER, ["A" + "\u0301" * 50_000, "1975", "H1"]]),
        ("dòng 2", "cột A", "50.001 ký tự"), why="issue 12.6: 50,000 combining marks (35 s a row before)")
    names = [["Trương Bằng", "", "", ""], ["Tô Trường Giang", "", "", ""], ["Tống Công Minh", "", "", ""]]
    add("csv_names_that_begin_like_a_footer.csv", csv_bytes([HEADER, PEOPLE[0]] + names + [PEOPLE[1]]),
        persons=2, rejected=((3, "row.no_household"), (4, "row.no_household"), (5, "row.no_household")),
        why="issue 12.1: names that begin like footer words end nothing; the rows after them are read")
    add("csv_person_below_the_signatures.csv",
        csv_bytes([HEADER, PEOPLE[0], ["NGƯỜI LẬP BIỂU", "", "", ""], ["Lê Thị Hoa", "", "", ""], PEOPLE[1]]),
        persons=1, rejected=((5, "row.below_footer"),), why="issue 12.1: a person under the signatures is reported")
    add("csv_one_line_of_199_mb.csv", None, ("dòng 1", "cột A", "dài hơn"), big=True,
        why="a CSV of one 199 MB line")
    with (out / "csv_one_line_of_199_mb.csv").open("wb") as f:
        chunk = b"x" * (1 << 20)
        for _ in range(199):
            f.write(chunk)
    late_nul = csv_bytes([HEADER] + [PEOPLE[0]] * 50_000) + b"Le\x00Van,1980,H9,Con\r\n"
    add("csv_nul_late.csv", late_nul, ("dòng 50002", "NUL"), why="a NUL byte 50,000 lines down")

    # HTML saved as .xls.
    def page(body: str) -> bytes:
        return f"<html><head><meta charset='utf-8'></head><body><table>{body}</table></body></html>".encode()
    head_html = "<tr>" + "".join(f"<th>{h}</th>" for h in HEADER) + "</tr>"
    rows_html = "".join("<tr>" + "".join(f"<td>{v}</td>" for v in p) + "</tr>" for p in PEOPLE)
    add("html_colspan_huge.xls", page('<tr><td colspan="1000000">DANH SÁCH</td></tr>' + head_html + rows_html),
        persons=2, why="a title cell spanning a million columns")
    add("html_rowspan_huge.xls", page(head_html + '<tr><td>Nguyễn Văn An</td><td>1975</td>'
                                      '<td rowspan="999999999">H1</td><td>Chủ hộ</td></tr>'
                                      "<tr><td>Lê Thị Bình</td><td>1978</td><td>Vợ</td></tr>"),
        persons=2, why="a household code spanning a billion rows")
    add("html_too_many_rows.xls", page(head_html + "<tr><td>x</td></tr>" * 302_000), ("quá nhiều dòng",),
        big=True, why="302,000 table rows")

    # What the input path is.
    fifo = out / "fifo.csv"
    if not fifo.exists():
        os.mkfifo(fifo)
    cases.append(Case("fifo.csv", fifo, ("đường ống",), why="issue 12.6: a FIFO blocked forever"))
    device = out / "device.csv"
    if not device.exists():
        device.symlink_to("/dev/zero")
    cases.append(Case("device.csv", device, ("thiết bị",), why="issue 12.6: a device as input"))
    (out / "_tmp.xlsx").unlink()
    assert tuple(c.name for c in cases) == NAMES, "NAMES lists the cases in the order they are built"
    return cases


def _letters(col: int) -> str:
    out = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


if __name__ == "__main__":
    for case in build(Path(sys.argv[1] if len(sys.argv) > 1 else "corpus-hostile")):
        size = case.path.stat().st_size if case.path.is_file() else "-"
        print(f"{case.name:42s} {size:>12}  {'refused ' + str(case.refused) if case.refused else 'read'}")
