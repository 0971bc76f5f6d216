"""An old .xls looked at before the spreadsheet library reads it: the compound file's sector chains are walked the
way the library walks them (a chain that loops would make it read, and allocate, without end), the Workbook stream
is taken out, and its records are read for what would make the library allocate without bound: a dimensions
record or a cell far away (it builds rows x columns cells), a shared-strings count it reserves room for.
References: [MS-CFB] 2.2-2.6; [MS-XLS] 2.4 (BOF, EOF, FilePass, SST, BoundSheet8, Dimensions and the cell records).
"""
from __future__ import annotations

import struct
from array import array
from collections.abc import Iterator
from pathlib import Path

from app.errors import HgdError
from app.io import limits
from app.io.cells import column_letter
from app.io.report import number
from app.io.sheetscan import check_area

ENDOFCHAIN, RESERVED, DIFSECT = 0xFFFFFFFE, 0xFFFFFFFA, 0xFFFFFFFC
_CELLS = {0x0203, 0x0204, 0x0205, 0x027E, 0x00FD, 0x0006}   # Number, Label, BoolErr, RK, LabelSst, Formula
_MULRK, _DIMENSIONS, _EOF, _BOF, _SST, _FILEPASS, _BOUNDSHEET = 0x00BD, 0x0200, 0x000A, 0x0809, 0x00FC, 0x002F, 0x0085


class _Corrupt(Exception):
    pass


