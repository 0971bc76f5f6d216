"""`hgd review` and `hgd resolve` on registers made by the command line: the pairs CSV (BHXH codes first), the
findings CSV, a re-run that keeps decisions, and the refusals (unknown person, the same person twice, a merged one)."""
from __future__ import annotations

import csv
import json

import pytest

ROWS = (
    "Họ và tên,Ngày sinh,Giới tính,Mã hộ,Quan hệ với chủ hộ,Mã số BHXH,Nơi đăng ký khai sinh\n"
    "Lê Văn Hùng,12/03/1950,Nam,H1,Chủ hộ,3800000001,\"Xã Hải Hậu, Huyện Hải Hậu, Tỉnh Nam Định\"\n"
    "Trần Thị Mai,05/07/1953,Nữ,H1,Vợ,3800000002,\"Xã Hải Hậu, Huyện Hải Hậu, Tỉnh Nam Định\"\n"
    "Lê Văn Nam,10/02/1980,Nam,H1,Con,3800000003,\"Xã Hải Hậu, Huyện Hải Hậu, Tỉnh Nam Định\"\n"
    # the same man, recorded again without diacritics and with the place abbreviated
    "Le Van Nam,10/02/1980,Nam,H2,Chủ hộ,3800000009,X. Hải Hậu - H. Hải Hậu - T. Nam Định\n"
    # namesakes: same name, sex and year, another date; same name and date, born elsewhere
    "Nguyễn Thị Lan,03/04/1990,Nữ,H3,Chủ hộ,3800000010,\"Xã Giao Thủy, Huyện Giao Thủy, Tỉnh Nam Định\"\n"
    "Nguyễn Thị Lan,21/11/1990,Nữ,H3,Con,3800000011,\"Xã Giao Thủy, Huyện Giao Thủy, Tỉnh Nam Định\"\n"
    "Nguyễn Thị Lan,03/04/1990,Nữ,H4,Chủ hộ,3800000012,\"Phường Hàng Bạc, Quận Hoàn Kiếm, Thành phố Hà Nội\"\n"
    "Trần Văn Bình,02/02/1992,Nam,H4,Chồng,3800000013,\"Xã Giao Thủy, Huyện Giao Thủy, Tỉnh Nam Định\"\n"
)


@pytest.fixture
def db(hgd, tmp_path):
    db = tmp_path / "xa.db"
    hgd("init", "--db", db, "--commune-name", "Xã Hải Hậu", "--chairman", "Lê Văn Thắng", check=True)
    persons = tmp_path / "nguoi.csv"
    persons.write_text(ROWS, encoding="utf-8")
    hgd("import", "--db", db, persons, check=True)
    return db


def _json(proc):
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_review_writes_pairs_and_findings_and_resolve_sticks(hgd, db, tmp_path):
    out, found = tmp_path / "cap.csv", tmp_path / "phat_hien.csv"
    r = _json(hgd("review", "--db", db, "--out", out, "--findings", found, "--json"))
    assert r["review"]["pairs"] == 1 and r["review"]["persons"] == 8
    with out.open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert rows[0][:6] == ["ma_so_bhxh_a", "ma_so_bhxh_b", "id_a", "id_b", "diem", "ket_luan"]
    assert len(rows) == 2 and {rows[1][0], rows[1][1]} == {"3800000003", "3800000009"}
    assert "ngày sinh" in rows[1][6]
    with found.open(encoding="utf-8-sig") as f:
        kinds = {row["loai"] for row in csv.DictReader(f)}
    assert "review.one_person_household" in kinds  # H2
    text = hgd("review", "--db", db)
    assert text.returncode == 0 and "1 cặp có thể trùng" in text.stdout

    d = _json(hgd("resolve", "--db", db, "distinct", "3800000003", "3800000009", "--json"))
    assert d["action"]["label"].startswith("Xác nhận hai người khác nhau")
    r2 = _json(hgd("review", "--db", db, "--json"))
    assert r2["review"]["pairs"] == 0 and r2["pairs"] == []
    hgd("undo", "--db", db, check=True)  # the second review
    hgd("undo", "--db", db, check=True)  # the decision
    assert _json(hgd("review", "--db", db, "--json"))["review"]["pairs"] == 1


def test_resolve_merge_and_its_refusals(hgd, db):
    bad = hgd("resolve", "--db", db, "merge", "3800000003", "3899999999")
    assert bad.returncode == 1 and "3899999999" in bad.stderr and "Traceback" not in bad.stderr
    same = hgd("resolve", "--db", db, "merge", "3800000003", "3800000003", "--json")
    assert same.returncode == 1 and json.loads(same.stdout)["error"]["key"] == "review.same_person"
    m = _json(hgd("resolve", "--db", db, "merge", "3800000003", "3800000009", "--take", "full_name", "--json"))
    assert m["value"]["taken"] == ["full_name"]
    again = hgd("resolve", "--db", db, "distinct", "3800000009", "3800000001", "--lang", "en")
    assert again.returncode == 1 and "no longer active" in again.stderr
    assert hgd("resolve", "--db", db, "merge", "3800000003", "3800000009", "--take", "status").returncode == 1
    usage = hgd("resolve", "--db", db, "split", "3800000003", "3800000009")
    assert usage.returncode == 2
    r = _json(hgd("review", "--db", db, "--json"))
    assert r["review"]["pairs"] == 0 and r["review"]["persons"] == 7


def test_review_on_the_demo_commune(hgd, tmp_path):
    db = tmp_path / "demo.db"
    hgd("demo", "--db", db, "--persons", "600", check=True)
    out = tmp_path / "pairs.csv"
    r = _json(hgd("review", "--db", db, "--out", out, "--json"))
    assert r["review"]["persons"] > 500
    assert {k["kind"] for k in r["kinds"]} >= {"review.one_person_household", "review.large_household"}
    with out.open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == r["review"]["pairs"]
    assert all(row["id_a"] != row["id_b"] and float(row["diem"]) > -3 for row in rows)
