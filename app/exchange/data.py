"""The period's data as the commune sends it (data.json, schema resources/schemas/payload-data-v1.json), and its
merge into an office's register.

The commune sends its whole register as it stands when the period is exported (the commune, every household and
person, whatever their status), the period and the events it reports with their subjects. Every record keeps its
UUID; an absent field is null. The office merges a package in one transaction: records it does not hold are
inserted, records it holds are updated field by field (audited), nothing is deleted. A UUID the office holds for
another commune is refused.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, DateTime, Float, Integer, Table, select
from sqlalchemy.orm import Session

from app import messages
from app.errors import HgdError
from app.lists import periods
from app.operations import OpContext
from app.store import write
from app.store.models import Commune, Event, EventSubject, Household, Period, Person

messages.register({
    "exchange.id_conflict": (("Gói của xã {commune} có bản ghi {entity} {id} mà sổ này đang giữ cho xã khác — bị từ "
                             "chối."),
                             ("The package of commune {commune} holds {entity} record {id}, which this register holds "
                             "for another commune — refused.")),
    "exchange.commune_other_id": (("Sổ này đã có xã mã {code} với một mã bản ghi khác ({held}); gói mang {sent} — bị "
                                  "từ chối."),
                                  ("This register already holds commune {code} under another record id ({held}); the "
                                  "package carries {sent} — refused.")),
})

FORMAT = "hgd-period-data"
COMMUNE_T: Table = Commune.__table__      # type: ignore[assignment]
HOUSEHOLD_T: Table = Household.__table__  # type: ignore[assignment]
PERSON_T: Table = Person.__table__        # type: ignore[assignment]
PERIOD_T: Table = Period.__table__        # type: ignore[assignment]
EVENT_T: Table = Event.__table__          # type: ignore[assignment]
SUBJECT_T: Table = EventSubject.__table__  # type: ignore[assignment]

# The columns data.json carries for each kind of record (the schema lists the same: a test keeps them equal).
SENT: dict[str, tuple[str, ...]] = {
    "commune_record": tuple(c.key for c in COMMUNE_T.columns),
    "households": tuple(c.key for c in HOUSEHOLD_T.columns),
    "persons": tuple(c.key for c in PERSON_T.columns),
    "period_record": ("id", "commune_id", "month", "status", "locked_at"),
    "events": tuple(c.key for c in EVENT_T.columns if c.key != "action_id"),
    "subjects": ("id", "person_id", "household_id", "role"),
}
# References inserted empty and set once every row of the package is in (rows of one table point to each other).
LATE = {"households": ("head_person_id", "related_household_id"), "persons": ("merged_into_id",)}


def _rows(session: Session, table: Table, names: tuple[str, ...], *where: Any) -> list[dict[str, Any]]:
    """The records as data.json holds them: absent (null) fields left out, times as text."""
    cols = [table.c[n] for n in names]
    stamped = [i for i, c in enumerate(cols) if isinstance(c.type, DateTime)]
    out = []
    for row in session.execute(select(*cols).where(*where).order_by(table.c.id)):
        values = list(row)
        for i in stamped:
            if values[i] is not None:
                values[i] = values[i].isoformat(sep=" ")
        out.append({k: v for k, v in zip(names, values) if v is not None})
    return out


def period_data(session: Session, commune_id: str, month: str) -> dict[str, Any]:
    """data.json of the commune's period `month` (locked or later: its events are the frozen ones)."""
    commune = session.get(Commune, commune_id)
    period = periods.find(session, commune_id, month)
    assert commune is not None and period is not None
    events = _rows(session, EVENT_T, SENT["events"], EVENT_T.c.commune_id == commune_id,
                   EVENT_T.c.reported_period_id == period.id)
    subjects: dict[str, list[dict[str, Any]]] = {}
    if events:
        q = select(*(SUBJECT_T.c[n] for n in ("event_id", *SENT["subjects"]))).join(
            EVENT_T, EVENT_T.c.id == SUBJECT_T.c.event_id).where(EVENT_T.c.reported_period_id == period.id)
        for row in session.execute(q.order_by(SUBJECT_T.c.id)):
            event_id, *values = row
            subjects.setdefault(event_id, []).append(
                {k: v for k, v in zip(SENT["subjects"], values, strict=True) if v is not None})
    for e in events:
        e["subjects"] = subjects.get(e["id"], [])
    return {
        "format": FORMAT, "format_version": 1,
        "commune": {"code": commune.code, "name": commune.name}, "period": month,
        "commune_record": _rows(session, COMMUNE_T, SENT["commune_record"], COMMUNE_T.c.id == commune_id)[0],
        "period_record": _rows(session, PERIOD_T, SENT["period_record"], PERIOD_T.c.id == period.id)[0],
        "households": _rows(session, HOUSEHOLD_T, SENT["households"], HOUSEHOLD_T.c.commune_id == commune_id),
        "persons": _rows(session, PERSON_T, SENT["persons"], PERSON_T.c.commune_id == commune_id),
        "events": events,
    }


