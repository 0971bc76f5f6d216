"""Who a key belongs to and the public halves of keys: what units give each other (minisign.pub, age.pub) and
what the registry of trusted keys holds. A commune's code is its 5-digit administrative code; an office's is a
short code of letters, digits, '.', '_' and '-' (the offices' own codes are not settled: DOMAIN.md names none).
"""
from __future__ import annotations

import base64
import binascii
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Literal

import minisign
import pyrage

from app import messages
from app.errors import HgdError
from app.packages import limits
from app.packages.fingerprint import Fingerprint

messages.register({
    "unit.bad_code": ("Mã đơn vị '{code}' không hợp lệ ({kind}).", "The unit code '{code}' is invalid ({kind})."),
    "unit.bad_name": ("Tên đơn vị không hợp lệ (trống, quá dài hoặc có ký tự điều khiển).",
                      "The unit name is invalid (empty, too long or with control characters)."),
    "keys.bad_public_key": ("Khóa công khai minisign không hợp lệ ({detail}).",
                            "The minisign public key is invalid ({detail})."),
    "keys.bad_age_recipient": ("Khóa mã hóa age không hợp lệ: '{value}'.", "The age recipient is invalid: '{value}'."),
})

Kind = Literal["commune", "office"]
_COMMUNE_CODE = re.compile(r"[0-9]{5}")
_OFFICE_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,31}")
AGE_RECIPIENT = re.compile(r"age1[02-9ac-hj-np-z]{58}")
_PUB_COMMENT = "untrusted comment: minisign public key "


@dataclass(frozen=True)
class Unit:
    kind: Kind
    code: str
    name: str

    def __post_init__(self) -> None:
        pattern = _COMMUNE_CODE if self.kind == "commune" else _OFFICE_CODE
        if self.kind not in ("commune", "office") or not isinstance(self.code, str) or not pattern.fullmatch(self.code):
            raise HgdError("unit.bad_code", code=str(self.code)[:40], kind=str(self.kind)[:20])
        name = unicodedata.normalize("NFC", self.name).strip() if isinstance(self.name, str) else ""
        if not 0 < len(name) <= 200 or any(unicodedata.category(c) == "Cc" for c in name):
            raise HgdError("unit.bad_name")
        object.__setattr__(self, "name", name)

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "code": self.code, "name": self.name}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Unit:
        return cls(d["kind"], d["code"], d["name"])


@dataclass(frozen=True)
class SigningPublicKey:
    """A minisign (Ed25519) public key: 8-byte key id and 32-byte key."""
    key_id_bytes: bytes
    key: bytes

    @classmethod
    def from_base64(cls, text: str | bytes) -> SigningPublicKey:
        """From the second line of minisign.pub ('RW…', what `minisign -P` takes)."""
        raw = text.encode("ascii", "replace") if isinstance(text, str) else text
        try:
            blob = base64.b64decode(raw, validate=True)
        except (binascii.Error, ValueError) as err:
            raise HgdError("keys.bad_public_key", detail="base64") from err
        if len(blob) != 42 or blob[:2] != b"Ed" or base64.b64encode(blob) != raw:
            raise HgdError("keys.bad_public_key", detail="Ed25519")
        return cls(blob[2:10], blob[10:])

    @classmethod
    def from_minisign_pub(cls, data: bytes) -> SigningPublicKey:
        """From a minisign.pub file: the untrusted comment line, the key line, an optional final newline."""
        if len(data) > limits.MAX_KEY_FILE_BYTES:
            raise HgdError("keys.bad_public_key", detail="size")
        lines = data.split(b"\n")
        if lines[-1] == b"":
            lines.pop()
        if len(lines) != 2 or not lines[0].startswith(b"untrusted comment: ") or len(lines[0]) > 1024:
            raise HgdError("keys.bad_public_key", detail="minisign.pub")
        return cls.from_base64(lines[1].rstrip(b"\r"))

    @classmethod
    def coerce(cls, value: SigningPublicKey | PublicKeys | str | bytes) -> SigningPublicKey:
        if isinstance(value, SigningPublicKey):
            return value
        if isinstance(value, PublicKeys):
            return value.signing
        raw = value.encode("ascii", "replace") if isinstance(value, str) else value
        return cls.from_minisign_pub(raw) if raw.startswith(b"untrusted comment:") else cls.from_base64(raw.strip())

    @property
    def base64(self) -> str:
        return base64.b64encode(b"Ed" + self.key_id_bytes + self.key).decode("ascii")

    @property
    def key_id(self) -> str:
        """The key id as minisign prints it (a little-endian 64-bit number in hex)."""
        return self.key_id_bytes[::-1].hex().upper()

    def minisign_pub(self) -> bytes:
        """minisign.pub, byte for byte as `minisign -G` writes it (its comment prints the id with PRIX64: no padding)."""
        unpadded = f"{int.from_bytes(self.key_id_bytes, 'little'):X}"
        return f"{_PUB_COMMENT}{unpadded}\n{self.base64}\n".encode("ascii")

    @property
    def fingerprint(self) -> Fingerprint:
        return Fingerprint.of(b"Ed" + self.key_id_bytes + self.key)

    def minisign_key(self) -> minisign.PublicKey:
        return minisign.PublicKey.from_base64(self.base64)


@dataclass(frozen=True)
class PublicKeys:
    """What a unit gives others: its signing key and, for an office, its age recipient ('age1…')."""
    unit: Unit
    signing: SigningPublicKey
    age_recipient: str | None = None

    def __post_init__(self) -> None:
        if (self.unit.kind == "office") != (self.age_recipient is not None):
            raise HgdError("keys.stored_damaged", detail="age recipient" + (" missing" if self.age_recipient is None
                                                                             else " on a commune"))
        if self.age_recipient is not None:
            check_age_recipient(self.age_recipient)

    @property
    def fingerprint(self) -> Fingerprint:
        """One fingerprint for all of the unit's public keys (for a commune, its signing key's)."""
        blob = b"Ed" + self.signing.key_id_bytes + self.signing.key
        return Fingerprint.of(blob + (self.age_recipient or "").encode("ascii"))


def check_age_recipient(value: str) -> pyrage.x25519.Recipient:
    if not isinstance(value, str) or not AGE_RECIPIENT.fullmatch(value):
        raise HgdError("keys.bad_age_recipient", value=str(value)[:70])
    try:
        return pyrage.x25519.Recipient.from_str(value)
    except pyrage.RecipientError as err:
        raise HgdError("keys.bad_age_recipient", value=value) from err
