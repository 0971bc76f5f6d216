"""The reading layer's guards, piece by piece: the XLSX extent scan (the fast pass and the element-by-element pass
agree), the .xls compound-file walk, CSV encodings and quotes, the cell limits, rows of several sheets, HTML spans,
generated household codes."""
from __future__ import annotations

import codecs
import json
import random
import sys
from pathlib import Path

import pytest

from app.errors import HgdError
from app.io import biff, csvtext, htmltable, limits, rows, sheetscan
from app.io.cells import check_cell
from app.io.fills import generated_code
from app.io.report import RowIssue, SheetRow

sys.path.insert(0, str(Path(__file__).parents[1] / "corpus"))
import office97
from make_sheets import _cp1258_form

# --- the sheet's extent, from its XML ----------------------------------------------------------------------------


def _letters(col: int) -> str:
    out = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


def _sheet(cells: list[tuple[int, int]], form: str, rnd: random.Random) -> bytes:
    """Cells (row, column 1-based) as sheet XML, in the canonical form or with references written otherwise."""
    rows: dict[int, list[int]] = {}
    for r, c in sorted(cells):
        rows.setdefault(r, []).append(c)
    out = []
    for r, cols in rows.items():
        body = []
        for c in cols:
            ref = f"{_letters(c)}{r}"
            if form == "canonical":
                body.append(f'<c r="{ref}"><v>1</v></c>')
            else:
                quote = rnd.choice(["'", '"'])
                space = rnd.choice([" ", "\n", "\t", "  "])
                attrs = [f"r{rnd.choice(['', ' '])}={quote}{ref.lower() if rnd.random() < .2 else ref}{quote}",
                         f's="{rnd.randrange(5)}"', 't="n"']
                rnd.shuffle(attrs)
                body.append(f"<c{space}{space.join(attrs)}><v>1</v></c>")
        out.append(f'<row r="{r}">{"".join(body)}</row>')
    return ('<worksheet xmlns="x"><sheetData>' + "".join(out) + "</sheetData></worksheet>").encode()


def _extent(data: bytes) -> tuple[int, int]:
    scan = sheetscan.SheetScan("f.xlsx", "S")
    scan.feed(data)
    return scan.max_row, scan.max_col


@pytest.mark.parametrize("seed", range(20))
def test_the_fast_scan_and_the_exact_scan_find_the_same_extent(seed):
    rnd = random.Random(seed)
    cells = [(rnd.randrange(1, 5000), rnd.randrange(27, 104)) for _ in range(200)] + [(1, 1)]
    canonical = _extent(_sheet(cells, "canonical", rnd))
    other = _extent(_sheet(cells, "odd", rnd))
    assert canonical == other == (max(r for r, _ in cells), max(c for _, c in cells))


def test_cells_without_references_take_the_next_column_and_rows_without_numbers_the_next_row():
    data = (b'<sheetData><row r="7"><c><v>1</v></c><c><v>1</v></c><c r="E7"><v>1</v></c><c><v>1</v></c></row>'
            b'<row><c><v>1</v></c></row></sheetData>')
    assert _extent(data) == (8, 6)


def test_a_far_cell_that_is_empty_and_self_closed_does_not_count():
    assert _extent(b'<row r="2"><c r="A2"><v>1</v></c><c r="XFD2" s="3"/></row>') == (2, 26)


@pytest.mark.parametrize("xml, key", [
    (b'<row r="3"><c r="XFD3"><v>1</v></c></row>', "import.too_far_column"),
    (b'<row r="3"><c r="A301001"><v>1</v></c></row>', "import.too_many_rows"),
    (b'<row r="3"><c r="A1"><v>1</v></c><c r="CZ200000"><v>1</v></c></row>', "import.too_many_cells"),
    (b'<row r="3"><c r="A1:B2"><v>1</v></c><c t="s"><v>1</v></c></row>', "import.corrupt"),
])
def test_the_scan_refuses_what_the_library_would_build_too_large(xml, key):
    with pytest.raises(HgdError) as err:
        sheetscan.SheetScan("f.xlsx", "S").feed(xml)
    assert err.value.key == key


