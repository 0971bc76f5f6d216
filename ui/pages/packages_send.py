"""The commune's side of the packages page: each closed period with its package (exported, collected by the courier,
acknowledged by the office); exporting a locked period's package, its handover minutes, the office's acknowledgement.
`export_package` is also what the periods page's "Export package…" button runs."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.lists.periods import shown, status_name
from app.operations import Result
from app.views.packages import PackagesState, SentRow
from ui import places
from ui.context import AppContext
from ui.pages import packages_dialogs as dialogs
from ui.pages.packages_dialogs import PDF_FILTER, ZIP_FILTER, Asks, say
from ui.pages.table_model import Column, RowsModel
from ui.pages.widgets import MessageLine, table_view

RIGHT = Qt.AlignmentFlag.AlignRight
DONE_COLOUR = "#166534"


def export_package(parent: QWidget, ctx: AppContext, asks: Asks, month: str,
                   on_done: Callable[[Result], None], on_failed: Callable[[BaseException], None]) -> None:
    """Ask the passphrase and a folder, then export the period's package through the runner (with progress)."""
    title = QCoreApplication.translate("SendPanel", "Export the package of %1").replace("%1", shown(month))
    secret = asks.passphrase(parent, title, QCoreApplication.translate(
        "SendPanel", "The package is signed with this commune's key: type the passphrase of the key."))
    if not secret:
        return
    folder = asks.folder(parent, QCoreApplication.translate("SendPanel", "Folder for the package (e.g. the USB stick)"),
                         str(places.registers_dir()))
    if not folder:
        return
    from app.exchange.export import ExportPackage

    ctx.runner.apply(ExportPackage(month, folder, secret), on_done=on_done, on_failed=on_failed, cancellable=False)


def exported_text(value: dict[str, object]) -> str:
    return QCoreApplication.translate("SendPanel", "Package no. %1 of %2 written: %3\nPackage id: %4\nFingerprint "
                                                   "(short form): %5").replace("%1", str(value["sequence"])) \
        .replace("%2", shown(str(value["period"]))).replace("%3", Path(str(value["path"])).name) \
        .replace("%4", str(value["id"])).replace("%5", str(value["fingerprint_short"]))


def _local(moment: str) -> str:
    return datetime.fromisoformat(moment).astimezone().strftime("%d/%m/%Y %H:%M")


