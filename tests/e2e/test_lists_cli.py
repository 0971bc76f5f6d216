"""A month from events to files, by the command line exactly as the contract writes it: `hgd period open|lock|show`,
`hgd lists`, `hgd staff`; on a register made by the command line and on the demo commune."""
from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest

TODAY = date.today()
LAST = (TODAY.replace(day=1) - timedelta(days=1))            # the last day of last month
MONTH = LAST.strftime("%Y-%m")
D = LAST.replace(day=10).isoformat()


@pytest.fixture
def db(hgd, tmp_path):
    db = tmp_path / "xa.db"
    hgd("init", "--db", db, "--commune-name", "Xã Dân Lý", "--chairman", "Lê Văn Thắng", check=True)
    persons = tmp_path / "nguoi.csv"
    persons.write_text("Họ và tên,Ngày sinh,Giới tính,Mã hộ,Quan hệ với chủ hộ,Mã số BHXH,Mã đối tượng\n"
                       "Lê Văn Hùng,1950,Nam,H1,Chủ hộ,3800000001,HN\n"
                       "Trần Thị Mai,1953,Nữ,H1,Vợ,3800000002,HN\n"
                       "Lê Văn Nam,10/02/1980,Nam,H1,Con,3800000003,HC\n", encoding="utf-8")
    hgd("import", "--db", db, persons, check=True)
    return db


def _json(proc):
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_a_month_from_events_to_files(hgd, db, tmp_path):
    hgd("event", "death", "--db", db, "--person", "3800000001", "--date", D, check=True)
    staff = _json(hgd("staff", "add", "--db", db, "--person", "3800000003", "--date", D, "--set",
                      "position=Công chức Tư pháp - Hộ tịch", "--set", "salary_coefficient=2,67", "--set",
                      "job_class=mid", "--json"))
    assert staff["action"]["label"] == "Cán bộ bắt đầu làm việc: Lê Văn Nam"
    opened = _json(hgd("period", "open", "--db", db, "--period", MONTH, "--json"))
    assert opened["period"]["status"] == "open" and opened["period"]["events"] == 2
    shown = _json(hgd("period", "show", "--db", db, "--period", MONTH, "--json"))
    assert not shown["frozen"] and shown["blockers"] == []
    assert {(x["form"], x["variant"], x["rows"]) for x in shown["lists"]} == {
        ("D03-TS", "HN", 1), ("D02-LT", None, 1), ("BD-HGD", None, 1), ("VNPT", None, 1)}
    refused = hgd("lists", "--db", db, "--period", MONTH, "--out", tmp_path / "out")
    assert refused.returncode == 1 and "chưa khóa" in refused.stderr and not (tmp_path / "out").exists()
    locked = _json(hgd("period", "lock", "--db", db, "--period", MONTH, "--json"))
    assert locked["period"]["status"] == "locked" and locked["events"] == 2 and locked["override"] is None
    out = tmp_path / "out"
    made = _json(hgd("lists", "--db", db, "--period", MONTH, "--out", out, "--json"))
    assert made["frozen"] and made["period"]["month"] == MONTH
    names = [f["name"] for f in made["files"]]
    assert names == [f"{MONTH}_01_D03-TS_HN.xlsx", f"{MONTH}_01_D03-TS_HN.pdf", f"{MONTH}_02_D02-LT.xlsx",
                     f"{MONTH}_02_D02-LT.pdf", f"{MONTH}_03_BD-HGD.xlsx", f"{MONTH}_03_BD-HGD.pdf",
                     f"{MONTH}_04_VNPT-D03-TK1.xlsx"]
    assert all(Path(f["path"]).stat().st_size == f["bytes"] for f in made["files"])
    assert [f["rows"] for f in made["files"]] == [1, 1, 1, 1, 1, 1, 1]
    assert all(f["pages"] >= 1 for f in made["files"] if f["kind"] == "pdf")
    ws = openpyxl.load_workbook(out / f"{MONTH}_01_D03-TS_HN.xlsx").active
    assert "Lê Văn Hùng" in [c.value for row in ws.iter_rows() for c in row]
    text = hgd("lists", "--db", db, "--period", MONTH, "--out", tmp_path / "again", check=True).stdout
    assert text.splitlines()[0] == f"Đã ghi 7 tệp của kỳ {LAST.strftime('%m/%Y')} vào {tmp_path / 'again'}:"
    assert f"  {MONTH}_01_D03-TS_HN.pdf: 1 dòng, 1 trang" in text.splitlines()
    assert (out / names[1]).read_bytes() == (tmp_path / "again" / names[1]).read_bytes()


def test_a_later_event_in_a_locked_month_says_where_it_goes(hgd, db):
    hgd("period", "open", "--db", db, "--period", MONTH, check=True)
    hgd("period", "lock", "--db", db, "--period", MONTH, check=True)
    out = hgd("event", "death", "--db", db, "--person", "3800000002", "--date", D, check=True).stdout
    nxt = TODAY.strftime("%m/%Y")
    assert f"Kỳ {LAST.strftime('%m/%Y')} đã khóa: biến động này được báo cáo ở kỳ {nxt}." in out


