"""The overview page: the register's counts (people, households, cards, events) and the age pyramid.

Everything shown comes from Register.stats(); this page only lays it out and names it in the clerk's language.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QWidget

from ui.overview.card import StatCard
from ui.overview.pyramid import AgePyramid

# Event types as the core records them, in the order a clerk thinks of them; others are shown by their code.
EVENT_NAMES = {
    "birth": QT_TRANSLATE_NOOP("EventType", "Births"),
    "death": QT_TRANSLATE_NOOP("EventType", "Deaths"),
    "move_in": QT_TRANSLATE_NOOP("EventType", "Moved in"),
    "move_out": QT_TRANSLATE_NOOP("EventType", "Moved out"),
    "split": QT_TRANSLATE_NOOP("EventType", "Household splits"),
    "merge": QT_TRANSLATE_NOOP("EventType", "Household merges"),
    "correction": QT_TRANSLATE_NOOP("EventType", "Corrections"),
    "group_change": QT_TRANSLATE_NOOP("EventType", "Participant group changes"),
    "head_change": QT_TRANSLATE_NOOP("EventType", "Changes of household head"),
}


def event_name(kind: str) -> str:
    return QCoreApplication.translate("EventType", EVENT_NAMES[kind]) if kind in EVENT_NAMES else kind


class OverviewView(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(16, 12, 16, 16)
        grid.setSpacing(14)

        self.persons = StatCard(self.tr("People"))
        self.persons.add_row("persons.active", self.tr("In the register now"))
        self.persons.add_row("persons.male", self.tr("Men"))
        self.persons.add_row("persons.female", self.tr("Women"))
        self.persons.add_row("persons.ethnic_minority", self.tr("Ethnic minorities"))
        self.persons.add_row("persons.under_6", self.tr("Children under 6"))
        self.persons.add_separator()
        self.persons.add_row("persons.dead", self.tr("Died"))
        self.persons.add_row("persons.moved_out", self.tr("Moved out"))

        self.households = StatCard(self.tr("Households"))
        self.households.add_row("households.active", self.tr("Households now"))
        self.households.add_row("households.mean_size", self.tr("Mean size (persons per household)"))
        self.households.add_row("households.one_person", self.tr("One-person households"), attention=True)
        self.households.add_row("households.six_or_more", self.tr("Households of 6 or more"), attention=True)
        self.households.add_row("households.without_head", self.tr("Households without a head"), attention=True)

        self.cards = StatCard(self.tr("Health insurance cards"))
        self.cards.add_row("cards.valid", self.tr("Valid cards"))
        self.cards.add_row("cards.expiring_30_days", self.tr("Expiring in the next 30 days"), attention=True)
        self.cards.add_row("cards.expired", self.tr("Expired cards"), attention=True)
        self.cards.add_row("cards.without_card", self.tr("No card at all"), attention=True)
        self.cards.add_separator()
        self.cards.add_row("persons.without_bhxh_code", self.tr("Without a social insurance (BHXH) code"),
                           attention=True)

        self.events = StatCard(self.tr("Recorded changes"))

        self.pyramid_card = StatCard(self.tr("Age pyramid (people in the register now)"))
        self.pyramid = AgePyramid()
        self.pyramid_card.layout().insertWidget(1, self.pyramid)
        self.pyramid_note = QLabel("")
        self.pyramid_note.setWordWrap(True)
        self.pyramid_card.layout().insertWidget(2, self.pyramid_note)

        # Three columns fit a 1366×768 laptop without scrolling: figures left and middle, the pyramid right.
        grid.addWidget(self.persons, 0, 0)
        grid.addWidget(self.households, 1, 0)
        grid.addWidget(self.cards, 0, 1)
        grid.addWidget(self.events, 1, 1)
        grid.addWidget(self.pyramid_card, 0, 2, 2, 1)
        for col, stretch in enumerate((10, 10, 13)):
            grid.setColumnStretch(col, stretch)
        grid.setRowStretch(2, 1)
        self.setWidget(body)

    # --- filling ---------------------------------------------------------------------------------------------
    def show_stats(self, stats: dict) -> None:
        loc = QLocale()
        persons, households, cards = stats["persons"], stats["households"], stats["cards"]
        people = persons["active"]
        homes = households["active"]

        def count(card: StatCard, key: str, n: int, of: int | None = None) -> None:
            share = f"{loc.toString(100 * n / of, 'f', 1)} %" if of else ""
            card.set_value(key, loc.toString(int(n)), share, nonzero=n > 0)

        count(self.persons, "persons.active", people)
        count(self.persons, "persons.male", persons["by_sex"].get("M", 0), people)
        count(self.persons, "persons.female", persons["by_sex"].get("F", 0), people)
        count(self.persons, "persons.ethnic_minority", persons["ethnic_minority"], people)
        count(self.persons, "persons.under_6", persons["under_6"], people)
        count(self.persons, "persons.dead", persons["by_status"].get("dead", 0))
        count(self.persons, "persons.moved_out", persons["by_status"].get("moved_out", 0))

        count(self.households, "households.active", homes)
        self.households.set_value("households.mean_size", loc.toString(float(households["mean_size"]), "f", 2))
        count(self.households, "households.one_person", households["one_person"], homes)
        count(self.households, "households.six_or_more", households["six_or_more"], homes)
        count(self.households, "households.without_head", households["without_head"], homes)

        count(self.cards, "cards.valid", cards["valid"], people)
        count(self.cards, "cards.expiring_30_days", cards["expiring_30_days"], people)
        count(self.cards, "cards.expired", cards["expired"], people)
        count(self.cards, "cards.without_card", cards.get("without_card", 0), people)
        count(self.cards, "persons.without_bhxh_code", persons["without_bhxh_code"], people)

        self._show_events(stats.get("events", {}))
        self._show_pyramid(persons["age_pyramid"], people)

    def _show_events(self, events: dict[str, int]) -> None:
        self.events.clear_rows()
        order = [k for k in EVENT_NAMES if k in events] + sorted(k for k in events if k not in EVENT_NAMES)
        for kind in order:
            self.events.add_row(f"events.{kind}", event_name(kind))
            self.events.set_value(f"events.{kind}", QLocale().toString(int(events[kind])))
        if not order:
            self.events.add_note(self.tr("No changes recorded yet."))

    def _show_pyramid(self, pyramid: dict[str, dict[str, int]], people: int) -> None:
        self.pyramid.set_pyramid(pyramid)
        drawn = sum(v.get("M", 0) + v.get("F", 0) for v in pyramid.values())
        missing = people - drawn
        self.pyramid_note.setVisible(missing > 0)
        self.pyramid_note.setText(self.tr("%n person(s) without a recorded sex or year of birth are not drawn.", "",
                                          missing))

    # --- reading (tests, accessibility) ---------------------------------------------------------------------
    def value_text(self, key: str) -> str:
        label = self.findChild(QLabel, f"value.{key}")
        return label.text() if label is not None else ""
