"""minisign signatures (.minisig files): made with py-minisign, read strictly.

We only write, and so only accept, the current format: prehashed Ed25519 ('ED'), minisign's default untrusted
comment, a trusted comment of printable ASCII, four lines each ending in a newline — exactly the bytes minisign
itself writes. Any other byte (a legacy 'Ed' signature, a changed untrusted comment, non-canonical base64, CRLF) is
refused, so a signature file has one form only.
"""
from __future__ import annotations

import minisign

from app import messages
from app.errors import HgdError
from app.packages import limits

messages.register({
    "signature.malformed": ("Chữ ký {name} không đúng định dạng minisign ({detail}).",
                            "The signature {name} is not in minisign's format ({detail})."),
})

UNTRUSTED_COMMENT = "signature from minisign secret key"


def sign(secret: minisign.SecretKey, data: bytes, trusted_comment: str) -> bytes:
    signature = secret.sign(data, prehash=True, untrusted_comment=UNTRUSTED_COMMENT, trusted_comment=trusted_comment)
    return bytes(signature) + b"\n"


def parse(raw: bytes, *, name: str) -> minisign.Signature:
    if len(raw) > limits.MAX_SIGNATURE_BYTES:
        raise HgdError("signature.malformed", name=name, detail="size")
    try:
        signature = minisign.Signature.from_bytes(raw)
    except (minisign.Error, ValueError) as err:
        raise HgdError("signature.malformed", name=name, detail=str(err)[:80]) from err
    if not signature.is_prehashed():
        raise HgdError("signature.malformed", name=name, detail="legacy Ed signature")
    if signature.untrusted_comment != UNTRUSTED_COMMENT or bytes(signature) + b"\n" != raw:
        raise HgdError("signature.malformed", name=name, detail="not canonical")
    return signature


def key_id(signature: minisign.Signature) -> bytes:
    key: bytes = signature._key_id   # py-minisign keeps it private; minisign's format puts it in the clear
    return key
