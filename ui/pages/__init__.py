"""The main window's pages, in side bar order (each helper adds its page with a one-line edit)."""
from __future__ import annotations

from ui.pages.base import Page
from ui.pages.households import HouseholdsPage
from ui.pages.import_page import ImportPage
from ui.pages.overview import OverviewPage
from ui.pages.packages import PackagesPage
from ui.pages.periods import PeriodsPage
from ui.pages.review import ReviewPage
from ui.pages.settings import SettingsPage

PAGES: list[type[Page]] = [
    OverviewPage,
    HouseholdsPage,
    ImportPage,
    ReviewPage,
    PeriodsPage,
    PackagesPage,
    SettingsPage,
]

# An office's register (it receives the communes' packages; no commune of its own): only what fits it.
OFFICE_PAGES: list[type[Page]] = [PackagesPage]
