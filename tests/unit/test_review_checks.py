"""The review's other findings (DOMAIN §3), each with the case that must raise it and the cases that must not."""
from __future__ import annotations

from datetime import date

import pytest

from app.review.checks import (
    HouseholdRow,
    PersonRow,
    bhxh_checks,
    card_checks,
    cccd_checks,
    household_checks,
    inactive_card_check,
    name_checks,
    person_checks,
    run_checks,
    te_check,
)

TODAY = date(2026, 12, 1)


def person(i: str = "p", **kw) -> PersonRow:
    base = {"household_id": "h", "full_name": "Nguyễn Văn An", "birth_date": "1985-03-15", "sex": "M",
            "birth_place": "Xã Hải Minh, Huyện Hải Hậu, Tỉnh Nam Định", "birth_province_code": "36",
            "id_number": "036085012345", "bhxh_code": "3609092025", "relation": "chu_ho"}
    return PersonRow(i, **{**base, **kw})


def kinds(findings) -> list[str]:
    return sorted(f.kind for f in findings)


# --- households -----------------------------------------------------------------------------------------------------

def test_one_person_household_is_listed_and_a_two_person_one_is_not():
    hs = [HouseholdRow("h1", "H1"), HouseholdRow("h2", "H2")]
    ps = [person("a", household_id="h1"), person("b", household_id="h2"),
          person("c", household_id="h2", relation="vo", sex="F")]
    found = household_checks(ps, hs)
    assert [(f.kind, f.subject_ids) for f in found] == [("review.one_person_household", ("h1",))]
    assert found[0].message("en") == "Household H1 has one member only"


def test_household_of_six_active_members_is_large_but_dead_members_do_not_count():
    hs = [HouseholdRow("h", "H")]
    six = [person("p0")] + [person(f"p{i}", relation="con") for i in range(1, 6)]
    assert kinds(household_checks(six, hs)) == ["review.large_household"]
    with_dead = six[:5] + [person("p5", relation="con", status="dead", status_date="2026-01-01")]
    assert kinds(household_checks(with_dead, hs)) == []


def test_household_without_a_head_or_with_two_heads():
    hs = [HouseholdRow("h", "H")]
    assert kinds(household_checks([person("a", relation="vo"), person("b", relation="con")], hs)) == ["review.no_head"]
    two = household_checks([person("a"), person("b")], hs)
    assert kinds(two) == ["review.two_heads"] and two[0].params["count"] == 2


def test_dissolved_households_are_not_checked():
    assert household_checks([person("a")], [HouseholdRow("h", "H", status="dissolved")]) == []


# --- CCCD, BHXH code, card --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("changes, expected", [
    ({}, []),
    ({"sex": "F"}, ["cccd.sex_mismatch"]),
    ({"birth_date": "1986-03-15"}, ["cccd.year_mismatch"]),
    ({"birth_date": "2085"}, ["cccd.century_mismatch"]),
    ({"birth_province_code": "01"}, ["review.cccd_province_mismatch"]),
    ({"id_number": "123456789"}, ["cccd.old_cmnd"]),
    ({"id_number": "03608501234X"}, ["cccd.malformed"]),
    ({"id_number": None}, []),
])
def test_cccd_against_sex_birth_year_and_province(changes, expected):
    assert kinds(cccd_checks(person(**changes))) == expected


def test_cccd_may_carry_the_2025_province_of_the_birth_registration():
    # DOMAIN §5.1 (unsure): a number issued after the merger may name Ninh Bình (037) for a birth in Nam Định (36)
    assert cccd_checks(person(id_number="037085012345")) == []
    assert kinds(cccd_checks(person(id_number="001085012345"))) == ["review.cccd_province_mismatch"]


@pytest.mark.parametrize("code, expected", [
    ("3609092025", []), (None, ["review.bhxh_missing"]), ("", ["review.bhxh_missing"]),
    ("360909202", ["review.bhxh_malformed"]), ("36090920AB", ["review.bhxh_malformed"]),
])
def test_bhxh_code_missing_or_malformed(code, expected):
    assert kinds(bhxh_checks(person(bhxh_code=code))) == expected


@pytest.mark.parametrize("card, group, expected", [
    ("GD4363609092025", "GD", []),
    ("GD4363609092026", "GD", ["card.bhxh_mismatch"]),
    ("GD1363609092025", "GD", ["card.benefit_mismatch"]),
    ("TE1363609092025", "GD", ["card.group_mismatch"]),
    ("ZZ1363609092025", None, ["card.unknown_group"]),
    ("GD43636", "GD", ["card.malformed"]),
    ("3609092025", "GD", []),
])
def test_card_number_against_group_benefit_and_bhxh_code(card, group, expected):
    found = card_checks(person(card_number=card, group_code=group, card_valid_to="2027-12-31"), TODAY)
    assert kinds(found) == expected


@pytest.mark.parametrize("until, expected", [
    ("2026-11-30", ["review.card_expired"]),
    ("2026-12-01", ["review.card_expiring"]),
    ("2027-01-31", ["review.card_expiring"]),
    ("2027-02-01", []),
])
def test_card_expired_or_expiring_before_the_end_of_next_month(until, expected):
    found = card_checks(person(card_number="3609092025", card_valid_to=until), TODAY)
    assert kinds(found) == expected


# --- children, inactive persons, names, places -------------------------------------------------------------------

