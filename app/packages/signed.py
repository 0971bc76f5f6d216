"""A signed JSON document in a canonical zip: `<doc>.json`, `<doc>.json.minisig`, and for a package `payload.age`.

The shape shared by packages, acknowledgements and key rotation notices. Reading goes: bounded file read → zip
checks (names, kinds, sizes, canonical bytes) → signature parsed and verified against the registered keys over the
document's exact bytes → only then the JSON is parsed and checked against its schema. Nothing of the document is
believed before its signature verified.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import minisign

from app import messages
from app.errors import HgdError
from app.packages import jsonstrict, limits, minisig, trust, zipsafe
from app.packages.trust import TrustedKey

messages.register({
    "file.unreadable": ("Không đọc được tệp {name}: {detail}.", "Cannot read the file {name}: {detail}."),
    "file.too_large": ("Tệp {name} quá lớn ({size} byte; tối đa {limit}) — không phải tệp hgd hợp lệ.",
                       "The file {name} is too large ({size} bytes; at most {limit}) — not a valid hgd file."),
    "file.exists": ("Tệp {name} đã có trong thư mục {folder}; không ghi đè.",
                    "The file {name} already exists in {folder}; not overwritten."),
    "file.write_failed": ("Không ghi được tệp {name} vào thư mục {folder}: {detail}.",
                          "Cannot write the file {name} into {folder}: {detail}."),
    "signature.comment_mismatch": (
        ("Phần chú thích được ký của {name} không khớp với nội dung (mã xã, kỳ, số thứ tự, mã gói hoặc mã băm) — "
        "bị từ chối."),
        ("The signed comment of {name} disagrees with its content (commune code, period, sequence, package id or "
        "hash) — refused.")),
})


@dataclass(frozen=True)
class Unsealed:
    doc: dict[str, Any]                 # schema-valid
    raw: bytes                          # the document's exact bytes (what the signature covers)
    signature: minisign.Signature
    signer: TrustedKey                  # the registered key whose signature verified (unit and dates not yet checked)
    members: dict[str, bytes]
    file_sha256: str


def seal(doc_name: str, doc: bytes, signature: bytes, extra: Sequence[zipsafe.Member] = ()) -> bytes:
    return zipsafe.write_zip([zipsafe.Member(doc_name, doc), zipsafe.Member(doc_name + ".minisig", signature),
                              *extra])


def read_file(path: Path, *, max_bytes: int) -> bytes:
    """The whole file, refusing before reading when it is larger than `max_bytes`."""
    name = Path(path).name
    try:
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > max_bytes:
                raise HgdError("file.too_large", name=name, size=size, limit=max_bytes)
            data = f.read(size + 1)     # read(n) reserves n bytes first: ask for what the file holds
    except OSError as err:
        raise HgdError("file.unreadable", name=name, detail=err.strerror or type(err).__name__) from err
    if len(data) > max_bytes:
        raise HgdError("file.too_large", name=name, size=len(data), limit=max_bytes)
    return data


def unseal(data: bytes, *, name: str, doc_name: str, schema_name: str, candidates: Sequence[TrustedKey],
           max_doc: int, extra: Sequence[str] = ()) -> Unsealed:
    signature_name = doc_name + ".minisig"
    limit = zipsafe.ReadLimits(max_members=2 + len(extra), max_member=len(data), max_total=len(data))
    members = zipsafe.read_zip(data, name=name, expected=[doc_name, signature_name, *extra], limit=limit,
                               canonical=True)
    signature = minisig.parse(members[signature_name], name=signature_name)
    raw = members[doc_name]
    if len(raw) > max_doc:
        raise HgdError("json.too_large", name=doc_name, size=len(raw), limit=max_doc)
    signer = trust.verify(raw, signature, candidates, name=name)
    doc = jsonstrict.parse(raw, name=doc_name, max_bytes=max_doc, max_depth=limits.MAX_JSON_DEPTH_SMALL,
                           strict_text=True)
    jsonstrict.validate(doc, schema_name=schema_name, name=doc_name)
    return Unsealed(doc, raw, signature, signer, members, hashlib.sha256(data).hexdigest())


def check_comment(unsealed: Unsealed, expected: str, *, name: str) -> None:
    if unsealed.signature.trusted_comment != expected:
        raise HgdError("signature.comment_mismatch", name=name)



def write_atomic(folder: Path, file_name: str, data: bytes, *, check: Any = None) -> Path:
    """Write `data` as folder/file_name: first under a temporary name in the same folder, read back and passed to
    `check(path)` if given, then renamed. An existing file is never overwritten; on any failure nothing is left."""
    folder = Path(folder)
    final = folder / file_name
    if final.exists():
        raise HgdError("file.exists", name=file_name, folder=str(folder))
    try:
        handle, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{file_name}.", suffix=".part")
    except OSError as err:
        raise HgdError("file.write_failed", name=file_name, folder=str(folder),
                       detail=err.strerror or type(err).__name__) from err
    temp = Path(temp_name)
    try:
        with open(handle, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(temp, 0o644)   # mkstemp makes it private; a package is meant to be carried and read
        if check is not None:
            check(temp)
        if final.exists():
            raise HgdError("file.exists", name=file_name, folder=str(folder))
        os.replace(temp, final)
    except OSError as err:
        raise HgdError("file.write_failed", name=file_name, folder=str(folder),
                       detail=err.strerror or type(err).__name__) from err
    finally:
        if temp.exists():
            temp.unlink()
    _sync_folder(folder)
    return final


def _sync_folder(folder: Path) -> None:
    """Make the rename durable where the system allows it (not on Windows, where the rename is already so)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
