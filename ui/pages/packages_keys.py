"""The Keys tab of the packages page: the register's own key with its fingerprint (short form for paper), making,
exporting and replacing it, and trusting another unit's keys after comparing their fingerprint with the paper."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import HgdError
from app.operations import Result
from app.views.packages import (
    KeyInfo,
    PackagesState,
    TrustedRow,
    export_keys,
    folder_keys,
)
from ui import places
from ui.context import AppContext
from ui.pages.packages_dialogs import Asks, say
from ui.pages.table_model import Column, RowsModel
from ui.pages.widgets import MessageLine, table_view


def kind_name(kind: str) -> str:
    return QCoreApplication.translate("KeysPanel", "office") if kind == "office" else QCoreApplication.translate("KeysPanel", "commune")


def _status(row: TrustedRow) -> str:
    return {"active": QCoreApplication.translate("KeysPanel", "in use"), "replaced": QCoreApplication.translate("KeysPanel", "replaced")}.get(row.status, row.status)


def _source(row: TrustedRow) -> str:
    return {"folder": QCoreApplication.translate("KeysPanel", "key folder"), "paper": QCoreApplication.translate("KeysPanel", "paper fingerprint"),
            "rotation": QCoreApplication.translate("KeysPanel", "rotation notice")}.get(row.source, row.source)


class KeysPanel(QWidget):
    def __init__(self, ctx: AppContext, asks: Callable[[], Asks], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.asks = asks
        self.state: PackagesState | None = None
        self.own_box = QGroupBox()
        self.own_label = QLabel()
        self.own_label.setObjectName("ownKey")
        self.own_label.setWordWrap(True)
        self.own_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.short_label = QLabel()
        self.short_label.setObjectName("ownShort")
        mono = QFont("DejaVu Sans Mono")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSizeF(mono.pointSizeF() * 1.5)
        mono.setBold(True)
        self.short_label.setFont(mono)
        self.short_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.create_button = QPushButton()
        self.create_button.setObjectName("createKeys")
        self.create_button.clicked.connect(self.create_keys)
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportKeys")
        self.export_button.clicked.connect(self.export_keys)
        self.trust_button = QPushButton()
        self.trust_button.setObjectName("trustKeys")
        self.trust_button.clicked.connect(self.trust_keys)
        self.rotate_button = QPushButton()
        self.rotate_button.setObjectName("rotateKeys")
        self.rotate_button.clicked.connect(self.rotate_keys)
        buttons = QHBoxLayout()
        for b in (self.create_button, self.export_button, self.rotate_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        own = QVBoxLayout(self.own_box)
        own.addWidget(self.own_label)
        own.addWidget(self.short_label)
        own.addLayout(buttons)

        self.trusted = RowsModel[TrustedRow]([
            Column(lambda: self.tr("Unit"), lambda r: r.unit_name),
            Column(lambda: self.tr("Kind"), lambda r: kind_name(r.unit_kind)),
            Column(lambda: self.tr("Code"), lambda r: r.unit_code),
            Column(lambda: self.tr("Fingerprint (short)"), lambda r: r.short, tooltip=lambda r: r.fingerprint),
            Column(lambda: self.tr("Status"), lambda r: _status(r)),
            Column(lambda: self.tr("From"), lambda r: _source(r)),
            Column(lambda: self.tr("Valid from"), lambda r: r.valid_from or "…"),
            Column(lambda: self.tr("Valid to"), lambda r: r.valid_to or "…"),
        ], parent=self)
        self.trusted_view = table_view()
        self.trusted_view.setObjectName("trustedTable")
        self.trusted_view.setModel(self.trusted)
        self.trusted_box = QGroupBox()
        tl = QVBoxLayout(self.trusted_box)
        self.trusted_intro = QLabel()
        self.trusted_intro.setWordWrap(True)
        tl.addWidget(self.trusted_intro)
        row = QHBoxLayout()
        row.addWidget(self.trust_button)
        row.addStretch(1)
        tl.addLayout(row)
        tl.addWidget(self.trusted_view, 1)
        self.message = MessageLine()
        self.message.setObjectName("keysMessage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.own_box)
        layout.addWidget(self.message)
        layout.addWidget(self.trusted_box, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.own_box.setTitle(self.tr("This register's key"))
        self.trusted_box.setTitle(self.tr("Trusted units"))
        self.create_button.setText(self.tr("Create keys…"))
        self.export_button.setText(self.tr("Export the public keys…"))
        self.trust_button.setText(self.tr("Trust another unit's keys…"))
        self.rotate_button.setText(self.tr("Replace the keys…"))
        self.trusted.retranslate()
        self.show_state(self.state)

    def show_state(self, state: PackagesState | None) -> None:
        self.state = state
        own = state.own if state else None
        office = state is not None and state.kind == "office"
        self.trusted_intro.setText(
            self.tr("The communes whose packages this office receives: their signing keys, to check each package.")
            if office else self.tr("The social insurance office this commune sends to: its keys, to encrypt the "
                              "packages for it and to check its acknowledgements."))
        if own is None:
            self.own_label.setText(self.tr("This register has no keys yet. Create them to send or receive packages: "
                                      "they are locked with a passphrase that only you know (write it down and "
                                      "keep it safe — without it the keys cannot be used)."))
            self.short_label.setText("")
        else:
            self.own_label.setText(self._own_text(own))
            self.short_label.setText(own.short)
        has = own is not None
        self.create_button.setEnabled(state is not None and not has and state.unit_problem is None)
        self.export_button.setEnabled(has)
        self.rotate_button.setEnabled(has)
        self.trust_button.setEnabled(state is not None and state.unit_problem is None)
        self.trusted.set_rows(state.trusted if state else [])
        self.trusted_view.resizeColumnsToContents()

    def _own_text(self, own: KeyInfo) -> str:
        text = self.tr("%1 (%2, code %3) — key %4.").replace("%1", own.unit_name).replace("%2", kind_name(own.unit_kind)) \
            .replace("%3", own.unit_code).replace("%4", own.key_id)
        text += "\n" + self.tr("Fingerprint: %1").replace("%1", own.fingerprint)
        text += "\n" + self.tr("To write on paper and read aloud (short form):")
        return text

    # --- actions ----------------------------------------------------------------------------------------------------
    def _applied(self, result: Result) -> None:
        self.message.ok(self.tr("Done: %1").replace("%1", result.label.render()))

    def create_keys(self) -> None:
        secret = self.asks().passphrase(self, self.tr("Create keys"), self.tr(
            "Choose the passphrase that locks this unit's keys. It is asked each time a package is signed or "
            "opened; it is never stored. Write it down and keep it safe."), twice=True)
        if secret:
            from app.exchange.keyring import InitKeys

            self.ctx.runner.apply(InitKeys(secret), on_done=self._made, on_failed=self._failed)

    def _made(self, result: Result) -> None:
        v = result.value
        self.message.ok(self.tr("Keys created. Fingerprint (short form, for paper): %1").replace(
            "%1", v["fingerprint_short"]))

    def _failed(self, exc: BaseException) -> None:
        self.message.error(say(exc))

    def export_keys(self) -> None:
        folder = self.asks().folder(self, self.tr("Folder for the public keys"), str(places.registers_dir()))
        if folder:
            self.ctx.runner.query(lambda reg: export_keys(reg, folder), self._exported, on_failed=self._failed)

    def _exported(self, paths: list[Path]) -> None:
        self.message.ok(self.tr("Public keys written to %1: %2").replace("%1", str(paths[0].parent))
                        .replace("%2", ", ".join(p.name for p in paths)))

    def trust_keys(self) -> None:
        folder = self.asks().folder(self, self.tr("The other unit's public-key folder"), str(places.registers_dir()))
        if folder:
            self.ctx.runner.query(lambda _reg: folder_keys(folder), lambda info: self._confirm_trust(folder, info),
                                  on_failed=self._failed)

    def _confirm_trust(self, folder: str, info: KeyInfo) -> None:
        text = self.tr("%1 (%2, code %3)\n\nFingerprint:\n%4\n\nShort form: %5\n\nCompare it with the fingerprint on the "
                  "paper this unit gave you (or read it aloud with them on the telephone). Register these keys only "
                  "if they are the same.").replace("%1", info.unit_name).replace("%2", kind_name(info.unit_kind)) \
            .replace("%3", info.unit_code).replace("%4", info.fingerprint).replace("%5", info.short)
        if self.asks().confirm(self, self.tr("Trust these keys?"), text):
            from app.exchange.keyring import TrustKeys

            self.ctx.runner.apply(TrustKeys(folder), on_done=self._applied,
                                  on_failed=lambda exc: self._trust_failed(folder, exc))

    def _trust_failed(self, folder: str, exc: BaseException) -> None:
        """A unit already registered with another key: its rotation notice from the folder, else the paper."""
        from app.exchange.keyring import TrustKeys

        if not (isinstance(exc, HgdError) and exc.key == "keys.replace_needs_proof"):
            self._failed(exc)
            return
        notices = sorted(Path(folder).glob("hgd-key-rotation-*.zip"))
        if notices:
            self.ctx.runner.apply(TrustKeys(folder, rotation=str(notices[-1])), on_done=self._applied,
                                  on_failed=self._failed)
            return
        typed = self.asks().text(self, self.tr("Replace a unit's key"), say(exc).split(":")[0] + ".\n\n" + self.tr(
            "Type the new key's fingerprint as the paper shows it (at least its first 5 groups):"))
        if typed:
            self.ctx.runner.apply(TrustKeys(folder, fingerprint=typed), on_done=self._applied,
                                  on_failed=self._failed)

    def rotate_keys(self) -> None:
        asks = self.asks()
        secret = asks.passphrase(self, self.tr("Replace the keys"), self.tr(
            "The current passphrase: it opens the old key (which signs the rotation notice) and locks the new "
            "one."))
        if not secret:
            return
        folder = asks.folder(self, self.tr("Folder for the new public keys and the rotation notice"),
                             str(places.registers_dir()))
        if folder:
            from app.exchange.keyring import RotateKeys

            self.ctx.runner.apply(RotateKeys(secret, folder), on_done=self._rotated, on_failed=self._failed)

    def _rotated(self, result: Result) -> None:
        v = result.value
        self.message.ok(self.tr("Key %1 replaced by key %2. Give the other side the folder %3 (new public keys and the "
                           "rotation notice). New fingerprint: %4").replace("%1", v["old_key_id"])
                        .replace("%2", v["key_id"]).replace("%3", str(Path(v["notice"]).parent))
                        .replace("%4", v["fingerprint_short"]))
