"""The payload: a zip of data.json and the month's lists, encrypted with age to the office's X25519 recipient.

age is not authenticated (anyone who has the office's public key can make a valid age file), so nothing here is
used before the manifest's signature verified and the payload's SHA-256 matched it (opening.py). Even then the
inner zip is read with every bound: a commune's key may be stolen.
"""
from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Mapping
from typing import Any

import pyrage

from app import messages
from app.errors import HgdError
from app.packages import jsonstrict, limits, zipsafe
from app.packages.manifest import DATA_NAME, FileEntry, Manifest
from app.packages.units import check_age_recipient

messages.register({
    "payload.decrypt_failed": (
        "Không giải mã được dữ liệu của gói {name}: gói không được mã hóa cho khóa của cơ quan này.",
        "Cannot decrypt the data of package {name}: it was not encrypted for this office's key."),
    "payload.file_mismatch": ("Tệp '{member}' trong gói {name} không khớp với mã băm trong manifest — bị từ chối.",
                              "The file '{member}' in package {name} does not match the manifest's hash — refused."),
    "payload.data_mismatch": ("Dữ liệu trong gói {name} ghi {field} là '{found}', khác với manifest ('{expected}').",
                              ("The data in package {name} gives {field} as '{found}', unlike the manifest "
                              "('{expected}').")),
})

DATA_SCHEMA = "payload-data-v1.json"
INNER_NAME = "payload"
# Already-compressed formats are stored as they are; deflating them again costs time and gains nothing.
_STORED_SUFFIXES = (".xlsx", ".xls", ".zip", ".png", ".jpg", ".jpeg", ".docx")


def pack(data: Mapping[str, Any], files: Mapping[str, bytes]) -> tuple[bytes, tuple[FileEntry, ...]]:
    """The inner zip (data.json first, then the files by name) and the manifest's entries for it."""
    for name, content in files.items():
        if not zipsafe.PLAIN_NAME.fullmatch(name) or name == DATA_NAME:
            raise ValueError(f"not a plain file name for a package, or reserved: {name!r}")
        if len(content) > limits.MAX_INNER_FILE_BYTES:
            raise ValueError(f"{name}: larger than {limits.MAX_INNER_FILE_BYTES} bytes")
    if len(files) + 1 > limits.MAX_INNER_FILES:
        raise ValueError(f"more than {limits.MAX_INNER_FILES - 1} files in one package")
    data_json = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")
    if len(data_json) > limits.MAX_DATA_JSON_BYTES:
        raise ValueError(f"data.json larger than {limits.MAX_DATA_JSON_BYTES} bytes")
    members = [zipsafe.Member(DATA_NAME, data_json, zipsafe.DEFLATED)]
    for name in sorted(files):
        content = bytes(files[name])
        method = zipsafe.DEFLATED if _worth_deflating(name, content) else zipsafe.STORED
        members.append(zipsafe.Member(name, content, method))
    entries = tuple(sorted((FileEntry(m.name, hashlib.sha256(m.data).hexdigest(), len(m.data)) for m in members),
                           key=lambda e: e.name))
    return zipsafe.write_zip(members), entries


def _worth_deflating(name: str, content: bytes) -> bool:
    """Already-compressed content (XLSX is a zip; PDF streams usually are deflated) is stored as it is: deflating
    it again costs time and gains nothing. A sample tells for the formats the name does not."""
    if name.lower().endswith(_STORED_SUFFIXES):
        return False
    sample = content[:256 * 1024]
    return len(zlib.compress(sample, 1)) < 0.9 * len(sample)


def encrypt(inner: bytes, recipient: str) -> bytes:
    encrypted: bytes = pyrage.encrypt(inner, [check_age_recipient(recipient)])
    return encrypted


def decrypt(payload: bytes, identity: pyrage.x25519.Identity, *, name: str) -> bytes:
    try:
        inner: bytes = pyrage.decrypt(payload, [identity])
        return inner
    except pyrage.DecryptError as err:
        raise HgdError("payload.decrypt_failed", name=name) from err


def unpack(inner: bytes, manifest: Manifest, *, name: str) -> tuple[dict[str, Any], dict[str, bytes]]:
    """data.json (parsed, schema-checked) and the other files, each checked against the manifest's hash."""
    limit = zipsafe.ReadLimits(max_members=limits.MAX_INNER_FILES,
                               max_member=max(limits.MAX_DATA_JSON_BYTES, limits.MAX_INNER_FILE_BYTES),
                               max_total=limits.MAX_INNER_TOTAL_BYTES,
                               methods=frozenset({zipsafe.STORED, zipsafe.DEFLATED}))
    where = f"{name} ({INNER_NAME})"
    members = zipsafe.read_zip(inner, name=where, expected=[f.name for f in manifest.files], limit=limit)
    for entry in manifest.files:
        content = members[entry.name]
        if len(content) != entry.size or hashlib.sha256(content).hexdigest() != entry.sha256:
            raise HgdError("payload.file_mismatch", name=name, member=entry.name)
    data = jsonstrict.parse(members.pop(DATA_NAME), name=DATA_NAME, max_bytes=limits.MAX_DATA_JSON_BYTES,
                            max_depth=limits.MAX_JSON_DEPTH_DATA, strict_text=False)
    jsonstrict.validate(data, schema_name=DATA_SCHEMA, name=DATA_NAME)
    for field, found, expected in (("commune.code", data["commune"]["code"], manifest.commune_code),
                                   ("period", data["period"], manifest.period)):
        if found != expected:
            raise HgdError("payload.data_mismatch", name=name, field=field, found=found, expected=expected)
    return data, members