class _Cfb:
    def __init__(self, data: bytes) -> None:
        if len(data) < 512:
            raise _Corrupt
        shift, mini_shift = struct.unpack_from("<HH", data, 30)
        if shift not in (9, 12) or mini_shift != 6:
            raise _Corrupt
        self.data, self.size = data, 1 << shift
        self.sectors = max(0, -(-(len(data) - self.size) // self.size))   # sectors after the header
        _n_fat, self.dir_start = struct.unpack_from("<II", data, 44)
        self.mini_start, self.n_mini, difat_start, _n_difat = struct.unpack_from("<IIII", data, 60)
        difat = list(struct.unpack_from("<109I", data, 76))
        seen: set[int] = set()
        sector = difat_start
        while sector < RESERVED:   # the DIFAT chain: each sector's last entry points to the next
            if sector in seen or sector >= self.sectors:
                raise _Corrupt
            seen.add(sector)
            entries = list(struct.unpack_from(f"<{self.size // 4}I", self._sector(sector)))
            difat += entries[:-1]
            sector = entries[-1]
        self.fat = array("I")
        for sector in difat:
            if sector < DIFSECT:
                if sector >= self.sectors:
                    raise _Corrupt
                self.fat.frombytes(self._sector(sector))
        if self.fat.itemsize != 4:  # pragma: no cover - array("I") is 4 bytes on every platform we run on
            raise _Corrupt

    def _sector(self, sector: int) -> bytes:
        at = (sector + 1) * self.size
        chunk = self.data[at:at + self.size]
        return chunk.ljust(self.size, b"\0")

    def chain(self, start: int, fat: array[int], size: int, read: bool = True, limit: int | None = None) -> bytes:
        """The sectors of a chain (no loop, every sector in the file) up to `limit` bytes."""
        out, seen = [], set()
        sector, got = start, 0
        bound = len(fat)
        while sector != ENDOFCHAIN and (limit is None or got < limit):
            if sector in seen or sector >= bound or sector >= (self.sectors if size == self.size else bound):
                raise _Corrupt
            seen.add(sector)
            if read:
                out.append(self._sector(sector) if size == self.size else self.mini[sector * 64:(sector + 1) * 64])
            got += size
            sector = fat[sector]
        return b"".join(out)

    def stream(self, names: tuple[str, ...]) -> bytes:
        directory = self.chain(self.dir_start, self.fat, self.size)
        entries = []
        for at in range(0, len(directory) - 127, 128):
            n = min(struct.unpack_from("<H", directory, at + 64)[0], 64)
            name = directory[at:at + max(0, n - 2)].decode("utf-16-le", errors="replace")
            start = struct.unpack_from("<I", directory, at + 116)[0]
            length = struct.unpack_from("<Q" if self.size == 4096 else "<I", directory, at + 120)[0]
            entries.append((name, start, length))
        if not entries:
            raise _Corrupt
        root_start, root_len = entries[0][1], entries[0][2]
        self.mini = b""
        if self.n_mini > 0:   # the library loads the mini stream whenever there is a mini FAT
            if root_len > len(self.data):
                raise _Corrupt
            self.mini = self.chain(root_start, self.fat, self.size, limit=root_len)[:root_len]
            minifat = array("I")
            minifat.frombytes(self.chain(self.mini_start, self.fat, self.size, limit=self.n_mini * self.size))
            self.minifat = minifat
        for name, start, length in entries:
            if name in names:
                if length > len(self.data) + len(self.mini):
                    raise _Corrupt
                if length < 4096:
                    if not self.mini:
                        raise _Corrupt
                    return self.chain(start, self.minifat, 64, limit=length)[:length]
                return self.chain(start, self.fat, self.size, limit=length)[:length]
        raise _Corrupt


def _records(stream: bytes, at: int) -> Iterator[tuple[int, int, int]]:
    end = len(stream)
    while at + 4 <= end:
        kind, length = struct.unpack_from("<HH", stream, at)
        yield kind, at + 4, length
        at += 4 + length


def check_xls(path: Path) -> None:
    """Refuse an .xls whose compound file loops or lies, that is encrypted, or whose sheets the library would build
    too large; HgdError names the file (and the sheet and cell where it applies)."""
    data = path.read_bytes()
    try:
        stream = _Cfb(data).stream(("Workbook", "Book"))
    except (_Corrupt, struct.error, IndexError, OverflowError):
        raise HgdError("import.corrupt", file=path.name) from None
    del data
    sheets: list[tuple[int, str]] = []
    for kind, at, length in _records(stream, 0):
        if kind == _EOF:
            break
        if kind == _FILEPASS:
            raise HgdError("import.encrypted", file=path.name)
        if kind == _SST and length >= 8:
            unique = struct.unpack_from("<i", stream, at + 4)[0]
            if unique < 0 or unique > limits.MAX_SHARED_STRINGS or unique > len(stream):
                raise HgdError("import.too_many_strings", file=path.name, count=number(abs(unique)),
                               limit=number(limits.MAX_SHARED_STRINGS))
        if kind == _BOUNDSHEET and length >= 8:
            offset, n = struct.unpack_from("<I", stream, at)[0], stream[at + 6]
            flags = stream[at + 7]
            raw = stream[at + 8:at + 8 + (2 * n if flags & 1 else n)]
            sheets.append((offset, raw.decode("utf-16-le" if flags & 1 else "latin-1", errors="replace")))
    for offset, name in sheets:
        _check_sheet(path.name, name, stream, offset)


def _check_sheet(file: str, sheet: str, stream: bytes, offset: int) -> None:
    max_row = max_col = -1
    cells = 0
    for kind, at, length in _records(stream, offset):
        if kind == _EOF:
            break
        if kind == _DIMENSIONS:
            if length == 14:
                first_row, last_row, first_col, last_col = struct.unpack_from("<IIHH", stream, at)
            elif length == 10:
                first_row, last_row, first_col, last_col = struct.unpack_from("<HHHH", stream, at)
            else:
                continue
            rows, cols = max(0, last_row - first_row), max(0, last_col - first_col)
            # The library reserves (last - first) rows x columns: a first beyond the last wraps around to billions.
            if (last_row >= 1 and first_row >= last_row) or (last_col >= 1 and first_col >= last_col):
                raise HgdError("import.corrupt", file=file)
            if rows * cols > limits.MAX_CELLS or last_row > 65536 or last_col > 256:
                raise HgdError("import.too_many_cells", file=file, sheet=sheet, rows=number(rows),
                               columns=number(cols), cell=f"{column_letter(max(0, last_col - 1))}{last_row}",
                               limit=number(limits.MAX_CELLS))
            continue
        if kind in _CELLS and length >= 4:
            row, col = struct.unpack_from("<HH", stream, at)
            cells += 1
        elif kind == _MULRK and length >= 6:
            row = struct.unpack_from("<H", stream, at)[0]
            col = struct.unpack_from("<H", stream, at + length - 2)[0]
            cells += max(1, (length - 6) // 6)
        else:
            continue
        max_row = max(max_row, row)
        if col > max_col:
            max_col = col
            if col >= limits.MAX_COLUMNS:
                raise HgdError("import.too_far_column", file=file, sheet=sheet, cell=f"{column_letter(col)}{row + 1}",
                               limit=limits.MAX_COLUMNS)
    check_area(file, sheet, max_row + 1, max_col + 1, cells, final=True)
