"""CSV and other delimited text: the text encoding (UTF-8 with or without BOM, UTF-16 with BOM, else the Windows
code pages cp1258 — Vietnamese — or cp1252, under which TCVN3 and VNI bytes arrive), the delimiter (, ; tab |),
and the rows, streamed.

Before any row is parsed, one pass over the whole file decodes it (so a wrong guess never shows halfway), refuses
NUL bytes (binary data) and a file whose lines disagree on their encoding (rows pasted from another file: read
with one encoding, the others would be stored garbled), and counts lines, so that an oversized file is refused in
well under a second. While the rows are read, a line longer than any list needs is refused with its line and
column, and a quote that is never closed is named at its line instead of swallowing the lines after it: that
line alone is reported and the following lines are read as the rows they are.
"""
from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app import messages
from app.domain import legacy, syllables
from app.errors import HgdError
from app.io import limits
from app.io.cells import column_letter, marks_in_utf8
from app.io.report import number

messages.register({
    "import.csv_binary": (
        "Tệp '{file}' không phải văn bản CSV: dòng {row} chứa ký tự NUL (dữ liệu nhị phân).",
        "The file '{file}' is not CSV text: line {row} holds a NUL character (binary data)."),
    "import.csv_utf16_no_bom": (
        ("Tệp '{file}': có vẻ là văn bản UTF-16 không có dấu BOM (ký tự NUL ở dòng 1). Hãy mở bằng Excel hoặc "
        "Notepad và lưu lại dạng CSV UTF-8."),
        ("File '{file}': it looks like UTF-16 text without a byte-order mark (NUL characters on line 1). Open it in "
        "Excel or Notepad and save it again as CSV UTF-8.")),
    "import.csv_not_text": (
        "Tệp '{file}' không phải văn bản CSV (có nhiều ký tự điều khiển: dữ liệu nhị phân).",
        "The file '{file}' is not CSV text (many control characters: binary data)."),
    "import.csv_encoding": ("Tệp '{file}': văn bản {encoding} bị lỗi ở gần dòng {row}.",
                            "File '{file}': broken {encoding} text near line {row}."),
    "import.csv_mixed_encoding": (
        ("Tệp '{file}': các dòng không cùng một bảng mã — dòng {first} là {first_encoding} nhưng dòng {row} là "
        "{encoding} (có lẽ dán từ tệp khác). Đọc theo một bảng mã thì các dòng kia sẽ bị lưu sai chữ; hãy lưu lại "
        "toàn bộ tệp bằng một bảng mã (UTF-8) rồi nhập lại."),
        ("File '{file}': the lines do not share one encoding — line {first} is {first_encoding} but line {row} is "
        "{encoding} (perhaps pasted from another file). Read with one encoding, the others would be stored garbled; "
        "save the whole file in one encoding (UTF-8) and import again.")),
    "import.csv_bad": ("Tệp '{file}', dòng {row}: không đọc được dòng CSV ({reason}).",
                       "File '{file}', line {row}: cannot read the CSV line ({reason})."),
    "import.csv_line_too_long": (
        ("Tệp '{file}', dòng {row}, cột {column}: dòng dài hơn {limit} ký tự — không phải một dòng danh sách "
        "(có thể tệp bị hỏng hoặc thiếu ký tự xuống dòng)."),
        ("File '{file}', line {row}, column {column}: the line is longer than {limit} characters — not a list's "
        "line (the file may be damaged or lack line breaks).")),
    "import.csv_unclosed_quote": (
        ("Dấu ngoặc kép (\") mở ở ô này không được đóng: dòng này không được nhập, các dòng sau vẫn được đọc riêng. "
        "Hãy sửa ô này"),
        ("A quote (\") opened in this cell is never closed: this line is not imported, the lines after it are read "
        "on their own. Correct this cell")),
    "import.csv_too_many_rows": ("Tệp '{file}': quá nhiều dòng (hơn {rows}; tối đa {limit} dòng).",
                                 "File '{file}': too many rows (more than {rows}; at most {limit} rows)."),
})

