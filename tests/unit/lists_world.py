"""A small commune for the lists' tests: one family, the register's clock set to the day each action is done."""
from __future__ import annotations

from datetime import date, datetime, time

from app.lists.period_ops import LockPeriod, OpenPeriod, view
from app.register import Register
from app.registry import AddHousehold

HOUSEHOLD = "1570300001"
FAMILY = (
    {"full_name": "Nguyễn Văn Hùng", "sex": "M", "birth_date": "1970-05-02", "relation": "chu_ho",
     "bhxh_code": "3812345678", "group_code": "HN", "address": "Thôn Tân Lý", "ethnicity": "Kinh",
     "birth_place": "Xã Dân Lý, Huyện Triệu Sơn, Tỉnh Thanh Hóa", "id_number": "038070012345"},
    {"full_name": "Lê Thị Hoa", "sex": "F", "birth_date": "1994-07-09", "relation": "vo", "bhxh_code": "3812345679",
     "group_code": "HN", "address": "Thôn Tân Lý", "ethnicity": "Kinh"},
    {"full_name": "Nguyễn Văn Nam", "sex": "M", "birth_date": "1998-01-01", "relation": "con",
     "bhxh_code": "3812345680", "group_code": "GD", "address": "Thôn Tân Lý",
     "card_valid_from": "2026-01-01", "card_valid_to": "2026-12-31"},
    {"full_name": "Trần Thị Lan", "sex": "F", "birth_date": "1999-03-01", "relation": "con_dau",
     "bhxh_code": "3812345681", "group_code": "GD", "address": "Thôn Tân Lý"},
    {"full_name": "Nguyễn Bé Na", "sex": "F", "birth_date": "2020-03-15", "relation": "chau_noi",
     "bhxh_code": "3812345682", "group_code": "TE", "address": "Thôn Tân Lý",
     "card_valid_from": "2020-03-15", "card_valid_to": "2026-09-30"},
)
HEAD, WIFE, SON, DAUGHTER_IN_LAW, GRANDCHILD = (p["bhxh_code"] for p in FAMILY)


def on(reg: Register, day: date) -> None:
    """Do what follows as if on `day` (the register's day and the actions' time)."""
    reg.today = lambda: day
    reg.clock = lambda: datetime.combine(day, time(9))


def family(reg: Register, day: date = date(2026, 10, 1)) -> dict:
    """The family as entered on `day` (those born by then)."""
    on(reg, day)
    members = tuple(m for m in FAMILY if m["birth_date"] <= day.isoformat())
    return reg.apply(AddHousehold(code=HOUSEHOLD, members=members)).value


def lock(reg: Register, month: str, day: date, **kw) -> dict:
    on(reg, day)
    return reg.apply(LockPeriod(month, **kw)).value


def open_(reg: Register, month: str, day: date) -> dict:
    on(reg, day)
    return reg.apply(OpenPeriod(month)).value


def lists_of(reg: Register, month: str) -> dict:
    """{(form, variant): FrozenList} of the period as it stands (frozen or a draft)."""
    with reg.reading() as s:
        v = view(s, reg.commune_id, month, reg.today())
    return {(fl.form, fl.variant): fl for fl in v.lists}


def rows(reg: Register, month: str, form: str, variant: str | None = None, section: str | None = None) -> list[dict]:
    fl = lists_of(reg, month).get((form, variant))
    return [ln.data for ln in (fl.lines if fl else []) if section is None or ln.section == section]
