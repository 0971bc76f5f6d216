"""`hgd keys init|export|trust|show`, `hgd package export|verify|import|ack|list`, `hgd minutes`, and `hgd init
--office`: keys, the signed packages commune → courier → office, the acknowledgement back (issue 16)."""
from __future__ import annotations

import argparse
import os
from datetime import date
from pathlib import Path
from typing import Any

from app import messages
from app.cli.common import EXIT_OK, Parser, emit, h, output_options
from app.errors import HgdError

messages.register({
    "help.init_office": ("tên cơ quan BHXH: tạo sổ của cơ quan BHXH (nhận gói của các xã)",
                         ("the office's name: create a social-insurance office's register (receives communes' "
                         "packages)")),
    "help.office_code": ("mã cơ quan BHXH (mặc định: lấy từ tên)", "the office's code (default: from its name)"),
    "help.keys": ("khóa ký và khóa mã hóa của đơn vị", "the unit's signing and encryption keys"),
    "help.keys.init": ("tạo khóa của đơn vị (lưu mã hóa bằng mật khẩu)", ("create the unit's keys (stored encrypted "
                                                                         "with a passphrase)")),
    "help.keys.export": ("ghi khóa công khai ra thư mục (minisign.pub, age.pub)",
                         "write the public keys to a folder (minisign.pub, age.pub)"),
    "help.keys.trust": ("đăng ký khóa công khai của đơn vị khác từ thư mục", ("register another unit's public keys "
                                                                             "from its folder")),
    "help.keys.rotate": ("thay khóa: khóa mới và thông báo đổi khóa ký bằng khóa cũ",
                         "replace the keys: new keys and a rotation notice signed by the old key"),
    "cli.keys.rotated": ("Đã thay khóa {old} bằng khóa {key_id}; thông báo đổi khóa: {notice}",
                         "Replaced key {old} with key {key_id}; rotation notice: {notice}"),
    "help.keys.show": ("xem khóa của đơn vị và các khóa đã đăng ký", "show the unit's keys and the registered ones"),
    "help.key_folder": ("thư mục khóa công khai của đơn vị kia", "the other unit's public-key folder"),
    "help.fingerprint": ("dấu vân tay của khóa mới theo giấy (khi thay khóa)",
                         "the new key's fingerprint from paper (when replacing a key)"),
    "help.rotation": ("thông báo đổi khóa ký bằng khóa cũ (khi thay khóa)",
                      "a rotation notice signed by the old key (when replacing a key)"),
    "help.passphrase_file": ("tệp chứa mật khẩu của khóa (hoặc biến môi trường HGD_PASSPHRASE)",
                             "file holding the key passphrase (or the HGD_PASSPHRASE environment variable)"),
    "help.package": ("gói dữ liệu ký số: xuất, kiểm tra, nhận, xác nhận", ("signed packages: export, verify, import, "
                                                                        "acknowledge")),
    "help.package.export": ("xuất gói dữ liệu của kỳ đã khóa", "export a locked period's package"),
    "help.package.verify": ("kiểm tra gói (bưu điện): chữ ký và mã băm, không cần khóa bí mật",
                            "check a package (courier): signature and hash, no private key"),
    "help.package.import": ("nhận gói vào sổ của cơ quan BHXH và lập giấy xác nhận",
                            "receive a package into the office's register and write its acknowledgement"),
    "help.package.ack": ("nhận giấy xác nhận của cơ quan BHXH", "register the office's acknowledgement"),
    "help.package.list": ("các gói đã nhận (cơ quan BHXH) hoặc đã gửi (xã): số thứ tự, thiếu sót, hạn nộp",
                          "packages received (office) or sent (commune): numbers, gaps, deadline"),
    "help.package_file": ("tệp gói (.zip)", "the package file (.zip)"),
    "help.ack_file": ("tệp giấy xác nhận (.zip)", "the acknowledgement file (.zip)"),
    "help.keys_dir": ("thư mục khóa công khai của xã (khi không có sổ)", ("the commune's public-key folder (without a "
                                                                         "register)")),
    "help.verify_db": ("sổ có khóa đã đăng ký (ghi nhận người nhận chuyển)", ("a register holding the registered keys "
                                                                              "(records the collection)")),
    "help.collected_by": ("tên người nhận chuyển (bưu điện)", "the courier's name"),
    "help.ack_out": ("thư mục ghi giấy xác nhận", "folder to write the acknowledgement in"),
    "help.minutes": ("in biên bản bàn giao của kỳ (PDF)", "print the period's handover minutes (PDF)"),
    "help.minutes_out": ("tệp PDF", "the PDF file"),
    "help.minutes_date": ("ngày lập biên bản (YYYY-MM-DD; mặc định hôm nay)", "the minutes' date (default today)"),
    "cli.passphrase_missing": ("Cần mật khẩu của khóa: --passphrase-file TỆP hoặc biến môi trường HGD_PASSPHRASE.",
                               "The key passphrase is needed: --passphrase-file FILE or HGD_PASSPHRASE."),
    "cli.passphrase_unreadable": ("Không đọc được tệp mật khẩu {path}.", "Cannot read the passphrase file {path}."),
    "cli.init_office.done": ("Đã tạo sổ của cơ quan BHXH {name} (mã {code}) tại {path}.",
                             "Created the register of office {name} (code {code}) at {path}."),
    "cli.keys.made": ("Đã tạo khóa của {unit}. Mã khóa {key_id}; dấu vân tay: {fingerprint}",
                      "Created the keys of {unit}. Key {key_id}; fingerprint: {fingerprint}"),
    "cli.keys.exported": ("Đã ghi khóa công khai vào {out}: {files}", "Wrote the public keys to {out}: {files}"),
    "cli.keys.trusted": ("Đã đăng ký khóa {key_id} của {unit} ({source}); dấu vân tay: {fingerprint}",
                         "Registered key {key_id} of {unit} ({source}); fingerprint: {fingerprint}"),
    "cli.keys.own": ("Khóa của đơn vị: {unit} — {key_id} — {fingerprint}", ("This unit's key: {unit} — {key_id} — "
                                                                          "{fingerprint}")),
    "cli.keys.other": ("  {unit} ({code}): {key_id} — {fingerprint} — {status}, {window}",
                       "  {unit} ({code}): {key_id} — {fingerprint} — {status}, {window}"),
    "cli.package.exported": (("Đã xuất gói số {sequence} kỳ {period}: {path}\nMã gói: {id}\nDấu vân tay: "
                             "{fingerprint}\nĐọc nhanh: {short}"),
                             ("Exported package no. {sequence} of {period}: {path}\nPackage id: {id}\nFingerprint: "
                             "{fingerprint}\nShort: {short}")),
    "cli.package.verified": (("GÓI HỢP LỆ: {file}\n{commune} ({code}), kỳ {period}, gói số {sequence}, {persons} "
                             "người\nMã gói: {id}\nDấu vân tay: {fingerprint}\nĐọc nhanh: {short}"),
                             ("PACKAGE VALID: {file}\n{commune} ({code}), period {period}, package no. "
                             "{sequence}, {persons} persons\nPackage id: {id}\nFingerprint: {fingerprint}\nShort: "
                             "{short}")),
    "cli.package.collected": ("Đã ghi nhận: {by} nhận chuyển gói (thao tác số {seq}).",
                              "Recorded: collected by {by} (action no. {seq})."),
    "cli.package.imported": (("Đã nhận gói số {sequence} của {commune} kỳ {period}: thêm {persons_added} người, "
                             "cập nhật {persons_updated}. Giấy xác nhận: {ack}"),
                             ("Received package no. {sequence} of {commune} for {period}: {persons_added} "
                             "persons added, {persons_updated} updated. Acknowledgement: {ack}")),
    "cli.package.same_again": ("Gói này đã được nhận trước đây: không thay đổi gì. Giấy xác nhận (như cũ): {ack}",
                               ("This package was received before: nothing changes. Acknowledgement (the same): "
                               "{ack}")),
    "cli.package.gap": ("Chú ý: thiếu {count} gói trước gói này của xã {commune}: số {numbers}.",
                        "Note: {count} packages of commune {commune} before this one are missing: no. {numbers}."),
    "cli.package.fork": ("Chú ý: gói này không nối tiếp gói trước đã nhận của xã (mã băm gói trước khác).",
                         ("Note: this package does not follow the commune's previous package received (its previous "
                         "hash differs).")),
    "cli.package.acked": ("Đã nhận giấy xác nhận của {office}: gói kỳ {period} số {sequence}; kỳ chuyển sang '{status}'.",
                          ("Registered the acknowledgement of {office}: package of {period} no. {sequence}; the "
                          "period is now '{status}'.")),
    "cli.package.list_head": ("{count} gói.", "{count} packages."),
    "cli.minutes.done": ("Đã ghi biên bản bàn giao kỳ {period} ({pages} trang): {path}",
                         "Wrote the handover minutes of {period} ({pages} pages): {path}"),
})


