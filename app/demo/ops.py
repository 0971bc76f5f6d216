"""The demo commune recorded in a register the way a clerk's would be: the register as it stood when the demo's
months began (one action, like an import), then each event through the registry's own services, on its day."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table

from app import messages
from app.domain.person import EDITABLE
from app.operations import Changes, OpContext, Operation
from app.store import write
from app.store.models import Household, Person

if TYPE_CHECKING:
    from app.register import Register

messages.register({
    "op.demo": ("Tạo xã mẫu ({persons} người)", "Create the demo commune ({persons} persons)"),
})

_GIVEN_AT_BIRTH = {"full_name", "sex", "birth_date", "birth_place"}


def person_fields(row: dict[str, Any]) -> dict[str, Any]:
    """A generated person's row as the fields a clerk would enter (app.domain.person)."""
    out = {f: row.get(f) for f in EDITABLE if row.get(f) not in (None, "")}
    if row.get("birth_date"):
        out["birth_date"] = row["birth_date"]
    return out


def born_fields(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in person_fields(row).items() if k not in _GIVEN_AT_BIRTH}


@dataclass(frozen=True)
class DemoBase(Operation):
    """The demo register as it stood before its months of events: households and persons, in bulk."""

    persons: int
    seed: int
    rows: tuple[list[dict[str, Any]], list[dict[str, Any]]] | None = field(default=None, compare=False, repr=False)

    kind = "demo"
    label_key = "op.demo"

    def label_params(self) -> dict[str, Any]:
        return {"persons": self.persons}

    def params(self) -> dict[str, Any]:
        return {"persons": self.persons, "seed": self.seed}

    def apply(self, ctx: OpContext) -> Changes:
        assert self.rows is not None
        households, persons = self.rows
        cid = ctx.commune_id
        hh = [{**{k: v for k, v in h.items() if k not in ("commune_code", "head_person_id")}, "commune_id": cid}
              for h in households]
        referenced = sorted(hh, key=lambda h: h.get("related_household_id") is not None)
        write.insert(ctx.session, cast(Table, Household.__table__), referenced, now=ctx.action.at)
        write.insert(ctx.session, cast(Table, Person.__table__), [{**p, "commune_id": cid} for p in persons], now=ctx.action.at)
        heads = [(h["id"], {"head_person_id": None}, {"head_person_id": h["head_person_id"]})
                 for h in households if h.get("head_person_id")]
        write.update(ctx.session, cast(Table, Household.__table__), heads, now=ctx.action.at)
        ctx.changes.touch_all("person", created=True)
        ctx.changes.touch_all("household", created=True)
        return ctx.changes


def replay(register: Register, when: date, op: Operation, minute: int) -> None:
    """Apply `op` as if the clerk recorded it on `when` (the action's time and the register's day)."""
    moment = datetime.combine(when, time(8, 0)) + timedelta(seconds=30 * minute)
    register.clock = lambda: moment
    register.today = lambda: when
    register.apply(op)
