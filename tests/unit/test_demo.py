"""The demo commune generator: realistic, coherent, deterministic, and with what the review must find planted."""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
import uuid
from collections import Counter, defaultdict
from datetime import date, timedelta

import pytest
from rapidfuzz.distance import OSA

from app.demo import create_demo, fill_demo, generate_people, te_card_end, write_persons_file
from app.demo.planted import VARIANTS
from app.domain import codes
from app.domain.card import check_card, parse_card
from app.domain.cccd import check_cccd
from app.domain.dates import PartialDate
from app.domain.text import has_vietnamese_marks, search_key
from app.errors import HgdError
from app.register import Register

TODAY = date(2025, 12, 1)
NATURAL = ("te_turning_72_months", "old_cmnd", "inactive_with_valid_card")


@pytest.fixture(scope="module")
def demo():
    return generate_people(5000, 1, TODAY)


@pytest.fixture(scope="module")
def across_merger():
    """A register whose months of events span the merger of 1 July 2025."""
    return generate_people(4000, 2, date(2025, 9, 15))


def dump(data) -> str:
    return json.dumps([data.commune, data.households, data.persons, data.events, data.event_subjects, data.findings],
                      ensure_ascii=False, sort_keys=True)


def planted_ids(data, kinds=None) -> set[str]:
    return {pid for f in data.findings if f["kind"] not in NATURAL and (kinds is None or f["kind"] in kinds)
            for pid in f["person_ids"]}


def members_by_household(data) -> dict[str, list[dict]]:
    out = defaultdict(list)
    for p in data.persons:
        out[p["household_id"]].append(p)
    return out


def active_sizes(data) -> list[int]:
    members = members_by_household(data)
    return [sum(p["status"] == "active" for p in members[h["id"]]) for h in data.households if h["status"] == "active"]


def age(p: dict, on: date = TODAY) -> int:
    born = PartialDate.from_iso(p["birth_date"]).earliest()
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


# --- determinism -----------------------------------------------------------------------------------------------------

def test_the_same_seed_and_day_give_the_same_rows(demo):
    assert dump(generate_people(5000, 1, TODAY)) == dump(demo)


def test_another_seed_gives_another_commune_and_other_people(demo):
    other = generate_people(5000, 2, TODAY)
    assert other.commune["commune_code"] != demo.commune["commune_code"]
    assert {p["id"] for p in other.persons}.isdisjoint(p["id"] for p in demo.persons)


def test_ids_are_random_uuid4_and_unique(demo):
    ids = [r["id"] for r in demo.persons + demo.households + demo.events + demo.event_subjects]
    assert len(set(ids)) == len(ids)
    assert all(uuid.UUID(i).version == 4 for i in ids[:500])


def test_rows_hold_every_column_of_their_table_and_no_other(demo):
    from app.store.models import Event, EventSubject, Household, Person
    for rows, table in ((demo.persons, Person), (demo.households, Household), (demo.base_persons, Person),
                        (demo.base_households, Household), (demo.event_subjects, EventSubject)):
        columns = set(table.__table__.columns.keys()) - {"created_at", "updated_at", "commune_id"}
        assert all(set(r) == columns for r in rows), table.__name__
    events = set(Event.__table__.columns.keys())
    assert all(set(r) <= events for r in demo.events)


def test_exactly_the_persons_asked_for(demo):
    assert len(demo.persons) == 5000


@pytest.mark.parametrize("persons", [1, 7, 60, 299, 300])
def test_a_tiny_commune_still_comes_out_whole(persons):
    data = generate_people(persons, 4, TODAY)
    assert len(data.persons) == persons
    assert all(h["head_person_id"] for h in data.households)


# --- the commune and its people ---------------------------------------------------------------------------------------

def test_the_commune_is_a_real_2025_commune_with_its_people_named(demo):
    c = demo.commune
    assert c["commune_name"].startswith("Xã ") and re.fullmatch(r"\d{5}", c["commune_code"])
    assert c["province_code"] in codes.provinces_2025()
    assert c["chairman"] and c["clerk"] and c["post_office"].startswith("Bưu điện ")
    assert c["bhxh_office"].startswith("Bảo hiểm xã hội ")


