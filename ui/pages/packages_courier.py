"""The courier's box of the packages page (any register, even one without keys): check a package's signature and hash
against the commune's public-key folder or the register's trusted keys — verified, or refused with the reason —;
record who collected it; write and print a receipt."""
from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.lists.periods import shown
from app.operations import Result
from app.views.packages import PackagesState, check_with_folder, check_with_register
from ui import places
from ui.context import AppContext
from ui.pages import packages_dialogs as dialogs
from ui.pages.packages_dialogs import PDF_FILTER, ZIP_FILTER, Asks, say
from ui.pages.widgets import ERROR_COLOUR, OK_COLOUR, MessageLine, heading


def write_receipt(path: Path, v: dict[str, Any], checked_at: datetime, against: str) -> Path:
    """The courier's receipt as a one-page A4 PDF (printable, kept with the package)."""
    q = QCoreApplication
    counts = v.get("counts", {})
    rows = [
        (q.translate("CourierPanel", "Commune"), f"{v['commune']['name']} ({v['commune']['code']})"),
        (q.translate("CourierPanel", "Period"), shown(v["period"])),
        (q.translate("CourierPanel", "Package no."), str(v["sequence"])),
        (q.translate("CourierPanel", "Persons"), str(counts.get("persons", ""))),
        (q.translate("CourierPanel", "Households"), str(counts.get("households", ""))),
        (q.translate("CourierPanel", "Lists"), str(counts.get("lists", ""))),
        (q.translate("CourierPanel", "File"), Path(v["file"]).name),
        (q.translate("CourierPanel", "Size"), f"{v['size']:,} B".replace(",", ".")),
        (q.translate("CourierPanel", "Package id"), v["id"]),
        (q.translate("CourierPanel", "Fingerprint"), v["fingerprint"]),
        (q.translate("CourierPanel", "Short form"), v["fingerprint_short"]),
        (q.translate("CourierPanel", "Checked against"), against),
        (q.translate("CourierPanel", "Checked at"), checked_at.strftime("%d/%m/%Y %H:%M")),
        (q.translate("CourierPanel", "Collected by"), v.get("collected_by") or ""),
    ]
    e = html.escape
    body = "".join(f"<tr><td width='32%'>{e(k)}</td><td><b>{e(val)}</b></td></tr>" for k, val in rows)
    title = e(q.translate("CourierPanel", "RECEIPT OF A DATA PACKAGE"))
    said = e(q.translate("CourierPanel", "The signature and the fingerprint of the package below were checked: "
                                         "the file is the commune's and unaltered."))
    giver, taker = e(q.translate("CourierPanel", "Handed over by")), e(q.translate("CourierPanel", "Collected by"))
    sign = e(q.translate("CourierPanel", "(signature, full name)"))
    doc = QTextDocument()
    font = doc.defaultFont()
    font.setPointSizeF(11)
    doc.setDefaultFont(font)
    doc.setHtml(f"<h2 align='center'>{title}</h2><p align='center'>{said}</p>"
                f"<table cellpadding='5' cellspacing='0' border='1' width='100%'>{body}</table><br/><br/>"
                f"<table width='100%'><tr><td align='center' width='50%'><b>{giver}</b><br/><i>{sign}</i></td>"
                f"<td align='center'><b>{taker}</b><br/><i>{sign}</i></td></tr></table>")
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter))
    writer.setTitle(q.translate("CourierPanel", "Receipt of a data package"))
    writer.setResolution(96)           # the document's own layout resolution: print_ keeps its sizes in points
    doc.setPageSize(writer.pageLayout().paintRectPixels(96).size().toSizeF())
    doc.print_(writer)
    return path


