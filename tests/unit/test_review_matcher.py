"""The duplicate finder: each variation of a real duplicate is caught, each kind of distinct namesake is not.

Every case is put into the same background register (a small synthetic commune), so that name and date
frequencies are those of a real register, not of two lonely records.
"""
from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import numpy as np
import pytest

from app.errors import HgdError
from app.review import MatchRecord, RecordTable, find_pairs, fingerprint
from app.review.records import ROW_FIELDS

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench.review_synth import generate

OLD = "Xã Hải Minh, Huyện Hải Hậu, Tỉnh Nam Định"
RARE = "Đoàn Khắc Hiếu"
YEN_THO = "Xã Yên Thọ, Huyện Ý Yên, Tỉnh Nam Định"
DAN_LY = "Xã Dân Lý, Huyện Triệu Sơn, Tỉnh Thanh Hóa"


@pytest.fixture(scope="module")
def background() -> list[tuple]:
    syn = generate(3000, 5)
    return [tuple(r) for r in syn.rows]


def rec(i: str, name: str = RARE, born: str | None = "1978-04-09", sex: str | None = "M", place: str | None = OLD,
        *, home: str | None = None, cccd: str | None = None, bhxh: str | None = None,
        relation: str = "chu_ho") -> tuple:
    return (i, home or f"home-{i}", name, born, sex, place, "36", cccd, bhxh, relation, "14215")


def pair_of(background: list[tuple], a: tuple, b: tuple, **kw) -> list:
    pairs = find_pairs(RecordTable.from_rows(background + [a, b]), **kw)
    return [p for p in pairs if {p.a_id, p.b_id} == {a[0], b[0]}]


CAUGHT = {
    "exact copy": {},
    "no diacritics": {"name": "Doan Khac Hieu"},
    "NFD text": {"name": unicodedata.normalize("NFD", RARE)},
    "capitals": {"name": RARE.upper()},
    "stray spaces": {"name": " Đoàn  Khắc Hiếu "},
    "one-letter typo": {"name": "Đoàn Khắc Hiêu"},
    "typo on a tone-marked vowel (vowel lost)": {"name": "Đoàn Khắc Hiu"},
    "two-letter typo": {"name": "Đoàn Khắc Hếiu"},
    "middle name dropped": {"name": "Đoàn Hiếu"},
    "middle name added": {"name": "Đoàn Khắc Minh Hiếu"},
    "middle name dropped and a slip in the family name": {"name": "Đoàm Hiếu"},
    "middle name dropped and a slip in the given name": {"name": "Đoàn Hếiu"},
    "day and month swapped": {"born": "1978-09-04"},
    "year only": {"born": "1978"},
    "month only": {"born": "1978-04"},
    "birthplace abbreviated": {"place": "X. Hải Minh - H. Hải Hậu - T. Nam Định"},
    "birthplace by the 2025 units": {"place": "Xã Hải Anh, Tỉnh Ninh Bình"},
    "birthplace without commune": {"place": "Huyện Hải Hậu, Tỉnh Nam Định"},
    "birthplace missing": {"place": None},
    "sex missing": {"sex": None},
    "sex wrong": {"sex": "F"},
}


@pytest.mark.parametrize("variation", list(CAUGHT))
def test_duplicate_with_variation_is_caught(background, variation):
    original = rec("orig", cccd="036078123456", bhxh="3600000001")
    dup = rec("dup", **CAUGHT[variation], bhxh="3600000002")
    found = pair_of(background, original, dup)
    assert found, variation
    assert found[0].decision in ("match", "possible")


def test_tone_placement_is_the_same_name(background):
    a, b = rec("a", "Trần Thị Hòa Thủy", "1981-02-03"), rec("b", "Trần Thị Hoà Thuỷ", "1981-02-03")
    found = pair_of(background, a, b)
    assert found and found[0].decision == "match"
    assert "cách đặt dấu thanh khác" in found[0].explain("vi")


