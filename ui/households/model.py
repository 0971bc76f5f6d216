"""The item models of the households page: the list (lazy: a page of rows at a time, fetched off the GUI thread) and
a household's members."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer

from app.domain import codes
from app.domain.text import search_key
from app.errors import HgdError
from app.register import Register
from app.registry.common import status_name as core_status_name
from app.views.households import (
    PAGE,
    HouseholdFilter,
    HouseholdIndex,
    HouseholdRow,
    MemberRow,
    listed_ids,
    rows_for,
)
from ui.context import Runner

Index = QModelIndex | QPersistentModelIndex

def status_name(status: str) -> str:
    """The core's words for a status ("đang quản lý", "đã chuyển đi" …), capitalised for a table cell."""
    words = core_status_name(status)
    return words[:1].upper() + words[1:]


DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
USER = int(Qt.ItemDataRole.UserRole.value)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
MEMBERS_COLUMN = 3


class HouseholdsModel(QAbstractTableModel):
    """The households matching a filter. The matching ids come from a HouseholdIndex (built and searched on the
    runner's thread); the rows themselves are read `PAGE` at a time as the view scrolls (canFetchMore/fetchMore).

    Until the index is built, a filter without search text is answered by SQL (`listed_ids`): the list shows its
    first page at once and the index is built by a job of its own queued after it. The view asks `data` for every
    cell and role many times, so each row's cells are kept as a tuple of what is displayed."""

    COLUMNS = ("code", "head", "address", "members", "status")

    def __init__(self, runner: Runner, parent: Any = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.filter = HouseholdFilter()
        self.ids: list[str] = []
        self.rows: list[HouseholdRow] = []
        self._cells: list[tuple[Any, ...]] = []
        self._generation = 0
        self._fetching = False
        self._holder: dict[str, HouseholdIndex] = {}   # written on the runner's thread, in job order
        self.loaded: Callable[[], None] | None = None  # called after each search's first page arrives
        self.index_built: Callable[[], None] | None = None   # called when search by text is ready

    # --- loading --------------------------------------------------------------------------------------------
    def rebuild(self) -> None:
        """Read the list again (after changes) with the current filter, then build the index again: the list is
        shown from SQL first when the filter has no text; a search typed meanwhile waits for the index."""
        holder = self._holder

        def forget(_reg: Register) -> None:
            holder.pop("index", None)

        self.runner.query(forget, lambda _none: None)
        self.search(self.filter)
        QTimer.singleShot(0, self, self.build_index)   # after the first page is on screen

    def build_index(self) -> None:
        holder = self._holder

        def build(reg: Register) -> bool:
            if "index" in holder:
                return False
            holder["index"] = HouseholdIndex.build(reg)
            return True

        self.runner.query(build, self._built)

    def _built(self, _new: bool) -> None:
        if self.index_built is not None:
            self.index_built()

    def index_ready(self) -> HouseholdIndex | None:
        return self._holder.get("index")

    def search(self, f: HouseholdFilter) -> None:
        self.filter = f
        self._generation += 1
        generation = self._generation
        holder = self._holder

        def work(reg: Register) -> tuple[list[str], list[HouseholdRow]]:
            index = holder.get("index")
            if index is None and not search_key(f.text):
                ids = listed_ids(reg, f)
            else:
                if index is None:
                    index = holder["index"] = HouseholdIndex.build(reg)
                ids = index.search(f)
            return ids, rows_for(reg, ids[:PAGE])

        self.runner.query(work, lambda found: self._show(generation, *found))

    def _show(self, generation: int, ids: list[str], rows: list[HouseholdRow]) -> None:
        if generation != self._generation:
            return  # an older keystroke's answer
        self.beginResetModel()
        self.ids, self.rows = ids, rows
        self._cells = [self._cells_of(r) for r in rows]
        self._fetching = False
        self.endResetModel()
        if self.loaded is not None:
            self.loaded()

    def _cells_of(self, row: HouseholdRow) -> tuple[Any, ...]:
        return (row.code, row.head or self.tr("(no head)"), row.address, row.members, status_name(row.status))

    def retranslate(self) -> None:
        """The cells again in the language now chosen ("(no head)", the statuses)."""
        if self.rows:
            self._cells = [self._cells_of(r) for r in self.rows]
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.COLUMNS) - 1))

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and not self._fetching and len(self.rows) < len(self.ids)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        generation = self._generation
        wanted = self.ids[len(self.rows):len(self.rows) + PAGE]
        self.runner.query(lambda reg: rows_for(reg, wanted), lambda rows: self._more(generation, rows))

    def _more(self, generation: int, rows: list[HouseholdRow]) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        if not rows:
            return
        start = len(self.rows)
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self.rows.extend(rows)
        self._cells.extend(self._cells_of(r) for r in rows)
        self.endInsertRows()

    @property
    def total(self) -> int:
        return len(self.ids)

    def row_at(self, row: int) -> HouseholdRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    # --- the model ------------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return (self.tr("Household code"), self.tr("Head of household"), self.tr("Hamlet / address"),
                self.tr("Members"), self.tr("Status"))[section]

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        # the roles compared as ints: called for every cell and role the view draws or measures
        if role == DISPLAY:
            row = index.row()
            if 0 <= row < len(self._cells):
                return self._cells[row][index.column()]
            return None
        if role == USER:
            row = index.row()
            return self.rows[row].id if 0 <= row < len(self.rows) else None
        if role == ALIGNMENT and index.column() == MEMBERS_COLUMN:
            return RIGHT
        return None


