"""The main window on a small register: its title, the commune's identity, the counts, the menus, the font."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel

from ui.app import setup_app
from ui.main_window import MainWindow


def open_window(qtbot, reg) -> MainWindow:
    window = MainWindow(reg)
    qtbot.addWidget(window)
    window.show()
    window.settle()
    return window


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text().replace("&", "") for action in window.menuBar().actions()]


def test_title_and_header_name_the_commune(hgd_app, qtbot, small_register):
    window = open_window(qtbot, small_register)
    assert window.windowTitle() == "hgd — Xã Thử Nghiệm"
    assert window.header.name.text() == "Xã Thử Nghiệm"
    assert window.header.place.text() == "Mã xã: 15703 · Tỉnh Ninh Bình"
    assert "Chủ tịch UBND xã: Nguyễn Văn Chủ" in window.header.people.text()
    assert "Cán bộ phụ trách: Trần Thị Ánh" in window.header.people.text()


def test_overview_shows_the_registers_counts(hgd_app, qtbot, small_register):
    view = open_window(qtbot, small_register).overview
    expected = {
        "persons.active": "4", "persons.male": "2", "persons.female": "2", "persons.ethnic_minority": "1",
        "persons.under_6": "1", "persons.dead": "1", "persons.moved_out": "1",
        "households.active": "2", "households.one_person": "1", "households.six_or_more": "0",
        "households.mean_size": "2,00", "households.without_head": "1",
        "cards.valid": "2", "cards.expired": "1", "cards.expiring_30_days": "1", "persons.without_bhxh_code": "2",
        "events.birth": "1",
    }
    assert {key: view.value_text(key) for key in expected} == expected
    assert view.findChild(QLabel, "share.persons.without_bhxh_code").text() == "50,0 %"


def test_the_age_pyramid_draws_men_left_and_women_right_by_band(hgd_app, qtbot, small_register):
    pyramid = open_window(qtbot, small_register).overview.pyramid
    expected = small_register.stats()["persons"]["age_pyramid"]
    rows = pyramid.rows()
    assert [band for band, _, _ in rows][:2] == ["80+", "75-79"] and rows[-1][0] == "0-4"  # the oldest on top
    assert {band: (m, f) for band, m, f in rows if m or f} == {b: (v["M"], v["F"]) for b, v in expected.items()}
    assert {b: (m, f) for b, m, f in rows}["0-4"] == (1, 0)
    assert not pyramid.grab().isNull()


def test_vietnamese_is_the_default_language(hgd_app, qtbot, small_register):
    window = open_window(qtbot, small_register)
    assert menu_titles(window) == ["Tệp", "Sửa", "Ngôn ngữ", "Trợ giúp"]
    assert [a.text().replace("&", "") for a in window.file_menu.actions() if a.text()] == [
        "Mở sổ…", "Tạo sổ mới…", "Mở xã mẫu (demo)", "Thoát"]
    assert window.overview.persons.title.text() == "Nhân khẩu"
    assert window.path_label.text() == f"Sổ: {small_register.where}"


def test_english_when_asked(hgd_app, qtbot, small_register):
    setup_app(hgd_app, "en")
    window = open_window(qtbot, small_register)
    assert menu_titles(window) == ["File", "Edit", "Language", "Help"]
    assert window.overview.persons.title.text() == "People"
    assert window.overview.value_text("households.mean_size") == "2.00"


def test_choosing_a_language_switches_at_once_and_is_saved(hgd_app, qtbot, small_register, boxes):
    from ui import settings

    window = open_window(qtbot, small_register)
    english = next(a for a in window.language_menu.actions() if a.data() == "en")
    english.trigger()
    window.settle()
    assert settings.language() == "en"
    assert boxes.shown == []   # no "restart to see it"
    assert menu_titles(window) == ["File", "Edit", "Language", "Help"]
    assert [window.side.item(i).text() for i in range(2)] == ["Overview", "Households"]
    assert window.overview.persons.title.text() == "People"
    assert window.overview.value_text("persons.active") == "4"
    vietnamese = next(a for a in window.language_menu.actions() if a.data() == "vi")
    vietnamese.trigger()
    window.settle()
    assert menu_titles(window) == ["Tệp", "Sửa", "Ngôn ngữ", "Trợ giúp"]
    assert window.side.item(0).text() == "Tổng quan"


def test_closing_the_window_closes_the_register(hgd_app, qtbot, small_register):
    window = open_window(qtbot, small_register)
    window.close()
    assert window.reg is None


def test_an_empty_register_leads_to_the_first_household(hgd_app, qtbot, tmp_path):
    from app.register import Register
    from ui.households.dialogs import AddHouseholdDialog
    from ui.pages.households import HouseholdsPage
    from ui.pages.overview import OverviewPage

    reg = Register.create(tmp_path / "moi.db", {"commune_name": "Xã Mới", "commune_code": "15703"})
    window = MainWindow(reg, sync=True)
    qtbot.addWidget(window)
    window.show()
    page = window.page(OverviewPage)
    assert page.empty.isVisible() and "chưa có ai" in page.empty_text.text()
    page.add_button.click()
    assert isinstance(window.stack.currentWidget(), HouseholdsPage)
    dialog = window.findChildren(AddHouseholdDialog)[-1]
    dialog.code.setText("H1")
    dialog.full_name.setText("Nguyễn Văn Đầu")
    dialog.preview_button.click()
    dialog.apply_button.click()
    window.show_page(0)
    assert not page.empty.isVisible() and page.value_text("persons.active") == "1"
    window.close()
