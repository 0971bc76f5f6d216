"""Domain errors: each carries a message key and parameters, rendered in the user's language."""
from __future__ import annotations

from app import messages


class HgdError(Exception):
    """An error the user can act on. `key` names a message in app.messages; `params` fill it."""

    def __init__(self, key: str, /, **params: object) -> None:  # a message may itself name a {key}
        self.key = key
        self.params = params
        super().__init__(self.render("vi"))

    def render(self, lang: str | None = None) -> str:
        return messages.render(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.render()
