"""Every command against a PostgreSQL register (`--db postgresql+psycopg://…`, the test cluster): it works, or it
refuses clearly — an empty database is not a register, a second init or demo is refused, a database or server
that cannot be reached is said in one line without the password."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).parents[1]))
import forked

CSV = ("Họ và tên,Ngày sinh,Mã hộ,Mã số BHXH,Quan hệ\n"
       "Nguyễn Văn An,15/03/1975,HPG1,3800000101,Chủ hộ\nNguyễn Thị Bình,02/02/1978,HPG1,3800000102,Vợ\n")


def hgd(*argv: str):
    return forked.run([*argv, "--json"], timeout=120)


@pytest.fixture
def pg(pg_empty):
    return pg_empty


def test_every_command_works_on_postgresql(pg, tmp_path):
    csv = tmp_path / "nguoi.csv"
    csv.write_text(CSV, encoding="utf-8")
    assert hgd("stats", "--db", pg).key == "db.not_register"
    assert hgd("init", "--db", pg, "--commune-name", "Xã Dân Lý").key == "ok"
    assert hgd("init", "--db", pg, "--commune-name", "Xã Dân Lý").key == "register.exists"
    assert hgd("demo", "--db", pg, "--persons", "20").key == "register.exists"
    assert hgd("import", "--db", pg, str(csv)).json()["persons_added"] == 2
    assert hgd("import", "--db", pg, str(csv), "--dry-run").key == "ok"
    out = hgd("event", "birth", "--db", pg, "--household", "HPG1", "--name", "Nguyễn Văn Cường", "--sex", "M",
              "--date", "2025-03-01", "--mother", "3800000102")
    assert out.key == "ok", out.err
    assert hgd("history", "--db", pg, "--household", "HPG1").key == "ok"
    assert hgd("undo", "--db", pg).json()["undone"].startswith("Ghi nhận sinh")
    assert hgd("redo", "--db", pg).key == "ok"
    assert hgd("commune", "set", "--db", pg, "--chairman", "Lê Văn Chủ").key == "ok"
    assert hgd("commune", "show", "--db", pg).json()["commune"]["chairman"] == "Lê Văn Chủ"
    assert hgd("upgrade", "--db", pg).key == "ok"
    stats = hgd("stats", "--db", pg).json()
    assert stats["commune"]["commune_code"] == "15703"


def test_a_demo_on_postgresql_and_the_short_url_form(pg):
    url = make_url(pg).set(drivername="postgresql").render_as_string(hide_password=False)
    out = hgd("demo", "--db", url, "--persons", "40")
    assert out.key == "ok", out.err
    assert hgd("stats", "--db", pg).key == "ok"


def test_a_database_that_does_not_exist_is_one_line_without_the_password(pg):
    url = make_url(pg).set(database="khong_co", password="secret").render_as_string(hide_password=False)
    for argv in (["stats"], ["init", "--commune-name", "Xã Dân Lý"], ["import", "x.csv"]):
        out = hgd(*argv, "--db", url)
        assert out.key == "db.connect" and out.code == 1, out.err
        assert "secret" not in out.out + out.err and out.err.count("\n") == 1


def test_a_server_that_is_not_there_is_said_so():
    out = hgd("stats", "--db", "postgresql+psycopg://hgd@/hgd?host=/nonexistent-socket-folder")
    assert out.key == "db.connect" and "Traceback" not in out.err


def test_a_foreign_postgresql_database_is_refused_untouched(pg):
    from sqlalchemy import create_engine, inspect, text

    engine = create_engine(pg)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE customers (id int)"))
    for argv in (["stats"], ["init", "--commune-name", "Xã Dân Lý"]):
        assert hgd(*argv, "--db", pg).key == "db.foreign"
    assert inspect(engine).get_table_names() == ["customers"]
    engine.dispose()
