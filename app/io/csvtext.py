"""CSV and other delimited text: the text encoding (UTF-8 with or without BOM, UTF-16 with BOM, else the Windows
code pages cp1258 — Vietnamese — or cp1252, under which TCVN3 and VNI bytes arrive), the delimiter (, ; tab |),
and the rows, streamed.

Before any row is parsed, one pass over the whole file decodes it (so a wrong guess never shows halfway), refuses
NUL bytes (binary data), and counts lines, so that an oversized file is refused in well under a second.
"""
from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app import messages
from app.domain import legacy, syllables
from app.errors import HgdError
from app.io import limits
from app.io.report import number

messages.register({
    "import.csv_binary": (
        "Tệp '{file}' không phải văn bản CSV: dòng {row} chứa ký tự NUL (dữ liệu nhị phân).",
        "The file '{file}' is not CSV text: line {row} holds a NUL character (binary data)."),
    "import.csv_not_text": (
        "Tệp '{file}' không phải văn bản CSV (có nhiều ký tự điều khiển: dữ liệu nhị phân).",
        "The file '{file}' is not CSV text (many control characters: binary data)."),
    "import.csv_encoding": ("Tệp '{file}': văn bản {encoding} bị lỗi ở gần dòng {row}.",
                            "File '{file}': broken {encoding} text near line {row}."),
    "import.csv_bad": ("Tệp '{file}', dòng {row}: không đọc được dòng CSV ({reason}).",
                       "File '{file}', line {row}: cannot read the CSV line ({reason})."),
    "import.csv_too_many_rows": ("Tệp '{file}': quá nhiều dòng (hơn {rows}; tối đa {limit} dòng).",
                                 "File '{file}': too many rows (more than {rows}; at most {limit} rows)."),
})

_DELIMITERS = (",", ";", "\t", "|")
_WORD = re.compile(r"\w+")
_SAMPLE = 256 * 1024


def _latin1_fallback(err: UnicodeDecodeError) -> tuple[str, int]:
    # cp1252 leaves five bytes undefined; in a legacy-font file they are simply the Latin-1 characters.
    return err.object[err.start:err.end].decode("latin-1"), err.end


codecs.register_error("hgd-latin1", _latin1_fallback)


_ENCODING_NAMES = {"utf-8-sig": "UTF-8", "utf-8": "UTF-8", "utf-16": "UTF-16", "cp1258": "Windows-1258",
                   "cp1252": "Windows-1252"}


