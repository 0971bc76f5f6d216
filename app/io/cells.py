"""Small helpers for reading cells fast: the text a clerk sees in a cell, stored text, memoised lookups, ids, column
letters, and the guards on a cell's size (a very long cell, or a letter carrying a long run of combining marks,
would cost seconds to normalise: the cost of Unicode normalisation grows with the square of such a run)."""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from app import messages
from app.domain.text import nfc
from app.errors import HgdError
from app.io import limits

messages.register({
    "import.cell_too_long": (
        ("Tệp '{file}'{sheet}, dòng {row}, cột {column}: ô dài {length} ký tự (tối đa {limit}) — không phải nội dung "
        "của một danh sách; hãy sửa ô đó rồi nhập lại."),
        ("File '{file}'{sheet}, row {row}, column {column}: the cell is {length} characters long (at most {limit}) — "
        "not what a list holds; correct that cell and import again.")),
    "import.cell_marks": (
        ("Tệp '{file}'{sheet}, dòng {row}, cột {column}: ô chứa một chữ mang {marks} dấu liền nhau (tối đa {limit}) "
        "— văn bản hỏng; hãy gõ lại ô đó."),
        ("File '{file}'{sheet}, row {row}, column {column}: the cell holds a letter carrying {marks} marks in a row "
        "(at most {limit}) — broken text; retype that cell.")),
    "import.in_sheet": (", trang '{sheet}'", ", sheet '{sheet}'"),
})

# A run of more combining marks (U+0300-U+036F and the other combining blocks) than any letter carries.
_MARK = "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
MARK_RUN = re.compile(_MARK + "{" + str(limits.MAX_MARKS + 1) + ",}")
_ONE_MARK = re.compile(_MARK)


def mark_run(text: str) -> re.Match[str] | None:
    """MARK_RUN.search(text), in a third of the time on text that holds no mark (most text: NFC Vietnamese has
    none): one mark is looked for first, a run only from there."""
    first = _ONE_MARK.search(text)
    return None if first is None else MARK_RUN.search(text, first.start())


# The same runs in UTF-8 bytes: a CSV whose bytes hold none (and no line longer than a cell may be) needs no check
# on each of its cells (the check per file is a C-speed scan of the bytes; the check per cell is not).
MARK_RUN_UTF8 = re.compile(rb"(?:[\xcc\xcd][\x80-\xbf]|\xe1[\xaa\xab\xb7][\x80-\xbf]|\xe2\x83[\x90-\xbf]"
                           rb"|\xef\xb8[\xa0-\xaf]){%d,}" % (limits.MAX_MARKS + 1))
_RARE_MARK = re.compile(rb"\xe1[\xaa\xab\xb7]|\xe2\x83[\x90-\xbf]|\xef\xb8[\xa0-\xaf]")


def marks_in_utf8(data: bytes) -> bool:
    """UTF-8 bytes holding a run of combining marks (conservative: before NFC composes any of them). The common
    marks' lead bytes are found at memory speed and the run looked at only there (NFD text has a mark in every
    other word; NFC text has none); the rare blocks of marks by one pass of a pattern."""
    for lead in (b"\xcc", b"\xcd"):
        at = data.find(lead)
        while at >= 0:
            if MARK_RUN_UTF8.match(data, at):
                return True
            at = data.find(lead, at + 2)
    found = _RARE_MARK.search(data)
    return found is not None and MARK_RUN_UTF8.search(data, found.start()) is not None


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


class CellRefused(HgdError):
    """A cell the import will not read; `where` names the file, sheet, row and column."""


def check_cell(text: str, *, file: str, sheet: str | None, row: int, column: str) -> None:
    """Refuse a text cell longer than limits.MAX_CELL_CHARS or carrying a run of combining marks (counted after
    NFC, which is cheap once the length is bounded). Called on the cells the import reads, not on every cell."""
    where = messages.render("import.in_sheet", sheet=sheet) if sheet else ""
    if len(text) > limits.MAX_CELL_CHARS:
        raise CellRefused("import.cell_too_long", file=file, sheet=where, row=row, column=column,
                          length=messages.number(len(text)), limit=messages.number(limits.MAX_CELL_CHARS))
    if not text.isascii():
        run = mark_run(nfc(text))
        if run:
            raise CellRefused("import.cell_marks", file=file, sheet=where, row=row, column=column,
                              marks=len(run.group()), limit=limits.MAX_MARKS)


def is_plain(text: str) -> bool:
    """A text cheap to normalise: not longer than limits.MAX_CELL_CHARS, no run of combining marks."""
    return len(text) <= limits.MAX_CELL_CHARS and (text.isascii() or mark_run(text) is None)


def shown(text: str, width: int = 80) -> str:
    """A value as a report line shows it: at most `width` characters."""
    return text if len(text) <= width else text[:width - 1] + "…"


def cell_text(v: object) -> str:
    """A cell as the clerk sees it: numbers without ".0", dates as dd/mm/yyyy, empty for None."""
    t = v.__class__
    if t is str:
        return v  # type: ignore[return-value]
    if t is float:
        return str(int(v)) if v.is_integer() else repr(v)  # type: ignore[attr-defined, call-overload]  # v is a float
    if v is None:
        return ""
    if t is bool:
        return "x" if v else ""
    if isinstance(v, (date, datetime)):
        return v.strftime("%d/%m/%Y")
    return str(v)


def clean(value: object) -> str:
    """Text as stored: NFC, spaces collapsed (ASCII skips the normalisation)."""
    text = cell_text(value)
    return " ".join(text.split()) if text.isascii() else nfc(text)


class Memo(dict[Any, tuple[Any, Any]]):
    """value -> (result, None) or (None, (error key, params)) for a lookup whose inputs repeat in a file."""

    def __init__(self, fn: Callable[[Any], Any]) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, value: Any) -> tuple[Any, Any]:
        out: tuple[Any, Any]
        try:
            out = (self.fn(value), None)
        except HgdError as exc:
            out = (None, (exc.key, exc.params))
        self[value] = out
        return out

