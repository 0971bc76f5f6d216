"""Dated parameters: the value in force on a day is the one with the latest `valid_from` not after it (the base
salary changes on 1 July of some years). A commune's own value wins over the register-wide one."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app import messages
from app.errors import HgdError
from app.operations import Changes, OpContext, Operation
from app.registry.common import event_date
from app.store.models import Parameter

messages.register({
    "op.parameter": ("Đặt {name} = {value} từ {date}", "Set {name} = {value} from {date}"),
    "parameter.base_salary": ("Lương cơ sở", "Base salary"),
    "parameter.unknown": ("Không có tham số '{key}'. Các tham số: {keys}.", ("There is no parameter '{key}'. "
                                                                            "The parameters: {keys}.")),
    "parameter.bad_value": ("Giá trị '{value}' của {key} không hợp lệ: cần một số nguyên dương.",
                            "'{value}' is not a valid {key}: a positive whole number is needed."),
})

# (key, value, valid from, source): what hgd knows when a register is created; the clerk adds later ones.
DEFAULTS = (
    ("base_salary", 1_800_000, "2023-07-01", "Nghị định 24/2023/NĐ-CP"),
    ("base_salary", 2_340_000, "2024-07-01", "Nghị định 73/2024/NĐ-CP"),
    ("base_salary", 2_530_000, "2026-07-01", "Nghị định 161/2026/NĐ-CP (reported by secondary sources; check)"),
)
KEYS = ("base_salary",)


def value_on(session: Session, key: str, on: date, commune_id: str | None) -> Any:
    rows = session.execute(
        select(Parameter.value, Parameter.commune_id).where(
            Parameter.key == key, Parameter.status == "active", Parameter.valid_from <= on.isoformat(),
            or_(Parameter.commune_id.is_(None), Parameter.commune_id == commune_id))
        .order_by(Parameter.valid_from.desc())).all()
    own = [v for v, c in rows if c is not None]
    return own[0] if own else (rows[0][0] if rows else None)


@dataclass(frozen=True)
class SetParameter(Operation):
    key: str
    value: int
    valid_from: str
    source: str | None = None

    kind = "parameter"
    label_key = "op.parameter"

    def label_params(self) -> dict[str, Any]:
        return {"name": self.key, "value": self.value, "date": self.valid_from}

    def apply(self, ctx: OpContext) -> Changes:
        if self.key not in KEYS:
            raise HgdError("parameter.unknown", key=self.key, keys=", ".join(KEYS))
        if not isinstance(self.value, int) or isinstance(self.value, bool) or self.value <= 0:
            raise HgdError("parameter.bad_value", key=self.key, value=self.value)
        when = event_date(self.valid_from, date.max).isoformat()
        row = ctx.session.scalars(select(Parameter).where(Parameter.commune_id == ctx.commune_id,
                                                          Parameter.key == self.key,
                                                          Parameter.valid_from == when)).first()
        if row is None:
            ctx.add(Parameter(commune_id=ctx.commune_id, key=self.key, value=self.value, valid_from=when,
                              source=self.source, status="active"))
        else:
            row.value, row.source, row.status = self.value, self.source, "active"
            ctx.updated(row)
        return ctx.changes