class _Undecodable(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


@dataclass
class CsvInfo:
    encoding: str          # the codec: utf-8-sig, utf-8, utf-16, cp1258, cp1252
    delimiter: str
    lines: int             # physical lines (for progress; a quoted cell may span lines)

    @property
    def errors(self) -> str:
        return "hgd-latin1" if self.encoding == "cp1252" else "strict"



def inspect_csv(path: Path) -> CsvInfo:
    """Decide encoding and delimiter and validate the whole file in one streamed pass; refuse binary data."""
    with path.open("rb") as f:
        head = f.read(_SAMPLE)
    if head.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-8-sig" if head.startswith(codecs.BOM_UTF8) else "utf-16"
        try:
            lines, quoted = _validate(path, encoding)
        except _Undecodable as exc:
            raise HgdError("import.csv_encoding", file=path.name, encoding=_ENCODING_NAMES[encoding],
                           row=exc.line) from None
    else:
        _refuse_binary(path, head)
        try:
            encoding, (lines, quoted) = "utf-8", _validate(path, "utf-8")
        except _Undecodable as utf8_error:
            encoding = _code_page(head)
            try:
                lines, quoted = _validate(path, encoding)
            except _Undecodable:  # neither UTF-8 nor the code page: name the first line UTF-8 could not read
                raise HgdError("import.csv_encoding", file=path.name, encoding="UTF-8",
                               row=utf8_error.line) from None
    sample = head.decode(encoding, errors="replace" if encoding != "cp1252" else "hgd-latin1")
    info = CsvInfo(encoding, _delimiter(sample), lines)
    if lines > limits.MAX_SHEET_ROWS:
        if not quoted:  # without quotes a record is a line: no need to parse to count them
            raise HgdError("import.csv_too_many_rows", file=path.name, rows=number(limits.MAX_SHEET_ROWS),
                           limit=number(limits.MAX_SHEET_ROWS))
        _count_records(path, info)
    return info


def _refuse_binary(path: Path, head: bytes) -> None:
    nul = head.find(b"\x00")
    if nul >= 0:
        raise HgdError("import.csv_binary", file=path.name, row=head.count(b"\n", 0, nul) + 1)
    controls = sum(head.count(bytes([b])) for b in range(32) if b not in (9, 10, 12, 13))
    if controls > max(8, len(head) // 100):
        raise HgdError("import.csv_not_text", file=path.name)


def _code_page(head: bytes) -> str:
    """cp1258 (Vietnamese Windows) or cp1252 (Western; legacy-font text arrives this way): the reading under which
    more words are Vietnamese syllables wins. TCVN3 and VNI are then recognised per column, like in XLSX cells."""
    vn = unicodedata.normalize("NFC", head.decode("cp1258", errors="replace")).lower()
    vn_score = sum(1 for w in _WORD.findall(vn) if not w.isascii() and syllables.is_syllable(w))
    western = head.decode("cp1252", errors="hgd-latin1")
    cells = [c for line in western.splitlines()[:2000] for c in re.split(r"[,;\t|]", line)]
    enc = legacy.detect_encoding(cells)
    if enc == "unicode":
        return "cp1258" if vn_score else "cp1252"
    converted = legacy.to_unicode(" ".join(cells), enc).lower()
    legacy_score = sum(1 for w in _WORD.findall(converted) if not w.isascii() and syllables.is_syllable(w))
    return "cp1258" if vn_score > legacy_score else "cp1252"


def _validate(path: Path, encoding: str) -> tuple[int, bool]:
    """Decode everything once; refuse NUL characters; return (number of lines, whether a quote was seen). Text
    the encoding cannot decode raises _Undecodable with its line number."""
    decoder = codecs.getincrementaldecoder(encoding)("hgd-latin1" if encoding == "cp1252" else "strict")
    lines, quoted = 0, False
    with path.open("rb") as f:
        while True:
            chunk = f.read(limits.SCAN_CHUNK)
            try:
                text = decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                raise _Undecodable(lines + exc.object.count(b"\n", 0, exc.start) + 1) from None
            nul = text.find("\x00")
            if nul >= 0:
                raise HgdError("import.csv_binary", file=path.name, row=lines + text.count("\n", 0, nul) + 1)
            lines += text.count("\n")
            quoted = quoted or '"' in text
            if not chunk:
                return lines + (1 if text else 0), quoted


def _delimiter(sample: str) -> str:
    """The delimiter that splits the most of the first lines into the same number (> 1) of fields."""
    lines = sample.splitlines()[:60]
    if len(lines) > 1 and len(sample) >= _SAMPLE - 4:
        lines = lines[:-1]  # the last line of a cut sample may be incomplete
    best, best_score = ",", (0, 0)
    for delim in _DELIMITERS:
        counts = Counter(len(r) for r in csv.reader(lines, delimiter=delim) if any(c.strip() for c in r))
        if not counts:
            continue
        width, times = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        score = (times if width > 1 else 0, width)
        if score > best_score:
            best, best_score = delim, score
    return best


def _open(path: Path, info: CsvInfo) -> io.TextIOWrapper:
    return io.TextIOWrapper(path.open("rb"), encoding=info.encoding, errors=info.errors, newline="")


def _count_records(path: Path, info: CsvInfo) -> None:
    with _open(path, info) as f:
        for n, _ in enumerate(csv.reader(f, delimiter=info.delimiter), 1):
            if n > limits.MAX_SHEET_ROWS:
                raise HgdError("import.csv_too_many_rows", file=path.name, rows=number(n - 1),
                               limit=number(limits.MAX_SHEET_ROWS))


def iter_rows(path: Path, info: CsvInfo) -> Iterator[list[str]]:
    """The records, as lists of strings (record n is the file's row n, as a spreadsheet program would show)."""
    with _open(path, info) as f:
        reader = csv.reader(f, delimiter=info.delimiter)
        try:
            for row in reader:
                yield row
        except csv.Error as exc:
            raise HgdError("import.csv_bad", file=path.name, row=reader.line_num, reason=str(exc)) from None