def test_household_sizes_follow_the_letters(demo):
    sizes = active_sizes(demo)
    one, big = sizes.count(1) / len(sizes), sum(s >= 6 for s in sizes) / len(sizes)
    assert abs(one - 1 / 8) <= 0.03, one
    assert abs(big - 1 / 12) <= 0.03, big
    assert 3.3 <= sum(sizes) / len(sizes) <= 4.0


def test_the_age_pyramid_is_plausible(demo):
    ages = [age(p) for p in demo.persons if p["status"] == "active"]
    under_6 = sum(a < 6 for a in ages) / len(ages)
    over_65 = sum(a >= 65 for a in ages) / len(ages)
    working = sum(15 <= a < 65 for a in ages) / len(ages)
    assert 0.055 <= under_6 <= 0.095 and 0.06 <= over_65 <= 0.11 and working >= 0.6


def test_family_names_follow_published_frequencies(demo):
    kinh = [p["full_name"].split(" ")[0] for p in demo.persons if p["ethnicity_code"] == "01"]
    share = Counter(kinh)["Nguyễn"] / len(kinh)
    assert 0.30 <= share <= 0.46


def test_every_active_household_has_exactly_one_head(demo):
    members = members_by_household(demo)
    for h in demo.households:
        if h["status"] != "active":
            continue
        heads = [p for p in members[h["id"]] if p["status"] == "active" and p["relation"] == "chu_ho"]
        assert [p["id"] for p in heads] == [h["head_person_id"]], h["code"]


def test_children_are_born_when_their_mother_was_18_to_45(demo):
    members, planted = members_by_household(demo), planted_ids(demo)
    checked = 0
    for h in demo.households:
        active = [p for p in members[h["id"]] if p["status"] == "active"]
        head = next(p for p in active if p["relation"] == "chu_ho") if h["status"] == "active" else None
        if head is None:
            continue
        mothers = [p for p in active if p["sex"] == "F" and p["relation"] in ("chu_ho", "vo")]
        for child in (p for p in active if p["relation"] == "con" and p["id"] not in planted):
            assert 16 <= child["birth_year"] - head["birth_year"] <= 52, (head, child)
            for mother in mothers:
                assert 18 <= child["birth_year"] - mother["birth_year"] <= 45, (mother, child)
                checked += 1
    assert checked > 0.2 * len(demo.persons)


def test_minorities_are_present_with_the_groups_of_the_province():
    data = generate_people(3000, 5, TODAY)  # seed 5: a commune of the northern mountains or the highlands
    groups = Counter(p["ethnicity_code"] for p in data.persons)
    assert 0.03 <= 1 - groups["01"] / len(data.persons) <= 0.45
    assert set(groups) <= set(codes.ethnic_groups())


def test_birth_places_are_written_the_old_way_and_the_new_way(demo):
    places = [p["birth_place"] for p in demo.persons]
    old = sum(bool(re.fullmatch(r"(Xã|Phường|Thị trấn) .+, (Huyện|Quận|Thị xã|Thành phố) .+, (Tỉnh|Thành phố) .+", x))
              for x in places)
    new = sum(x.count(",") == 1 for x in places)
    assert old / len(places) > 0.6 and new / len(places) > 0.05


def test_most_people_were_born_in_the_communes_province(demo):
    province, count = Counter(p["birth_province_code"] for p in demo.persons).most_common(1)[0]
    assert count / len(demo.persons) > 0.7
    assert demo.commune["province_code"] in (province, codes.successor_province(province))


def test_births_after_the_merger_are_registered_the_new_way(across_merger):
    c = across_merger.commune
    planted = planted_ids(across_merger)
    assert all(p["birth_place"].count(",") == 1 for p in across_merger.persons
               if p["birth_date"] >= "2025-07-01" and p["id"] not in planted)
    people = {p["id"]: p for p in across_merger.persons}
    born_here = [people[s["person_id"]] for s in across_merger.event_subjects if s["role"] == "child"]
    assert any(p["birth_date"] >= "2025-07-01" for p in born_here)
    for p in born_here:
        if p["birth_date"] >= "2025-07-01":
            assert p["birth_place"] == f"{c['commune_name']}, {c['province_name']}"
            assert p["id_number"] is None or p["id_number"][:3] == "0" + c["province_code"]


