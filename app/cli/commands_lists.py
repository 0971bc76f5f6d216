"""`hgd period open|lock|show`, `hgd lists`, `hgd staff add|change|end`: the month's periods, its official lists as
files, and the commune's staff (D02-LT)."""
from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from app import messages
from app.cli.common import EXIT_OK, Parser, emit, h
from app.errors import HgdError

messages.register({
    "help.period": ("kỳ báo cáo (tháng): mở, khóa, xem", "reporting periods (months): open, lock, show"),
    "help.period.open": ("mở kỳ báo cáo của một tháng", "open a month's reporting period"),
    "help.period.lock": ("khóa kỳ: chốt biến động và danh sách của kỳ", "lock a period: freeze its events and lists"),
    "help.period.show": ("xem kỳ: hạn nộp, biến động, danh sách, điều cần xử lý",
                         "show a period: deadline, events, lists, what to settle"),
    "help.month": ("tháng của kỳ, dạng YYYY-MM (ví dụ 2026-11)", "the period's month, YYYY-MM (e.g. 2026-11)"),
    "help.override": ("khóa dù còn điều cần xử lý, với lý do (được lưu lại)",
                      "lock despite blocking findings, with a reason (kept)"),
    "help.d02_reduced": ("D02-LT chỉ điền các cột rút gọn (đơn vị không phải khai trình sử dụng lao động)",
                         "D02-LT with only the reduced columns filled (units not reporting labour use)"),
    "help.lists": ("lập các danh sách của kỳ (XLSX và PDF)", "make the period's lists (XLSX and PDF)"),
    "help.out": ("thư mục ghi các tệp", "folder to write the files in"),
    "help.draft": ("kỳ chưa khóa: ghi bản nháp theo biến động hiện có", ("a period not locked: write a draft from the "
                                                                       "events so far")),
    "help.staff": ("cán bộ, công chức của xã (D02-LT)", "the commune's staff (D02-LT)"),
    "help.staff.add": ("một người bắt đầu làm việc cho xã", "a person starts working for the commune"),
    "help.staff.change": ("thay đổi lương, chức vụ, hợp đồng", "a change of salary, post or contract"),
    "help.staff.end": ("một người thôi làm việc", "a person stops working for the commune"),
    "help.staff_reason": ("lý do (ghi vào danh sách)", "the reason (written on the list)"),
    "help.contributions_to": ("tháng cuối cùng đóng BHXH, BHYT (YYYY-MM)", "the last month of contributions (YYYY-MM)"),
    "help.decision": ("số quyết định thôi việc, nghỉ hưu", "the number of the decision ending the work"),
    "help.term": ("mục=giá trị (lặp lại được): position, job_class, salary_coefficient, …",
                  "term=value (repeatable): position, job_class, salary_coefficient, …"),
    "cli.period.line": ("Kỳ {month}: {status}; hạn nộp {deadline}{overdue}; {events} biến động.",
                        "Period {month}: {status}; due {deadline}{overdue}; {events} events."),
    "cli.period.overdue": (" (đã quá hạn)", " (overdue)"),
    "cli.period.list": ("  {name}: {persons} người", "  {name}: {persons} persons"),
    "cli.period.blocker": ("  Cần xử lý: {text}", "  To settle: {text}"),
    "cli.period.override": ("  Khóa với lý do bỏ qua: {reason}", "  Locked with the override: {reason}"),
    "cli.period.draft": ("  (kỳ chưa khóa: danh sách tính theo biến động hiện có)",
                         "  (not locked: the lists as the events stand now)"),
    "cli.lists.file": ("  {name}: {rows} dòng{pages}", "  {name}: {rows} rows{pages}"),
    "cli.lists.pages": (", {pages} trang", ", {pages} pages"),
    "cli.lists.done": ("Đã ghi {count} tệp của kỳ {month} vào {out}:", "Wrote {count} files of {month} to {out}:"),
    "cli.lists.draft": ("Bản nháp: kỳ {month} chưa khóa.", "Draft: the period {month} is not locked."),
    "cli.lists.not_locked": (("Kỳ {month} chưa khóa: hãy khóa kỳ (hgd period lock) trước khi lập danh sách, hoặc "
                             "dùng --draft để xem bản nháp."),
                             ("The period {month} is not locked: lock it (hgd period lock) before making its lists, "
                             "or use --draft for a draft.")),
    "cli.staff.done": ("Đã ghi: {label} (thao tác số {seq}).", "Recorded: {label} (action no. {seq})."),
    "help.cards": ("đối chiếu danh sách người có thẻ BHYT của cơ quan BHXH với sổ",
                   "reconcile the office's card-holder list with the register"),
    "help.cards_file": ("tệp danh sách người có thẻ (XLSX, XLS, CSV)", "the card-holder list (XLSX, XLS, CSV)"),
    "help.accept": ("chấp nhận các đề nghị: all (tất cả, trừ các cặp 'có thể') hoặc none (chỉ báo cáo)",
                    "accept the proposals: all (every one but the 'possible' pairs) or none (report only)"),
    "cli.cards.summary": (("Danh sách {file}: {rows} người có thẻ; {matched} khớp với sổ (mã số BHXH {bhxh}, CCCD "
                          "{cccd}, 4 tiêu chí {criteria})."),
                          ("List {file}: {rows} card holders; {matched} matched in the register (BHXH code {bhxh}, "
                          "CCCD {cccd}, 4 criteria {criteria}).")),
    "cli.cards.counts": (("Đề nghị: {missing} người có thẻ chưa có trong sổ; {without} người thuộc diện NSNN đóng chưa "
                         "có thẻ; {differs} thẻ có thông tin khác sổ; {possible} cặp có thể trùng cần xem."),
                         ("Proposals: {missing} holders missing from the register; {without} members entitled to a "
                         "state-paid card without one; {differs} cards differing from the register; {possible} "
                         "possible pairs to look at.")),
    "cli.cards.line": ("  [{kind}] dòng {row}: {name} {detail}", "  [{kind}] row {row}: {name} {detail}"),
    "cli.cards.accepted": ("Đã chấp nhận {count} đề nghị (thao tác số {seq}); hoàn tác: hgd undo --db {db}",
                           "Accepted {count} proposals (action no. {seq}); to undo: hgd undo --db {db}"),
    "cli.cards.rejected": ("{count} dòng của tệp không đọc được (xem --json).",
                           "{count} rows of the file could not be read (see --json)."),
})


