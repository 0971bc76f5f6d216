"""The review kept in the register: RunReview stores findings and updates them on a re-run; the resolutions
(merge, distinct, correct, household checked) are audited actions that undo."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.errors import HgdError
from app.registry import AddHousehold
from app.review.matcher import fingerprint
from app.review.resolve import ConfirmDistinct, CorrectField, MarkHouseholdChecked, MergePersons
from app.review.service import RunReview
from app.store.models import Event, Finding, FindingSubject, Household, Person, Resolution

TODAY = date(2026, 11, 20)

H1 = (
    {"full_name": "Lê Văn Hùng", "sex": "M", "birth_date": "12/03/1950", "relation": "Chủ hộ",
     "bhxh_code": "3800000001", "birth_place": "Xã Hải Hậu, Huyện Hải Hậu, Tỉnh Nam Định"},
    {"full_name": "Trần Thị Mai", "sex": "F", "birth_date": "05/07/1953", "relation": "Vợ",
     "bhxh_code": "3800000002", "birth_place": "Xã Hải Hậu, Huyện Hải Hậu, Tỉnh Nam Định"},
    {"full_name": "Le Van Nam", "sex": "M", "birth_date": "10/02/1980", "relation": "Con",
     "bhxh_code": "3800000003", "birth_place": "Xã Hải Hậu, Huyện Hải Hậu, Tỉnh Nam Định"},
)
# One person recorded twice (in another household, no diacritics), and a one-person household.
H2 = (
    {"full_name": "Lê Văn Nam", "sex": "M", "birth_date": "10/02/1980", "relation": "Chủ hộ",
     "bhxh_code": "3800000009", "birth_place": "X. Hải Hậu - H. Hải Hậu - T. Nam Định",
     "phone": "0912345678"},
)


@pytest.fixture
def reg(register):
    register.today = lambda: TODAY
    register.apply(AddHousehold(code="H1", members=H1))
    register.apply(AddHousehold(code="H2", members=H2))
    return register


def _findings(reg, kind=None):
    with reg.reading() as s:
        q = select(Finding).where(Finding.status != "void")
        if kind:
            q = q.where(Finding.kind == kind)
        return [(f.kind, f.status, f.fingerprint) for f in s.scalars(q)]


def _ids(reg, *codes):
    with reg.reading() as s:
        return [s.scalars(select(Person.id).where(Person.bhxh_code == c)).one() for c in codes]


def test_run_review_stores_pairs_and_checks_and_updates_on_rerun(reg):
    r = reg.apply(RunReview())
    assert r.value["pairs"] == 1 and r.value["added"] >= 2
    dup = _findings(reg, "duplicate")
    a, b = _ids(reg, "3800000003", "3800000009")
    assert dup == [("duplicate", "open", fingerprint((a, b)))]
    with reg.reading() as s:
        f = s.scalars(select(Finding).where(Finding.kind == "duplicate")).one()
        assert f.score is not None and f.reasons and f.reasons[0]["key"]
        subjects = set(s.scalars(select(FindingSubject.person_id).where(FindingSubject.finding_id == f.id)))
        assert subjects == {a, b}
        hh2 = s.scalars(select(Household.id).where(Household.code == "H2")).one()
        one = s.scalars(select(Finding).where(Finding.kind == "review.one_person_household")).one()
        assert s.scalars(select(FindingSubject.household_id).where(FindingSubject.finding_id == one.id)).one() == hh2
    again = reg.apply(RunReview())
    assert again.value["added"] == 0 and again.value["closed"] == 0
    assert len(_findings(reg)) == len(set(_findings(reg)))


def test_findings_that_disappear_are_closed_and_undo_of_review(reg):
    reg.apply(RunReview())
    reg.apply(CorrectField("3800000003", {"birth_date": "1981-06-01", "full_name": "Lê Văn Năm"}))
    r = reg.apply(RunReview())
    assert r.value["closed"] >= 1
    assert [s for _, s, _ in _findings(reg, "duplicate")] == ["resolved"]
    reg.undo()
    assert [s for _, s, _ in _findings(reg, "duplicate")] == ["open"]


def test_confirm_distinct_never_flagged_again_and_undo(reg):
    reg.apply(RunReview())
    reg.apply(ConfirmDistinct("3800000003", "3800000009", note="hai người"))
    assert [s for _, s, _ in _findings(reg, "duplicate")] == ["resolved"]
    r = reg.apply(RunReview())
    assert r.value["pairs"] == 0
    assert [s for _, s, _ in _findings(reg, "duplicate")] == ["resolved"]
    with pytest.raises(HgdError) as e:
        reg.apply(ConfirmDistinct("3800000009", "3800000003"))
    assert e.value.key == "review.already_distinct"
    reg.undo()  # the second review
    reg.undo()  # the decision
    with reg.reading() as s:
        assert s.scalars(select(Resolution.status)).all() == ["void"]
    assert reg.apply(RunReview()).value["pairs"] == 1


def test_merge_keeps_both_codes_and_histories_and_undoes(reg):
    reg.apply(RunReview())
    keep, other = _ids(reg, "3800000003", "3800000009")
    r = reg.apply(MergePersons("3800000003", "3800000009", take=("full_name",)))
    assert r.value["taken"] == ["full_name", "phone"]
    with reg.reading() as s:
        a, b = s.get(Person, keep), s.get(Person, other)
        assert (a.full_name, a.phone, a.bhxh_code, a.status) == ("Lê Văn Nam", "0912345678", "3800000003", "active")
        assert (b.status, b.merged_into_id, b.bhxh_code) == ("merged", keep, "3800000009")
        kinds = [e.type for e in s.scalars(select(Event).where(Event.action_id == r.action_id))]
        assert kinds == ["correction", "correction"]
        res = s.scalars(select(Resolution)).one()
        assert (res.decision, res.subject_key) == ("merged", fingerprint((keep, other)))
        assert s.scalars(select(Household.status).where(Household.code == "H2")).one() == "dissolved"
    assert [s for _, s, _ in _findings(reg, "duplicate")] == ["resolved"]
    assert reg.apply(RunReview()).value["pairs"] == 0
    reg.undo()
    reg.undo()
    with reg.reading() as s:
        a, b = s.get(Person, keep), s.get(Person, other)
        assert (a.full_name, a.phone, b.status, b.merged_into_id) == ("Le Van Nam", None, "active", None)
        assert s.scalars(select(Household.status).where(Household.code == "H2")).one() == "active"
        assert s.scalars(select(Resolution.status)).all() == ["void"]


def test_merge_refuses_same_person_unknown_and_merged(reg):
    with pytest.raises(HgdError) as e:
        reg.apply(MergePersons("3800000003", "3800000003"))
    assert e.value.key == "review.same_person"
    with pytest.raises(HgdError) as e:
        reg.apply(MergePersons("3800000003", "3899999999"))
    assert e.value.key == "registry.no_person"
    with pytest.raises(HgdError) as e:
        reg.apply(MergePersons("3800000003", "3800000009", take=("status",)))
    assert e.value.key == "review.merge_fields"
    reg.apply(MergePersons("3800000003", "3800000009"))
    with pytest.raises(HgdError) as e:
        reg.apply(MergePersons("3800000001", "3800000009"))
    assert e.value.key == "registry.person_not_active"


def test_merge_of_a_head_into_another_household_is_refused_and_within_passes_headship(reg):
    with pytest.raises(HgdError) as e:
        reg.apply(MergePersons("3800000009", "3800000001"))  # H1 keeps members: its head cannot leave
    assert e.value.key == "review.merge_head"
    keep, head = _ids(reg, "3800000003", "3800000001")
    reg.apply(MergePersons("3800000003", "3800000001", fill_blanks=False))
    with reg.reading() as s:
        hh = s.scalars(select(Household).where(Household.code == "H1")).one()
        assert hh.head_person_id == keep
        assert s.get(Person, head).status == "merged"


def test_mark_household_checked_stays_resolved_and_undo(reg):
    with pytest.raises(HgdError) as e:
        reg.apply(MarkHouseholdChecked("H2"))
    assert e.value.key == "review.nothing_to_check"
    reg.apply(RunReview())
    r = reg.apply(MarkHouseholdChecked("H2", note="đã xác minh"))
    assert r.value["resolved"] == 1
    reg.apply(RunReview())
    assert [s for _, s, _ in _findings(reg, "review.one_person_household")] == ["resolved"]
    reg.undo()
    reg.undo()
    assert [s for _, s, _ in _findings(reg, "review.one_person_household")] == ["open"]


def test_correct_field_resolves_its_finding_and_leaves_an_event(reg):
    reg.apply(RunReview())
    with reg.reading() as s:
        f = s.scalars(select(Finding).where(Finding.kind == "review.name_caps")).first()
    assert f is None  # no capitals in this register: add one
    reg.apply(AddHousehold(code="H3", members=({"full_name": "NGUYỄN VĂN AN", "sex": "M", "birth_date": "1990",
                                                 "relation": "Chủ hộ"},)))
    reg.apply(RunReview())
    with reg.reading() as s:
        f = s.scalars(select(Finding).where(Finding.kind == "review.name_caps")).one()
        pid = s.scalars(select(FindingSubject.person_id).where(FindingSubject.finding_id == f.id)).one()
    r = reg.apply(CorrectField(pid, {"full_name": "Nguyễn Văn An"}, finding=f.fingerprint))
    with reg.reading() as s:
        assert s.get(Finding, f.id).status == "resolved"
        assert [e.type for e in s.scalars(select(Event).where(Event.action_id == r.action_id))] == ["correction"]
    with pytest.raises(HgdError) as e:
        reg.apply(CorrectField(pid, {"full_name": "Nguyễn Văn Ân"}, finding=f.fingerprint))
    assert e.value.key == "review.no_finding"
    reg.undo()
    with reg.reading() as s:
        assert s.get(Finding, f.id).status == "open"
        assert s.get(Person, pid).full_name == "NGUYỄN VĂN AN"


def test_review_and_merge_on_both_dialects(any_register):
    reg = any_register
    reg.today = lambda: TODAY
    reg.apply(AddHousehold(code="H1", members=H1))
    reg.apply(AddHousehold(code="H2", members=H2))
    first = reg.apply(RunReview()).value
    assert first["pairs"] == 1 and first["added"] >= 2
    assert reg.apply(RunReview()).value["added"] == 0
    reg.apply(MergePersons("3800000003", "3800000009"))
    assert [s for _, s, _ in _findings(reg, "duplicate")] == ["resolved"]
    reg.undo()
    assert [s for _, s, _ in _findings(reg, "duplicate")] == ["open"]


def test_review_reports_its_stages_and_a_cancel_stores_nothing(reg):
    from app.progress import Cancel

    seen = []
    reg.apply(RunReview(), progress=lambda done, total, stage: seen.append(stage))
    assert {"normalise", "block", "compare", "done"} <= set(seen)

    class AfterBlocking(Cancel):
        def check(self) -> None:
            if "block" in seen2:
                self.cancel()
            super().check()

    seen2: list[str] = []
    with pytest.raises(HgdError) as e:
        reg.apply(RunReview(), progress=lambda done, total, stage: seen2.append(stage), cancel=AfterBlocking())
    assert e.value.key == "op.cancelled"
    before = reg.actions(1)[0]["seq"]
    assert [a["kind"] for a in reg.actions(2)] == ["review", "add_household"]  # the cancelled one left no action
    assert len(_findings(reg)) == reg.apply(RunReview()).value["kept"]
    assert reg.actions(1)[0]["seq"] == before + 1


def test_persons_are_read_with_one_object_per_repeated_value(reg, monkeypatch):
    from app.review import service
    monkeypatch.setattr(service, "_READ_CHUNK", 2)   # values shared across chunks too
    with reg.reading() as session:
        table, persons = service.read_persons(session, reg.commune_id)
        expected = sorted(tuple(r) for r in session.connection().execute(
            select(*(Person.__table__.c[f] for f in service._CHECK_FIELDS))))
    assert sorted(persons) == expected and len(table) == 4
    fields = service._CHECK_FIELDS
    h1 = [p for p in persons if p[fields.index("bhxh_code")] in ("3800000001", "3800000003")]
    for name in ("household_id", "birth_place", "status"):
        assert h1[0][fields.index(name)] is h1[1][fields.index(name)], name
