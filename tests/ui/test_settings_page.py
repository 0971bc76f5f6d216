"""The settings page: the commune's identity (looked up, saved, undone), the dated base salary, the language."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from app.store.models import Commune, Parameter
from tests.ui.pages_world import demo_file, world  # noqa: F401 (fixtures)
from ui import i18n
from ui import settings as prefs
from ui.pages.settings import SettingsPage


@pytest.fixture
def page(world, hgd_app, qtbot):
    p = SettingsPage(world.ctx)
    qtbot.addWidget(p)
    p.refresh(None)
    return p


def _commune(world):
    with world.reg().reading() as s:
        return s.scalars(select(Commune)).one()


def test_the_model_passes_the_model_tester(page, qtmodeltester):
    qtmodeltester.check(page.params)


def test_it_shows_the_commune_and_saves_a_change_that_undo_takes_back(page, world):
    assert page.fields["name"].text() == "Xã Khánh Trung" and page.fields["code"].text() == "14608"
    old = page.fields["chairman"].text()
    page.fields["chairman"].setText("Lê Văn Mới")
    page.fields["post_office"].setText("")
    page.save_button.click()
    c = _commune(world)
    assert c.chairman == "Lê Văn Mới" and c.post_office is None
    assert "Cập nhật thông tin xã" in page.identity_message.text()
    assert page.fields["chairman"].text() == "Lê Văn Mới"
    world.runner.undo()
    assert _commune(world).chairman == old
    page.refresh(world.changes[-1])
    assert page.fields["chairman"].text() == old


def test_nothing_changed_is_said_and_nothing_is_written(page, world):
    n = len(world.changes)
    page.save_button.click()
    assert page.identity_message.text() == "Không có gì thay đổi." and len(world.changes) == n


def test_a_new_name_is_looked_up_and_an_ambiguous_one_offers_its_communes(page, world):
    page.fields["name"].setText("Xã Tân Lập")
    page.fields["code"].setText("")
    page.save_button.click()
    assert _commune(world).name == "Xã Khánh Trung"   # not saved: which Tân Lập?
    assert "Có 3 xã tên Xã Tân Lập" in page.identity_message.text()
    assert not page.chooser.isHidden() and page.chooser.count() == 4
    i = next(i for i in range(1, 4) if "Lâm Đồng" in page.chooser.itemText(i))
    page.chooser.setCurrentIndex(i)
    page.chooser.activated.emit(i)
    assert page.fields["code"].text() == "23134" and page.fields["province_name"].text() == "Tỉnh Lâm Đồng"
    page.save_button.click()
    c = _commune(world)
    assert (c.name, c.code, c.province_name) == ("Xã Tân Lập", "23134", "Tỉnh Lâm Đồng")


def test_a_code_of_another_commune_is_refused(page, world):
    page.fields["code"].setText("15703")
    page.save_button.click()
    assert _commune(world).code == "14608"
    assert "15703" in page.identity_message.text() and "Dân Lý" in page.identity_message.text()


def test_a_dated_base_salary_is_added_and_undone(page, world):
    from PySide6.QtCore import QDate

    page.valid_from.setDate(QDate(2027, 7, 1))
    page.value.setText("2.600.000")
    page.source.setText("Nghị định 1/2027/NĐ-CP")
    page.add_button.click()
    with world.reg().reading() as s:
        row = s.scalars(select(Parameter).where(Parameter.valid_from == "2027-07-01")).one()
    assert row.value == 2_600_000 and row.source == "Nghị định 1/2027/NĐ-CP" and row.commune_id
    assert page.params.data(page.params.index(0, 0)) == "01/07/2027"
    assert page.params.data(page.params.index(0, 1)) == "2.600.000 đ"
    assert world.runner.reader().parameter("base_salary", __import__("datetime").date(2027, 8, 1)) == 2_600_000
    world.runner.undo()
    page.refresh(world.changes[-1])
    assert page.params.data(page.params.index(0, 0)) != "01/07/2027"


def test_a_missing_amount_is_said_beside_the_field(page, world):
    n = len(world.changes)
    page.value.setText("")
    page.add_button.click()
    assert "Hãy nhập số tiền" in page.param_message.text() and len(world.changes) == n


def test_the_language_switches_live_and_is_remembered(page, hgd_app, qtbot):
    assert page.title() == "Cài đặt"
    page.language.setCurrentIndex(1)
    page.language.activated.emit(1)
    assert i18n.current_language() == "en" and prefs.language() == "en"
    qtbot.waitUntil(lambda: page.save_button.text() == "Save the commune's details")
    assert page.title() == "Settings" and page.labels["bhxh_office"].text() == "Social insurance office:"
    page.language.setCurrentIndex(0)
    page.language.activated.emit(0)
    qtbot.waitUntil(lambda: page.save_button.text() == "Lưu thông tin xã")
