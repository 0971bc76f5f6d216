"""Just enough of the Office 97 file formats to make test files without another dependency:

- `cfb(streams)`: an OLE compound file (CFB v3, 512-byte sectors) holding the given streams at its root. Each
  stream is padded to 4096 bytes so that none lives in the mini stream.
- `xls(rows)`: an Excel 97 (BIFF8) workbook with one sheet of text and number cells, in a CFB "Workbook" stream.
- `encrypted_xlsx()`: what Office writes for a password-protected .xlsx: a CFB with EncryptionInfo and
  EncryptedPackage streams (their contents here are placeholders: no reader gets that far).
References: [MS-CFB] sections 2.2-2.6; [MS-XLS] records BOF, BoundSheet8, Dimensions, Label, Number, EOF.
"""
from __future__ import annotations

import struct

SECTOR = 512
ENDOFCHAIN, FREESECT, FATSECT = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF


def _dir_entry(name: str, kind: int, start: int, size: int, child: int = NOSTREAM, right: int = NOSTREAM) -> bytes:
    encoded = (name + "\0").encode("utf-16-le")
    return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", NOSTREAM, right, child) + b"\0" * 16 + struct.pack("<I", 0) + b"\0" * 16
            + struct.pack("<IQ", start, size))


def cfb(streams: dict[str, bytes]) -> bytes:
    # Each stream padded to at least 4096 bytes (smaller ones would belong in the mini stream) and whole sectors.
    names = sorted(streams, key=lambda n: (len(n), n.upper()))  # CFB sibling order: by length, then name
    streams = {n: streams[n].ljust(max(4096, len(streams[n])), b"\0") for n in names}
    datas = [streams[n].ljust(-(-len(streams[n]) // SECTOR) * SECTOR, b"\0") for n in names]
    n_dir = -(-(len(names) + 1) * 128 // SECTOR)
    n_data = sum(len(d) // SECTOR for d in datas)
    n_fat = 1
    while n_fat * (SECTOR // 4) < n_fat + n_dir + n_data:
        n_fat += 1
    fat = [FATSECT] * n_fat
    first_dir = len(fat)
    fat += [first_dir + i + 1 for i in range(n_dir - 1)] + [ENDOFCHAIN]
    entries, starts = [], []
    for d in datas:
        start, count = len(fat), len(d) // SECTOR
        starts.append(start)
        fat += [start + i + 1 for i in range(count - 1)] + [ENDOFCHAIN]
    fat += [FREESECT] * (n_fat * (SECTOR // 4) - len(fat))
    entries.append(_dir_entry("Root Entry", 5, ENDOFCHAIN, 0, child=1 if names else NOSTREAM))
    for i, (name, start) in enumerate(zip(names, starts)):
        right = i + 2 if i + 1 < len(names) else NOSTREAM
        entries.append(_dir_entry(name, 2, start, len(streams[name]), right=right))
    directory = b"".join(entries).ljust(n_dir * SECTOR, b"\0")
    difat = [i for i in range(n_fat)] + [FREESECT] * (109 - n_fat)
    header = (bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 16
              + struct.pack("<HHHHH", 0x003E, 0x0003, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, n_fat, first_dir, 0, 4096, ENDOFCHAIN, 0, ENDOFCHAIN, 0)
              + struct.pack("<109I", *difat))
    assert len(header) == SECTOR
    return header + struct.pack(f"<{len(fat)}I", *fat) + directory + b"".join(datas)


def _record(kind: int, data: bytes) -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


def _bof(dt: int) -> bytes:
    return _record(0x0809, struct.pack("<HHHHII", 0x0600, dt, 0x0DBB, 0x07CC, 0, 0x06))


def _label(r: int, c: int, text: str) -> bytes:
    return _record(0x0204, struct.pack("<HHHHB", r, c, 0, len(text), 1) + text.encode("utf-16-le"))


def _number(r: int, c: int, value: float) -> bytes:
    return _record(0x0203, struct.pack("<HHHd", r, c, 0, value))


def xls(rows: list[list[object]], sheet: str = "Sheet1") -> bytes:
    """A BIFF8 workbook: strings as Label records, numbers as Number records, None/"" left empty."""
    name = sheet.encode("utf-16-le")
    cells = b"".join(
        (_label(r, c, v) if isinstance(v, str) else _number(r, c, float(v)))
        for r, row in enumerate(rows) for c, v in enumerate(row) if v not in (None, ""))
    width = max((len(r) for r in rows), default=0)
    body = (_bof(0x0010) + _record(0x0200, struct.pack("<IIHHH", 0, len(rows), 0, width, 0)) + cells
            + _record(0x000A, b""))

    def globals_(offset: int) -> bytes:
        return (_bof(0x0005) + _record(0x0042, struct.pack("<H", 1200))
                + _record(0x0085, struct.pack("<IBBBB", offset, 0, 0, len(sheet), 1) + name)
                + _record(0x000A, b""))
    head = globals_(0)
    book = globals_(len(head)) + body
    return cfb({"Workbook": book})


def encrypted_xlsx() -> bytes:
    info = struct.pack("<HHI", 4, 4, 0x40) + b"<encryption xmlns=\"http://schemas.microsoft.com/office/2006/encryption\"/>"
    return cfb({"EncryptionInfo": info, "EncryptedPackage": struct.pack("<Q", 4096) + b"\x5a" * 4096})
