"""A period's lists frozen: the rows derived when the period is locked, grouped into lists (one D03-TS per
participant group, D02-LT, the change list, the TK1-TS declarations, the declaration software's template), each
with its header values, signers and date, stored as `produced_lists` + `list_lines` with a SHA-256 of the content —
so that a locked period's lists are regenerated identical whatever the register says later.

    lists = build(src, rows, versions, d02_reduced=False)      # plain values, nothing written
    store(ctx, period, lists, details)                           # in the locking operation
    load(session, period) -> list[FrozenList]                    # what the writers are given again
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from app.domain import codes
from app.ids import new_ids
from app.lists import forms
from app.lists.header import header
from app.lists.rows import CHANGES, D02, D03, TK1, VNPT, Row, Source
from app.operations import OpContext
from app.store import write
from app.store.models import ListLine, Period, ProducedList, Setting

ORDER = (D03, D02, CHANGES, TK1, VNPT)
VNPT_VERSION = "FileMau"  # the vendor's import template as read in FORMS.md §11


@dataclass
class Line:
    section: str
    event_id: str | None
    person_id: str | None
    data: dict[str, Any]


@dataclass
class FrozenList:
    """One list of a period as it is frozen: everything its writers need, JSON-able."""

    form: str
    version: str
    variant: str | None
    number: int
    header: dict[str, Any]
    signer: dict[str, str]
    place_date: str
    options: list[str]
    lines: list[Line]
    details: dict[str, Any] = field(default_factory=dict)
    id: str | None = None

    def content(self) -> dict[str, Any]:
        return {"form": self.form, "version": self.version, "variant": self.variant, "number": self.number,
                "header": self.header, "signer": self.signer, "place_date": self.place_date,
                "options": sorted(self.options),
                "lines": [[ln.section, ln.event_id, ln.person_id, ln.data] for ln in self.lines]}

    @property
    def sha256(self) -> str:
        text = json.dumps(self.content(), sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    @property
    def persons(self) -> int:
        """The persons on the list (its rows; a declaration is one person)."""
        return len(self.lines)

    @property
    def key(self) -> str:
        return f"{self.form}:{self.variant}" if self.variant else self.form


def versions(session: Session) -> dict[str, str]:
    """The form versions in use: the setting `form_version.<code>` when set, else the default (DOMAIN §6)."""
    out = dict(forms.DEFAULT_VERSIONS)
    for row in session.scalars(select(Setting).where(Setting.key.like("form_version.%"))):
        if row.value:
            out[row.key.split(".", 1)[1]] = str(row.value)
    return out


def _group_rank(code: str | None) -> int:
    order = [g.code for g in codes.commune_lists()]
    return order.index(code) if code in order else len(order)


def build(src: Source, rows: list[Row], used: dict[str, str], *, d02_reduced: bool = False) -> list[FrozenList]:
    """The period's lists from its rows: a list per form (and per group for D03-TS) that has rows; the change list
    always (a month without changes reports an empty one)."""
    grouped: dict[tuple[str, str | None], list[Row]] = {(CHANGES, None): []}
    for r in rows:
        grouped.setdefault((r.form, r.variant if r.form == D03 else None), []).append(r)
    keys = sorted(grouped, key=lambda k: (ORDER.index(k[0]), _group_rank(k[1]) if k[0] == D03 else 0))
    out = []
    for number, (form, variant) in enumerate(keys, 1):
        values, signer = header(src, form, variant, number)
        options = ["reduced"] if form == D02 and d02_reduced else []
        lines = [Line(r.section, r.event_id, r.person_id, r.data) for r in grouped[(form, variant)]]
        out.append(FrozenList(form, used.get(form, VNPT_VERSION), variant, number, values, signer,
                              src.on.isoformat(), options, lines))
    return out


def store(ctx: OpContext, period: Period, lists: list[FrozenList], details: dict[str, Any] | None = None) -> None:
    """Write the lists (audited) and their lines (written once, covered by their list's entry)."""
    lines: list[dict[str, Any]] = []
    ids = new_ids()
    for fl in lists:
        fl.details = {**(details or {}), "number": fl.number, "header": fl.header, "signer": fl.signer,
                      "place_date": fl.place_date, "options": fl.options}
        row = ctx.add(ProducedList(commune_id=period.commune_id, period_id=period.id, form=fl.form,
                                   form_version=fl.version, variant=fl.variant, sha256=fl.sha256,
                                   line_count=len(fl.lines), details=fl.details, status="active"))
        fl.id = row.id
        lines += [{"id": next(ids), "list_id": row.id, "seq": n, "section": ln.section, "event_id": ln.event_id,
                   "person_id": ln.person_id, "data": ln.data} for n, ln in enumerate(fl.lines, 1)]
    write.insert(ctx.session, cast(Table, ListLine.__table__), lines, now=ctx.action.at)


def load(session: Session, period: Period) -> list[FrozenList]:
    """The period's frozen lists, in the order they were made, each checked against its SHA-256."""
    produced = session.scalars(select(ProducedList).where(ProducedList.period_id == period.id,
                                                          ProducedList.status == "active")).all()
    ids = [p.id for p in produced]
    by_list: dict[str, list[Line]] = {i: [] for i in ids}
    for start in range(0, len(ids), 500):
        q = select(ListLine).where(ListLine.list_id.in_(ids[start:start + 500])).order_by(ListLine.list_id,
                                                                                         ListLine.seq)
        for ln in session.scalars(q):
            by_list[ln.list_id].append(Line(ln.section or "", ln.event_id, ln.person_id, ln.data))
    out = []
    for p in produced:
        d = p.details or {}
        fl = FrozenList(p.form, p.form_version, p.variant, int(d.get("number", 0)), d.get("header") or {},
                        d.get("signer") or {}, d.get("place_date") or "", list(d.get("options") or []),
                        by_list[p.id], {k: v for k, v in d.items() if k not in _OWN}, p.id)
        if fl.sha256 != p.sha256:
            raise RuntimeError(f"the frozen list {p.form} {p.variant or ''} of {period.month} does not match its "
                               "SHA-256: the register was changed outside hgd")
        out.append(fl)
    return sorted(out, key=lambda fl: fl.number)


_OWN = ("number", "header", "signer", "place_date", "options")
