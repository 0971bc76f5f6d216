"""Operations: every user action is a small value — what to do and with which parameters — applied by
`Register.apply(op)` in one transaction that records the action and its audit trail (the model is Anki's
`Collection` with its `OpChanges`, made persistent).

An operation has a label (a message key and parameters, so that an English window can say "Undo: Import f.csv"),
JSON-able parameters (kept with the action), and `apply(ctx) -> Changes`: the tables and ids it touched, so that a
screen refreshes only those. `Register.preview(op)` runs `apply` in a transaction that is rolled back and shows what
would change, entry by entry.
"""
from __future__ import annotations

import dataclasses
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from app import messages
from app.progress import Cancel, Progress, no_progress

if TYPE_CHECKING:
    from app.register import Register
    from app.store.audit import AuditedSession
    from app.store.models import Action

_T = TypeVar("_T")

messages.register({
    "op.undo": ("Hoàn tác: {label}", "Undo: {label}"),
    "op.redo": ("Làm lại: {label}", "Redo: {label}"),
    "action.legacy": ("{label}", "{label}"),
})

MAX_IDS = 2000  # beyond this many ids of one entity, Changes says "all of them" (a screen reloads the table)


@dataclass
class Changes:
    """What an operation touched: per entity ("person", "household", "event" …) the ids created and updated (None
    when too many to list: reload the whole table), and a summary of counts for messages."""

    created: dict[str, set[str] | None] = field(default_factory=dict)
    updated: dict[str, set[str] | None] = field(default_factory=dict)
    summary: dict[str, Any] = field(default_factory=dict)

    def touch(self, entity: str, *ids: str, created: bool = False) -> None:
        target = self.created if created else self.updated
        if entity in target and target[entity] is None:
            return
        found = target.setdefault(entity, set())
        assert found is not None
        found.update(ids)
        if len(found) > MAX_IDS:
            target[entity] = None

    def touch_all(self, entity: str, *, created: bool = False) -> None:
        (self.created if created else self.updated)[entity] = None

    @property
    def entities(self) -> set[str]:
        return set(self.created) | set(self.updated)

    def touches(self, entity: str, entity_id: str | None = None) -> bool:
        for target in (self.created, self.updated):
            if entity in target:
                ids = target[entity]
                if entity_id is None or ids is None or entity_id in ids:
                    return True
        return False

    def merge(self, other: Changes) -> None:
        for target, source in ((self.created, other.created), (self.updated, other.updated)):
            for entity, ids in source.items():
                if ids is None:
                    target[entity] = None
                else:
                    self.touch(entity, *ids, created=target is self.created)
        self.summary.update(other.summary)

    def to_dict(self) -> dict[str, Any]:
        def listed(d: dict[str, set[str] | None]) -> dict[str, Any]:
            return {k: (sorted(v) if v is not None else "all") for k, v in sorted(d.items())}
        return {"created": listed(self.created), "updated": listed(self.updated), "summary": self.summary}


@dataclass(frozen=True)
class Label:
    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, lang: str | None = None) -> str:
        known = messages.keys()
        if self.key not in known:
            _load_labels()
        params = dict(self.params)
        if "label" in params and isinstance(params["label"], dict):  # an undo's label names another label
            inner = params["label"]
            params["label"] = Label(inner["key"], inner.get("params") or {}).render(lang)
        return messages.render(self.key, lang, **params)

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "params": self.params}


# Where operations are defined: their labels are registered when these are imported. An action's label is shown
# (undo menu, history) by processes that never imported its operation.
LABEL_MODULES = ("app.registry", "app.io.operation", "app.demo.ops", "app.lists", "app.review", "app.packages", "app.exchange")


def _load_labels() -> None:
    import importlib
    import pkgutil

    for name in LABEL_MODULES:
        module = importlib.import_module(name)
        for info in pkgutil.walk_packages(getattr(module, "__path__", []), name + "."):
            importlib.import_module(info.name)


@dataclass
class OpContext:
    """What an operation's `apply` works with: the session of its transaction, its action, the commune it acts
    for, the day it is done (the clock of the register), and the progress and cancel contract."""

    register: Register
    session: AuditedSession
    action: Action
    commune_id: str | None
    today: date
    progress: Progress = no_progress
    cancel: Cancel | None = None
    changes: Changes = field(default_factory=Changes)
    value: Any = None          # the operation's own outcome, handed back in Result.value

    def check_cancel(self) -> None:
        if self.cancel is not None:
            self.cancel.check()

    def add(self, obj: _T) -> _T:
        """Add a new ORM object to the session (flushed, so its id is known) and note it as created."""
        self.session.add(obj)
        self.session.flush()
        self.changes.touch(_entity(obj), str(_key(obj)), created=True)
        return obj

    def updated(self, obj: Any) -> None:
        self.changes.touch(_entity(obj), str(_key(obj)))


def _entity(obj: Any) -> str:
    from app.store.audit import ENTITIES

    name: str = obj.__class__.__tablename__
    return ENTITIES.get(name, name)


def _key(obj: Any) -> Any:
    from sqlalchemy import inspect

    return inspect(obj).identity[0] if inspect(obj).identity else getattr(obj, "id", None)


class Operation(ABC):
    """Subclass as a frozen dataclass: its fields are the parameters. Set `kind` and `label_key`."""

    kind: ClassVar[str] = ""
    label_key: ClassVar[str] = ""
    undoable: ClassVar[bool] = True
    needs_commune: ClassVar[bool] = True

    def label(self) -> Label:
        return Label(self.label_key, self.label_params())

    def label_params(self) -> dict[str, Any]:
        return {}

    def params(self) -> dict[str, Any]:
        if dataclasses.is_dataclass(self):
            return _jsonable(dataclasses.asdict(self))
        return {}

    @abstractmethod
    def apply(self, ctx: OpContext) -> Changes:
        """Make the change in `ctx.session`; return what it touched (usually `ctx.changes`)."""


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


@dataclass
class Result:
    """What `Register.apply`, `undo` and `redo` return: the action's number and label, what changed, and the
    operation's own outcome (an import's report, a new person's id …)."""

    seq: int
    action_id: str
    label: Label
    changes: Changes
    value: Any = None


@dataclass
class PreviewLine:
    entity: str
    entity_id: str
    field: str
    old: Any
    new: Any


@dataclass
class Preview:
    """What an operation would change, entry by entry, and the changes it would report (nothing was written)."""

    label: Label
    lines: list[PreviewLine]
    changes: Changes
    value: Any = None
