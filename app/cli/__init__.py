"""`hgd`: the command line over the core's services (a contract: DESIGN.md lists its commands).

Each command prints a short human summary (Vietnamese by default, English with --lang en), or one JSON object with
--json (`{"ok": false, "error": {…}}` on failure); it exits 0 on success, 1 when the work was refused (one line on
stderr, nothing stored is changed), 2 on a usage error.
"""
from __future__ import annotations

import os
import sys
import traceback

from app import __version__, messages
from app.cli import commands_events, commands_history, commands_register
from app.cli.common import EXIT_FAILED, EXIT_USAGE, Parser, UsageError, common_options, fail, h
from app.errors import HgdError

MODULES = (commands_register, commands_events, commands_history)


def build_parser() -> Parser:
    parser = Parser(prog="hgd", description=h("help.prog"))
    parser.add_argument("--version", action="version", version=f"hgd {__version__}", help=h("help.version"))
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser, title=h("help.commands"))
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
        args = build_parser().parse_args(argv)
        return int(args.handler(args))
    except SystemExit as exc:  # --help, --version
        return int(exc.code or 0)
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
