"""`hgd`: the command line over the core's services (a contract: DESIGN.md lists its commands).

Each command prints a short human summary (Vietnamese by default, English with --lang en), or JSON with --json;
exits 0 on success, 1 when the work was refused or failed (one clear line on stderr), 2 on a usage error.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from pathlib import Path

from app import messages
from app.errors import HgdError

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

messages.register({
    "cli.usage": ("Lỗi cú pháp lệnh: {detail}. Xem 'hgd --help'.", "Usage error: {detail}. See 'hgd --help'."),
    "cli.unexpected": ("Lỗi không mong đợi ({kind}): {detail}. Dữ liệu đã có không bị thay đổi.",
                       "Unexpected error ({kind}): {detail}. Stored data was not changed."),
    "cli.bad_map": ("Tham số --map '{item}' sai dạng: cần 'tên cột=tên trường'.",
                    "--map '{item}' is malformed: expected 'column=field'."),
    "cli.interrupted": ("Đã dừng theo yêu cầu; dữ liệu đã có không bị thay đổi.",
                        "Stopped on request; stored data was not changed."),
    "cli.init.done": ("Đã tạo sổ cho {commune} tại {path}.", "Created the register of {commune} at {path}."),
    "cli.demo.done": ("Đã tạo xã mẫu {commune}: {persons} người, {households} hộ, {events} biến động ({seconds} giây).",
                      "Created the demo commune {commune}: {persons} persons, {households} households, "
                      "{events} events ({seconds} s)."),
    "cli.import.dry_run": ("Chạy thử: không ghi gì vào sổ.", "Dry run: nothing was written."),
})


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, in the user's language, exit 2
        print(messages.render("cli.usage", detail=message), file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", required=True, help="SQLite file, or an SQLAlchemy URL (PostgreSQL)")
    common.add_argument("--json", action="store_true", help="machine-readable summary")
    common.add_argument("--lang", choices=("vi", "en"), help="language of messages (default vi)")
    return common


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="hgd", description="Sổ hộ gia đình tham gia BHYT — household register for health "
                                              "insurance (hgd).")
    parser.add_argument("--version", action="version", version="hgd 0.1.0")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    common = _common()

    p = sub.add_parser("init", parents=[common], help="new commune register")
    p.add_argument("--commune-name", required=True)
    p.add_argument("--commune-code")
    p.add_argument("--province-name")
    p.add_argument("--province-code")
    p.add_argument("--district-name")
    p.add_argument("--chairman")
    p.add_argument("--clerk")
    p.add_argument("--bhxh-office")
    p.add_argument("--post-office")

    p = sub.add_parser("demo", parents=[common], help="a realistic demo commune")
    p.add_argument("--persons", type=int, default=3000)
    p.add_argument("--seed", type=int, default=1)

    p = sub.add_parser("import", parents=[common], help="households and members from a spreadsheet")
    p.add_argument("file")
    p.add_argument("--map", action="append", default=[], metavar="COL=FIELD")
    p.add_argument("--skip-invalid", action="store_true")
    p.add_argument("--dry-run", action="store_true")

    sub.add_parser("stats", parents=[common], help="counts and coverage")
    return parser


def _emit(args, payload: dict, lines: list[str]) -> None:
    if args.json:
        print(json.dumps(payload, ensure_ascii=False, indent=2, default=str))
    else:
        for line in lines:
            print(line)


def _cmd_init(args) -> int:
    from app.commune import commune_identity
    from app.register import Register

    commune = commune_identity(
        name=args.commune_name, code=args.commune_code, province_name=args.province_name,
        province_code=args.province_code, district_name=args.district_name)
    for key in ("chairman", "clerk", "bhxh_office", "post_office"):
        if getattr(args, key):
            commune[key] = getattr(args, key)
    with Register.create(args.db, commune):
        pass
    _emit(args, {"db": args.db, "commune": commune},
          [messages.render("cli.init.done", commune=commune["commune_name"], path=args.db)])
    return EXIT_OK


def _cmd_demo(args) -> int:
    from app.demo import create_demo

    started = time.perf_counter()
    summary = create_demo(args.db, persons=args.persons, seed=args.seed)
    seconds = round(time.perf_counter() - started, 1)
    summary = {**summary, "seconds": seconds}
    _emit(args, summary, [messages.render(
        "cli.demo.done", commune=summary.get("commune_name", ""),
        persons=messages.number(summary.get("persons", 0)), households=messages.number(summary.get("households", 0)),
        events=messages.number(summary.get("events", 0)), seconds=str(seconds).replace(".", ",")
        if messages.language() == "vi" else seconds)])
    return EXIT_OK


def _parse_map(items: list[str]) -> dict[str, str]:
    mapping = {}
    for item in items:
        col, sep, field = item.partition("=")
        if not sep or not col.strip() or not field.strip():
            raise HgdError("cli.bad_map", item=item)
        mapping[col.strip()] = field.strip()
    return mapping


def _cmd_import(args) -> int:
    from app.io.importer import import_persons
    from app.register import Register

    mapping = _parse_map(args.map)
    with Register.open(args.db) as reg:
        report = import_persons(reg, Path(args.file), mapping=mapping, skip_invalid=args.skip_invalid,
                                dry_run=args.dry_run)
    lines = report.summary_lines()
    if report.dry_run:
        lines.append(messages.render("cli.import.dry_run"))
    _emit(args, report.to_dict(), lines)
    if report.refused:  # the full report is on stdout; its first line, the outcome, on stderr
        print(f"hgd: {lines[0]}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _cmd_stats(args) -> int:
    from app.register import Register
    from app.stats import summary_lines

    with Register.open(args.db) as reg:
        stats = reg.stats()
        commune = reg.commune()
    _emit(args, {"commune": commune, **stats}, summary_lines(commune, stats))
    return EXIT_OK


COMMANDS = {"init": _cmd_init, "demo": _cmd_demo, "import": _cmd_import, "stats": _cmd_stats}


def main(argv: list[str] | None = None) -> int:
    lang = os.environ.get("HGD_LANG", "vi")
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--lang" in argv[:-1]:
        lang = argv[argv.index("--lang") + 1]
    if lang in ("vi", "en"):
        messages.set_language(lang)
    try:
        args = build_parser().parse_args(argv)
        return COMMANDS[args.command](args)
    except SystemExit as exc:
        return int(exc.code or 0)
    except HgdError as exc:
        print(f"hgd: {exc.render()}", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:  # the reader of our output went away (e.g. `| head`): nothing more to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED
    except KeyboardInterrupt:
        print(f"hgd: {messages.render('cli.interrupted')}", file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:  # a bug: still one line for the user; the traceback only on request
        if os.environ.get("HGD_DEBUG"):
            traceback.print_exc()
        detail = str(exc).splitlines()[0][:300] if str(exc) else ""
        print(f"hgd: {messages.render('cli.unexpected', kind=type(exc).__name__, detail=detail)}", file=sys.stderr)
        return EXIT_FAILED