def passphrase(args: argparse.Namespace) -> str:
    path = getattr(args, "passphrase_file", None)
    if path:
        try:
            with open(path, encoding="utf-8") as f:
                return f.read(4096).rstrip("\r\n")
        except (OSError, UnicodeDecodeError) as err:
            raise HgdError("cli.passphrase_unreadable", path=path) from err
    value = os.environ.get("HGD_PASSPHRASE")
    if value:
        return value
    raise HgdError("cli.passphrase_missing")


def add(sub: Any, common: Parser) -> None:
    p = sub.add_parser("keys", help=h("help.keys"), description=h("help.keys"))
    output_options(p)
    ks = p.add_subparsers(dest="keys_command", required=True, parser_class=Parser, metavar=h("help.command_metavar"))
    q = ks.add_parser("init", parents=[common], help=h("help.keys.init"))
    q.add_argument("--passphrase-file", help=h("help.passphrase_file"))
    q.set_defaults(handler=_keys_init)
    q = ks.add_parser("export", parents=[common], help=h("help.keys.export"))
    q.add_argument("--out", required=True, help=h("help.out"))
    q.set_defaults(handler=_keys_export)
    q = ks.add_parser("trust", parents=[common], help=h("help.keys.trust"))
    q.add_argument("folder", help=h("help.key_folder"))
    q.add_argument("--fingerprint", help=h("help.fingerprint"))
    q.add_argument("--rotation", help=h("help.rotation"))
    q.set_defaults(handler=_keys_trust)
    q = ks.add_parser("rotate", parents=[common], help=h("help.keys.rotate"))
    q.add_argument("--passphrase-file", help=h("help.passphrase_file"))
    q.add_argument("--out", required=True, help=h("help.out"))
    q.set_defaults(handler=_keys_rotate)
    q = ks.add_parser("show", parents=[common], help=h("help.keys.show"))
    q.set_defaults(handler=_keys_show)

    p = sub.add_parser("package", help=h("help.package"), description=h("help.package"))
    output_options(p)
    ps = p.add_subparsers(dest="package_command", required=True, parser_class=Parser,
                          metavar=h("help.command_metavar"))
    q = ps.add_parser("export", parents=[common], help=h("help.package.export"))
    q.add_argument("--period", required=True, help=h("help.month"))
    q.add_argument("--out", required=True, help=h("help.out"))
    q.add_argument("--passphrase-file", help=h("help.passphrase_file"))
    q.set_defaults(handler=_export)
    q = ps.add_parser("verify", help=h("help.package.verify"))
    output_options(q)
    q.add_argument("file", help=h("help.package_file"))
    where = q.add_mutually_exclusive_group(required=True)
    where.add_argument("--db", help=h("help.verify_db"))
    where.add_argument("--keys", help=h("help.keys_dir"))
    q.add_argument("--by", help=h("help.collected_by"))
    q.set_defaults(handler=_verify)
    q = ps.add_parser("import", parents=[common], help=h("help.package.import"))
    q.add_argument("file", help=h("help.package_file"))
    q.add_argument("--passphrase-file", help=h("help.passphrase_file"))
    q.add_argument("--ack-out", required=True, help=h("help.ack_out"))
    q.set_defaults(handler=_import)
    q = ps.add_parser("ack", parents=[common], help=h("help.package.ack"))
    q.add_argument("file", help=h("help.ack_file"))
    q.set_defaults(handler=_ack)
    q = ps.add_parser("list", parents=[common], help=h("help.package.list"))
    q.set_defaults(handler=_list)

    p = sub.add_parser("minutes", parents=[common], help=h("help.minutes"), description=h("help.minutes"))
    p.add_argument("--period", required=True, help=h("help.month"))
    p.add_argument("--out", required=True, help=h("help.minutes_out"))
    p.add_argument("--date", help=h("help.minutes_date"))
    p.set_defaults(handler=_minutes)


