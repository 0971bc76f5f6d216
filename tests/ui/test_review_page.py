"""The review page: kinds with counts, a pair side by side with the differences marked, merge / distinct / skip by
keyboard, a household marked checked; each resolution undone; every model through qtmodeltester."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.register import Register
from app.registry import AddHousehold
from tests.conftest import COMMUNE
from ui.context import AppContext, SyncRunner
from ui.pages.review import ReviewPage

TODAY = date(2026, 11, 20)
PLACE = "Xã Hải Hậu, Huyện Hải Hậu, Tỉnh Nam Định"
H1 = ({"full_name": "Lê Văn Hùng", "sex": "M", "birth_date": "12/03/1950", "relation": "Chủ hộ",
       "bhxh_code": "3800000001", "birth_place": PLACE},
      {"full_name": "Le Van Nam", "sex": "M", "birth_date": "10/02/1980", "relation": "Con",
       "bhxh_code": "3800000003", "birth_place": PLACE})
H2 = ({"full_name": "Lê Văn Nam", "sex": "M", "birth_date": "10/02/1980", "relation": "Chủ hộ",
       "bhxh_code": "3800000009", "birth_place": "X. Hải Hậu - H. Hải Hậu - T. Nam Định", "phone": "0912345678"},)
H3 = ({"full_name": "Trần Thị Hoa", "sex": "F", "birth_date": "14/06/1970", "relation": "Chủ hộ",
       "bhxh_code": "3800000020", "birth_place": PLACE},
      {"full_name": "Phạm Văn Tú", "sex": "M", "birth_date": "02/09/1968", "relation": "Chồng",
       "bhxh_code": "3800000022", "birth_place": PLACE})
H4 = ({"full_name": "Trần Thị Hòa", "sex": "F", "birth_date": "14/06/1970", "relation": "Chủ hộ",
       "bhxh_code": "3800000021", "birth_place": PLACE},
      {"full_name": "Đỗ Minh Tâm", "sex": "M", "birth_date": "03/03/1995", "relation": "Con",
       "bhxh_code": "3800000023", "birth_place": PLACE})


@pytest.fixture
def page(tmp_path, hgd_app, qtbot):
    db = tmp_path / "xa.db"
    with Register.create(db, COMMUNE, user="test") as reg:
        reg.today = lambda: TODAY
        for code, members in (("H1", H1), ("H2", H2), ("H3", H3), ("H4", H4)):
            reg.apply(AddHousehold(code=code, members=members))
    runner = SyncRunner(str(db))
    ctx = AppContext(str(db), runner)
    p = ReviewPage(ctx)
    ctx.changed.connect(p.refresh)
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.show()
    p.refresh(None)
    yield p
    runner.close()


def _persons(page):
    with Register.open(page.ctx.db, write=False) as reg:
        from app.views.review import pairs
        return pairs(reg, status=None)


def test_run_review_shows_kinds_and_the_pair(page, qtbot, qtmodeltester):
    assert page.stack.currentWidget() is page.empty
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    kinds = [k.kind for k in page.kinds.kinds]
    assert kinds[0] == "duplicate" and "review.one_person_household" in kinds
    assert page.stack.currentWidget() is page.pair_page
    assert len(page.pairs) == 2
    qtmodeltester.check(page.kinds)
    qtmodeltester.check(page.pair_model)
    m = page.pair_model
    rows = {m.index(r, 0).data(): r for r in range(m.rowCount())}
    assert "Họ và tên" in rows or "Full name" in rows
    assert m.index(0, 1).data(Qt.ItemDataRole.BackgroundRole) is not None or page.pair().differs
    assert "ngày sinh" in page.reasons.text()
    assert "1" in page.position.text() and "2" in page.position.text()
    QTest.keyClick(page, Qt.Key.Key_N)
    assert page.current == 1
    QTest.keyClick(page, Qt.Key.Key_P)
    assert page.current == 0


def test_merge_by_key_with_a_field_taken_then_undo(page, qtbot):
    page.run_review()
    target = next(i for i, p in enumerate(page.pairs) if {p.a["bhxh_code"], p.b["bhxh_code"]} ==
                  {"3800000003", "3800000009"})
    page.current = target
    page._show_pair()
    m = page.pair_model
    name_row = [m.index(r, 0).data() for r in range(m.rowCount())].index(m.index(0, 0).data())
    assert m.setData(m.index(name_row, 3), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    kept, other, s_fp = page.pair().a, page.pair().b, page.pair().fingerprint
    QTest.keyClick(page, Qt.Key.Key_M)
    assert len(page.pairs) == 1
    assert [p.status for p in _persons(page) if p.fingerprint == s_fp] == ["resolved"]
    s_kept = next(p for p in _persons(page) if p.a["id"] == kept["id"] or p.b["id"] == kept["id"])
    merged = s_kept.b if s_kept.b["id"] == other["id"] else s_kept.a
    now_kept = s_kept.a if s_kept.a["id"] == kept["id"] else s_kept.b
    assert merged["status"] == "merged" and now_kept["full_name"] == other["full_name"] != kept["full_name"]
    page.ctx.runner.undo()
    assert len(page.pairs) == 2
    back = next(p for p in _persons(page) if p.fingerprint == s_fp)
    assert (back.a if back.a["id"] == kept["id"] else back.b)["full_name"] == kept["full_name"]


def test_distinct_and_skip_then_undo(page, qtbot):
    page.run_review()
    first = page.pair()
    QTest.keyClick(page, Qt.Key.Key_S)
    assert page.current == 1
    QTest.keyClick(page, Qt.Key.Key_D)
    assert len(page.pairs) == 1 and page.pairs[0].fingerprint == first.fingerprint
    page.ctx.runner.undo()
    assert len(page.pairs) == 2


def test_household_checked_and_undo(page, qtbot, qtmodeltester):
    page.run_review()
    kinds = [k.kind for k in page.kinds.kinds]
    page.kind_view.setCurrentIndex(page.kinds.index(kinds.index("review.one_person_household")))
    assert page.stack.currentWidget() is page.finding_page
    qtmodeltester.check(page.finding_model)
    assert "H2" in page.finding_model.rows[0].message
    QTest.keyClick(page, Qt.Key.Key_C)
    one = next(k for k in page.kinds.kinds if k.kind == "review.one_person_household")
    assert (one.open, one.resolved) == (0, 1)
    page.ctx.runner.undo()
    one = next(k for k in page.kinds.kinds if k.kind == "review.one_person_household")
    assert (one.open, one.resolved) == (1, 0)


def test_cancel_leaves_nothing(page, qtbot, monkeypatch):
    from app.progress import Cancel

    class Cancelled(Cancel):
        def __init__(self) -> None:
            super().__init__()
            self.cancel()

    monkeypatch.setattr("ui.context.Cancel", Cancelled)
    failures = []
    page.ctx.runner.apply(__import__("app.review.service", fromlist=["RunReview"]).RunReview(), cancellable=True,
                          on_failed=failures.append)
    assert failures and page.kinds.kinds == []
