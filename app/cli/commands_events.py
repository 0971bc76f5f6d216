"""`hgd event …`: one dated event each (birth, death, move in, move out, split, merge, correction, group, head).
A person is named by its BHXH code or its id; a household by its code."""
from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from app import messages
from app.cli.common import EXIT_OK, Parser, emit, h, open_register, output_options
from app.errors import HgdError
from app.operations import Operation, Result

messages.register({
    "cli.event.done": ("Đã ghi: {label} (thao tác số {seq}).", "Recorded: {label} (action no. {seq})."),
    "cli.event.undo_hint": ("Hoàn tác: hgd undo --db {db}", "To undo: hgd undo --db {db}"),
    "cli.bad_pair": ("'{item}' sai dạng: cần '{form}'.", "'{item}' is malformed: expected '{form}'."),
    "cli.persons_file": ("Không đọc được tệp người '{path}': {reason}", ("Cannot read the persons file '{path}': "
                                                                       "{reason}")),
    "help.event": ("ghi nhận một biến động có ngày", "record one dated event"),
    "help.ev.birth": ("trẻ sinh ra trong một hộ", "a child born into a household"),
    "help.ev.death": ("một người chết", "a death"),
    "help.ev.move_in": ("người chuyển đến (vào hộ có sẵn hoặc hộ mới)", ("people moving in (into a household or "
                                                                       "as a new one)")),
    "help.ev.move_out": ("người chuyển đi", "people moving out"),
    "help.ev.split": ("tách hộ", "split a household"),
    "help.ev.merge": ("nhập hộ", "merge two households"),
    "help.ev.correct": ("điều chỉnh thông tin của một người", "correct a person's data"),
    "help.ev.group": ("thay đổi đối tượng tham gia", "change of participant group"),
    "help.ev.head": ("thay đổi chủ hộ", "change of head"),
    "help.household": ("mã hộ", "household code"),
    "help.person": ("người: mã số BHXH hoặc mã định danh (id)", "person: BHXH code or id"),
    "help.date": ("ngày biến động (YYYY-MM-DD hoặc dd/mm/yyyy)", "date of the event (YYYY-MM-DD or dd/mm/yyyy)"),
    "help.name": ("họ và tên", "full name"),
    "help.sex": ("giới tính: M (nam) hoặc F (nữ)", "sex: M or F"),
    "help.born": ("ngày sinh", "date of birth"),
    "help.birth_place": ("nơi đăng ký khai sinh", "birth-registration place"),
    "help.relation": ("quan hệ với chủ hộ", "relation to the head"),
    "help.new_head": ("chủ hộ mới", "the new head"),
    "help.set": ("trường=giá trị mới (lặp lại được), ví dụ full_name='Nguyễn Văn An'",
                 "field=new value (repeatable), e.g. full_name='Nguyễn Văn An'"),
    "help.address": ("địa chỉ của hộ", "the household's address"),
    "help.origin": ("nơi chuyển đến từ (xã, huyện, tỉnh)", "where they come from (commune, district, province)"),
    "help.destination": ("nơi chuyển đi đến (xã, huyện, tỉnh)", "where they go (commune, district, province)"),
    "help.child_bhxh": ("mã số BHXH của trẻ (nếu đã có)", "the child's BHXH code (when it has one)"),
    "help.bhxh_code": ("mã số BHXH (10 chữ số)", "BHXH code (10 digits)"),
    "help.cccd": ("số CCCD hoặc mã định danh cá nhân (12 chữ số)", "citizen ID number (12 digits)"),
    "help.new_code": ("mã của hộ mới (tự đặt nếu không ghi)", "the new household's code (made when omitted)"),
    "help.reason": ("lý do (ghi vào biến động)", "reason (kept with the event)"),
    "help.head_reason": (("lý do: handover (chuyển giao, mặc định), death (chủ hộ chết), move_out (chủ hộ chuyển "
                         "đi)"), "reason: handover (default), death (the head died), move_out (the head left)"),
    "help.group": ("mã đối tượng mới ('none' để bỏ)", "the new group code ('none' to remove it)"),
    "help.card": ("số thẻ BHYT mới", "the new health-insurance card number"),
    "help.card_to": ("thẻ có giá trị đến ngày", "the card is valid until"),
    "help.event_metavar": ("BIẾN_ĐỘNG", "EVENT"),
    "help.persons_file": ("tệp JSON: danh sách người (mỗi người một bảng trường)", ("JSON file: a list of persons "
                                                                                  "(one object of fields each)")),
})


