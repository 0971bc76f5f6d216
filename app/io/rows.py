"""One spreadsheet row -> one person (a dict of Person columns) and its issues.

Rows that cannot be stored meaningfully are rejected (no name, no household code, an impossible date of birth, a
malformed BHXH code); rows that are possible but suspicious are kept and their warnings go to the review (a CCCD
that contradicts sex or birth year, a card inconsistent with group or BHXH code, an unknown ethnicity, relation or
group, an unreadable sex). A value that cannot be stored as what its column says (a CCCD with letters, an
unreadable card number or card date, a phone number with letters) is left empty; its warning keeps the value.

The per-row work is lean for 150,000-row files: cells are taken by precomputed index, and every lookup whose input
repeats (dates, sex, relation, ethnicity, group, places, addresses, household codes) is memoised per import.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from operator import itemgetter
from typing import Any

from app import messages
from app.domain import bhxh, card, cccd, codes, dates, legacy
from app.domain.text import search_key
from app.errors import HgdError
from app.io import limits
from app.io.cells import Memo, cell_text, check_cell, clean, column_letter, mark_run, shown
from app.io.header import Layout
from app.io.reader import Cell
from app.io.report import RowIssue

messages.register({
    "row.no_name": ("Thiếu họ và tên", "The full name is missing"),
    "row.no_household": ("Thiếu mã hộ", "The household code is missing"),
    "row.household_too_long": ("Mã hộ dài quá 40 ký tự", "The household code is longer than 40 characters"),
    "row.no_birth_date": ("Thiếu ngày sinh", "The date of birth is missing"),
    "row.bhxh_restored": ("Mã số BHXH mất số 0 ở đầu, đã khôi phục thành {code}",
                          "The social-insurance code lost its leading zeros; restored to {code}"),
    "row.cccd_restored": ("Số CCCD/CMND mất số 0 ở đầu, đã khôi phục thành {code}",
                          "The ID number lost its leading zero; restored to {code}"),
    "row.sex_mark": ("Không hiểu '{value}' ở cột đánh dấu giới tính (cần 'x' hoặc để trống)",
                     "Cannot read '{value}' in a sex mark column (expected 'x' or empty)"),
    "row.ethnic_unknown": ("Không nhận ra dân tộc '{value}'", "Unknown ethnicity '{value}'"),
    "row.relation_unknown": ("Không nhận ra quan hệ với chủ hộ '{value}'", "Unknown relation to the head '{value}'"),
    "row.group_unknown": ("Mã đối tượng '{value}' không có trong danh mục",
                          "Participant group '{value}' is not a known code"),
    "row.phone_invalid": ("Số điện thoại '{value}' không hợp lệ", "Phone number '{value}' is not valid"),
    "row.birth_both_sexes": ("Năm sinh ghi ở cả cột Nam và cột Nữ: không biết người này là nam hay nữ",
                             "The year of birth is written under both Nam and Nữ: the person's sex is unclear"),
    "row.excel_early_date": (
        ("Ngày '{value}' ở ô kiểu ngày của Excel: Excel đếm sai các ngày trước 01/03/1900 (nó coi 29/02/1900 là một "
        "ngày có thật), nên ngày này có thể lệch một ngày — hãy kiểm tra lại"),
        ("Date '{value}' in an Excel date cell: Excel counts the days before 01/03/1900 wrongly (it takes 29/02/1900 "
        "for a real day), so this date may be one day off — check it")),
    "row.sex_disagrees": ("Giới tính '{value}' khác với cột ghi năm sinh ({column})",
                          "Sex '{value}' differs from the column the year of birth is written under ({column})"),
})

_MARKS = frozenset(("x", "1", "co", "v", "✓", "✔", "true"))  # "x" in a "Nữ" column, as D03-TS writes it
_PHONE_JOINERS = str.maketrans("", "", " .-()")
_GROUP = re.compile(r"[A-Z]{2}")
TEXT_FIELDS = ("ho_ten", "ma_ho", "gioi_tinh", "nu", "nam", "noi_dk_khai_sinh", "quan_he_chu_ho", "dan_toc",
               "dia_chi", "noi_dk_kcb", "ma_kcb", "ma_doi_tuong", "noi_ks_tinh", "noi_ks_huyen", "noi_ks_xa")
_BIRTH_BY_SEX = (("ngay_sinh_nam", "M"), ("ngay_sinh_nu", "F"))
_DATE_CELLS = (date, datetime)
_PLACE_PARTS = ("noi_ks_xa", "noi_ks_huyen", "noi_ks_tinh")
_CARD_DATES = (("han_the_tu", "card_valid_from"), ("han_the_den", "card_valid_to"))

# A person as read from a row: Person columns plus the reader's own keys ("_household", the code as written). Its
# keys vary with the file's columns, and the import adds and merges keys by name: a plain dict, as the planner's.
PersonRow = dict[str, Any]
Values = dict[str, Cell]   # a row's non-empty cells by field


def _capital_initials(name: str) -> str:
    """TCVN3's .VnTime font has no toned capitals: "Ánh", "Út", "Ý" arrive as the lower-case letters. In a name
    whose other words start with a capital, a word starting with a lower-case letter gets its capital back."""
    words = name.split(" ")
    if len(words) < 2 or not any(w[:1].isupper() for w in words) or all(w[:1].isupper() for w in words if w):
        return name
    return " ".join(w[:1].upper() + w[1:] if w[:1].islower() else w for w in words)


def _dated(d: dates.PartialDate | None) -> tuple[str, int, dates.PartialDate] | None:
    return None if d is None else (d.iso(), d.year, d)


def _place(place: str) -> tuple[str, str, str | None]:
    """(text as stored, search key, province code of its last part) of a birth-registration place."""
    found = codes.province_by_name(place.rsplit(",", 1)[-1])
    return place, search_key(place), (found[0] if found else None)


def _name(raw: object) -> tuple[str, str]:
    name = clean(raw)
    return name, search_key(name)


class _Names(dict[str, tuple[str, str]]):
    def __missing__(self, raw: str) -> tuple[str, str]:
        self[raw] = found = _name(raw)
        return found


class RowReader:
    """Reads the data rows under one layout. `encodings` maps a field to its legacy encoding ("tcvn3"/"vni")."""

    def __init__(self, layout: Layout, *, today: date, encodings: dict[str, str], file: str = "",
                 sheet: str | None = None, first_column: int = 0, guard: bool = True) -> None:
        """`guard`: check each cell read for its length and runs of marks (False when the file's own scan showed
        that none can fail: the common case costs nothing per row)."""
        self.file, self.sheet, self.first_column, self.guard = file, sheet, first_column, guard
        self.names = tuple(layout.columns)
        self.indexes = [c.index for c in layout.columns.values()]
        self.width = max(self.indexes) + 1
        self.getter = itemgetter(*self.indexes) if len(self.indexes) > 1 else (lambda c: (c[self.indexes[0]],))
        self.header = {name: c.header for name, c in layout.columns.items()}
        self.columns = layout.columns
        self.encodings = encodings
        self.today = today
        self.marks = [(f, s) for f, s in (("nu", "F"), ("nam", "M")) if f in layout.columns]
        self.birth = Memo(lambda v: _dated(dates.parse_date(v, today=today)))
        self.card_date = Memo(lambda v: _dated(dates.parse_date(v, today=today, allow_future=True)))
        legend = layout.sex_codes
        self.sex = Memo(lambda v: codes.parse_sex(v, numeric=legend))
        self.relation = Memo(lambda v: codes.relation_code(clean(v)) or codes.relation_from_template_code(v))
        self.ethnic = Memo(lambda v: codes.ethnic_code(clean(v)))
        self.birth_by_sex = [(f, s) for f, s in _BIRTH_BY_SEX if f in layout.columns]
        self.place_parts = [f for f in _PLACE_PARTS if f in layout.columns]
        self.place = Memo(lambda v: _place(clean(v)))
        self.group = Memo(lambda v: codes.group(clean(v).upper()))
        self.text = Memo(clean)  # repeated texts: addresses, health facilities, household codes
        self.names_read = _Names()  # a name as stored and its search key, by the text read (names repeat)
        self.code_fields = (("quan_he_chu_ho", "ma_quan_he", "relation", self.relation, "row.relation_unknown"),
                            ("dan_toc", "ma_dan_toc", "ethnicity_code", self.ethnic, "row.ethnic_unknown"))
        self.row = 0
        self.bad: list[RowIssue] = []
        self.warn: list[RowIssue] = []

    def _values(self, cells: list[Cell]) -> Values:
        """The row's non-empty cells by field, converted from a legacy encoding where the column is in one. Spaces
        around a value are left to the readers (each domain parser strips), which saves a pass per cell."""
        if len(cells) < self.width:
            cells = cells + [""] * (self.width - len(cells))
        out = {k: v for k, v in zip(self.names, self.getter(cells))
               if v is not None and (v.__class__ is not str or (v and not v.isspace()))}
        if self.guard:  # a cell too long, or a letter under a run of marks, costs seconds to normalise
            self._check(out)
        for name, enc in self.encodings.items():
            if name in out and out[name].__class__ is str:
                out[name] = legacy.to_unicode(out[name], enc)
                if name == "ho_ten" and enc == "tcvn3":
                    out[name] = _capital_initials(out[name])
        return out

    def _check(self, out: Values) -> None:
        texts = [v for v in out.values() if v.__class__ is str]
        joined = "\n".join(texts)  # one pass for the whole row; a run of marks never crosses the newline
        if len(joined) <= limits.MAX_CELL_CHARS and (joined.isascii() or not mark_run(joined)):
            return
        for k, v in out.items():
            if v.__class__ is str and (len(v) > limits.MAX_CELL_CHARS or (not v.isascii() and mark_run(v))):
                column = self.columns[k]
                check_cell(v, file=self.file, sheet=self.sheet, row=self.row,
                           column=f"{column_letter(column.index + self.first_column)} ('{column.header}')")

    def _issue(self, target: list[RowIssue], name: str, value: object, key: str,
               params: dict[str, object] | None = None, dropped: bool = False) -> None:
        if params:
            params = {k: shown(v) if isinstance(v, str) else v for k, v in params.items()}
        target.append(RowIssue(self.row, self.header.get(name, ""), shown(cell_text(value)), key, params or {},
                               dropped))

    # --- one row ----------------------------------------------------------------------------------------------------
    def read(self, row: int, cells: list[Cell]) -> tuple[PersonRow | None, list[RowIssue], list[RowIssue]]:
        """(person, or None when rejected; rejections; warnings)."""
        self.row, self.bad, self.warn = row, [], []
        bad, warn = self.bad, self.warn
        v = self._values(cells)
        person: PersonRow = {"status": "active"}  # its id is given when the planner decides it is a new person
        raw = v.get("ho_ten", "")
        name, key = self.names_read[raw] if raw.__class__ is str else _name(raw)
        if not name:
            self._issue(bad, "ho_ten", "", "row.no_name")
        person["full_name"] = name
        person["name_key"] = key
        household = self.text[v["ma_ho"]][0] if "ma_ho" in v else ""
        if not household and "ma_ho" in self.names:  # a list without households (card holders) has no column
            self._issue(bad, "ma_ho", "", "row.no_household")
        elif len(household) > 40:
            self._issue(bad, "ma_ho", household, "row.household_too_long")
        person["_household"] = household

        raw = v.get("ngay_sinh")
        column, implied = "ngay_sinh", None
        if raw is None and self.birth_by_sex:
            raw, column, implied = self._birth_by_sex(v)
        parsed, err = self.birth[raw] if raw is not None else (None, None)
        birth = None
        if err:
            self._issue(bad, column, raw, err[0], err[1])
        elif parsed is None:
            self._issue(warn, column, "", "row.no_birth_date")
        else:
            person["birth_date"], person["birth_year"], birth = parsed
            if raw.__class__ in _DATE_CELLS and raw.year == 1900 and raw.month < 3:
                self._issue(warn, column, raw, "row.excel_early_date", {"value": cell_text(raw)})

        raw = v.get("ma_so_bhxh")
        if raw is not None:
            try:
                code, restored = bhxh.normalise_bhxh(cell_text(raw))
                person["bhxh_code"] = code
                if restored:
                    self._issue(warn, "ma_so_bhxh", raw, "row.bhxh_restored", {"code": code})
            except HgdError as exc:
                self._issue(bad, "ma_so_bhxh", raw, exc.key, exc.params)

        sex = self._sex(v)
        if implied and sex and sex != implied:
            self._issue(warn, "gioi_tinh", v.get("gioi_tinh"), "row.sex_disagrees",
                        {"value": cell_text(v.get("gioi_tinh")), "column": self.header[column]})
        sex = sex or implied
        if sex:
            person["sex"] = sex
        if "so_cccd" in v:
            self._identity(v["so_cccd"], person, birth, "so_cccd")
        elif "so_cmnd" in v:
            self._identity(v["so_cmnd"], person, birth, "so_cmnd")
        self._codes(v, person)
        self._card(v, person)
        self._places(v, person)
        return (None if bad else person), bad, warn

    def _birth_by_sex(self, v: Values) -> tuple[object, str, str | None]:
        """The year written under "Nam" or under "Nữ" (a "Năm sinh" header over the two): (value, column, sex)."""
        found = [(f, s) for f, s in self.birth_by_sex if f in v]
        if len(found) > 1:
            self._issue(self.bad, found[1][0], v[found[1][0]], "row.birth_both_sexes")
            return None, found[0][0], None
        if not found:
            return None, self.birth_by_sex[0][0], None
        field, sex = found[0]
        return v[field], field, sex

    def _sex(self, v: Values) -> str | None:
        raw = v.get("gioi_tinh")
        if raw is not None:
            value: str | None  # what codes.parse_sex returns (the memo holds any lookup's results)
            value, err = self.sex[raw]
            if err:
                self._issue(self.warn, "gioi_tinh", raw, err[0], err[1])
            return value
        if not self.marks:
            return None
        found = None
        for f, s in self.marks:
            raw = v.get(f)
            if raw is None:
                continue
            key = search_key(cell_text(raw))
            if key not in _MARKS and key != f:
                self._issue(self.warn, f, raw, "row.sex_mark", {"value": cell_text(raw)})
                return None
            found = s
        if found is None and len(self.marks) == 1:  # a lone "Nữ" column: no mark means male
            found = "M" if self.marks[0][0] == "nu" else "F"
        return found

    def _identity(self, raw: object, person: PersonRow, birth: dates.PartialDate | None, field: str) -> None:
        try:
            number, kind = cccd.normalise_id_number(raw)
        except HgdError as exc:
            self._issue(self.warn, field, raw, exc.key, exc.params, dropped=True)
            return
        person["id_number"], person["id_kind"] = number, kind
        digits = cell_text(raw).lstrip("'")
        if len(digits) < len(number) and digits.isdigit():
            self._issue(self.warn, field, raw, "row.cccd_restored", {"code": number})
        for f in cccd.check_cccd(number, sex=person.get("sex"), birth=birth):
            self._issue(self.warn, field, raw, f.code, f.params)

    def _codes(self, v: Values, person: PersonRow) -> None:
        for field, code_field, column, memo, key in self.code_fields:
            raw = v.get(field)
            if raw is None:  # the name cell empty: its code column, when the file has one beside it
                field, raw = code_field, v.get(code_field)
            if raw is not None:
                code = memo[raw][0]
                if code:
                    person[column] = code
                else:
                    self._issue(self.warn, field, raw, key, {"value": cell_text(raw)})
        raw = v.get("ma_doi_tuong")
        if raw is not None:
            text = self.text[raw][0].upper()
            if _GROUP.fullmatch(text):
                person["group_code"] = text
            if self.group[text][0] is None:
                self._issue(self.warn, "ma_doi_tuong", raw, "row.group_unknown", {"value": text})

    def _card(self, v: Values, person: PersonRow) -> None:
        raw = v.get("so_the_bhyt")
        if raw is not None:
            try:
                parsed = card.parse_card(raw)
            except HgdError as exc:
                self._issue(self.warn, "so_the_bhyt", raw, exc.key, exc.params, dropped=True)
            else:
                person["card_number"] = parsed.number
                if "group_code" not in person and parsed.group and self.group[parsed.group][0]:
                    person["group_code"] = parsed.group  # no group column: the card's group
                if "bhxh_code" not in person and "ma_so_bhxh" not in v:
                    person["bhxh_code"] = parsed.bhxh    # no BHXH code: the card's (its last 10 digits)
                valid_from, valid_to = self._card_day(v.get("han_the_tu")), self._card_day(v.get("han_the_den"))
                for f in card.check_card(parsed, group=person.get("group_code"), bhxh=person.get("bhxh_code"),
                                         valid_from=valid_from.earliest() if valid_from else None,
                                         valid_to=valid_to.latest() if valid_to else None, today=self.today):
                    self._issue(self.warn, "so_the_bhyt", raw, f.code, f.params)
        for field, column in _CARD_DATES:
            raw = v.get(field)
            if raw is not None:
                value, err = self.card_date[raw]
                if err:
                    self._issue(self.warn, field, raw, err[0], err[1], dropped=True)
                elif value is not None:
                    person[column] = value[0]

    def _card_day(self, raw: object) -> dates.PartialDate | None:
        """A card date as read (memoised), for the card check: the benefit digit is dated (DOMAIN §5.3)."""
        if raw is None:
            return None
        value, err = self.card_date[raw]
        return None if err or value is None else value[2]

    def _places(self, v: Values, person: PersonRow) -> None:
        raw = v.get("noi_dk_khai_sinh")
        if raw is None and self.place_parts:  # the place in three columns: commune, district, province
            parts = [clean(v[f]) for f in self.place_parts if f in v]
            raw = ", ".join(p for p in parts if p) or None
        if raw is not None:
            place, key, province = self.place[raw][0]
            person["birth_place"], person["birth_place_key"] = place, key
            code = v.get("ma_tinh_ks")
            if code is not None:   # the province's code beside its name: it wins over the name's lookup
                code = cell_text(code).strip().zfill(2)
                if code in codes.provinces_pre2025() or code in codes.provinces_2025():
                    province = code
            if province:
                person["birth_province_code"] = province
        raw = v.get("dia_chi")
        if raw is not None:
            person["address"] = self.text[raw][0]
        raw = v.get("noi_dk_kcb", v.get("ma_kcb"))
        if raw is not None:
            person["health_facility"] = self.text[raw][0]
        raw = v.get("so_dien_thoai")
        if raw is not None:
            phone = cell_text(raw).translate(_PHONE_JOINERS)
            if len(phone) == 9 and phone.isdigit() and phone[0] != "0":
                phone = "0" + phone  # a number cell lost the leading zero
            if 8 <= len(phone) <= 15 and phone.lstrip("+").isdigit():
                person["phone"] = phone
            else:
                self._issue(self.warn, "so_dien_thoai", raw, "row.phone_invalid", {"value": cell_text(raw)},
                            dropped=True)