def add(sub: Any, common: Parser) -> None:
    p = sub.add_parser("period", help=h("help.period"), description=h("help.period"))
    ps = p.add_subparsers(dest="period_command", required=True, parser_class=Parser)
    for name, handler in (("open", _open), ("lock", _lock), ("show", _show)):
        q = ps.add_parser(name, parents=[common], help=h(f"help.period.{name}"))
        q.add_argument("--period", required=True, help=h("help.month"))
        if name == "lock":
            q.add_argument("--override", metavar="REASON", help=h("help.override"))
            q.add_argument("--d02-reduced", action="store_true", default=None, help=h("help.d02_reduced"))
        q.set_defaults(handler=handler)

    p = sub.add_parser("lists", parents=[common], help=h("help.lists"), description=h("help.lists"))
    p.add_argument("--period", required=True, help=h("help.month"))
    p.add_argument("--out", required=True, help=h("help.out"))
    p.add_argument("--draft", action="store_true", help=h("help.draft"))
    p.set_defaults(handler=_lists)

    p = sub.add_parser("cards", parents=[common], help=h("help.cards"), description=h("help.cards"))
    p.add_argument("file", help=h("help.cards_file"))
    p.add_argument("--accept", choices=("all", "none"), default="none", help=h("help.accept"))
    p.add_argument("--map", action="append", default=[], metavar="COL=FIELD", help=h("help.map"))
    p.set_defaults(handler=_cards)

    p = sub.add_parser("staff", help=h("help.staff"), description=h("help.staff"))
    ss = p.add_subparsers(dest="staff_command", required=True, parser_class=Parser)
    for name in ("add", "change", "end"):
        q = ss.add_parser(name, parents=[common], help=h(f"help.staff.{name}"))
        q.add_argument("--person", required=True, help=h("help.person"))
        q.add_argument("--date", required=True, help=h("help.date"))
        q.add_argument("--reason", help=h("help.staff_reason"))
        if name == "end":
            q.add_argument("--contributions-to", metavar="YYYY-MM", help=h("help.contributions_to"))
            q.add_argument("--decision", help=h("help.decision"))
        else:
            q.add_argument("--set", action="append", default=[], metavar="TERM=VALUE", help=h("help.term"))
        q.set_defaults(handler=_staff, staff_kind=name)


