"""An HTML table saved under an Excel name: what web portals call "export to Excel" is a web page holding one table,
named .xls. Its rows are the <tr> elements in document order, its cells the <td>/<th> elements; colspan and
rowspan become merged ranges, exactly as in a workbook, so that a household code spanning its members' rows is
read the same way; entities are decoded and tags inside a cell dropped (<br> is a line break).

Bounded like every reader: the file's size (limits.MAX_HTML_BYTES), its rows, its columns and every span; the rows
are produced one at a time, the merged ranges found by a first pass over the tags only.
"""
from __future__ import annotations

import codecs
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import HgdError
from app.io import limits
from app.io.cells import column_letter
from app.io.report import number

_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_NOISE = re.compile(r"<!--.*?-->|<script\b.*?</script\s*>|<style\b.*?</style\s*>|<head\b.*?</head\s*>",
                    re.IGNORECASE | re.DOTALL)
_ROW = re.compile(r"<tr\b[^>]*>", re.IGNORECASE)
_ROW_END = re.compile(r"</tr\s*>|</table\s*>|</tbody\s*>|</thead\s*>", re.IGNORECASE)
_CELL = re.compile(r"<t[dh]\b([^>]*)>", re.IGNORECASE)
_SPAN = re.compile(r"""\b(colspan|rowspan)\s*=\s*["']?\s*(\d+)""", re.IGNORECASE)
_BREAK = re.compile(r"<br\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_ALLOWED = {"utf-8", "utf-16", "utf-16-le", "utf-16-be", "cp1258", "cp1252", "latin-1", "ascii"}


@dataclass
class HtmlSheet:
    rows: Iterator[list[str]]
    height: int
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    encoding: str = "utf-8"


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace"), codec
    declared = _CHARSET.search(data, 0, 65536)
    if declared:
        try:
            codec = codecs.lookup(declared.group(1).decode("ascii")).name
        except (LookupError, UnicodeDecodeError):
            codec = ""
        if codec in _ALLOWED:
            return data.decode(codec, errors="replace"), codec
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1258", errors="replace"), "cp1258"


def _spans(attrs: str) -> tuple[int, int]:
    col = row = 1
    for name, value in _SPAN.findall(attrs):
        n = max(1, min(int(value[:7]), limits.MAX_SHEET_ROWS))
        if name.lower() == "colspan":
            col = min(n, limits.MAX_COLUMNS)
        else:
            row = n
    return col, row


def _cell_text(raw: str) -> str:
    if "<" in raw:
        raw = _TAG.sub("", _BREAK.sub("\n", raw))
    return html.unescape(raw).strip() if "&" in raw else raw.strip()


def read_html(path: Path, file: str) -> HtmlSheet:
    """The page's table rows (lists of cell texts, spans expanded) and its merged ranges (0-based, inclusive)."""
    data = path.read_bytes()
    text, encoding = _decode(path, data)
    del data
    text = _NOISE.sub("", text)
    parts = _ROW.split(text)[1:]
    if len(parts) > limits.MAX_SHEET_ROWS:
        raise HgdError("import.too_many_rows", file=file, sheet="HTML", row=number(len(parts)),
                       limit=number(limits.MAX_SHEET_ROWS))
    rows = [p[:m.start()] if (m := _ROW_END.search(p)) else p for p in parts]
    del parts, text
    merged = list(_merges(rows, file))
    return HtmlSheet(_rows(rows), len(rows), merged, encoding)


def _layout(rows: list[str], file: str) -> Iterator[tuple[int, int, list[tuple[int, int, int, int]]]]:
    """For each row: (row index, width, [(column, colspan, rowspan, cell's position in the row's cell list)])."""
    pending: dict[int, int] = {}   # column -> rows still covered by a rowspan from above
    for r, row in enumerate(rows):
        placed = []
        c = 0
        for k, m in enumerate(_CELL.finditer(row)):
            while pending.get(c, 0) > 0:
                c += 1
            cs, rs = _spans(m.group(1))
            rs = min(rs, len(rows) - r)
            if c >= limits.MAX_COLUMNS:
                raise HgdError("import.too_far_column", file=file, sheet="HTML", cell=f"{column_letter(c)}{r + 1}",
                               limit=limits.MAX_COLUMNS)
            cs = min(cs, limits.MAX_COLUMNS - c)   # a title spanning more columns than a list has: its empty tail
            placed.append((c, cs, rs, k))
            if rs > 1:
                for col in range(c, c + cs):
                    pending[col] = rs
            c += cs
        width = max([c] + [col + 1 for col, left in pending.items() if left > 0])
        yield r, width, placed
        for col in [col for col, left in pending.items() if left > 0]:
            pending[col] -= 1


def _merges(rows: list[str], file: str) -> Iterator[tuple[tuple[int, int], tuple[int, int]]]:
    count = 0
    for r, _width, placed in _layout(rows, file):
        for c, cs, rs, _k in placed:
            if cs > 1 or rs > 1:
                count += 1
                if count > limits.MAX_MERGES:
                    raise HgdError("import.too_many_merges", file=file, sheet="HTML", count=number(count),
                                   limit=number(limits.MAX_MERGES))
                yield (r, c), (r + rs - 1, c + cs - 1)


def _rows(rows: list[str]) -> Iterator[list[str]]:
    for r, width, placed in _layout(rows, ""):
        cells = [""] * width
        texts = [m for m in _CELL.finditer(rows[r])]
        for c, _cs, _rs, k in placed:
            end = texts[k + 1].start() if k + 1 < len(texts) else len(rows[r])
            cells[c] = _cell_text(rows[r][texts[k].end():end])
        rows[r] = ""  # the row's markup is no longer needed
        yield cells
