"""ZIP archives for packages, acknowledgements and the payload inside them.

Written in one canonical form by our own few lines (stored or deflated members, fixed date and attributes, no
extra fields, no comment), so that the same members always give the same bytes whichever Python wrote them: a
reader rebuilds the archive from what it read and compares, and a flipped bit anywhere in the zip structure (dates,
attributes, version fields — places no checksum covers) is refused. Read with Python's zipfile as hostile input:
names, kinds, methods and declared sizes are checked in the central directory before anything is decompressed, and
every member is read with a byte budget (declared sizes may lie).
"""
from __future__ import annotations

import io
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app import messages
from app.errors import HgdError
from app.packages import limits

messages.register({
    "zip.damaged": ("Tệp {name} bị hỏng hoặc không đầy đủ (không đọc được cấu trúc ZIP).",
                    "The file {name} is damaged or incomplete (its ZIP structure cannot be read)."),
    "zip.too_many": ("Tệp {name} chứa quá nhiều thành phần ({count}; tối đa {limit}).",
                     "The file {name} holds too many members ({count}; at most {limit})."),
    "zip.unsafe_path": ("Tệp {name} chứa thành phần có đường dẫn không an toàn: '{member}' — bị từ chối.",
                        "The file {name} holds a member with an unsafe path: '{member}' — refused."),
    "zip.bad_name": ("Tệp {name} chứa thành phần có tên không hợp lệ: '{member}'.",
                     "The file {name} holds a member with an invalid name: '{member}'."),
    "zip.link": ("Tệp {name} chứa liên kết hoặc tệp đặc biệt '{member}'; chỉ chấp nhận tệp thường.",
                 "The file {name} holds a link or special file '{member}'; only plain files are accepted."),
    "zip.duplicate": ("Tệp {name} chứa hai thành phần cùng tên '{member}'.",
                      "The file {name} holds two members named '{member}'."),
    "zip.unexpected": ("Tệp {name} chứa thành phần không được phép: {members}.",
                       "The file {name} holds members that are not allowed: {members}."),
    "zip.missing": ("Tệp {name} thiếu thành phần: {members}.", "The file {name} lacks members: {members}."),
    "zip.encrypted": ("Thành phần '{member}' của tệp {name} dùng mật khẩu ZIP; định dạng gói không dùng kiểu này.",
                      "The member '{member}' of {name} uses ZIP encryption, which the package format never uses."),
    "zip.method": ("Thành phần '{member}' của tệp {name} dùng kiểu nén không được phép.",
                   "The member '{member}' of {name} uses a compression method that is not allowed."),
    "zip.too_large": ("Thành phần '{member}' của tệp {name} quá lớn ({size} byte; tối đa {limit}).",
                      "The member '{member}' of {name} is too large ({size} bytes; at most {limit})."),
    "zip.total_too_large": ("Tệp {name} giải nén ra quá lớn ({size} byte; tối đa {limit}).",
                            "The file {name} unpacks to too much ({size} bytes; at most {limit})."),
    "zip.bomb": (("Thành phần '{member}' của tệp {name} có tỷ lệ nén bất thường (gấp {ratio} lần): nghi là bom giải "
                 "nén, bị từ chối để bảo vệ máy."),
                 ("The member '{member}' of {name} packs abnormally well ({ratio} times): a suspected decompression "
                 "bomb, refused to protect the computer.")),
    "zip.size_lie": ("Thành phần '{member}' của tệp {name} có kích thước thật khác kích thước khai báo — bị từ chối.",
                     "The member '{member}' of {name} is not the size it declares — refused."),
    "zip.crc": ("Thành phần '{member}' của tệp {name} bị hỏng (sai mã kiểm tra CRC).",
                "The member '{member}' of {name} is damaged (wrong CRC check value)."),
    "zip.not_canonical": ("Cấu trúc tệp {name} đã bị thay đổi (không đúng dạng chuẩn của tệp hgd) — bị từ chối.",
                          ("The structure of {name} has been altered (not the canonical form of an hgd file) — "
                          "refused.")),
})

STORED, DEFLATED = zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED
# A plain name in one folder: no separator, no '..', no drive, no control character; ASCII so every tool agrees.
PLAIN_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
_DOS_DATE = (0 << 9) | (1 << 5) | 1     # 1980-01-01: archives carry no clock, so equal content gives equal bytes
_DOS_TIME = 0
_VERSION = 20                            # 2.0: deflate
_MADE_BY = (3 << 8) | _VERSION           # Unix, so the mode bits below mean what they say
FILE_ATTR = (stat.S_IFREG | 0o644) << 16
_EOCD = struct.Struct("<IHHHHIIH")
_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_MAX_32 = 0xFFFFFFFF


