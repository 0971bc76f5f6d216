"""Importing real-shaped files end to end into a fresh register, checked field by field in the database: the CSV
with the canonical columns, an XLSX with titles, numbering, a repeated header and a signature footer, and files in
the TCVN3 and VNI legacy encodings (tests/corpus/make_sheets.py builds them)."""
from __future__ import annotations

import json
import sqlite3
import sys
from datetime import date
from pathlib import Path

import pytest

from app.io import import_persons
from app.register import Register

sys.path.insert(0, str(Path(__file__).parents[1] / "corpus"))
import make_sheets

TODAY = date(2025, 12, 1)
COLUMNS = ("full_name", "name_key", "birth_date", "birth_year", "sex", "ethnicity_code", "birth_place",
           "birth_province_code", "id_number", "id_kind", "bhxh_code", "relation", "group_code", "card_number",
           "card_valid_to", "address", "status")
EXPECTED = {
    "0123456789": ("NGUYỄN VĂN AN", "nguyen van an", "1975-03-15", 1975, "M", "01",
                   "Xã Hải Hậu, Huyện Hải Hậu, Tỉnh Nam Định", "36", "036075012345", "cccd", "0123456789", "chu_ho",
                   "GD", "GD4360123456789", "2025-12-31", "Thôn Đông", "active"),
    "0012345678": ("Trần Thị Bình", "tran thi binh", "1978", 1978, "F", "01", "Xã Hải Hậu, Tỉnh Nam Định", "36",
                   "036178012346", "cccd", "0012345678", "vo", "GD", None, "2025-12-31", "Thôn Đông", "active"),
    "3609092025": ("Nguyễn Minh Châu", "nguyen minh chau", "2019-04", 2019, "F", "01",
                   "Xã Dân Lý, Huyện Triệu Sơn, Tỉnh Thanh Hóa", "38", None, None, "3609092025", "con", "TE",
                   "TE1363609092025", "2025-09-30", "Thôn Đông", "active"),
    "3801234567": ("Lò Văn Dũng", "lo van dung", "1960-01-02", 1960, "M", "03", "Xã Dân Lý, Tỉnh Thanh Hóa", "38",
                   "038060001122", "cccd", "3801234567", "chu_ho", "HN", "HN2383801234567", "2025-12-31",
                   "Thôn Tây", "active"),
}


@pytest.fixture
def fresh(tmp_path):
    path = tmp_path / "xa.db"
    Register.create(path, {"commune_name": "Xã Dân Lý"}).close()
    return path


def rows_of(db: Path):
    con = sqlite3.connect(db)
    try:
        persons = {r[COLUMNS.index("bhxh_code")]: r for r in con.execute(f"SELECT {', '.join(COLUMNS)} FROM persons")}
        households = {code: (commune, address, head) for code, commune, address, head in con.execute(
            "SELECT h.code, (SELECT code FROM communes c WHERE c.id = h.commune_id), h.address, p.full_name FROM households h "
            "LEFT JOIN persons p ON p.id = h.head_person_id")}
        members = dict(con.execute("SELECT h.code, COUNT(*) FROM persons p JOIN households h ON h.id = p.household_id "
                                   "GROUP BY h.code"))
    finally:
        con.close()
    return persons, households, members


def check_register(db: Path) -> None:
    persons, households, members = rows_of(db)
    assert persons == EXPECTED
    assert households == {"HGD001": ("15703", "Thôn Đông", "NGUYỄN VĂN AN"),
                          "HGD002": ("15703", "Thôn Tây", "Lò Văn Dũng")}
    assert members == {"HGD001": 3, "HGD002": 1}


def test_the_canonical_csv_lands_field_by_field(fresh, tmp_path):
    path = make_sheets.write_csv(tmp_path / "thanh_vien.csv")
    assert path.read_text(encoding="utf-8").splitlines()[0] == ",".join(make_sheets.CSV_COLUMNS)
    with Register.open(fresh) as reg:
        report = import_persons(reg, path, today=TODAY)
    assert report.committed and report.persons_added == 4 and report.households_added == 2
    assert report.text_encoding == "utf-8" and report.header_row == 1 and report.rows_read == 4
    assert [(w.row, w.reason_key) for w in report.warnings] == [(2, "row.bhxh_restored"), (3, "row.bhxh_restored")]
    check_register(fresh)


def test_the_xlsx_with_titles_numbering_repeated_header_and_footer(fresh, tmp_path):
    with Register.open(fresh) as reg:
        report = import_persons(reg, make_sheets.write_titled_xlsx(tmp_path / "ds.xlsx"), today=TODAY)
    assert report.committed and report.header_row == 4 and report.rows_read == 4 and not report.rejected
    check_register(fresh)


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_encoded_xlsx_and_csv(fresh, tmp_path, encoding):
    with Register.open(fresh) as reg:
        report = import_persons(reg, make_sheets.write_legacy_xlsx(tmp_path / f"{encoding}.xlsx", encoding),
                                today=TODAY)
        assert report.committed and report.encoding == encoding
        check_register(fresh)
        again = import_persons(reg, make_sheets.write_legacy_csv(tmp_path / f"{encoding}.csv", encoding),
                               today=TODAY)
    assert again.encoding == encoding and again.text_encoding == "cp1252"
    assert again.persons_added == 0 and again.persons_present == 4  # the same people, already there
    check_register(fresh)


def test_the_command_line_imports_with_a_json_summary_and_twice_adds_nothing(fresh, tmp_path, hgd):
    path = make_sheets.write_csv(tmp_path / "thanh_vien.csv")
    out = hgd("import", "--db", fresh, path, "--json", check=True)
    summary = json.loads(out.stdout)
    assert summary["committed"] and summary["persons_added"] == 4 and summary["households_added"] == 2
    check_register(fresh)
    out = hgd("import", "--db", fresh, path, check=True)
    assert "Đã nhập 0 người" in out.stdout and "4 người đã có trong sổ" in out.stdout
    check_register(fresh)


def test_the_command_line_map_and_dry_run(fresh, tmp_path, hgd):
    rows = [["Tên", "NS", "Hộ"], ["Lê Văn An", "1975", "H1"]]
    path = make_sheets.xlsx(tmp_path / "khac.xlsx", rows)
    out = hgd("import", "--db", fresh, path, "--map", "Tên=ho_ten", "--map", "Hộ=ma_ho", "--dry-run", check=True)
    assert "sẽ nhập 1 người, 1 hộ mới" in out.stdout
    assert rows_of(fresh)[0] == {}
    out = hgd("import", "--db", fresh, path, "--map", "Tên=ten_nguoi")
    assert out.returncode == 1 and "ten_nguoi" in out.stderr and len(out.stderr.strip().splitlines()) == 1
