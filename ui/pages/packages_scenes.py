"""Screenshot scenes of the packages page (collected through ui/pages/packages.py scenes()): the demo commune given
keys and an office made on the side in a temporary folder, then a real round trip — packages exported, one checked
by the courier and acknowledged by the office — so that every table shows what a clerk would see."""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from app.exchange.acks import ImportAck
from app.exchange.courier import RecordCollection
from app.exchange.export import ExportPackage
from app.exchange.keyring import InitKeys, TrustKeys, own_public
from app.exchange.office import create_office
from app.exchange.receive import import_package
from app.packages import export_public
from app.register import Register
from app.views.packages import export_keys, packages_state
from ui.context import AppContext, SyncRunner

C_PASS, O_PASS = "mật khẩu của xã", "mat khau co quan BHXH"


class Scripted:
    """The page's questions answered by the scene."""

    def __init__(self, **answers: Any) -> None:
        self.answers = answers

    def __getattr__(self, name: str) -> Any:
        value = self.answers.get(name)
        return lambda *args, **kwargs: value


def _office(work: Path, c_keys: Path) -> Path:
    db = work / "office.db"
    create_office(db, "BHXH cơ sở Triệu Sơn")
    with Register.open(db) as reg:
        reg.apply(InitKeys(O_PASS))
        reg.apply(TrustKeys(str(c_keys)))
        with reg.reading() as s:
            export_public(own_public(s), work / "o-keys")
    return db


def commune_with_round_trip(window: Any, page: Any) -> dict[str, Any]:
    """Keys, the office's keys trusted, the older locked month sent, collected and acknowledged, the newer one
    exported; the courier's box left showing the check of the newer package."""
    work = Path(tempfile.mkdtemp(prefix="hgd-scene-packages-"))
    runner = window.ctx.runner
    runner.apply(InitKeys(C_PASS))
    runner.query(lambda reg: export_keys(reg, work / "c-keys"), lambda _paths: None)
    office = _office(work, work / "c-keys")
    runner.apply(TrustKeys(str(work / "o-keys")))
    state: list[Any] = []
    runner.query(packages_state, state.append)
    locked = sorted(r.month for r in state[-1].sent if r.status == "locked")
    (work / "usb").mkdir()
    done: dict[str, Any] = {"work": work, "office": office}
    if len(locked) >= 2:
        runner.apply(ExportPackage(locked[-2], str(work / "usb"), C_PASS), on_done=lambda r: done.update(old=r.value))
        runner.apply(RecordCollection(done["old"]["path"], "Trịnh Văn Quý"))
        with Register.open(office) as reg:
            got = import_package(reg, done["old"]["path"], O_PASS, work / "acks")
        runner.apply(ImportAck(got["ack"]["path"]))
    if locked:
        runner.apply(ExportPackage(locked[-1], str(work / "usb"), C_PASS), on_done=lambda r: done.update(new=r.value))
    page.refresh(None)
    window.settle()
    if "new" in done:
        courier = page.courier
        page.dialogs = Scripted(open_file=done["new"]["path"], folder=str(work / "c-keys"))
        courier.choose_file()
        courier.choose_folder()
        courier.check()
        courier.collected_by.setText("Trịnh Văn Quý")
        page.send.select_month(locked[-1])
    return done


def office_page(window: Any) -> Any:
    """The office's register (its own window's page, on a register made here): two packages received, one the
    same again, and a tampered one refused."""
    from ui.pages.packages import PackagesPage

    commune_page = window.page(PackagesPage)
    done = commune_with_round_trip(window, commune_page)
    runner = SyncRunner(str(done["office"]))
    page = PackagesPage(AppContext(str(done["office"]), runner))
    page.refresh(None)
    files = [done["old"]["path"], done["new"]["path"]] if "old" in done else []
    bad = done["work"] / "hong" / Path(done["new"]["path"]).name
    bad.parent.mkdir()
    data = bytearray(Path(done["new"]["path"]).read_bytes())
    data[len(data) // 2] ^= 0x01
    bad.write_bytes(bytes(data))
    page.dialogs = Scripted(open_files=[*files, str(bad)], passphrase=O_PASS, folder=str(done["work"] / "acks"))
    page.office.import_files()
    return page