def test_a_sparse_sheet_is_refused_once_its_cells_are_counted():
    scan = sheetscan.SheetScan("f.xlsx", "S")
    scan.feed(b'<row r="1"><c r="A1"><v>1</v></c><c r="CZ1"><v>1</v></c></row>'
              b'<row r="60000"><c r="A60000"><v>1</v></c></row>')
    with pytest.raises(HgdError) as err:
        scan.finish()
    assert err.value.key == "import.sparse_sheet" and "CZ60000" in str(err.value)



def test_a_row_number_with_leading_zeros_does_not_hide_the_extent():
    # "A0000001" has seven digits but is row 1: judged by its digit count, it hid the cell at row 999,999
    scan = sheetscan.SheetScan("f.xlsx", "S")
    with pytest.raises(HgdError) as err:
        scan.feed(b'<row r="1"><c r="A0000001"><v>1</v></c><c r="CZ1"><v>1</v></c></row>'
                  b'<row r="999999"><c r="A999999"><v>1</v></c></row>')
        scan.finish()
    assert err.value.key == "import.too_many_rows" and "999.999" in str(err.value)
    assert _extent(b'<row r="3"><c r="B003"><v>1</v></c></row>') == (3, 2)

# --- .xls ---------------------------------------------------------------------------------------------------------


