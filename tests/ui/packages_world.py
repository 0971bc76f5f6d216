"""The packages' test world: the small demo commune with its keys, an office (SQLite, or PostgreSQL) trusting the
commune's keys, the commune trusting the office's; built once per module, copied per test."""
from __future__ import annotations

import shutil
from pathlib import Path

from app.exchange.keyring import InitKeys, TrustKeys
from app.exchange.office import create_office
from app.packages import export_public
from app.register import Register
from tests import demo_copy
from ui.context import AppContext, SyncRunner

C_PASS, O_PASS = "mật khẩu của xã", "mat khau co quan BHXH"
OFFICE = "BHXH cơ sở Triệu Sơn"


def _keys(db: str | Path, passphrase: str, out: Path) -> None:
    from app.exchange.keyring import own_public

    with Register.open(db) as reg:
        reg.apply(InitKeys(passphrase))
        with reg.reading() as s:
            export_public(own_public(s), out)


def _trust(db: str | Path, folder: Path) -> None:
    with Register.open(db) as reg:
        reg.apply(TrustKeys(str(folder)))


def make_office(db: str | Path, commune_keys: Path, keys_out: Path, name: str = OFFICE) -> None:
    create_office(db, name)
    _keys(db, O_PASS, keys_out)
    _trust(db, commune_keys)


class Base:
    """The module's files: the commune (keys, office trusted), its key folder, the office and its key folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.commune = demo_copy.build(root)
        self.c_keys, self.o_keys = root / "c-keys", root / "o-keys"
        self.bare = root / "bare.db"                 # the commune without keys (nothing trusted)
        shutil.copyfile(self.commune, self.bare)
        _keys(self.commune, C_PASS, self.c_keys)
        self.office = root / "o.db"
        make_office(self.office, self.c_keys, self.o_keys)
        _trust(self.commune, self.o_keys)


class Side:
    """One register opened for the GUI: a copy of a base file (or a PostgreSQL URL), a SyncRunner, a context."""

    def __init__(self, db: str) -> None:
        self.db = db
        self.runner = SyncRunner(db)
        for reg in (self.runner.writer(), self.runner.reader()):
            reg.today = lambda: demo_copy.TODAY
        self.ctx = AppContext(db, self.runner)

    def reg(self) -> Register:
        return self.runner.reader()

    def close(self) -> None:
        self.runner.close()


def copy(source: Path, folder: Path, name: str) -> str:
    target = folder / name
    shutil.copyfile(source, target)
    return str(target)
