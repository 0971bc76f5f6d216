"""Spreadsheet import (XLSX, XLS, CSV): safe reading, header detection, column mapping, legacy encodings, row
validation, households; see app.io.importer.import_persons."""
from app.io.importer import import_persons
from app.io.report import ImportReport, RowIssue

__all__ = ["ImportReport", "RowIssue", "import_persons"]
