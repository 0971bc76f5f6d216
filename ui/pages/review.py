"""The review page: findings by kind with their counts; a duplicate pair side by side (differences highlighted, the
reasons in words, a box per field to take B's value on merging); the other findings listed, a household one marked
checked. Keys: M merge, D distinct, S skip, N / P next / previous pair, C household checked. The review itself runs
as an operation with progress and Cancel."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.operations import Changes, Result
from app.review.resolve import MERGEABLE, ConfirmDistinct, MarkHouseholdChecked, MergePersons
from app.review.service import HOUSEHOLD_KINDS, RunReview
from app.views import review as views
from ui.context import AppContext
from ui.pages.base import Page

Index = QModelIndex | QPersistentModelIndex
DIFF = QColor("#fff0c2")
FIELD_NAMES = {
    "full_name": QT_TRANSLATE_NOOP("ReviewPage", "Full name"),
    "birth_date": QT_TRANSLATE_NOOP("ReviewPage", "Date of birth"),
    "sex": QT_TRANSLATE_NOOP("ReviewPage", "Sex"),
    "birth_place": QT_TRANSLATE_NOOP("ReviewPage", "Birth place"),
    "id_number": QT_TRANSLATE_NOOP("ReviewPage", "CCCD"),
    "bhxh_code": QT_TRANSLATE_NOOP("ReviewPage", "BHXH code"),
    "household_code": QT_TRANSLATE_NOOP("ReviewPage", "Household"),
    "relation": QT_TRANSLATE_NOOP("ReviewPage", "Relation to head"),
    "group_code": QT_TRANSLATE_NOOP("ReviewPage", "Group"),
    "card_number": QT_TRANSLATE_NOOP("ReviewPage", "Card number"),
    "address": QT_TRANSLATE_NOOP("ReviewPage", "Address"),
    "phone": QT_TRANSLATE_NOOP("ReviewPage", "Phone"),
    "status": QT_TRANSLATE_NOOP("ReviewPage", "Status"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReviewPage", text)


class KindModel(QAbstractListModel):
    """The kinds of finding, each with its open count."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)   # owned by its page: never freed by the garbage collector while a view shows it
        self.kinds: list[views.KindCount] = []

    def set_kinds(self, kinds: list[views.KindCount]) -> None:
        self.beginResetModel()
        self.kinds = list(kinds)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.kinds)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.kinds):
            return None
        k = self.kinds[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{k.title} ({k.open})"
        if role == Qt.ItemDataRole.UserRole:
            return k.kind
        if role == Qt.ItemDataRole.FontRole and k.open:
            f = QFont()
            f.setBold(True)
            return f
        return None


class PairModel(QAbstractTableModel):
    """One pair: a row per field, columns field / A / B / take B (checkable where the field can be merged)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)   # owned by its page: never freed by the garbage collector while a view shows it
        self.pair: views.PairView | None = None
        self.take: set[str] = set()

    def set_pair(self, pair: views.PairView | None) -> None:
        self.beginResetModel()
        self.pair = pair
        self.take = set()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.pair is None else len(views.SHOWN)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = [QCoreApplication.translate("ReviewPage", "Field"),
                 QCoreApplication.translate("ReviewPage", "Record A (kept)"),
                 QCoreApplication.translate("ReviewPage", "Record B"),
                 QCoreApplication.translate("ReviewPage", "Take B")]
        return names[section] if 0 <= section < 4 else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 3 and views.SHOWN[index.row()] in MERGEABLE:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.pair is None or not 0 <= index.row() < len(views.SHOWN):
            return None
        name = views.SHOWN[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return _tr(FIELD_NAMES[name])
            if col in (1, 2):
                return (self.pair.a_text if col == 1 else self.pair.b_text).get(name, "")
            return None
        if role == Qt.ItemDataRole.CheckStateRole and col == 3 and name in MERGEABLE:
            return Qt.CheckState.Checked if name in self.take else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole and col in (1, 2) and name in self.pair.differs:
            return QBrush(DIFF)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (not index.isValid() or self.pair is None or role != Qt.ItemDataRole.CheckStateRole
                or index.column() != 3 or views.SHOWN[index.row()] not in MERGEABLE):
            return False
        name = views.SHOWN[index.row()]
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        (self.take.add if checked else self.take.discard)(name)
        self.dataChanged.emit(index, index, [role])
        return True


class FindingModel(QAbstractTableModel):
    """The other findings of one kind: what was found, its state."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)   # owned by its page: never freed by the garbage collector while a view shows it
        self.rows: list[views.FindingView] = []

    def set_rows(self, rows: list[views.FindingView]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and section == 0:
            return QCoreApplication.translate("ReviewPage", "Finding")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
            return self.rows[index.row()].message
        return None


def load(reg: Any) -> dict[str, Any]:
    return {"kinds": views.counts(reg), "pairs": views.pairs(reg)}


class ReviewPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.pairs: list[views.PairView] = []
        self.current = 0
        self.kind: str | None = None
        self.kinds = KindModel(self)
        self.pair_model = PairModel(self)
        self.finding_model = FindingModel(self)

        self.run_button = QPushButton()
        self.run_button.clicked.connect(self.run_review)
        self.status = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.run_button)

        self.kind_view = QListView()
        self.kind_view.setModel(self.kinds)
        self.kind_view.selectionModel().currentChanged.connect(self._kind_chosen)

        # a pair side by side
        self.pair_page = QWidget()
        self.position = QLabel()
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        self.pair_view = QTableView()
        self.pair_view.setModel(self.pair_model)
        self.pair_view.verticalHeader().hide()
        self.pair_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.pair_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.pair_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.pair_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.merge_button, self.distinct_button = QPushButton(), QPushButton()
        self.skip_button, self.prev_button = QPushButton(), QPushButton()
        self.merge_button.clicked.connect(self.merge)
        self.distinct_button.clicked.connect(self.distinct)
        self.skip_button.clicked.connect(self.next_pair)
        self.prev_button.clicked.connect(self.previous_pair)
        buttons = QHBoxLayout()
        for b in (self.prev_button, self.skip_button, self.distinct_button, self.merge_button):
            buttons.addWidget(b)
        col = QVBoxLayout(self.pair_page)
        col.addWidget(self.position)
        col.addWidget(self.reasons)
        col.addWidget(self.pair_view, 1)
        col.addLayout(buttons)

        # the other findings of one kind
        self.finding_page = QWidget()
        self.finding_view = QTableView()
        self.finding_view.setModel(self.finding_model)
        self.finding_view.verticalHeader().hide()
        self.finding_view.horizontalHeader().setStretchLastSection(True)
        self.finding_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.finding_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.checked_button = QPushButton()
        self.checked_button.clicked.connect(self.mark_checked)
        fcol = QVBoxLayout(self.finding_page)
        fcol.addWidget(self.finding_view, 1)
        fcol.addWidget(self.checked_button)

        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget()
        for w in (self.empty, self.pair_page, self.finding_page):
            self.stack.addWidget(w)
        split = QSplitter()
        split.addWidget(self.kind_view)
        split.addWidget(self.stack)
        split.setStretchFactor(1, 1)
        split.setSizes([300, 900])
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(split, 1)

        self.shortcuts = {}
        for key, fn in (("M", self.merge), ("D", self.distinct), ("S", self.next_pair), ("N", self.next_pair),
                        ("P", self.previous_pair), ("C", self.mark_checked)):
            sc = QShortcut(QKeySequence(key), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(fn)
            self.shortcuts[key] = sc
        self.retranslate()

    # --- words ------------------------------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Review")

    def retranslate(self) -> None:
        self.run_button.setText(self.tr("Run the review"))
        self.run_button.setToolTip(self.tr("Look for persons recorded twice and the other findings (may take a "
                                           "while on a large register; it can be cancelled)"))
        self.merge_button.setText(self.tr("Merge B into A (M)"))
        self.distinct_button.setText(self.tr("Two different persons (D)"))
        self.skip_button.setText(self.tr("Skip (S)"))
        self.prev_button.setText(self.tr("Previous (P)"))
        self.checked_button.setText(self.tr("Household checked (C)"))
        self.empty.setText(self.tr("Nothing to review here. Run the review to look for persons recorded twice, "
                                   "one-person or large households and the other findings."))
        self._show_status()
        self._show_pair()
        self.pair_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)

    def _show_status(self) -> None:
        total = sum(k.open for k in self.kinds.kinds)
        self.status.setText(self.tr("%n finding(s) open", "", total))

    # --- data -------------------------------------------------------------------------------------------------------
    def refresh(self, changes: Changes | None) -> None:
        if changes is not None and not (changes.entities & {"finding", "resolution", "person", "household"}):
            return
        self.ctx.runner.query(load, self._loaded)

    def _loaded(self, data: dict[str, Any]) -> None:
        keep = self.kind
        self.kinds.set_kinds(data["kinds"])
        self.pairs = data["pairs"]
        self.current = min(self.current, max(len(self.pairs) - 1, 0))
        self._show_status()
        kinds = [k.kind for k in self.kinds.kinds]
        chosen = keep if keep in kinds else (kinds[0] if kinds else None)
        if chosen is not None:
            self.kind_view.setCurrentIndex(self.kinds.index(kinds.index(chosen)))
        self._show_kind(chosen)

    def _kind_chosen(self, index: QModelIndex, _previous: QModelIndex) -> None:
        self._show_kind(index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None)

    def _show_kind(self, kind: str | None) -> None:
        self.kind = kind
        if kind == views.DUPLICATE:
            self._show_pair()
        elif kind is None:
            self.stack.setCurrentWidget(self.empty)
        else:
            self.checked_button.setVisible(kind in HOUSEHOLD_KINDS)
            self.ctx.runner.query(lambda reg: views.findings(reg, kind=kind), self._findings_loaded)

    def _findings_loaded(self, rows: list[views.FindingView]) -> None:
        self.finding_model.set_rows(rows)
        self.stack.setCurrentWidget(self.finding_page if rows else self.empty)
        if rows:
            self.finding_view.selectRow(0)

    def _show_pair(self) -> None:
        if self.kind != views.DUPLICATE:
            return
        if not self.pairs:
            self.pair_model.set_pair(None)
            self.stack.setCurrentWidget(self.empty)
            return
        p = self.pairs[self.current]
        self.pair_model.set_pair(p)
        self.position.setText(self.tr("Pair %1 of %2 · score %3 (%4)").replace("%1", str(self.current + 1))
                              .replace("%2", str(len(self.pairs))).replace("%3", f"{p.score:.1f}")
                              .replace("%4", self.tr("near certain") if p.decision == "match"
                                       else self.tr("possible")))
        self.reasons.setText(p.reasons)
        self.stack.setCurrentWidget(self.pair_page)

    def pair(self) -> views.PairView | None:
        return self.pairs[self.current] if self.pairs and self.kind == views.DUPLICATE else None

    # --- actions ----------------------------------------------------------------------------------------------------
    def run_review(self) -> None:
        self.ctx.runner.apply(RunReview(), cancellable=True)

    def next_pair(self) -> None:
        if self.pair() is not None and self.current + 1 < len(self.pairs):
            self.current += 1
            self._show_pair()

    def previous_pair(self) -> None:
        if self.pair() is not None and self.current > 0:
            self.current -= 1
            self._show_pair()

    def merge(self) -> None:
        p = self.pair()
        if p is not None:
            take = tuple(f for f in views.SHOWN if f in self.pair_model.take)
            self.ctx.runner.apply(MergePersons(p.a["id"], p.b["id"], take=take), on_done=self._decided)

    def distinct(self) -> None:
        p = self.pair()
        if p is not None:
            self.ctx.runner.apply(ConfirmDistinct(p.a["id"], p.b["id"]), on_done=self._decided)

    def _decided(self, _result: Result) -> None:
        """The page reloads on ctx.changed; the same position then shows the next open pair."""

    def mark_checked(self) -> None:
        if self.kind not in HOUSEHOLD_KINDS:
            return
        rows = self.finding_view.selectionModel().selectedRows()
        if not rows:
            return
        f = self.finding_model.rows[rows[0].row()]
        if f.households:
            self.ctx.runner.apply(MarkHouseholdChecked(f.households[0], kinds=(f.kind,)))
