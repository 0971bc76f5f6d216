"""The event dialogs: each builds one core operation from its fields, shows Register.preview of it in words, and
applies it through the runner only after the clerk saw that preview (any edit asks for a new preview)."""
from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import codes
from app.errors import HgdError
from app.operations import Operation, Preview, Result
from app.registry.corrections import ChangeGroup
from app.registry.households import ChangeHead, MergeHouseholds, SplitHousehold
from app.registry.people import AddHousehold, RecordBirth, RecordDeath, RecordMoveIn, RecordMoveOut
from app.views.households import HouseholdDetail, MemberRow
from app.views.preview import preview_lines
from ui.context import AppContext, preview
from ui.errors import message_for


def today_text() -> str:
    return date.today().strftime("%d/%m/%Y")


class OperationDialog(QDialog):
    """Fields above, the preview below; "Preview" first, then "Apply"."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_value: Result | None = None
        self.known: dict[str, str] = {}
        self._previewed: Operation | None = None
        self.setMinimumWidth(560)
        self.box = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.box.addLayout(self.form)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        self.box.addWidget(self.error)
        self.preview_group = QGroupBox(self.tr("What will change"))
        inner = QVBoxLayout(self.preview_group)
        self.preview_text = QPlainTextEdit()
        self.preview_text.setReadOnly(True)
        self.preview_text.setPlaceholderText(self.tr("Press “Preview” to see what this will change."))
        self.preview_text.setMinimumHeight(110)
        inner.addWidget(self.preview_text)
        self.box.addWidget(self.preview_group, 1)
        self.buttons = QDialogButtonBox()
        self.preview_button = QPushButton(self.tr("&Preview"))
        self.apply_button = QPushButton(self.tr("&Apply"))
        self.apply_button.setEnabled(False)
        self.buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        self.preview_button.clicked.connect(self.show_preview)
        self.apply_button.clicked.connect(self.apply)
        self.preview_button.setDefault(True)
        self.box.addWidget(self.buttons)

    # --- fields -------------------------------------------------------------------------------------------
    def line(self, label: str, value: str = "", name: str = "") -> QLineEdit:
        edit = QLineEdit(value)
        edit.setObjectName(name)
        edit.textChanged.connect(self.invalidate)
        self.form.addRow(label, edit)
        return edit

    def combo(self, label: str, items: list[tuple[str, Any]], name: str = "", editable: bool = False) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        box.setEditable(editable)
        for text, data in items:
            box.addItem(text, data)
        box.currentIndexChanged.connect(self.invalidate)
        if editable:
            box.editTextChanged.connect(self.invalidate)
        self.form.addRow(label, box)
        return box

    def checks(self, label: str, members: list[MemberRow], name: str = "") -> list[QCheckBox]:
        holder = QWidget()
        holder.setObjectName(name)
        col = QVBoxLayout(holder)
        col.setContentsMargins(0, 0, 0, 0)
        boxes = []
        for m in members:
            box = QCheckBox(m.full_name)
            box.setProperty("person_id", m.id)
            box.toggled.connect(self.invalidate)
            col.addWidget(box)
            boxes.append(box)
        self.form.addRow(label, holder)
        return boxes

    def people(self, members: list[MemberRow], none: str | None = None) -> list[tuple[str, Any]]:
        items: list[tuple[str, Any]] = [(none, None)] if none is not None else []
        return items + [(m.full_name, m.id) for m in members]

    def remember(self, members: list[MemberRow]) -> None:
        self.known.update({m.id: m.full_name for m in members})

    # --- preview and apply -----------------------------------------------------------------------------------
    def build(self) -> Operation:
        raise NotImplementedError

    def invalidate(self, *_: object) -> None:
        self._previewed = None
        self.apply_button.setEnabled(False)
        self.preview_button.setDefault(True)
        self.preview_text.clear()

    def _fail(self, exc: BaseException) -> None:
        self.error.setText(message_for(exc))
        self.error.show()

    def show_preview(self) -> None:
        self.error.hide()
        try:
            op = self.build()
        except (HgdError, ValueError) as exc:
            self._fail(exc)
            return

        def shown(p: Preview) -> None:
            self.preview_text.setPlainText("\n".join(["• " + p.label.render()] +
                                                     ["   " + line for line in preview_lines(p, known=self.known)]))
            self._previewed = op
            self.apply_button.setEnabled(True)
            self.apply_button.setDefault(True)
            self.apply_button.setFocus()

        preview(self.ctx.runner, op, shown, self._fail)

    def apply(self) -> None:
        if self._previewed is None:
            return
        self.apply_button.setEnabled(False)

        def done(result: Result) -> None:
            self.result_value = result
            self.accept()

        def failed(exc: BaseException) -> None:
            self._fail(exc)
            self.invalidate()

        self.ctx.runner.apply(self._previewed, on_done=done, on_failed=failed)


def _sex_items(_dialog: QWidget) -> list[tuple[str, Any]]:
    return [(QCoreApplication.translate("OperationDialog", "Male"), "M"),
            (QCoreApplication.translate("OperationDialog", "Female"), "F")]


class BirthDialog(OperationDialog):
    def __init__(self, ctx: AppContext, household: HouseholdDetail, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.household = household
        self.remember(household.members)
        self.setWindowTitle(self.tr("Record a birth in household %1").replace("%1", household.code))
        self.full_name = self.line(self.tr("Child's full name"), name="full_name")
        self.sex = self.combo(self.tr("Sex"), _sex_items(self), "sex")
        self.birth_date = self.line(self.tr("Date of birth"), today_text(), "birth_date")
        self.birth_place = self.line(self.tr("Birth-registration place"), name="birth_place")
        women = [m for m in household.members if m.sex == "F"]
        men = [m for m in household.members if m.sex == "M"]
        self.mother = self.combo(self.tr("Mother"), self.people(women, self.tr("(not in this household)")), "mother")
        self.father = self.combo(self.tr("Father"), self.people(men, self.tr("(not in this household)")), "father")

    def build(self) -> Operation:
        return RecordBirth(household=self.household.id, full_name=self.full_name.text(),
                           sex=self.sex.currentData(), birth_date=self.birth_date.text(),
                           birth_place=self.birth_place.text() or None, mother=self.mother.currentData(),
                           father=self.father.currentData())


class DeathDialog(OperationDialog):
    def __init__(self, ctx: AppContext, household: HouseholdDetail, member: MemberRow,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.member = member
        self.remember(household.members)
        self.setWindowTitle(self.tr("Record the death of %1").replace("%1", member.full_name))
        self.date = self.line(self.tr("Date of death"), today_text(), "date")
        others = [m for m in household.members if m.id != member.id]
        self.new_head = None
        if member.is_head and others:
            self.new_head = self.combo(self.tr("New head of household"), self.people(others), "new_head")
        self.note = self.line(self.tr("Note"), name="note")

    def build(self) -> Operation:
        return RecordDeath(person=self.member.id, date=self.date.text(),
                           new_head=self.new_head.currentData() if self.new_head else None,
                           note=self.note.text() or None)


class MoveOutDialog(OperationDialog):
    def __init__(self, ctx: AppContext, household: HouseholdDetail, chosen: set[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.household = household
        self.remember(household.members)
        self.setWindowTitle(self.tr("Record a move out of household %1").replace("%1", household.code))
        self.boxes = self.checks(self.tr("Who moves out"), household.members, "persons")
        for box in self.boxes:
            box.setChecked(box.property("person_id") in chosen)
        self.date = self.line(self.tr("Date"), today_text(), "date")
        self.destination = self.line(self.tr("Moving to"), name="destination")
        self.new_head = self.combo(self.tr("New head (if the head leaves)"),
                                   self.people(household.members, self.tr("(unchanged)")), "new_head")

    def build(self) -> Operation:
        persons = tuple(b.property("person_id") for b in self.boxes if b.isChecked())
        if not persons:
            raise HgdError("registry.no_members")
        return RecordMoveOut(persons=persons, date=self.date.text(), destination=self.destination.text() or None,
                             new_head=self.new_head.currentData())


class MoveInDialog(OperationDialog):
    """One person moving in: into this household, or as a new household of their own."""

    def __init__(self, ctx: AppContext, household: HouseholdDetail | None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.household = household
        if household is not None:
            self.setWindowTitle(self.tr("Record a move into household %1").replace("%1", household.code))
        else:
            self.setWindowTitle(self.tr("Record a move in (new household)"))
            self.code = self.line(self.tr("New household code"), name="code")
            self.address = self.line(self.tr("Hamlet / address"), name="address")
        self.full_name = self.line(self.tr("Full name"), name="full_name")
        self.sex = self.combo(self.tr("Sex"), _sex_items(self), "sex")
        self.birth_date = self.line(self.tr("Date of birth"), name="birth_date")
        relations = [(name, code) for code, name in codes.relations().items()]
        self.relation = self.combo(self.tr("Relation to the head"), relations, "relation")
        if household is None:
            self.relation.setCurrentIndex(max(0, self.relation.findData(codes.HEAD)))
        self.id_number = self.line(self.tr("CCCD number"), name="id_number")
        self.bhxh_code = self.line(self.tr("BHXH code"), name="bhxh_code")
        self.date = self.line(self.tr("Date of arrival"), today_text(), "date")
        self.origin = self.line(self.tr("Coming from"), name="origin")

    def build(self) -> Operation:
        person = {k: v for k, v in {
            "full_name": self.full_name.text(), "sex": self.sex.currentData(), "birth_date": self.birth_date.text(),
            "relation": self.relation.currentData(), "id_number": self.id_number.text(),
            "bhxh_code": self.bhxh_code.text()}.items() if v}
        if self.household is not None:
            return RecordMoveIn(persons=(person,), date=self.date.text(), origin=self.origin.text() or None,
                                household=self.household.id)
        return RecordMoveIn(persons=(person,), date=self.date.text(), origin=self.origin.text() or None,
                            new_household_code=self.code.text() or None, address=self.address.text() or None)


class SplitDialog(OperationDialog):
    def __init__(self, ctx: AppContext, household: HouseholdDetail, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.household = household
        self.remember(household.members)
        self.setWindowTitle(self.tr("Split household %1").replace("%1", household.code))
        self.boxes = self.checks(self.tr("Who forms the new household"), household.members, "members")
        self.new_head = self.combo(self.tr("Head of the new household"), self.people(household.members), "new_head")
        self.new_code = self.line(self.tr("New household code"), name="new_code")
        self.address = self.line(self.tr("Hamlet / address"), household.address, "address")
        self.date = self.line(self.tr("Date"), today_text(), "date")

    def build(self) -> Operation:
        members = tuple(b.property("person_id") for b in self.boxes if b.isChecked())
        if not members:
            raise HgdError("registry.no_members")
        head = self.new_head.currentData()
        return SplitHousehold(household=self.household.id, members=tuple(dict.fromkeys((head, *members))),
                              new_head=head, date=self.date.text(), new_code=self.new_code.text() or None,
                              address=self.address.text() or None)


class MergeDialog(OperationDialog):
    def __init__(self, ctx: AppContext, household: HouseholdDetail, targets: list[tuple[str, str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.household = household
        self.setWindowTitle(self.tr("Merge household %1 into another").replace("%1", household.code))
        items = [(f"{code} — {head}" if head else code, hid) for hid, code, head in targets]
        self.target = self.combo(self.tr("Into household"), items, "target", editable=True)
        self.target.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.target.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.date = self.line(self.tr("Date"), today_text(), "date")

    def build(self) -> Operation:
        target = self.target.currentData()
        if target is None:
            raise HgdError("registry.no_household", code=self.target.currentText())
        return MergeHouseholds(source=self.household.id, target=target, date=self.date.text())


class ChangeHeadDialog(OperationDialog):
    def __init__(self, ctx: AppContext, household: HouseholdDetail, new_head: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.household = household
        self.remember(household.members)
        self.setWindowTitle(self.tr("Change the head of household %1").replace("%1", household.code))
        others = [m for m in household.members if not m.is_head]
        self.new_head = self.combo(self.tr("New head"), self.people(others), "new_head")
        if new_head is not None:
            self.new_head.setCurrentIndex(max(0, self.new_head.findData(new_head)))
        self.date = self.line(self.tr("Date"), today_text(), "date")

    def build(self) -> Operation:
        return ChangeHead(household=self.household.id, new_head=self.new_head.currentData(), date=self.date.text())


class GroupChangeDialog(OperationDialog):
    def __init__(self, ctx: AppContext, member: MemberRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.member = member
        self.known[member.id] = member.full_name
        self.setWindowTitle(self.tr("Change the participant group of %1").replace("%1", member.full_name))
        groups = [(f"{g.code} — {g.name}", g.code) for g in codes.participant_groups().values()]
        self.group = self.combo(self.tr("New participant group"), [(self.tr("(none)"), None)] + groups, "group")
        self.group.setMinimumWidth(300)
        self.group.setMaximumWidth(520)
        self.card_number = self.line(self.tr("New card number (composed from the BHXH code if empty)"),
                                     name="card_number")
        self.card_valid_to = self.line(self.tr("Card valid to"), name="card_valid_to")
        self.date = self.line(self.tr("Date"), today_text(), "date")
        self.reason = self.line(self.tr("Reason"), name="reason")

    def build(self) -> Operation:
        return ChangeGroup(person=self.member.id, group=self.group.currentData(), date=self.date.text(),
                           card_number=self.card_number.text() or None,
                           card_valid_to=self.card_valid_to.text() or None, reason=self.reason.text() or None)


class AddHouseholdDialog(OperationDialog):
    """A household already living in the commune, entered with its head (data entry: no event)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Add a household"))
        self.code = self.line(self.tr("Household code"), name="code")
        self.address = self.line(self.tr("Hamlet / address"), name="address")
        self.full_name = self.line(self.tr("Head's full name"), name="full_name")
        self.sex = self.combo(self.tr("Sex"), _sex_items(self), "sex")
        self.birth_date = self.line(self.tr("Date of birth"), name="birth_date")
        self.id_number = self.line(self.tr("CCCD number"), name="id_number")
        self.bhxh_code = self.line(self.tr("BHXH code"), name="bhxh_code")

    def build(self) -> Operation:
        head = {k: v for k, v in {
            "full_name": self.full_name.text(), "sex": self.sex.currentData(), "birth_date": self.birth_date.text(),
            "relation": codes.HEAD, "id_number": self.id_number.text(), "bhxh_code": self.bhxh_code.text()}.items()
            if v}
        return AddHousehold(code=self.code.text().strip(), members=(head,), address=self.address.text() or None)
