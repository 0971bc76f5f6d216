"""How a value is printed (PDF, header lines) and how it is stored in a spreadsheet cell, by the column's kind.

Dates: a full date is a real date (dd/mm/yyyy); a date known to the month or year prints as "03/1975" or "1975",
never with an invented day. Codes stay text with their leading zeros. Money prints with "." between thousands and
coefficients with a decimal comma, as Vietnamese documents write them.
"""
from __future__ import annotations

import string
from datetime import date, datetime
from decimal import Decimal
from typing import Any, cast

from app import messages
from app.domain.dates import PartialDate, parse_date
from app.errors import HgdError

messages.register({
    "lists.bad_value": ("Giá trị '{value}' không hợp lệ cho cột {column} (kiểu {kind})",
                        "The value '{value}' does not fit column {column} (kind {kind})"),
})

MISSING = "…"
_FORMATTER = string.Formatter()


def as_partial(value: object) -> PartialDate:
    """A date of any accepted form: date, PartialDate, ISO partial text ("1975", "1975-03", "1975-03-15") or text as
    records write it ("15/03/1975", "03/1975")."""
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, datetime):
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, date):
        return PartialDate.from_date(value)
    parsed = parse_date(value, allow_future=True)
    if parsed is None:
        raise HgdError("date.unreadable", value=value)
    return parsed


def _decimal_text(value: Decimal | float) -> str:
    d = value if isinstance(value, Decimal) else Decimal(str(value))
    text = format(d, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    whole, _, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = f"{int(whole.lstrip('-') or 0):,}".replace(",", ".")
    return sign + whole + ("," + frac if frac else "")


def text(value: object, kind: str = "text", *, lower: bool = False) -> str:
    """The printed form of a value; "" for nothing."""
    if value is None or value == "" or value is False:
        return ""
    if kind == "mark":
        return "x" if value else ""
    if kind in ("date", "month") or isinstance(value, (date, PartialDate)):
        p = as_partial(value)
        if kind == "month" and p.month is not None:
            return f"{p.month:02d}/{p.year:04d}"
        return p.display()
    if isinstance(value, bool):
        return "x"
    if isinstance(value, (int, Decimal, float)):
        if kind in ("money", "decimal"):
            return _decimal_text(value)
        return str(value) if isinstance(value, int) else _decimal_text(value).replace(".", "")
    out = str(value)
    return out.lower() if lower else out


def cell(value: object, kind: str = "text", *, lower: bool = False, column: str = "") -> tuple[Any, str | None]:
    """(value, number format) for a spreadsheet cell: dates as dates, numbers as numbers, codes as text."""
    if value is None or value == "" or value is False:
        return None, None
    t = type(value)  # the common cases first: a long list spends most of its time here
    if t is str and kind == "text":
        s = cast(str, value)
        return (s.lower() if lower else s), None
    if t is date and kind == "date":
        return value, "dd/mm/yyyy"
    if t is int and kind in ("int", "money"):
        return value, "#,##0" if kind == "money" else None
    if kind in ("date", "month"):
        p = as_partial(value)
        if kind == "month" and p.month is not None:
            return date(p.year, p.month, p.day or 1), "mm/yyyy"
        full = p.as_date()
        return (full, "dd/mm/yyyy") if full else (p.display(), "@")
    if kind == "mark":
        return "x", None
    if kind in ("int", "money", "decimal"):
        number = value
        if isinstance(value, str):
            try:
                number = Decimal(value.replace(",", ".")) if kind == "decimal" else int(value.replace(".", ""))
            except ArithmeticError:
                raise HgdError("lists.bad_value", value=value, column=column, kind=kind) from None
            except ValueError:
                raise HgdError("lists.bad_value", value=value, column=column, kind=kind) from None
        if isinstance(number, bool) or not isinstance(number, (int, Decimal, float)):
            raise HgdError("lists.bad_value", value=value, column=column, kind=kind)
        return number, "#,##0" if kind == "money" else None
    if kind == "code":
        return str(value), "@"
    out = text(value, kind, lower=lower)
    return out, None


def fill(template: str, values: dict[str, object]) -> str:
    """Fill {placeholders}; "{name:money}" prints the value as the kind after the colon. A missing or empty value
    prints "…" (as blank official forms do)."""
    out = []
    for literal, name, spec, _conv in _FORMATTER.parse(template):
        out.append(literal)
        if name is not None:
            shown = text(values.get(name), spec or "text")
            out.append(shown if shown else MISSING)
    return "".join(out)


def date_parts(on: date | None) -> dict[str, object]:
    """The {ngay_lap}, {thang_lap}, {nam_lap} of a date line (two-digit day and month, as documents write them)."""
    if on is None:
        return {}
    return {"ngay_lap": f"{on.day:02d}", "thang_lap": f"{on.month:02d}", "nam_lap": str(on.year)}