def relation_text(code: str | None) -> str:
    return (codes.relation_name(code) or code or "") if code else ""


class MembersModel(QAbstractTableModel):
    """A household's members: name, relation to the head, sex, age, group, card validity."""

    COLUMNS = ("name", "relation", "sex", "age", "group", "card", "card_to")   # former members are listed apart

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.members: list[MemberRow] = []

    def set_members(self, members: list[MemberRow]) -> None:
        self.beginResetModel()
        self.members = list(members)
        self.endResetModel()

    def member(self, row: int) -> MemberRow | None:
        return self.members[row] if 0 <= row < len(self.members) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.members)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return (self.tr("Full name"), self.tr("Relation to head"), self.tr("Sex"), self.tr("Age"),
                self.tr("Group"), self.tr("Card"), self.tr("Card valid to"))[section]

    def card_text(self, m: MemberRow) -> str:
        return {"valid": self.tr("valid"), "expiring": self.tr("expiring soon"),
                "expired": self.tr("expired"), "none": self.tr("no card")}[m.card_state]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.members):
            return None
        m = self.members[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "name":
                return m.full_name + (" ★" if m.is_head else "")
            if col == "relation":
                return relation_text(m.relation)
            if col == "sex":
                return {"M": self.tr("Male"), "F": self.tr("Female")}.get(m.sex or "", "")
            if col == "age":
                return "" if m.age is None else m.age
            if col == "group":
                return m.group_code or ""
            if col == "card":
                return self.card_text(m)
            return _display_date(m.card_valid_to)
        if role == Qt.ItemDataRole.UserRole:
            return m.id
        if role == Qt.ItemDataRole.ForegroundRole and col == "card" and m.card_state in ("expired", "none"):
            from PySide6.QtGui import QColor
            return QColor("#b3261e")
        if role == Qt.ItemDataRole.ToolTipRole and col == "card" and m.card_state == "expiring":
            return self.tr("The card expires within 30 days")
        if role == Qt.ItemDataRole.ToolTipRole and m.is_head:
            return self.tr("Head of household")
        return None


def _display_date(iso: str | None) -> str:
    if not iso:
        return ""
    from app.domain.dates import PartialDate
    try:
        return PartialDate.from_iso(iso).display()
    except (HgdError, ValueError):
        return iso