def init_office(args: argparse.Namespace) -> int:
    from app.exchange.office import create_office

    unit = create_office(args.db, args.office, args.office_code or "")
    emit(args, {"db": args.db, "office": unit},
         [messages.render("cli.init_office.done", name=unit["name"], code=unit["code"], path=args.db)])
    return EXIT_OK


def _keys_init(args: argparse.Namespace) -> int:
    from app.exchange.keyring import InitKeys
    from app.register import Register

    secret = passphrase(args)
    with Register.open(args.db) as reg:
        result = reg.apply(InitKeys(secret))
    v = result.value
    emit(args, {"keys": v, "action": {"seq": result.seq}},
         [messages.render("cli.keys.made", unit=v["unit"]["name"], key_id=v["key_id"], fingerprint=v["fingerprint"])])
    return EXIT_OK


def _keys_export(args: argparse.Namespace) -> int:
    from app.exchange.keyring import key_dict, own_public
    from app.packages import export_public
    from app.register import Register

    with Register.open(args.db, write=False) as reg, reg.reading() as s:
        public = own_public(s)
    files = export_public(public, args.out)
    emit(args, {"keys": key_dict(public), "files": [str(f) for f in files]},
         [messages.render("cli.keys.exported", out=args.out, files=", ".join(f.name for f in files)),
          messages.render("cli.keys.own", unit=public.unit.name, key_id=public.signing.key_id,
                          fingerprint=public.fingerprint.full)])
    return EXIT_OK


