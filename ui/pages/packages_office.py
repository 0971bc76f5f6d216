"""The office's side of the packages page: import one or many packages (each verified, then merged, its
acknowledgement written to a chosen folder; the passphrase asked once per session and kept in memory only), and the
communes with what each sent, the gaps and the last package against the 5th-of-the-month deadline."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from app.errors import HgdError
from app.lists.periods import shown
from app.operations import Result
from app.views.packages import CommuneRow, PackagesState, Prechecked, precheck, save_ack
from ui import places
from ui.context import AppContext
from ui.pages.packages_dialogs import ZIP_FILTER, Asks, say
from ui.pages.table_model import Column, RowsModel
from ui.pages.widgets import ERROR_COLOUR, OK_COLOUR, MessageLine, table_view

RIGHT = Qt.AlignmentFlag.AlignRight
NAMED = re.compile(r"hgd-(.+)-(\d{4}-\d{2})-(\d+)\.zip$", re.IGNORECASE)
WARN_COLOUR = "#b45309"


@dataclass(frozen=True)
class Outcome:
    """One file of an import batch, as the table shows it."""

    file: str
    ok: bool
    text: str
    commune: str = ""
    period: str = ""
    seq: int | None = None
    ack: str = ""


def in_order(files: list[str]) -> list[str]:
    """Each commune's packages by their number (an older number after a newer one is refused), as their names
    (hgd-<commune>-<period>-<number>.zip) tell; other names after, by name."""
    def key(file: str) -> tuple[int, str, int, str]:
        m = NAMED.search(Path(file).name)
        return (0, m.group(1), int(m.group(3)), file) if m else (1, "", 0, file)
    return sorted(files, key=key)


def _due(r: CommuneRow) -> str:
    q = QCoreApplication
    if r.received:
        text = q.translate("OfficePanel", "%1: received").replace("%1", shown(r.due_period))
        return text + (" " + q.translate("OfficePanel", "(late)") if r.late else "")
    text = q.translate("OfficePanel", "%1: not received (due %2)").replace("%1", shown(r.due_period)) \
        .replace("%2", r.deadline[8:10] + "/" + r.deadline[5:7] + "/" + r.deadline[:4])
    return text + (" — " + q.translate("OfficePanel", "OVERDUE") if r.overdue else "")


def _due_colour(r: CommuneRow) -> str | None:
    if r.overdue:
        return ERROR_COLOUR
    if r.late or not r.received:
        return WARN_COLOUR
    return OK_COLOUR


class OfficePanel(QWidget):
    def __init__(self, ctx: AppContext, asks: Callable[[], Asks], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.asks = asks
        self.state: PackagesState | None = None
        self.passphrase: str | None = None      # asked once per session, in memory only
        self.ack_folder: str | None = None
        self.queue: list[str] = []
        self.outcomes: list[Outcome] = []
        self.communes = RowsModel[CommuneRow]([
            Column(lambda: self.tr("Commune"), lambda r: r.name),
            Column(lambda: self.tr("Code"), lambda r: r.code),
            Column(lambda: self.tr("Packages"), lambda r: r.count, RIGHT),
            Column(lambda: self.tr("Last no."), lambda r: r.last_seq, RIGHT),
            Column(lambda: self.tr("Last period"), lambda r: shown(r.last_period) if r.last_period else ""),
            Column(lambda: self.tr("Received"), lambda r: r.last_at),
            Column(lambda: self.tr("Persons"), lambda r: r.persons, RIGHT),
            Column(lambda: self.tr("Missing no."), lambda r: ", ".join(map(str, r.missing)),
                   colour=lambda r: ERROR_COLOUR if r.missing else None),
            Column(lambda: self.tr("Due on the 5th"), _due, colour=_due_colour),
        ], parent=self)
        self.communes_view = table_view()
        self.communes_view.setObjectName("communesTable")
        self.communes_view.setModel(self.communes)
        self.communes_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.results = RowsModel[Outcome]([
            Column(lambda: self.tr("File"), lambda r: Path(r.file).name, tooltip=lambda r: r.file),
            Column(lambda: self.tr("Commune"), lambda r: r.commune),
            Column(lambda: self.tr("Period"), lambda r: shown(r.period) if r.period else ""),
            Column(lambda: self.tr("No."), lambda r: r.seq, RIGHT),
            Column(lambda: self.tr("Result"), lambda r: r.text, tooltip=lambda r: r.text,
                   colour=lambda r: OK_COLOUR if r.ok else ERROR_COLOUR),
            Column(lambda: self.tr("Acknowledgement"), lambda r: Path(r.ack).name if r.ack else "",
                   tooltip=lambda r: r.ack),
        ], parent=self)
        self.results_view = table_view()
        self.results_view.setObjectName("importResults")
        self.results_view.setModel(self.results)
        self.results_view.setMaximumHeight(170)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.import_button = QPushButton()
        self.import_button.setObjectName("importPackages")
        self.import_button.clicked.connect(self.import_files)
        self.folder_button = QPushButton()
        self.folder_button.setObjectName("importFolder")
        self.folder_button.clicked.connect(self.import_folder)
        self.forget_button = QPushButton()
        self.forget_button.setObjectName("forgetPassphrase")
        self.forget_button.clicked.connect(self.forget)
        buttons = QHBoxLayout()
        for b in (self.import_button, self.folder_button, self.forget_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.message = MessageLine()
        self.message.setObjectName("officeMessage")
        self.import_box = QGroupBox()
        il = QVBoxLayout(self.import_box)
        il.addWidget(self.intro)
        il.addLayout(buttons)
        il.addWidget(self.message)
        il.addWidget(self.results_view)
        self.communes_box = QGroupBox()
        cl = QVBoxLayout(self.communes_box)
        cl.addWidget(self.communes_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.import_box)
        layout.addWidget(self.communes_box, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.import_box.setTitle(self.tr("Receive packages"))
        self.communes_box.setTitle(self.tr("The communes: what each sent"))
        self.intro.setText(self.tr(
            "Each package is checked (the commune's signature, every hash, its number in the commune's sequence) "
            "before anything is written, then merged into this register; its acknowledgement, signed by this "
            "office, is written to the folder you choose, for the courier to carry back. The passphrase is asked "
            "once and kept in memory until hgd closes."))
        self.import_button.setText(self.tr("Import packages…"))
        self.folder_button.setText(self.tr("Import a folder of packages…"))
        self.forget_button.setText(self.tr("Forget the passphrase"))
        self.communes.retranslate()
        self.results.retranslate()
        self._enable()

    def show_state(self, state: PackagesState) -> None:
        self.state = state
        self.communes.set_rows(state.communes)
        self._enable()

    def _enable(self) -> None:
        ready = self.state is not None and self.state.own is not None and not self.queue
        self.import_button.setEnabled(ready)
        self.folder_button.setEnabled(ready)
        self.forget_button.setEnabled(self.passphrase is not None)

    def forget(self) -> None:
        self.passphrase = None
        self._enable()

    # --- the batch --------------------------------------------------------------------------------------------------
    def import_files(self) -> None:
        files = self.asks().open_files(self, self.tr("Packages to receive"), str(places.registers_dir()),
                                       ZIP_FILTER)
        self._start(files)

    def import_folder(self) -> None:
        folder = self.asks().folder(self, self.tr("A folder of packages"), str(places.registers_dir()))
        if not folder:
            return
        files = [str(p) for p in Path(folder).glob("*.zip") if not p.name.startswith(("hgd-ack", "hgd-key-rotation"))]
        if not files:
            self.message.error(self.tr("No package (.zip) in %1.").replace("%1", folder))
            return
        self._start(files)

    def _start(self, files: list[str]) -> None:
        if not files:
            return
        asks = self.asks()
        if self.passphrase is None:
            secret = asks.passphrase(self, self.tr("Receive packages"), self.tr(
                "The packages are encrypted for this office: type the passphrase of the office's key."))
            if not secret:
                return
            self.passphrase = secret
        folder = asks.folder(self, self.tr("Folder for the acknowledgements"), self.ack_folder
                             or str(Path(files[0]).parent))
        if not folder:
            return
        self.ack_folder = folder
        self.queue = in_order(files)
        self.outcomes = []
        self.results.set_rows([])
        self.message.clear_message()
        self._next()

    def _next(self) -> None:
        if not self.queue:
            self._finished()
            return
        file = self.queue[0]
        self.ctx.runner.query(lambda reg: precheck(reg, file), lambda p: self._checked(file, p),
                              on_failed=lambda exc: self._refused(file, exc))

    def _checked(self, file: str, p: Prechecked) -> None:
        if p.ack is not None:      # received before: nothing to apply, the same acknowledgement again
            self._acknowledged(file, p.package, p.ack, self.tr("received before: nothing changed"))
            return
        from app.exchange.receive import ImportPackage

        secret = self.passphrase or ""
        self.ctx.runner.apply(ImportPackage(file, secret), on_done=lambda r: self._imported(file, p, r),
                              on_failed=lambda exc: self._refused(file, exc))

    def _imported(self, file: str, p: Prechecked, result: Result) -> None:
        v = result.value
        m = v["merged"]
        text = self.tr("received: %1 persons added, %2 updated").replace("%1", str(m.get("persons_added", 0))) \
            .replace("%2", str(m.get("persons_updated", 0)))
        if v.get("missing"):
            text += "; " + self.tr("missing before it: no. %1").replace("%1", ", ".join(map(str, v["missing"])))
        self._acknowledged(file, p.package, v["ack"], text)

    def _acknowledged(self, file: str, package: dict, signed: object, text: str) -> None:  # type: ignore[type-arg]
        try:
            path = save_ack(signed, self.ack_folder or ".")  # type: ignore[arg-type]
        except (HgdError, OSError) as exc:
            self._refused(file, exc)
            return
        self._add(Outcome(file, True, text, package["commune"]["name"], package["period"], package["sequence"],
                          str(path)))

    def _refused(self, file: str, exc: BaseException) -> None:
        if isinstance(exc, HgdError) and exc.key == "keys.wrong_passphrase":
            self.passphrase = None          # asked again next time; the rest of the batch waits, listed as such
            untried, self.queue = self.queue[1:], []
            self.outcomes += [Outcome(file, False, self.tr("refused: %1").replace("%1", say(exc)))]
            self.outcomes += [Outcome(f, False, self.tr("not tried: the passphrase was wrong; receive it again"))
                              for f in untried]
            self.results.set_rows(self.outcomes)
            self.results_view.resizeColumnsToContents()
            self._finished()
            return
        self._add(Outcome(file, False, self.tr("refused: %1").replace("%1", say(exc))))

    def _add(self, outcome: Outcome) -> None:
        self.outcomes.append(outcome)
        self.results.set_rows(self.outcomes)
        self.results_view.resizeColumnsToContents()
        self.queue = self.queue[1:]
        self._next()

    def _finished(self) -> None:
        good = sum(1 for o in self.outcomes if o.ok)
        text = self.tr("%1 of %2 packages received; acknowledgements in %3.").replace("%1", str(good)) \
            .replace("%2", str(len(self.outcomes))).replace("%3", self.ack_folder or "")
        if good == len(self.outcomes):
            self.message.ok(text)
        else:
            self.message.error(text)
        self._enable()
