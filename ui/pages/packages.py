"""The packages page ("Gói dữ liệu"): what fits the register's kind — a commune sends its periods' signed packages
and registers the office's acknowledgements; an office receives packages and follows its communes; anyone (the
post office's courier too) checks a package; and the register's keys. Screenshot scenes at the end."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.operations import Changes
from app.views.packages import PackagesState, packages_state
from ui.context import AppContext
from ui.pages.base import Page
from ui.pages.packages_courier import CourierPanel
from ui.pages.packages_dialogs import Asks, say
from ui.pages.packages_keys import KeysPanel
from ui.pages.packages_office import OfficePanel
from ui.pages.packages_send import SendPanel
from ui.pages.widgets import MessageLine, heading

TOUCHES = {"package", "period", "unit_key", "trusted_key", "package_collection", "package_ack", "setting",
           "commune"}
NOTICE_STYLE = "QFrame#keysNotice { background: #fef3c7; border: 1px solid #f59e0b; border-radius: 4px; }"


class PackagesPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.dialogs = Asks()
        self.state: PackagesState | None = None
        asks = lambda: self.dialogs
        self.send = SendPanel(ctx, asks)
        self.office = OfficePanel(ctx, asks)
        self.courier = CourierPanel(ctx, asks)
        self.keys = KeysPanel(ctx, asks)
        self.heading = heading()
        self.notice = QFrame()
        self.notice.setObjectName("keysNotice")
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice_label = QLabel()
        self.notice_label.setObjectName("keysNoticeText")
        self.notice_label.setWordWrap(True)
        self.notice_button = QPushButton()
        self.notice_button.setObjectName("keysNoticeButton")
        self.notice_button.clicked.connect(self._notice_action)
        nl = QHBoxLayout(self.notice)
        nl.addWidget(self.notice_label, 1)
        nl.addWidget(self.notice_button)
        self.notice.hide()
        self.message = MessageLine()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("packagesTabs")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.heading)
        layout.addWidget(self.notice)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        ctx.changed.connect(self._changed)
        self.retranslate()

    # --- the contract -------------------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Packages")

    def retranslate(self) -> None:
        for panel in (self.send, self.office, self.courier, self.keys):
            panel.retranslate()
        self._arrange()

    def refresh(self, changes: Changes | None) -> None:
        if changes is not None and not changes.entities & TOUCHES:
            return
        self.ctx.runner.query(packages_state, self._got, on_failed=lambda exc: self.message.error(say(exc)))

    def _changed(self, changes: Changes) -> None:
        """The main window refreshes the page shown; a page not shown (tests, another page) catches up itself."""
        if not self.isVisible():
            self.refresh(changes)

    # --- showing ------------------------------------------------------------------------------------------------
    def _got(self, state: PackagesState) -> None:
        self.state = state
        self.message.clear_message()
        if state.kind == "office":
            self.office.show_state(state)
        else:
            self.send.show_state(state)
        self.courier.show_state(state)
        self.keys.show_state(state)
        self._arrange()

    def _arrange(self) -> None:
        """The tabs that fit the register's kind, and the notice of what is missing to send or receive."""
        st = self.state
        office = st is not None and st.kind == "office"
        first = self.office if office else self.send
        wanted: list[tuple[QWidget, str]] = [
            (first, self.tr("Receive packages") if office else self.tr("Send packages")),
            (self.courier, self.tr("Check a package")),
            (self.keys, self.tr("Keys")),
        ]
        current = self.tabs.currentWidget()
        if [self.tabs.widget(i) for i in range(self.tabs.count())] != [w for w, _ in wanted]:
            self.tabs.clear()
            for widget, _ in wanted:
                self.tabs.addTab(widget, "")
            if current is not None and self.tabs.indexOf(current) >= 0:
                self.tabs.setCurrentWidget(current)
        for i, (_, text) in enumerate(wanted):
            self.tabs.setTabText(i, text)
        if st is None:
            self.heading.setText(self.tr("Packages"))
            self.notice.hide()
            return
        who = st.unit_name or self.tr("this register")
        self.heading.setText(self.tr("Packages — %1 (social insurance office)").replace("%1", who) if office
                             else self.tr("Packages — %1").replace("%1", who))
        self._notice(st)

    def _notice(self, st: PackagesState) -> None:
        self.notice_action = ""     # what the notice's button does: create keys, or trust the office's
        if st.unit_problem:
            text, button = st.unit_problem, ""
        elif st.own is None:
            text = self.tr("This register has no keys yet: create them first. Without keys no package can be "
                           "exported or received (the courier's check works without).")
            button, self.notice_action = self.tr("Create keys…"), "create"
        elif st.kind == "commune" and not st.office_trusted:
            text = self.tr("The social insurance office's keys are not registered yet: the packages are encrypted "
                           "for it. Register the folder of public keys the office gave you.")
            button, self.notice_action = self.tr("Trust the office's keys…"), "trust"
        else:
            self.notice.hide()
            return
        self.notice_label.setText(text)
        self.notice_button.setText(button)
        self.notice_button.setVisible(bool(button))
        self.notice.show()

    def _notice_action(self) -> None:
        self.tabs.setCurrentWidget(self.keys)
        if self.notice_action == "create":
            self.keys.create_keys()
        elif self.notice_action == "trust":
            self.keys.trust_keys()


# --- screenshot scenes (ui/screenshots.py collects them) ----------------------------------------------------------

def _scene_page(window: Any) -> PackagesPage:
    page = window.page(PackagesPage)
    window.show_page(window.pages.index(page))
    window.settle()
    return page


def _no_keys(window: Any) -> Any:
    _scene_page(window)
    return window


def _with_keys(window: Any, tab: int = 0) -> Any:
    """The demo commune given keys and an office (made on the side, in a temporary folder), a round trip done."""
    from ui.pages.packages_scenes import commune_with_round_trip

    page = _scene_page(window)
    commune_with_round_trip(window, page)
    page.tabs.setCurrentIndex(tab)
    window.settle()
    return window


def _office(window: Any) -> Any:
    from ui.pages.packages_scenes import office_page

    _scene_page(window)
    page = office_page(window)
    page.resize(window.size())
    page.show()
    window.settle()
    return page


def scenes() -> list[tuple[str, Any]]:
    return [("packages-no-keys", _no_keys), ("packages-send", _with_keys),
            ("packages-courier", lambda w: _with_keys(w, 1)), ("packages-keys", lambda w: _with_keys(w, 2)),
            ("packages-office", _office)]