_DELIMITERS = (",", ";", "\t", "|")
_WORD = re.compile(r"\w+")
_SAMPLE = 256 * 1024
# UTF-8 bytes of a Vietnamese letter: ạ..ỹ (E1 BA/BB xx), ă đ ĩ ũ ơ ư and their capitals (C4/C5/C6 xx). In a
# Windows code page these bytes read as "áº", "Ä‘", "Æ°": sequences no Vietnamese or Western text holds.
_UTF8_VIETNAMESE = re.compile(rb"\xe1[\xba\xbb][\x80-\xbf]|\xc4[\x82\x83\x90\x91\xa8\xa9]|\xc5[\xa8\xa9]"
                              rb"|\xc6[\xa0\xa1\xaf\xb0]")


def _latin1_fallback(err: UnicodeError) -> tuple[str, int]:
    assert isinstance(err, UnicodeDecodeError)  # registered for decoding only
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
    width: int = 0         # the usual number of fields of a record (the data rows')
    crcrlf: bool = False   # lines end in CR CR LF (a file converted twice): one line end, not two
    suspicious: bool = True  # a line longer than a cell may be, or a run of marks: each cell read is checked

    @property
    def errors(self) -> str:
        return "hgd-latin1" if self.encoding == "cp1252" else "strict"


def inspect_csv(path: Path) -> CsvInfo:
    """Decide encoding and delimiter and validate the whole file in one streamed pass; refuse binary data and
    lines that disagree on their encoding."""
    with path.open("rb") as f:
        head = f.read(_SAMPLE)
    if head.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-8-sig" if head.startswith(codecs.BOM_UTF8) else "utf-16"
        try:
            lines, quoted, suspicious = _validate(path, encoding)
        except _Undecodable as exc:
            if encoding == "utf-8-sig":
                _refuse_mixed(path)
            raise HgdError("import.csv_encoding", file=path.name, encoding=_ENCODING_NAMES[encoding],
                           row=exc.line) from None
    else:
        _refuse_binary(path, head)
        try:
            encoding, (lines, quoted, suspicious) = "utf-8", _validate(path, "utf-8")
        except _Undecodable as utf8_error:
            _refuse_mixed(path)
            encoding = _code_page(head)
            try:
                lines, quoted, suspicious = _validate(path, encoding)
            except _Undecodable:  # neither UTF-8 nor the code page: name the first line UTF-8 could not read
                raise HgdError("import.csv_encoding", file=path.name, encoding="UTF-8",
                               row=utf8_error.line) from None
    sample = head.decode(encoding, errors="replace" if encoding != "cp1252" else "hgd-latin1")
    delimiter, width = _delimiter(sample)
    info = CsvInfo(encoding, delimiter, lines, width, _crcrlf(sample), suspicious)
    if info.crcrlf:
        info.lines = max(1, info.lines)
    if lines > limits.MAX_SHEET_ROWS:
        if not quoted:  # without quotes a record is a line: no need to parse to count them
            raise HgdError("import.csv_too_many_rows", file=path.name, rows=number(limits.MAX_SHEET_ROWS),
                           limit=number(limits.MAX_SHEET_ROWS))
        _count_records(path, info)
    return info


