"""The commune looked up in the bundled administrative units, as `hgd init` does, said in the GUI's words: an
ambiguous name offers its communes to choose from, a misspelt one the names it resembles, a code is checked against
the name. Used by the new-register form (the first-run wizard) and the settings page."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from app.errors import HgdError
from app.views.settings import communes_named, lookup


class LookupResult:
    """`identity` (name, code, province_name, province_code, district_name) when found; else `problem` (a sentence)
    and, for an ambiguous name, `choices` (the units bearing it)."""

    def __init__(self, identity: dict[str, str] | None = None, problem: str = "",
                 choices: list[dict[str, str]] | None = None) -> None:
        self.identity, self.problem, self.choices = identity, problem, choices or []


def find(name: str, code: str = "", province: str = "") -> LookupResult:
    try:
        return LookupResult(lookup(name, code, province))
    except HgdError as exc:
        if exc.key == "commune.ambiguous":
            choices = communes_named(name, province)
            in_2025 = [c for c in choices if c.get("era") == "2025"]
            words = QCoreApplication.translate("commune_lookup", "%1 communes are named %2: choose yours in the list.")
            return LookupResult(problem=words
                                .replace("%1", str(exc.params.get("count", len(choices)))).replace("%2", name),
                                choices=in_2025 or choices)
        if exc.key == "commune.not_found":
            hint = str(exc.params.get("hint") or "").strip()
            text = QCoreApplication.translate(
                "commune_lookup",
                "There is no commune named %1 in the administrative units. Check the spelling, or enter the "
                "commune's code.").replace("%1", name)
            return LookupResult(problem=f"{text} {hint}".strip())
        return LookupResult(problem=str(exc))


def label(unit: dict[str, str]) -> str:
    where = ", ".join(x for x in (unit.get("district"), unit.get("province")) if x)
    return f"{unit['commune']} — {where} ({unit['commune_code']})"


def fill_chooser(combo: QComboBox, choices: list[dict[str, str]]) -> None:
    combo.clear()
    combo.addItem(QCoreApplication.translate("commune_lookup", "Choose the commune…"), None)
    for unit in choices:
        combo.addItem(label(unit), unit)
    combo.setVisible(bool(choices))