@dataclass(frozen=True)
class Member:
    name: str
    data: bytes
    method: int = STORED
    external_attr: int = FILE_ATTR     # the corpus of bad archives sets others (links); our writers never do


@dataclass(frozen=True)
class ReadLimits:
    max_members: int
    max_member: int
    max_total: int
    methods: frozenset[int] = frozenset({STORED})
    max_ratio: int = limits.MAX_RATIO
    ratio_floor: int = limits.RATIO_FLOOR


def deflate(data: bytes) -> bytes:
    # Level 3: on a month's data.json as small as level 6 within 12 %, in half the time.
    packer = zlib.compressobj(3, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def write_zip(members: Iterable[Member], *, check_names: bool = True) -> bytes:
    """The canonical archive of these members, in this order. `check_names=False`: names checked already."""
    parts: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    count = 0
    for m in members:
        if check_names and not PLAIN_NAME.fullmatch(m.name):
            raise ValueError(f"not a plain member name: {m.name!r}")
        name = m.name.encode("utf-8")
        body = deflate(m.data) if m.method == DEFLATED else m.data
        if max(len(body), len(m.data), offset) >= _MAX_32:
            raise ValueError("archive too large for a plain zip")
        crc = zlib.crc32(m.data)
        flags = 0x800 if not m.name.isascii() else 0
        header = _LOCAL.pack(0x04034B50, _VERSION, flags, m.method, _DOS_TIME, _DOS_DATE, crc, len(body),
                             len(m.data), len(name), 0)
        central.append(_CENTRAL.pack(0x02014B50, _MADE_BY, _VERSION, flags, m.method, _DOS_TIME, _DOS_DATE, crc,
                                     len(body), len(m.data), len(name), 0, 0, 0, 0, m.external_attr, offset) + name)
        parts += (header, name, body)
        offset += len(header) + len(name) + len(body)
        count += 1
    directory = b"".join(central)
    parts += (directory, _EOCD.pack(0x06054B50, 0, 0, count, count, len(directory), offset, 0))
    return b"".join(parts)


def read_zip(data: bytes, *, name: str, expected: Sequence[str] | None, allowed: Iterable[str] = (),
             limit: ReadLimits, canonical: bool = False) -> dict[str, bytes]:
    """The members of an archive we wrote, by name, in archive order, after every check. `expected`: the names that
    must be there (exactly those, plus any of `allowed`); None: any plain names. `canonical`: also require the
    bytes to be exactly those write_zip makes of the members (stored ones only), the expected ones first in the
    order given."""
    infos = _central_directory(data, name, limit)
    _check_names(infos, name, expected, allowed)
    total = 0
    for info in infos:
        _check_member(info, name, limit)
        total += info.file_size
        if total > limit.max_total:
            raise HgdError("zip.total_too_large", name=name, size=total, limit=limit.max_total)
    members = _read_members(data, infos, name)
    if canonical:
        order = [n for n in expected or () if n in members] + [n for n in members if n not in (expected or ())]
        if not _is_canonical(data, [(n, members[n]) for n in order]):
            raise HgdError("zip.not_canonical", name=name)
    return members


def _is_canonical(data: bytes, members: list[tuple[str, bytes]]) -> bool:
    """Whether `data` is exactly write_zip(members) (all stored), compared piece by piece: the members' contents
    are not copied a second time."""
    view = memoryview(data)
    central: list[bytes] = []
    offset = 0
    for member_name, content in members:
        name = member_name.encode("utf-8")
        flags = 0x800 if not member_name.isascii() else 0
        crc = zlib.crc32(content)
        header = _LOCAL.pack(0x04034B50, _VERSION, flags, STORED, _DOS_TIME, _DOS_DATE, crc, len(content),
                             len(content), len(name), 0) + name
        central.append(_CENTRAL.pack(0x02014B50, _MADE_BY, _VERSION, flags, STORED, _DOS_TIME, _DOS_DATE, crc,
                                     len(content), len(content), len(name), 0, 0, 0, 0, FILE_ATTR, offset) + name)
        end = offset + len(header) + len(content)
        if view[offset:offset + len(header)] != header or view[offset + len(header):end] != content:
            return False
        offset = end
    directory = b"".join(central)
    tail = directory + _EOCD.pack(0x06054B50, 0, 0, len(members), len(members), len(directory), offset, 0)
    return len(data) == offset + len(tail) and view[offset:] == tail


def _central_directory(data: bytes, name: str, limit: ReadLimits) -> list[zipfile.ZipInfo]:
    # Our archives end with a bare end record (no comment). Reading the entry count from it first keeps a hostile
    # directory of millions of entries from being parsed into memory.
    if len(data) < _EOCD.size or data[-_EOCD.size:-_EOCD.size + 4] != b"PK\x05\x06":
        raise HgdError("zip.damaged", name=name)
    _, disk, cd_disk, on_disk, count, cd_size, cd_offset, comment = _EOCD.unpack(data[-_EOCD.size:])
    if disk or cd_disk or on_disk != count or comment or count == 0xFFFF or _MAX_32 in (cd_size, cd_offset):
        raise HgdError("zip.damaged", name=name)
    if count > limit.max_members:
        raise HgdError("zip.too_many", name=name, count=count, limit=limit.max_members)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, NotImplementedError, OSError, EOFError,
            struct.error, UnicodeDecodeError) as err:
        raise HgdError("zip.damaged", name=name) from err
    if len(infos) != count:
        raise HgdError("zip.damaged", name=name)
    return infos