class SendPanel(QWidget):
    def __init__(self, ctx: AppContext, asks: Callable[[], Asks], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.asks = asks
        self.state: PackagesState | None = None
        self.selected: str | None = None
        self.minutes_path: Path | None = None
        self.model = RowsModel[SentRow]([
            Column(lambda: self.tr("Period"), lambda r: shown(r.month)),
            Column(lambda: self.tr("Status"), lambda r: status_name(r.status),
                   colour=lambda r: DONE_COLOUR if r.status == "acknowledged" else None),
            Column(lambda: self.tr("No."), lambda r: r.seq, RIGHT),
            Column(lambda: self.tr("Persons"), lambda r: r.persons, RIGHT),
            Column(lambda: self.tr("Fingerprint (short)"), lambda r: r.short or "", tooltip=lambda r: r.fingerprint
                   or ""),
            Column(lambda: self.tr("Exported"), lambda r: r.exported_at or ""),
            Column(lambda: self.tr("Collected"), lambda r: self._collected(r)),
            Column(lambda: self.tr("Acknowledged"), lambda r: r.acknowledged_at or ""),
        ], parent=self)
        self.view = table_view()
        self.view.setObjectName("sentTable")
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportPackage")
        self.export_button.clicked.connect(self.export)
        self.minutes_button = QPushButton()
        self.minutes_button.setObjectName("minutes")
        self.minutes_button.clicked.connect(self.minutes)
        self.ack_button = QPushButton()
        self.ack_button.setObjectName("importAck")
        self.ack_button.clicked.connect(self.import_ack)
        buttons = QHBoxLayout()
        for b in (self.export_button, self.minutes_button, self.ack_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.detail = QLabel()
        self.detail.setObjectName("packageDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = MessageLine()
        self.message.setObjectName("sendMessage")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.intro)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail)
        self.retranslate()

    def _collected(self, r: SentRow) -> str:
        if not r.collected_at:
            return ""
        return f"{r.collected_at} ({r.collected_by})" if r.collected_by else r.collected_at

    def retranslate(self) -> None:
        self.intro.setText(self.tr(
            "A locked period's lists leave the commune as one signed package (a .zip file, encrypted for the social "
            "insurance office) carried by the post office with the printed lists and the handover minutes. The "
            "office's acknowledgement comes back the same way."))
        self.export_button.setText(self.tr("Export package…"))
        self.minutes_button.setText(self.tr("Handover minutes…"))
        self.ack_button.setText(self.tr("Import acknowledgement…"))
        self.model.retranslate()
        self._show_row()

    def show_state(self, state: PackagesState) -> None:
        self.state = state
        keep = self.selected
        self.model.set_rows(state.sent)
        months = [r.month for r in state.sent]
        if keep not in months:
            keep = next((r.month for r in state.sent if r.status == "locked"), months[0] if months else None)
        self.selected = keep
        if keep is not None:
            self.view.selectRow(months.index(keep))
        self._show_row()

    def select_month(self, month: str) -> None:
        months = [r.month for r in self.model.rows]
        if month in months:
            self.view.selectRow(months.index(month))

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.selected = self.model.rows[current.row()].month
            self._show_row()

    def row(self) -> SentRow | None:
        return next((r for r in self.model.rows if r.month == self.selected), None)

    def _show_row(self) -> None:
        r = self.row()
        st = self.state
        ready = st is not None and st.own is not None and st.office_trusted
        self.export_button.setEnabled(r is not None and r.status == "locked" and ready)
        self.minutes_button.setEnabled(r is not None and r.package_id is not None)
        self.ack_button.setEnabled(st is not None and any(x.package_id for x in st.sent))
        if r is None:
            self.detail.setText(self.tr("No locked period yet: lock a month on the Periods page first.")
                                if st is not None and not st.sent else "")
            return
        if r.package_id is None:
            self.detail.setText((self.tr("Period %1 is locked: its package can be exported.") if ready else self.tr(
                "Period %1 is locked; its package can be exported once the keys are ready (see above).")).replace(
                "%1", shown(r.month)))
            return
        self.detail.setText(self.tr("Package no. %1 of %2: %3\nPackage id: %4\nFingerprint: %5\nShort form: %6")
                            .replace("%1", str(r.seq)).replace("%2", shown(r.month)).replace("%3", r.file_name or "")
                            .replace("%4", r.package_id).replace("%5", r.fingerprint or "")
                            .replace("%6", r.short or ""))

    # --- actions ----------------------------------------------------------------------------------------------------
    def export(self) -> None:
        r = self.row()
        if r is not None:
            export_package(self, self.ctx, self.asks(), r.month, self._exported,
                           lambda exc: self.message.error(say(exc)))

    def _exported(self, result: Result) -> None:
        self.message.ok(exported_text(result.value))

    def minutes(self) -> None:
        r = self.row()
        if r is None:
            return
        month = r.month
        start = str(places.registers_dir() / f"bien-ban-ban-giao-{month}.pdf")
        out = self.asks().save_file(self, self.tr("Save the handover minutes of %1").replace("%1", shown(month)),
                                    start, PDF_FILTER)
        if not out:
            return
        if not out.lower().endswith(".pdf"):
            out += ".pdf"
        from app.views.printouts import minutes_pdf

        self.ctx.runner.query(lambda reg: minutes_pdf(reg, month, out), self._minutes_written,
                              on_failed=lambda exc: self.message.error(say(exc)))

    def _minutes_written(self, value: dict[str, object]) -> None:
        self.minutes_path = Path(str(value["path"]))
        self.message.ok(self.tr("Handover minutes written (%1 pages): %2").replace("%1", str(value["pages"]))
                        .replace("%2", str(self.minutes_path)))
        dialogs.preview(self, self.minutes_path, self.tr("Handover minutes"))

    def import_ack(self) -> None:
        file = self.asks().open_file(self, self.tr("The office's acknowledgement"), str(places.registers_dir()),
                                     ZIP_FILTER)
        if file:
            from app.exchange.acks import ImportAck

            self.ctx.runner.apply(ImportAck(file), on_done=self._acked,
                                  on_failed=lambda exc: self.message.error(say(exc)))

    def _acked(self, result: Result) -> None:
        v = result.value
        text = self.tr("Acknowledgement of %1 registered: package no. %2 of %3 received on %4; the period is now "
                       "“%5”.").replace("%1", v["office"]["name"]).replace("%2", str(v["package"]["sequence"])) \
            .replace("%3", shown(v["package"]["period"])).replace("%4", _local(v["received_at"])) \
            .replace("%5", status_name(v["period_status"] or "acknowledged"))
        if v.get("missing_sequences"):
            text += "\n" + self.tr("The office lacks the packages no. %1.").replace(
                "%1", ", ".join(map(str, v["missing_sequences"])))
        self.message.ok(text)
