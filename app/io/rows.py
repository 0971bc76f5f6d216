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
from datetime import date
from operator import itemgetter

from app import messages
from app.domain import bhxh, card, cccd, codes, dates, legacy
from app.domain.text import search_key
from app.errors import HgdError
from app.io.cells import Memo, cell_text, clean, new_ids
from app.io.header import Layout
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
})

_MARKS = frozenset(("x", "1", "co", "v", "✓", "✔", "true"))  # "x" in a "Nữ" column, as D03-TS writes it
_PHONE_JOINERS = str.maketrans("", "", " .-()")
_GROUP = re.compile(r"[A-Z]{2}")
TEXT_FIELDS = ("ho_ten", "ma_ho", "gioi_tinh", "nu", "nam", "noi_dk_khai_sinh", "quan_he_chu_ho", "dan_toc",
               "dia_chi", "noi_dk_kcb", "ma_kcb", "ma_doi_tuong")
_CARD_DATES = (("han_the_tu", "card_valid_from"), ("han_the_den", "card_valid_to"))


def _dated(d: dates.PartialDate | None) -> tuple[str, int, dates.PartialDate] | None:
    return None if d is None else (d.iso(), d.year, d)


def _place(place: str) -> tuple[str, str, str | None]:
    """(text as stored, search key, province code of its last part) of a birth-registration place."""
    found = codes.province_by_name(place.rsplit(",", 1)[-1])
    return place, search_key(place), (found[0] if found else None)


class RowReader:
    """Reads the data rows under one layout. `encodings` maps a field to its legacy encoding ("tcvn3"/"vni")."""

    def __init__(self, layout: Layout, *, today: date, encodings: dict[str, str]) -> None:
        self.names = tuple(layout.columns)
        self.indexes = [c.index for c in layout.columns.values()]
        self.width = max(self.indexes) + 1
        self.getter = itemgetter(*self.indexes) if len(self.indexes) > 1 else (lambda c: (c[self.indexes[0]],))
        self.header = {name: c.header for name, c in layout.columns.items()}
        self.encodings = encodings
        self.today = today
        self.marks = [(f, s) for f, s in (("nu", "F"), ("nam", "M")) if f in layout.columns]
        self.birth = Memo(lambda v: _dated(dates.parse_date(v, today=today)))
        self.card_date = Memo(lambda v: _dated(dates.parse_date(v, today=today, allow_future=True)))
        self.sex = Memo(codes.parse_sex)
        self.relation = Memo(lambda v: codes.relation_code(clean(v)))
        self.ethnic = Memo(lambda v: codes.ethnic_code(clean(v)))
        self.place = Memo(lambda v: _place(clean(v)))
        self.group = Memo(lambda v: codes.group(clean(v).upper()))
        self.text = Memo(clean)  # repeated texts: addresses, health facilities, household codes
        self.code_fields = (("quan_he_chu_ho", "relation", self.relation, "row.relation_unknown"),
                            ("dan_toc", "ethnicity_code", self.ethnic, "row.ethnic_unknown"))
        self.ids = new_ids()
        self.row = 0
        self.bad: list[RowIssue] = []
        self.warn: list[RowIssue] = []

    def _values(self, cells: list) -> dict[str, object]:
        """The row's non-empty cells by field, converted from a legacy encoding where the column is in one. Spaces
        around a value are left to the readers (each domain parser strips), which saves a pass per cell."""
        if len(cells) < self.width:
            cells = cells + [""] * (self.width - len(cells))
        out = {k: v for k, v in zip(self.names, self.getter(cells))
               if v is not None and (v.__class__ is not str or (v and not v.isspace()))}
        for name, enc in self.encodings.items():
            if name in out and out[name].__class__ is str:
                out[name] = legacy.to_unicode(out[name], enc)
        return out

    def _issue(self, target: list, name: str, value: object, key: str, params: dict | None = None,
               dropped: bool = False) -> None:
        target.append(RowIssue(self.row, self.header.get(name, ""), cell_text(value), key, params or {}, dropped))

    # --- one row ----------------------------------------------------------------------------------------------------
    def read(self, row: int, cells: list) -> tuple[dict | None, list[RowIssue], list[RowIssue]]:
        """(person, or None when rejected; rejections; warnings)."""
        self.row, self.bad, self.warn = row, [], []
        bad, warn = self.bad, self.warn
        v = self._values(cells)
        person: dict = {"id": next(self.ids), "status": "active"}
        name = clean(v["ho_ten"]) if "ho_ten" in v else ""
        if not name:
            self._issue(bad, "ho_ten", "", "row.no_name")
        person["full_name"] = name
        person["name_key"] = search_key(name)
        household = self.text[v["ma_ho"]][0] if "ma_ho" in v else ""
        if not household:
            self._issue(bad, "ma_ho", "", "row.no_household")
        elif len(household) > 40:
            self._issue(bad, "ma_ho", household, "row.household_too_long")
        person["_household"] = household

        raw = v.get("ngay_sinh")
        parsed, err = self.birth[raw] if raw is not None else (None, None)
        birth = None
        if err:
            self._issue(bad, "ngay_sinh", raw, err[0], err[1])
        elif parsed is None:
            self._issue(warn, "ngay_sinh", "", "row.no_birth_date")
        else:
            person["birth_date"], person["birth_year"], birth = parsed

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
        if sex:
            person["sex"] = sex
        if "so_cccd" in v:
            self._identity(v["so_cccd"], person, birth)
        self._codes(v, person)
        self._card(v, person)
        self._places(v, person)
        return (None if bad else person), bad, warn

    def _sex(self, v: dict) -> str | None:
        raw = v.get("gioi_tinh")
        if raw is not None:
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

    def _identity(self, raw: object, person: dict, birth: dates.PartialDate | None) -> None:
        try:
            number, kind = cccd.normalise_id_number(raw)
        except HgdError as exc:
            self._issue(self.warn, "so_cccd", raw, exc.key, exc.params, dropped=True)
            return
        person["id_number"], person["id_kind"] = number, kind
        digits = cell_text(raw).lstrip("'")
        if len(digits) < len(number) and digits.isdigit():
            self._issue(self.warn, "so_cccd", raw, "row.cccd_restored", {"code": number})
        for f in cccd.check_cccd(number, sex=person.get("sex"), birth=birth):
            self._issue(self.warn, "so_cccd", raw, f.code, f.params)

    def _codes(self, v: dict, person: dict) -> None:
        for field, column, memo, key in self.code_fields:
            raw = v.get(field)
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

    def _card(self, v: dict, person: dict) -> None:
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
                valid_from, valid_to = (self._card_day(v.get(field)) for field, _ in _CARD_DATES)
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

    def _places(self, v: dict, person: dict) -> None:
        raw = v.get("noi_dk_khai_sinh")
        if raw is not None:
            place, key, province = self.place[raw][0]
            person["birth_place"], person["birth_place_key"] = place, key
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