def _info_line(info: Any) -> str:
    from app.lists.periods import shown, status_name

    return messages.render("cli.period.line", month=shown(info.month), status=status_name(info.status),
                           deadline=info.deadline.strftime("%d/%m/%Y"),
                           overdue=messages.render("cli.period.overdue") if info.overdue else "", events=info.events)


def _list_dict(fl: Any) -> dict[str, Any]:
    return {"form": fl.form, "version": fl.version, "variant": fl.variant, "number": fl.number,
            "rows": fl.persons, "sha256": fl.sha256}


def _list_lines(lists: list[Any]) -> list[str]:
    from app.lists.documents import list_title

    return [messages.render("cli.period.list", name=list_title(fl.form, fl.variant), persons=fl.persons)
            for fl in lists]


def _open(args: argparse.Namespace) -> int:
    from app.lists.period_ops import OpenPeriod
    from app.lists.periods import PeriodInfo
    from app.register import Register

    with Register.open(args.db) as reg:
        result = reg.apply(OpenPeriod(args.period))
    info = PeriodInfo(**{**result.value, "deadline": _day(result.value["deadline"])})
    emit(args, {"action": {"seq": result.seq, "label": result.label.render()}, "period": result.value},
         [messages.render("cli.staff.done", label=result.label.render(), seq=result.seq), _info_line(info)])
    return EXIT_OK


def _day(text: str) -> date:
    return date.fromisoformat(text)


def _lock(args: argparse.Namespace) -> int:
    from app.lists.period_ops import LockPeriod, view
    from app.register import Register

    with Register.open(args.db) as reg:
        result = reg.apply(LockPeriod(args.period, override_reason=args.override, d02_reduced=args.d02_reduced))
        with reg.reading() as s:
            v = view(s, reg.commune_id, args.period, reg.today())
    lines = [messages.render("cli.staff.done", label=result.label.render(), seq=result.seq), _info_line(v.info)]
    lines += _list_lines(v.lists)
    if result.value["blockers"]:
        lines.append(messages.render("cli.period.override", reason=args.override))
    emit(args, {"action": {"seq": result.seq, "label": result.label.render()}, "period": v.info.to_dict(),
                "events": result.value["events"], "lists": [_list_dict(fl) for fl in v.lists],
                "override": {"reason": args.override, "blockers": result.value["blockers"]}
                if result.value["blockers"] else None}, lines)
    return EXIT_OK


def _show(args: argparse.Namespace) -> int:
    from app.lists.period_ops import view
    from app.register import Register

    with Register.open(args.db, write=False) as reg, reg.reading() as s:
        v = view(s, reg.commune_id, args.period, reg.today())
    lines = [_info_line(v.info)] + _list_lines(v.lists)
    if not v.frozen:
        lines.append(messages.render("cli.period.draft"))
    lines += [messages.render("cli.period.blocker", text=b.text()) for b in v.blockers]
    emit(args, {"period": v.info.to_dict(), "frozen": v.frozen, "lists": [_list_dict(fl) for fl in v.lists],
                "blockers": [b.to_dict() for b in v.blockers]}, lines)
    return EXIT_OK