def add(sub: Any, common: Parser) -> None:
    p = sub.add_parser("event", help=h("help.event"), description=h("help.event"))
    output_options(p)
    ev = p.add_subparsers(dest="event", required=True, parser_class=Parser, metavar=h("help.event_metavar"))

    q = ev.add_parser("birth", parents=[common], help=h("help.ev.birth"), description=h("help.ev.birth"))
    q.add_argument("--household", required=True, help=h("help.household"))
    q.add_argument("--name", required=True, help=h("help.name"))
    q.add_argument("--sex", required=True, help=h("help.sex"))
    q.add_argument("--date", required=True, help=h("help.born"))
    q.add_argument("--birth-place", help=h("help.birth_place"))
    q.add_argument("--mother", help=h("help.person"))
    q.add_argument("--father", help=h("help.person"))
    q.add_argument("--bhxh", help=h("help.child_bhxh"))
    q.set_defaults(handler=_birth)

    q = ev.add_parser("death", parents=[common], help=h("help.ev.death"), description=h("help.ev.death"))
    q.add_argument("--person", required=True, help=h("help.person"))
    q.add_argument("--date", required=True, help=h("help.date"))
    q.add_argument("--new-head", help=h("help.new_head"))
    q.set_defaults(handler=_death)

    q = ev.add_parser("move-in", parents=[common], help=h("help.ev.move_in"), description=h("help.ev.move_in"))
    where = q.add_mutually_exclusive_group(required=True)
    where.add_argument("--household", help=h("help.household"))
    where.add_argument("--new-household", nargs="?", const="", help=h("help.household"))
    q.add_argument("--address", help=h("help.address"))
    q.add_argument("--date", required=True, help=h("help.date"))
    q.add_argument("--from", dest="origin", help=h("help.origin"))
    q.add_argument("--name", help=h("help.name"))
    q.add_argument("--sex", help=h("help.sex"))
    q.add_argument("--born", help=h("help.born"))
    q.add_argument("--relation", help=h("help.relation"))
    q.add_argument("--birth-place", help=h("help.birth_place"))
    q.add_argument("--bhxh", help=h("help.bhxh_code"))
    q.add_argument("--cccd", help=h("help.cccd"))
    q.add_argument("--persons-file", help=h("help.persons_file"))
    q.set_defaults(handler=_move_in)

    q = ev.add_parser("move-out", parents=[common], help=h("help.ev.move_out"), description=h("help.ev.move_out"))
    q.add_argument("--person", action="append", required=True, help=h("help.person"))
    q.add_argument("--date", required=True, help=h("help.date"))
    q.add_argument("--to", dest="destination", help=h("help.destination"))
    q.add_argument("--new-head", help=h("help.new_head"))
    q.set_defaults(handler=_move_out)

    q = ev.add_parser("split", parents=[common], help=h("help.ev.split"), description=h("help.ev.split"))
    q.add_argument("--household", required=True, help=h("help.household"))
    q.add_argument("--member", action="append", default=[], help=h("help.person"))
    q.add_argument("--new-head", required=True, help=h("help.new_head"))
    q.add_argument("--date", required=True, help=h("help.date"))
    q.add_argument("--new-code", help=h("help.new_code"))
    q.add_argument("--address", help=h("help.address"))
    q.add_argument("--spouse", help=h("help.person"))
    q.add_argument("--child", action="append", default=[], help=h("help.person"))
    q.add_argument("--relation", action="append", default=[], metavar="P=REL", help=h("help.relation"))
    q.set_defaults(handler=_split)

    q = ev.add_parser("merge", parents=[common], help=h("help.ev.merge"), description=h("help.ev.merge"))
    q.add_argument("--from", dest="source", required=True, help=h("help.household"))
    q.add_argument("--into", dest="target", required=True, help=h("help.household"))
    q.add_argument("--date", required=True, help=h("help.date"))
    q.add_argument("--relation", action="append", default=[], metavar="P=REL", help=h("help.relation"))
    q.set_defaults(handler=_merge)

    q = ev.add_parser("correct", parents=[common], help=h("help.ev.correct"), description=h("help.ev.correct"))
    q.add_argument("--person", required=True, help=h("help.person"))
    q.add_argument("--set", action="append", required=True, metavar="FIELD=VALUE", help=h("help.set"))
    q.add_argument("--date", help=h("help.date"))
    q.add_argument("--reason", help=h("help.reason"))
    q.set_defaults(handler=_correct)

    q = ev.add_parser("group", parents=[common], help=h("help.ev.group"), description=h("help.ev.group"))
    q.add_argument("--person", required=True, help=h("help.person"))
    q.add_argument("--group", required=True, help=h("help.group"))
    q.add_argument("--date", required=True, help=h("help.date"))
    q.add_argument("--card", help=h("help.card"))
    q.add_argument("--card-to", help=h("help.card_to"))
    q.add_argument("--reason", help=h("help.reason"))
    q.set_defaults(handler=_group)

    q = ev.add_parser("head", parents=[common], help=h("help.ev.head"), description=h("help.ev.head"))
    q.add_argument("--household", required=True, help=h("help.household"))
    q.add_argument("--new-head", required=True, help=h("help.new_head"))
    q.add_argument("--date", required=True, help=h("help.date"))
    q.add_argument("--reason", default="handover", help=h("help.head_reason"))
    q.add_argument("--spouse", help=h("help.person"))
    q.add_argument("--child", action="append", default=[], help=h("help.person"))
    q.add_argument("--relation", action="append", default=[], metavar="P=REL", help=h("help.relation"))
    q.set_defaults(handler=_head)


