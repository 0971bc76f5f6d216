"""Key rotation notice: a unit's new public keys, signed by its OLD signing key, so that the other side can register
the new key without a paper fingerprint (verifiable with the old key only). One file
`hgd-key-rotation-<code>-<new key id>.zip` holding rotation.json (schema resources/schemas/rotation-v1.json) and
rotation.json.minisig, in the canonical zip of packages and acknowledgements.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app import messages
from app.errors import HgdError
from app.packages import jsonstrict, limits, signed, trust
from app.packages.keys import UnlockedKeys
from app.packages.manifest import parse_timestamp, timestamp
from app.packages.trust import TrustedKey
from app.packages.units import PublicKeys, SigningPublicKey, Unit

messages.register({
    "rotation.not_old_key": (("Thông báo đổi khóa {name} không được ký bằng khóa cũ đã đăng ký của đơn vị {unit} — "
                             "bị từ chối."),
                             ("The key rotation notice {name} is not signed with the registered old key of unit "
                             "{unit} — refused.")),
    "rotation.inconsistent": ("Thông báo đổi khóa {name} không hợp lệ: {detail}.",
                              "The key rotation notice {name} is invalid: {detail}."),
})

DOC_NAME = "rotation.json"
SCHEMA = "rotation-v1.json"
FORMAT = "hgd-key-rotation"


@dataclass(frozen=True)
class RotationNotice:
    old_key: SigningPublicKey
    new_keys: PublicKeys
    effective_from: date
    created_at: datetime

    @property
    def unit(self) -> Unit:
        return self.new_keys.unit

    def to_dict(self) -> dict[str, Any]:
        return {"format": FORMAT, "format_version": 1, "unit": self.unit.to_dict(),
                "old_signing_key": self.old_key.base64, "new_signing_key": self.new_keys.signing.base64,
                "new_age_recipient": self.new_keys.age_recipient, "effective_from": self.effective_from.isoformat(),
                "created_at": timestamp(self.created_at)}

    @property
    def trusted_comment(self) -> str:
        return (f"{FORMAT}:1\tunit:{self.unit.kind}:{self.unit.code}\told:{self.old_key.key_id}"
                f"\tnew:{self.new_keys.signing.key_id}\tfrom:{self.effective_from.isoformat()}")

    @property
    def file_name(self) -> str:
        return f"hgd-key-rotation-{self.unit.code}-{self.new_keys.signing.key_id}.zip"


@dataclass(frozen=True)
class SignedNotice:
    notice: RotationNotice
    data: bytes

    @property
    def file_name(self) -> str:
        return self.notice.file_name

    def write(self, out_dir: Path | str) -> Path:
        return signed.write_atomic(Path(out_dir), self.file_name, self.data)


def make_rotation_notice(old: UnlockedKeys, new: PublicKeys, *, effective_from: date,
                         created_at: datetime | None = None) -> SignedNotice:
    if new.unit.kind != old.unit.kind or new.unit.code != old.unit.code:
        raise ValueError("a rotation notice keeps the unit")
    if new.signing == old.public.signing:
        raise ValueError("the new signing key is the old one")
    notice = RotationNotice(old.public.signing, new, effective_from, created_at or datetime.now().astimezone())
    raw = jsonstrict.dumps(notice.to_dict())
    return SignedNotice(notice, signed.seal(DOC_NAME, raw, old.sign(raw, notice.trusted_comment)))


def verify_rotation_notice(path: Path | str, old_key: TrustedKey) -> RotationNotice:
    """The notice in `path`, if signed by `old_key` (the registered key it replaces) and consistent."""
    path = Path(path)
    name = path.name
    old_key = TrustedKey(*old_key)
    data = signed.read_file(path, max_bytes=limits.MAX_SEALED_BYTES)
    try:
        unsealed = signed.unseal(data, name=name, doc_name=DOC_NAME, schema_name=SCHEMA, candidates=[old_key],
                                 max_doc=limits.MAX_SMALL_DOC_BYTES)
    except HgdError as err:
        if err.key == "signature.unknown_signer":
            raise HgdError("rotation.not_old_key", name=name, unit=old_key.unit_code) from err
        raise
    doc = unsealed.doc
    unit = Unit.from_dict(doc["unit"])
    if (unit.kind == "office") != (doc["new_age_recipient"] is not None):
        raise HgdError("rotation.inconsistent", name=name, detail="age recipient")
    try:
        effective = date.fromisoformat(doc["effective_from"])
    except ValueError as err:
        raise HgdError("rotation.inconsistent", name=name, detail="effective_from") from err
    notice = RotationNotice(SigningPublicKey.from_base64(doc["old_signing_key"]),
                            PublicKeys(unit, SigningPublicKey.from_base64(doc["new_signing_key"]),
                                       doc["new_age_recipient"]),
                            effective, parse_timestamp(doc["created_at"], name=DOC_NAME))
    if notice.old_key != old_key.signing or unit.code != old_key.unit_code:
        raise HgdError("rotation.not_old_key", name=name, unit=old_key.unit_code)
    if notice.new_keys.signing == notice.old_key:
        raise HgdError("rotation.inconsistent", name=name, detail="new key = old key")
    trust.check_signer(unsealed.signer, [old_key], claimed_unit=unit.code, when=notice.created_at, name=name)
    signed.check_comment(unsealed, notice.trusted_comment, name=name)
    return notice
