"""The audit trail: every insert and update of every table an operation touches leaves entries in the same
transaction, with typed old and new values (JSON: text, numbers, null); nothing is ever deleted.

One function makes the entries for both databases (`entries_for_insert`, `entries_for_update`); the ORM's changes are
caught in `before_flush` of the store's own session class (`AuditedSession`), and bulk writes (app.store.write) call
the same functions — or, on SQLite, let SQLite build the creation snapshots itself (json_object in C), which gives
the same JSON. A change outside an action is refused: nothing changes without who and why.

Append-only children written once with their parent and never changed (an event's subjects, a finding's subjects, a
produced list's lines, an import's issues) are covered by their parent's entries and not audited one by one.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, event, inspect
from sqlalchemy.orm import Session

from app.store.clock import utcnow
from app.store.models import (
    Action,
    AuditEntry,
    Base,
    Commune,
    Event,
    Finding,
    Household,
    Package,
    PackageAck,
    PackageCollection,
    Parameter,
    Period,
    Person,
    ProducedList,
    Resolution,
    Setting,
    Staff,
    TrustedUnitKey,
    UnitKey,
)

# table name -> the entity name its audit entries carry
ENTITIES: dict[str, str] = {
    Person.__tablename__: "person", Household.__tablename__: "household", Event.__tablename__: "event",
    Period.__tablename__: "period", Setting.__tablename__: "setting", Commune.__tablename__: "commune",
    Finding.__tablename__: "finding", Resolution.__tablename__: "resolution",
    ProducedList.__tablename__: "produced_list", Parameter.__tablename__: "parameter",
    Package.__tablename__: "package", Staff.__tablename__: "staff",
    UnitKey.__tablename__: "unit_key", TrustedUnitKey.__tablename__: "trusted_key",
    PackageCollection.__tablename__: "package_collection", PackageAck.__tablename__: "package_ack",
}
TABLES: dict[str, Table] = {ENTITIES[name]: Base.metadata.tables[name] for name in ENTITIES}
SKIPPED_FIELDS = frozenset({"created_at", "updated_at"})


class AuditedSession(Session):
    """The store's sessions: their flushes are audited (listeners below are bound to this class only)."""


def typed(value: Any) -> Any:
    """A column value as the audit trail stores it: JSON's own types; dates and times as ISO text."""
    if value is None or value.__class__ in (str, int, float, bool):
        return value
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {str(k): typed(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [typed(v) for v in value]
    return str(value)


def snapshot(values: dict[str, Any]) -> dict[str, Any]:
    """A created row as its '*' entry holds it: every column with a value, timestamps left out, keys sorted."""
    return {k: typed(values[k]) for k in sorted(values) if values[k] is not None and k not in SKIPPED_FIELDS}


def entry(act: Action, entity: str, entity_id: str, field: str, old: Any, new: Any,
          at: datetime | None = None) -> dict[str, Any]:
    return {"action_id": act.id, "entity": entity, "entity_id": str(entity_id), "field": field, "old": old,
            "new": new, "actor": act.actor, "at": at or utcnow()}


def entries_for_insert(act: Action, table: Table, rows: list[dict[str, Any]],
                       at: datetime | None = None) -> list[dict[str, Any]]:
    """The creation entries of rows about to be inserted (each complete: defaults filled in)."""
    entity, key = ENTITIES[table.name], _key(table)
    at = at or utcnow()
    return [entry(act, entity, r[key], "*", None, snapshot(r), at) for r in rows]


def entries_for_update(act: Action, table: Table, entity_id: str, old: dict[str, Any], new: dict[str, Any],
                       at: datetime | None = None) -> list[dict[str, Any]]:
    """One entry per field whose typed value changes from `old` to `new`."""
    entity = ENTITIES[table.name]
    out = []
    for field, value in new.items():
        if field in SKIPPED_FIELDS:
            continue
        before, after = typed(old.get(field)), typed(value)
        if before != after:
            out.append(entry(act, entity, entity_id, field, before, after, at))
    return out


def _key(table: Table) -> str:
    return next(iter(table.primary_key.columns)).key


def _columns(obj: Any) -> dict[str, Any]:
    """The row as it will be inserted, scalar column defaults included."""
    values = {}
    for attr in inspect(obj).mapper.column_attrs:
        value = getattr(obj, attr.key)
        default = attr.columns[0].default
        if value is None and default is not None and default.is_scalar:
            value = default.arg
            setattr(obj, attr.key, value)
        values[attr.key] = value
    return values


@event.listens_for(AuditedSession, "before_flush")
def _audit_before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    for obj in session.deleted:
        if obj.__class__.__tablename__ in ENTITIES:
            raise RuntimeError("nothing in the register is deleted: set a status with its date")
    touched = [o for o in list(session.new) + list(session.dirty)
               if getattr(o.__class__, "__tablename__", None) in ENTITIES]
    if not touched:
        return
    act: Action | None = session.info.get("action")
    if act is None:
        raise RuntimeError("a change to the register outside an action (no audit context)")
    at = utcnow()
    rows: list[dict[str, Any]] = []
    for obj in touched:
        table = obj.__class__.__table__
        if obj in session.new:
            key = _key(table)
            if getattr(obj, key) is None and table.c[key].default is not None:
                setattr(obj, key, table.c[key].default.arg(None))
            rows += entries_for_insert(act, table, [_columns(obj)], at)
            continue
        state = inspect(obj)
        old, new = {}, {}
        for attr in state.mapper.column_attrs:
            hist = state.attrs[attr.key].history
            if hist.has_changes():
                old[attr.key] = hist.deleted[0] if hist.deleted else None
                new[attr.key] = hist.added[0] if hist.added else None
        rows += entries_for_update(act, table, str(state.identity[0]), old, new, at)
    for r in rows:
        session.add(AuditEntry(**r))