def _lists(args: argparse.Namespace) -> int:
    from app.lists import openpyxl_without_numpy

    openpyxl_without_numpy()
    from app.lists.documents import documents, write_documents
    from app.lists.period_ops import view
    from app.lists.periods import shown
    from app.register import Register

    with Register.open(args.db, write=False) as reg, reg.reading() as s:
        v = view(s, reg.commune_id, args.period, reg.today())
    if not v.frozen and not args.draft:
        raise HgdError("cli.lists.not_locked", month=shown(v.info.month))
    docs = documents(v.info.month, v.lists)
    paths = write_documents(docs, args.out)
    lines = [] if v.frozen else [messages.render("cli.lists.draft", month=shown(v.info.month))]
    lines.append(messages.render("cli.lists.done", count=len(paths), month=shown(v.info.month), out=args.out))
    lines += [messages.render("cli.lists.file", name=d.name, rows=d.persons,
                              pages=messages.render("cli.lists.pages", pages=d.pages) if d.pages else "")
              for d in docs]
    files = [{"name": d.name, "path": str(p), "kind": d.kind, "form": d.form, "variant": d.variant, "rows": d.persons,
              "pages": d.pages, "bytes": len(d.data)} for d, p in zip(docs, paths, strict=True)]
    emit(args, {"period": v.info.to_dict(), "frozen": v.frozen, "out": str(Path(args.out)), "files": files,
                "lists": [_list_dict(fl) for fl in v.lists]}, lines)
    return EXIT_OK


def _staff(args: argparse.Namespace) -> int:
    from app.cli.commands_events import _pairs
    from app.lists.staff import AddStaff, ChangeStaff, EndStaff
    from app.register import Register

    if args.staff_kind == "end":
        op: Any = EndStaff(person=args.person, date=args.date, reason=args.reason,
                           contributions_to=args.contributions_to, decision=args.decision)
    else:
        cls = AddStaff if args.staff_kind == "add" else ChangeStaff
        op = cls(person=args.person, date=args.date, terms=_pairs(args.set, "TERM=VALUE"), reason=args.reason)
    with Register.open(args.db) as reg:
        result = reg.apply(op)
    label = result.label.render()
    lines = [messages.render("cli.staff.done", label=label, seq=result.seq)]
    lines += list(result.changes.summary.get("notes", []))
    emit(args, {"action": {"seq": result.seq, "id": result.action_id, "label": label},
                "changes": result.changes.to_dict(), "value": result.value}, lines)
    return EXIT_OK


SHOWN = 30  # proposals printed in the human summary (all of them with --json)


def _cards(args: argparse.Namespace) -> int:
    from app.cli.commands_events import _pairs
    from app.lists.cards.match import reconcile
    from app.lists.cards.ops import ACCEPTED, AcceptCards
    from app.lists.cards.read import read_card_list
    from app.register import Register

    accept = args.accept == "all"
    with Register.open(args.db, write=accept) as reg:
        cards = read_card_list(args.file, mapping=_pairs(args.map, "COL=FIELD") or None, today=reg.today())
        with reg.reading() as s:
            result = reconcile(s, reg.commune_id, cards, reg.today())
        applied = None
        chosen = [p.to_dict() for p in result.proposals if p.kind in ACCEPTED]
        if accept and chosen:
            applied = reg.apply(AcceptCards(Path(args.file).name, tuple(chosen)))
    summary = result.summary()
    lines = [messages.render("cli.cards.summary", file=cards.file, rows=summary["rows"], matched=summary["matched"],
                             **result.by),
             messages.render("cli.cards.counts", missing=summary["missing_from_register"],
                             without=summary["without_card"], differs=summary["differs"],
                             possible=summary["possible"])]
    for p in result.proposals[:SHOWN]:
        detail = p.group or ""
        if p.fields:
            detail = ", ".join(f"{f['field']}: {f['register']} → {f['card']}" for f in p.fields)
        lines.append(messages.render("cli.cards.line", kind=p.kind, row=p.row or "—", name=p.name, detail=detail))
    if cards.rejected:
        lines.append(messages.render("cli.cards.rejected", count=len({i.row for i in cards.rejected})))
    if applied is not None:
        lines.append(messages.render("cli.cards.accepted", count=len(applied.value["accepted"]), seq=applied.seq,
                                     db=args.db))
    emit(args, {**summary, "file": {"name": cards.file, "sheet": cards.sheet, "header_row": cards.header_row,
                                    "encoding": cards.encoding, "rejected": [i.__dict__ for i in cards.rejected]},
                "proposals": [p.to_dict() for p in result.proposals],
                "accepted": len(applied.value["accepted"]) if applied is not None else 0,
                "action": {"seq": applied.seq, "label": applied.label.render()} if applied is not None else None},
         lines)
    return EXIT_OK
