"""The audit trail: every insert and update of a person or household leaves entries in the same transaction.

ORM changes are caught in `before_flush`; bulk imports that write with Core call `snapshot_rows` themselves.
A change outside an action (see `app.store.session.action`) is refused: nothing changes without who and why.
"""
from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any, Iterable

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from app.store.models import Action, AuditEntry, Household, Person, new_id, utcnow

AUDITED = {Person: "person", Household: "household"}
SKIPPED_FIELDS = {"created_at", "updated_at"}


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def snapshot(values: dict[str, Any]) -> str:
    return json.dumps(
        {k: (v if type(v) in (str, int) else _text(v)) for k, v in values.items()
         if v is not None and k not in SKIPPED_FIELDS},
        ensure_ascii=False,
        sort_keys=True,
    )


def snapshot_rows(entity: str, rows: Iterable[dict[str, Any]], act: Action) -> list[dict[str, Any]]:
    """Audit rows (for a Core insert) recording the creation of each row given."""
    at = utcnow()
    return [
        {"entity": entity, "entity_id": r["id"], "field": "*", "old": None, "new": snapshot(r),
         "user": act.user, "at": at, "action_id": act.id}
        for r in rows
    ]


def _columns(obj) -> dict[str, Any]:
    """The row as it will be inserted, scalar column defaults included."""
    values = {}
    for attr in inspect(obj).mapper.column_attrs:
        value = getattr(obj, attr.key)
        default = attr.columns[0].default
        if value is None and default is not None and default.is_scalar:
            value = default.arg
        values[attr.key] = value
    return values


@event.listens_for(Session, "before_flush")
def _audit_before_flush(session: Session, _ctx, _instances) -> None:
    touched = [o for o in list(session.new) + list(session.dirty) if type(o) in AUDITED]
    if not touched:
        return
    act: Action | None = session.info.get("action")
    if act is None:
        raise RuntimeError("a change to a person or household outside an action (no audit context)")
    at = utcnow()
    for obj in touched:
        entity = AUDITED[type(obj)]
        if obj in session.new:
            if obj.id is None:
                obj.id = new_id()
            session.add(AuditEntry(entity=entity, entity_id=obj.id, field="*", old=None,
                                   new=snapshot(_columns(obj)), user=act.user, at=at, action_id=act.id))
            continue
        state = inspect(obj)
        for attr in state.mapper.column_attrs:
            if attr.key in SKIPPED_FIELDS:
                continue
            hist = state.attrs[attr.key].history
            if not hist.has_changes():
                continue
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
            if _text(old) == _text(new):
                continue
            session.add(AuditEntry(entity=entity, entity_id=obj.id, field=attr.key, old=_text(old),
                                   new=_text(new), user=act.user, at=at, action_id=act.id))


@event.listens_for(Session, "before_flush")
def _refuse_deletes(session: Session, _ctx, _instances) -> None:
    for obj in session.deleted:
        if type(obj) in AUDITED:
            raise RuntimeError("persons and households are never deleted: set a status with its date")
