"""The `hgd` command line: init and stats, exit codes, one-line failures in Vietnamese or English."""
from __future__ import annotations

import json

import pytest


def test_init_finds_the_commune_code_from_its_name(hgd, tmp_path):
    db = tmp_path / "r.db"
    out = hgd("init", "--db", db, "--commune-name", "Xã Dân Lý", "--json", check=True)
    commune = json.loads(out.stdout)["commune"]
    assert commune["commune_code"] == "15703" and commune["province_code"] == "38"
    stats = json.loads(hgd("stats", "--db", db, "--json", check=True).stdout)
    assert stats["commune"]["commune_name"] == "Xã Dân Lý"
    assert stats["persons"]["total"] == 0 and stats["households"]["total"] == 0


def test_init_with_an_explicit_code_and_human_summary(hgd, tmp_path):
    out = hgd("init", "--db", tmp_path / "r.db", "--commune-name", "Xã Hải Anh", "--commune-code", "14236",
              check=True)
    assert "Đã tạo sổ cho Xã Hải Anh" in out.stdout
    out = hgd("stats", "--db", tmp_path / "r.db", check=True)
    assert "Xã Hải Anh (mã 14236)" in out.stdout and "Nhân khẩu" in out.stdout


def test_init_twice_is_refused_and_keeps_the_register(hgd, tmp_path):
    db = tmp_path / "r.db"
    hgd("init", "--db", db, "--commune-name", "Xã Dân Lý", check=True)
    out = hgd("init", "--db", db, "--commune-name", "Xã Hải Anh")
    assert out.returncode == 1
    assert out.stderr.count("\n") == 1 and "Đã có sổ" in out.stderr
    stats = json.loads(hgd("stats", "--db", db, "--json", check=True).stdout)
    assert stats["commune"]["commune_name"] == "Xã Dân Lý"


@pytest.mark.parametrize("args, key_words", [
    (["--commune-name", "Xã Dân Lí"], ["Không tìm thấy xã", "Xã Dân Lý"]),          # misspelt: a suggestion
    (["--commune-name", "Xã Tân Lập"], ["xã tên", "--province-name"]),               # many communes of that name
    (["--commune-name", "Xã Dân Lý", "--commune-code", "99999"], ["Không có xã mã 99999"]),
    (["--commune-name", "Xã Dân Lý", "--commune-code", "14236"], ["Xã Hải Anh", "không phải"]),
])
def test_init_refuses_an_unknown_ambiguous_or_mismatched_commune(hgd, tmp_path, args, key_words):
    db = tmp_path / "r.db"
    out = hgd("init", "--db", db, *args)
    assert out.returncode == 1 and len(out.stderr.strip().splitlines()) == 1
    assert all(w in out.stderr for w in key_words), out.stderr
    assert not db.exists()


def test_init_with_a_province_picks_among_namesake_communes(hgd, tmp_path):
    out = hgd("init", "--db", tmp_path / "r.db", "--commune-name", "Xã Tân Lập", "--province-name", "Tây Ninh",
              "--json")
    assert out.returncode == 0, out.stderr
    commune = json.loads(out.stdout)["commune"]
    assert commune["province_code"] and len(commune["commune_code"]) == 5


def test_commune_details_can_be_completed_later(hgd, tmp_path):
    db = tmp_path / "r.db"
    hgd("init", "--db", db, "--commune-name", "Xã Dân Lý", check=True)
    hgd("commune", "set", "--db", db, "--chairman", "Lê Văn Chủ", "--post-office", "Bưu điện Triệu Sơn",
        check=True)
    commune = json.loads(hgd("commune", "show", "--db", db, "--json", check=True).stdout)["commune"]
    assert commune["chairman"] == "Lê Văn Chủ" and commune["post_office"] == "Bưu điện Triệu Sơn"
    out = hgd("undo", "--db", db)
    assert out.returncode == 0 and "Cập nhật thông tin xã" in out.stdout
    assert "chairman" not in json.loads(hgd("commune", "show", "--db", db, "--json", check=True).stdout)["commune"]


@pytest.mark.parametrize("args, needle, code", [
    (["stats", "--db", "{tmp}/absent.db"], "Không tìm thấy cơ sở dữ liệu", 1),
    (["stats", "--db", "{tmp}/garbage.db"], "không phải cơ sở dữ liệu SQLite", 1),
    (["stats"], "Lỗi cú pháp lệnh", 2),
    (["frobnicate", "--db", "x"], "Lỗi cú pháp lệnh", 2),
    (["init", "--db", "{tmp}/no/such/folder/r.db", "--commune-name", "Xã Dân Lý"], "không tồn tại", 1),
    (["init", "--db", "{tmp}/r.db", "--commune-name", "  "], "Tên xã không được để trống", 1),
    (["init", "--db", "{tmp}/r.db", "--commune-name", "Xã Dân Lý", "--commune-code", "12a"], "Mã xã", 1),
])
def test_failures_are_one_clear_line_without_traceback(hgd, tmp_path, args, needle, code):
    (tmp_path / "garbage.db").write_bytes(b"not a database" * 50)
    out = hgd(*[a.format(tmp=tmp_path) for a in args])
    assert out.returncode == code
    assert "Traceback" not in out.stderr + out.stdout
    assert len(out.stderr.strip().splitlines()) == 1
    assert needle in out.stderr


def test_english_messages_with_lang_en(hgd, tmp_path):
    out = hgd("stats", "--db", tmp_path / "absent.db", "--lang", "en")
    assert out.returncode == 1 and "No database at" in out.stderr


def test_the_installed_hgd_script_runs_the_same_program(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    exe = Path(sys.executable).parent / "hgd"  # installed into the venv by `make test`
    out = subprocess.run([str(exe), "stats", "--db", str(tmp_path / "absent.db")], check=False, capture_output=True, text=True)
    assert out.returncode == 1 and "Không tìm thấy cơ sở dữ liệu" in out.stderr