@pytest.mark.parametrize("born, group, expected", [
    ("2020-12-20", "TE", ["review.te_72_months"]),   # 72 months on 20/12/2026
    ("2020-12-20", None, ["review.te_72_months"]),
    ("2021-03-20", "TE", []),                        # 72 months beyond the 90 days
    ("2020-11-30", "TE", []),                        # already past 72 months
    ("2020-12-20", "HN", []),                        # not on a TE card
    ("2020-12", "TE", ["review.te_72_months"]),      # month only: by its latest possible day, 31/12/2026
    (None, "TE", []),
])
def test_child_reaching_72_months_within_the_notice(born, group, expected):
    assert kinds(te_check(person(birth_date=born, group_code=group), TODAY)) == expected


def test_te_notice_days_can_be_shortened():
    assert te_check(person(birth_date="2020-12-20", group_code="TE"), TODAY, days=10) == []


@pytest.mark.parametrize("status, status_date, until, expected", [
    ("dead", "2026-05-01", "2026-12-31", ["review.inactive_valid_card"]),
    ("moved_out", "2026-05-01", "2026-12-31", ["review.inactive_valid_card"]),
    ("dead", "2026-05-01", "2026-04-30", []),
    ("active", None, "2026-12-31", []),
    ("dead", None, "2026-11-30", []),               # no date of death: compared with today
])
def test_dead_or_moved_out_person_with_a_valid_card(status, status_date, until, expected):
    p = person(status=status, status_date=status_date, card_number="3609092025", card_valid_to=until)
    found = inactive_card_check(p, TODAY)
    assert kinds(found) == expected
    if found:
        assert "vẫn có thẻ BHYT còn hạn" in found[0].message("vi")


@pytest.mark.parametrize("name, expected", [
    ("Nguyễn Văn An", []), ("NGUYỄN VĂN AN", ["review.name_caps"]), ("Nguyễn  Văn An", ["review.name_spaces"]),
    (" Nguyễn Văn An", ["review.name_spaces"]), ("NGUYỄN  VĂN AN", ["review.name_caps", "review.name_spaces"]),
    ("Nguye\u0302\u0303n Văn An", ["review.name_spaces"]),  # NFD text
])
def test_names_in_capitals_or_with_stray_spaces(name, expected):
    assert kinds(name_checks(person(full_name=name))) == expected


def test_member_without_birth_registration_place():
    assert "review.birth_place_missing" in kinds(person_checks(person(birth_place="  "), TODAY))
    assert "review.birth_place_missing" not in kinds(person_checks(person(), TODAY))


def test_inactive_persons_only_get_the_card_check():
    p = person(status="dead", status_date="2026-01-01", full_name="NGUYỄN VĂN AN", bhxh_code=None)
    assert person_checks(p, TODAY) == []


def test_run_checks_gives_stable_fingerprints_that_follow_the_value():
    hs = [HouseholdRow("h", "H")]
    one = run_checks([person(sex="F")], hs, today=TODAY)
    again = run_checks([person(sex="F")], hs, today=TODAY)
    assert [f.fingerprint for f in one] == [f.fingerprint for f in again]
    corrected = run_checks([person(sex="F", id_number="036185012345")], hs, today=TODAY)
    assert {f.fingerprint for f in one} != {f.fingerprint for f in corrected}
    assert all(f.message("vi") and f.message("en") for f in one)


def test_run_checks_finds_what_person_checks_finds_person_by_person_on_plain_tuples():
    """run_checks screens whole columns and runs a check only where it may find something: the findings must be those
    of person_checks on every person, in the same order, whether the rows are PersonRows or plain SQL tuples."""
    import itertools
    import random

    rng = random.Random(7)
    values = {
        "full_name": ["Nguyễn Văn An", "NGUYỄN VĂN AN", "Nguyễn  Văn An", " Lê Thị Bình", "Trần\u200bVăn Cường", "",
                      "Nguyen Van An", "Le Thi Binh"],
        "birth_date": ["1985-03-15", "1985", "2021-01-10", "2020-12-20", "2020-12", "1999-02-30", "abcd", None,
                       "1900-01-01", "2003-07-07"],
        "sex": ["M", "F", None],
        "birth_place": ["Xã Hải Minh, Huyện Hải Hậu, Tỉnh Nam Định", "", None, "  ", "Nam Định"],
        "birth_province_code": ["36", "37", "01", " 36", "036", "", None, "99"],
        "id_number": ["036085012345", "036185012345", "001203004567", "037020001234", "099085012345",
                      "36085012345", "036 085 012 345", "123456789", "12345", "03608501234X", "", None,
                      "０36085012345", "036299012345"],
        "bhxh_code": ["3609092025", "360909202", "", None, "36090920２5"],
        "status": ["active"] * 6 + ["dead", "moved_out"],
        "status_date": [None, "2026-01-01", "2027-06-30"],
        "group_code": [None, "TE", "HT", "te"],
        "card_number": [None] * 6 + ["TE1363609092025", "HT2363609092025", "XX"],
        "card_valid_to": [None, "2026-12-15", "2025-12-31", "2027-12-31", "2026-11-30"],
    }
    rows = []
    for i in range(3000):
        kw = {k: rng.choice(v) for k, v in values.items()}
        rows.append(person(f"p{i}", household_id=f"h{i % 40}", relation=rng.choice(["chu_ho", "con", None]),
                           card_valid_from="2026-01-01" if kw["card_number"] else None, **kw))
    for today in (TODAY, date(2027, 3, 1)):
        expected = list(itertools.chain.from_iterable(person_checks(p, today) for p in rows))
        assert expected
        for given in (rows, [tuple(p) for p in rows]):
            found = run_checks(given, [], today=today)
            assert [(f.kind, f.subject_ids, f.params, f.fingerprint) for f in found] == \
                [(f.kind, f.subject_ids, f.params, f.fingerprint) for f in expected]