NOT_FLAGGED = {
    "namesake of one sex and year, another date": (rec("a", "Nguyễn Thị Lan", "1975-03-15", "F"),
                                                   rec("b", "Nguyễn Thị Lan", "1975-11-02", "F")),
    "same name and date, another commune": (rec("a", born="1975-03-15"),
                                            rec("b", born="1975-03-15", place=YEN_THO)),
    "same name and date, another province": (rec("a", born="1975-03-15"),
                                             rec("b", born="1975-03-15", place=DAN_LY)),
    "same name and date, a 2025 commune none of whose parts lay in the other's district": (
        rec("a", born="1975-03-15", place="Xã Trực Ninh, Tỉnh Ninh Bình"),
        rec("b", born="1975-03-15", place="Huyện Nghĩa Hưng, Tỉnh Nam Định")),
    "same family, given and date, no middle name, another commune": (
        rec("a", born="1975-03-15"), rec("b", "Đoàn Hiếu", "1975-03-15", place=YEN_THO)),
    "another given name that is a common name": (rec("a", "Nguyễn Văn Hùng", "1990-05-06"),
                                                 rec("b", "Nguyễn Văn Dũng", "1990-05-06")),
    "twins: one household, one date, other given names": (
        rec("a", "Phạm Minh Khôi", "2015-06-01", home="h-twins", relation="con"),
        rec("b", "Phạm Minh Khoa", "2015-06-01", home="h-twins", relation="con")),
    "twins who differ only by diacritics": (
        rec("a", "Phạm Thị Lan", "2015-06-01", "F", home="h-tw2", relation="con"),
        rec("b", "Phạm Thị Lân", "2015-06-01", "F", home="h-tw2", relation="con")),
    "siblings: one household, other dates": (rec("a", "Vũ Văn An", "2010-01-01", home="h-sib", relation="con"),
                                            rec("b", "Vũ Văn Anh", "2012-03-04", home="h-sib", relation="con")),
}


@pytest.mark.parametrize("case", list(NOT_FLAGGED))
def test_distinct_persons_are_not_flagged(background, case):
    a, b = NOT_FLAGGED[case]
    assert pair_of(background, a, b) == [], case


def test_a_different_cccd_vetoes_an_otherwise_identical_pair(background):
    a = rec("a", cccd="036078123456")
    b = rec("b", cccd="036078654321")
    assert pair_of(background, a, b) == []
    assert pair_of(background, a, rec("b", cccd=None))  # the same without the second number: found


def test_the_same_cccd_or_bhxh_code_outweighs_a_different_name(background):
    a = rec("a", "Nguyễn Văn Tài", cccd="036078123456")
    b = rec("b", "Nguyễn Văn Tú", cccd="036078123456")
    found = pair_of(background, a, b)
    assert found and "cùng số CCCD" in found[0].explain("vi")
    found = pair_of(background, rec("a", "Lê Thị Mơ", bhxh="3612345678"), rec("b", "Lê Thị Mai", bhxh="3612345678"))
    assert found and "cùng mã số BHXH" in found[0].explain("vi")


def test_a_common_name_counts_for_less_than_a_rare_one(background):
    common = pair_of(background, rec("a", "Nguyễn Thị Lan", "1975", "F"), rec("b", "Nguyễn Thị Lan", "1975-03-15", "F"))
    rare = pair_of(background, rec("a", "Đoàn Thị Nhạn", "1975", "F"), rec("b", "Đoàn Thị Nhạn", "1975-03-15", "F"))
    assert rare
    assert not common or common[0].score < rare[0].score


def test_reasons_are_given_in_vietnamese_and_english(background):
    found = pair_of(background, rec("a"), rec("b", "Doan Khac Hieu", "1978-09-04",
                                                place="Huyện Hải Hậu, Tỉnh Nam Định"))
    assert found
    vi, en = found[0].explain("vi"), found[0].explain("en")
    assert "tên không dấu" in vi and "ngày và tháng sinh bị đảo" in vi and "nơi khai sinh thiếu xã" in vi
    assert "name without diacritics" in en and "day and month of birth swapped" in en
    assert "without its commune" in en


def test_a_pair_confirmed_distinct_is_not_returned_again(background):
    a, b = rec("a"), rec("b", "Doan Khac Hieu")
    assert pair_of(background, a, b)
    for known in ({("a", "b")}, {frozenset(("b", "a"))}, {fingerprint(("b", "a"))}):
        assert pair_of(background, a, b, known_distinct=known) == []


