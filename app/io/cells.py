"""Small helpers for reading cells fast: the text a clerk sees in a cell, stored text, memoised lookups, ids."""
from __future__ import annotations

import os
from datetime import date, datetime

from app.domain.text import nfc
from app.errors import HgdError


def cell_text(v: object) -> str:
    """A cell as the clerk sees it: numbers without ".0", dates as dd/mm/yyyy, empty for None."""
    t = v.__class__
    if t is str:
        return v  # type: ignore[return-value]
    if t is float:
        return str(int(v)) if v.is_integer() else repr(v)  # type: ignore[union-attr]
    if v is None:
        return ""
    if t is bool:
        return "x" if v else ""
    if isinstance(v, (date, datetime)):
        return v.strftime("%d/%m/%Y")
    return str(v)


def clean(value: object) -> str:
    """Text as stored: NFC, spaces collapsed (ASCII skips the normalisation)."""
    text = cell_text(value)
    return " ".join(text.split()) if text.isascii() else nfc(text)


class Memo(dict):
    """value -> (result, None) or (None, (error key, params)) for a lookup whose inputs repeat in a file."""

    def __init__(self, fn) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, value):
        try:
            out = (self.fn(value), None)
        except HgdError as exc:
            out = (None, (exc.key, exc.params))
        self[value] = out
        return out


def new_ids(batch: int = 4096):
    """Random UUID4 strings, the form app.store.models.new_id() makes, drawn in batches: uuid.uuid4() alone costs
    more than a row's other bookkeeping on a slow machine."""
    variant = "89ab"
    while True:
        raw = os.urandom(16 * batch).hex()
        for i in range(0, 32 * batch, 32):
            h = raw[i:i + 32]
            yield f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{variant[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"
