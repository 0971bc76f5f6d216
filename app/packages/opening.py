"""The office opens a package: verify first (verify.py), then decrypt, then check every inner file's hash and read
data.json against its schema. Decrypted content is never looked at before the signature and the payload hash
verified — age alone would accept a payload anyone made with the office's public key. Nothing is written to disk.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyrage

from app.errors import HgdError
from app.packages import payload as payload_
from app.packages.keys import UnlockedKeys
from app.packages.manifest import Manifest
from app.packages.trust import TrustedKey
from app.packages.verify import VerifiedManifest, verify_package


@dataclass(frozen=True)
class OpenedPackage:
    verified: VerifiedManifest
    data: dict[str, Any]                                    # data.json, schema-checked
    files: dict[str, bytes] = field(repr=False)             # the lists, by name, hash-checked

    @property
    def manifest(self) -> Manifest:
        return self.verified.manifest


def open_package(path: Path | str, trusted_keys: Sequence[TrustedKey],
                 identity: UnlockedKeys | pyrage.x25519.Identity | str) -> OpenedPackage:
    verified = verify_package(path, trusted_keys)
    return open_verified(verified, identity)


def open_verified(verified: VerifiedManifest, identity: UnlockedKeys | pyrage.x25519.Identity | str) -> OpenedPackage:
    """Decrypt a package that verify_package accepted (the courier check already done, e.g. to show it first)."""
    if isinstance(identity, UnlockedKeys):
        identity = identity.identity
    elif isinstance(identity, str):
        identity = pyrage.x25519.Identity.from_str(identity.strip())
    name = verified.path.name
    if str(identity.to_public()) != verified.manifest.recipient:   # made for another office's key: say so at once
        raise HgdError("payload.decrypt_failed", name=name)
    inner = payload_.decrypt(verified.payload, identity, name=name)
    data, files = payload_.unpack(inner, verified.manifest, name=name)
    return OpenedPackage(verified, data, files)