def test_fingerprint_does_not_depend_on_the_order():
    assert fingerprint(("x", "y")) == fingerprint(("y", "x")) != fingerprint(("x", "z"))


class _Flag:
    def __init__(self, after: int) -> None:
        self.calls, self.after = 0, after

    def is_set(self) -> bool:
        self.calls += 1
        return self.calls > self.after


def test_cancel_stops_the_review(background):
    with pytest.raises(HgdError) as e:
        find_pairs(RecordTable.from_rows(background), cancel=_Flag(after=2))
    assert e.value.key == "review.cancelled"


def test_progress_is_reported_by_stage(background):
    seen = []
    find_pairs(RecordTable.from_rows(background), progress=lambda d, t, s: seen.append(s))
    assert seen[0] == "normalise" and "compare" in seen and seen[-1] == "done"


def test_records_come_as_dataclasses_tuples_or_dicts():
    a = MatchRecord("a", "h1", RARE, "1978-04-09", "M", OLD, "36")
    b = MatchRecord("b", "h2", "Doan Khac Hieu", "1978-04-09", "M", OLD, "36")
    dicts = [dict(zip(ROW_FIELDS, rec("a"))), dict(zip(ROW_FIELDS, rec("b", "Doan Khac Hieu")))]
    short_tuples = [rec("a")[:10], rec("b", "Doan Khac Hieu")[:10]]  # the SQL query without commune_code
    for records in ([a, b], dicts, short_tuples):
        pairs = find_pairs(records)
        assert [(p.a_id, p.b_id) for p in pairs] == [("a", "b")]


def test_an_empty_register_or_empty_names_give_no_pairs():
    assert find_pairs([]) == []
    assert find_pairs([rec("a", ""), rec("b", "")]) == []


def _score(background: list[tuple], a: tuple, b: tuple, extra: list[tuple]) -> float:
    from app.review import matcher

    saved = matcher.POSSIBLE_BITS
    matcher.POSSIBLE_BITS = -40.0  # see the pair whatever its score
    try:
        pairs = find_pairs(RecordTable.from_rows(background + [a, b] + extra))
    finally:
        matcher.POSSIBLE_BITS = saved
    return next(p.score for p in pairs if {p.a_id, p.b_id} == {a[0], b[0]})


def test_heads_of_two_families_are_less_likely_one_person_than_a_record_alone(background):
    a = rec("a", "Trần Văn Bình", "1960", home="h-a")
    b = rec("b", "Trần Văn Bình", "1960-05-06", home="h-b")
    wives = [rec("wa", "Lê Thị Na", "1962-01-01", "F", home="h-a", relation="vo"),
             rec("wb", "Lê Thị Nụ", "1963-01-01", "F", home="h-b", relation="vo")]
    two_families = _score(background, a, b, wives)
    one_alone = _score(background, a, b, wives[1:])
    assert one_alone > two_families + 2


def test_vocab_codes_in_bulk_are_those_of_code_one_by_one():
    from app.review.normalise import Vocab

    values = ["a", "b", "", None, "a", "c", "b", ""]
    one, bulk, bulk_empty = Vocab(), Vocab(), Vocab()
    assert bulk.codes(values) == [one.code(v) if v else -1 for v in values]
    assert bulk.strings == one.strings == ["a", "b", "c"]
    assert bulk_empty.codes(["x", "", "x", "y"], empty=True) == [0, 1, 0, 2]
    assert bulk_empty.strings == ["x", "", "y"]
    assert bulk.codes(["d", "a"]) == [3, 0] and bulk.strings == ["a", "b", "c", "d"]


def scores(background: list[tuple], *records: tuple, **kw) -> dict[frozenset, object]:
    pairs = find_pairs(RecordTable.from_rows(background + list(records)), **kw)
    ids = {r[0] for r in records}
    return {frozenset((p.a_id, p.b_id)): p for p in pairs if {p.a_id, p.b_id} <= ids}