def _pairs(items: list[str], form: str) -> dict[str, str]:
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise HgdError("cli.bad_pair", item=item, form=form)
        out[key.strip()] = value.strip()
    return out


def _run(args: argparse.Namespace, op: Operation) -> int:
    with open_register(args, write=True) as reg:
        result: Result = reg.apply(op)
    label = result.label.render()
    lines = [messages.render("cli.event.done", label=label, seq=result.seq)]
    lines += list(result.changes.summary.get("notes", []))
    lines.append(messages.render("cli.event.undo_hint", db=args.db))
    emit(args, {"action": {"seq": result.seq, "id": result.action_id, "label": label},
                "changes": result.changes.to_dict(), "value": result.value}, lines)
    return EXIT_OK


def _birth(args: argparse.Namespace) -> int:
    from app.registry import RecordBirth

    return _run(args, RecordBirth(household=args.household, full_name=args.name, sex=args.sex, birth_date=args.date,
                                  birth_place=args.birth_place, mother=args.mother, father=args.father,
                                  fields={"bhxh_code": args.bhxh} if args.bhxh else {}))


def _death(args: argparse.Namespace) -> int:
    from app.registry import RecordDeath

    return _run(args, RecordDeath(person=args.person, date=args.date, new_head=args.new_head))


def _move_in(args: argparse.Namespace) -> int:
    from app.registry import RecordMoveIn

    persons: list[dict[str, Any]] = []
    if args.persons_file:
        try:
            loaded = json.loads(Path(args.persons_file).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise HgdError("cli.persons_file", path=args.persons_file, reason=str(exc)[:200]) from exc
        if not isinstance(loaded, list) or not all(isinstance(p, dict) for p in loaded):
            raise HgdError("cli.persons_file", path=args.persons_file, reason="[{...}, …]")
        persons = loaded
    if args.name:
        one = {"full_name": args.name, "sex": args.sex, "birth_date": args.born, "relation": args.relation,
               "birth_place": args.birth_place, "bhxh_code": args.bhxh, "id_number": args.cccd}
        persons.append({k: v for k, v in one.items() if v})
    if not persons:
        raise HgdError("registry.no_members")
    return _run(args, RecordMoveIn(persons=tuple(persons), date=args.date, origin=args.origin,
                                   household=args.household, new_household_code=args.new_household,
                                   address=args.address))


def _move_out(args: argparse.Namespace) -> int:
    from app.registry import RecordMoveOut

    return _run(args, RecordMoveOut(persons=tuple(args.person), date=args.date, destination=args.destination,
                                    new_head=args.new_head))


def _split(args: argparse.Namespace) -> int:
    from app.registry import SplitHousehold

    return _run(args, SplitHousehold(household=args.household, members=tuple(args.member), new_head=args.new_head,
                                     date=args.date, new_code=args.new_code, address=args.address,
                                     spouse=args.spouse, children=tuple(args.child),
                                     relations=_pairs(args.relation, "P=REL")))


def _merge(args: argparse.Namespace) -> int:
    from app.registry import MergeHouseholds

    return _run(args, MergeHouseholds(source=args.source, target=args.target, date=args.date,
                                      relations=_pairs(args.relation, "P=REL")))


def _correct(args: argparse.Namespace) -> int:
    from app.registry import CorrectPerson

    return _run(args, CorrectPerson(person=args.person, changes=_pairs(args.set, "FIELD=VALUE"), date=args.date,
                                    reason=args.reason))


def _group(args: argparse.Namespace) -> int:
    from app.registry import ChangeGroup

    group = None if args.group.strip().lower() in ("", "none", "khong", "không") else args.group
    return _run(args, ChangeGroup(person=args.person, group=group, date=args.date, card_number=args.card,
                                  card_valid_to=args.card_to, reason=args.reason))


def _head(args: argparse.Namespace) -> int:
    from app.registry import ChangeHead

    return _run(args, ChangeHead(household=args.household, new_head=args.new_head, date=args.date,
                                 reason=args.reason, spouse=args.spouse, children=tuple(args.child),
                                 relations=_pairs(args.relation, "P=REL")))