def test_hamlets_are_the_households_and_their_members_addresses(demo):
    assert all(re.fullmatch(r"(Thôn|Xóm|Bản|Buôn|Làng|Ấp|Tổ dân phố) .+", h["address"]) for h in demo.households)
    homes = {h["id"]: h for h in demo.households}
    assert all(p["address"] == homes[p["household_id"]]["address"] for p in demo.persons)


def test_keys_years_and_dates_agree_with_the_text(demo):
    for p in demo.persons:
        assert p["name_key"] == search_key(p["full_name"]) and p["birth_place_key"] == search_key(p["birth_place"])
        assert p["birth_year"] == int(p["birth_date"][:4]) and p["birth_date"] <= TODAY.isoformat()
        assert p["card_valid_from"] is None or p["card_valid_from"] <= p["card_valid_to"]
        assert p["sex"] in ("M", "F") and p["relation"] in codes.relations()


# --- numbers -------------------------------------------------------------------------------------------------------

def test_every_card_agrees_with_its_group_benefit_and_bhxh_code(demo):
    planted = planted_ids(demo, {"card_bhxh_mismatch", "duplicate"})
    cards = [p for p in demo.persons if p["card_number"] and p["id"] not in planted]
    assert len(cards) > 0.8 * len(demo.persons)
    provinces = set(codes.provinces_2025()) | set(codes.provinces_pre2025())
    for p in cards:
        card = parse_card(p["card_number"])
        assert card.form == "old15" and card.province in provinces
        assert check_card(card, group=p["group_code"], bhxh=p["bhxh_code"], today=TODAY,
                          valid_from=date.fromisoformat(p["card_valid_from"])) == [], p


def test_planted_card_mismatches_are_found_by_the_card_check(demo):
    found = [f for f in demo.findings if f["kind"] == "card_bhxh_mismatch"]
    people = {p["id"]: p for p in demo.persons}
    assert found
    for f in found:
        p = people[f["person_ids"][0]]
        codes_ = [x.code for x in check_card(parse_card(p["card_number"]), group=p["group_code"], bhxh=p["bhxh_code"],
                                             today=TODAY, valid_from=date.fromisoformat(p["card_valid_from"]))]
        assert codes_ == ["card.bhxh_mismatch"]


def test_every_cccd_agrees_with_sex_and_birth_year_except_the_planted_wrong_ones(demo):
    wrong = planted_ids(demo, {"cccd_wrong_digit"})
    numbers = 0
    for p in demo.persons:
        if p["id_kind"] != "cccd":
            continue
        findings = [f.code for f in check_cccd(p["id_number"], sex=p["sex"],
                                                 birth=PartialDate.from_iso(p["birth_date"]))]
        assert (findings != []) == (p["id"] in wrong), (p, findings)
        assert p["id_number"][:3] == "0" + p["birth_province_code"]
        numbers += 1
    assert numbers > 0.8 * len(demo.persons)


def test_some_children_have_no_id_number_and_some_elders_an_old_cmnd(demo):
    kids = [p for p in demo.persons if age(p) < 14]
    assert 0.1 < sum(p["id_number"] is None for p in kids) / len(kids) < 0.5
    assert any(p["id_kind"] == "cmnd" and len(p["id_number"]) == 9 and age(p) >= 70 for p in demo.persons)


def test_bhxh_codes_are_ten_digits_unique_and_start_with_a_province_code(demo):
    planted = planted_ids(demo, {"duplicate"})
    bhxh = [p["bhxh_code"] for p in demo.persons if p["bhxh_code"] and p["id"] not in planted]
    assert len(bhxh) == len(set(bhxh)) > 0.9 * len(demo.persons)
    provinces = set(codes.provinces_2025()) | set(codes.provinces_pre2025())
    assert all(re.fullmatch(r"\d{10}", b) and b[:2] in provinces for b in bhxh)


