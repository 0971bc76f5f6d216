"""A finding's identity about two persons, light enough for screens and operations that do not run the matcher
(which loads numpy): the duplicate kind, and the fingerprint that findings and resolutions are kept under."""
from __future__ import annotations

import hashlib
from typing import Protocol

KIND = "duplicate"


class TwoPersons(Protocol):
    @property
    def a_id(self) -> str: ...
    @property
    def b_id(self) -> str: ...


def fingerprint(pair: TwoPersons | tuple[str, str], kind: str = KIND) -> str:
    """A stable identity for a finding about two persons, whatever their order: the database keeps findings and
    resolutions ("confirmed distinct") under it."""
    a, b = pair if isinstance(pair, tuple) else (pair.a_id, pair.b_id)
    lo, hi = sorted((str(a), str(b)))
    return hashlib.sha256(f"{kind}:{lo}:{hi}".encode()).hexdigest()[:32]
