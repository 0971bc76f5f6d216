"""The member editor: every field of a person (DOMAIN.md §5), each checked as it is typed with the message beside it,
the cross-checks (CCCD against sex and birth year, card against group and BHXH code) under the form, and what an
import could not store shown for the clerk to fix. Saving corrects the person (CorrectPerson) or adds a member
(AddPerson), after the preview."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from app import messages
from app.domain import codes
from app.domain.person import EDITABLE, clean_fields, field_label
from app.errors import HgdError
from app.operations import Operation
from app.registry.corrections import CorrectPerson
from app.registry.people import AddPerson
from app.views.households import PersonRecord
from ui.context import AppContext
from ui.households.dialogs import OperationDialog

CHOICE_FIELDS = ("sex", "relation", "ethnicity_code")
DATE_FIELDS = ("birth_date", "card_valid_from", "card_valid_to")


def _shown(field: str, value: Any) -> str:
    if value is None:
        return ""
    if field in DATE_FIELDS:
        from app.domain.dates import PartialDate
        try:
            return PartialDate.from_iso(str(value)).display()
        except (HgdError, ValueError):
            return str(value)
    return str(value)


class MemberEditor(OperationDialog):
    """`record` None: a new member of household `household_id`."""

    def __init__(self, ctx: AppContext, record: PersonRecord | None, household_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.record = record
        self.household_id = household_id or (record.household_id if record else None)
        self.original = dict(record.values) if record else {}
        if record is not None:
            self.known[record.id] = str(record.values.get("full_name") or "")
            self.setWindowTitle(self.tr("Correct %1").replace("%1", str(record.values.get("full_name") or "")))
        else:
            self.setWindowTitle(self.tr("Add a member"))
        self.setMinimumWidth(760)
        self.issues = QLabel()
        self.issues.setObjectName("importIssues")
        self.issues.setWordWrap(True)
        self.issues.setStyleSheet("background: #fff4e5; border: 1px solid #f0b46c; padding: 6px;")
        self.issues.hide()
        self.box.insertWidget(0, self.issues)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.box.insertLayout(1, grid)
        self.editors: dict[str, QLineEdit | QComboBox] = {}
        self.notes: dict[str, QLabel] = {}
        fields = [f for f in EDITABLE if not (record is not None and f == "group_code")]
        for row, field in enumerate(fields):
            grid.addWidget(QLabel(field_label(field)), row, 0)
            editor = self._editor(field)
            editor.setObjectName(field)
            grid.addWidget(editor, row, 1)
            note = QLabel()
            note.setObjectName("note." + field)
            note.setWordWrap(True)
            note.setStyleSheet("color: #b3261e;")
            grid.addWidget(note, row, 2)
            self.editors[field] = editor
            self.notes[field] = note
        self.cross = QLabel()
        self.cross.setObjectName("findings")
        self.cross.setWordWrap(True)
        self.cross.setStyleSheet("color: #8a5300;")
        self.box.insertWidget(2, self.cross)
        self.preview_text.setMinimumHeight(70)
        if record is not None:
            if record.values.get("group_code"):
                grid.addWidget(QLabel(field_label("group_code")), len(fields), 0)
                grid.addWidget(QLabel(self.tr("%1 (change it with “Change group…”)")
                                      .replace("%1", str(record.values["group_code"]))), len(fields), 1, 1, 2)
            self._show_issues(record.issues)
        for field in self.editors:
            self.check(field)

    def _editor(self, field: str) -> QLineEdit | QComboBox:
        value = self.original.get(field)
        if field in CHOICE_FIELDS:
            box = QComboBox()
            box.addItem("", None)
            if field == "sex":
                items = [(self.tr("Male"), "M"), (self.tr("Female"), "F")]
            elif field == "relation":
                items = [(name, code) for code, name in codes.relations().items()]
            else:
                items = [(name, code) for code, name in codes.ethnic_groups().items()]
            for text, data in items:
                box.addItem(text, data)
            found = box.findData(value)
            box.setCurrentIndex(max(found, 0))
            box.currentIndexChanged.connect(lambda _i, f=field: self.check(f))
            box.currentIndexChanged.connect(self.invalidate)
            return box
        edit = QLineEdit(_shown(field, value))
        if field == "group_code":
            edit.setPlaceholderText("TE, HN, DT…")
        if field in DATE_FIELDS:
            edit.setPlaceholderText(self.tr("dd/mm/yyyy, mm/yyyy or yyyy"))
        edit.textChanged.connect(lambda _t, f=field: self.check(f))
        edit.textChanged.connect(self.invalidate)
        return edit

    def value(self, field: str) -> Any:
        editor = self.editors[field]
        if isinstance(editor, QComboBox):
            return editor.currentData()
        return editor.text()

    def _show_issues(self, issues: list[dict[str, Any]]) -> None:
        if not issues:
            return
        lines = [self.tr("The import could not store these values; please fix them:")]
        for i in issues:
            reason = messages.render(i["reason_key"], **i["params"]) if messages.known(i["reason_key"]) \
                else i["reason_key"]
            lines.append(f"• {i['column']}: “{i['value']}” — {reason}")
        self.issues.setText("\n".join(lines))
        self.issues.show()

    # --- checking as typed --------------------------------------------------------------------------------------
    def check(self, field: str) -> bool:
        note = self.notes[field]
        value = self.value(field)
        try:
            if field == "full_name" or value not in (None, ""):
                clean_fields({field: value})
        except HgdError as exc:
            note.setText(exc.params.get("reason") or str(exc))
            return False
        note.setText("")
        self._cross_check()
        return True

    def _cross_check(self) -> None:
        try:
            _values, findings = clean_fields(self._all())
        except HgdError:
            self.cross.setText("")
            return
        self.cross.setText("\n".join("⚠ " + f.message() for f in findings))

    def _all(self) -> dict[str, Any]:
        return {f: self.value(f) for f in self.editors}

    def changed(self) -> dict[str, Any]:
        """The fields whose stored value would change."""
        values, _ = clean_fields(self._all())
        out = {}
        for field in self.editors:
            if values.get(field) != self.original.get(field):
                out[field] = self.value(field)
        return out

    def build(self) -> Operation:
        bad = [f for f in self.editors if not self.check(f)]
        if bad:
            raise HgdError("person.field_invalid", field=field_label(bad[0]), reason=self.notes[bad[0]].text())
        if self.record is not None:
            return CorrectPerson(person=self.record.id, changes=self.changed())
        if self.household_id is None:
            raise HgdError("registry.no_household", code="")
        fields = {f: v for f, v in self._all().items() if v not in (None, "")}
        return AddPerson(household=self.household_id, fields=fields)
