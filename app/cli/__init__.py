"""`hgd`: the command line over the core's services (a contract: DESIGN.md lists its commands).

Each command prints a short human summary (Vietnamese by default, English with --lang en), or one JSON object with
--json (`{"ok": false, "error": {…}}` on failure); it exits 0 on success, 1 when the work was refused (one line on
stderr, nothing stored is changed), 2 on a usage error.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
import traceback

from app import __version__, messages
from app.cli import (
    commands_events,
    commands_history,
    commands_lists,
    commands_packages,
    commands_register,
    commands_review,
)
from app.cli.common import EXIT_FAILED, EXIT_USAGE, Parser, UsageError, common_options, fail, h, output_options
from app.errors import HgdError

MODULES = (commands_register, commands_events, commands_history, commands_lists, commands_review, commands_packages)


def build_parser() -> Parser:
    parser = Parser(prog="hgd", description=h("help.prog"))
    parser.add_argument("--version", action="version", version=f"hgd {__version__}", help=h("help.version"))
    output_options(parser)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser, title=h("help.commands"),
                                metavar=h("help.command_metavar"))
    common = common_options()
    for module in MODULES:
        module.add(sub, common)
    return parser


def _language(argv: list[str]) -> None:
    lang = os.environ.get("HGD_LANG", "vi")
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    if lang in ("vi", "en"):
        messages.set_language(lang)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _language(argv)
    json_mode = "--json" in argv
    try:
        args = _parse(build_parser(), argv, json_mode)
        if args is None:  # --help or --version, said
            return 0
        return int(args.handler(args))
    except UsageError as exc:
        fail(json_mode, messages.render("cli.usage", detail=str(exc)), "cli.usage", {"detail": str(exc)})
        return EXIT_USAGE
    except HgdError as exc:
        fail(json_mode, exc.render(), exc.key, exc.params)
        return EXIT_FAILED
    except BrokenPipeError:  # the reader of our output went away (e.g. `| head`): nothing more to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED
    except KeyboardInterrupt:
        fail(json_mode, messages.render("cli.interrupted"), "cli.interrupted")
        return EXIT_FAILED
    except Exception as exc:  # a bug: still one line for the user; the traceback only on request
        if os.environ.get("HGD_DEBUG"):
            traceback.print_exc()
        detail = str(exc).splitlines()[0][:300] if str(exc) else ""
        fail(json_mode, messages.render("cli.unexpected", kind=type(exc).__name__, detail=detail),
             "cli.unexpected", {"kind": type(exc).__name__, "detail": detail})
        return EXIT_FAILED


def _parse(parser: Parser, argv: list[str], json_mode: bool) -> argparse.Namespace | None:
    """The arguments; None after --help or --version (printed as text, or inside one JSON object with --json)."""
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out if json_mode else sys.stdout):
            return parser.parse_args(argv)
    except SystemExit as exc:
        if exc.code not in (0, None):
            raise
        if json_mode:
            text = out.getvalue().strip()
            key = "version" if text.startswith("hgd ") and "\n" not in text else "help"
            print(json.dumps({"ok": True, key: text.removeprefix("hgd ") if key == "version" else text},
                             ensure_ascii=False, indent=2))
        return None
