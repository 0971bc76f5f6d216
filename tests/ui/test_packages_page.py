"""The packages page: the round trip commune → courier → office → acknowledgement driven from the GUI on the demo
commune (the office on SQLite and on PostgreSQL), the keys, and the unhappy paths (wrong passphrase, a package for
another office, a tampered package, a register without keys)."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.store.models import Period, Person
from tests.ui.packages_world import C_PASS, O_PASS, Base, Side, copy, make_office
from ui.pages import packages_dialogs
from ui.pages.packages import PackagesPage

MONTH = "2026-10"


class Answers:
    """The page's questions, answered by the test beforehand (None/"" = the clerk cancels)."""

    def __init__(self) -> None:
        self.file = ""
        self.files: list[str] = []
        self.save = ""
        self.dir = ""
        self.secret: str | None = None
        self.typed: str | None = None
        self.yes = True
        self.asked: list[str] = []

    def open_file(self, parent, title, start, filters) -> str:
        self.asked.append(title)
        return self.file

    def open_files(self, parent, title, start, filters) -> list[str]:
        self.asked.append(title)
        return self.files

    def save_file(self, parent, title, start, filters) -> str:
        self.asked.append(title)
        return self.save

    def folder(self, parent, title, start) -> str:
        self.asked.append(title)
        return self.dir

    def passphrase(self, parent, title, label, twice=False) -> str | None:
        self.asked.append(title)
        return self.secret

    def text(self, parent, title, label, text="") -> str | None:
        self.asked.append(title)
        return self.typed

    def confirm(self, parent, title, text) -> bool:
        self.asked.append(text)
        return self.yes


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Base:
    return Base(tmp_path_factory.mktemp("packages"))


@pytest.fixture
def previews(monkeypatch) -> list[tuple[Path, str]]:
    shown: list[tuple[Path, str]] = []
    monkeypatch.setattr(packages_dialogs, "preview", lambda parent, pdf, title: shown.append((pdf, title)))
    return shown


def _page(side: Side, qtbot) -> PackagesPage:
    page = PackagesPage(side.ctx)
    page.dialogs = Answers()
    qtbot.addWidget(page)
    page.refresh(None)
    return page


@pytest.fixture
def commune(base, tmp_path):
    side = Side(copy(base.commune, tmp_path, "c.db"))
    yield side
    side.close()


@pytest.fixture
def office(base, tmp_path):
    side = Side(copy(base.office, tmp_path, "o.db"))
    yield side
    side.close()


def _period(side: Side, month: str = MONTH) -> str:
    with side.reg().reading() as s:
        return s.scalars(select(Period).where(Period.month == month)).one().status


def _persons(side: Side) -> int:
    with side.reg().reading() as s:
        return s.scalar(select(func.count()).select_from(Person))


def _export(page: PackagesPage, out: Path, secret: str = C_PASS) -> Path | None:
    out.mkdir(exist_ok=True)
    page.dialogs.secret, page.dialogs.dir = secret, str(out)
    page.send.select_month(MONTH)
    page.send.export_button.click()
    found = sorted(out.glob("*.zip"))
    return found[0] if found else None