def counts(data: dict[str, Any]) -> dict[str, int]:
    return {"households": len(data["households"]), "persons": len(data["persons"]), "events": len(data["events"])}


# --- the office's side -----------------------------------------------------------------------------------------------

def _converter(col: Any) -> Callable[[Any], Any] | None:
    if isinstance(col.type, DateTime):
        return datetime.fromisoformat
    if isinstance(col.type, Float) and not isinstance(col.type, Integer):
        return float
    if isinstance(col.type, Boolean):
        return bool
    return None


def _typing(table: Table, names: Iterable[str]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """A data.json record → the table's columns as they hold it (absent → None, text times → datetime)."""
    names = tuple(names)
    converted = [(n, f) for n in names if (f := _converter(table.c[n])) is not None]

    def typed(row: dict[str, Any]) -> dict[str, Any]:
        out = {n: row.get(n) for n in names}
        for n, f in converted:
            if out[n] is not None:
                out[n] = f(out[n])
        return out
    return typed


def _existing(session: Session, table: Table, names: tuple[str, ...], ids: list[str]) -> dict[str, dict[str, Any]]:
    cols = [table.c[n] for n in names]
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), 5000):
        part = ids[start:start + 5000]
        for row in session.execute(select(*cols).where(table.c.id.in_(part))):
            found[row[0]] = dict(zip(names, row, strict=True))
    return found


_COMPARED_OUT = frozenset({"created_at", "updated_at"})


def _upsert(ctx: OpContext, table: Table, key: str, records: list[dict[str, Any]], commune_id: str,
            commune_code: str) -> tuple[int, int, list[tuple[str, dict[str, Any], dict[str, Any]]]]:
    """Insert the records the office lacks (their late references empty), update the ones that differ. Returns
    (inserted, updated, late changes to make once everything is in)."""
    names = SENT[key]
    ordered = ("id", *(n for n in names if n != "id"))
    rows = list(map(_typing(table, names), records))
    held = _existing(ctx.session, table, ordered, [r["id"] for r in rows])
    late_cols = LATE.get(key, ())
    inserts, updates, late = [], [], []
    for row in rows:
        old = held.get(row["id"])
        if old is not None and "commune_id" in row and old["commune_id"] != commune_id:
            raise HgdError("exchange.id_conflict", commune=commune_code, entity=key, id=row["id"])
        if old is None:
            late_values = {c: row[c] for c in late_cols if row.get(c) is not None}
            if late_values:
                late.append((row["id"], dict.fromkeys(late_values), late_values))
            inserts.append({**row, **dict.fromkeys(late_cols)})
            continue
        new = {k: v for k, v in row.items() if k not in _COMPARED_OUT and k != "id"}
        before = {k: old[k] for k in new}
        if new != before:
            updates.append((row["id"], before, new))
    write.insert(ctx.session, table, inserts)
    if updates:
        write.update(ctx.session, table, updates)
    return len(inserts), len(updates), late


def merge(ctx: OpContext, data: dict[str, Any]) -> dict[str, int]:
    """The commune's records into this (office) register, in the caller's transaction."""
    session = ctx.session
    code = data["commune"]["code"]
    commune = data["commune_record"]
    held = session.scalar(select(Commune.id).where(Commune.code == code))
    if held is not None and held != commune["id"]:
        raise HgdError("exchange.commune_other_id", code=code, held=held, sent=commune["id"])
    cid = commune["id"]
    result: dict[str, int] = {}
    _upsert(ctx, COMMUNE_T, "commune_record", [commune], cid, code)
    ctx.check_cancel()
    late: list[tuple[Table, list[tuple[str, dict[str, Any], dict[str, Any]]]]] = []
    for key, table in (("households", HOUSEHOLD_T), ("persons", PERSON_T)):
        added, changed, pending = _upsert(ctx, table, key, data[key], cid, code)
        result[f"{key}_added"], result[f"{key}_updated"] = added, changed
        late.append((table, pending))
        ctx.check_cancel()
    for table, pending in late:
        if pending:
            write.update(session, table, pending)
    period = dict(data["period_record"])
    _upsert(ctx, PERIOD_T, "period_record", [period], cid, code)
    events = data["events"]
    added, changed, _ = _upsert(ctx, EVENT_T, "events", [{k: v for k, v in e.items() if k != "subjects"}
                                                         for e in events], cid, code)
    result["events_added"], result["events_updated"] = added, changed
    known = {e["id"] for e in events}
    held_subjects = {r[0] for r in session.execute(select(EventSubject.id).where(EventSubject.event_id.in_(known)))}
    typed = _typing(SUBJECT_T, SENT["subjects"])
    subjects = [{"event_id": e["id"], **typed(s)}
                for e in events for s in e["subjects"] if s["id"] not in held_subjects]
    write.insert(session, SUBJECT_T, subjects, audited=False)
    for entity in ("person", "household", "event", "commune", "period"):
        ctx.changes.touch_all(entity)
    return result
