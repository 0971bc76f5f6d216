"""The formats a new user brings (issue 11, item 9), each a realistic file from tests/corpus/make_formats.py imported
through `hgd import` (the real command line, in this process) and checked in the register's SQLite file."""
from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest

from app import cli

sys.path.insert(0, str(Path(__file__).parents[1] / "corpus"))
import make_formats as corpus


@pytest.fixture
def run(capsys, monkeypatch):
    monkeypatch.delenv("HGD_LANG", raising=False)

    def hgd(*args: object) -> tuple[int, str, str]:
        capsys.readouterr()
        code = cli.main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err
    return hgd


@pytest.fixture
def db(run, tmp_path) -> Path:
    path = tmp_path / "reg" / "r.db"
    path.parent.mkdir()
    assert run("init", "--db", path, "--commune-name", "Xã Dân Lý")[0] == 0
    return path


def query(db: Path, sql: str) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def persons(db: Path) -> dict[str, tuple]:
    """Name -> (birth date, sex)."""
    return {n: (b, s) for n, b, s in query(db, "SELECT full_name, birth_date, sex FROM persons")}


def households(db: Path) -> list[tuple[str, list[str]]]:
    """(code, [head's name first, then the members in file order])."""
    out = []
    for hid, code, head in query(db, "SELECT h.id, h.code, (SELECT full_name FROM persons WHERE id = h.head_person_id)"
                                     " FROM households h ORDER BY h.code"):
        members = [n for (n,) in query(db, f"SELECT full_name FROM persons WHERE household_id = '{hid}' "
                                           "ORDER BY rowid")]
        out.append((code, [head] + [m for m in members if m != head]))
    return out


def imported(run, db: Path, path: Path, *args: object) -> dict:
    code, out, err = run("import", "--db", db, path, "--json", *args)
    assert code == 0, err + out
    report = json.loads(out)
    assert report["committed"] and not report["rejected"], report
    return report


def test_the_birth_year_under_nam_or_nu_gives_the_birth_and_the_sex(run, db, tmp_path):
    report = imported(run, db, corpus.nam_nu_birth_years(tmp_path / "nam_nu.xlsx"))
    assert report["persons_added"] == 5 and report["header_row"] == 4
    assert {"ngay_sinh_nam", "ngay_sinh_nu"} <= set(report["columns"])
    assert persons(db) == {p["name"]: (str(p["year"]), "M" if p["sex"] == "Nam" else "F") for p in corpus.FAMILY}
    assert sorted(m for _c, m in households(db)) == sorted(corpus.HOUSEHOLDS)


def test_a_year_under_both_nam_and_nu_is_refused_for_that_row(run, db, tmp_path):
    path = corpus.nam_nu_birth_years(tmp_path / "nam_nu.xlsx")
    import openpyxl
    wb = openpyxl.load_workbook(path)
    wb.active["D6"] = 1975   # the head's year written under Nữ as well
    wb.save(path)
    code, out, _err = run("import", "--db", db, path, "--json")
    rejected = json.loads(out)["rejected"]
    assert code == 1 and [(r["row"], r["column"], r["reason"]) for r in rejected] == [
        (6, "Năm sinh Nữ", "row.birth_both_sexes")]


def test_a_household_code_on_the_head_row_only_is_carried_to_its_members(run, db, tmp_path):
    report = imported(run, db, corpus.code_on_head_row(tmp_path / "ma_ho_chu_ho.xlsx"))
    assert report["persons_added"] == 5 and report["households_added"] == 2
    assert households(db) == [("2601000101", corpus.HOUSEHOLDS[0]), ("2601000102", corpus.HOUSEHOLDS[1])]
    assert any(w["reason"] == "import.household_carried" for w in report["warnings"])


def test_a_head_without_a_code_is_refused_and_its_members_do_not_join_the_household_above(run, db, tmp_path):
    path = corpus.code_on_head_row(tmp_path / "ma_ho_chu_ho.xlsx")
    import openpyxl
    wb = openpyxl.load_workbook(path)
    wb.active["B6"] = None   # Hà Văn Tâm, the second head, lost his code
    wb.save(path)
    code, out, _err = run("import", "--db", db, path, "--json", "--skip-invalid")
    report = json.loads(out)
    assert code == 0 and [(r["row"], r["reason"]) for r in report["rejected"]] == [
        (6, "row.no_household"), (7, "row.no_household")]
    assert households(db) == [("2601000101", corpus.HOUSEHOLDS[0])]


