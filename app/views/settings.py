"""The settings page's reads: the commune's identity as stored, the dated parameters, and the commune lookup in the
bundled administrative units (the same as `hgd init`)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from app.commune import commune_identity, find_communes
from app.registry.commune import FIELDS
from app.store.models import Commune, Parameter

if TYPE_CHECKING:
    from app.register import Register

# The identity fields the settings page edits, in its order.
EDITED = ("name", "code", "province_name", "district_name", "chairman", "clerk", "post_office", "bhxh_office",
          "address", "phone")


@dataclass(frozen=True)
class ParameterRow:
    key: str
    value: int
    valid_from: str
    source: str | None
    own: bool          # the commune's own value (set by the clerk), not the one hgd ships


@dataclass(frozen=True)
class SettingsView:
    identity: dict[str, str]           # every commune field (FIELDS), "" when not set
    parameters: list[ParameterRow]     # newest first


def settings_view(reg: Register) -> SettingsView:
    cid = reg.commune_id
    with reg.reading() as s:
        row = s.get(Commune, cid)
        identity = {f: (getattr(row, f) or "") if row is not None else "" for f in FIELDS}
        if identity.get("code") == "00000":
            identity["code"] = ""
        q = (select(Parameter).where(Parameter.status == "active",
                                     (Parameter.commune_id.is_(None)) | (Parameter.commune_id == cid))
             .order_by(Parameter.key, Parameter.valid_from.desc(), Parameter.commune_id.is_(None)))
        params = [ParameterRow(p.key, int(p.value), p.valid_from, p.source, p.commune_id is not None)
                  for p in s.scalars(q)]
    return SettingsView(identity, params)


def changed_identity(before: dict[str, str], after: dict[str, str]) -> dict[str, Any]:
    """The fields the clerk changed (an emptied field is cleared: None), for SetCommuneInfo."""
    out: dict[str, Any] = {}
    for key, value in after.items():
        value = (value or "").strip()
        if value != (before.get(key) or "").strip():
            out[key] = value or None
    return out


def lookup(name: str, code: str = "", province: str = "") -> dict[str, str]:
    """The commune's identity from the administrative units, strictly as `hgd init` does: an ambiguous or misspelt
    name, an unknown code or one of another commune raise HgdError with what to do. Keys: name, code,
    province_name, province_code, district_name (those found)."""
    found = commune_identity(name=name, code=code or None, province_name=province or None)
    keys = {"commune_name": "name", "commune_code": "code"}
    return {keys.get(k, k): v for k, v in found.items()}


def communes_named(name: str, province: str = "") -> list[dict[str, str]]:
    """The units bearing a name (2025 first), for a chooser when a name is ambiguous."""
    return find_communes(name, province or None) if name.strip() else []
