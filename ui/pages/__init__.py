"""The main window's pages, in side bar order (each helper adds its page with a one-line edit)."""
from __future__ import annotations

from ui.pages.base import Page
from ui.pages.overview import OverviewPage
from ui.pages.review import ReviewPage

PAGES: list[type[Page]] = [
    OverviewPage,
    ReviewPage,
]
