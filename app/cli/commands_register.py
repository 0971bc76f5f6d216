"""init, demo, import, stats, upgrade, commune: making a register, filling it, reading its counts."""
from __future__ import annotations

import argparse
import contextlib
import gc
import time
from pathlib import Path
from typing import Any

from app import messages
from app.cli.common import EXIT_FAILED, EXIT_OK, Parser, emit, fail, h, open_register, output_options
from app.errors import HgdError

messages.register({
    "cli.bad_map": ("Tham số --map '{item}' sai dạng: cần 'tên cột=tên trường'.",
                    "--map '{item}' is malformed: expected 'column=field'."),
    "cli.init.done": ("Đã tạo sổ cho {commune} tại {path}.", "Created the register of {commune} at {path}."),
    "cli.demo.done": ("Đã tạo xã mẫu {commune}: {persons} người, {households} hộ, {events} biến động ({seconds} giây).",
                      ("Created the demo commune {commune}: {persons} persons, {households} households, "
                      "{events} events ({seconds} s).")),
    "cli.import.dry_run": ("Chạy thử: không ghi gì vào sổ.", "Dry run: nothing was written."),
    "cli.import.undo": ("Hoàn tác lần nhập này: hgd undo --db {db}", "To undo this import: hgd undo --db {db}"),
    "cli.upgrade.done": ("Sổ đã ở phiên bản mới nhất{backup}.", "The register is at the latest version{backup}."),
    "cli.upgrade.backup": (" (bản sao lưu trước khi nâng cấp: {path})", " (backup taken before the upgrade: {path})"),
    "cli.commune.done": ("Đã cập nhật thông tin xã.", "The commune's details were updated."),
    "help.init": ("tạo sổ mới cho một xã", "create a new commune register"),
    "help.demo": ("tạo sổ xã mẫu (dữ liệu giả lập, để thử)", "create a demo commune (made-up data, for trying)"),
    "help.import": ("nhập hộ và thành viên từ bảng tính (XLSX, XLS, CSV)",
                    "import households and members from a spreadsheet (XLSX, XLS, CSV)"),
    "help.stats": ("số liệu tổng hợp của sổ", "counts and coverage of the register"),
    "help.upgrade": ("nâng cấp cấu trúc sổ lên phiên bản của chương trình (có sao lưu trước)",
                     "upgrade the register's structure to this program's version (backup first)"),
    "help.commune": ("xem hoặc sửa thông tin của xã", "show or change the commune's details"),
    "help.commune_name": ("tên xã, ví dụ \"Xã Dân Lý\"", "the commune's name, e.g. \"Xã Dân Lý\""),
    "help.commune_code": ("mã xã (5 chữ số); tự tìm theo tên nếu không ghi", ("commune code (5 digits); found from "
                                                                             "the name when omitted")),
    "help.field": ("thông tin của xã", "the commune's detail"),
    "help.persons": ("số người của xã mẫu", "number of persons of the demo commune"),
    "help.months": ("số tháng biến động trước hôm nay (mặc định 4)", "months of events before today (default 4)"),
    "help.seed": ("hạt giống ngẫu nhiên (cùng hạt giống → cùng xã mẫu)", "random seed (same seed → same commune)"),
    "help.file": ("tệp bảng tính", "the spreadsheet file"),
    "help.map": ("gán cột của tệp cho trường của sổ, ví dụ 'Ngày SN=ngay_sinh'",
                 "map a file column to a register field, e.g. 'Ngày SN=ngay_sinh'"),
    "help.skip_invalid": ("nhập các dòng hợp lệ, liệt kê các dòng bị từ chối", ("import the valid rows, list the "
                                                                               "refused ones")),
    "help.dry_run": ("chỉ cho biết sẽ nhập gì, không ghi", "only report what would be imported"),
    "help.commune_show": ("in thông tin của xã", "print the commune's details"),
    "help.commune_set": ("sửa thông tin của xã", "change the commune's details"),
})

_IDENTITY = ("province_name", "province_code", "district_name", "address", "phone", "email", "tax_code", "unit_code",
             "chairman", "clerk", "post_office", "bhxh_office")


def add(sub: Any, common: Parser) -> None:
    p = sub.add_parser("init", parents=[common], help=h("help.init"), description=h("help.init"))
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--commune-name", help=h("help.commune_name"))
    who.add_argument("--office", metavar="NAME", help=h("help.init_office"))  # an office's register (packages)
    p.add_argument("--office-code", help=h("help.office_code"))
    p.add_argument("--commune-code", help=h("help.commune_code"))
    for key in _IDENTITY:
        p.add_argument("--" + key.replace("_", "-"), help=h("help.field"))
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("demo", parents=[common], help=h("help.demo"), description=h("help.demo"))
    p.add_argument("--persons", type=int, default=3000, help=h("help.persons"))
    p.add_argument("--seed", type=int, default=1, help=h("help.seed"))
    p.add_argument("--months", type=int, default=4, choices=range(1, 25), metavar="1..24", help=h("help.months"))
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("import", parents=[common], help=h("help.import"), description=h("help.import"))
    p.add_argument("file", help=h("help.file"))
    p.add_argument("--map", action="append", default=[], metavar="COL=FIELD", help=h("help.map"))
    p.add_argument("--skip-invalid", action="store_true", help=h("help.skip_invalid"))
    p.add_argument("--dry-run", action="store_true", help=h("help.dry_run"))
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("stats", parents=[common], help=h("help.stats"), description=h("help.stats"))
    p.set_defaults(handler=cmd_stats)

    p = sub.add_parser("upgrade", parents=[common], help=h("help.upgrade"), description=h("help.upgrade"))
    p.set_defaults(handler=cmd_upgrade)

    p = sub.add_parser("commune", help=h("help.commune"), description=h("help.commune"))
    output_options(p)
    csub = p.add_subparsers(dest="commune_command", required=True, parser_class=Parser,
                            metavar=h("help.command_metavar"))
    q = csub.add_parser("show", parents=[common], help=h("help.commune_show"), description=h("help.commune_show"))
    q.set_defaults(handler=cmd_commune_show)
    q = csub.add_parser("set", parents=[common], help=h("help.commune_set"), description=h("help.commune_set"))
    q.add_argument("--commune-name", dest="name", help=h("help.commune_name"))
    q.add_argument("--commune-code", dest="code", help=h("help.commune_code"))
    for key in _IDENTITY:
        q.add_argument("--" + key.replace("_", "-"), help=h("help.field"))
    q.set_defaults(handler=cmd_commune_set)


