"""The import's third stage: neutral person records (from app.io.rows) against the register → what to write.

Run inside the import's write transaction (the register cannot change between planning and writing), on the
commune's own persons only.
- A row is the stored person it matches: by BHXH code (one code is one person, letter 001), else by CCCD, else
  exactly by the 4 criteria (name, date of birth, sex, birth-registration place) in the same household. A matched
  row updates the fields that differ (a file that brings the codes, or a birth date known to the day, completes
  the person) and lists them; a row that changes nothing is "already in the register".
- A BHXH code held by another person — in the register, or on an earlier row of the file — refuses the row, naming
  both persons: the review decides who is who.
- A new household takes the commune, the address of its first member who has one, and as head the first member
  whose relation is "chủ hộ"; a household already in the register keeps its head (it gets one if it has none).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rapidfuzz.fuzz import ratio
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import messages
from app.domain.codes import HEAD
from app.domain.text import search_key
from app.ids import new_ids
from app.io.report import RowIssue
from app.store.models import Household, Person

messages.register({
    "row.present": ("Đã có trong sổ: không nhập lại", "Already in the register: not imported again"),
    "row.updated": ("Đã có trong sổ ({name}): cập nhật {fields}", ("Already in the register ({name}): updated "
                                                                  "{fields}")),
    "row.bhxh_other_person": (("Mã số BHXH {code} đã thuộc về {other} trong sổ, khác người ở dòng này ({name}): "
                              "một mã số là một người — dòng bị từ chối, cần xem lại"),
                              ("Social-insurance code {code} already belongs to {other} in the register, not the "
                              "person of this row ({name}): one code is one person — row refused, to review")),
    "row.bhxh_twice": (("Mã số BHXH {code} đã dùng cho {other} ở dòng {row} của tệp, khác người ở dòng này ({name}): "
                       "dòng bị từ chối, cần xem lại"),
                       ("Social-insurance code {code} is used for {other} in row {row} of the file, not the person "
                       "of this row ({name}): row refused, to review")),
    "row.same_as_row": ("Trùng với dòng {row} của tệp: không nhập lại", ("The same person as row {row} of the file: "
                                                                        "not imported again")),
    "row.cccd_other_person": ("Số CCCD {code} đã thuộc về {other} trong sổ: vẫn nhập, cần xem lại",
                              "ID number {code} already belongs to {other} in the register: imported, to review"),
    "row.other_household": ("Người này đã có trong sổ ở hộ {code}: giữ hộ cũ (chuyển hộ bằng biến động tách/nhập hộ)",
                            ("This person is already in the register in household {code}: kept there (moving "
                            "households is a split or merge event)")),
    "household.no_head": ("Hộ {code} không có ai là chủ hộ", "Household {code} has nobody as its head"),
    "household.two_heads": ("Hộ {code} có hơn một chủ hộ: giữ người ở dòng {first} làm chủ hộ",
                            "Household {code} has more than one head: the person in row {first} is kept as head"),
    "household.head_kept": ("Hộ {code} đã có chủ hộ trong sổ: giữ chủ hộ cũ, người này được thêm làm thành viên",
                            ("Household {code} already has a head in the register: the head is kept, this person is "
                            "added as a member")),
})

# Fields a matched row may update: what a file says about a person (not status, household or ids).
UPDATABLE = ("full_name", "name_key", "birth_date", "birth_year", "sex", "ethnicity_code", "nationality",
             "birth_place", "birth_place_key", "birth_province_code", "id_number", "id_kind", "bhxh_code",
             "relation", "group_code", "card_number", "card_valid_from", "card_valid_to", "health_facility",
             "address", "phone")
_LOADED = ("id", "household_id") + UPDATABLE
_COMPANIONS = {"name_key", "birth_year", "birth_place_key", "birth_province_code", "id_kind"}
_SAME_BY_KEY = {"full_name", "birth_place", "address", "health_facility"}


@dataclass
class Plan:
    households: list[dict[str, Any]] = field(default_factory=list)       # new households
    persons: list[dict[str, Any]] = field(default_factory=list)          # new persons
    updates: list[tuple[str, dict[str, Any], dict[str, Any]]] = field(default_factory=list)  # (id, old, new)
    heads: dict[str, str] = field(default_factory=dict)                  # household id -> its new head's id
    revived: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # voided households used again
    reused: set[str] = field(default_factory=set)                        # existing households getting members
    present: list[RowIssue] = field(default_factory=list)
    updated: list[RowIssue] = field(default_factory=list)
    rejected: list[RowIssue] = field(default_factory=list)
    warnings: list[RowIssue] = field(default_factory=list)
    row_person: dict[int, str] = field(default_factory=dict)             # file row -> person id written or matched
    skipped_rows: set[int] = field(default_factory=set)                  # present or refused: no warnings of theirs
    written: int = 0        # new persons handed to the writer as the file was read (app.io.pipeline), not in persons

    @property
    def new_persons(self) -> int:
        return len(self.persons) + self.written


def _compatible_birth(a: str | None, b: str | None) -> bool:
    """Two ISO partial dates that may be the same day (one is a prefix of the other), or one unknown."""
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


def same_person(row: dict[str, Any], stored: dict[str, Any]) -> bool:
    """Whether a row carrying a stored person's code plausibly is that person: the name alike (a typo, a tone mark,
    a middle name dropped or added: the same family and given name) and the birth year the same (or unknown)."""
    a, b = row.get("name_key") or "", stored.get("name_key") or ""
    if a != b and ratio(a, b) < 85:
        wa, wb = a.split(), b.split()
        if not (wa and wb and wa[0] == wb[0] and wa[-1] == wb[-1]):
            return False
    ya, yb = row.get("birth_year"), stored.get("birth_year")
    return ya is None or yb is None or ya == yb


class _Index:
    def __init__(self, session: Session, commune_id: str) -> None:
        cols = [getattr(Person, c) for c in _LOADED]
        self.rows: dict[str, dict[str, Any]] = {}
        self.bhxh: dict[str, list[dict[str, Any]]] = {}
        self.cccd: dict[str, list[dict[str, Any]]] = {}
        self.by_name: dict[tuple[str | None, str], list[dict[str, Any]]] = {}
        for values in session.execute(select(*cols).where(Person.commune_id == commune_id,
                                                          Person.status.not_in(("void", "merged")))):
            r = dict(zip(_LOADED, values))
            self.add(r)
        self.households: dict[str, tuple[str, str | None]] = {}
        self.void: dict[str, tuple[str, str | None, str | None]] = {}  # code -> (id, head, address) of a voided one
        for hid, code, head, status, address in session.execute(
                select(Household.id, Household.code, Household.head_person_id, Household.status, Household.address)
                .where(Household.commune_id == commune_id)):
            if status == "void":
                self.void[code] = (hid, head, address)
            else:
                self.households[code] = (hid, head)
        self.household_codes = {hid: code for code, (hid, _) in self.households.items()}

    def add(self, r: dict[str, Any]) -> None:
        self.rows[r["id"]] = r
        if r.get("bhxh_code"):
            self.bhxh.setdefault(r["bhxh_code"], []).append(r)
        if r.get("id_number"):
            self.cccd.setdefault(r["id_number"], []).append(r)
        self.by_name.setdefault((r.get("household_id"), r.get("name_key") or ""), []).append(r)


def _four_criteria(row: dict[str, Any], candidates: list[dict[str, Any]]) -> dict[str, Any] | None:
    found = [c for c in candidates
             if _compatible_birth(row.get("birth_date"), c.get("birth_date"))
             and (not row.get("sex") or not c.get("sex") or row["sex"] == c["sex"])
             and (not row.get("birth_place_key") or not c.get("birth_place_key")
                  or row["birth_place_key"] == c["birth_place_key"])
             and not (row.get("bhxh_code") and c.get("bhxh_code") and row["bhxh_code"] != c["bhxh_code"])
             and not (row.get("id_number") and c.get("id_number") and row["id_number"] != c["id_number"])]
    return found[0] if len(found) == 1 else None


def _differences(row: dict[str, Any], stored: dict[str, Any]) -> dict[str, Any]:
    """The fields the row brings that the stored person lacks or has otherwise; a less precise date never replaces
    a more precise one."""
    out: dict[str, Any] = {}
    for f in UPDATABLE:
        if f in _COMPANIONS:
            continue
        new, old = row.get(f), stored.get(f)
        if new in (None, "") or new == old:
            continue
        if f == "birth_date" and old and old.startswith(new):
            continue
        if f == "nationality" and new == "VN":
            continue
        if f in _SAME_BY_KEY and search_key(str(new)) == search_key(str(old or "")):
            continue  # the same text retyped (capitals, NFD, spacing): the clerk's spelling is kept
        out[f] = new
        for companion in {"full_name": ("name_key",), "birth_date": ("birth_year",),
                          "birth_place": ("birth_place_key", "birth_province_code"),
                          "id_number": ("id_kind",)}.get(f, ()):
            out[companion] = row.get(companion)
    return out


def plan_import(session: Session, commune_id: str, records: list[tuple[int, dict[str, Any]]],
                headers: dict[str, str]) -> Plan:
    """records: (file row, person dict with its household code under "_household"), in file order. The records are
    consumed: each dict becomes the person written (no second copy of 150,000 rows), and the list is emptied, so
    plan a file's records once. A new person's dict has no "commune_id": it is every new person's `commune_id`."""
    planner = Planner(session, commune_id, headers)
    planner.feed(records)
    return planner.finish()


