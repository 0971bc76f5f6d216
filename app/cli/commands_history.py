"""`hgd undo`, `hgd redo`, `hgd history`: named actions across restarts, and what happened to a record."""
from __future__ import annotations

import argparse
from typing import Any

from app import messages
from app.cli.common import EXIT_OK, Parser, emit, h, open_register

messages.register({
    "cli.undo.done": ("Đã hoàn tác: {label}.", "Undone: {label}."),
    "cli.redo.done": ("Đã làm lại: {label}.", "Redone: {label}."),
    "cli.history.none": ("Chưa có gì trong lịch sử.", "Nothing in the history yet."),
    "cli.history.person": ("{name} — mã số BHXH {bhxh} — {status}", "{name} — BHXH code {bhxh} — {status}"),
    "cli.history.household": ("Hộ {code} — {address} — {status}", "Household {code} — {address} — {status}"),
    "cli.history.on": ("Ngày {date}:", "On {date}:"),
    "cli.history.absent": ("Chưa có trong sổ vào ngày đó.", "Not in the register on that day."),
    "cli.history.member": ("  {relation}: {name}, sinh {birth}", "  {relation}: {name}, born {birth}"),
    "help.undo": ("hoàn tác thao tác gần nhất chưa hoàn tác", "undo the last action not yet undone"),
    "help.redo": ("làm lại thao tác vừa hoàn tác", "redo the action undone last"),
    "help.history": ("lịch sử thay đổi của một người hoặc một hộ", "the history of a person or a household"),
    "help.on": ("trạng thái vào ngày này (YYYY-MM-DD)", "the state on this day (YYYY-MM-DD)"),
})


def add(sub: Any, common: Parser) -> None:
    p = sub.add_parser("undo", parents=[common], help=h("help.undo"), description=h("help.undo"))
    p.set_defaults(handler=cmd_undo)
    p = sub.add_parser("redo", parents=[common], help=h("help.redo"), description=h("help.redo"))
    p.set_defaults(handler=cmd_redo)
    p = sub.add_parser("history", parents=[common], help=h("help.history"), description=h("help.history"))
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--person", help=h("help.person"))
    who.add_argument("--household", help=h("help.household"))
    p.add_argument("--on", help=h("help.on"))
    p.set_defaults(handler=cmd_history)


def _undo_or_redo(args: argparse.Namespace, redo: bool) -> int:
    with open_register(args, write=True) as reg:
        result = reg.redo() if redo else reg.undo()
        status = reg.undo_status()
    inner = result.label.params.get("label", {})
    from app.operations import Label

    label = Label(inner.get("key", ""), inner.get("params") or {}).render() if isinstance(inner, dict) else ""
    emit(args, {"action": {"seq": result.seq, "id": result.action_id, "label": result.label.render()},
                "undone" if not redo else "redone": label, "changes": result.changes.to_dict(),
                "next_undo": status.undo.render() if status.undo else None,
                "next_redo": status.redo.render() if status.redo else None},
         [messages.render("cli.redo.done" if redo else "cli.undo.done", label=label)])
    return EXIT_OK


def cmd_undo(args: argparse.Namespace) -> int:
    return _undo_or_redo(args, redo=False)


def cmd_redo(args: argparse.Namespace) -> int:
    return _undo_or_redo(args, redo=True)


def cmd_history(args: argparse.Namespace) -> int:
    from app.registry import history as hist
    from app.registry.common import event_date, status_name

    with open_register(args, write=False) as reg, reg.reading() as s:
        cid = reg.setting("commune_id")
        on = event_date(args.on, reg.today()) if args.on else None
        if args.person:
            p = hist.find_person(s, cid, args.person)
            lines_ = hist.person_history(s, p.id)
            head = messages.render("cli.history.person", name=p.full_name, bhxh=p.bhxh_code or "—",
                                   status=status_name(p.status))
            payload: dict[str, Any] = {"person": {c.key: getattr(p, c.key) for c in p.__table__.columns}}
            state = hist.state_on(lines_, "person", p.id, on) if on else None
            if on:
                payload["on"], payload["state"] = on.isoformat(), state
        else:
            hh = hist.find_household(s, cid, args.household)
            lines_ = hist.household_history(s, hh.id)
            head = messages.render("cli.history.household", code=hh.code, address=hh.address or "—",
                                   status=status_name(hh.status))
            payload = {"household": {c.key: getattr(hh, c.key) for c in hh.__table__.columns}}
            state = hist.household_on(s, hh.id, on) if on else None
            if on:
                payload["on"], payload["state"] = on.isoformat(), state
    from app.registry.history import display

    payload["history"] = [ln.to_dict() for ln in lines_]
    out = [head] + ([ln.text() for ln in lines_] or [messages.render("cli.history.none")])
    if on:
        out.append(messages.render("cli.history.on", date=on.strftime("%d/%m/%Y")))
        out += _state_lines(state, display)
    emit(args, payload, out)
    return EXIT_OK


def _state_lines(state: dict[str, Any] | None, show: Any) -> list[str]:
    if not state:
        return ["  " + messages.render("cli.history.absent")]
    if "members" in state:
        own = state.get("household") or {}
        lines = [f"  {own.get('code', '')} — {show('status', own.get('status'))}"]
        for m in state["members"]:
            lines.append(messages.render("cli.history.member", relation=show("relation", m.get("relation")),
                                         name=m.get("full_name", ""), birth=show("birth_date", m.get("birth_date"))))
        return lines
    return [f"  {k}: {show(k, v)}" for k, v in sorted(state.items())]
