"""Spreadsheet import (XLSX, XLS, CSV): safe reading, header detection, column mapping, legacy encodings, row
validation, households; see app.io.importer.import_persons.

The names below are loaded on first use: importing one light module of the package (fields, limits, the report)
must not load the whole importer (half a second of the window's start)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.io.importer import import_persons
    from app.io.report import ImportReport, RowIssue

__all__ = ["ImportReport", "RowIssue", "import_persons"]


def __getattr__(name: str) -> Any:
    if name == "import_persons":
        from app.io.importer import import_persons
        return import_persons
    if name in ("ImportReport", "RowIssue"):
        from app.io import report
        return getattr(report, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