class CourierPanel(QWidget):
    def __init__(self, ctx: AppContext, asks: Callable[[], Asks], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.asks = asks
        self.state: PackagesState | None = None
        self.result: dict[str, Any] | None = None
        self.against = ""
        self.checked_at: datetime | None = None
        self.receipt_path: Path | None = None
        self.file = QLineEdit()
        self.file.setObjectName("packageFile")
        self.file.setReadOnly(True)
        self.pick_file = QPushButton()
        self.pick_file.clicked.connect(self.choose_file)
        self.use_register = QRadioButton()
        self.use_register.setObjectName("useRegister")
        self.use_folder = QRadioButton()
        self.use_folder.setObjectName("useFolder")
        group = QButtonGroup(self)
        group.addButton(self.use_register)
        group.addButton(self.use_folder)
        self.use_folder.setChecked(True)
        self.keys_folder = QLineEdit()
        self.keys_folder.setObjectName("keysFolder")
        self.keys_folder.setReadOnly(True)
        self.pick_folder = QPushButton()
        self.pick_folder.clicked.connect(self.choose_folder)
        self.check_button = QPushButton()
        self.check_button.setObjectName("checkPackage")
        self.check_button.clicked.connect(self.check)
        self.verdict = heading(scale=1.4)
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.details = QLabel()
        self.details.setObjectName("checkDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.collected_by = QLineEdit()
        self.collected_by.setObjectName("collectedBy")
        self.record_button = QPushButton()
        self.record_button.setObjectName("recordCollection")
        self.record_button.clicked.connect(self.record)
        self.receipt_button = QPushButton()
        self.receipt_button.setObjectName("printReceipt")
        self.receipt_button.clicked.connect(self.receipt)
        self.message = MessageLine()
        self.message.setObjectName("courierMessage")

        self.check_box = QGroupBox()
        form = QFormLayout(self.check_box)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(self.pick_file)
        self.file_label = QLabel()
        form.addRow(self.file_label, row)
        keys = QVBoxLayout()
        keys.addWidget(self.use_register)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.use_folder)
        folder_row.addWidget(self.keys_folder, 1)
        folder_row.addWidget(self.pick_folder)
        keys.addLayout(folder_row)
        self.keys_label = QLabel()
        form.addRow(self.keys_label, keys)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        self.result_box = QGroupBox()
        rl = QVBoxLayout(self.result_box)
        rl.addWidget(self.verdict)
        rl.addWidget(self.details)
        collect = QHBoxLayout()
        self.collected_label = QLabel()
        collect.addWidget(self.collected_label)
        collect.addWidget(self.collected_by, 1)
        collect.addWidget(self.record_button)
        collect.addWidget(self.receipt_button)
        rl.addLayout(collect)
        rl.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        layout.addWidget(self.check_box)
        layout.addWidget(self.message)
        layout.addWidget(self.result_box, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.intro.setText(self.tr(
            "For the post office's courier: check that a package is the commune's and unaltered before carrying "
            "it. No passphrase is needed and the people's data stays unreadable (it is encrypted for the office)."))
        self.check_box.setTitle(self.tr("Check a package"))
        self.result_box.setTitle(self.tr("Result"))
        self.file_label.setText(self.tr("Package file:"))
        self.keys_label.setText(self.tr("Check against:"))
        self.pick_file.setText(self.tr("Choose…"))
        self.pick_folder.setText(self.tr("Choose…"))
        self.use_register.setText(self.tr("the keys registered in this register"))
        self.use_folder.setText(self.tr("the commune's public-key folder:"))
        self.check_button.setText(self.tr("Check"))
        self.collected_label.setText(self.tr("Collected by:"))
        self.collected_by.setPlaceholderText(self.tr("the courier's full name"))
        self.record_button.setText(self.tr("Record the collection"))
        self.receipt_button.setText(self.tr("Receipt…"))
        self._show()

    def show_state(self, state: PackagesState) -> None:
        self.state = state
        has_keys = state.own is not None or bool(state.trusted)
        self.use_register.setEnabled(has_keys)
        if has_keys and not self.keys_folder.text():
            self.use_register.setChecked(True)
        self._show()

    # --- choosing ---------------------------------------------------------------------------------------------------
    def choose_file(self) -> None:
        file = self.asks().open_file(self, self.tr("The package to check"), str(places.registers_dir()), ZIP_FILTER)
        if file:
            self.file.setText(file)
            self.result = None
            self.verdict.setText("")
            self._show()

    def choose_folder(self) -> None:
        folder = self.asks().folder(self, self.tr("The commune's public-key folder"), str(places.registers_dir()))
        if folder:
            self.keys_folder.setText(folder)
            self.use_folder.setChecked(True)
            self._show()

    # --- checking ---------------------------------------------------------------------------------------------------
    def check(self) -> None:
        file = self.file.text()
        if not file:
            self.message.error(self.tr("Choose the package file first."))
            return
        self.message.clear_message()
        if self.use_folder.isChecked():
            folder = self.keys_folder.text()
            if not folder:
                self.message.error(self.tr("Choose the commune's public-key folder, or check against the register's "
                                           "keys."))
                return
            self.against = self.tr("the public-key folder %1").replace("%1", folder)
            self.ctx.runner.query(lambda _reg: check_with_folder(file, folder), self._verified, on_failed=self._refused)
        else:
            self.against = self.tr("the keys registered in %1").replace("%1", Path(self.ctx.db).name)
            self.ctx.runner.query(lambda reg: check_with_register(reg, file), self._verified,
                                  on_failed=self._refused)

    def _verified(self, v: dict[str, Any]) -> None:
        self.result = v
        self.checked_at = datetime.now()
        self.verdict.setStyleSheet(f"color: {OK_COLOUR};")
        self.verdict.setText(self.tr("✔ VERIFIED: the package is the commune's and unaltered."))
        self._show()

    def _refused(self, exc: BaseException) -> None:
        self.result = None
        self.verdict.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.verdict.setText(self.tr("✘ REFUSED: do not carry this file.") + "\n" + say(exc))
        self.details.setText("")
        self._show()

    def _show(self) -> None:
        v = self.result
        if v is not None:
            counts = v.get("counts", {})
            text = self.tr("%1 (code %2) · period %3 · package no. %4\n%5 persons, %6 households, %7 lists\n"
                           "File: %8\nPackage id: %9").replace("%1", v["commune"]["name"]) \
                .replace("%2", v["commune"]["code"]).replace("%3", shown(v["period"])) \
                .replace("%4", str(v["sequence"])).replace("%5", str(counts.get("persons", 0))) \
                .replace("%6", str(counts.get("households", 0))).replace("%7", str(counts.get("lists", 0))) \
                .replace("%8", Path(v["file"]).name).replace("%9", v["id"])
            text += "\n" + self.tr("Fingerprint: %1\nShort form (compare with the minutes): %2").replace(
                "%1", v["fingerprint"]).replace("%2", v["fingerprint_short"])
            if v.get("collected_by"):
                text += "\n" + self.tr("Collection recorded: %1").replace("%1", v["collected_by"])
            self.details.setText(text)
        st = self.state
        may_record = st is not None and (st.own is not None or bool(st.trusted))
        self.record_button.setEnabled(v is not None and may_record and self.use_register.isChecked()
                                      and not v.get("collected_by"))
        self.record_button.setToolTip("" if may_record else self.tr(
            "This register holds no keys: the collection can be recorded in the commune's or the office's "
            "register."))
        self.receipt_button.setEnabled(v is not None)

    # --- after the check --------------------------------------------------------------------------------------------
    def record(self) -> None:
        by = self.collected_by.text().strip()
        if not by:
            self.message.error(self.tr("Type the courier's full name first."))
            return
        if self.result is None:
            return
        from app.exchange.courier import RecordCollection

        self.ctx.runner.apply(RecordCollection(self.file.text(), by), on_done=self._recorded,
                              on_failed=lambda exc: self.message.error(say(exc)))

    def _recorded(self, result: Result) -> None:
        self.result = dict(result.value)
        self.message.ok(self.tr("Recorded: %1 collected the package.").replace("%1", self.result["collected_by"]))
        self._show()

    def receipt(self) -> None:
        v = self.result
        if v is None:
            return
        name = f"bien-nhan-{Path(v['file']).stem}.pdf"
        out = self.asks().save_file(self, self.tr("Save the receipt"), str(places.registers_dir() / name), PDF_FILTER)
        if not out:
            return
        if not out.lower().endswith(".pdf"):
            out += ".pdf"
        shown_v = dict(v)
        if not shown_v.get("collected_by"):
            shown_v["collected_by"] = self.collected_by.text().strip()
        self.receipt_path = write_receipt(Path(out), shown_v, self.checked_at or datetime.now(), self.against)
        self.message.ok(self.tr("Receipt written: %1").replace("%1", out))
        dialogs.preview(self, self.receipt_path, self.tr("Receipt of a data package"))
