"""Fingerprints people compare on paper and read aloud: SHA-256 in upper-case groups of four hex characters.

The full form (16 groups) goes on the handover minutes and in the key registry; the short form (the first 5 groups,
80 bits: finding another key or package that shares them is far out of reach) is what two people read to each other
over the telephone. Upper case and groups of four because that is how people copy and dictate codes without losing
their place.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

SHORT_GROUPS = 5
_HEX64 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Fingerprint:
    sha256: str   # 64 lower-case hex characters, as sha256sum prints them

    def __post_init__(self) -> None:
        if not _HEX64.fullmatch(self.sha256):
            raise ValueError(f"not a SHA-256 hex digest: {self.sha256!r}")

    @classmethod
    def of(cls, data: bytes) -> Fingerprint:
        return cls(hashlib.sha256(data).hexdigest())

    @property
    def groups(self) -> list[str]:
        text = self.sha256.upper()
        return [text[i:i + 4] for i in range(0, 64, 4)]

    @property
    def full(self) -> str:
        """'3F2A 9C1B 77D0 …' (16 groups): for the minutes and the registry."""
        return " ".join(self.groups)

    @property
    def short(self) -> str:
        """'3F2A 9C1B 77D0 E412 0B9A': to read aloud."""
        return " ".join(self.groups[:SHORT_GROUPS])

    def matches(self, typed: str) -> bool:
        """Whether what a person typed from paper is this fingerprint, in full or short form (spaces, dashes and
        case do not matter; anything shorter than the short form never matches)."""
        text = re.sub(r"[\s\-:]", "", typed).lower()
        return text == self.sha256 or text == self.sha256[:4 * SHORT_GROUPS]

    def __str__(self) -> str:
        return self.full
