"""All or nothing, --skip-invalid, --dry-run, idempotence, one audited action, progress and cancel."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.io import import_persons
from app.store.models import Action, AuditEntry, Household, Person

sys.path.insert(0, str(Path(__file__).parents[1] / "corpus"))
from make_sheets import xlsx

TODAY = date(2025, 12, 1)
HEADER = ["Họ và tên", "Ngày sinh", "Mã hộ", "Quan hệ với chủ hộ", "Mã số BHXH"]
GOOD = [["Lê Văn An", "15/03/1975", "H1", "Chủ hộ", "3601234567"],
        ["Lê Thị Bình", "1978", "H1", "Vợ", "3601234568"],
        ["Phạm Văn Cường", "02/01/1960", "H2", "Chủ hộ", ""]]
BAD = [["Trần Văn Dũng", "31/02/1990", "H3", "Chủ hộ", ""],
       ["", "1990", "H3", "Vợ", ""],
       ["Trần Thị Em", "1992", "H3", "Con", "12AB"]]


def counts(register):
    with register.reading() as s:
        return (s.scalar(select(func.count()).select_from(Person)),
                s.scalar(select(func.count()).select_from(Household)),
                s.scalar(select(func.count()).select_from(Action).where(Action.kind == "import")))


def test_one_rejected_row_means_nothing_is_written_and_every_rejected_row_is_listed(register, tmp_path):
    path = xlsx(tmp_path / "f.xlsx", [HEADER] + GOOD + BAD)
    report = import_persons(register, path, today=TODAY)
    assert not report.committed and report.refused
    assert counts(register) == (0, 0, 0)
    assert [(i.row, i.reason_key) for i in report.rejected] == [
        (5, "date.impossible"), (6, "row.no_name"), (7, "bhxh.malformed")]
    assert report.rows_rejected == 3 and report.persons_valid == 3 and report.persons_added == 0
    lines = report.summary_lines()
    assert lines[0].startswith("Không nhập gì: 3 dòng bị từ chối") and "--skip-invalid" in lines[0]
    assert sum(1 for line in lines if line.strip().startswith("Dòng ")) == 3


def test_skip_invalid_imports_the_valid_rows(register, tmp_path):
    path = xlsx(tmp_path / "f.xlsx", [HEADER] + GOOD + BAD)
    report = import_persons(register, path, skip_invalid=True, today=TODAY)
    assert report.committed and report.persons_added == 3 and report.households_added == 2
    assert counts(register) == (3, 2, 1)
    assert report.summary_lines()[:2] == ["Đã nhập 3 người, 2 hộ mới.", "Đã bỏ qua 3 dòng không hợp lệ:"]


def test_dry_run_writes_nothing_ever_and_says_what_it_would_do(register, tmp_path):
    path = xlsx(tmp_path / "f.xlsx", [HEADER] + GOOD)
    report = import_persons(register, path, dry_run=True, today=TODAY)
    assert report.dry_run and not report.committed and report.persons_added == 3 and report.households_added == 2
    assert counts(register) == (0, 0, 0)
    assert report.summary_lines()[0] == "Chạy thử, chưa ghi gì vào sổ: sẽ nhập 3 người, 2 hộ mới."
    report = import_persons(register, xlsx(tmp_path / "g.xlsx", [HEADER] + GOOD + BAD), dry_run=True,
                            skip_invalid=True, today=TODAY)
    assert not report.committed and counts(register) == (0, 0, 0)


def test_importing_the_same_file_twice_adds_nothing(register, tmp_path):
    path = xlsx(tmp_path / "f.xlsx", [HEADER] + GOOD)
    first = import_persons(register, path, today=TODAY)
    second = import_persons(register, path, today=TODAY)
    assert first.persons_added == 3 and second.persons_added == 0 and second.households_added == 0
    assert second.persons_present == 3 and [i.reason_key for i in second.present] == ["row.present"] * 3
    assert counts(register) == (3, 2, 1)  # the second import changed nothing, not even an action
    assert "3 người đã có trong sổ, không nhập lại." in second.summary_lines()


def test_a_file_listing_one_person_in_two_households_imported_again_changes_nothing(register, tmp_path):
    # the second row, by its CCCD the same person without diacritics or code, elsewhere: two records for the review
    header = HEADER + ["Số CCCD", "Thôn, xóm"]
    rows = [["Trần Quang Phát", "18/03/1963", "H1", "Chủ hộ", "3601234567", "036063054594", "Thôn 8"],
            ["Tran Quang Phat", "18/03/1963", "H9", "Chủ hộ", "", "036063054594", "Thôn 4"]]
    path = xlsx(tmp_path / "f.xlsx", [header] + rows)
    first = import_persons(register, path, today=TODAY)
    assert first.persons_added == 2
    for _ in range(2):
        again = import_persons(register, path, today=TODAY)
        assert again.persons_updated == 0 and again.persons_present == 2
    assert counts(register) == (2, 2, 1)
    with register.reading() as s:
        assert sorted(s.scalars(select(Person.address))) == ["Thôn 4", "Thôn 8"]


def test_a_bhxh_code_of_another_person_in_the_register_refuses_the_row_naming_both(register, tmp_path):
    import_persons(register, xlsx(tmp_path / "f.xlsx", [HEADER] + GOOD), today=TODAY)
    other = [["Trần Thị Lan", "15/03/1990", "H5", "Chủ hộ", "3601234567"]]  # Lê Văn An's code
    report = import_persons(register, xlsx(tmp_path / "g.xlsx", [HEADER] + other), today=TODAY)
    assert report.refused and report.persons_added == 0 and counts(register) == (3, 2, 1)
    (issue,) = report.rejected
    assert (issue.row, issue.reason_key, issue.params["other"], issue.params["name"]) == (
        2, "row.bhxh_other_person", "Lê Văn An", "Trần Thị Lan")
    assert "Lê Văn An" in issue.line() and "Trần Thị Lan" in issue.line()


def test_a_bhxh_code_twice_in_the_file_for_two_people_refuses_the_second_row(register, tmp_path):
    rows = GOOD + [["Lê Thị Mai", "2001", "H1", "Con", "3601234567"]]
    report = import_persons(register, xlsx(tmp_path / "f.xlsx", [HEADER] + rows), today=TODAY)
    assert report.refused and counts(register) == (0, 0, 0)
    assert [(i.row, i.reason_key, i.params["row"]) for i in report.rejected] == [(5, "row.bhxh_twice", 2)]
    report = import_persons(register, xlsx(tmp_path / "f.xlsx", [HEADER] + rows), today=TODAY, skip_invalid=True)
    assert report.persons_added == 3 and counts(register) == (3, 2, 1)


def test_the_same_person_twice_in_a_file_is_imported_once(register, tmp_path):
    rows = GOOD + [GOOD[0]]
    report = import_persons(register, xlsx(tmp_path / "f.xlsx", [HEADER] + rows), today=TODAY)
    assert report.persons_added == 3 and [i.reason_key for i in report.present] == ["row.same_as_row"]


def test_the_import_is_one_audited_action(register, tmp_path):
    report = import_persons(register, xlsx(tmp_path / "danh_sach.xlsx", [HEADER] + GOOD), today=TODAY)
    with register.reading() as s:
        action = s.scalars(select(Action).where(Action.kind == "import")).one()
        audits = s.scalars(select(AuditEntry).where(AuditEntry.action_id == action.id)).all()
    assert (action.label_key, action.label_params) == ("op.import", {"file": "danh_sach.xlsx"})
    assert action.summary["persons_added"] == 3 and action.params["file"] == "danh_sach.xlsx"
    created = [a for a in audits if a.field == "*"]
    assert len(created) == report.persons_added + report.households_added
    heads = [a.new for a in audits if a.entity == "household" and a.field == "head_person_id"]
    assert len(heads) == 2  # each new household gets its head, audited


def test_progress_is_reported_and_a_raise_cancels_with_nothing_written(register, tmp_path):
    rows = [[f"Người {i}", "1975", f"H{i // 4}", "Con", ""] for i in range(5000)]
    path = xlsx(tmp_path / "f.xlsx", [HEADER] + rows)
    seen = []
    import_persons(register, path, dry_run=True, today=TODAY, progress=lambda d, t, stage: seen.append((d, t)))
    assert len(seen) >= 3 and seen[-1][0] == seen[-1][1] and all(d <= t for d, t in seen)

    class Cancel(Exception):
        pass

    def cancel(done, total, stage):
        if done > 2000:
            raise Cancel
    with pytest.raises(Cancel):
        import_persons(register, path, today=TODAY, progress=cancel)
    assert counts(register) == (0, 0, 0)


def test_a_cancel_token_stops_the_import_and_writes_nothing(register, tmp_path):
    from app.errors import HgdError
    from app.progress import Cancel as Token

    rows = [[f"Người {i}", "1975", f"H{i // 4}", "Con", ""] for i in range(5000)]
    path = xlsx(tmp_path / "f.xlsx", [HEADER] + rows)
    token = Token()

    def press_cancel(done, total, stage):
        if done > 2000:
            token.cancel()
    with pytest.raises(HgdError) as err:
        import_persons(register, path, today=TODAY, progress=press_cancel, cancel=token)
    assert err.value.key == "op.cancelled" and counts(register) == (0, 0, 0)
