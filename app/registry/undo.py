"""Undo and redo, persistent: each is an action of its own that restores audited values.

Undoing an action walks its audit entries backwards: a changed field gets its old value back; a created record is
voided (a person or household `void`, an event `withdrawn`, a setting unset) — nothing is deleted. Redoing walks
the undo's entries backwards in turn. Both are refused, with the reason, when:
- a later action that still stands changed the same rows (it is named: undo it first);
- the action's events sit in a period that is no longer open;
- a value is no longer what the action left (the register changed some other way).
Undo takes the last action not yet undone; redo the action undone last, provided nothing was done since.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import messages
from app.errors import HgdError
from app.operations import Changes, Label, OpContext, Operation
from app.store import write
from app.store.audit import TABLES
from app.store.models import Action, AuditEntry, Event, Period

if TYPE_CHECKING:
    from app.register import UndoStatus

messages.register({
    "undo.nothing": ("Không có thao tác nào để hoàn tác.", "There is nothing to undo."),
    "redo.nothing": ("Không có thao tác nào để làm lại.", "There is nothing to redo."),
    "undo.not_undoable": ("Thao tác '{label}' không hoàn tác được.", "'{label}' cannot be undone."),
    "undo.already": ("Thao tác '{label}' đã được hoàn tác rồi.", "'{label}' has already been undone."),
    "undo.blocked": (("Không hoàn tác riêng được '{label}': thao tác sau đó '{later}' (số {seq}) đã thay đổi cùng "
                     "dữ liệu. Hãy hoàn tác '{later}' trước."),
                     ("'{label}' cannot be undone alone: the later action '{later}' (no. {seq}) changed the same "
                     "records. Undo '{later}' first.")),
    "undo.locked": ("Không hoàn tác được '{label}': biến động của nó thuộc kỳ báo cáo {month} đã khóa.",
                    ("'{label}' cannot be undone: its events belong to the reporting period {month}, which is "
                    "locked.")),
    "undo.changed": ("Không hoàn tác được '{label}': dữ liệu đã bị thay đổi theo cách khác kể từ đó ({field}).",
                     "'{label}' cannot be undone: the records changed some other way since ({field})."),
    "redo.changed": ("Không làm lại được '{label}': dữ liệu đã thay đổi kể từ khi hoàn tác ({field}).",
                     "'{label}' cannot be redone: the records changed since it was undone ({field})."),
})

NORMAL = "normal"
UNDO, REDO = "undo", "redo"
# How a record created by an undone action is voided: (field, value).
VOID: dict[str, tuple[str, Any]] = {
    "person": ("status", "void"), "household": ("status", "void"), "event": ("status", "withdrawn"),
    "period": ("status", "void"), "commune": ("status", "void"), "finding": ("status", "void"),
    "resolution": ("status", "void"), "produced_list": ("status", "void"), "parameter": ("status", "void"),
    "setting": ("value", None), "package": ("status", "void"), "staff": ("status", "void"),
    "trusted_key": ("status", "void"), "unit_key": ("status", "void"),
}


def _label(act: Action) -> Label:
    return Label(act.label_key, act.label_params or {})


def _is_normal(act: Action) -> bool:
    return act.kind not in (UNDO, REDO)


def status(session: Session) -> UndoStatus:
    from app.register import UndoStatus

    undo = undo_candidate(session)
    redo = redo_candidate(session)
    return UndoStatus(_label(undo) if undo is not None and undo.undoable else None,
                      _label(redo[1]) if redo is not None else None,
                      undo.id if undo is not None and undo.undoable else None,
                      redo[1].id if redo is not None else None)


def undo_candidate(session: Session) -> Action | None:
    """The last normal action not undone (undoable or not: a non-undoable one stops undo there)."""
    return session.scalars(select(Action).where(Action.kind.not_in((UNDO, REDO)), Action.undone.is_(False))
                           .order_by(Action.seq.desc()).limit(1)).first()


def redo_candidate(session: Session) -> tuple[Action, Action] | None:
    """(the undo to reverse, its target) when redo is possible: the last undo whose target is still undone, with
    no normal action after it."""
    last_normal = session.scalar(select(Action.seq).where(Action.kind.not_in((UNDO, REDO)))
                                 .order_by(Action.seq.desc()).limit(1)) or 0
    for undo in session.scalars(select(Action).where(Action.kind == UNDO, Action.seq > last_normal)
                                .order_by(Action.seq.desc())):
        target = session.get(Action, undo.target_id)
        if target is not None and target.undone:
            return undo, target
    return None


def _application(session: Session, target: Action) -> Action:
    """The action whose entries now carry `target`'s effect: the target itself, or its latest redo."""
    redo = session.scalars(select(Action).where(Action.kind == REDO, Action.target_id == target.id)
                           .order_by(Action.seq.desc()).limit(1)).first()
    return redo or target


def _entries(session: Session, act: Action) -> list[AuditEntry]:
    return list(session.scalars(select(AuditEntry).where(AuditEntry.action_id == act.id).order_by(AuditEntry.id)))


def _standing(session: Session, act: Action) -> bool:
    """Whether a later action's effect still stands (so that undoing an earlier one alone would clash with it)."""
    if act.kind == UNDO:
        return False
    if act.kind == REDO:
        target = session.get(Action, act.target_id)
        return target is not None and not target.undone and _application(session, target).id == act.id
    return not act.undone


