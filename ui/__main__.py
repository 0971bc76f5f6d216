"""hgd-gui (also `python -m ui`): open the commune register in a window.

    hgd-gui [--db PATH] [--lang vi|en] [--demo]
"""
from __future__ import annotations

import argparse
import os
import signal
import sys

from PySide6.QtCore import QT_TRANSLATE_NOOP  # QtCore needs no display; QtWidgets is imported only with one

from ui import i18n

NO_DISPLAY = QT_TRANSLATE_NOOP("main", "No display (DISPLAY is empty): run on a machine with a desktop, or use "
                                       "xvfb-run make run, or QT_QPA_PLATFORM=offscreen to run without showing "
                                       "anything.")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="hgd-gui", description="hgd — sổ hộ gia đình tham gia BHYT")
    parser.add_argument("--db", metavar="PATH", help="open this register (offer to create it if it does not exist)")
    parser.add_argument("--lang", choices=("vi", "en"), help="language of the window (default: HGD_LANG, else the "
                                                              "choice saved from the Language menu, else vi)")
    parser.add_argument("--demo", action="store_true", help="open the demo commune (created on first use)")
    return parser.parse_args(argv)


def display_missing() -> bool:
    """On Linux, Qt aborts without a display; say so in one line instead."""
    if not sys.platform.startswith("linux"):
        return False
    return not any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def say(line: str) -> None:
    try:
        print(line, file=sys.stderr)
    except UnicodeEncodeError:  # a terminal without UTF-8: still one readable line
        sys.stderr.buffer.write(line.encode("utf-8") + b"\n")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    lang = i18n.resolve_language(args.lang)
    if display_missing():
        say(i18n.translate(lang, "main", NO_DISPLAY))
        return 1

    from ui.app import create_app
    from ui.errors import install_excepthook
    from ui.main_window import MainWindow
    from ui.startup import first_register, next_step

    app = create_app(lang)
    install_excepthook()
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C in the terminal closes the window
    reg = first_register(args.db, args.demo)
    if reg is None:
        return 0
    window = MainWindow(reg)
    window.show()
    if next_step() == "import":          # the first-run wizard's choice for a new, empty register
        window.import_list()
    elif next_step() == "household":
        window.add_first_household()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
