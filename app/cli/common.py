"""What every command shares: the parser in the user's language, --db/--json/--lang, one summary out, one line
(or one JSON object) when the work is refused, and the exit codes 0 (done), 1 (refused), 2 (usage)."""
from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from app import messages
from app.errors import HgdError

if TYPE_CHECKING:
    from app.register import Register

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

messages.register({
    "cli.usage": ("Lỗi cú pháp lệnh: {detail}. Xem 'hgd --help'.", "Usage error: {detail}. See 'hgd --help'."),
    "cli.unexpected": ("Lỗi không mong đợi ({kind}): {detail}. Dữ liệu đã có không bị thay đổi.",
                       "Unexpected error ({kind}): {detail}. Stored data was not changed."),
    "cli.interrupted": ("Đã dừng theo yêu cầu; dữ liệu đã có không bị thay đổi.",
                        "Stopped on request; stored data was not changed."),
    "help.db": ("tệp sổ SQLite, hoặc địa chỉ PostgreSQL (postgresql+psycopg://…)",
                "SQLite register file, or a PostgreSQL URL (postgresql+psycopg://…)"),
    "help.json": ("in kết quả dạng JSON (cho chương trình khác đọc)", "print the result as JSON (for scripts)"),
    "help.lang": ("ngôn ngữ của thông báo: vi (mặc định) hoặc en", "language of messages: vi (default) or en"),
    "help.prog": ("Sổ hộ gia đình tham gia BHYT (hgd): ghi nhận biến động, rà soát, lập danh sách.",
                  "Household register for health insurance (hgd): record changes, review, make the lists."),
    "help.version": ("in phiên bản và thoát", "print the version and exit"),
    "help.commands": ("lệnh", "commands"),
    "help.command_metavar": ("LỆNH", "COMMAND"),
})

# argparse's own words, in Vietnamese (it looks them up through gettext at the moment it prints them).
_ARGPARSE_VI = {
    "usage: ": "Cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "show this help message and exit": "in hướng dẫn này và thoát",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "tham số không hiểu: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "lựa chọn không hợp lệ: %(value)r (chọn một trong "
                                                           "%(choices)s)",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "expected one argument": "cần một giá trị",
    "invalid %(type)s value: %(value)r": "giá trị %(type)s không hợp lệ: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn không rõ: %(option)s có thể là %(matches)s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "not allowed with argument %s": "không dùng cùng với %s",
    "expected at least one argument": "cần ít nhất một giá trị",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
}


def _translate(text: str) -> str:
    return _ARGPARSE_VI.get(text, text) if messages.language() == "vi" else text


def _ntranslate(singular: str, plural: str, n: int) -> str:
    return _translate(singular if n == 1 else plural)


argparse._ = _translate  # type: ignore[attr-defined]
argparse.ngettext = _ntranslate  # type: ignore[attr-defined]


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]  # one line, in the user's language, exit 2
        raise UsageError(message)


class UsageError(Exception):
    pass


def h(key: str) -> str:
    """A help text in the user's language."""
    return messages.render(key)


def common_options() -> argparse.ArgumentParser:
    common = Parser(add_help=False)
    common.add_argument("--db", required=True, help=h("help.db"))
    output_options(common)
    return common


def output_options(parser: argparse.ArgumentParser) -> None:
    """--json and --lang, accepted before the command as well as after it (`hgd --json stats --db …`). Absent
    unless given, so that a subcommand's parser does not reset what was given before it."""
    parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help=h("help.json"))
    parser.add_argument("--lang", choices=("vi", "en"), default=argparse.SUPPRESS, help=h("help.lang"))


def open_register(args: argparse.Namespace, *, write: bool) -> Register:
    """The register named by --db. A command that writes is refused at once when the register can only be read
    (saying why); a reading command is told, in a note, that it is viewing a read-only register."""
    from app.register import Register

    reg = Register.open(args.db, write=write)
    if reg.read_only:
        if write:
            error = reg.store.read_only_error()
            reg.close()
            raise error
        note(args, reg.store.read_only_message() or "")
    return reg


def note(args: argparse.Namespace, message: str) -> None:
    """Something the user should know that is not a failure: on stderr, or in the JSON object's "notes"."""
    if getattr(args, "json", False):
        args.notes = [*getattr(args, "notes", []), message]
    else:
        print(f"hgd: {message}", file=sys.stderr)


def emit(args: argparse.Namespace, payload: dict[str, Any], lines: list[str]) -> None:
    if getattr(args, "json", False):
        notes = {"notes": args.notes} if getattr(args, "notes", None) else {}
        print(json.dumps({"ok": True, **payload, **notes}, ensure_ascii=False, indent=2, default=str))
    else:
        for line in lines:
            print(line)


def fail(json_mode: bool, message: str, key: str, params: dict[str, Any] | None = None, *,
         payload: dict[str, Any] | None = None) -> None:
    """A refusal: one line on stderr; with --json, also one JSON object on stdout."""
    if json_mode:
        error = {"key": key, "message": message,
                 "params": {k: (v if isinstance(v, (int, float, str, bool)) or v is None else str(v))
                            for k, v in (params or {}).items()}}
        print(json.dumps({"ok": False, "error": error, **(payload or {})}, ensure_ascii=False, indent=2,
                         default=str))
    print(f"hgd: {message}", file=sys.stderr)


def error_of(exc: HgdError) -> tuple[str, str, dict[str, Any]]:
    return exc.render(), exc.key, dict(exc.params)
