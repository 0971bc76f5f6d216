"""From accepted person rows to what is written: households created from their codes (or found in the register),
heads, persons already in the register left out, BHXH codes met twice flagged.

- A new household takes the commune's code, the address of its first member who has one, and as head the first
  member whose relation is "chủ hộ".
- A household code already in the register gets the new members and keeps its head (it gets one only if it has
  none).
- A row equal to a person already in the register is "đã có trong sổ" and is not imported again: the same BHXH code,
  name key and date of birth; or, without a BHXH code, the same name key and date of birth in the same household.
  So importing the same file twice adds nothing.
- A BHXH code that another person in the register holds, or that appears twice in the file, is imported with a
  warning: the review's duplicate finder decides.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import messages
from app.domain.codes import HEAD
from app.io.report import RowIssue
from app.store.models import Household, Person, new_id

messages.register({
    "row.present": ("Đã có trong sổ: không nhập lại", "Already in the register: not imported again"),
    "row.bhxh_in_register": ("Mã số BHXH {code} đã có trong sổ cho người khác ({name})",
                             "Social-insurance code {code} is already in the register for someone else ({name})"),
    "row.bhxh_twice": ("Mã số BHXH {code} trùng với dòng {other} của tệp",
                       "Social-insurance code {code} is the same as in row {other} of the file"),
    "household.no_head": ("Hộ {code} không có ai là chủ hộ", "Household {code} has nobody as its head"),
    "household.two_heads": ("Hộ {code} có hơn một chủ hộ: giữ người ở dòng {first} làm chủ hộ",
                            "Household {code} has more than one head: the person in row {first} is kept as head"),
    "household.head_kept": ("Hộ {code} đã có chủ hộ trong sổ: giữ chủ hộ cũ, người này được thêm làm thành viên",
                            "Household {code} already has a head in the register: the head is kept, this person is "
                            "added as a member"),
})


@dataclass
class Existing:
    """What the register already holds, for the commune being imported into."""

    households: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # code -> (id, head id)
    bhxh: dict[str, list[tuple[str, str | None, str]]] = field(default_factory=dict)  # code -> (key, birth, name)
    members: set[tuple[str, str, str | None]] = field(default_factory=set)  # (household id, name key, birth)


def load_existing(session: Session, commune_code: str) -> Existing:
    out = Existing()
    for hid, code, head in session.execute(
            select(Household.id, Household.code, Household.head_person_id)
            .where(Household.commune_code == commune_code)):
        out.households[code] = (hid, head)
    for code, key, birth, name, hid in session.execute(
            select(Person.bhxh_code, Person.name_key, Person.birth_date, Person.full_name, Person.household_id)):
        if code:
            out.bhxh.setdefault(code, []).append((key, birth, name))
        if hid:
            out.members.add((hid, key, birth))
    return out


@dataclass
class Plan:
    households: list[dict] = field(default_factory=list)
    persons: list[dict] = field(default_factory=list)
    heads: dict[str, str] = field(default_factory=dict)       # household id -> person id
    reused: set[str] = field(default_factory=set)             # existing household ids that get members
    present: list[RowIssue] = field(default_factory=list)
    warnings: list[RowIssue] = field(default_factory=list)
    present_rows: set[int] = field(default_factory=set)


def assemble(rows: list[tuple[int, dict]], existing: Existing, commune_code: str,
             headers: dict[str, str]) -> Plan:
    """rows: (row number, person dict with its household code under "_household"), in file order."""
    plan = Plan()
    new: dict[str, dict] = {}                  # code -> household dict
    head_rows: dict[str, int] = {}             # household id -> row of its head
    first_rows: dict[str, tuple[int, str]] = {}  # new household id -> (first row, code)
    seen_bhxh: dict[str, int] = {}
    bhxh_col, hh_col, rel_col = headers.get("ma_so_bhxh", ""), headers.get("ma_ho", ""), headers.get(
        "quan_he_chu_ho", "")
    for row, person in rows:
        code = person.pop("_household")
        key, birth, bhxh = person["name_key"], person.get("birth_date"), person.get("bhxh_code")
        found = existing.households.get(code)
        if (bhxh and any(k == key and b == birth for k, b, _ in existing.bhxh.get(bhxh, ()))) or (
                not bhxh and found and (found[0], key, birth) in existing.members):
            plan.present.append(RowIssue(row, "", "", "row.present"))
            plan.present_rows.add(row)
            continue
        if bhxh:
            others = existing.bhxh.get(bhxh)
            if others:
                plan.warnings.append(RowIssue(row, bhxh_col, bhxh, "row.bhxh_in_register",
                                              {"code": bhxh, "name": others[0][2]}))
            if bhxh in seen_bhxh:
                plan.warnings.append(RowIssue(row, bhxh_col, bhxh, "row.bhxh_twice",
                                              {"code": bhxh, "other": seen_bhxh[bhxh]}))
            else:
                seen_bhxh[bhxh] = row
        if found:
            hid, head = found
            plan.reused.add(hid)
        else:
            household = new.get(code)
            if household is None:
                household = {"id": new_id(), "code": code, "commune_code": commune_code, "status": "active"}
                new[code] = household
                plan.households.append(household)
                first_rows[household["id"]] = (row, code)
            hid, head = household["id"], None
            if "address" not in household and person.get("address"):
                household["address"] = person["address"]
        person["household_id"] = hid
        plan.persons.append(person)
        if person.get("relation") == HEAD:
            if head is not None:
                plan.warnings.append(RowIssue(row, rel_col, "", "household.head_kept", {"code": code}))
            elif hid in plan.heads:
                plan.warnings.append(RowIssue(row, rel_col, "", "household.two_heads",
                                              {"code": code, "first": head_rows[hid]}))
            else:
                plan.heads[hid] = person["id"]
                head_rows[hid] = row
    for hid, (row, code) in first_rows.items():
        if hid not in plan.heads:
            plan.warnings.append(RowIssue(row, hh_col, code, "household.no_head", {"code": code}))
    return plan