def _refuse_binary(path: Path, head: bytes) -> None:
    nul = head.find(b"\x00")
    if nul >= 0:
        first = head[:200]
        if len(first) >= 4 and first[1::2].count(0) * 4 >= len(first[1::2]) * 3 and 0 not in first[0::2][:8]:
            raise HgdError("import.csv_utf16_no_bom", file=path.name)
        raise HgdError("import.csv_binary", file=path.name, row=head.count(b"\n", 0, nul) + 1)
    controls = sum(head.count(bytes([b])) for b in range(32) if b not in (9, 10, 12, 13))
    if controls > max(8, len(head) // 100):
        raise HgdError("import.csv_not_text", file=path.name)


def _refuse_mixed(path: Path) -> None:
    """A file that is not UTF-8 throughout: refuse it when some of its lines are UTF-8 Vietnamese and others are
    not UTF-8 at all (a code page), naming the first line that disagrees with the first line that has letters."""
    first: tuple[int, str] | None = None
    line_no = 0
    rest = b""
    with path.open("rb") as f:
        while True:
            chunk = f.read(limits.SCAN_CHUNK)
            data = rest + chunk
            lines = data.split(b"\n")
            rest = lines.pop() if chunk else b""
            for i, line in enumerate(lines):
                line_no += 1
                if line.isascii():
                    continue
                if line.startswith(codecs.BOM_UTF8):
                    line = line[3:]
                try:
                    line.decode("utf-8")
                    kind = "UTF-8" if _UTF8_VIETNAMESE.search(line) else None
                except UnicodeDecodeError as exc:
                    if not chunk and i == len(lines) - 1 and exc.reason == "unexpected end of data" and first:
                        # UTF-8 lines, the last one cut inside a letter: a cut download, not another encoding
                        raise HgdError("import.csv_encoding", file=path.name, encoding="UTF-8", row=line_no) from None
                    kind = "Windows-1258/1252"
                if kind is None:
                    continue
                if first is None:
                    first = (line_no, kind)
                elif kind != first[1]:
                    raise HgdError("import.csv_mixed_encoding", file=path.name, first=first[0],
                                   first_encoding=first[1], row=line_no, encoding=kind)
            if not chunk:
                return


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


def _validate(path: Path, encoding: str) -> tuple[int, bool, bool]:
    """Decode everything once; refuse NUL characters; return (number of lines, whether a quote was seen, whether a
    cell may need the per-cell checks: a line longer than a cell may be, a run of combining marks, or an encoding
    whose bytes are not scanned for them). Text the encoding cannot decode raises _Undecodable with its line."""
    decoder = codecs.getincrementaldecoder(encoding)("hgd-latin1" if encoding == "cp1252" else "strict")
    lines, quoted = 0, False
    suspicious = encoding not in ("utf-8", "utf-8-sig")
    since, tail = 0, b""   # characters since the last line end; the bytes a run of marks may continue from
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
            if not suspicious:
                suspicious = marks_in_utf8(tail + chunk)
                since, long = _long_line(text, since, limits.MAX_CELL_CHARS)
                suspicious = suspicious or long
                tail = chunk[-16:]
            if not chunk:
                return lines + (1 if text else 0), quoted, suspicious


def _long_line(text: str, since: int, limit: int) -> tuple[int, bool]:
    """(characters after the last line end, whether some line reaches `limit` characters). Windows of limit / 2
    characters without a line end are looked for, a few thousand searches a megabyte: a line of `limit` characters
    or more holds such a window whole."""
    first = text.find("\n")
    if first < 0:
        return since + len(text), since + len(text) >= limit
    if since + first >= limit:
        return 0, True
    last, step = text.rfind("\n"), max(1, limit // 2)
    for at in range(first + 1, last - step + 1, step):
        if text.find("\n", at, at + step) < 0:
            return 0, True
    return len(text) - last - 1, False


def _crcrlf(sample: str) -> bool:
    """Lines ending in CR CR LF: most line ends of the sample are so (a CR LF file converted once more)."""
    ends = sample.count("\n")
    return ends > 0 and sample.count("\r\r\n") * 2 > ends


def _delimiter(sample: str) -> tuple[str, int]:
    """The delimiter that splits the most of the first lines into the same number (> 1) of fields, and that number."""
    lines = [line[:limits.MAX_LINE_CHARS] for line in sample.splitlines()[:60]]
    if len(lines) > 1 and len(sample) >= _SAMPLE - 4:
        lines = lines[:-1]  # the last line of a cut sample may be incomplete
    best, best_score = ",", (0, 0)
    for delim in _DELIMITERS:
        try:
            counts = Counter(len(r) for r in csv.reader(lines, delimiter=delim) if any(c.strip() for c in r))
        except csv.Error:  # a line the csv module refuses (an overlong cell): judged when the rows are read
            continue
        if not counts:
            continue
        width, times = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        score = (times if width > 1 else 0, width)
        if score > best_score:
            best, best_score = delim, score
    return best, best_score[1]


def _open(path: Path, info: CsvInfo) -> io.TextIOWrapper:
    return io.TextIOWrapper(path.open("rb"), encoding=info.encoding, errors=info.errors, newline="")


def _count_records(path: Path, info: CsvInfo) -> None:
    n = 0
    for n, _ in enumerate(iter_rows(path, info), 1):
        if n > limits.MAX_SHEET_ROWS:
            raise HgdError("import.csv_too_many_rows", file=path.name, rows=number(n - 1),
                           limit=number(limits.MAX_SHEET_ROWS))


class BrokenRow(list[Any]):
    """The cells of a line that could not be read as one record (a quote never closed), with the issue to report:
    the reader of the rows rejects it, naming `column` (0-based), instead of reading it as a person."""

    def __init__(self, cells: list[str], column: int, key: str) -> None:
        super().__init__(cells)
        self.column = column
        self.key = key


class _RecordTooLong(Exception):
    """A quoted cell ran over more lines than one record may span."""


class _Lines:
    """The file's physical lines for the csv module: each at most limits.MAX_LINE_CHARS long, CR CR LF taken as one
    line end where the file uses it, and the lines of the record being read kept so that they can be read again
    one by one when a quote swallowed them."""

    def __init__(self, f: io.TextIOWrapper, info: CsvInfo, file: str) -> None:
        self.f, self.info, self.file = f, info, file
        self.physical = 0                         # lines read from the file
        self.pending: deque[tuple[int, str]] = deque()
        self.record: list[tuple[int, str]] = []   # (line number, text) of the record being read
        self.eof = False
        self._cr = False

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self.pending:
            item = self.pending.popleft()
        else:
            item = self._read()
        self.record.append(item)
        if len(self.record) > limits.MAX_RECORD_LINES:
            raise _RecordTooLong
        return item[1]

    def _read(self) -> tuple[int, str]:
        while True:
            line = self.f.readline(limits.MAX_LINE_CHARS + 1)
            if not line:
                self.eof = True
                raise StopIteration
            if self._cr and self.info.crcrlf and line in ("\r\n", "\n"):
                self._cr = False
                continue  # the LF (or CR LF) after a CR: the same line end
            self._cr = line.endswith("\r")
            self.physical += 1
            if len(line) > limits.MAX_LINE_CHARS:
                self._too_long(line)
            return self.physical, line

    def _too_long(self, line: str) -> None:
        try:
            fields = next(csv.reader([line[:limits.MAX_LINE_CHARS]], delimiter=self.info.delimiter))
        except (csv.Error, StopIteration):
            fields = [""]
        raise HgdError("import.csv_line_too_long", file=self.file, row=self.physical,
                       column=column_letter(max(0, len(fields) - 1)), limit=number(limits.MAX_LINE_CHARS))

    def replay_after_first(self) -> tuple[int, str]:
        """Put back every line of the current record but its first, and return the first."""
        first, rest = self.record[0], self.record[1:]
        self.pending.extendleft(reversed(rest))
        self.record = []
        return first


def _swallowed(row: list[str], lines: _Lines) -> bool:
    """A record over several lines whose quoted cell holds what looks like whole rows (a line with as many
    delimiters as a row has), or that ran to the end of the file inside a quote: a quote was never closed."""
    need = max(2, lines.info.width - 1)
    for cell in row:
        if "\n" in cell or "\r" in cell:
            if lines.eof and cell.endswith(("\n", "\r")):
                return True
            if any(part.count(lines.info.delimiter) >= need for part in cell.splitlines()[1:]):
                return True
    return False


def _broken(first: str, delimiter: str) -> BrokenRow:
    cells = next(csv.reader([first.rstrip("\r\n")], delimiter=delimiter, quoting=csv.QUOTE_NONE), [])
    column = next((i for i, c in enumerate(cells) if '"' in c), 0)
    return BrokenRow([c.replace('"', "") for c in cells], column, "import.csv_unclosed_quote")


def iter_rows(path: Path, info: CsvInfo) -> Iterator[list[str]]:
    """The records, as lists of strings (record n is the file's row n, as a spreadsheet program would show). A line
    where a quote opens and never closes comes as a BrokenRow; the lines after it are read again as records."""
    with _open(path, info) as f:
        lines = _Lines(f, info, path.name)
        while True:
            reader = csv.reader(lines, delimiter=info.delimiter)
            try:
                for row in reader:
                    if (len(lines.record) > 1 or lines.eof) and _swallowed(row, lines):
                        break
                    lines.record = []
                    yield row
                else:
                    return
            except (_RecordTooLong, csv.Error) as exc:
                if len(lines.record) <= 1:
                    raise HgdError("import.csv_bad", file=path.name, row=lines.physical, reason=str(exc)) from None
            _line, first = lines.replay_after_first()
            lines.eof = False
            yield _broken(first, info.delimiter)
