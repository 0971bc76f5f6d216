"""What the command line prints: every help text in Vietnamese and in English, argparse's own English never shown
in Vietnamese, one headline for a refusal, and with --json always exactly one JSON object — for a result, a
refusal, a usage error, --help, --version and an unexpected error alike."""
from __future__ import annotations

import argparse
import json

import pytest

from app import messages
from app.cli import build_parser, main

ARGPARSE_ENGLISH = ("usage:", "options:", "positional arguments", "show this help", "the following arguments",
                    "invalid choice", "unrecognized arguments", "expected one argument", "required")


def _parsers(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, (*path, name))


def _options(lang: str) -> dict[tuple[str, ...], dict[str, str | None]]:
    messages.set_language(lang)
    try:
        return {path: {a.dest: a.help for a in p._actions if not isinstance(a, argparse._SubParsersAction)}
                for path, p in _parsers(build_parser())}
    finally:
        messages.set_language("vi")


def test_every_option_of_every_command_has_its_help_in_vietnamese_and_english():
    vi, en = _options("vi"), _options("en")
    assert vi.keys() == en.keys() and len(vi) > 15
    missing = [(path, dest) for path, helps in vi.items() for dest, text in helps.items()
               if dest != "help" and not text]
    assert missing == []
    untranslated = [(path, dest) for path in vi for dest in vi[path]
                    if dest not in ("help", "version") and vi[path][dest] == en[path][dest]]
    assert untranslated == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_help_page_speaks_one_language(lang, capsys):
    for path, _ in _parsers(build_parser()):
        assert main([*path, "--help", "--lang", lang]) == 0
        out = capsys.readouterr().out
        if lang == "vi":
            assert "Cách dùng:" in out and not [w for w in ARGPARSE_ENGLISH if w in out], (path, out)
        else:
            assert "usage:" in out and "Cách dùng" not in out and "tùy chọn" not in out, (path, out)


@pytest.mark.parametrize("argv", [
    ["stats"], ["frobnicate"], [], ["event"], ["event", "death", "--db", "x.db"], ["stats", "--db", "x", "--bogus"],
    ["stats", "--db", "x", "--lang", "fr"], ["demo", "--db", "x", "--persons", "many"], ["commune"],
])
def test_a_usage_error_is_one_vietnamese_line_or_one_json_object(argv, capsys):
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "Lỗi cú pháp lệnh" in err
    assert not [w for w in ARGPARSE_ENGLISH if w in err], err
    assert main([*argv, "--json"]) == 2
    out, err = capsys.readouterr()
    assert json.loads(out)["error"]["key"] == "cli.usage" and err.count("\n") == 1


@pytest.mark.parametrize(("argv", "field"), [(["--help"], "help"), (["--version"], "version"),
                                             (["event", "birth", "--help"], "help"), (["--json", "-h"], "help")])
def test_help_and_version_with_json_are_one_json_object(argv, field, capsys):
    assert main([*argv, "--json"] if "--json" not in argv else argv) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is True and data[field]


def test_json_before_the_command_counts_too(tmp_path, capsys):
    assert main(["--json", "stats", "--db", str(tmp_path / "absent.db")]) == 1
    assert json.loads(capsys.readouterr().out)["error"]["key"] == "db.missing"


def test_an_unexpected_error_is_one_line_or_one_json_object(tmp_path, capsys, monkeypatch):
    from app.cli import commands_register

    def broken(args):
        raise RuntimeError("a bug\nwith two lines")

    monkeypatch.setattr(commands_register, "cmd_stats", broken)
    for json_mode in (False, True):
        assert main(["stats", "--db", str(tmp_path / "x.db")] + (["--json"] if json_mode else [])) == 1
        out, err = capsys.readouterr()
        assert err.count("\n") == 1 and "Lỗi không mong đợi (RuntimeError): a bug." in err
        if json_mode:
            assert json.loads(out)["error"]["key"] == "cli.unexpected"
        else:
            assert out == ""


def test_a_refused_import_says_its_headline_once(tmp_path, capsys):
    from app.register import Register

    db = tmp_path / "xa.db"
    Register.create(db, {"commune_name": "Xã Dân Lý", "commune_code": "15703"}).close()
    csv = tmp_path / "p.csv"
    csv.write_text("Họ và tên,Ngày sinh,Mã hộ\nNguyễn Văn An,15/03/1975,H1\nTrần Thị Bé,32/13/1980,H1\n",
                   encoding="utf-8")
    assert main(["import", "--db", str(db), str(csv)]) == 1
    out, err = capsys.readouterr()
    headline = err.strip().removeprefix("hgd: ")
    assert err.count("\n") == 1 and headline and headline not in out
    assert main(["import", "--db", str(db), str(csv), "--json"]) == 1
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert data["ok"] is False and data["error"]["message"] == headline and err.count("\n") == 1


def test_undo_and_redo_name_an_import_in_a_fresh_process(tmp_path):
    import subprocess
    import sys

    from app.io import import_persons
    from app.register import Register

    db = tmp_path / "xa.db"
    csv = tmp_path / "p.csv"
    csv.write_text("Họ và tên,Ngày sinh,Mã hộ,Quan hệ\nNguyễn Văn An,15/03/1975,H1,Chủ hộ\n", encoding="utf-8")
    with Register.create(db, {"commune_name": "Xã Dân Lý", "commune_code": "15703"}) as reg:
        import_persons(reg, csv)
    code = "import sys; from app.cli import main; sys.exit(main(sys.argv[1:]))"  # no module of the import loaded
    out = subprocess.run([sys.executable, "-c", code, "undo", "--db", str(db)], check=False, capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.strip() == "Đã hoàn tác: Nhập tệp p.csv.", out.stdout + out.stderr
