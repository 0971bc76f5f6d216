"""The package manifest (manifest.json; schema resources/schemas/manifest-v1.json) and the names around it.

A package `hgd-<commune code>-<YYYY-MM>-<seq>.zip` (no personal data in the name) holds, in this order and nothing
else: manifest.json, manifest.json.minisig (the commune's signature of manifest.json) and payload.age (the zip of
data.json and the lists, encrypted to the office). The manifest names the payload's SHA-256 and every inner file's,
so the signature covers everything; the trusted comment of the signature repeats the fields a verifier must not
take from unsigned text.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app import messages
from app.errors import HgdError
from app.packages import jsonstrict, limits

messages.register({
    "manifest.invalid": ("Tệp {name} không hợp lệ: {detail}.", "The file {name} is invalid: {detail}."),
})

FORMAT = "hgd-package"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.json.minisig"
PAYLOAD_NAME = "payload.age"
DATA_NAME = "data.json"
SCHEMA = "manifest-v1.json"
_COMMENT_FIELDS = ("commune", "period", "seq", "id", "payload")
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})")


@dataclass(frozen=True)
class FileEntry:
    name: str
    sha256: str
    size: int


@dataclass(frozen=True)
class PackageRef:
    """What identifies a package to its acknowledgement: the commune keeps it from the build, the office from the
    verification."""
    package_id: str
    commune_code: str
    period: str
    sequence: int
    manifest_sha256: str
    payload_sha256: str


@dataclass(frozen=True)
class ManifestFields:
    """What the caller (the register) decides for a package; the builder adds the rest."""
    commune_code: str
    commune_name: str
    period: str                                  # YYYY-MM
    sequence: int                                # 1, 2, … per commune, never reused
    previous_manifest_sha256: str | None         # SHA-256 of the previous package's manifest.json; None for the first
    counts: Mapping[str, int] = field(default_factory=dict)
    created_at: datetime | None = None           # aware; default: now, local time
    package_id: str | None = None                # a uuid4 string; default: a new one


@dataclass(frozen=True)
class Manifest:
    package_id: str
    commune_code: str
    commune_name: str
    period: str
    sequence: int
    previous_manifest_sha256: str | None
    counts: Mapping[str, int]
    recipient: str
    payload_sha256: str
    payload_size: int
    files: tuple[FileEntry, ...]
    created_at: datetime

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT, "format_version": FORMAT_VERSION, "package_id": self.package_id,
            "commune": {"code": self.commune_code, "name": self.commune_name}, "period": self.period,
            "sequence": self.sequence, "previous_manifest_sha256": self.previous_manifest_sha256,
            "counts": dict(self.counts), "recipient": self.recipient,
            "payload": {"name": PAYLOAD_NAME, "archive": "zip", "sha256": self.payload_sha256,
                        "size": self.payload_size},
            "files": [{"name": f.name, "sha256": f.sha256, "size": f.size} for f in self.files],
            "created_at": timestamp(self.created_at)}

    def to_bytes(self) -> bytes:
        return jsonstrict.dumps(self.to_dict())

    @property
    def trusted_comment(self) -> str:
        return trusted_comment(self.commune_code, self.period, self.sequence, self.package_id, self.payload_sha256)

    @property
    def file_name(self) -> str:
        return package_file_name(self.commune_code, self.period, self.sequence)

    def ref(self, manifest_sha256: str) -> PackageRef:
        return PackageRef(self.package_id, self.commune_code, self.period, self.sequence, manifest_sha256,
                          self.payload_sha256)

    @classmethod
    def from_doc(cls, doc: dict[str, Any], *, name: str = MANIFEST_NAME) -> Manifest:
        """From a document that passed the schema; the checks a schema cannot say are made here."""
        files = tuple(FileEntry(f["name"], f["sha256"], f["size"]) for f in doc["files"])
        names = [f.name for f in files]
        if names != sorted(set(names)):
            raise HgdError("manifest.invalid", name=name, detail="files: names repeated or not sorted")
        if DATA_NAME not in names:
            raise HgdError("manifest.invalid", name=name, detail=f"files: no {DATA_NAME}")
        return cls(doc["package_id"], doc["commune"]["code"], doc["commune"]["name"], doc["period"],
                   doc["sequence"], doc["previous_manifest_sha256"], dict(doc["counts"]), doc["recipient"],
                   doc["payload"]["sha256"], doc["payload"]["size"], files,
                   parse_timestamp(doc["created_at"], name=name))


def parse_manifest(raw: bytes, *, name: str = MANIFEST_NAME) -> Manifest:
    doc = jsonstrict.parse(raw, name=name, max_bytes=limits.MAX_MANIFEST_BYTES,
                           max_depth=limits.MAX_JSON_DEPTH_SMALL, strict_text=True)
    jsonstrict.validate(doc, schema_name=SCHEMA, name=name)
    return Manifest.from_doc(doc, name=name)


def trusted_comment(commune_code: str, period: str, sequence: int, package_id: str, payload_sha256: str) -> str:
    """'hgd-package:1<TAB>commune:15703<TAB>period:2025-07<TAB>seq:3<TAB>id:<uuid><TAB>payload:<sha256>' —
    tab-separated like minisign's own default comment; printable ASCII only, as minisign requires."""
    values = (commune_code, period, str(sequence), package_id, payload_sha256)
    return "\t".join([f"{FORMAT}:{FORMAT_VERSION}", *(f"{k}:{v}" for k, v in zip(_COMMENT_FIELDS, values, strict=True))])


def package_file_name(commune_code: str, period: str, sequence: int) -> str:
    return f"hgd-{commune_code}-{period}-{sequence:03d}.zip"


def timestamp(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("timestamps in packages carry their time zone")
    return moment.replace(microsecond=0).isoformat()


def parse_timestamp(text: str, *, name: str) -> datetime:
    try:
        if not _TIMESTAMP.fullmatch(text):
            raise ValueError(text)
        return datetime.fromisoformat(text)
    except ValueError as err:
        raise HgdError("manifest.invalid", name=name, detail=f"time '{text[:30]}'") from err
