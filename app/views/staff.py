"""The staff register's reads (D02-LT): the commune's staff with their terms, and persons found by name to add."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.domain.text import search_key
from app.store.models import Household, Person, Staff

if TYPE_CHECKING:
    from app.register import Register


@dataclass(frozen=True)
class StaffRow:
    person_id: str
    name: str
    birth_date: str | None
    position: str
    job_class: str | None
    coefficient: float | None
    amount: int | None        # the salary in đồng, when no coefficient
    contract_kind: str | None
    valid_from: str
    status: str               # active | ended
    contributions: str        # "2025-01 – " or "2025-01 – 2026-10"


@dataclass(frozen=True)
class PersonHit:
    person_id: str
    name: str
    birth_date: str | None
    household: str | None


def staff_rows(reg: Register) -> list[StaffRow]:
    """Every staff record, those working now first, then by name."""
    q = (select(Staff, Person.full_name, Person.birth_date).join(Person, Person.id == Staff.person_id)
         .where(Staff.commune_id == reg.commune_id, Staff.status.in_(("active", "ended"))))
    out = []
    with reg.reading() as s:
        for st, name, born in s.execute(q):
            out.append(StaffRow(st.person_id, name, born, st.position, st.job_class, st.salary_coefficient,
                                st.salary_amount, st.contract_kind,
                                st.valid_from, st.status,
                                f"{st.contributions_from or ''} – {st.contributions_to or ''}".strip()))
    return sorted(out, key=lambda r: (r.status != "active", search_key(r.name)))


def find_persons(reg: Register, text: str, limit: int = 30) -> list[PersonHit]:
    """Active persons whose name contains the words typed (case, diacritics and đ ignored), or whose BHXH code is
    the text."""
    key = search_key(text)
    if not key:
        return []
    q = (select(Person.id, Person.full_name, Person.birth_date, Household.code)
         .outerjoin(Household, Household.id == Person.household_id)
         .where(Person.commune_id == reg.commune_id, Person.status == "active"))
    if key.isdigit():
        q = q.where(Person.bhxh_code == key)
    else:
        q = q.where(Person.name_key.like(f"%{key}%"))
    with reg.reading() as s:
        rows = s.execute(q.order_by(Person.name_key).limit(limit)).all()
    return [PersonHit(pid, name, born, hh) for pid, name, born, hh in rows]