def _round_trip(base: Base, c: Side, o: Side, tmp: Path, qtbot, previews,
                c_keys: Path | None = None) -> None:
    page = _page(c, qtbot)
    assert page.tabs.tabText(0) == "Gửi gói" and not page.notice.isVisible() and page.notice.isHidden()
    # the commune exports
    package = _export(page, tmp / "usb")
    assert package is not None and _period(c) == "exported"
    row = page.send.row()
    assert row.seq == 1 and row.short and row.short in page.send.message.text()
    assert package.name in page.send.message.text() and row.package_id in page.send.message.text()
    assert not page.send.export_button.isEnabled() and page.send.minutes_button.isEnabled()
    # the handover minutes, written then previewed
    page.dialogs.save = str(tmp / "bien-ban")
    page.send.minutes_button.click()
    assert previews and previews[-1][0] == tmp / "bien-ban.pdf" and previews[-1][0].stat().st_size > 1000
    # the courier: with the commune's key folder, then on the register (the collection recorded), a receipt
    cp = page.courier
    page.dialogs.file, page.dialogs.dir = str(package), str(c_keys or base.c_keys)
    cp.choose_file()
    cp.choose_folder()
    cp.check_button.click()
    assert "HỢP LỆ" in cp.verdict.text() and row.short in cp.details.text() and "200" in cp.details.text()
    assert not cp.record_button.isEnabled()      # checked against a folder: recorded on the register only
    cp.use_register.setChecked(True)
    cp.check_button.click()
    cp.collected_by.setText("Trịnh Văn Quý")
    cp.record_button.click()
    assert _period(c) == "collected" and "Trịnh Văn Quý" in cp.message.text()
    page.dialogs.save = str(tmp / "bien-nhan.pdf")
    cp.receipt_button.click()
    text = subprocess.run(["pdftotext", str(tmp / "bien-nhan.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert row.short in text and "Trịnh Văn Quý" in text and previews[-1][0] == tmp / "bien-nhan.pdf"
    # the office receives it
    op = _page(o, qtbot)
    assert op.tabs.tabText(0) == "Nhận gói" and _persons(o) == 0
    op.dialogs.files, op.dialogs.secret, op.dialogs.dir = [str(package)], O_PASS, str(tmp / "acks")
    op.office.import_button.click()
    outcome = op.office.outcomes[-1]
    assert outcome.ok and "200" in outcome.text, outcome
    assert _persons(o) == 200
    ack = Path(outcome.ack)
    assert ack.exists() and ack.parent == tmp / "acks"
    assert [(r.code, r.count, r.last_seq, r.missing, r.persons) for r in op.office.communes.rows] == [
        (page.state.unit_code, 1, 1, [], 200)]
    # the same package again: nothing changes, the same acknowledgement; the passphrase is not asked again
    op.dialogs.secret, op.dialogs.dir = None, str(tmp / "acks2")
    op.office.import_button.click()
    again = op.office.outcomes[-1]
    assert again.ok and (tmp / "acks2" / ack.name).read_bytes() == ack.read_bytes() and _persons(o) == 200
    # back at the commune
    page.dialogs.file = str(ack)
    page.send.ack_button.click()
    assert _period(c) == "acknowledged", page.send.message.text()
    assert page.send.row().acknowledged_at and "đã xác nhận" in page.send.message.text()


def test_round_trip_with_the_office_on_sqlite(base, commune, office, tmp_path, qtbot, hgd_app, previews):
    _round_trip(base, commune, office, tmp_path, qtbot, previews)


def test_round_trip_with_the_office_on_postgresql(base, tmp_path, qtbot, hgd_app, previews):
    from app.exchange.keyring import InitKeys, TrustKeys
    from app.views.packages import export_keys
    from tests.conftest import pg_database

    url = pg_database(migrated=False)
    c = Side(copy(base.bare, tmp_path, "c.db"))    # a commune sending to the PostgreSQL office: keys of its own
    c.runner.writer().apply(InitKeys(C_PASS))
    export_keys(c.reg(), tmp_path / "c-keys")
    make_office(url, tmp_path / "c-keys", tmp_path / "o-pg-keys")
    c.runner.writer().apply(TrustKeys(str(tmp_path / "o-pg-keys")))
    o = Side(url)
    try:
        _round_trip(base, c, o, tmp_path, qtbot, previews, c_keys=tmp_path / "c-keys")
    finally:
        c.close()
        o.close()


def _short(folder: Path) -> str:
    from app.views.packages import folder_keys

    return folder_keys(folder).short


# --- unhappy paths -------------------------------------------------------------------------------------------------

def test_models_pass_the_model_tester(base, commune, office, tmp_path, qtbot, hgd_app, qtmodeltester):
    page = _page(commune, qtbot)
    _export(page, tmp_path / "out")
    op = _page(office, qtbot)
    op.dialogs.files, op.dialogs.secret, op.dialogs.dir = [str(next((tmp_path / "out").glob("*.zip")))], O_PASS, \
        str(tmp_path / "acks")
    op.office.import_button.click()
    for model in (page.send.model, page.keys.trusted, op.office.communes, op.office.results, op.keys.trusted):
        assert model.rowCount() > 0
        qtmodeltester.check(model)


def test_a_wrong_passphrase_exports_nothing(commune, tmp_path, qtbot, hgd_app):
    page = _page(commune, qtbot)
    assert _export(page, tmp_path / "out", "not the passphrase") is None
    assert _period(commune) == "locked" and "Mật khẩu không đúng" in page.send.message.text()
    page.dialogs.secret = None          # cancelled: nothing asked further, nothing done
    page.send.export_button.click()
    assert _period(commune) == "locked"


def test_the_office_refuses_a_wrong_passphrase_and_forgets_it(commune, office, tmp_path, qtbot, hgd_app):
    package = _export(_page(commune, qtbot), tmp_path / "out")
    again = tmp_path / "lan-hai.zip"
    again.write_bytes(package.read_bytes())
    op = _page(office, qtbot)
    op.dialogs.files, op.dialogs.secret, op.dialogs.dir = [str(package), str(again)], "wrong", str(tmp_path / "acks")
    op.office.import_button.click()
    first, second = op.office.outcomes
    assert not first.ok and "Mật khẩu không đúng" in first.text
    assert not second.ok and second.file != first.file and "chưa thử" in second.text   # listed, not dropped
    assert op.office.passphrase is None and _persons(office) == 0 and not list((tmp_path / "acks").glob("*"))
    op.dialogs.secret = O_PASS          # asked again, right this time
    op.office.import_button.click()
    assert op.office.outcomes[-1].ok and _persons(office) == 200


def test_a_package_for_another_office_is_refused(base, commune, tmp_path, qtbot, hgd_app):
    package = _export(_page(commune, qtbot), tmp_path / "out")
    other = tmp_path / "o2.db"
    make_office(other, base.c_keys, tmp_path / "o2-keys", name="BHXH khu vực khác")
    side = Side(str(other))
    try:
        op = _page(side, qtbot)
        op.dialogs.files, op.dialogs.secret, op.dialogs.dir = [str(package)], O_PASS, str(tmp_path / "acks")
        op.office.import_button.click()
        outcome = op.office.outcomes[-1]
        assert not outcome.ok and "không được mã hóa cho khóa của cơ quan này" in outcome.text
        assert not list((tmp_path / "acks").glob("*"))
        assert _persons(side) == 0
    finally:
        side.close()


def test_the_courier_refuses_a_tampered_package(base, commune, tmp_path, qtbot, hgd_app):
    page = _page(commune, qtbot)
    package = _export(page, tmp_path / "out")
    bad = tmp_path / "bad" / package.name
    bad.parent.mkdir()
    data = bytearray(package.read_bytes())
    data[len(data) // 2] ^= 0x01
    bad.write_bytes(bytes(data))
    cp = page.courier
    page.dialogs.file, page.dialogs.dir = str(bad), str(base.c_keys)
    cp.choose_file()
    cp.choose_folder()
    cp.check_button.click()
    assert "TỪ CHỐI" in cp.verdict.text() and cp.result is None
    assert not cp.receipt_button.isEnabled() and not cp.record_button.isEnabled()
    assert "Traceback" not in cp.verdict.text() and len(cp.verdict.text().splitlines()) >= 2


def test_a_register_without_keys_says_to_create_them_first(base, tmp_path, qtbot, hgd_app):
    side = Side(copy(base.bare, tmp_path, "bare.db"))
    try:
        page = _page(side, qtbot)
        assert not page.notice.isHidden() and "chưa có khóa" in page.notice_label.text()
        assert page.notice_button.text() == "Tạo khóa…" and not page.send.export_button.isEnabled()
        # the courier's check needs no keys
        assert not page.courier.use_register.isEnabled() and page.courier.use_folder.isChecked()
        page.dialogs.secret = C_PASS
        page.notice_button.click()
        assert page.state.own is not None and page.tabs.currentWidget() is page.keys
        assert page.state.own.short in page.keys.short_label.text()
        # next: the office's keys, trusted after comparing the fingerprint
        assert "cơ quan BHXH" in page.notice_label.text() and page.notice_button.text() == "Tin cậy khóa của cơ quan…"
        page.dialogs.dir, page.dialogs.yes = str(base.o_keys), False
        page.notice_button.click()
        assert not page.state.office_trusted
        assert any(_short(base.o_keys) in text for text in page.dialogs.asked)   # shown to compare with paper
        page.dialogs.yes = True
        page.notice_button.click()
        assert page.state.office_trusted and page.notice.isHidden() and page.send.export_button.isEnabled()
    finally:
        side.close()


def test_keys_are_exported_and_replaced(base, commune, office, tmp_path, qtbot, hgd_app):
    page = _page(commune, qtbot)
    assert not page.keys.create_button.isEnabled()
    page.dialogs.dir = str(tmp_path / "pub")
    page.keys.export_button.click()
    assert sorted(p.name for p in (tmp_path / "pub").iterdir()) == ["minisign.pub", "unit.json"]
    old = page.state.own.key_id
    page.dialogs.secret, page.dialogs.dir = C_PASS, str(tmp_path / "new")
    page.keys.rotate_button.click()
    assert page.state.own.key_id != old and list((tmp_path / "new").glob("hgd-key-rotation-*.zip"))
    # the office registers the new key from the rotation notice in the folder
    op = _page(office, qtbot)
    op.dialogs.dir = str(tmp_path / "new")
    op.keys.trust_button.click()
    rows = [(r.key_id, r.status, r.source) for r in op.keys.trusted.rows]
    assert (old, "replaced", "folder") in rows and (page.state.own.key_id, "active", "rotation") in rows


def test_the_periods_page_exports_the_package_too(commune, tmp_path, qtbot, hgd_app):
    from ui.pages.periods import PeriodsPage

    page = PeriodsPage(commune.ctx)
    page.package_dialogs = Answers()
    qtbot.addWidget(page)
    page.refresh(None)
    page.select_month(MONTH)
    assert page.export_button.isEnabled()
    page.package_dialogs.secret, page.package_dialogs.dir = C_PASS, str(tmp_path)
    page.export_button.click()
    assert list(tmp_path.glob("hgd-*-2026-10-001.zip")) and _period(commune) == "exported"
    assert "hgd-" in page.message.text() and not page.export_button.isEnabled()


def test_the_page_speaks_english(commune, qtbot, hgd_app):
    from ui.app import setup_app

    setup_app(hgd_app, "en")
    page = _page(commune, qtbot)
    assert page.title() == "Packages" and page.tabs.tabText(0) == "Send packages"
    assert page.send.export_button.text() == "Export package…"
    setup_app(hgd_app, "vi")
    hgd_app.processEvents()          # the language change reaches the page as an event
    assert page.tabs.tabText(0) == "Gửi gói" and page.title() == "Gói dữ liệu"
    assert page.send.export_button.text() == "Xuất gói…"


def test_the_main_window_on_an_office_register_shows_its_packages(office, hgd_app, qtbot, boxes):
    from app.register import Register
    from ui.main_window import MainWindow

    window = MainWindow(Register.open(office.db), sync=True)
    qtbot.addWidget(window)
    window.show()
    window.settle()
    assert [type(p) for p in window.pages] == [PackagesPage] and boxes.shown == []
    page = window.pages[0]
    assert page.state.kind == "office" and page.tabs.tabText(0) == "Nhận gói"
    assert "BHXH cơ sở Triệu Sơn" in page.heading.text()
    window.close()


def test_the_passphrase_is_typed_unseen_and_twice_alike(hgd_app, qtbot):
    from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

    from ui.pages.packages_dialogs import PassphraseDialog

    dialog = PassphraseDialog(None, "t", "x", twice=True)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.first.echoMode() == QLineEdit.EchoMode.Password and not ok.isEnabled()
    dialog.first.setText("ngắn")
    assert not ok.isEnabled() and "8" in dialog.note.text()
    dialog.first.setText("mật khẩu dài")
    dialog.second.setText("mật khẩu khác")
    assert not ok.isEnabled() and dialog.note.text() == "Hai mật khẩu không giống nhau."
    dialog.second.setText("mật khẩu dài")
    assert ok.isEnabled()
    once = PassphraseDialog(None, "t", "x", twice=False)
    qtbot.addWidget(once)
    once.first.setText("x")
    assert once.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_a_new_commune_key_without_notice_needs_the_paper_fingerprint(base, office, tmp_path, qtbot, hgd_app):
    """The commune made new keys (a new computer): the office registers them only with the fingerprint from paper."""
    from app.exchange.keyring import InitKeys
    from app.views.packages import export_keys

    fresh = Side(copy(base.bare, tmp_path, "c2.db"))
    try:
        fresh.runner.writer().apply(InitKeys(C_PASS))
        export_keys(fresh.reg(), tmp_path / "new-keys")
        new = _short(tmp_path / "new-keys")
    finally:
        fresh.close()
    op = _page(office, qtbot)
    op.dialogs.dir, op.dialogs.typed = str(tmp_path / "new-keys"), "0000 1111 2222 3333 4444"
    op.keys.trust_button.click()
    assert "không khớp" in op.keys.message.text() and len(op.keys.trusted.rows) == 1
    op.dialogs.typed = new.lower()
    op.keys.trust_button.click()
    assert [(r.short, r.status, r.source) for r in op.keys.trusted.rows][-1] == (new, "active", "paper")


def test_the_office_imports_a_folder_of_packages(commune, office, tmp_path, qtbot, hgd_app):
    page = _page(commune, qtbot)
    first = _export(page, tmp_path / "usb")
    page.send.select_month("2026-09")
    page.dialogs.secret = C_PASS
    page.send.export_button.click()
    assert len(list((tmp_path / "usb").glob("*.zip"))) == 2 and first.exists()
    op = _page(office, qtbot)
    op.dialogs.dir, op.dialogs.secret = str(tmp_path / "usb"), O_PASS
    op.office.folder_button.click()      # the folder of packages, then (the same answer) the acknowledgements' folder
    assert [o.ok for o in op.office.outcomes] == [True, True] and _persons(office) == 200
    assert len(list((tmp_path / "usb").glob("hgd-ack-*.zip"))) == 2
    assert [(r.count, r.last_seq, r.missing) for r in op.office.communes.rows] == [(2, 2, [])]
    assert "2" in op.office.message.text() and op.office.forget_button.isEnabled()
    op.office.forget_button.click()
    assert op.office.passphrase is None
