"""Settings: the commune's identity (looked up in the administrative units, saved with SetCommuneInfo), the dated
parameters (the base salary from a day on, SetParameter) and the GUI's language."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.operations import Changes, Result
from app.registry.commune import SetCommuneInfo
from app.registry.parameters import SetParameter
from app.views.settings import EDITED, ParameterRow, SettingsView, changed_identity, settings_view
from ui import commune_lookup, i18n
from ui import settings as prefs
from ui.context import AppContext
from ui.errors import message_for
from ui.pages.base import Page
from ui.pages.table_model import Column, RowsModel
from ui.pages.widgets import MessageLine, heading, table_view

LANGUAGES = (("vi", "Tiếng Việt"), ("en", "English"))   # each in its own language, never translated
TOUCHES = {"commune", "parameter", "setting"}



def money(value: int) -> str:
    return f"{value:,}".replace(",", ".") + " đ"


class SettingsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.view: SettingsView | None = None
        self.fields: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}

        # the commune's identity
        self.identity_box = QGroupBox()
        form = QFormLayout(self.identity_box)
        for key in EDITED:
            edit = QLineEdit()
            edit.setObjectName(f"field_{key}")
            self.fields[key] = edit
            self.labels[key] = QLabel()
            form.addRow(self.labels[key], edit)
        self.fields["code"].setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,5}"), self))
        self.chooser = QComboBox()
        self.chooser.setObjectName("communeChooser")
        self.chooser.hide()
        self.chooser.activated.connect(self._chosen)
        form.addRow(self.chooser)
        self.lookup_button = QPushButton()
        self.lookup_button.setObjectName("lookupCommune")
        self.lookup_button.clicked.connect(self.look_up)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveIdentity")
        self.save_button.clicked.connect(self.save_identity)
        row = QHBoxLayout()
        row.addWidget(self.lookup_button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        form.addRow(row)
        self.identity_message = MessageLine()
        self.identity_message.setObjectName("identityMessage")
        form.addRow(self.identity_message)

        # the dated parameters
        self.param_box = QGroupBox()
        pl = QVBoxLayout(self.param_box)
        self.param_intro = QLabel()
        self.param_intro.setWordWrap(True)
        self.params = RowsModel[ParameterRow]([
            Column(lambda: QCoreApplication.translate("SettingsPage", "From"), lambda p: _day(p.valid_from)),
            Column(lambda: QCoreApplication.translate("SettingsPage", "Base salary"),
                   lambda p: money(p.value), Qt.AlignmentFlag.AlignRight),
            Column(lambda: QCoreApplication.translate("SettingsPage", "Source"),
                   lambda p: p.source or (QCoreApplication.translate("SettingsPage", "entered in this register")
                                             if p.own else ""),
                   tooltip=lambda p: p.source or ""),
        ], parent=self)
        self.param_view = table_view()
        self.param_view.setObjectName("parametersTable")
        self.param_view.setModel(self.params)
        self.param_view.setMinimumHeight(140)
        self.valid_from = QDateEdit()
        self.valid_from.setObjectName("validFrom")
        self.valid_from.setDisplayFormat("dd/MM/yyyy")
        self.valid_from.setCalendarPopup(True)
        self.value = QLineEdit()
        self.value.setObjectName("salaryValue")
        self.value.setValidator(QRegularExpressionValidator(QRegularExpression(r"[\d.\s]{0,15}"), self))
        self.source = QLineEdit()
        self.source.setObjectName("salarySource")
        self.add_button = QPushButton()
        self.add_button.setObjectName("addParameter")
        self.add_button.clicked.connect(self.add_parameter)
        self.from_label, self.value_label, self.source_label = QLabel(), QLabel(), QLabel()
        add = QHBoxLayout()
        for w in (self.from_label, self.valid_from, self.value_label, self.value, self.source_label, self.source,
                  self.add_button):
            add.addWidget(w)
        add.setStretch(5, 1)
        self.param_message = MessageLine()
        self.param_message.setObjectName("parameterMessage")
        pl.addWidget(self.param_intro)
        pl.addWidget(self.param_view)
        pl.addLayout(add)
        pl.addWidget(self.param_message)

        # the language
        self.lang_box = QGroupBox()
        ll = QHBoxLayout(self.lang_box)
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex([c for c, _ in LANGUAGES].index(i18n.current_language()))
        self.language.activated.connect(self._language_chosen)
        self.lang_label = QLabel()
        ll.addWidget(self.lang_label)
        ll.addWidget(self.language)
        ll.addStretch(1)

        self.heading = heading()
        inner = QWidget()
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.identity_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.param_box)
        right.addWidget(self.lang_box)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        outer = QVBoxLayout(inner)
        outer.addWidget(self.heading)
        outer.addLayout(columns)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.retranslate()

    # --- the contract -------------------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Settings")

    def retranslate(self) -> None:
        names = {"name": self.tr("Commune name:"), "code": self.tr("Commune code:"),
                 "province_name": self.tr("Province:"), "district_name": self.tr("District (before 2025):"),
                 "chairman": self.tr("Chairman of the People's Committee:"), "clerk": self.tr("Clerk in charge:"),
                 "post_office": self.tr("Post office:"), "bhxh_office": self.tr("Social insurance office:"),
                 "address": self.tr("Address:"), "phone": self.tr("Phone:")}
        for key, text in names.items():
            self.labels[key].setText(text)
        self.heading.setText(self.tr("Settings"))
        self.identity_box.setTitle(self.tr("The commune"))
        self.lookup_button.setText(self.tr("Look up in the administrative units"))
        self.save_button.setText(self.tr("Save the commune's details"))
        self.param_box.setTitle(self.tr("Base salary (dated)"))
        self.param_intro.setText(self.tr(
            "The lists use the base salary in force on their date. When a decree sets a new one, add it with the "
            "day it applies from; the earlier values stay for earlier months."))
        self.from_label.setText(self.tr("From:"))
        self.value_label.setText(self.tr("Amount (đồng):"))
        self.source_label.setText(self.tr("Decree:"))
        self.source.setPlaceholderText(self.tr("for example: Nghị định 73/2024/NĐ-CP"))
        self.add_button.setText(self.tr("Add"))
        self.lang_box.setTitle(self.tr("Language"))
        self.lang_label.setText(self.tr("Language of the windows:"))
        self.language.setCurrentIndex([c for c, _ in LANGUAGES].index(i18n.current_language()))
        self.params.retranslate()

    def refresh(self, changes: Changes | None) -> None:
        if changes is not None and not changes.entities & TOUCHES:
            return
        self.ctx.runner.query(settings_view, self._got)

    def _got(self, view: SettingsView) -> None:
        self.view = view
        for key, edit in self.fields.items():
            edit.setText(view.identity.get(key, ""))
        self.params.set_rows(view.parameters)
        self.param_view.resizeColumnsToContents()
        if not self.value.text():
            self.valid_from.setDate(QDate.currentDate())

    # --- the commune --------------------------------------------------------------------------------------------
    def values(self) -> dict[str, str]:
        return {key: edit.text() for key, edit in self.fields.items()}

    def look_up(self) -> bool:
        """Complete the code and province from the administrative units; True when the commune was found."""
        v = self.values()
        stored = self.view.identity if self.view is not None else {}
        # the stored province narrows the search only when the clerk typed it (a new name may be elsewhere)
        province = v["province_name"] if v["province_name"] != stored.get("province_name", "") else ""
        result = commune_lookup.find(v["name"], v["code"], province)
        if result.choices:
            commune_lookup.fill_chooser(self.chooser, result.choices)
        else:
            self.chooser.hide()
        if result.identity is None:
            self.identity_message.error(result.problem)
            return False
        for key in ("code", "province_name", "district_name"):
            if result.identity.get(key):
                self.fields[key].setText(result.identity[key])
        self.identity_message.ok(self.tr("Found: %1").replace("%1", commune_lookup.label({
            "commune": result.identity["name"], "commune_code": result.identity.get("code", ""),
            "province": result.identity.get("province_name", ""),
            "district": result.identity.get("district_name", "")})))
        return True

    def _chosen(self, index: int) -> None:
        unit = self.chooser.itemData(index)
        if unit:
            self.fields["code"].setText(unit["commune_code"])
            self.fields["province_name"].setText(unit["province"])
            self.chooser.hide()
            self.look_up()

    def save_identity(self) -> None:
        if self.view is None:
            return
        v = self.values()
        if not v["name"].strip():
            self.identity_message.error(self.tr("Enter the commune's name."))
            return
        before = self.view.identity
        if (v["name"], v["code"]) != (before.get("name", ""), before.get("code", "")) and not self.look_up():
            return  # a new name or code must be one of the administrative units
        changed = changed_identity(before, self.values())
        if not changed:
            self.identity_message.ok(self.tr("Nothing has changed."))
            return
        self.ctx.runner.apply(SetCommuneInfo(changed), on_done=self._saved,
                              on_failed=lambda exc: self.identity_message.error(message_for(exc)))

    def _saved(self, result: Result) -> None:
        self.identity_message.ok(self.tr("Saved: %1").replace("%1", result.label.render()))
        if not self.isVisible():
            self.refresh(result.changes)

    # --- the parameters -----------------------------------------------------------------------------------------
    def add_parameter(self) -> None:
        digits = "".join(ch for ch in self.value.text() if ch.isdigit())
        if not digits or int(digits) <= 0:
            self.param_message.error(self.tr("Enter the amount in đồng, for example 2.340.000."))
            self.value.setFocus()
            return
        d = self.valid_from.date()
        when = date(d.year(), d.month(), d.day()).isoformat()
        op = SetParameter("base_salary", int(digits), when, self.source.text().strip() or None)
        self.ctx.runner.apply(op, on_done=self._parameter_added,
                              on_failed=lambda exc: self.param_message.error(message_for(exc)))

    def _parameter_added(self, result: Result) -> None:
        self.value.clear()
        self.source.clear()
        self.param_message.ok(self.tr("Saved: %1").replace("%1", result.label.render()))
        if not self.isVisible():
            self.refresh(result.changes)

    # --- the language -------------------------------------------------------------------------------------------
    def _language_chosen(self, index: int) -> None:
        lang = self.language.itemData(index)
        prefs.set_language(lang)
        app = QApplication.instance()
        if lang != i18n.current_language() and app is not None:
            i18n.install(app, lang)   # every widget gets LanguageChange: the pages retranslate, no restart


def _day(iso: str) -> str:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}" if len(iso) == 10 else iso
