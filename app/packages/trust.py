"""Which keys are trusted, for which unit and when; and checking a signature against them.

A signature is checked against the *registered* keys only: the signature's key id picks the candidates, the
Ed25519 check (of the file and of the trusted comment) decides, then the key must belong to the unit the document
claims and be valid on the date the document says it was made. A key is replaced by registering the new one (from
the paper fingerprint or a rotation notice) and closing the old one's validity: packages made before the change
still verify with the old key.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import NamedTuple

import minisign

from app import messages
from app.errors import HgdError
from app.packages import minisig
from app.packages.units import PublicKeys, SigningPublicKey

messages.register({
    "signature.unknown_signer": (
        "{name} được ký bằng khóa {key_id}, không phải khóa đã đăng ký của đơn vị nào — không tin được nguồn gốc.",
        ("{name} is signed with key {key_id}, which is not a registered key of any unit — its origin cannot be "
        "trusted.")),
    "signature.bad": ("Chữ ký của {name} không khớp: tệp đã bị thay đổi hoặc giả mạo.",
                      "The signature of {name} does not match: the file was altered or forged."),
    "signature.wrong_unit": ("{name} ghi là của đơn vị {claimed} nhưng được ký bằng khóa của đơn vị {signer}.",
                             "{name} says it is from unit {claimed} but is signed with the key of unit {signer}."),
    "signature.key_not_valid": (
        "{name} được ký ngày {when} bằng khóa {key_id} của đơn vị {unit}, nhưng khóa này chỉ có hiệu lực {window}.",
        "{name} was signed on {when} with key {key_id} of unit {unit}, but that key is only valid {window}."),
})


class TrustedKey(NamedTuple):
    """A registered public key: the unit (commune or office) code, the key, and its validity (inclusive; None: open).
    A `date` bound counts whole days of the document's own date; a `datetime` (aware) bound is compared exactly."""
    unit_code: str
    public_key: SigningPublicKey | PublicKeys | str | bytes
    valid_from: date | datetime | None = None
    valid_to: date | datetime | None = None

    @property
    def signing(self) -> SigningPublicKey:
        return SigningPublicKey.coerce(self.public_key)

    def valid_at(self, when: datetime) -> bool:
        return _after(when, self.valid_from) and _before(when, self.valid_to)

    def window(self) -> str:
        return f"{_text(self.valid_from) or '…'} – {_text(self.valid_to) or '…'}"


def _after(when: datetime, bound: date | datetime | None) -> bool:
    if bound is None:
        return True
    return when >= _aware(bound, when) if isinstance(bound, datetime) else when.date() >= bound


def _before(when: datetime, bound: date | datetime | None) -> bool:
    if bound is None:
        return True
    return when <= _aware(bound, when) if isinstance(bound, datetime) else when.date() <= bound


def _aware(bound: datetime, when: datetime) -> datetime:
    """A naive bound is read in the document's own time zone (Vietnam's, in practice)."""
    return bound if bound.tzinfo is not None else bound.replace(tzinfo=when.tzinfo)


def _text(bound: date | datetime | None) -> str:
    return "" if bound is None else bound.isoformat()


def verify(data: bytes, signature: minisign.Signature, candidates: Sequence[TrustedKey], *, name: str) -> TrustedKey:
    """The registered key that made `signature` over `data` (and its trusted comment), or HgdError."""
    wanted = minisig.key_id(signature)
    matching = [k for k in candidates if k.signing.key_id_bytes == wanted]
    if not matching:
        raise HgdError("signature.unknown_signer", name=name, key_id=wanted[::-1].hex().upper())
    for key in matching:
        try:
            key.signing.minisign_key().verify(data, signature)
        except minisign.Error:
            continue
        return key
    raise HgdError("signature.bad", name=name)


def check_signer(signer: TrustedKey, candidates: Sequence[TrustedKey], *, claimed_unit: str, when: datetime,
                 name: str) -> TrustedKey:
    """The registration of the signing key that covers the claimed unit on `when`: the same key may be registered
    more than once (for example again after a period it was closed)."""
    same_key = [k for k in candidates if k.signing == signer.signing]
    for_unit = [k for k in same_key if k.unit_code == claimed_unit]
    if not for_unit:
        raise HgdError("signature.wrong_unit", name=name, claimed=claimed_unit, signer=signer.unit_code)
    for key in for_unit:
        if key.valid_at(when):
            return key
    key = for_unit[0]
    raise HgdError("signature.key_not_valid", name=name, when=when.isoformat(), key_id=key.signing.key_id,
                   unit=claimed_unit, window=key.window())
