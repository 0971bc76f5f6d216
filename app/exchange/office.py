"""An office's register (BHXH cơ sở): no commune of its own; it receives many communes' packages."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app import messages
from app.operations import Changes, OpContext, Operation
from app.packages import Unit
from app.registry.commune import set_setting
from app.registry.parameters import DEFAULTS
from app.store.models import Parameter

messages.register({
    "op.init_office": ("Tạo sổ của cơ quan BHXH: {name}", "Create the office's register: {name}"),
})


def office_code(name: str) -> str:
    """A code for an office from its name when none is given: 'BHXH cơ sở Triệu Sơn' → 'BHXH-co-so-Trieu-Son'."""
    words = re.findall(r"[A-Za-z0-9]+", _ascii(name))
    return "-".join(words)[:32].strip("-") or "office"


def _ascii(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@dataclass(frozen=True)
class InitOffice(Operation):
    """An office register's first action: who the office is, and the dated parameters known to hgd."""

    name: str
    code: str = ""

    kind = "init_office"
    label_key = "op.init_office"
    undoable = False
    needs_commune = False

    def label_params(self) -> dict[str, Any]:
        return {"name": self.name}

    def apply(self, ctx: OpContext) -> Changes:
        unit = Unit("office", self.code or office_code(self.name), self.name)   # checks code and name
        set_setting(ctx, "register_kind", "office")
        set_setting(ctx, "office", {"code": unit.code, "name": unit.name})
        for key, value, valid_from, source in DEFAULTS:
            ctx.add(Parameter(commune_id=None, key=key, value=value, valid_from=valid_from, source=source,
                              status="active"))
        ctx.value = unit.to_dict()
        return ctx.changes


def create_office(db: str | Path, name: str, code: str = "") -> dict[str, str]:
    from app.register import Register

    op = InitOffice(name=name, code=code)
    with Register.create(db, {}, first=op) as reg, reg.reading() as s:
        from app.exchange.units import own_unit

        return own_unit(s).to_dict()


__all__ = ["InitOffice", "create_office", "office_code"]