def _check_names(infos: list[zipfile.ZipInfo], name: str, expected: Sequence[str] | None,
                 allowed: Iterable[str]) -> None:
    seen: set[str] = set()
    for info in infos:
        member = info.orig_filename
        if ("/" in member or "\\" in member or ".." in member or ":" in member or "\0" in member
                or member != info.filename):
            raise HgdError("zip.unsafe_path", name=name, member=_shown(member))
        if not PLAIN_NAME.fullmatch(member):
            raise HgdError("zip.bad_name", name=name, member=_shown(member))
        if member in seen:
            raise HgdError("zip.duplicate", name=name, member=member)
        seen.add(member)
    if expected is not None:
        extra = sorted(seen - set(expected) - set(allowed))
        if extra:
            raise HgdError("zip.unexpected", name=name, members=", ".join(extra))
        missing = [n for n in expected if n not in seen]
        if missing:
            raise HgdError("zip.missing", name=name, members=", ".join(missing))


def _check_member(info: zipfile.ZipInfo, name: str, limit: ReadLimits) -> None:
    member = info.orig_filename
    kind = stat.S_IFMT(info.external_attr >> 16)    # 0: no Unix type given (permissions only, or a DOS zip)
    if (kind and kind != stat.S_IFREG) or info.is_dir():
        raise HgdError("zip.link", name=name, member=member)
    if info.flag_bits & 0x1:
        raise HgdError("zip.encrypted", name=name, member=member)
    if info.compress_type not in limit.methods:
        raise HgdError("zip.method", name=name, member=member)
    if info.file_size > limit.max_member:
        raise HgdError("zip.too_large", name=name, member=member, size=info.file_size, limit=limit.max_member)
    if info.compress_type == STORED and info.compress_size != info.file_size:
        raise HgdError("zip.size_lie", name=name, member=member)
    if info.file_size > limit.ratio_floor and info.file_size > limit.max_ratio * max(info.compress_size, 1):
        raise HgdError("zip.bomb", name=name, member=member, ratio=info.file_size // max(info.compress_size, 1))


def _read_members(data: bytes, infos: list[zipfile.ZipInfo], name: str) -> dict[str, bytes]:
    members: dict[str, bytes] = {}
    current = ""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in infos:
                current = info.orig_filename
                members[current] = _read_one(archive, info, name)
    except HgdError:
        raise
    except zipfile.BadZipFile as err:
        key = "zip.crc" if "CRC" in str(err) else "zip.damaged"
        raise HgdError(key, name=name, member=current) from err
    except (zipfile.LargeZipFile, ValueError, NotImplementedError, OSError, EOFError, struct.error,
            zlib.error) as err:
        raise HgdError("zip.damaged", name=name) from err
    return members


def _read_one(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    # zipfile stops at the declared size and checks the CRC at the end; asking for one byte more is a second guard
    # that does not depend on that behaviour.
    with archive.open(info) as stream:
        content = stream.read(info.file_size + 1)    # one allocation, at most one byte past the declared size
    if len(content) != info.file_size:
        raise HgdError("zip.size_lie", name=name, member=info.orig_filename)
    return content


def _shown(member: str) -> str:
    """A hostile name as it may be shown: printable, bounded."""
    text = "".join(c if c.isprintable() else "?" for c in member)
    return text if len(text) <= 80 else text[:77] + "..."
