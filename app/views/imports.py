"""The import page's reads: a dry run of a file against the register (nothing written), the field catalogue for the
column mapping, and a report saved as XLSX (one sheet of counts, one of the rows with their issues)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app import messages
from app.io import fields
from app.io.report import ImportReport, RowIssue

if TYPE_CHECKING:
    from app.register import Register

messages.register({
    "import_view.kind.rejected": ("Từ chối", "Refused"),
    "import_view.kind.warning": ("Cảnh báo", "Warning"),
    "import_view.kind.present": ("Đã có trong sổ", "Already in the register"),
    "import_view.kind.updated": ("Bổ sung người đã có", "Completes a person already in the register"),
    "import_view.sheet.summary": ("Tóm tắt", "Summary"),
    "import_view.sheet.rows": ("Các dòng", "Rows"),
    "import_view.col.kind": ("Loại", "Kind"),
    "import_view.col.sheet": ("Trang", "Sheet"),
    "import_view.col.row": ("Dòng", "Row"),
    "import_view.col.column": ("Cột", "Column"),
    "import_view.col.value": ("Giá trị", "Value"),
    "import_view.col.message": ("Lý do", "Reason"),
    "import_view.ignore": ("(bỏ qua cột này)", "(leave this column out)"),
    # the file-level refusals whose core sentence names --map: the page has its own way to name a column
    "import_view.no_header": (
        ("Tệp '{file}', trang '{sheet}': không tìm thấy dòng tiêu đề (cần các cột {required}) trong {rows} dòng "
        "đầu. Nếu các cột có tên khác, ghi tên từng cột và chọn trường ở ô \"Thêm\" bên trái, rồi đọc lại tệp."),
        ("File '{file}', sheet '{sheet}': no header row found (the columns {required} are needed) in the first "
        "{rows} rows. If the columns are named otherwise, name each one and its field beside \"Add\" on the left, "
        "then read the file again.")),
    "import_view.missing_columns": (
        ("Tệp '{file}', trang '{sheet}', dòng tiêu đề {row}: thiếu cột bắt buộc {missing}. Nếu cột có tên khác, ghi "
        "tên cột và chọn trường ở ô \"Thêm\" bên trái, rồi đọc lại tệp."),
        ("File '{file}', sheet '{sheet}', header row {row}: the required column {missing} is missing. If it is named "
        "otherwise, name it and its field beside \"Add\" on the left, then read the file again.")),
    "import_view.missing_household": (
        ("Tệp '{file}', trang '{sheet}', dòng tiêu đề {row}: thiếu cột bắt buộc 'Mã hộ' (hoặc cột 'Quan hệ với chủ "
        "hộ' để xác định hộ theo thứ tự). Nếu cột có tên khác, ghi tên cột và chọn trường ở ô \"Thêm\" bên trái."),
        ("File '{file}', sheet '{sheet}', header row {row}: the required column 'Mã hộ' is missing (or a 'Quan hệ "
        "với chủ hộ' column to tell the households by their order). If it is named otherwise, name it and its "
        "field beside \"Add\" on the left.")),
})

_OWN_WORDS = {"import.no_header": "import_view.no_header", "import.missing_columns": "import_view.missing_columns",
              "import.missing_household": "import_view.missing_household"}


def message(exc: BaseException, lang: str | None = None) -> str | None:
    """The import page's sentence for a file-level refusal that the command line words with --map; None for the
    others (their core message is said as it is)."""
    key = getattr(exc, "key", None)
    if key in _OWN_WORDS:
        return messages.render(_OWN_WORDS[key], lang, **getattr(exc, "params", {}))
    return None

KINDS = ("rejected", "warning", "present", "updated")


@dataclass(frozen=True)
class IssueRow:
    kind: str       # KINDS
    sheet: str
    row: int
    column: str
    value: str
    message: str


def dry_run(reg: Register, path: str | Path, mapping: dict[str, str] | None = None, *,
            skip_invalid: bool = False) -> ImportReport:
    """What importing the file would do (nothing written). File-level problems raise HgdError."""
    from app.io.importer import import_persons  # loaded when a file is read, not at the window's start

    return import_persons(reg, path, mapping=mapping or None, dry_run=True, skip_invalid=skip_invalid,
                          today=reg.today())


def issue_rows(report: ImportReport, lang: str | None = None) -> list[IssueRow]:
    def rows(kind: str, issues: list[RowIssue]) -> list[IssueRow]:
        return [IssueRow(kind, i.sheet, int(i.row), i.column, i.value, i.message(lang)) for i in issues]

    out = (rows("rejected", report.rejected) + rows("warning", report.warnings) + rows("present", report.present)
           + rows("updated", report.updated))
    return sorted(out, key=lambda r: (r.sheet, r.row, KINDS.index(r.kind)))


def field_choices(lang: str | None = None) -> list[tuple[str, str]]:
    """(field name, label) for the mapping's chooser; the first entry leaves a column out."""
    lang = lang or messages.language()
    out = [(fields.IGNORE, messages.render("import_view.ignore", lang))]
    out += [(f.name, f.label_vi if lang == "vi" else f.label_en) for f in fields.FIELDS]
    return out


def save_report_xlsx(report: ImportReport, path: str | Path, lang: str | None = None) -> Path:
    from app.views.xlsx_report import write_report  # the spreadsheet writer loads when a report is saved

    heads = ("kind", "sheet", "row", "column", "value", "message")
    return write_report(
        path, messages.render("import_view.sheet.summary", lang),
        [line for line in report.summary_lines(lang, max_warnings=0) if not line.startswith("  ")],  # rows: sheet 2
        messages.render("import_view.sheet.rows", lang), [messages.render(f"import_view.col.{h}", lang) for h in heads],
        ([messages.render(f"import_view.kind.{r.kind}", lang), r.sheet, r.row, r.column, r.value, r.message]
         for r in issue_rows(report, lang)), (18, 12, 8, 24, 24, 90), text_columns=(4,))
