"""A finding: something a check noticed about a record that the clerk should look at (never a rejection)."""
from __future__ import annotations

from dataclasses import dataclass, field

from app import messages


@dataclass
class Finding:
    """`code` names a message in app.messages (e.g. "cccd.sex_mismatch"); `params` fill it."""

    code: str
    params: dict[str, object] = field(default_factory=dict)

    def message(self, lang: str | None = None) -> str:
        return messages.render(self.code, lang, **self.params)

    def __str__(self) -> str:
        return self.message()