def _keys_trust(args: argparse.Namespace) -> int:
    from app.exchange.keyring import TrustKeys
    from app.register import Register

    with Register.open(args.db) as reg:
        result = reg.apply(TrustKeys(str(args.folder), args.fingerprint, args.rotation))
    v = result.value
    emit(args, {"keys": v, "action": {"seq": result.seq}},
         [messages.render("cli.keys.trusted", key_id=v["key_id"], unit=v["unit"]["name"], source=v["source"],
                          fingerprint=v["fingerprint"])])
    return EXIT_OK


def _keys_rotate(args: argparse.Namespace) -> int:
    from app.exchange.keyring import RotateKeys
    from app.register import Register

    secret = passphrase(args)
    with Register.open(args.db) as reg:
        result = reg.apply(RotateKeys(secret, str(args.out)))
    v = result.value
    emit(args, {"keys": v, "action": {"seq": result.seq}},
         [messages.render("cli.keys.rotated", old=v["old_key_id"], key_id=v["key_id"], notice=v["notice"])])
    return EXIT_OK


def _keys_show(args: argparse.Namespace) -> int:
    from app.exchange.keyring import key_dict, own_public, own_row, trusted_rows
    from app.packages import Fingerprint
    from app.register import Register

    with Register.open(args.db, write=False) as reg, reg.reading() as s:
        own: dict[str, Any] | None = key_dict(own_public(s)) if own_row(s) is not None else None
        others: list[dict[str, Any]] = [
            {"unit": {"kind": r.unit_kind, "code": r.unit_code, "name": r.unit_name}, "key_id": r.key_id,
             "fingerprint": Fingerprint(r.fingerprint).full, "status": r.status, "source": r.source,
             "valid_from": r.valid_from.isoformat() if r.valid_from else None,
             "valid_to": r.valid_to.isoformat() if r.valid_to else None} for r in trusted_rows(s)]
    lines = [messages.render("cli.keys.own", unit=own["unit"]["name"], key_id=own["key_id"],
                             fingerprint=own["fingerprint"])] if own else [messages.render("keys.none")]
    lines += [messages.render("cli.keys.other", unit=o["unit"]["name"], code=o["unit"]["code"], key_id=o["key_id"],
                              fingerprint=o["fingerprint"], status=o["status"],
                              window=f"{o['valid_from'] or '…'} – {o['valid_to'] or '…'}") for o in others]
    emit(args, {"own": own, "trusted": others}, lines)
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from app.lists import openpyxl_without_numpy

    openpyxl_without_numpy()
    from app.exchange.export import ExportPackage
    from app.register import Register

    secret = passphrase(args)
    Path(args.out).mkdir(parents=True, exist_ok=True)
    with Register.open(args.db) as reg:
        result = reg.apply(ExportPackage(args.period, str(args.out), secret))
    v = result.value
    emit(args, {**v, "action": {"seq": result.seq}},
         messages.render("cli.package.exported", sequence=v["sequence"], period=v["period"], path=v["path"],
                         id=v["id"], fingerprint=v["fingerprint"], short=v["fingerprint_short"]).split("\n"))
    return EXIT_OK


