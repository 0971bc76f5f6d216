"""Dates with their precision, and the reading of dates from spreadsheets (DOMAIN §5.6).

Old records often hold only a year or a month and year: the precision is stored, never 01/01 invented.
"""
from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from app import messages
from app.domain.text import nfc
from app.errors import HgdError

messages.register({
    "date.invalid": ("Ngày '{value}' không hợp lệ", "Date '{value}' is not valid"),
    "date.unreadable": (
        "Không đọc được ngày '{value}': cần dạng ngày/tháng/năm, tháng/năm hoặc năm (ví dụ 15/03/1975, 03/1975, 1975)",
        "Cannot read the date '{value}': expected day/month/year, month/year or year (e.g. 15/03/1975, 03/1975, 1975)"),
    "date.two_digit_year": (
        "Ngày '{value}' ghi năm bằng 2 chữ số, không rõ thế kỷ: cần ghi đủ 4 chữ số (ví dụ 1975)",
        "Date '{value}' has a two-digit year, the century is unclear: write all 4 digits (e.g. 1975)"),
    "date.impossible": ("Ngày '{value}' không tồn tại", "Date '{value}' does not exist"),
    "date.future": ("Ngày '{value}' ở sau ngày hôm nay", "Date '{value}' is after today"),
    "date.too_old": ("Ngày '{value}' trước năm 1900, không thể đúng",
                     "Date '{value}' is before 1900, it cannot be right"),
})

