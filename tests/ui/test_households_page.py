"""The households page on a small register: search, filters, the lazy model, every event dialog applied to the
database (with its preview first), undo and redo."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from app.store.models import Household, Person
from app.views.households import HouseholdFilter, HouseholdIndex, households_page
from ui.context import AppContext, SyncRunner
from ui.households.model import HouseholdsModel, MembersModel
from ui.pages.households import HouseholdsPage


@pytest.fixture
def page(hgd_app, qtbot, small_register):
    runner = SyncRunner(small_register.where, register=small_register)
    ctx = AppContext(small_register.where, runner)
    ctx.changed.connect(lambda changes: page.refresh(changes))
    page = HouseholdsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh(None)
    yield page
    runner._write = None   # the fixture closes its register itself
    runner.close()


def person(reg, name):
    with reg.reading() as s:
        return s.scalars(select(Person).where(Person.full_name == name)).first()


def household(reg, code):
    with reg.reading() as s:
        return s.scalars(select(Household).where(Household.code == code)).first()


def choose(page, code):
    page.search.setText(code)
    page.apply_filter()
    row = next(r for r in range(page.model.rowCount()) if page.model.row_at(r).code == code)
    page.table.selectRow(row)
    assert page.detail is not None and page.detail.code == code


def choose_member(page, name):
    row = next(r for r in range(page.members_model.rowCount()) if page.members_model.member(r).full_name == name)
    page.members.selectRow(row)


def preview_and_apply(dialog):
    assert not dialog.apply_button.isEnabled()
    dialog.preview_button.click()
    assert dialog.error.isHidden(), dialog.error.text()
    text = dialog.preview_text.toPlainText()
    assert text
    assert dialog.apply_button.isEnabled()
    dialog.apply_button.click()
    assert dialog.result_value is not None, dialog.error.text()
    return text


# --- search, filters, models -----------------------------------------------------------------------------------
@pytest.mark.parametrize("typed, codes", [
    ("", ["H1", "H2"]), ("nguyen van an", ["H1"]), ("NGUYỄN   văn  AN", ["H1"]), ("nguyenvanan", ["H1"]),
    ("le thi binh", ["H1"]), ("hoang", ["H2"]), ("3712345679", ["H1"]), ("h2", ["H2"]), ("zzz", []),
])
def test_search_folds_case_diacritics_and_spacing(small_register, typed, codes):
    found = households_page(small_register, HouseholdFilter(text=typed))
    assert [r.code for r in found.rows] == codes and found.total == len(codes)


def test_filters_by_hamlet_status_and_group(small_register):
    index = HouseholdIndex.build(small_register)
    assert index.hamlets() == ["Thôn Đông", "Thôn Tây"]
    assert len(index.search(HouseholdFilter(hamlet="Thôn Tây"))) == 1
    assert index.search(HouseholdFilter(group="TE")) == []
    assert len(index.search(HouseholdFilter(status=None))) == 2


def test_the_page_searches_as_you_type(page, qtbot):
    assert page.status.currentData() == "active"
    assert page.model.total == 2 and page.count.text() == "2 hộ"
    page.search.setText("hoàng thị em")
    qtbot.waitUntil(lambda: page.model.total == 1, timeout=2000)
    assert page.model.row_at(0).code == "H2"
    page.hamlet.setCurrentIndex(page.hamlet.findData("Thôn Đông"))
    assert page.model.total == 0


def test_the_list_shows_before_the_search_index_is_built(page, qtbot):
    page.refresh(None)   # the index is dropped; the first page comes from SQL, the index is built after it
    assert page.model.index_ready() is None
    assert page.model.total == 2 and page.count.text() == "2 hộ"
    assert page.model.data(page.model.index(0, 0)) == "H1"
    built = []
    page.model.index_built = lambda: built.append(True)
    qtbot.waitUntil(lambda: page.model.index_ready() is not None and bool(built), timeout=2000)
    page.search.setText("hoang")
    page.apply_filter()
    assert page.model.total == 1 and page.model.row_at(0).code == "H2"
    page.model.retranslate()
    assert page.model.data(page.model.index(0, 1)) == "(chưa có chủ hộ)"   # H2 has no head


def test_households_model_passes_the_model_tester(page, qtmodeltester):
    qtmodeltester.check(page.model)


def test_the_lazy_model_fetches_pages(small_register, qtmodeltester, monkeypatch):
    import app.views.households as views
    import ui.households.model as model_module

    monkeypatch.setattr(views, "PAGE", 1)
    monkeypatch.setattr(model_module, "PAGE", 1)
    model = HouseholdsModel(SyncRunner(small_register.where, register=small_register))
    model.search(HouseholdFilter())
    assert model.total == 2 and model.rowCount() == 1 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 2 and not model.canFetchMore()
    qtmodeltester.check(model)


def test_members_model_passes_the_model_tester(page, qtmodeltester):
    choose(page, "H1")
    assert isinstance(page.members_model, MembersModel)
    assert page.members_model.rowCount() == 3   # Dũng died: among the former members
    assert "Nguyễn Văn Dũng" in page.former_label.text()
    first = page.members_model.member(0)
    assert first.full_name == "Nguyễn Văn An" and first.is_head
    qtmodeltester.check(page.members_model)


# --- events ----------------------------------------------------------------------------------------------------
def test_birth_with_preview_then_undo_and_redo(page, small_register):
    choose(page, "H1")
    dialog = page.record_birth()
    dialog.full_name.setText("Nguyễn Thị Hoa")
    dialog.sex.setCurrentIndex(dialog.sex.findData("F"))
    dialog.birth_date.setText("01/03/2026")
    dialog.mother.setCurrentIndex(dialog.mother.findData(person(small_register, "Lê Thị Bình").id))
    text = preview_and_apply(dialog)
    assert "Nguyễn Thị Hoa" in text
    child = person(small_register, "Nguyễn Thị Hoa")
    assert child.household_id == household(small_register, "H1").id and child.group_code == "TE"
    assert page.members_model.rowCount() == 4   # refreshed by the change
    page.ctx.runner.undo()
    assert person(small_register, "Nguyễn Thị Hoa").status == "void"
    page.ctx.runner.redo()
    assert person(small_register, "Nguyễn Thị Hoa").status == "active"


def test_a_dialog_says_what_is_wrong_and_applies_nothing(page, small_register):
    choose(page, "H1")
    dialog = page.record_birth()
    dialog.full_name.setText("Trẻ Chưa Sinh")
    dialog.birth_date.setText("32/13/2026")
    dialog.preview_button.click()
    assert dialog.error.isVisible() and "32/13/2026" in dialog.error.text()
    assert not dialog.apply_button.isEnabled()
    assert person(small_register, "Trẻ Chưa Sinh") is None


def test_editing_a_field_asks_for_a_new_preview(page):
    choose(page, "H1")
    dialog = page.record_birth()
    dialog.full_name.setText("Nguyễn Văn Bé")
    dialog.preview_button.click()
    assert dialog.apply_button.isEnabled()
    dialog.full_name.setText("Nguyễn Văn Bé Hai")
    assert not dialog.apply_button.isEnabled()


def test_death_of_the_head_names_a_new_head(page, small_register):
    choose(page, "H1")
    choose_member(page, "Nguyễn Văn An")
    dialog = page.record_death()
    bình = person(small_register, "Lê Thị Bình")
    dialog.new_head.setCurrentIndex(dialog.new_head.findData(bình.id))
    dialog.date.setText("02/01/2026")
    preview_and_apply(dialog)
    assert person(small_register, "Nguyễn Văn An").status == "dead"
    assert household(small_register, "H1").head_person_id == bình.id
    page.ctx.runner.undo()
    assert person(small_register, "Nguyễn Văn An").status == "active"


def test_move_out(page, small_register):
    choose(page, "H1")
    choose_member(page, "Nguyễn Văn Cường")
    dialog = page.record_move_out()
    assert [b.isChecked() for b in dialog.boxes] == [False, False, True]
    dialog.destination.setText("Hà Nội")
    preview_and_apply(dialog)
    assert person(small_register, "Nguyễn Văn Cường").status == "moved_out"


def test_move_in_to_a_household_and_as_a_new_one(page, small_register):
    choose(page, "H2")
    dialog = page.record_move_in()
    dialog.full_name.setText("Trần Văn Khách")
    dialog.birth_date.setText("1990")
    dialog.relation.setCurrentIndex(dialog.relation.findData("con"))
    preview_and_apply(dialog)
    assert person(small_register, "Trần Văn Khách").household_id == household(small_register, "H2").id

    from ui.households.dialogs import MoveInDialog
    dialog = MoveInDialog(page.ctx, None, page)
    dialog.code.setText("H9")
    dialog.address.setText("Thôn Bắc")
    dialog.full_name.setText("Đỗ Thị Mới")
    dialog.sex.setCurrentIndex(dialog.sex.findData("F"))
    dialog.birth_date.setText("12/05/1985")
    preview_and_apply(dialog)
    assert household(small_register, "H9").head_person_id == person(small_register, "Đỗ Thị Mới").id


def test_split_and_merge(page, small_register):
    choose(page, "H1")
    dialog = page.split()
    for box in dialog.boxes:
        box.setChecked(box.text() == "Lê Thị Bình")
    dialog.new_head.setCurrentIndex(dialog.new_head.findText("Lê Thị Bình"))
    dialog.new_code.setText("H3")
    preview_and_apply(dialog)
    new = household(small_register, "H3")
    assert person(small_register, "Lê Thị Bình").household_id == new.id and new.head_person_id is not None

    choose(page, "H3")
    dialog = page.merge()
    dialog.target.setCurrentIndex(dialog.target.findData(household(small_register, "H1").id))
    preview_and_apply(dialog)
    assert household(small_register, "H3").status == "merged_into"
    assert person(small_register, "Lê Thị Bình").household_id == household(small_register, "H1").id


def test_change_of_head(page, small_register):
    choose(page, "H1")
    choose_member(page, "Lê Thị Bình")
    dialog = page.set_head()
    assert dialog.new_head.currentText() == "Lê Thị Bình"
    preview_and_apply(dialog)
    assert household(small_register, "H1").head_person_id == person(small_register, "Lê Thị Bình").id
    page.ctx.runner.undo()
    assert household(small_register, "H1").head_person_id == person(small_register, "Nguyễn Văn An").id


def test_group_change(page, small_register):
    choose(page, "H1")
    choose_member(page, "Nguyễn Văn An")
    dialog = page.change_group()
    dialog.group.setCurrentIndex(dialog.group.findData("GD"))
    preview_and_apply(dialog)
    assert person(small_register, "Nguyễn Văn An").group_code == "GD"


def test_add_household(page, small_register):
    dialog = page.add_household()
    dialog.code.setText("H7")
    dialog.address.setText("Thôn Nam")
    dialog.full_name.setText("Phan Văn Chủ")
    dialog.birth_date.setText("1970")
    preview_and_apply(dialog)
    assert household(small_register, "H7").head_person_id == person(small_register, "Phan Văn Chủ").id
    assert page.model.total == 3 or page.search.text()


# --- the member editor -----------------------------------------------------------------------------------------
def test_member_editor_checks_as_typed_and_corrects(page, small_register):
    choose(page, "H1")
    choose_member(page, "Lê Thị Bình")
    editor = page.edit_member()
    assert editor.editors["full_name"].text() == "Lê Thị Bình"
    assert "group_code" not in editor.editors      # a group changes through its own event
    editor.editors["bhxh_code"].setText("12")
    assert editor.notes["bhxh_code"].text()          # the message beside the field
    editor.editors["bhxh_code"].setText("3712345679")
    assert editor.notes["bhxh_code"].text() == ""
    editor.editors["id_number"].setText("037082000123")
    editor.editors["birth_date"].setText("31/02/1982")
    assert editor.notes["birth_date"].text()
    editor.editors["birth_date"].setText("15/02/1982")
    assert editor.notes["birth_date"].text() == ""
    editor.editors["phone"].setText("0912345678")
    text = preview_and_apply(editor)
    assert "0912345678" in text
    bình = person(small_register, "Lê Thị Bình")
    assert bình.phone == "0912345678" and bình.birth_date == "1982-02-15" and bình.id_number == "037082000123"


def test_member_editor_cross_checks_cccd_against_sex(page):
    choose(page, "H1")
    choose_member(page, "Lê Thị Bình")
    editor = page.edit_member()
    editor.editors["birth_date"].setText("1982")
    editor.editors["id_number"].setText("037082000123")    # century/sex digit 0: a man born 1900–1999
    assert editor.cross.text().startswith("⚠")


def test_member_editor_adds_a_member(page, small_register):
    choose(page, "H2")
    editor = page.add_member()
    editor.editors["full_name"].setText("Hoàng Văn Út")
    editor.editors["sex"].setCurrentIndex(editor.editors["sex"].findData("M"))
    editor.editors["birth_date"].setText("2001")
    editor.editors["relation"].setCurrentIndex(editor.editors["relation"].findData("con"))
    preview_and_apply(editor)
    assert person(small_register, "Hoàng Văn Út").household_id == household(small_register, "H2").id


def test_history_in_words(page, small_register):
    choose(page, "H1")
    choose_member(page, "Lê Thị Bình")
    editor = page.edit_member()
    editor.editors["phone"].setText("0987654321")
    preview_and_apply(editor)
    choose_member(page, "Lê Thị Bình")
    dialog = page.person_history()
    lines = [dialog.lines.item(i).text() for i in range(dialog.lines.count())]
    assert any("Số điện thoại" in line and "0987654321" in line for line in lines)
    dialog = page.show_history()
    assert dialog.lines.count() > 1
    dialog.show_on()
    assert dialog.state.count() >= 1


def test_household_history_names_the_head_not_its_id(page, small_register):
    choose(page, "H1")
    choose_member(page, "Lê Thị Bình")
    preview_and_apply(page.set_head())
    dialog = page.show_history()
    lines = [dialog.lines.item(i).text() for i in range(dialog.lines.count())]
    bình = person(small_register, "Lê Thị Bình")
    assert any("Chủ hộ" in line and "→ Lê Thị Bình" in line for line in lines)
    assert not any(bình.id in line for line in lines)