def cmd_init(args: argparse.Namespace) -> int:
    from app.commune import commune_identity
    from app.register import Register

    if args.office:
        from app.cli.commands_packages import init_office

        return init_office(args)
    commune = commune_identity(name=args.commune_name, code=args.commune_code, province_name=args.province_name,
                               province_code=args.province_code, district_name=args.district_name)
    for key in _IDENTITY:
        if getattr(args, key, None) and key not in commune:
            commune[key] = getattr(args, key)
    Register.create(args.db, commune).close()
    emit(args, {"db": args.db, "commune": commune},
         [messages.render("cli.init.done", commune=commune["commune_name"], path=args.db)])
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from app.demo import create_demo

    started = time.perf_counter()
    summary = create_demo(args.db, persons=args.persons, seed=args.seed, months=args.months)
    seconds = round(time.perf_counter() - started, 1)
    summary = {**summary, "seconds": seconds}
    emit(args, summary, [messages.render(
        "cli.demo.done", commune=summary.get("commune_name", ""),
        persons=messages.number(summary.get("persons", 0)), households=messages.number(summary.get("households", 0)),
        events=messages.number(summary.get("events", 0)),
        seconds=str(seconds).replace(".", ",") if messages.language() == "vi" else seconds)])
    return EXIT_OK


def _parse_map(items: list[str]) -> dict[str, str]:
    mapping = {}
    for item in items:
        col, sep, field = item.partition("=")
        if not sep or not col.strip() or not field.strip():
            raise HgdError("cli.bad_map", item=item)
        mapping[col.strip()] = field.strip()
    return mapping


def cmd_import(args: argparse.Namespace) -> int:
    from app.io.reader import Early

    mapping = _parse_map(args.map)
    # An XLSX is checked and its parsing started before the heavy imports and the register's opening, which run
    # while it parses. Not for a dry run: a read-only register's note on stderr would be written while the parser
    # hides the standard error of the process (app.io.reader._native).
    # The cyclic garbage collector is paused meanwhile: the rows make hundreds of thousands of long-lived objects
    # and no cycles, and its full passes over them cost ~0.15 s for 30,000 persons (reference counting still frees
    # everything as it goes).
    gc.disable()
    try:
        with Early(Path(args.file)) if not args.dry_run else contextlib.nullcontext() as early:
            from app.io.importer import import_persons

            with open_register(args, write=not args.dry_run) as reg:
                report = import_persons(reg, Path(args.file), mapping=mapping, skip_invalid=args.skip_invalid,
                                        dry_run=args.dry_run, early=early)
    finally:
        gc.enable()
    lines = report.summary_lines()
    if report.dry_run:
        lines.append(messages.render("cli.import.dry_run"))
    elif report.committed:
        lines.append(messages.render("cli.import.undo", db=args.db))
    if report.refused:  # the report on stdout, its headline once on stderr
        if getattr(args, "json", False):
            fail(True, lines[0], "import.nothing", {"rows": report.rows_rejected}, payload=report.to_dict())
        else:
            for line in lines[1:]:
                print(line)
            fail(False, lines[0], "import.nothing")
        return EXIT_FAILED
    emit(args, report.to_dict(), lines)
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    from app.stats import summary_lines

    with open_register(args, write=False) as reg:
        stats = reg.stats()
        commune = reg.commune()
    emit(args, {"commune": commune, **stats}, summary_lines(commune, stats))
    return EXIT_OK


def cmd_upgrade(args: argparse.Namespace) -> int:
    with open_register(args, write=True) as reg:
        backup = reg.backup_path
    extra = messages.render("cli.upgrade.backup", path=backup) if backup else ""
    emit(args, {"db": args.db, "backup": str(backup) if backup else None},
         [messages.render("cli.upgrade.done", backup=extra)])
    return EXIT_OK


def cmd_commune_show(args: argparse.Namespace) -> int:
    with open_register(args, write=False) as reg:
        commune = reg.commune()
    emit(args, {"commune": commune}, [f"{k}: {v}" for k, v in commune.items() if k not in ("commune_code",
                                                                                           "commune_name")])
    return EXIT_OK


def cmd_commune_set(args: argparse.Namespace) -> int:
    from app.registry import SetCommuneInfo

    values = {k: getattr(args, k) for k in ("name", "code") + _IDENTITY if getattr(args, k, None) is not None}
    with open_register(args, write=True) as reg:
        reg.apply(SetCommuneInfo(values))
        commune = reg.commune()
    emit(args, {"commune": commune}, [messages.render("cli.commune.done")])
    return EXIT_OK