def _xls(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "f.xls"
    path.write_bytes(data)
    return path


def test_a_good_xls_passes_its_checks(tmp_path):
    biff.check_xls(_xls(tmp_path, office97.xls([["Họ và tên", "Ngày sinh", "Mã hộ"], ["An", "1975", "H1"]])))


def test_a_sector_chain_that_loops_is_refused(tmp_path):
    data = bytearray(office97.xls([["Họ và tên", "Ngày sinh", "Mã hộ"]]))
    start = int.from_bytes(data[512 + 512 + 128 + 116:512 + 512 + 128 + 120], "little")
    data[512 + 4 * (start + 2):512 + 4 * (start + 3)] = start.to_bytes(4, "little")
    with pytest.raises(HgdError) as err:
        biff.check_xls(_xls(tmp_path, bytes(data)))
    assert err.value.key == "import.corrupt"


# --- CSV ------------------------------------------------------------------------------------------------------------


def test_lines_in_two_encodings_are_refused_naming_the_first_that_disagrees(tmp_path):
    path = tmp_path / "f.csv"
    path.write_bytes("Họ tên,Năm\nNguyễn An,1975\n".encode() + _cp1258_form("Trần Bình,1980\n").encode("cp1258"))
    with pytest.raises(HgdError) as err:
        csvtext.inspect_csv(path)
    assert err.value.key == "import.csv_mixed_encoding"
    assert (err.value.params["first"], err.value.params["row"]) == (1, 3)


def test_a_utf8_file_cut_inside_its_last_letter_is_named_as_broken_not_as_mixed(tmp_path):
    path = tmp_path / "f.csv"
    path.write_bytes("Họ tên,Năm\nNguyễn An,1975\nLê Mến".encode()[:-2])  # cut inside "ế"
    with pytest.raises(HgdError) as err:
        csvtext.inspect_csv(path)
    assert err.value.key == "import.csv_encoding" and err.value.params["row"] == 3


def test_a_code_page_file_alone_is_read(tmp_path):
    path = tmp_path / "f.csv"
    path.write_bytes(_cp1258_form("Họ tên,Năm\r\nTrần Bình,1980\r\n").encode("cp1258"))
    assert csvtext.inspect_csv(path).encoding in ("cp1258", "cp1252")


def test_cr_cr_lf_is_one_line_end(tmp_path):
    path = tmp_path / "f.csv"
    path.write_bytes(b"a,b\r\r\nc,d\r\r\ne,f\r\r\n")
    info = csvtext.inspect_csv(path)
    assert info.crcrlf and list(csvtext.iter_rows(path, info)) == [["a", "b"], ["c", "d"], ["e", "f"]]


def test_a_quote_never_closed_yields_its_line_apart_and_the_rest_as_rows(tmp_path):
    path = tmp_path / "f.csv"
    path.write_text('a,b,c\n1,2,3\n"x,y,z\n4,5,6\n7,8,9\n', encoding="utf-8")
    rows = list(csvtext.iter_rows(path, csvtext.inspect_csv(path)))
    assert rows == [["a", "b", "c"], ["1", "2", "3"], ["x", "y", "z"], ["4", "5", "6"], ["7", "8", "9"]]
    assert isinstance(rows[2], csvtext.BrokenRow) and rows[2].column == 0


def test_a_line_longer_than_the_limit_is_refused_with_its_line_and_column(tmp_path):
    path = tmp_path / "f.csv"
    path.write_text("a,b,c\n1," + "2" * (limits.MAX_LINE_CHARS + 5) + ",3\n", encoding="utf-8")
    with pytest.raises(HgdError) as err:
        list(csvtext.iter_rows(path, csvtext.inspect_csv(path)))
    assert err.value.key == "import.csv_line_too_long" and (err.value.params["row"], err.value.params["column"]) == (
        2, "B")


def test_utf16_without_its_mark_is_named(tmp_path):
    path = tmp_path / "f.csv"
    path.write_bytes("Họ tên,Năm\r\n".encode("utf-16-le"))
    with pytest.raises(HgdError) as err:
        csvtext.inspect_csv(path)
    assert err.value.key == "import.csv_utf16_no_bom"


def test_a_bom_file_keeps_its_encoding(tmp_path):
    path = tmp_path / "f.csv"
    path.write_bytes(codecs.BOM_UTF8 + "Họ tên,Năm\r\n".encode())
    assert csvtext.inspect_csv(path).encoding == "utf-8-sig"


# --- cells, rows of several sheets, HTML, generated codes -------------------------------------------------------


@pytest.mark.parametrize("text, key", [
    ("a" * limits.MAX_CELL_CHARS, None), ("a" * (limits.MAX_CELL_CHARS + 1), "import.cell_too_long"),
    ("Nguye\u0302\u0303n", None), ("e" + "\u0301" * 5, "import.cell_marks"),
    ("x" + "\u0301" * (limits.MAX_MARKS + 1), "import.cell_marks"), ("x" + "\u0301" * limits.MAX_MARKS, None),
])
def test_a_cell_is_refused_when_too_long_or_carrying_a_run_of_marks(text, key):
    if key is None:
        check_cell(text, file="f", sheet=None, row=2, column="A")
        return
    with pytest.raises(HgdError) as err:
        check_cell(text, file="f", sheet="S", row=2, column="A ('Họ và tên')")
    assert err.value.key == key and "dòng 2" in str(err.value) and "cột A ('Họ và tên')" in str(err.value)


def test_rows_of_two_sheets_never_pass_for_one_another():
    a, b = SheetRow(5, "Thôn 1", 0), SheetRow(5, "Thôn 2", 1)
    assert a != b and len({a, b}) == 2 and a == 5 and int(b) == 5
    assert sorted([SheetRow(2, "Thôn 2", 1), SheetRow(9, "Thôn 1", 0)]) == [SheetRow(9, "Thôn 1", 0),
                                                                            SheetRow(2, "Thôn 2", 1)]
    assert rows.PersonRow  # app.io.rows registers the row messages, whichever tests ran before in this process
    issue = RowIssue(b, "Họ và tên", "", "row.no_name")
    assert issue.sheet == "Thôn 2" and json.loads(json.dumps(issue.to_dict()))["row"] == 5
    assert issue.line() == "Trang 'Thôn 2', dòng 5, cột 'Họ và tên': Thiếu họ và tên"


def test_html_spans_become_merged_ranges_and_huge_spans_are_clipped(tmp_path):
    path = tmp_path / "f.xls"
    path.write_text("<table><tr><td colspan='99999'>T</td></tr><tr><td rowspan='500'>H1</td><td>An</td></tr>"
                    "<tr><td>Bình</td></tr></table>", encoding="utf-8")
    sheet = htmltable.read_html(path, "f.xls")
    assert list(sheet.rows) == [["T"] + [""] * (limits.MAX_COLUMNS - 1), ["H1", "An"], ["", "Bình"]]
    assert sheet.merged == [((0, 0), (0, limits.MAX_COLUMNS - 1)), ((1, 0), (2, 0))]


def test_generated_household_codes_are_stable_and_distinct():
    taken: set[str] = set()
    first = generated_code("Nguyễn Văn Hùng", "1975", taken)
    assert first == generated_code("NGUYEN VAN  HUNG", "1975", set()) and first.startswith("TAM-")
    assert generated_code("Nguyễn Văn Hùng", "1975", taken) == first + "-2"
