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
    out = hgd("init", "--db", tmp_path / "r.db", "--commune-name", "Xã Hải Anh", "--commune-code", "13999",
              check=True)
    assert "Đã tạo sổ cho Xã Hải Anh" in out.stdout
    out = hgd("stats", "--db", tmp_path / "r.db", check=True)
    assert "Xã Hải Anh (mã 13999)" in out.stdout and "Nhân khẩu" in out.stdout


def test_init_twice_is_refused_and_keeps_the_register(hgd, tmp_path):
    db = tmp_path / "r.db"
    hgd("init", "--db", db, "--commune-name", "Xã A", check=True)
    out = hgd("init", "--db", db, "--commune-name", "Xã B")
    assert out.returncode == 1
    assert out.stderr.count("\n") == 1 and "Đã có sổ" in out.stderr
    assert json.loads(hgd("stats", "--db", db, "--json", check=True).stdout)["commune"]["commune_name"] == "Xã A"


@pytest.mark.parametrize("args, needle, code", [
    (["stats", "--db", "{tmp}/absent.db"], "Không tìm thấy cơ sở dữ liệu", 1),
    (["stats", "--db", "{tmp}/garbage.db"], "không phải cơ sở dữ liệu SQLite", 1),
    (["stats"], "Lỗi cú pháp lệnh", 2),
    (["frobnicate", "--db", "x"], "Lỗi cú pháp lệnh", 2),
    (["init", "--db", "{tmp}/no/such/folder/r.db", "--commune-name", "Xã A"], "không tồn tại", 1),
    (["init", "--db", "{tmp}/r.db", "--commune-name", "  "], "Tên xã không được để trống", 1),
    (["init", "--db", "{tmp}/r.db", "--commune-name", "Xã A", "--commune-code", "12a"], "Mã xã", 1),
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
    out = subprocess.run([str(exe), "stats", "--db", str(tmp_path / "absent.db")], capture_output=True, text=True)
    assert out.returncode == 1 and "Không tìm thấy cơ sở dữ liệu" in out.stderr