class Planner:
    """plan_import one part of the records at a time (the import's pipeline plans each part of the file as it is
    read, and writes its new persons while the next part is read): `feed` the records in file order, then `finish`
    once for what needs all of them (the households left without a head). The plan is the same however the records
    are cut. A new household's address is its first member's who has one: `sealed` holds the households already
    written, which must not gain one any more (the writer holds a household back until its address is known)."""

    def __init__(self, session: Session, commune_id: str, headers: dict[str, str]) -> None:
        self.plan, self.index = Plan(), _Index(session, commune_id)
        self.commune_id = commune_id
        self.ids = new_ids()
        self.new: dict[str, dict[str, Any]] = {}
        self.head_rows: dict[str, int] = {}
        self.first_rows: dict[str, tuple[int, str]] = {}
        # A BHXH code met on a row of the file: (row, name key, birth year, name) of its person, what a later row
        # with the code is compared with (not the person's dict, which is let go once written).
        self.file_bhxh: dict[str, tuple[int, str | None, int | None, str]] = {}
        self.bhxh_col, self.hh_col, self.rel_col = (headers.get(f, "") for f in ("ma_so_bhxh", "ma_ho",
                                                                                  "quan_he_chu_ho"))
        self.cccd_col = headers.get("so_cccd", "")
        self.sealed: set[str] = set()

    def feed(self, records: list[tuple[int, dict[str, Any]]]) -> None:
        """Plan these records (the next ones of the file); the list is emptied (its dicts live on in the plan)."""
        plan, index, ids, new = self.plan, self.index, self.ids, self.new
        head_rows, first_rows, file_bhxh = self.head_rows, self.first_rows, self.file_bhxh
        commune_id, bhxh_col, rel_col, cccd_col = self.commune_id, self.bhxh_col, self.rel_col, self.cccd_col
        for row, record in records:
            person = record
            code = person.pop("_household")
            bhxh = person.get("bhxh_code")
            found_hh = index.households.get(code)
            if bhxh and bhxh in file_bhxh:
                other_row, name_key, birth_year, full_name = file_bhxh[bhxh]
                other = {"name_key": name_key, "birth_year": birth_year, "full_name": full_name}
                if same_person(person, other):
                    plan.present.append(RowIssue(row, "", "", "row.same_as_row", {"row": other_row}))
                else:
                    plan.rejected.append(RowIssue(row, bhxh_col, bhxh, "row.bhxh_twice", {
                        "code": bhxh, "row": other_row, "other": other["full_name"], "name": person["full_name"]}))
                plan.skipped_rows.add(row)
                continue
            match = None
            if bhxh and bhxh in index.bhxh:
                stored = index.bhxh[bhxh][0]
                if not same_person(person, stored):
                    plan.rejected.append(RowIssue(row, bhxh_col, bhxh, "row.bhxh_other_person", {
                        "code": bhxh, "other": stored["full_name"], "name": person["full_name"]}))
                    plan.skipped_rows.add(row)
                    continue
                match = stored
            if match is None and person.get("id_number") in index.cccd:
                # of the persons with this CCCD (one person recorded twice, left for the review), the one in this
                # row's household: a file that lists both is then read the same way at every import
                found = index.cccd[person["id_number"]]
                stored = next((p for p in found if found_hh is not None and p.get("household_id") == found_hh[0]),
                              found[0])
                if same_person(person, stored) and not (bhxh and stored.get("bhxh_code")):
                    match = stored
                elif not same_person(person, stored):
                    plan.warnings.append(RowIssue(row, cccd_col, person["id_number"], "row.cccd_other_person",
                                                  {"code": person["id_number"], "other": stored["full_name"]}))
            if match is None and found_hh is not None:
                match = _four_criteria(person, index.by_name.get((found_hh[0], person.get("name_key") or ""), []))
            if bhxh:
                file_bhxh[bhxh] = (row, person.get("name_key"), person.get("birth_year"), person["full_name"])
            if match is not None:
                _matched(plan, index, row, person, match, found_hh)
                continue
            if found_hh is not None:
                hid, head = found_hh
                plan.reused.add(hid)
            elif code in index.void and code not in new:
                # A household an undone action voided comes back with its code (unique per commune), not a new one.
                hid, old_head, address = index.void.pop(code)
                plan.revived.append((hid, {"status": "void", "address": address, "head_person_id": old_head}))
                index.households[code] = (hid, None)
                index.household_codes[hid] = code
                first_rows[hid] = (row, code)
                plan.reused.add(hid)
                head = None
            else:
                household = new.get(code)
                if household is None:
                    household = {"id": next(ids), "code": code, "commune_id": commune_id, "status": "active"}
                    new[code] = household
                    plan.households.append(household)
                    first_rows[household["id"]] = (row, code)
                hid, head = household["id"], None
                if "address" not in household and person.get("address"):
                    if hid in self.sealed:  # written without one: what is stored would differ from the plan
                        raise RuntimeError(f"household {code} gains an address after it was written")
                    household["address"] = person["address"]
            # The commune's id is written with the rows (app.store.write.insert's `common`), not kept in each dict:
            # a row dict that gains more keys than its table holds is copied into one twice its size.
            person["id"] = next(ids)
            person["household_id"] = hid
            plan.persons.append(person)
            plan.row_person[row] = person["id"]
            # A later row of the file is matched to this one only by its BHXH code (one code, one person): two rows
            # alike by CCCD or the 4 criteria are both imported, for the review to decide.
            if person.get("relation") == HEAD:
                if head is not None:
                    plan.warnings.append(RowIssue(row, rel_col, "", "household.head_kept", {"code": code}))
                elif hid in plan.heads or hid in head_rows:
                    plan.warnings.append(RowIssue(row, rel_col, "", "household.two_heads",
                                                  {"code": code, "first": head_rows[hid]}))
                else:
                    plan.heads[hid] = person["id"]
                    head_rows[hid] = row
        records.clear()  # consumed: the rows live on in the plan only, and are let go as they are written

    def finish(self) -> Plan:
        plan = self.plan
        for hid, (row, code) in self.first_rows.items():
            if hid not in plan.heads:
                plan.warnings.append(RowIssue(row, self.hh_col, code, "household.no_head", {"code": code}))
        return plan


def _matched(plan: Plan, index: _Index, row: int, person: dict[str, Any], stored: dict[str, Any],
             found_hh: tuple[str, str | None] | None) -> None:
    plan.row_person[row] = stored["id"]
    if found_hh is not None and stored.get("household_id") and found_hh[0] != stored["household_id"]:
        plan.warnings.append(RowIssue(row, "", "", "row.other_household",
                                      {"code": index.household_codes.get(stored["household_id"], "")}))
    diff = _differences(person, stored)
    if not diff:
        plan.present.append(RowIssue(row, "", "", "row.present"))
        plan.skipped_rows.add(row)
        return
    old = {f: stored.get(f) for f in diff}
    plan.updates.append((stored["id"], old, diff))
    stored.update(diff)
    if diff.get("bhxh_code"):
        index.bhxh.setdefault(diff["bhxh_code"], []).append(stored)
    shown = [f for f in diff if f not in _COMPANIONS]
    plan.updated.append(RowIssue(row, "", "", "row.updated", {"name": stored["full_name"],
                                                              "fields": ", ".join(_field_names(shown))}))


def _field_names(fields: list[str]) -> list[str]:
    from app.domain.person import field_label

    return [field_label(f) for f in fields]
