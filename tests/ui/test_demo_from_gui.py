"""The demo commune from the GUI: built off the GUI thread at the default place (or the --db path), then shown."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from ui import opening, places, startup
from ui.first_run import FirstRunDialog
from ui.main_window import MainWindow

pytest.importorskip("app.demo")


@pytest.fixture(autouse=True)
def small_demo(monkeypatch):
    monkeypatch.setattr(opening, "DEMO_PERSONS", 300)


def test_the_demo_button_builds_the_demo_and_the_window_shows_its_counts(hgd_app, qtbot, boxes):
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    assert not dialog.demo_button.isEnabled()      # built off the GUI thread; the choices wait meanwhile
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=60000)
    assert boxes.shown == []
    reg = dialog.register
    assert reg.where == str(places.demo_path()) and places.demo_path().exists()

    window = MainWindow(reg)
    qtbot.addWidget(window)
    window.settle()
    stats = reg.stats()
    view = window.overview
    for key, value in {"persons.active": stats["persons"]["active"],
                       "persons.dead": stats["persons"]["by_status"].get("dead", 0),
                       "households.one_person": stats["households"]["one_person"],
                       "cards.expired": stats["cards"]["expired"],
                       **{f"events.{k}": n for k, n in stats["events"].items()}}.items():
        assert view.value_text(key) == f"{value:,}".replace(",", "."), key  # Vietnamese: 1.234
    assert window.windowTitle() == f"hgd — {reg.commune()['commune_name']}"
    window.close()


def test_demo_flag_opens_the_demo_made_earlier_without_rebuilding_it(hgd_app, monkeypatch):
    first = startup.first_register(demo=True)
    first.close()
    stamp = places.demo_path().stat().st_mtime_ns
    monkeypatch.setattr(opening, "build_demo", lambda *a: pytest.fail("the demo was built again"))
    again = startup.first_register(demo=True)
    assert again is not None and again.where == str(places.demo_path())
    again.close()
    assert places.demo_path().stat().st_mtime_ns == stamp


def test_the_demo_never_goes_to_the_path_meant_for_the_real_register(hgd_app, qtbot, tmp_path):
    """Issue 12, item 12: --db names the clerk's future register; the demo button builds the demo in its own file."""
    wanted = tmp_path / "thu" / "xa-that.db"
    dialog = FirstRunDialog(wanted)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.register is not None, timeout=60000)
    assert dialog.register.where == str(places.demo_path())
    dialog.register.close()
    assert not wanted.exists() and not wanted.parent.exists()


def test_the_menus_demo_is_built_while_the_window_stays_live_then_shown(hgd_app, qtbot, small_register):
    window = MainWindow(small_register)
    qtbot.addWidget(window)
    window.show()
    window.settle()
    window.open_demo()
    assert window.reg.where == small_register.where     # returned at once: the demo is built off the GUI thread
    qtbot.waitUntil(lambda: window.reg is not None and window.reg.where == str(places.demo_path()), timeout=60000)
    window.settle()
    assert window.windowTitle() == f"hgd — {window.reg.commune()['commune_name']}"
    window.close()
