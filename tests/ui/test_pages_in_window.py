"""The pages built here inside the main window: in the side bar, and a change of the commune on the settings page
shows in the window's header and title."""
from __future__ import annotations

from ui.main_window import MainWindow
from ui.pages.import_page import ImportPage
from ui.pages.periods import PeriodsPage
from ui.pages.settings import SettingsPage


def test_the_side_bar_holds_the_pages_and_the_header_follows_the_settings(hgd_app, qtbot, small_register):
    window = MainWindow(small_register)
    qtbot.addWidget(window)
    window.show()
    window.settle()
    titles = [window.side.item(i).text() for i in range(window.side.count())]
    assert {"Nhập tệp", "Kỳ báo cáo và danh sách", "Cài đặt"} <= set(titles)
    settings = window.page(SettingsPage)
    window.show_page(window.pages.index(settings))
    window.settle()
    assert settings.fields["name"].text() == "Xã Thử Nghiệm"
    settings.fields["clerk"].setText("Đỗ Thị Mới")
    settings.save_button.click()
    window.settle()
    qtbot.waitUntil(lambda: "Đỗ Thị Mới" in window.header.people.text())
    assert window.undo_action.text().startswith("Hoàn tác: Cập nhật thông tin xã")
    window.show_page(window.pages.index(window.page(PeriodsPage)))
    window.settle()
    assert window.page(PeriodsPage).periods.rows
    assert window.page(ImportPage) is not None
    window.close()
