"""The event, undo, redo and history commands exactly as the contract writes them, on a register made by the
command line; each result checked in the database."""
from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta

import pytest

TODAY = date.today()
D = (TODAY - timedelta(days=3)).isoformat()


def q(db, sql, *args):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


@pytest.fixture
def db(hgd, tmp_path):
    db = tmp_path / "xa.db"
    hgd("init", "--db", db, "--commune-name", "Xã Dân Lý", check=True)
    persons = tmp_path / "nguoi.csv"
    persons.write_text("Họ và tên,Ngày sinh,Giới tính,Mã hộ,Quan hệ với chủ hộ,Mã số BHXH\n"
                       "Lê Văn Hùng,1950,Nam,H1,Chủ hộ,3800000001\n"
                       "Trần Thị Mai,1953,Nữ,H1,Vợ,3800000002\n"
                       "Lê Văn Nam,10/02/1980,Nam,H1,Con,3800000003\n"
                       "Phạm Thị Hoa,1982,Nữ,H1,Con dâu,3800000004\n"
                       "Đỗ Văn Tâm,1940,Nam,H2,Chủ hộ,3800000010\n", encoding="utf-8")
    hgd("import", "--db", db, persons, check=True)
    return db


def test_birth_as_the_contract_writes_it_then_undo_and_redo(hgd, db):
    out = hgd("event", "birth", "--db", db, "--household", "H1", "--name", "Lê Gia Bảo", "--sex", "M",
              "--date", D, "--birth-place", "Xã Dân Lý, Tỉnh Thanh Hóa", "--json", check=True)
    result = json.loads(out.stdout)
    assert result["ok"] and result["action"]["label"] == "Ghi nhận sinh: Lê Gia Bảo"
    child = result["value"]["person_id"]
    assert q(db, "SELECT group_code, card_valid_from, status FROM persons WHERE id = ?", child) == [("TE", D, "active")]
    assert q(db, "SELECT type, effective_date, status FROM events") == [("birth", D, "recorded")]
    out = hgd("undo", "--db", db, check=True)
    assert out.stdout.strip() == "Đã hoàn tác: Ghi nhận sinh: Lê Gia Bảo."
    assert q(db, "SELECT status FROM persons WHERE id = ?", child) == [("void",)]
    assert q(db, "SELECT status FROM events") == [("withdrawn",)]
    out = hgd("redo", "--db", db, "--json", check=True)
    assert json.loads(out.stdout)["redone"] == "Ghi nhận sinh: Lê Gia Bảo"
    assert q(db, "SELECT status FROM persons WHERE id = ?", child) == [("active",)]


def test_death_by_bhxh_code_and_history_on_a_date(hgd, db):
    hgd("event", "death", "--db", db, "--person", "3800000010", "--date", D, check=True)
    assert q(db, "SELECT status, status_date FROM persons WHERE bhxh_code = '3800000010'") == [("dead", D)]
    out = hgd("history", "--db", db, "--person", "3800000010", "--json", check=True)
    history = json.loads(out.stdout)["history"]
    assert [h["field"] for h in history][:1] == ["*"] and any(h["new"] == "dead" for h in history)
    before = (TODAY - timedelta(days=4)).isoformat()
    state = json.loads(hgd("history", "--db", db, "--person", "3800000010", "--on", before, "--json",
                           check=True).stdout)["state"]
    assert state is None or state["status"] == "active"
    text = hgd("history", "--db", db, "--household", "H2", check=True).stdout
    assert "Hộ H2" in text and "đã chết" in text


@pytest.mark.parametrize("args, check_sql, expected", [
    (["move-in", "--household", "H2", "--name", "Vũ Thị Hạnh", "--sex", "F", "--born", "1995", "--relation",
      "Con dâu", "--from", "Xã A, Tỉnh B"], "SELECT COUNT(*) FROM persons WHERE full_name = 'Vũ Thị Hạnh' AND status = 'active'", [(1,)]),
    (["move-out", "--person", "3800000010", "--to", "TP Hồ Chí Minh"],
     "SELECT status, status_detail FROM persons WHERE bhxh_code = '3800000010'", [("moved_out", "TP Hồ Chí Minh")]),
    (["split", "--household", "H1", "--member", "3800000004", "--new-head", "3800000003", "--new-code", "H3",
      "--spouse", "3800000004"],
     ("SELECT h.code, p.relation FROM persons p JOIN households h ON h.id = p.household_id "
     "WHERE p.bhxh_code IN ('3800000003', '3800000004') ORDER BY p.bhxh_code"), [("H3", "chu_ho"), ("H3", "vo")]),
    (["merge", "--from", "H2", "--into", "H1", "--relation", "3800000010=Khác"],
     "SELECT status FROM households WHERE code = 'H2'", [("merged_into",)]),
    (["correct", "--person", "3800000004", "--set", "full_name=Phạm Thị Hòa", "--set", "birth_date=05/05/1982"],
     "SELECT full_name, birth_date FROM persons WHERE bhxh_code = '3800000004'", [("Phạm Thị Hòa", "1982-05-05")]),
    (["group", "--person", "3800000010", "--group", "BT"],
     "SELECT group_code, card_number FROM persons WHERE bhxh_code = '3800000010'", [("BT", "BT2383800000010")]),
    (["head", "--household", "H1", "--new-head", "3800000003", "--spouse", "3800000004"],
     ("SELECT relation FROM persons WHERE bhxh_code IN ('3800000001', '3800000002', '3800000003', '3800000004') "
     "ORDER BY bhxh_code"), [("bo",), ("me",), ("chu_ho",), ("vo",)]),
])
def test_each_event_command_changes_the_register_and_undo_restores_it(hgd, db, args, check_sql, expected):
    before = q(db, check_sql)
    out = hgd("event", args[0], "--db", db, *args[1:], "--date", D, "--json")
    assert out.returncode == 0, out.stderr
    assert q(db, check_sql) == expected
    assert json.loads(out.stdout)["ok"] is True
    hgd("undo", "--db", db, check=True)
    assert q(db, check_sql) == before