@pytest.mark.parametrize("born, end", [
    (date(2019, 10, 15), date(2025, 10, 15)),   # 72 months after 30 September: that day itself
    (date(2020, 3, 15), date(2026, 9, 30)),     # 72 months before the school year: to 30 September
    (date(2019, 9, 30), date(2025, 9, 30)),     # 72 months on 30 September itself
    (date(2019, 10, 1), date(2025, 10, 1)),
    (date(2020, 2, 29), date(2026, 9, 30)),     # 72 months on 28/02/2026
    (date(2019, 12, 31), date(2025, 12, 31)),
])
def test_te_card_ends_as_the_law_says(born, end):
    assert te_card_end(born) == end


def test_children_under_six_hold_te_cards_from_birth_to_the_te_end(demo):
    planted = planted_ids(demo)
    for p in demo.persons:
        if p["status"] != "active" or p["id"] in planted or len(p["birth_date"]) != 10:
            continue
        born = date.fromisoformat(p["birth_date"])
        if te_card_end(born) >= TODAY:
            assert p["group_code"] == "TE", p
            if p["card_number"]:
                assert (p["card_valid_from"], p["card_valid_to"]) == (p["birth_date"], te_card_end(born).isoformat())
        elif te_card_end(born) < TODAY - timedelta(days=1):  # a card that ended yesterday: its change is due today
            assert p["group_code"] != "TE", p


def test_some_cards_are_expired_and_some_end_within_30_days():
    data = generate_people(3000, 1, date(2025, 6, 10))
    ends = [p["card_valid_to"] for p in data.persons if p["card_valid_to"] and p["status"] == "active"]
    today, soon = "2025-06-10", "2025-07-10"
    expired = sum(e < today for e in ends) / len(ends)
    expiring = sum(today <= e <= soon for e in ends) / len(ends)
    assert 0.005 < expired < 0.1 and 0.005 < expiring < 0.1


def test_poor_households_share_their_group(demo):
    members = members_by_household(demo)
    changed = planted_ids(demo) | {s["person_id"] for s in demo.event_subjects}  # a parent who moved in keeps hers
    for h in demo.households:
        groups = {p["group_code"] for p in members[h["id"]] if p["status"] == "active" and p["group_code"]
                  and p["id"] not in changed}
        if "HN" in groups:
            assert groups <= {"HN", "TE", "HC", "XK"}, groups


# --- events --------------------------------------------------------------------------------------------------------

def subjects_of(data) -> dict[str, list[dict]]:
    out = defaultdict(list)
    for s in data.event_subjects:
        out[s["event_id"]].append(s)
    return out


def test_events_fall_in_the_months_before_today(demo):
    dates = [e["effective_date"] for e in demo.events]
    assert min(dates) >= (TODAY - timedelta(days=125)).isoformat() and max(dates) < TODAY.isoformat()
    assert dates == sorted(dates)
    assert {e["type"] for e in demo.events} >= {"birth", "death", "move_in", "move_out", "split", "merge",
                                                  "correction", "group_change", "head_change"}


@pytest.mark.parametrize("kind, role, check", [
    ("death", "deceased", lambda p, e, h: p["status"] == "dead" and p["status_date"] == e["effective_date"]),
    ("move_out", "person", lambda p, e, h: p["status"] == "moved_out" and p["status_date"] == e["effective_date"]
     and p["status_detail"] == e["details"]["to"]),
    ("birth", "child", lambda p, e, h: p["birth_date"] == e["effective_date"] and p["group_code"] == "TE"
     and p["status"] == "active" and p["card_valid_from"] in (None, p["birth_date"])),
    ("move_in", "person", lambda p, e, h: p["status"] == "active"
     and h[p["household_id"]]["code"] == e["details"]["household_code"]),
    ("group_change", "person", lambda p, e, h: p["group_code"] == e["details"]["to"]
     and (p["card_valid_from"] in (None, e["effective_date"]))),
    ("correction", "person", lambda p, e, h: p[e["details"]["field"]] == e["details"]["after"]
     != e["details"]["before"]),
    ("split", "new_head", lambda p, e, h: p["relation"] == "chu_ho"
     and h[p["household_id"]]["code"] == e["details"]["new_household_code"]
     and h[p["household_id"]]["head_person_id"] == p["id"]),
    ("merge", "member", lambda p, e, h: h[p["household_id"]]["code"] == e["details"]["into_household_code"]),
    ("head_change", "new_head", lambda p, e, h: h[p["household_id"]]["head_person_id"] == p["id"]
     and p["relation"] == "chu_ho"),
])
def test_each_event_leaves_the_register_as_it_says(demo, kind, role, check):
    people = {p["id"]: p for p in demo.persons}
    homes = {h["id"]: h for h in demo.households}
    subjects = subjects_of(demo)
    events = [e for e in demo.events if e["type"] == kind]
    assert events
    for e in events:
        persons = [people[s["person_id"]] for s in subjects[e["id"]] if s["role"] == role]
        assert persons, e
        assert all(check(p, e, homes) for p in persons), (e, persons)