def _blocker(session: Session, app: Action, rows: set[tuple[str, str]]) -> Action | None:
    """The latest later action still standing that touched any of `rows` (usually few later actions: their rows
    are compared in Python, whatever the size of `rows` — an import's 150,000)."""
    if not rows:
        return None
    later = session.scalars(select(Action).where(Action.seq > app.seq).order_by(Action.seq.desc())).all()
    for act in later:
        if not _standing(session, act):
            continue
        touched = session.execute(select(AuditEntry.entity, AuditEntry.entity_id)
                                  .where(AuditEntry.action_id == act.id))
        if any((entity, entity_id) in rows for entity, entity_id in touched):
            return act
    return None


def _check_periods(session: Session, entries: list[AuditEntry], label: str) -> None:
    event_ids = {e.entity_id for e in entries if e.entity == "event"}
    if not event_ids:
        return
    for month, status_ in session.execute(
            select(Period.month, Period.status).join(Event, Event.reported_period_id == Period.id)
            .where(Event.id.in_(event_ids))):
        if status_ not in ("open", "void"):
            raise HgdError("undo.locked", label=label, month=f"{month[5:]}/{month[:4]}")


def revert(ctx: OpContext, entries: list[AuditEntry], *, label: str, changed_key: str) -> Changes:
    """Restore the values before `entries` (walked backwards): creations voided, fields set back; each row's current
    value must still be what the entries left."""
    session, changes = ctx.session, ctx.changes
    created = {(e.entity, e.entity_id) for e in entries if e.field == "*"}
    # per entity: id -> {field: value to restore}, and the value each field must hold now
    restore: dict[str, dict[str, dict[str, Any]]] = defaultdict(lambda: defaultdict(dict))
    expect: dict[str, dict[str, dict[str, Any]]] = defaultdict(lambda: defaultdict(dict))
    for e in reversed(entries):
        if e.field == "*":
            field, value = VOID[e.entity]
            restore[e.entity][e.entity_id][field] = value
            changes.touch(e.entity, e.entity_id)
        elif (e.entity, e.entity_id) in created:
            continue  # the record is voided: its later field changes need no undoing
        else:
            restore[e.entity][e.entity_id][e.field] = e.old
            expect[e.entity][e.entity_id].setdefault(e.field, e.new)
            changes.touch(e.entity, e.entity_id)
    for entity, rows in restore.items():
        table = TABLES[entity]
        key = next(iter(table.primary_key.columns))
        fields = sorted({f for values in rows.values() for f in values})
        current: dict[str, dict[str, Any]] = {}
        ids = list(rows)
        for start in range(0, len(ids), 900):
            for r in session.execute(select(key, *(table.c[f] for f in fields))
                                     .where(key.in_(ids[start:start + 900]))).mappings():
                current[str(r[key.key])] = {f: r[f] for f in fields}
        updates = []
        for row_id, values in rows.items():
            now = current.get(row_id)
            if now is None:
                raise HgdError(changed_key, label=label, field=f"{entity} {row_id}")
            for field, wanted in expect[entity].get(row_id, {}).items():
                if _norm(now[field]) != _norm(wanted):
                    raise HgdError(changed_key, label=label, field=f"{entity}.{field}")
            updates.append((row_id, {f: now[f] for f in values}, values))
        write.update(session, table, updates, now=ctx.action.at)
    return changes


def _norm(value: Any) -> Any:
    from app.store.audit import typed

    return typed(value)


@dataclass(frozen=True)
class UndoAction(Operation):
    action_id: str | None = None

    kind = UNDO
    label_key = "op.undo"
    undoable = False
    needs_commune = False

    def apply(self, ctx: OpContext) -> Changes:
        session = ctx.session
        target = session.get(Action, self.action_id) if self.action_id else undo_candidate(session)
        if target is None or not _is_normal(target):
            raise HgdError("undo.nothing")
        label = _label(target).render()
        if target.undone:
            raise HgdError("undo.already", label=label)
        if not target.undoable:
            raise HgdError("undo.not_undoable", label=label)
        app = _application(session, target)
        entries = _entries(session, app)
        _check_periods(session, entries, label)
        blocker = _blocker(session, app, {(e.entity, e.entity_id) for e in entries})
        if blocker is not None:
            raise HgdError("undo.blocked", label=label, later=_label(blocker).render(), seq=blocker.seq)
        revert(ctx, entries, label=label, changed_key="undo.changed")
        target.undone = True
        _relabel(ctx, target)
        ctx.value = {"undone_seq": target.seq}
        return ctx.changes


@dataclass(frozen=True)
class RedoAction(Operation):
    kind = REDO
    label_key = "op.redo"
    undoable = False
    needs_commune = False

    def apply(self, ctx: OpContext) -> Changes:
        session = ctx.session
        found = redo_candidate(session)
        if found is None:
            raise HgdError("redo.nothing")
        undo, target = found
        label = _label(target).render()
        entries = _entries(session, undo)
        _check_periods(session, _entries(session, _application(session, target)), label)
        revert(ctx, entries, label=label, changed_key="redo.changed")
        target.undone = False
        _relabel(ctx, target)
        ctx.value = {"redone_seq": target.seq}
        return ctx.changes


def _relabel(ctx: OpContext, target: Action) -> None:
    """The undo/redo action names what it undid: "Hoàn tác: Nhập tệp f.csv"."""
    ctx.action.label_params = {"label": {"key": target.label_key, "params": target.label_params or {}}}
    ctx.action.target_id = target.id
    ctx.action.commune_id = target.commune_id
