"""The one front door to a register: open (checking and migrating first), apply operations, undo and redo, read.
The command line, the GUI, the demo and the tests all use it; nothing else writes.

    with Register.open("xa.db") as reg:
        result = reg.apply(RecordBirth(household="15703001", full_name="Nguyễn Văn An", sex="M",
                                       birth_date="2026-11-02"))
        reg.undo_status()          # UndoStatus(undo=Label "Ghi nhận sinh: Nguyễn Văn An", redo=None)
        reg.undo()
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any, Self

from sqlalchemy import Engine, func, select

from app import messages
from app.errors import HgdError
from app.operations import Changes, Label, OpContext, Operation, Preview, PreviewLine, Result
from app.progress import Cancel, Progress, no_progress
from app.store.audit import AuditedSession
from app.store.clock import utcnow
from app.store.models import Action, AuditEntry, Commune, Setting
from app.store.store import Store
from app.store.target import Target
from app.users import current_user

messages.register({
    "register.exists": ("Đã có sổ tại '{path}'; chọn tệp khác hoặc mở sổ này.",
                        "A register already exists at '{path}'; choose another file or open it."),
    "register.no_commune": ("Sổ '{path}' chưa có thông tin xã; hãy tạo sổ bằng 'hgd init'.",
                            "The register '{path}' has no commune yet; create it with 'hgd init'."),
    "register.folder_missing": ("Thư mục '{path}' không tồn tại.", "The folder '{path}' does not exist."),
    "register.office": ("Sổ '{path}' là sổ của cơ quan BHXH (nhiều xã): hãy chọn xã.",
                        "'{path}' is a social-insurance office's register (many communes): choose a commune."),
})

COMMUNE_FIELDS = ("code", "name", "province_code", "province_name", "district_name", "address", "phone", "email",
                  "tax_code", "unit_code", "chairman", "clerk", "post_office", "bhxh_office")
UNKNOWN_CODE = "00000"  # a commune whose code the clerk has not given yet (hgd commune set --commune-code)
# The commune's identity as the older settings named it (the command line's options keep these names).
LEGACY_KEYS = {"commune_code": "code", "commune_name": "name"}


class Register:
    """An open register. Use as a context manager or call close()."""

    def __init__(self, store: Store, actor: str | None = None) -> None:
        self.store = store
        self.actor = actor or current_user()
        self.clock: Callable[[], datetime] = utcnow   # the demo replays its months with a clock of its own
        self.today: Callable[[], date] = date.today

    # --- opening -------------------------------------------------------------------------------------------------
    @classmethod
    def open(cls, db: str | Path | Target, *, create: bool = False, write: bool = True,
             user: str | None = None, checked: bool = False) -> Register:
        """Open a register (`create`: make a new, empty one). `write` False for reading commands: nothing is
        created, upgraded or changed. `checked`: this process has just opened the same file and run its quick
        check (the window's second, reading connection): the check is not run twice."""
        return cls(Store.open(db, create=create, write=write, checked=checked), user)

    @classmethod
    def create(cls, db: str | Path | Target, commune: dict[str, str], *, user: str | None = None,
               first: Operation | None = None) -> Register:
        """A new register for one commune, identity given as COMMUNE_FIELDS (or commune_code / commune_name).
        Refuses a file (or a PostgreSQL database) that already holds a register. A SQLite register is built in a
        hidden file beside its place and moved there when complete: a failed or killed creation leaves nothing
        where the register belongs."""
        from app.commune import commune_identity
        from app.store import building, sqlite_file
        from app.store.target import resolve

        target = resolve(db)
        if first is None and not commune.get("commune_code") and not commune.get("code"):
            found = commune_identity(name=commune.get("commune_name") or commune.get("name") or "", strict=False)
            commune = {**found, **commune}
        if target.path is None:
            return cls._create_in(target, commune, user, first)
        path = target.path
        sqlite_file.check_regular(path)
        if path.is_symlink():
            path = path.resolve()  # built beside the file the link names, and moved over it
        if path.exists() and path.stat().st_size > 0:
            acc = sqlite_file.access(path)
            sqlite_file.preflight(path, acc.mode, creating=True)  # a foreign or damaged file is named as such
            raise HgdError("register.exists", path=target.where)
        if not path.parent.is_dir():
            raise HgdError("register.folder_missing", path=str(path.parent))
        building.clean_stale(path)
        work = building.work_path(path, "creating")
        was_empty = path.exists()
        try:
            built = cls._create_in(resolve(work), commune, user, first)
            try:
                built.store.seal()
            finally:
                built.close()
            building.publish(work, path)
        except HgdError as exc:  # said of the work file: said of the register's place
            if exc.params.get("path") != str(work):
                raise
            raise HgdError(exc.key, **{**exc.params, "path": target.where}) from exc
        finally:
            building.remove_files(work)
        try:
            return cls.open(target, user=user)
        except BaseException:  # what was just put in place does not open: it is not left where a register belongs
            building.remove_files(path)
            if was_empty:
                path.touch()
            raise

    @classmethod
    def _create_in(cls, target: Target, commune: dict[str, str], user: str | None,
                   first: Operation | None = None) -> Register:
        from app.registry.commune import CreateCommune

        reg = cls.open(target, create=True, user=user)
        try:
            with reg.reading() as s:
                if s.scalar(select(func.count()).select_from(Commune)):
                    raise HgdError("register.exists", path=reg.where)
            reg.apply(first or CreateCommune(identity=_identity(commune)))  # `first`: an office's InitOffice
        except BaseException:
            reg.close()
            raise
        return reg

    @property
    def where(self) -> str:
        return self.store.where

    @property
    def engine(self) -> Engine:
        return self.store.engine

    @property
    def backup_path(self) -> Path | None:
        return self.store.backup_path

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing: operations, undo, redo -------------------------------------------------------------------------
    def apply(self, op: Operation, *, progress: Progress | None = None, cancel: Cancel | None = None,
              commune_id: str | None = None) -> Result:
        """Apply one operation as one action, in one transaction holding the write lock."""
        with self.store.writing() as session:
            ctx = self._context(session, op, commune_id, progress, cancel)
            changes = op.apply(ctx) or ctx.changes
            session.flush()
            ctx.action.summary = changes.summary or None
            label = Label(ctx.action.label_key, ctx.action.label_params or {})
            return Result(ctx.action.seq, ctx.action.id, label, changes, ctx.value)

    def preview(self, op: Operation, *, commune_id: str | None = None) -> Preview:
        """What `op` would change: it is applied in a transaction that is then rolled back."""
        with self.store.writing() as session:
            ctx = self._context(session, op, commune_id, None, None)
            changes = op.apply(ctx) or ctx.changes
            session.flush()
            entries = session.scalars(select(AuditEntry).where(AuditEntry.action_id == ctx.action.id)
                                      .order_by(AuditEntry.id)).all()
            lines = [PreviewLine(e.entity, e.entity_id, e.field, e.old, e.new) for e in entries]
            value, label = ctx.value, Label(ctx.action.label_key, ctx.action.label_params or {})
            session.rollback()
        return Preview(label, lines, changes, value)

    def _context(self, session: AuditedSession, op: Operation, commune_id: str | None, progress: Progress | None,
                 cancel: Cancel | None) -> OpContext:
        cid = commune_id or (self.commune_id if op.needs_commune else self._commune_id_or_none(session))
        label = op.label()
        seq = (session.scalar(select(func.max(Action.seq))) or 0) + 1
        act = Action(seq=seq, kind=op.kind, label_key=label.key, label_params=label.params or None,
                     params=op.params() or None, actor=self.actor, at=self.clock(), commune_id=cid,
                     undoable=op.undoable, undone=False)
        session.add(act)
        session.flush()
        session.info["action"] = act
        return OpContext(self, session, act, cid, self.today(), progress or no_progress, cancel)

    def undo_status(self) -> UndoStatus:
        from app.registry import undo

        with self.reading() as s:
            return undo.status(s)

    def undo(self, action_id: str | None = None) -> Result:
        """Undo the last action not yet undone (or the one named, when nothing later stands in its way)."""
        from app.registry.undo import UndoAction

        return self.apply(UndoAction(action_id), commune_id=self._commune_id_or_none())

    def redo(self) -> Result:
        """Redo the action undone last, if nothing was done since."""
        from app.registry.undo import RedoAction

        return self.apply(RedoAction(), commune_id=self._commune_id_or_none())

    # --- reading ------------------------------------------------------------------------------------------------
    @contextmanager
    def reading(self) -> Iterator[AuditedSession]:
        with self.store.reading() as session:
            yield session

    def setting(self, key: str, default: Any = None) -> Any:
        with self.reading() as s:
            row = s.get(Setting, key)
            return default if row is None or row.value is None else row.value

    def settings(self) -> dict[str, Any]:
        with self.reading() as s:
            return {row.key: row.value for row in s.scalars(select(Setting)) if row.value is not None}

    def _commune_id_or_none(self, session: AuditedSession | None = None) -> str | None:
        if session is not None:
            row = session.get(Setting, "commune_id")
            value: str | None = None if row is None else row.value
            return value
        stored: str | None = self.setting("commune_id")
        return stored

    @property
    def commune_id(self) -> str:
        """The commune this register serves (a commune's register has exactly one)."""
        cid = self._commune_id_or_none()
        if not cid:
            raise HgdError("register.no_commune", path=self.where)
        return cid

    def commune(self) -> dict[str, str]:
        """The commune's identity (empty when the register has none yet), with the older key names too."""
        cid = self._commune_id_or_none()
        if not cid:
            return {}
        with self.reading() as s:
            row = s.get(Commune, cid)
            if row is None:
                return {}
            out = {f: getattr(row, f) for f in COMMUNE_FIELDS if getattr(row, f) and f not in ("code", "name")}
            out["commune_name"] = row.name
            if row.code != UNKNOWN_CODE:
                out["commune_code"] = row.code
        return out

    def identity(self) -> dict[str, str]:
        """Whose register this is: an office's (`office_name`, `office_code`) or a commune's (as `commune()`);
        `kind` says which. Empty apart from `kind` when a commune's register has no commune yet."""
        if self.setting("register_kind") == "office":
            office = self.setting("office") or {}
            return {"kind": "office", "office_name": str(office.get("name", "")),
                    "office_code": str(office.get("code", ""))}
        return {"kind": "commune", **self.commune()}

    def parameter(self, key: str, on: date | None = None) -> Any:
        from app.registry.parameters import value_on

        with self.reading() as s:
            return value_on(s, key, on or self.today(), self._commune_id_or_none(s))

    def stats(self, today: date | None = None) -> dict[str, Any]:
        from app.stats import register_stats

        with self.reading() as s:
            return register_stats(s, today=today or self.today(), commune_id=self._commune_id_or_none(s))

    def actions(self, limit: int = 50) -> list[dict[str, Any]]:
        """The latest actions, newest first, with their labels."""
        with self.reading() as s:
            rows = s.scalars(select(Action).order_by(Action.seq.desc()).limit(limit)).all()
            return [{"seq": a.seq, "id": a.id, "kind": a.kind, "label": Label(a.label_key, a.label_params or {}),
                     "actor": a.actor, "at": a.at, "undone": a.undone} for a in rows]


class UndoStatus:
    """The labels of what Undo and Redo would do now (None: nothing to undo or redo)."""

    def __init__(self, undo: Label | None, redo: Label | None, undo_id: str | None = None,
                 redo_id: str | None = None) -> None:
        self.undo, self.redo, self.undo_id, self.redo_id = undo, redo, undo_id, redo_id

    def __repr__(self) -> str:
        return f"UndoStatus(undo={self.undo}, redo={self.redo})"


def _identity(commune: dict[str, str]) -> dict[str, str]:
    out = {}
    for key, value in commune.items():
        field = LEGACY_KEYS.get(key, key)
        if field in COMMUNE_FIELDS and value:
            out[field] = value
    return out


__all__ = ["Changes", "Register", "UndoStatus"]