def test_a_merged_household_points_to_the_one_it_joined(demo):
    homes = {h["code"]: h for h in demo.households}
    for e in (e for e in demo.events if e["type"] == "merge"):
        old, new = homes[e["details"]["from_household_code"]], homes[e["details"]["into_household_code"]]
        assert old["status"] == "merged_into" and old["related_household_id"] == new["id"]
        assert old["status_date"] == e["effective_date"]


def test_no_person_is_dead_or_gone_without_an_event(demo):
    subjects = {s["person_id"] for s in demo.event_subjects}
    assert all(p["id"] in subjects for p in demo.persons if p["status"] != "active")


# --- planted findings -------------------------------------------------------------------------------------------------

VARIANT_RULES = {
    "typo": lambda a, b: 1 <= OSA.distance(search_key(a["full_name"]), search_key(b["full_name"])) <= 2,
    "no_diacritics": lambda a, b: search_key(a["full_name"]) == search_key(b["full_name"])
    and not has_vietnamese_marks(b["full_name"]),
    "dropped_middle_name": lambda a, b: len(b["full_name"].split()) < len(a["full_name"].split())
    and a["full_name"].split()[-1] == b["full_name"].split()[-1],
    "year_only_date": lambda a, b: b["birth_date"] == a["birth_date"][:4] != a["birth_date"],
    "nfd_text": lambda a, b: b["full_name"] != a["full_name"] and unicodedata.normalize("NFC", b["full_name"])
    == a["full_name"],
    "all_caps": lambda a, b: b["full_name"] == a["full_name"].upper() != a["full_name"],
    "day_month_swapped": lambda a, b: (a["birth_date"][5:7], a["birth_date"][8:]) == (b["birth_date"][8:],
                                                                                     b["birth_date"][5:7]),
    "birthplace_old_new": lambda a, b: a["birth_place"] != b["birth_place"]
    and {a["birth_place"].count(","), b["birth_place"].count(",")} == {1, 2},
    "tone_placement": lambda a, b: a["full_name"] != b["full_name"]
    and search_key(a["full_name"]) == search_key(b["full_name"]),
}


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_same_person_is_planted_twice_with_each_kind_of_difference(demo, variant):
    people = {p["id"]: p for p in demo.persons}
    pairs = [f for f in demo.findings if f["kind"] == "duplicate" and f["variant"] == variant]
    assert len(pairs) >= 2
    for f in pairs:
        a, b = (people[i] for i in f["person_ids"])
        assert (a["sex"], a["birth_year"]) == (b["sex"], b["birth_year"])
        assert VARIANT_RULES[variant](a, b), (a, b)
        if variant != "birthplace_old_new":
            assert a["birth_place"] == b["birth_place"]


def test_distinct_namesakes_share_name_and_birth_year_but_not_birthplace(demo):
    people = {p["id"]: p for p in demo.persons}
    pairs = [f for f in demo.findings if f["kind"] == "distinct_namesakes"]
    assert pairs
    for f in pairs:
        a, b = (people[i] for i in f["person_ids"])
        assert a["full_name"] == b["full_name"] and a["birth_year"] == b["birth_year"] and a["sex"] == b["sex"]
        assert a["birth_province_code"] != b["birth_province_code"] and a["household_id"] != b["household_id"]
        assert (a["birth_date"] == b["birth_date"]) == (f["variant"] == "same_name_and_date")