def test_a_year_only_record_fitting_two_distinct_namesakes_is_at_most_one_of_them(background):
    year_only = rec("y", "Đoàn Thị Nhạn", "1975", "F", home="h-y")
    march = rec("m", "Đoàn Thị Nhạn", "1975-03-15", "F", home="h-m", cccd="036175123456")
    june = rec("j", "Đoàn Thị Nhạn", "1975-06-02", "F", home="h-j", cccd="036175654321")
    alone = scores(background, year_only, march)[frozenset("ym")]
    both = scores(background, year_only, march, june)
    assert frozenset("mj") not in both  # two CCCD numbers: two persons
    shared = both[frozenset("ym")]
    # the odds are shared between the two stories: about one bit less each when the two fit equally
    assert shared.score < alone.score - 0.5
    assert "cũng giống hồ sơ khác" in shared.explain("vi") and "also resembles another record" in shared.explain("en")
    assert "cũng giống" not in alone.explain("vi")
    # once a clerk has said the year-only record is not the June one, the March one is its only story again
    again = scores(background, year_only, march, june, known_distinct={("y", "j")})
    assert frozenset("yj") not in again
    assert again[frozenset("ym")].score > shared.score + 0.5
    assert "cũng giống" not in again[frozenset("ym")].explain("vi")


def test_a_namesake_beside_a_true_duplicate_loses_to_it(background):
    original = rec("o", "Phạm Thị Hoa", "1984-01-07", "F", home="h-o", cccd="036184567726")
    copy = rec("c", "Phạm Thị Hoa", "1984-01-07", "F", home="h-c", cccd="036184567726", bhxh="3611111111")
    other = rec("x", "Phạm Thị Hoa", "1984", "F", home="h-x", cccd="036184111222")  # the CCCD: another person
    without = scores(background, copy, rec("x", "Phạm Thị Hoa", "1984", "F", home="h-x"))
    found = scores(background, original, copy, other)
    assert found[frozenset("oc")].decision == "match"
    assert frozenset("cx") in without  # alone, a year-only namesake could be the same person
    assert frozenset("cx") not in found  # beside the copy's certain original, it is not


def test_three_records_of_one_person_are_not_rivals_of_each_other(background):
    records = [rec(i, cccd=None, home=f"h-{i}") for i in "abc"]
    three = scores(background, *records)
    assert set(three) == {frozenset("ab"), frozenset("ac"), frozenset("bc")}
    # were the third a rival, each pair would lose twice its own odds (some 30 bits) and vanish
    assert len({p.score for p in three.values()}) == 1
    for p in three.values():
        assert p.decision == "match" and "cũng giống" not in p.explain("vi")


def test_the_weights_of_where_records_sit_are_measured_on_the_register(background):
    from app.review import compare
    from app.review.levels import HOME_ALONE, HOME_ANCHORED, HOME_NONE, HOME_OTHER
    from app.review.normalise import build_features

    f = build_features(RecordTable.from_rows(background))
    prior = compare.home_weights(f, np.zeros(4), np.zeros(4))
    assert prior[HOME_ANCHORED] < 0 < prior[HOME_ALONE]  # the guess, with no pair to learn from
    # duplicates sure by everything else sit as "Khác" members; distinct namesakes mostly head two families
    learnt = compare.home_weights(f, np.array([5.0, 20.0, 200.0, 0.0]), np.array([900.0, 300.0, 20.0, 3000.0]))
    assert learnt[HOME_OTHER] == compare.HOME_MAX_W  # bounded: one feature never decides alone
    assert learnt[HOME_NONE] < 0 and learnt[HOME_ANCHORED] < prior[HOME_NONE]
    # a register whose duplicates sit like everyone else: where a record sits says nothing
    flat = np.array([600.0, 100.0, 10.0, 300.0])
    assert np.all(np.abs(compare.home_weights(f, flat * 10, flat * 100)) < 0.1)


def test_a_year_only_namesake_listed_as_other_in_another_household_is_more_likely_a_duplicate(background):
    dated = rec("d", "Đoàn Thị Nhạn", "1975-03-15", "F", home="h-d", relation="vo",
                cccd="036175123456")
    husband = rec("hd", "Vũ Văn Tư", "1973-02-02", home="h-d")
    lodger = rec("y", "Đoàn Thị Nhạn", "1975", "F", home="h-x", relation="khac")
    daughter = rec("y", "Đoàn Thị Nhạn", "1975", "F", home="h-x", relation="con")
    head = rec("hx", "Trần Văn Kiên", "1950-01-01", home="h-x")
    as_lodger = _score(background, dated, lodger, [husband, head])
    as_daughter = _score(background, dated, daughter, [husband, head])
    assert as_lodger > as_daughter + 1
    found = scores(background, dated, lodger, husband, head)[frozenset("dy")]
    assert 'listed as "Khác" (other) in another household' in found.explain("en")
    assert "Khác" in found.explain("vi")


