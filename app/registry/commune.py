"""The commune's identity (the register's first action) and its later corrections; register preferences."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

import app.commune  # noqa: F401  (registers commune.name_empty)
from app import messages
from app.domain.text import nfc
from app.errors import HgdError
from app.operations import Changes, OpContext, Operation
from app.registry.common import set_fields
from app.registry.parameters import DEFAULTS
from app.store.models import Commune, Parameter, Setting

messages.register({
    "op.init": ("Tạo sổ: {name}", "Create the register: {name}"),
    "op.commune_set": ("Cập nhật thông tin xã", "Update the commune's details"),
    "op.setting": ("Đổi tùy chọn {name}", "Change setting {name}"),
    "commune.code_taken": ("Mã xã {code} đã có trong sổ.", "The commune code {code} is already in the register."),
    "commune.no_change": ("Không có gì thay đổi.", "Nothing changes."),
    "commune.unknown_field": ("Không có trường '{field}' của xã. Các trường: {fields}.",
                              "The commune has no field '{field}'. The fields: {fields}."),
})

FIELDS = ("code", "name", "province_code", "province_name", "district_name", "address", "phone", "email",
          "tax_code", "unit_code", "chairman", "clerk", "post_office", "bhxh_office")


def _clean(identity: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in identity.items():
        if key not in FIELDS:
            raise HgdError("commune.unknown_field", field=key, fields=", ".join(FIELDS))
        out[key] = nfc(str(value)) if value not in (None, "") else None
    return out


def set_setting(ctx: OpContext, key: str, value: Any) -> None:
    row = ctx.session.get(Setting, key)
    if row is None:
        ctx.add(Setting(key=key, value=value))
    elif row.value != value:
        row.value = value
        ctx.updated(row)


@dataclass(frozen=True)
class CreateCommune(Operation):
    """A commune register's first action: the commune, its identity, the dated parameters known to hgd."""

    identity: dict[str, Any]
    kind_of_register: str = "commune"

    kind = "init"
    label_key = "op.init"
    undoable = False
    needs_commune = False

    def label_params(self) -> dict[str, Any]:
        return {"name": self.identity.get("name", "")}

    def apply(self, ctx: OpContext) -> Changes:
        values = _clean(self.identity)
        if not values.get("name"):
            raise HgdError("commune.name_empty")
        values["code"] = values.get("code") or "00000"  # app.register.UNKNOWN_CODE: to be given later
        if ctx.session.scalar(select(Commune.id).where(Commune.code == values["code"])):
            raise HgdError("commune.code_taken", code=values["code"])
        commune = ctx.add(Commune(status="active", **values))
        ctx.action.commune_id = commune.id
        ctx.commune_id = commune.id
        set_setting(ctx, "commune_id", commune.id)
        set_setting(ctx, "register_kind", self.kind_of_register)
        for key, value, valid_from, source in DEFAULTS:
            ctx.add(Parameter(commune_id=None, key=key, value=value, valid_from=valid_from, source=source,
                              status="active"))
        ctx.value = {"commune_id": commune.id}
        return ctx.changes


@dataclass(frozen=True)
class SetCommuneInfo(Operation):
    """Complete or correct the commune's identity (chairman, clerk, post office, BHXH office, address …)."""

    values: dict[str, Any] = field(default_factory=dict)

    kind = "commune_set"
    label_key = "op.commune_set"

    def apply(self, ctx: OpContext) -> Changes:
        commune = ctx.session.get(Commune, ctx.commune_id)
        assert commune is not None
        values = _clean(self.values)
        if "code" in values and values["code"] != commune.code and ctx.session.scalar(
                select(Commune.id).where(Commune.code == values["code"])):
            raise HgdError("commune.code_taken", code=values["code"])
        if not set_fields(ctx, commune, values):
            raise HgdError("commune.no_change")
        return ctx.changes


@dataclass(frozen=True)
class SetSetting(Operation):
    """A register preference (form versions, the language of printed notes …)."""

    key: str
    value: Any

    kind = "setting"
    label_key = "op.setting"
    needs_commune = False

    def label_params(self) -> dict[str, Any]:
        return {"name": self.key}

    def apply(self, ctx: OpContext) -> Changes:
        set_setting(ctx, self.key, self.value)
        return ctx.changes
