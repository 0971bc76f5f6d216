"""The card-holder reconciliation tab: the office's list matched, proposals accepted as one undoable action, saved."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from app.store.models import Person
from tests.ui.pages_world import Answers, demo_file, world  # noqa: F401 (fixtures)
from ui.pages.periods import PeriodsPage

sys.path.insert(0, str(Path(__file__).parents[1] / "corpus"))
from card_list import write_card_list


@pytest.fixture
def panel(world, hgd_app, qtbot):
    page = PeriodsPage(world.ctx)  # held by this generator frame until the test ends
    page.cards.dialogs = Answers()
    qtbot.addWidget(page)
    page.tabs.setCurrentIndex(1)
    yield page.cards
    page.close()


def _holders_file(world, tmp_path):
    with world.reg().reading() as s:
        people = list(s.scalars(select(Person).where(Person.status == "active", Person.bhxh_code.is_not(None))
                                .order_by(Person.id).limit(6)))
    holders = [{"bhxh_code": p.bhxh_code, "full_name": p.full_name, "birth_date": p.birth_date, "sex": p.sex,
                "group_code": p.group_code, "card_number": p.card_number, "card_valid_from": p.card_valid_from,
                "card_valid_to": p.card_valid_to} for p in people]
    holders[0]["card_valid_to"] = "2031-12-31"   # the office's card ends later than the register says
    holders.append({"bhxh_code": "0199999999", "full_name": "Người Lạ Hoắc", "birth_date": "1970-01-01",
                    "sex": "M", "group_code": "HN"})
    return str(write_card_list(tmp_path / "the-bhxh.xlsx", holders)), people[0].id


def _count(world):
    with world.reg().reading() as s:
        return s.scalar(select(func.count()).select_from(Person).where(Person.status == "active"))


def test_the_model_passes_the_model_tester_with_rows(panel, world, tmp_path, qtmodeltester):
    panel.dialogs.file, _ = _holders_file(world, tmp_path)
    panel.choose_button.click()
    assert panel.model.rows
    qtmodeltester.check(panel.model)


def test_matched_unmatched_and_differences_are_shown_then_accepted_and_undone(panel, world, tmp_path):
    panel.dialogs.file, first = _holders_file(world, tmp_path)
    panel.choose_button.click()
    text = panel.summary.text()
    assert "7 người có thẻ; 6 khớp với sổ" in text and "Có thẻ, chưa có trong sổ: 1" in text
    kinds = [p.kind for p in panel.model.rows]
    assert "missing_from_register" in kinds and "differs" in kinds
    differs = next(p for p in panel.model.rows if p.kind == "differs" and p.person_id == first)
    row = panel.model.rows.index(differs)
    assert "Thẻ đến ngày" in panel.model.data(panel.model.index(row, 4)) and "2031-12-31" in differs.fields[-1]["card"]
    # only the holder missing from the register and the card that differs: uncheck the rest
    for i, p in enumerate(panel.model.rows):
        keep = p is differs or p.kind == "missing_from_register"
        panel.model.setData(panel.model.index(i, 0), 2 if keep else 0, 10)  # Qt.CheckStateRole
    before = _count(world)
    panel.accept_button.click()
    assert _count(world) == before + 1
    with world.reg().reading() as s:
        assert s.get(Person, first).card_valid_to == "2031-12-31"
    assert "Đã chấp nhận 2 đề nghị" in panel.message.text()
    world.runner.undo()
    assert _count(world) == before
    with world.reg().reading() as s:
        assert s.get(Person, first).card_valid_to != "2031-12-31"


def test_nothing_checked_is_said(panel, world, tmp_path):
    panel.dialogs.file, _ = _holders_file(world, tmp_path)
    panel.choose_button.click()
    for i in range(len(panel.model.rows)):
        panel.model.setData(panel.model.index(i, 0), 0, 10)
    n = len(world.changes)
    panel.accept_button.click()
    assert "Hãy đánh dấu" in panel.message.text() and len(world.changes) == n


def test_the_result_is_saved_and_a_bad_file_is_said(panel, world, tmp_path):
    panel.dialogs.file, _ = _holders_file(world, tmp_path)
    panel.choose_button.click()
    panel.dialogs.save = str(tmp_path / "ket-qua.xlsx")
    panel.save_button.click()
    rows = list(load_workbook(tmp_path / "ket-qua.xlsx")["Đề nghị"].values)
    assert any(r[2] == "Người Lạ Hoắc" for r in rows[1:])
    bad = tmp_path / "rong.csv"
    bad.write_text("", encoding="utf-8")
    panel.dialogs.file = str(bad)
    panel.choose_button.click()
    assert panel.result is None and panel.message.text() and not panel.save_button.isEnabled()