def test_a_2025_commune_and_the_old_district_it_came_from_can_be_one_place(background):
    new = rec("a", born="1975-03-15", place="Xã Trực Ninh, Tỉnh Ninh Bình", cccd="036075123456")
    found = pair_of(background, new, rec("b", born="1975-03-15", place="Huyện Trực Ninh, Tỉnh Nam Định"))
    assert found and "nơi khai sinh thiếu xã" in found[0].explain("vi")
    assert not pair_of(background, new, rec("b", born="1975-03-15", place="Huyện Nghĩa Hưng, Tỉnh Nam Định"))


def test_a_record_certain_of_one_namesake_is_not_also_paired_with_a_third_by_a_weak_link(background):
    # Nguyễn Anh (middle name left out) is Nguyễn Đăng Anh by his CCCD; Nguyễn Gia Anh, born the same day in the
    # register's own commune, fits the short name as well, but against Đăng Anh only a changed middle name links him
    home = "Xã Nghĩa Lợi, Huyện Nghĩa Hưng, Tỉnh Nam Định"  # where most of the background was born
    dang = rec("d", "Nguyễn Đăng Anh", "1982-11-19", place=home, cccd="036082864094", home="h-d")
    short = rec("s", "Nguyễn Anh", "1982-11-19", place=home, cccd="036082864094", home="h-s", relation="khac")
    gia = rec("g", "Nguyễn Gia Anh", "1982-11-19", place=home, home="h-g", relation="con")
    families = [rec("f", "Nguyễn Văn Tâm", "1955-01-02", place=home, home="h-g"),
                rec("k", "Trần Văn Bình", "1960-01-02", place=home, home="h-s")]
    found = scores(background, dang, short, gia, *families)
    assert set(found) == {frozenset("ds")} and found[frozenset("ds")].decision == "match"


def test_a_commune_written_alike_weighs_as_the_register_measures_it(background):
    from app.review import compare
    from app.review.levels import TEXT_ALIKE, TEXT_NONE, TEXT_OTHERWISE
    from app.review.normalise import build_features

    f = build_features(RecordTable.from_rows(background))
    s = compare.Stats.of(f)
    home = int(np.bincount(f.commune[f.commune >= 0]).argmax())  # where most of the background was born
    x = np.flatnonzero(f.commune == home)[:2]
    a, b = np.array([x[0]] * 3), np.array([x[1]] * 3)
    levels = np.array([TEXT_NONE, TEXT_ALIKE, TEXT_OTHERWISE])
    u = s.written_alike[x[0]]
    assert 0.2 < u < 0.9  # most write it the old way, some the new, short or abbreviated way
    # duplicates sure by everything else mostly keep the text: alike is for, written otherwise against
    kept = compare.text_weights(s, a, b, levels, np.array([0.0, 900.0, 100.0]))
    assert kept[0] == 0 and kept[1] > 0.3 and kept[2] < -1.5
    # duplicates written alike no more often than two persons of the commune: the text says nothing
    alike = compare.text_weights(s, a, b, levels, np.array([0.0, 1000 * u, 1000 * (1 - u)]))
    assert np.all(np.abs(alike) < 0.1)


def test_a_year_only_namesake_writing_the_commune_otherwise_is_less_likely_one_person(background):
    home = "Xã Nghĩa Lợi, Huyện Nghĩa Hưng, Tỉnh Nam Định"
    dated = rec("d", "Đoàn Thị Nhạn", "1975-03-15", "F", place=home, home="h-d", cccd="036175123456")
    alike = rec("y", "Đoàn Thị Nhạn", "1975", "F", place=home, home="h-y")
    otherwise = rec("y", "Đoàn Thị Nhạn", "1975", "F", place="X. Nghĩa Lợi - H. Nghĩa Hưng - T. Nam Định", home="h-y")
    as_alike, as_otherwise = _score(background, dated, alike, []), _score(background, dated, otherwise, [])
    assert as_alike > as_otherwise + 1.5