def test_refusals_are_one_line(hgd, db):
    bad = hgd("period", "open", "--db", db, "--period", "2026-13")
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "không hợp lệ" in bad.stderr
    hgd("period", "open", "--db", db, "--period", MONTH, check=True)
    again = hgd("period", "open", "--db", db, "--period", MONTH, "--json")
    assert again.returncode == 1 and json.loads(again.stdout)["error"]["key"] == "period.exists"
    early = hgd("period", "lock", "--db", db, "--period", TODAY.strftime("%Y-%m"))
    assert early.returncode == 1 and "Chưa mở kỳ" in early.stderr
    missing = hgd("period", "show", "--db", db)
    assert missing.returncode == 2


def test_a_blocking_finding_needs_an_override_with_a_reason(hgd, db, tmp_path):
    hgd("event", "move-in", "--db", db, "--household", "H1", "--date", D, "--name", "Phan Văn Tý", "--sex", "M",
        "--born", "1960", "--relation", "khac", check=True)
    hgd("event", "move-out", "--db", db, "--person", "3800000002", "--date", D, check=True)
    # a person without a BHXH code leaving a listed group: found before sending
    csv = tmp_path / "more.csv"
    csv.write_text("Họ và tên,Ngày sinh,Giới tính,Mã hộ,Quan hệ với chủ hộ,Mã đối tượng\n"
                   "Lê Thị Nở,1940,Nữ,H1,Khác,BT\n", encoding="utf-8")
    hgd("import", "--db", db, csv, check=True)
    person = json.loads(hgd("history", "--db", db, "--household", "H1", "--json", check=True).stdout)
    nobody = next(h["entity_id"] for h in person["history"] if h["field"] == "*" and h["entity"] == "person"
                  and h["new"].get("full_name") == "Lê Thị Nở")
    hgd("event", "death", "--db", db, "--person", nobody, "--date", D, check=True)
    hgd("period", "open", "--db", db, "--period", MONTH, check=True)
    shown = _json(hgd("period", "show", "--db", db, "--period", MONTH, "--json"))
    assert [b["kind"] for b in shown["blockers"]] == ["missing_bhxh"]
    refused = hgd("period", "lock", "--db", db, "--period", MONTH)
    assert refused.returncode == 1 and "Lê Thị Nở: thiếu mã số BHXH" in refused.stderr
    locked = _json(hgd("period", "lock", "--db", db, "--period", MONTH, "--override", "Đã báo BHXH bằng giấy",
                       "--json"))
    assert locked["override"]["reason"] == "Đã báo BHXH bằng giấy"
    assert locked["override"]["blockers"][0]["name"] == "Lê Thị Nở"


def test_the_demo_communes_open_month_from_events_to_files(hgd, tmp_path):
    db = tmp_path / "demo.db"
    hgd("demo", "--db", db, "--persons", 1500, "--seed", 2, check=True)
    earlier = (LAST.replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    assert _json(hgd("period", "show", "--db", db, "--period", earlier, "--json"))["frozen"]
    shown = _json(hgd("period", "show", "--db", db, "--period", MONTH, "--json"))
    assert shown["period"]["status"] == "open" and shown["period"]["events"] > 0
    forms = {x["form"] for x in shown["lists"]}
    assert {"D03-TS", "D02-LT", "BD-HGD"} <= forms
    args = ("--override", "Xã mẫu") if shown["blockers"] else ()
    _json(hgd("period", "lock", "--db", db, "--period", MONTH, *args, "--json"))
    made = _json(hgd("lists", "--db", db, "--period", MONTH, "--out", tmp_path / "out", "--json"))
    assert {f["form"] for f in made["files"]} == forms
    assert sum(f["kind"] == "pdf" for f in made["files"]) == len(made["lists"]) - 1  # the template has no PDF


def test_cards_reconciles_as_the_contract_writes_it(hgd, db, tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1] / "corpus"))
    from card_list import write_card_list

    path = write_card_list(tmp_path / "the.xlsx", [
        {"bhxh_code": "3800000001", "full_name": "Lê Văn Hùng", "birth_date": "1950", "sex": "M", "group_code": "HN",
         "card_number": "HN2383800000001", "card_valid_from": "2026-01-01", "card_valid_to": "2026-12-31"},
        {"bhxh_code": "9900000001", "full_name": "Đỗ Văn Lạ", "birth_date": "1960-01-01", "sex": "M",
         "group_code": "BT"}])
    report = _json(hgd("cards", "--db", db, path, "--json"))
    assert {"rows", "matched", "missing_from_register", "without_card", "differs"} <= set(report)
    assert (report["rows"], report["matched"], report["missing_from_register"], report["without_card"],
            report["differs"]) == (2, 1, 1, 1, 1)   # Trần Thị Mai (HN) has no card; Lê Văn Hùng's card is new
    assert report["accepted"] == 0 and report["file"]["sheet"] == "DanhSach"
    done = _json(hgd("cards", "--db", db, path, "--accept", "all", "--json"))
    assert done["accepted"] == 3 and done["action"]["label"].startswith("Đối chiếu danh sách thẻ the.xlsx")
    again = _json(hgd("cards", "--db", db, path, "--json"))
    assert (again["missing_from_register"], again["without_card"], again["differs"]) == (0, 0, 0)
    text = hgd("cards", "--db", db, path, check=True).stdout
    assert text.startswith("Danh sách the.xlsx: 2 người có thẻ; 2 khớp với sổ")
