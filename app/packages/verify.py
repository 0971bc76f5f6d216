"""The courier check: is this package intact and really from that commune? No private key needed, nothing read.

Checks in order, each refusal one message: the file's size; the zip (three plain members, canonical bytes); the
signature over manifest.json against the registered keys; the manifest (strict JSON, schema); the signer's key
belongs to the manifest's commune and was valid on the manifest's date; the signed trusted comment agrees with the
manifest; the SHA-256 and size of payload.age are the manifest's.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app import messages
from app.errors import HgdError
from app.packages import limits, signed, trust
from app.packages.fingerprint import Fingerprint
from app.packages.manifest import (
    MANIFEST_NAME,
    PAYLOAD_NAME,
    SCHEMA,
    Manifest,
    PackageRef,
)
from app.packages.trust import TrustedKey

messages.register({
    "package.payload_mismatch": (("Dữ liệu mã hóa (payload.age) của gói {name} không khớp với mã băm đã ký — gói đã "
                                 "bị thay đổi hoặc hỏng."),
                                 ("The encrypted data (payload.age) of package {name} does not match the signed hash "
                                 "— the package was altered or damaged.")),
})


@dataclass(frozen=True)
class VerifiedManifest:
    path: Path
    manifest: Manifest
    manifest_sha256: str            # of manifest.json's bytes: what the next package names as its previous one
    fingerprint: Fingerprint        # of the whole .zip file (sha256sum of it): printed on the minutes
    size: int
    signer: TrustedKey              # the registration of the key that signed it
    payload: bytes = field(repr=False)   # payload.age, hash-checked (still encrypted)

    @property
    def ref(self) -> PackageRef:
        return self.manifest.ref(self.manifest_sha256)


def verify_package(path: Path | str, trusted_keys: Sequence[TrustedKey]) -> VerifiedManifest:
    path = Path(path)
    data = signed.read_file(path, max_bytes=limits.MAX_PACKAGE_BYTES)
    return verify_bytes(data, trusted_keys, path=path)


def verify_bytes(data: bytes, trusted_keys: Sequence[TrustedKey], *, path: Path) -> VerifiedManifest:
    name = path.name
    keys = [TrustedKey(*k) for k in trusted_keys]     # plain tuples are welcome
    unsealed = signed.unseal(data, name=name, doc_name=MANIFEST_NAME, schema_name=SCHEMA, candidates=keys,
                             max_doc=limits.MAX_MANIFEST_BYTES, extra=(PAYLOAD_NAME,))
    manifest = Manifest.from_doc(unsealed.doc)
    signer = trust.check_signer(unsealed.signer, keys, claimed_unit=manifest.commune_code,
                                when=manifest.created_at, name=name)
    signed.check_comment(unsealed, manifest.trusted_comment, name=name)
    payload = unsealed.members[PAYLOAD_NAME]
    if len(payload) != manifest.payload_size or hashlib.sha256(payload).hexdigest() != manifest.payload_sha256:
        raise HgdError("package.payload_mismatch", name=name)
    return VerifiedManifest(path, manifest, hashlib.sha256(unsealed.raw).hexdigest(),
                            Fingerprint(unsealed.file_sha256), len(data), signer, payload)