def test_split_off_members_live_alone_in_their_familys_hamlet(demo):
    homes, members = {h["id"]: h for h in demo.households}, members_by_household(demo)
    found = [f for f in demo.findings if f["kind"] == "split_off_member"]
    assert found
    for f in found:
        alone, family = (homes[i] for i in f["household_ids"])
        assert [p["id"] for p in members[alone["id"]]] == f["person_ids"]
        assert alone["address"] == family["address"]


def test_merged_households_hold_8_to_10_people(demo):
    found = [f for f in demo.findings if f["kind"] == "merged_households"]
    assert found
    for f in found:
        assert 8 <= active_sizes_of(demo, f["household_ids"][0]) <= 10


def active_sizes_of(data, hid: str) -> int:
    return sum(p["household_id"] == hid and p["status"] == "active" for p in data.persons)


def test_missing_bhxh_codes_are_planted_on_people_without_cards(demo):
    people = {p["id"]: p for p in demo.persons}
    found = [people[f["person_ids"][0]] for f in demo.findings if f["kind"] == "missing_bhxh_code"]
    assert found and all(p["bhxh_code"] is None and p["card_number"] is None for p in found)


def test_children_turning_72_months_within_3_months_are_listed(demo):
    people = {p["id"]: p for p in demo.persons}
    listed = {f["person_ids"][0] for f in demo.findings if f["kind"] == "te_turning_72_months"}
    assert listed
    for pid in listed:
        born = date.fromisoformat(people[pid]["birth_date"])
        assert TODAY < date(born.year + 6, born.month, min(born.day, 28)) <= TODAY + timedelta(days=93)


def test_about_one_to_two_percent_of_the_people_are_involved(demo):
    involved = planted_ids(demo)
    assert 0.01 <= len(involved) / len(demo.persons) <= 0.025


# --- the database -----------------------------------------------------------------------------------------------------

def test_create_demo_makes_a_register_whose_stats_are_plausible(tmp_path):
    path = tmp_path / "demo.db"
    steps = []
    summary = create_demo(path, persons=3000, seed=3, today=TODAY, progress=lambda done, total: steps.append(done))
    assert summary["persons"] == 3000 and summary["findings"]["duplicate"] >= 9 and steps[-1] == 6
    json.dumps(summary)
    with Register.open(path) as reg:
        stats = reg.stats(today=TODAY)
        commune = reg.commune()
    assert commune["commune_name"] == summary["commune_name"] and commune["chairman"]
    assert stats["persons"]["total"] == 3000
    assert stats["households"]["without_head"] == 0 and stats["households"]["empty"] == 0
    assert 3.3 <= stats["households"]["mean_size"] <= 4.0
    assert sum(stats["events"].values()) == summary["events"]
    assert stats["cards"]["with_card"] > 2000


def test_create_demo_refuses_a_file_that_holds_a_register(tmp_path):
    path = tmp_path / "xa.db"
    Register.create(path, {"commune_name": "Xã Dân Lý"}).close()
    with pytest.raises(HgdError) as e:
        create_demo(path, persons=100, seed=1, today=TODAY)
    assert e.value.key == "register.exists"


def test_a_cancelled_demo_leaves_no_file(tmp_path):
    path = tmp_path / "demo.db"
    with pytest.raises(HgdError) as e:
        create_demo(path, persons=500, seed=1, today=TODAY, progress=lambda done, total: done < 3)
    assert e.value.key == "demo.cancelled"
    assert list(tmp_path.iterdir()) == []


def test_fill_demo_keeps_the_registers_commune_and_refuses_a_second_fill(register):
    summary = fill_demo(register, persons=400, seed=1, today=TODAY)
    assert summary["persons"] == 400 and summary["commune_name"] == "Xã Dân Lý"
    with register.reading() as s:
        from sqlalchemy import select

        from app.store.models import Commune, Event, Household
        assert set(s.scalars(select(Commune.code).join(Household, Household.commune_id == Commune.id))) == {"15703"}
        details = s.scalars(select(Event.details)).first()
    assert isinstance(details, dict)
    assert register.commune()["commune_name"] == "Xã Dân Lý"
    with pytest.raises(HgdError) as e:
        fill_demo(register, persons=400, seed=1, today=TODAY)
    assert e.value.key == "demo.not_empty"