def test_two_family_names_both_widespread_are_two_names_not_a_slip(background):
    # Lý is some twenty times rarer than Lê here, but borne by many: Lý Văn Hùng is not a misspelt Lê Văn Hùng
    lee = rec("l", "Lê Văn Hùng", "1944-10-14", cccd="036044035202", home="h-l")
    ly = rec("y", "Lý Văn Hùng", "1944", home="h-y")
    assert not pair_of(background, lee, ly)
    slip = pair_of(background, lee, rec("y", "Lế Văn Hùng", "1944-10-14", home="h-y"))
    assert slip and slip[0].decision == "match"


def test_a_date_known_only_to_the_year_beside_a_full_one_weighs_as_the_register_measures_it(background):
    import dataclasses

    from app.review import compare
    from app.review.normalise import build_features

    def stats(rows: list[tuple]) -> compare.Stats:
        return compare.Stats.of(build_features(RecordTable.from_rows(rows)))

    # copies of the background's persons, found by their CCCD: half of them with the year of birth only
    dated = [r for r in background if r[3] and len(r[3]) == 10][:80]
    copies = [(f"c{i}", f"h-c{i}", r[2], r[3][:4] if i % 2 else r[3], r[4], r[5], r[6], r[7] or f"0361{i:08d}",
               None, "khac", r[10]) for i, r in enumerate(dated)]
    originals = [r[:7] + (c[7],) + r[8:] for r, c in zip(dated, copies)]
    sloppy = stats([r for r in background if r not in dated] + originals + copies)
    assert stats([]).slip == compare.PARTIAL_SLIP  # nothing measured: the guess
    assert sloppy.slip > stats(background).slip + 0.2
    # a year-only record beside a full date weighs more where such slips are common; two year-only records do not
    rows = background + [rec("d", "Đoàn Thị Nhạn", "1995-03-15", "F"), rec("y", "Đoàn Thị Nhạn", "1995", "F"),
                         rec("z", "Đoàn Thị Nhạn", "1995", "F")]
    f = build_features(RecordTable.from_rows(rows))
    s = compare.Stats.of(f)
    a, b = np.array([len(rows) - 3, len(rows) - 2]), np.array([len(rows) - 2, len(rows) - 1])
    _, usual = compare.date_levels(f, dataclasses.replace(s, slip=0.02), a, b)
    _, common = compare.date_levels(f, dataclasses.replace(s, slip=0.16), a, b)
    assert common[0] == pytest.approx(usual[0] + 3) and common[1] == usual[1]


def test_the_share_of_persons_recorded_twice_is_measured_on_the_register(background, monkeypatch):
    from app.review import compare

    sure = np.full(600, 20.0)  # 600 pairs certain to be one person, among 30,000 persons: 2 in 100, the prior
    assert compare.rate_shift(sure, 0.0, 30_000) == pytest.approx(0.0, abs=0.01)
    fewer = compare.rate_shift(sure[:150], 0.0, 30_000)  # a register cleaned but for 150: each pair is less likely
    assert fewer == pytest.approx(np.log2((150 + 200) / 40_000 / 0.02), abs=0.01) and fewer < -1
    assert compare.rate_shift(np.zeros(0), 0.0, 5) == pytest.approx(0.0, abs=0.01)  # a tiny register: the prior
    # the background without its planted duplicates: a pair there scores lower than under the prior alone
    planted = {t[1] for t in generate(3000, 5).truth}
    cleaned = [r for r in background if r[0] not in planted]
    dated = rec("d", "Đoàn Thị Nhạn", "1995-03-15", "F", home="h-d", cccd="036195123456")
    year_only = rec("y", "Đoàn Thị Nhạn", "1995", "F", home="h-y")
    measured = _score(cleaned, dated, year_only, [])
    monkeypatch.setattr(compare, "rate_shift", lambda *_: 0.0)
    assert measured < _score(cleaned, dated, year_only, []) - 0.3
