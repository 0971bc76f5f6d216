"""`make screenshots`: a picture of every screen and dialog on the demo commune, at 1366×768, in Vietnamese and in
English, into build/screenshots/<lang>/<scene>.png.

A scene is a function taking the main window and returning the widget to photograph (the window itself, or a dialog
it opened). Scenes come from SCENES below and from a `scenes()` function in any page module listed in ui/pages PAGES
(returning (name, function) pairs): that is how other pages add theirs.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable
from pathlib import Path

Scene = Callable[..., object]
SIZE = (1366, 768)
DEMO_PERSONS = 3000


def _households(window):
    from ui.pages.households import HouseholdsPage

    page = window.page(HouseholdsPage)
    window.show_page(window.pages.index(page))
    window.settle()
    return page


def _choose(window, text: str = ""):
    page = _households(window)
    page.search.setText(text)
    page.apply_filter()
    window.settle()
    row = next((r for r in range(page.model.rowCount()) if page.model.row_at(r).members >= 3), 0)
    page.table.selectRow(row)
    window.settle()
    page.table.resizeColumnsToContents()
    page.members.selectRow(0)
    return page


def _dialog(dialog, preview: bool = False):
    dialog.show()
    if preview and hasattr(dialog, "preview_button"):
        dialog.preview_button.click()
    return dialog


def overview(window):
    window.show_page(0)
    window.settle()
    return window


def households(window):
    _choose(window)
    return window


def households_search(window):
    _choose(window, "nguyen van")
    return window


def member_editor(window):
    from ui.households.editor import MemberEditor

    page = _choose(window)
    page.edit_member()
    window.settle()
    return _dialog(page.findChildren(MemberEditor)[-1])


def birth(window):
    page = _choose(window, "nguyen")
    dialog = page.record_birth()
    dialog.full_name.setText("Nguyễn Thị Hoa")
    return _dialog(dialog, preview=True)


def death(window):
    page = _choose(window, "nguyen")
    return _dialog(page.record_death(), preview=True)


def move_out(window):
    page = _choose(window, "nguyen")
    return _dialog(page.record_move_out())


def move_in(window):
    return _dialog(_choose(window).record_move_in())


def split(window):
    return _dialog(_choose(window, "nguyen").split())


def merge(window):
    page = _choose(window)
    page.merge()
    window.settle()
    from ui.households.dialogs import MergeDialog
    return _dialog(page.findChildren(MergeDialog)[-1], preview=True)


def change_head(window):
    page = _choose(window, "nguyen")
    page.members.selectRow(1)
    return _dialog(page.set_head(), preview=True)


def group_change(window):
    page = _choose(window, "nguyen")
    dialog = page.change_group()
    dialog.group.setCurrentIndex(dialog.group.findData("GD"))
    return _dialog(dialog, preview=True)


def add_household(window):
    return _dialog(_households(window).add_household())


def history(window):
    page = _choose(window)
    page.show_history()
    window.settle()
    from ui.households.history import HistoryDialog
    return _dialog(page.findChildren(HistoryDialog)[-1])


def empty_register(window):
    """A register just created: the overview leads to the import or to the first household."""
    import tempfile

    from app.register import Register

    folder = Path(tempfile.mkdtemp())
    window.set_register(Register.create(folder / "moi.db", {"commune_name": "Xã Khánh Trung",
                                                            "commune_code": "14608"}))
    window.show_page(0)
    window.settle()
    return window


SCENES: dict[str, Scene] = {
    "empty-register": empty_register,
    "overview": overview, "households": households, "households-search": households_search,
    "member-editor": member_editor, "birth": birth, "death": death, "move-out": move_out, "move-in": move_in,
    "split": split, "merge": merge, "change-head": change_head, "group-change": group_change,
    "add-household": add_household, "history": history,
}


def _review(window, kind: str | None = None):
    from ui.pages.review import ReviewPage

    page = window.page(ReviewPage)
    window.show_page(window.pages.index(page))
    window.settle()
    page.run_review()
    window.settle()
    return window


def _review_pair(window):
    from ui.pages.review import ReviewPage

    _review(window)
    page = window.page(ReviewPage)
    page.next_pair()
    window.settle()
    return window


def _page_scene(build: Callable[..., object]) -> Scene:
    """A scene of ui/pages/scenes.py, built on the window's context; a page shown at the window's size."""
    def scene(window):
        import tempfile

        from PySide6.QtWidgets import QDialog

        widget = build(window.ctx, Path(tempfile.mkdtemp(prefix="hgd-scene-")))
        if not isinstance(widget, QDialog):
            widget.resize(*SIZE)
        widget.show()
        window.settle()
        return widget
    return scene


def all_scenes() -> dict[str, Scene]:
    from ui.pages import PAGES
    from ui.pages.scenes import scenes as page_scenes

    found = dict(SCENES)
    found["review"] = _review
    found["review-pair"] = _review_pair
    found.update({name: _page_scene(build) for name, build in page_scenes()})
    for page in PAGES:
        module = importlib.import_module(page.__module__)
        extra = getattr(module, "scenes", None)
        if extra is not None:
            found.update(dict(extra()))
    return found


def ensure_demo(folder: Path) -> Path:
    path = folder / "demo.db"
    if not path.exists():
        from app.demo import create_demo

        folder.mkdir(parents=True, exist_ok=True)
        create_demo(str(path), persons=DEMO_PERSONS, seed=1)
    return path


def take(out: Path, langs: tuple[str, ...] = ("vi", "en"), only: list[str] | None = None) -> list[Path]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QDialog

    from app.register import Register
    from ui.app import create_app, setup_app
    from ui.main_window import MainWindow

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(out / "config"))
    app = create_app(langs[0])
    demo = ensure_demo(out)
    taken = []
    for lang in langs:
        setup_app(app, lang)
        for name, scene in all_scenes().items():
            if only and name not in only:
                continue
            work = out / "work.db"
            work.write_bytes(demo.read_bytes())   # a scene may apply what its dialog previews: a copy each time
            window = MainWindow(Register.open(work), sync=True)
            window.setGeometry(0, 0, *SIZE)
            window.show()
            window.settle()
            shown = scene(window)
            app.processEvents()
            target = out / lang / f"{name}.png"
            target.parent.mkdir(parents=True, exist_ok=True)
            shown.grab().save(str(target))
            taken.append(target)
            for dialog in window.findChildren(QDialog):
                dialog.close()
            if shown is not window and shown.window() is not window:   # a page or dialog shown on its own
                shown.close()
            window.close()
            app.processEvents()
            work.unlink(missing_ok=True)
    QApplication.processEvents()
    return taken


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Screenshots of every scene, in Vietnamese and English.")
    parser.add_argument("out", nargs="?", default="build/screenshots")
    parser.add_argument("--scene", action="append", help="only these scenes")
    parser.add_argument("--lang", action="append", choices=("vi", "en"))
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    taken = take(Path(args.out), tuple(args.lang or ("vi", "en")), args.scene)
    print(f"{len(taken)} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