@pytest.mark.parametrize("persons", [0, -5, 2_000_001])
def test_a_size_out_of_range_is_refused(tmp_path, persons):
    with pytest.raises(HgdError) as e:
        create_demo(tmp_path / "x.db", persons=persons)
    assert e.value.key == "demo.persons"


# --- spreadsheets -----------------------------------------------------------------------------------------------------

def test_persons_csv_has_the_import_columns_and_the_rows_asked_for(tmp_path):
    path = tmp_path / "p.csv"
    assert write_persons_file(path, persons=1200, seed=1, fmt="csv", today=TODAY) == 1200
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == ("ma_so_bhxh,ho_ten,ngay_sinh,gioi_tinh,dan_toc,so_cccd,noi_dk_khai_sinh,ma_ho,"
                        "quan_he_chu_ho,ma_doi_tuong,so_the_bhyt,han_the_den,dia_chi")
    assert len(lines) == 1201
    import csv
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert {r["gioi_tinh"] for r in rows} == {"Nam", "Nữ"}
    assert all(re.fullmatch(r"(\d\d/)?(\d\d/)?\d{4}", r["ngay_sinh"]) for r in rows)
    assert any(re.fullmatch(r"\d{4}", r["ngay_sinh"]) for r in rows)
    assert "Chủ hộ" in {r["quan_he_chu_ho"] for r in rows} and "Kinh" in {r["dan_toc"] for r in rows}


def test_plain_xlsx_holds_the_same_people(tmp_path):
    from openpyxl import load_workbook
    assert write_persons_file(tmp_path / "p.xlsx", persons=300, seed=1, fmt="xlsx", today=TODAY) == 300
    write_persons_file(tmp_path / "p.csv", persons=300, seed=1, fmt="csv", today=TODAY)
    rows = [tuple(v or "" for v in r) for r in load_workbook(tmp_path / "p.xlsx").active.iter_rows(values_only=True)]
    import csv
    assert rows == [tuple(r) for r in csv.reader((tmp_path / "p.csv").open(encoding="utf-8"))]


def test_commune_xlsx_looks_like_a_communes_file(tmp_path):
    from openpyxl import load_workbook
    path = tmp_path / "c.xlsx"
    assert write_persons_file(path, persons=250, seed=1, fmt="xlsx", today=TODAY, style="commune") == 250
    ws = load_workbook(path).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0].startswith("UBND XÃ ") and rows[0][7] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert rows[3][0] == "DANH SÁCH THÀNH VIÊN HỘ GIA ĐÌNH"
    assert rows[6][:4] == ("STT", "Họ và tên", "Ngày sinh", "Giới tính")
    assert rows[7][:3] == ("(1)", "(2)", "(3)")
    assert rows[8][0] == 1 and rows[8 + 249][0] == 250
    signatures = next(r for r in rows[258:] if "NGƯỜI LẬP BIỂU" in r)
    assert "TM. ỦY BAN NHÂN DÂN" in signatures and rows[-1][1] and rows[-1][9]  # the clerk's and chairman's names
    assert "A4:N4" in {str(r) for r in ws.merged_cells.ranges}


def test_the_same_spreadsheet_comes_out_byte_for_byte(tmp_path):
    def digest(name: str, **kw) -> str:
        write_persons_file(tmp_path / name, persons=200, seed=3, today=TODAY, **kw)
        return hashlib.sha256((tmp_path / name).read_bytes()).hexdigest()

    assert digest("a.xlsx", fmt="xlsx", style="commune") == digest("b.xlsx", fmt="xlsx", style="commune")
    assert digest("a.csv", fmt="csv") == digest("b.csv", fmt="csv")


@pytest.mark.parametrize("fmt, style", [("ods", "plain"), ("csv", "commune"), ("xlsx", "fancy")])
def test_an_unknown_format_is_refused(tmp_path, fmt, style):
    with pytest.raises(HgdError) as e:
        write_persons_file(tmp_path / "x", persons=10, seed=1, fmt=fmt, style=style)
    assert e.value.key == "demo.format"