def test_without_a_household_column_households_follow_the_relation_order_with_stable_codes(run, db, tmp_path):
    path = corpus.no_household_column(tmp_path / "khong_ma_ho.xlsx")
    report = imported(run, db, path)
    assert report["persons_added"] == 5 and report["households_added"] == 2
    found = households(db)
    assert [m for _c, m in found] == corpus.HOUSEHOLDS or [m for _c, m in found] == corpus.HOUSEHOLDS[::-1]
    assert all(c.startswith("TAM-") and len(c) == 12 for c, _m in found)
    note = next(w for w in report["warnings"] if w["reason"] == "import.household_generated")
    assert note["column"] == "Quan hệ với chủ hộ" and "TAM-" in note["message"]
    code, out, _err = run("import", "--db", db, path, "--json")  # the same codes again: nothing added
    again = json.loads(out)
    assert code == 0 and again["persons_added"] == 0 and again["persons_present"] == 5
    assert households(db) == found


def test_without_a_household_column_a_member_before_any_head_is_named(run, db, tmp_path):
    path = corpus.no_household_column(tmp_path / "khong_ma_ho.xlsx")
    import openpyxl
    wb = openpyxl.load_workbook(path)
    wb.active.insert_rows(2)
    for col, value in enumerate([0, "Lê Văn Lạc", "1990", "Nam", "Con"], 1):
        wb.active.cell(2, col, value)
    wb.save(path)
    code, out, _err = run("import", "--db", db, path, "--json")
    rejected = json.loads(out)["rejected"]
    assert code == 1 and [(r["row"], r["reason"]) for r in rejected] == [(2, "row.no_head_above")]


def test_the_html_table_a_web_portal_saves_as_xls(run, db, tmp_path):
    report = imported(run, db, corpus.portal_html(tmp_path / "xuat_tu_cong.xls"))
    assert report["persons_added"] == 5 and report["header_row"] == 2 and report["text_encoding"] == "utf-8"
    assert households(db) == [("2601000101", corpus.HOUSEHOLDS[0]), ("2601000102", corpus.HOUSEHOLDS[1])]
    assert query(db, "SELECT DISTINCT address FROM persons ORDER BY 1") == [
        ("Thôn Tây - Xã Dân Lý",), ("Thôn Đông - Xã Dân Lý",)]
    assert sorted(b for (b,) in query(db, "SELECT bhxh_code FROM persons")) == sorted(
        p["bhxh"] for p in corpus.FAMILY)


def test_a_csv_named_xls(run, db, tmp_path):
    report = imported(run, db, corpus.csv_named_xls(tmp_path / "danh_sach.xls"))
    assert report["persons_added"] == 5 and report["text_encoding"] == "cp1258"
    assert persons(db) == corpus.EXPECTED


def test_cr_cr_lf_line_ends_do_not_double_the_row_numbers(run, db, tmp_path):
    report = imported(run, db, corpus.cr_cr_lf(tmp_path / "crcrlf.csv"))
    assert report["persons_added"] == 5 and report["rows_read"] == 5
    _code, out, _err = run("import", "--db", db, corpus.cr_cr_lf(tmp_path / "sai.csv", bad_row=4), "--json",
                          "--dry-run")
    assert [(r["row"], r["value"]) for r in json.loads(out)["rejected"]] == [(4, "31/02/1978")]


def test_the_declaration_software_template_with_members_on_its_annex(run, db, tmp_path):
    report = imported(run, db, corpus.vnpt_template(tmp_path / "mau_d03_tk1.xlsx"))
    assert report["sheets"] == ["Dữ Liệu", "Phụ lục"] and report["header_row"] == 2
    assert report["persons_added"] == 5 and report["households_added"] == 2
    assert {"sheet": "Tổng hợp", "reason": "import.sheet_no_list"} in report["sheets_skipped"]
    assert persons(db) == corpus.EXPECTED                          # sex from 1/0
    assert households(db) == [("2601000101", corpus.HOUSEHOLDS[0]), ("2601000102", corpus.HOUSEHOLDS[1])]
    rows = query(db, "SELECT full_name, ethnicity_code, relation, birth_place, birth_province_code, health_facility "
                     "FROM persons WHERE full_name = 'Nguyễn Văn Hùng'")
    assert rows == [("Nguyễn Văn Hùng", "01", "chu_ho", "Xã Dân Lý, Triệu Sơn, Thanh Hóa", "38",
                     "Trạm y tế xã Dân Lý")]
    assert query(db, "SELECT ethnicity_code FROM persons WHERE full_name = 'Bùi Thị Nga'") == [("05",)]
    assert any(w["reason"] == "import.template_merged" for w in report["warnings"])


def test_the_template_without_any_household_code_gets_one_per_participant(run, db, tmp_path):
    path = corpus.vnpt_template(tmp_path / "mau.xlsx", household_on_data=False)
    import openpyxl
    wb = openpyxl.load_workbook(path)
    for row in wb["Phụ lục"].iter_rows(min_row=4):
        row[22].value = None   # Maso_HoGiadinh emptied
    wb.save(path)
    report = imported(run, db, path)
    assert report["persons_added"] == 5 and report["households_added"] == 2
    found = households(db)
    assert sorted(m for _c, m in found) == sorted(corpus.HOUSEHOLDS)
    assert all(c.startswith("TAM-") for c, _m in found)