@pytest.mark.parametrize("args, words", [
    (["event", "death", "--person", "9999999999", "--date", D], ["Không có người '9999999999'"]),
    (["event", "death", "--person", "3800000010", "--date", "2999-01-01"], ["tương lai"]),
    (["event", "birth", "--household", "H1", "--name", "A", "--sex", "X", "--date", D], ["Giới tính"]),
    (["event", "split", "--household", "H2", "--member", "3800000010", "--new-head", "3800000010", "--date", D],
     ["Không tách được cả hộ"]),
    (["redo"], ["Không có thao tác nào để làm lại"]),
])
def test_refusals_are_one_line_and_one_json_object(hgd, db, args, words):
    before = q(db, "SELECT COUNT(*), MAX(seq) FROM actions")
    out = hgd(args[0], *args[1:], "--db", db)
    assert out.returncode == 1 and len(out.stderr.strip().splitlines()) == 1, out.stderr
    assert all(w in out.stderr for w in words), out.stderr
    out = hgd(args[0], *args[1:], "--db", db, "--json")
    error = json.loads(out.stdout)
    assert error["ok"] is False and error["error"]["message"] and out.returncode == 1
    assert q(db, "SELECT COUNT(*), MAX(seq) FROM actions") == before


def test_usage_errors_speak_vietnamese_and_json(hgd, db):
    out = hgd("event", "death", "--db", db)
    assert out.returncode == 2 and "thiếu tham số bắt buộc" in out.stderr and "required" not in out.stderr
    out = hgd("event", "death", "--db", db, "--json")
    assert out.returncode == 2 and json.loads(out.stdout)["error"]["key"] == "cli.usage"
    out = hgd("--help")
    assert out.returncode == 0 and "Cách dùng" in out.stdout and "ghi nhận một biến động" in out.stdout
    out = hgd("--help", env={"HGD_LANG": "en"})
    assert "usage" in out.stdout and "record one dated event" in out.stdout


def test_the_same_file_twice_changes_nothing_and_a_file_with_codes_completes_the_persons(hgd, tmp_path):
    db = tmp_path / "x.db"
    hgd("init", "--db", db, "--commune-name", "Xã Dân Lý", check=True)
    first = tmp_path / "a.csv"
    first.write_text("Họ và tên,Ngày sinh,Mã hộ,Quan hệ với chủ hộ\nLê Văn An,1975,H1,Chủ hộ\n"
                     "Lê Thị Bình,1978,H1,Vợ\n", encoding="utf-8")
    hgd("import", "--db", db, first, check=True)
    actions = q(db, "SELECT COUNT(*) FROM actions")
    out = json.loads(hgd("import", "--db", db, first, "--json", check=True).stdout)
    assert out["persons_added"] == 0 and out["persons_present"] == 2 and q(db, "SELECT COUNT(*) FROM actions") == actions
    second = tmp_path / "b.csv"
    second.write_text("Họ và tên,Ngày sinh,Mã hộ,Quan hệ với chủ hộ,Mã số BHXH\n"
                      "Lê Văn An,15/03/1975,H1,Chủ hộ,3801234567\nLê Thị Bình,1978,H1,Vợ,3801234568\n",
                      encoding="utf-8")
    out = json.loads(hgd("import", "--db", db, second, "--json", check=True).stdout)
    assert out["persons_added"] == 0 and out["persons_updated"] == 2
    assert q(db, "SELECT full_name, birth_date, bhxh_code FROM persons ORDER BY full_name") == [
        ("Lê Thị Bình", "1978", "3801234568"), ("Lê Văn An", "1975-03-15", "3801234567")]
