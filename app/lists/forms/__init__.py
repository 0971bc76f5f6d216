"""The registry of form definitions: `get(code, version)`, `versions(code)`, `register(definition)`.

Each form is one versioned definition (DOMAIN §6 "Versions"); the caller chooses the version (a setting). A new
version (QĐ 366) is registered beside the old one and the writers render it unchanged.
"""
from __future__ import annotations

from app import messages
from app.errors import HgdError
from app.lists.forms.base import DeclarationForm, TableForm
from app.lists.forms.change_list import CHANGE_LIST_HGD1
from app.lists.forms.d02_lt import D02_LT_1040
from app.lists.forms.d03_ts import D03_TS_490
from app.lists.forms.minutes import MINUTES_HGD1, MinutesForm
from app.lists.forms.tk1_ts import TK1_TS_490

messages.register({
    "forms.unknown": ("Không có mẫu {code} phiên bản {version} (có: {known})",
                      "There is no form {code} version {version} (known: {known})"),
    "forms.duplicate": ("Mẫu {code} phiên bản {version} đã có", "Form {code} version {version} is already registered"),
})

Definition = TableForm | DeclarationForm | MinutesForm
_REGISTRY: dict[tuple[str, str], Definition] = {}


def register(definition: Definition, *, replace: bool = False) -> None:
    key = (definition.code, definition.version)
    if key in _REGISTRY and not replace and _REGISTRY[key] is not definition:
        raise HgdError("forms.duplicate", code=definition.code, version=definition.version)
    _REGISTRY[key] = definition


def unregister(code: str, version: str) -> None:
    _REGISTRY.pop((code, version), None)


def versions(code: str) -> list[str]:
    return sorted(v for c, v in _REGISTRY if c == code)


def codes() -> list[str]:
    return sorted({c for c, _ in _REGISTRY})


# The version used when the caller names none, until the setting exists: the versions read in DOMAIN §6.
DEFAULT_VERSIONS = {"D03-TS": "490", "D02-LT": "1040", "TK1-TS": "490", "BD-HGD": "hgd-1", "BBBG": "hgd-1"}


def get(code: str, version: str | None = None) -> Definition:
    """The definition of a form in a version; without one, the default version of DEFAULT_VERSIONS."""
    known = versions(code)
    version = version or DEFAULT_VERSIONS.get(code)
    definition = _REGISTRY.get((code, version or ""))
    if definition is None:
        raise HgdError("forms.unknown", code=code, version=version or "?", known=", ".join(known) or "—")
    return definition


for _d in (D03_TS_490, D02_LT_1040, CHANGE_LIST_HGD1, TK1_TS_490, MINUTES_HGD1):
    register(_d)