MIN_YEAR, MAX_YEAR = 1800, 2300   # what PartialDate can hold
OLDEST_YEAR = 1900                 # what parse_date accepts
_EXCEL_EPOCH = date(1899, 12, 30)  # Excel's 1900 system, past its fictitious 29/02/1900
_MAX_SERIAL = 150_000              # year 2310: larger numbers are not dates
_TIME_SUFFIX = re.compile(r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$")
_WORDS = re.compile(r"^(?:ngày\s*(\d{1,2})\s*,?\s*)?(?:tháng\s*(\d{1,2})\s*,?\s*)?năm\s*(\d{4})$")
_SEPARATORS = re.compile(r"\s*[/.\-]\s*|\s+")
_DAY_MONTH_YEAR = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")  # the usual form: a fast path
_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@dataclass(frozen=True, order=False)
class PartialDate:
    """A date known to the day, the month or only the year. Equality is exact (1975 != 03/1975); use agrees_with
    to compare by what both know."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        ok = isinstance(self.year, int) and MIN_YEAR <= self.year <= MAX_YEAR
        if ok and self.month is not None:
            ok = 1 <= self.month <= 12
            if ok and self.day is not None:
                ok = 1 <= self.day <= (_MONTH_DAYS[self.month] if self.month != 2
                                       else 29 if calendar.isleap(self.year) else 28)
        elif self.day is not None:
            ok = False  # a day without a month
        if not ok:
            raise HgdError("date.invalid", value=f"{self.day or '?'}/{self.month or '?'}/{self.year}")

    @classmethod
    def from_date(cls, d: date) -> PartialDate:
        return cls(d.year, d.month, d.day)

    @property
    def precision(self) -> str:
        return "day" if self.day is not None else "month" if self.month is not None else "year"

    def iso(self) -> str:
        year, month, day = self.year, self.month, self.day
        if month is not None and day is not None:  # the usual case first (a 150,000-row import calls this per row)
            return f"{year:04d}-{month:02d}-{day:02d}"
        if month is None and day is None:
            return f"{year:04d}"
        return f"{year:04d}-{month if month is not None else day:02d}"

    @classmethod
    def from_iso(cls, s: str) -> PartialDate:
        m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", (s or "").strip())
        if not m:
            raise HgdError("date.invalid", value=s)
        return cls(*(int(g) if g else None for g in m.groups()))  # type: ignore[arg-type]

    def display(self) -> str:
        """dd/mm/yyyy, mm/yyyy or yyyy, as Vietnamese records write them."""
        parts = [f"{p:02d}" for p in (self.day, self.month) if p is not None] + [f"{self.year:04d}"]
        return "/".join(parts)

    def __str__(self) -> str:
        return self.display()

    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> date:
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def as_date(self) -> date | None:
        return date(self.year, self.month, self.day) if self.day is not None and self.month is not None else None

    def agrees_with(self, other: PartialDate | date) -> bool:
        """Equal in everything both know: a year-only date agrees with any date of that year."""
        if isinstance(other, date):
            other = PartialDate.from_date(other)
        if self.year != other.year:
            return False
        if self.month is None or other.month is None:
            return True
        if self.month != other.month:
            return False
        return self.day is None or other.day is None or self.day == other.day


def _from_serial(n: int, value: object) -> PartialDate:
    if n > _MAX_SERIAL or n < 1:
        raise HgdError("date.unreadable", value=value)
    return PartialDate.from_date(_EXCEL_EPOCH + timedelta(days=n))


def _from_number(n: int, value: object) -> PartialDate:
    """A number in a date column. 1800–2300 is a year (as Excel stores a typed year): as a serial it would be a day
    in 1904–1906, implausible. Two-digit numbers are two-digit years. Larger numbers are Excel serials."""
    if MIN_YEAR <= n <= MAX_YEAR:
        return _build(n, None, None, value)
    if 1 <= n <= 99:
        raise HgdError("date.two_digit_year", value=value)
    if 1000 <= n < MIN_YEAR:
        raise HgdError("date.too_old", value=value)
    if n < MIN_YEAR:
        raise HgdError("date.unreadable", value=value)
    return _from_serial(n, value)


def _build(year: int, month: int | None, day: int | None, value: object) -> PartialDate:
    """Day or month 0 means unknown ("00/00/1990" is the year 1990, "00/03/1990" March 1990)."""
    if year < OLDEST_YEAR:
        raise HgdError("date.too_old", value=value)
    if year > MAX_YEAR:
        raise HgdError("date.impossible", value=value)
    month = month or None
    day = day or None
    if day is not None and month is None:
        raise HgdError("date.impossible", value=value)
    try:
        return PartialDate(year, month, day)
    except HgdError:
        raise HgdError("date.impossible", value=value) from None


def _from_digits(text: str, value: object) -> PartialDate:
    if len(text) == 8:  # ddmmyyyy, else yyyymmdd (both can never be valid at once)
        try:
            return _build(int(text[4:]), int(text[2:4]), int(text[:2]), value)
        except HgdError:
            if not MIN_YEAR <= int(text[:4]) <= MAX_YEAR:
                raise
            return _build(int(text[:4]), int(text[4:6]), int(text[6:]), value)
    if len(text) == 6 and int(text[:2]) <= 12 and MIN_YEAR <= int(text[2:]) <= MAX_YEAR:  # mmyyyy
        return _build(int(text[2:]), int(text[:2]), None, value)
    if len(text) == 4 and int(text):  # a year
        return _build(int(text), None, None, value)
    if len(text) == 5 or len(text) <= 2:  # an Excel serial kept as text, a two-digit year
        return _from_number(int(text), value)
    raise HgdError("date.unreadable", value=value)


def _from_text(text: str, value: object) -> PartialDate:
    text = _TIME_SUFFIX.sub("", text).strip()
    words = _WORDS.match(text.lower())
    if words:  # "ngày 15 tháng 3 năm 1975", "tháng 3 năm 1975", "năm 1975"
        day, month, year = (int(g) if g else None for g in words.groups())
        return _build(year, month, day, value)  # type: ignore[arg-type]
    if re.fullmatch(r"\d+\.0+", text):  # a number stored by Excel as float text: "1975.0"
        text = text.split(".")[0]
    parts = _SEPARATORS.split(text)
    if not all(p.isascii() and p.isdigit() for p in parts):
        raise HgdError("date.unreadable", value=value)
    sizes = [len(p) for p in parts]
    nums = [int(p) for p in parts]
    if len(parts) == 1:
        return _from_digits(text, value)
    if len(parts) == 3 and sizes[0] == 4 and max(sizes[1:]) <= 2:    # 1975-03-15
        return _build(nums[0], nums[1], nums[2], value)
    if len(parts) == 3 and sizes[2] == 4 and max(sizes[:2]) <= 2:    # 15/03/1975
        return _build(nums[2], nums[1], nums[0], value)
    if len(parts) == 2 and sizes[1] == 4 and sizes[0] <= 2:          # 03/1975
        return _build(nums[1], nums[0], None, value)
    if len(parts) == 2 and sizes[0] == 4 and sizes[1] <= 2:          # 1975-03
        return _build(nums[0], nums[1], None, value)
    if max(sizes) <= 2 and (len(parts) == 3 or nums[1] > 12):          # 15/03/75, 03/75 (not 15/03)
        raise HgdError("date.two_digit_year", value=value)
    raise HgdError("date.unreadable", value=value)


def parse_date(value: object, *, today: date | None = None, allow_future: bool = False) -> PartialDate | None:
    """Read a date from a spreadsheet cell or a form field; None for an empty value.

    Accepts date/datetime, Excel serial numbers (1900 system), a year as a number (1800–2300), and text in the
    forms d/m/yyyy, d-m-yyyy, d.m.yyyy, yyyy-mm-dd, m/yyyy, yyyy-mm, yyyy, ddmmyyyy, "1975.0" and "ngày … tháng …
    năm …". Raises HgdError: date.unreadable, date.two_digit_year, date.impossible, date.too_old (before 1900),
    date.future (after `today`, unless allow_future — card validity dates)."""
    if value is None:
        return None
    shown = value.strip() if isinstance(value, str) else value
    if isinstance(value, PartialDate):
        result = value
    elif isinstance(value, (datetime, date)):
        result = _build(value.year, value.month, value.day, value.strftime("%d/%m/%Y"))
    elif isinstance(value, bool):
        raise HgdError("date.unreadable", value=value)
    elif isinstance(value, int):
        result = _from_number(value, value)
    elif isinstance(value, float):
        if math.isnan(value):
            return None
        if not value.is_integer():
            raise HgdError("date.unreadable", value=value)
        result = _from_number(int(value), value)
    elif isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        quick = _DAY_MONTH_YEAR.fullmatch(text)
        if quick:
            result = _build(int(quick[3]), int(quick[2]), int(quick[1]), text)
        else:
            result = _from_text(nfc(text), text)
    else:
        raise HgdError("date.unreadable", value=value)
    if not allow_future and result.earliest() > (today or date.today()):
        raise HgdError("date.future", value=shown if isinstance(value, str) else result.display())
    return result


def months_between(birth: date, on: date) -> int:
    """Whole months from `birth` to `on` (negative when `on` is earlier). A month ends on the same day number; when
    the month has no such day, on its last day (Bộ luật Dân sự 2015, art. 148): born 31/01, one month on 28/02."""
    if on < birth:
        return -months_between(on, birth)
    months = (on.year - birth.year) * 12 + on.month - birth.month
    month_end = calendar.monthrange(on.year, on.month)[1]
    if on.day < birth.day and on.day != month_end:
        months -= 1
    return months


def age_in_months(birth: date | PartialDate, on: date) -> int:
    """Age in whole months on a day. For a date known only to the month or year, the latest possible birth date is
    used (the youngest the person can be), so a child is never counted as past 72 months too early."""
    if isinstance(birth, PartialDate):
        birth = birth.as_date() or birth.latest()
    return months_between(birth, on)
