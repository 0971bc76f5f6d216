"""The social-insurance code (mã số BHXH): 10 digits, one per person for life (DOMAIN §5.2).

No public checksum is known, so only the form is checked. Spreadsheets drop leading zeros: 8–9 digits arriving
in the BHXH-code column are zero-padded, and the caller is told so (to say it in the import report).
"""
from __future__ import annotations

import math
import re

from app import messages
from app.errors import HgdError

messages.register({
    "bhxh.malformed": ("Mã số BHXH '{value}' không hợp lệ: cần đúng 10 chữ số",
                       "Social-insurance code '{value}' is not valid: it must be exactly 10 digits"),
})

_FLOAT_TEXT = re.compile(r"(\d+)\.0+")


def normalise_bhxh(raw: object) -> tuple[str, bool]:
    """(10-digit code, restored): restored is True when 8 or 9 digits were padded with leading zeros.

    Accepts int, integral float (3609092025.0), text with spaces, an Excel text marker ("'0123456789") or float text
    ("3609092025.0"). Anything else raises HgdError("bhxh.malformed")."""
    if type(raw) is str and len(raw) == 10 and raw.isdigit() and raw.isascii():
        return raw, False  # the stored form, as most lists write it
    if isinstance(raw, bool) or raw is None:
        raise HgdError("bhxh.malformed", value="" if raw is None else raw)
    if isinstance(raw, float):
        if math.isnan(raw) or not raw.is_integer() or raw < 0:
            raise HgdError("bhxh.malformed", value=raw)
        text = str(int(raw))
    elif isinstance(raw, int):
        if raw < 0:
            raise HgdError("bhxh.malformed", value=raw)
        text = str(raw)
    else:
        text = "".join(str(raw).split()).lstrip("'")
        m = _FLOAT_TEXT.fullmatch(text)
        if m:
            text = m.group(1)
    if not (text.isascii() and text.isdigit()) or not 8 <= len(text) <= 10:
        raise HgdError("bhxh.malformed", value=str(raw).strip())
    return text.zfill(10), len(text) < 10


def is_valid_bhxh(s: object) -> bool:
    """True for a string of exactly 10 ASCII digits (the stored form)."""
    return isinstance(s, str) and len(s) == 10 and s.isascii() and s.isdigit()
