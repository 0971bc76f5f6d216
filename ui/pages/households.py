"""The households page: search as you type and filters over the lazy households list (left), the chosen household
with its members and the events that can happen to it (right)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain import codes
from app.operations import Changes
from app.views import households as views
from app.views.households import HouseholdDetail, HouseholdFilter, MemberRow
from ui.context import AppContext
from ui.households import dialogs
from ui.households.editor import MemberEditor
from ui.households.history import HistoryDialog
from ui.households.model import HouseholdsModel, MembersModel, status_name
from ui.pages.base import Page

TOUCHES_LIST = {"household", "households", "person", "persons"}


class HouseholdsPage(Page):
    SEARCH_DELAY_MS = 120

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.detail: HouseholdDetail | None = None
        self.model = HouseholdsModel(ctx.runner, self)
        self.model.loaded = self._loaded
        self.members_model = MembersModel(self)
        self._filters_loaded = False

        # left: search, filters, the list
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filter)
        self.hamlet = QComboBox()
        self.hamlet.setObjectName("hamlet")
        self.status = QComboBox()
        self.status.setObjectName("status")
        self.group = QComboBox()
        self.group.setObjectName("group")
        for box in (self.hamlet, self.status, self.group):
            box.currentIndexChanged.connect(self.apply_filter)
        self.count = QLabel()
        self.count.setObjectName("count")
        self.table = QTableView()
        self.table.setObjectName("households")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)   # the head's name takes what is left
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.add_household_button = QPushButton()
        self.add_household_button.clicked.connect(self.add_household)
        self.move_in_new_button = QPushButton()
        self.move_in_new_button.clicked.connect(lambda: self._dialog(dialogs.MoveInDialog(self.ctx, None, self)))

        left = QWidget()
        lcol = QVBoxLayout(left)
        lcol.setContentsMargins(12, 10, 6, 8)
        lcol.addWidget(self.search)
        filters = QHBoxLayout()
        filters.addWidget(self.hamlet, 2)
        filters.addWidget(self.status, 1)
        filters.addWidget(self.group, 1)
        lcol.addLayout(filters)
        lcol.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.add_household_button)
        bottom.addWidget(self.move_in_new_button)
        lcol.addLayout(bottom)

        # right: the household
        self.title_label = QLabel()
        self.title_label.setObjectName("householdTitle")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_label.setFont(font)
        self.subtitle = QLabel()
        self.members = QTableView()
        self.members.setObjectName("members")
        self.members.setModel(self.members_model)
        self.members.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.members.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.members.verticalHeader().hide()
        self.members.horizontalHeader().setStretchLastSection(True)
        self.members.doubleClicked.connect(lambda _i: self.edit_member())
        self.former_label = QLabel()
        self.former_label.setWordWrap(True)
        self.former_label.setObjectName("former")
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        actions = [("edit", self.edit_member), ("add", self.add_member), ("birth", self.record_birth),
                   ("move_in", self.record_move_in), ("death", self.record_death), ("move_out", self.record_move_out),
                   ("head", self.set_head), ("group", self.change_group), ("split", self.split),
                   ("merge", self.merge), ("history", self.show_history), ("person_history", self.person_history)]
        for n, (key, slot) in enumerate(actions):
            button = QPushButton()
            button.setObjectName(key)
            button.clicked.connect(slot)
            grid.addWidget(button, n // 4, n % 4)
            self.buttons[key] = button
        right = QWidget()
        rcol = QVBoxLayout(right)
        rcol.setContentsMargins(6, 10, 12, 8)
        rcol.addWidget(self.title_label)
        rcol.addWidget(self.subtitle)
        rcol.addWidget(self.members, 1)
        rcol.addWidget(self.former_label)
        rcol.addLayout(grid)

        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(split)
        self.retranslate()
        self._show_detail(None)

    # --- words -----------------------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Households")

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search: name, household code, CCCD, BHXH code or card number"))
        self._fill_combo(self.status, [(self.tr("Active households"), "active"), (self.tr("All statuses"), None),
                                       (status_name("merged_into"), "merged_into"),
                                       (status_name("dissolved"), "dissolved")])
        current_hamlet = self.hamlet.currentData()
        current_group = self.group.currentData()
        hamlets = [self.hamlet.itemData(i) for i in range(1, self.hamlet.count())]
        groups = [self.group.itemData(i) for i in range(1, self.group.count())]
        self._fill_filters(hamlets, groups, current_hamlet, current_group)
        self.add_household_button.setText(self.tr("Add household…"))
        self.move_in_new_button.setText(self.tr("Move in (new household)…"))
        self.model.retranslate()
        texts = {"edit": self.tr("Correct member…"), "add": self.tr("Add member…"), "birth": self.tr("Birth…"),
                 "move_in": self.tr("Move in…"), "death": self.tr("Death…"), "move_out": self.tr("Move out…"),
                 "head": self.tr("Make head…"), "group": self.tr("Change group…"), "split": self.tr("Split…"),
                 "merge": self.tr("Merge into…"), "history": self.tr("Household history"),
                 "person_history": self.tr("Member history")}
        for key, text in texts.items():
            self.buttons[key].setText(text)
        self._show_count()
        self._show_detail(self.detail)

    def _fill_combo(self, box: QComboBox, items: list[tuple[str, Any]], keep: Any = "keep") -> None:
        current = (box.currentData() if box.count() else items[0][1]) if keep == "keep" else keep
        box.blockSignals(True)
        box.clear()
        for text, data in items:
            box.addItem(text, data)
        found = box.findData(current)
        box.setCurrentIndex(max(found, 0))
        box.blockSignals(False)

    def _fill_filters(self, hamlets: list[str], groups: list[str], hamlet: Any, group: Any) -> None:
        self._fill_combo(self.hamlet, [(self.tr("Every hamlet"), None)] + [(h, h) for h in hamlets], hamlet)
        names = codes.participant_groups()
        self._fill_combo(self.group, [(self.tr("Every group"), None)] +
                         [(f"{g} — {names[g].name}" if g in names else g, g) for g in groups], group)
        self.group.view().setMinimumWidth(420)

    # --- loading ---------------------------------------------------------------------------------------------
    def refresh(self, changes: Changes | None) -> None:
        if changes is not None and not (changes.entities & TOUCHES_LIST):
            return
        self.model.rebuild()
        self.ctx.runner.query(lambda reg: (views.hamlets(reg), views.groups_in_use(reg)), self._filters)
        if self.detail is not None:
            self.open_household(self.detail.id)

    def _filters(self, found: tuple[list[str], list[str]]) -> None:
        self._fill_filters(found[0], found[1], self.hamlet.currentData(), self.group.currentData())

    def current_filter(self) -> HouseholdFilter:
        return HouseholdFilter(text=self.search.text(), hamlet=self.hamlet.currentData(),
                               status=self.status.currentData(), group=self.group.currentData())

    def apply_filter(self, *_: object) -> None:
        self._timer.stop()
        self.model.search(self.current_filter())

    def _loaded(self) -> None:
        self._show_count()
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    def _show_count(self) -> None:
        self.count.setText(self.tr("%n household(s)", "", self.model.total))

    # --- the household ---------------------------------------------------------------------------------------
    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        if rows:
            row = self.model.row_at(rows[0].row())
            if row is not None:
                self.open_household(row.id)

    def open_household(self, household_id: str) -> None:
        self.ctx.runner.query(lambda reg: views.household_detail(reg, household_id), self._show_detail,
                              on_failed=lambda _exc: self._show_detail(None))

    def _show_detail(self, detail: HouseholdDetail | None) -> None:
        self.detail = detail
        self.members_model.set_members(detail.members if detail else [])
        for button in self.buttons.values():
            button.setEnabled(detail is not None and detail.status == "active")
        self.buttons["history"].setEnabled(detail is not None)
        if detail is None:
            self.title_label.setText(self.tr("No household chosen"))
            self.subtitle.setText(self.tr("Choose a household in the list, or search for one."))
            self.former_label.setText("")
            return
        self.title_label.setText(self.tr("Household %1").replace("%1", detail.code))
        self.subtitle.setText(" · ".join(p for p in (detail.address, status_name(detail.status),
                                                     self.tr("%n member(s)", "", len(detail.members))) if p))
        self.members.resizeColumnsToContents()
        if detail.former:
            self.former_label.setText(self.tr("Former members: %1").replace(
                "%1", ", ".join(f"{m.full_name} ({status_name(m.status)})" for m in detail.former)))
        else:
            self.former_label.setText("")

    def chosen_members(self) -> list[MemberRow]:
        rows = sorted({i.row() for i in self.members.selectionModel().selectedRows()})
        return [m for m in (self.members_model.member(r) for r in rows) if m is not None]

    def chosen_member(self) -> MemberRow | None:
        chosen = self.chosen_members()
        if chosen:
            return chosen[0]
        self.window().statusBar().showMessage(self.tr("Choose a member first."), 4000) \
            if hasattr(self.window(), "statusBar") else None
        return None

    # --- actions ---------------------------------------------------------------------------------------------
    def _dialog(self, dialog: Any) -> Any:
        dialog.setModal(True)
        dialog.open()   # not exec(): no nested event loop; the runner's answers arrive meanwhile
        return dialog

    def add_household(self) -> Any:
        return self._dialog(dialogs.AddHouseholdDialog(self.ctx, self))

    def edit_member(self) -> Any:
        m = self.chosen_member()
        if m is None:
            return None
        holder: dict[str, Any] = {}

        def show(record: views.PersonRecord) -> None:
            holder["dialog"] = self._dialog(MemberEditor(self.ctx, record, parent=self))

        self.ctx.runner.query(lambda reg: views.person_record(reg, m.id), show)
        return holder.get("dialog")

    def add_member(self) -> Any:
        if self.detail is not None:
            return self._dialog(MemberEditor(self.ctx, None, self.detail.id, self))
        return None

    def record_birth(self) -> Any:
        return self._dialog(dialogs.BirthDialog(self.ctx, self.detail, self)) if self.detail else None

    def record_move_in(self) -> Any:
        return self._dialog(dialogs.MoveInDialog(self.ctx, self.detail, self)) if self.detail else None

    def record_death(self) -> Any:
        m = self.chosen_member()
        if m is None or self.detail is None:
            return None
        return self._dialog(dialogs.DeathDialog(self.ctx, self.detail, m, self))

    def record_move_out(self) -> Any:
        if self.detail is None:
            return None
        chosen = {m.id for m in self.chosen_members()}
        return self._dialog(dialogs.MoveOutDialog(self.ctx, self.detail, chosen, self))

    def set_head(self) -> Any:
        if self.detail is None:
            return None
        m = self.chosen_members()
        return self._dialog(dialogs.ChangeHeadDialog(self.ctx, self.detail, m[0].id if m else None, self))

    def change_group(self) -> Any:
        m = self.chosen_member()
        return self._dialog(dialogs.GroupChangeDialog(self.ctx, m, self)) if m else None

    def split(self) -> Any:
        return self._dialog(dialogs.SplitDialog(self.ctx, self.detail, self)) if self.detail else None

    def merge(self) -> Any:
        if self.detail is None:
            return None
        detail = self.detail
        holder: dict[str, Any] = {}

        def show(targets: list[tuple[str, str, str]]) -> None:
            holder["dialog"] = self._dialog(dialogs.MergeDialog(self.ctx, detail, targets, self))

        self.ctx.runner.query(lambda reg: views.active_households(reg, exclude=detail.id), show)
        return holder.get("dialog")

    def show_history(self) -> Any:
        if self.detail is None:
            return None
        return self._dialog(HistoryDialog(self.ctx, "household", self.detail.id,
                                          self.tr("household %1").replace("%1", self.detail.code), self))

    def person_history(self) -> Any:
        m = self.chosen_member()
        return self._dialog(HistoryDialog(self.ctx, "person", m.id, m.full_name, self)) if m else None
