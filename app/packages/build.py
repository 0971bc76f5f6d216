"""The commune builds the month's package: payload packed and encrypted to the office, manifest signed, the zip
written under a temporary name in the chosen folder, read back and verified as the office will, then renamed.
Nothing is left behind on failure, and an existing file is never overwritten.
"""
from __future__ import annotations

import hashlib
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from app import messages
from app.errors import HgdError
from app.packages import jsonstrict, payload, signed, zipsafe
from app.packages.fingerprint import Fingerprint
from app.packages.keys import UnlockedKeys
from app.packages.manifest import (
    MANIFEST_NAME,
    PAYLOAD_NAME,
    Manifest,
    ManifestFields,
    PackageRef,
    parse_manifest,
)
from app.packages.trust import TrustedKey
from app.packages.units import PublicKeys
from app.packages.verify import verify_package

messages.register({
    "package.signer_not_commune": ("Khóa ký không phải của xã {commune} (là của {unit}).",
                                   "The signing key is not commune {commune}'s (it is {unit}'s)."),
    "package.readback_failed": ("Gói vừa ghi đọc lại không khớp; đã hủy, không có tệp nào được giữ lại.",
                                "The package just written did not read back the same; nothing was kept."),
})


@dataclass(frozen=True)
class BuiltPackage:
    path: Path
    package_id: str
    fingerprint: Fingerprint        # SHA-256 of the .zip: for the minutes (text and QR code)
    manifest: Manifest
    manifest_sha256: str            # the next package's previous_manifest_sha256
    size: int

    @property
    def ref(self) -> PackageRef:
        return self.manifest.ref(self.manifest_sha256)


def build_package(out_dir: Path | str, *, manifest_fields: ManifestFields, data: Mapping[str, Any],
                  files: Mapping[str, bytes], signing_key: UnlockedKeys,
                  recipient: str | PublicKeys) -> BuiltPackage:
    f = manifest_fields
    unit = signing_key.unit
    if unit.kind != "commune" or unit.code != f.commune_code:
        raise HgdError("package.signer_not_commune", commune=f.commune_code, unit=f"{unit.kind} {unit.code}")
    age_recipient = recipient.age_recipient if isinstance(recipient, PublicKeys) else recipient
    if age_recipient is None:
        raise ValueError("the recipient is an office's age key")
    _check_data(data, f)
    inner, entries = payload.pack(data, files)
    encrypted = payload.encrypt(inner, age_recipient)
    manifest = Manifest(
        package_id=f.package_id or str(uuid.uuid4()), commune_code=f.commune_code, commune_name=f.commune_name,
        period=f.period, sequence=f.sequence, previous_manifest_sha256=f.previous_manifest_sha256,
        counts=dict(f.counts), recipient=age_recipient, payload_sha256=hashlib.sha256(encrypted).hexdigest(),
        payload_size=len(encrypted), files=entries,
        created_at=(f.created_at or datetime.now().astimezone()).replace(microsecond=0))
    raw = manifest.to_bytes()
    if parse_manifest(raw) != manifest:   # what we sign is what every reader will see
        raise ValueError("manifest does not survive its own schema")
    signature = signing_key.sign(raw, manifest.trusted_comment)
    package = signed.seal(MANIFEST_NAME, raw, signature, [zipsafe.Member(PAYLOAD_NAME, encrypted)])
    manifest_sha256 = hashlib.sha256(raw).hexdigest()
    own_key = [TrustedKey(f.commune_code, signing_key.public.signing)]

    def read_back(temp: Path) -> None:
        verified = verify_package(temp, own_key)
        if verified.manifest_sha256 != manifest_sha256 or verified.fingerprint != Fingerprint.of(package):
            raise HgdError("package.readback_failed")

    path = signed.write_atomic(Path(out_dir), manifest.file_name, package, check=read_back)
    return BuiltPackage(path, manifest.package_id, Fingerprint.of(package), manifest, manifest_sha256, len(package))


def _check_data(data: Mapping[str, Any], f: ManifestFields) -> None:
    """data.json must pass the schema the office checks, and name the package's commune and period."""
    jsonstrict.validate(data, schema_name=payload.DATA_SCHEMA, name="data.json")
    if data["commune"]["code"] != f.commune_code or data["period"] != f.period:
        raise ValueError("data.json names another commune or period than the manifest")
