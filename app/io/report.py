"""What an import did, or would do: counts, the rows refused and why, the warnings for the review."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Self

from app import messages

messages.register({
    "import.dropped": ("{reason} — không lưu giá trị này", "{reason} — this value is not stored"),
    "import.line": ("Dòng {row}, cột '{column}': '{value}' — {reason}", "Row {row}, column '{column}': '{value}' — {reason}"),
    "import.in_sheet_line": ("Trang '{sheet}', {line}", "Sheet '{sheet}', {line}"),
    "import.sheet_skipped": ("Trang '{sheet}' không được nhập: {reason}.", "The sheet '{sheet}' is not imported: {reason}."),
    "import.line_no_value": ("Dòng {row}, cột '{column}': {reason}", "Row {row}, column '{column}': {reason}"),
    "import.line_row": ("Dòng {row}: {reason}", "Row {row}: {reason}"),
    "import.done": ("Đã nhập {persons} người, {households} hộ mới{reused}.",
                    "Imported {persons} persons, {households} new households{reused}."),
    "import.would": ("Chạy thử, chưa ghi gì vào sổ: sẽ nhập {persons} người, {households} hộ mới{reused}.",
                     "Dry run, nothing written: would import {persons} persons, {households} new households{reused}."),
    "import.reused": (" (thêm người vào {count} hộ đã có)", " (members added to {count} existing households)"),
    "import.nothing": (
        ("Không nhập gì: {rows} dòng bị từ chối. Sửa các dòng dưới đây, hoặc dùng --skip-invalid để chỉ nhập các "
        "dòng hợp lệ ({valid} người)."),
        ("Nothing imported: {rows} rows refused. Fix the rows below, or use --skip-invalid to import only the valid "
        "rows ({valid} persons).")),
    "import.skipped_invalid": ("Đã bỏ qua {rows} dòng không hợp lệ:", "Left out {rows} invalid rows:"),
    "import.would_skip_invalid": ("Sẽ bỏ qua {rows} dòng không hợp lệ:", "Would leave out {rows} invalid rows:"),
    "import.rejected_head": ("Các dòng bị từ chối:", "Rows refused:"),
    "import.already": ("{count} người đã có trong sổ, không nhập lại.",
                       "{count} persons are already in the register, not imported again."),
    "import.updated_head": ("{count} người đã có trong sổ được bổ sung hoặc cập nhật:",
                            "{count} persons already in the register were completed or updated:"),
    "import.warnings": ("{count} cảnh báo cần xem lại:", "{count} warnings to review:"),
    "import.more": ("… và {count} cảnh báo khác (xem --json).", "… and {count} more warnings (see --json)."),
    "import.source": ("Tệp '{file}', trang '{sheet}', dòng tiêu đề {row}, bảng mã {encoding}.",
                      "File '{file}', sheet '{sheet}', header row {row}, encoding {encoding}."),
})


number = messages.number


class SheetRow(int):
    """A row number that also names its sheet, for a list spread over several sheets. It prints as the number the
    clerk sees; it compares and hashes with its sheet, so that rows of two sheets never pass for one another (a
    set of rows, a row a warning points to), and sorts by sheet order, then row."""

    sheet: str
    order: int

    def __new__(cls, row: int, sheet: str, order: int = 0) -> Self:
        self = super().__new__(cls, row)
        self.sheet, self.order = sheet, order
        return self

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SheetRow):
            return int(self) == int(other) and self.sheet == other.sheet
        return int.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash((int(self), self.sheet))

    def __lt__(self, other: object) -> bool:
        if isinstance(other, SheetRow):
            return (self.order, int(self)) < (other.order, int(other))
        return int.__lt__(self, other)  # type: ignore[operator]

    def __reduce__(self) -> tuple[type[SheetRow], tuple[int, Any, Any]]:  # copies and pickles keep the sheet
        return SheetRow, (int(self), self.sheet, self.order)


@dataclass
class RowIssue:
    """One problem in one row: `row` is the spreadsheet's own 1-based row number, `column` the header as written
    in the file ("" for the whole row), `value` the cell as read; `sheet` names the sheet when the file's list
    spans several (taken from a SheetRow)."""

    row: int
    column: str
    value: str
    reason_key: str
    params: dict[str, object] = field(default_factory=dict)
    dropped: bool = False     # the value could not be stored as what its column says: the field was left empty
    sheet: str = ""

    def __post_init__(self) -> None:
        if not self.sheet and isinstance(self.row, SheetRow):
            self.sheet = self.row.sheet

    def message(self, lang: str | None = None) -> str:
        text = messages.render(self.reason_key, lang, **self.params)
        return messages.render("import.dropped", lang, reason=text) if self.dropped else text

    def line(self, lang: str | None = None) -> str:
        reason = self.message(lang)
        row = int(self.row)
        if not self.column:
            text = messages.render("import.line_row", lang, row=row, reason=reason)
        elif self.value == "":
            text = messages.render("import.line_no_value", lang, row=row, column=self.column, reason=reason)
        else:
            text = messages.render("import.line", lang, row=row, column=self.column, value=self.value, reason=reason)
        if self.sheet:
            text = messages.render("import.in_sheet_line", lang, sheet=self.sheet, line=text[:1].lower() + text[1:])
        return text

    def to_dict(self, lang: str | None = None) -> dict[str, object]:
        return {"row": int(self.row), "sheet": self.sheet, "column": self.column, "value": self.value,
                "reason": self.reason_key, "dropped": self.dropped,
                "params": {k: v if isinstance(v, (int, float, str, bool)) or v is None else str(v)
                           for k, v in self.params.items()},
                "message": self.message(lang)}


@dataclass
class ImportReport:
    path: str
    sheet: str | None = None
    header_row: int | None = None
    encoding: str = "unicode"             # unicode | tcvn3 | vni (a legacy font encoding found in the text)
    text_encoding: str | None = None      # a CSV's bytes: utf-8, utf-8-sig, utf-16, cp1258, cp1252
    column_encodings: dict[str, str] = field(default_factory=dict)   # header -> tcvn3 | vni
    sheets: list[str] = field(default_factory=list)                  # the sheets imported, in order
    sheets_skipped: list[dict[str, str]] = field(default_factory=list)  # {"sheet", "reason" (message key)}
    columns: dict[str, str] = field(default_factory=dict)            # field -> header as written
    rows_read: int = 0
    persons_valid: int = 0                # rows that can be imported (not rejected, not already present)
    persons_added: int = 0                # written; in a dry run, what would be written; 0 when refused
    households_added: int = 0
    households_reused: int = 0
    persons_present: int = 0              # rows already in the register, not imported again
    persons_updated: int = 0              # rows that completed or corrected a person already in the register
    rejected: list[RowIssue] = field(default_factory=list)
    warnings: list[RowIssue] = field(default_factory=list)
    present: list[RowIssue] = field(default_factory=list)
    updated: list[RowIssue] = field(default_factory=list)
    committed: bool = False
    action_seq: int | None = None         # the action that wrote it (for undo)
    dry_run: bool = False
    skip_invalid: bool = False
    seconds: float = 0.0

    @property
    def rows_rejected(self) -> int:
        return len({(i.sheet, int(i.row)) for i in self.rejected})

    @property
    def refused(self) -> bool:
        """Nothing was (or would be) written because rows were rejected and skip_invalid was off."""
        return bool(self.rejected) and not self.skip_invalid

    def to_dict(self, lang: str | None = None) -> dict[str, object]:
        out = {k: v for k, v in asdict(self).items() if k not in ("rejected", "warnings", "present", "updated")}
        out["header_row"] = int(self.header_row) if self.header_row is not None else None
        out["rows_rejected"] = self.rows_rejected
        for name in ("rejected", "warnings", "present", "updated"):
            out[name] = [i.to_dict(lang) for i in getattr(self, name)]
        return out

    def summary_lines(self, lang: str | None = None, *, max_warnings: int | None = 50) -> list[str]:
        """Vietnamese by default: the outcome, every rejected row, then the warnings (the first `max_warnings`)."""
        def r(key: str, **params: object) -> str:
            return messages.render(key, lang, **params)

        lines = []
        reused = r("import.reused", count=number(self.households_reused, lang)) if self.households_reused else ""
        counts = {"persons": number(self.persons_added, lang), "households": number(self.households_added, lang),
                  "reused": reused}
        skipped = [r("import.sheet_skipped", sheet=s["sheet"], reason=r(s["reason"])) for s in self.sheets_skipped]
        if self.refused:
            lines.append(r("import.nothing", rows=number(self.rows_rejected, lang),
                           valid=number(self.persons_valid, lang)))
            lines += skipped
            lines.append(r("import.rejected_head"))
        else:
            lines.append(r("import.would" if self.dry_run else "import.done", **counts))
            lines += skipped
            if self.rejected:
                key = "import.would_skip_invalid" if self.dry_run else "import.skipped_invalid"
                lines.append(r(key, rows=number(self.rows_rejected, lang)))
        lines += ["  " + i.line(lang) for i in self.rejected]
        if self.persons_present:
            lines.append(r("import.already", count=number(self.persons_present, lang)))
        if self.persons_updated:
            lines.append(r("import.updated_head", count=number(self.persons_updated, lang)))
            lines += ["  " + i.line(lang) for i in self.updated[:max_warnings or len(self.updated)]]
        if self.warnings:
            lines.append(r("import.warnings", count=number(len(self.warnings), lang)))
            shown = self.warnings if max_warnings is None else self.warnings[:max_warnings]
            lines += ["  " + i.line(lang) for i in shown]
            if len(shown) < len(self.warnings):
                lines.append("  " + r("import.more", count=number(len(self.warnings) - len(shown), lang)))
        return lines