def _verify(args: argparse.Namespace) -> int:
    from app.exchange import courier, keyring
    from app.register import Register

    if args.keys:
        v = courier.describe(courier.check(args.file, courier.keys_from_folder(args.keys)))
        seq = None
    else:
        with Register.open(args.db) as reg:
            with reg.reading() as s:   # checked first: a refused package leaves no action behind
                courier.check(args.file, keyring.trusted_keys(s, include_own=True))
            result = reg.apply(courier.RecordCollection(str(args.file), args.by or reg.actor))
        v, seq = result.value, result.seq
    lines = messages.render("cli.package.verified", file=Path(args.file).name, commune=v["commune"]["name"],
                            code=v["commune"]["code"], period=v["period"], sequence=v["sequence"],
                            persons=v["counts"].get("persons", 0), id=v["id"], fingerprint=v["fingerprint"],
                            short=v["fingerprint_short"]).split("\n")
    if seq is not None:
        lines.append(messages.render("cli.package.collected", by=v["collected_by"], seq=seq))
    emit(args, {"valid": True, **v, "action": {"seq": seq} if seq else None}, lines)
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from app.exchange.receive import import_package
    from app.register import Register

    secret = passphrase(args)
    Path(args.ack_out).mkdir(parents=True, exist_ok=True)
    with Register.open(args.db) as reg:
        v = import_package(reg, args.file, secret, args.ack_out)
    p = v["package"]
    if v["decision"] == "same_again":
        lines = [messages.render("cli.package.same_again", ack=v["ack"]["path"])]
    else:
        m = v["merged"]
        lines = [messages.render("cli.package.imported", sequence=p["sequence"], commune=p["commune"]["name"],
                                 period=p["period"], persons_added=m.get("persons_added", 0),
                                 persons_updated=m.get("persons_updated", 0), ack=v["ack"]["path"])]
        if v.get("missing_count"):
            lines.append(messages.render("cli.package.gap", count=v["missing_count"], commune=p["commune"]["name"],
                                         numbers=", ".join(map(str, v["missing"]))))
        if v.get("previous_matches") is False:
            lines.append(messages.render("cli.package.fork"))
    emit(args, v, lines)
    return EXIT_OK


def _ack(args: argparse.Namespace) -> int:
    from app.exchange.acks import ImportAck
    from app.lists.periods import status_name
    from app.register import Register

    with Register.open(args.db) as reg:
        result = reg.apply(ImportAck(str(args.file)))
    v = result.value
    emit(args, {**v, "action": {"seq": result.seq}},
         [messages.render("cli.package.acked", office=v["office"]["name"], period=v["package"]["period"],
                          sequence=v["package"]["sequence"], status=status_name(v["period_status"] or "acknowledged"))])
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from app.exchange.overview import overview, overview_lines
    from app.register import Register

    with Register.open(args.db, write=False) as reg, reg.reading() as s:
        v = overview(s, reg.today())
    emit(args, v, overview_lines(v))
    return EXIT_OK


def _minutes(args: argparse.Namespace) -> int:
    from app.exchange import minutes
    from app.register import Register

    on = date.fromisoformat(args.date) if args.date else None
    with Register.open(args.db, write=False) as reg, reg.reading() as s:
        v = minutes.write(s, reg.commune_id, args.period, on or reg.today(), args.out)
    emit(args, v, [messages.render("cli.minutes.done", period=args.period, pages=v["pages"], path=v["path"])])
    return EXIT_OK
