"""The one front door to a commune register: open (migrating first), act, read. The CLI, GUI and tests all use it."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app import messages
from app.errors import HgdError
from app.store import migrate
from app.store.engine import make_engine
from app.store.models import Setting
from app.store.session import action, current_user, reading

messages.register({
    "register.exists": ("Đã có sổ tại '{path}'; chọn tệp khác hoặc mở sổ này.",
                        "A register already exists at '{path}'; choose another file or open it."),
    "register.no_commune": ("Sổ '{path}' chưa có thông tin xã; hãy chạy 'hgd init'.",
                            "The register '{path}' has no commune yet; run 'hgd init'."),
    "register.folder_missing": ("Thư mục '{path}' không tồn tại.", "The folder '{path}' does not exist."),
})

COMMUNE_KEYS = ("commune_code", "commune_name", "province_code", "province_name", "district_name",
                "chairman", "clerk", "bhxh_office", "post_office")


class Register:
    """An open register database. Use as a context manager or call close()."""

    def __init__(self, engine: Engine, where: str, user: str | None = None) -> None:
        self.engine = engine
        self.where = where
        self.user = user or current_user()
        self.backup_path: Path | None = None

    # --- opening -------------------------------------------------------------------------------------------------
    @classmethod
    def open(cls, db: str | Path, *, create: bool = False, user: str | None = None) -> Register:
        """Open an existing register (or create an empty one when `create`), upgrading its schema after a backup."""
        text = str(db)
        if "://" not in text:
            path = Path(text)
            if not path.exists() and not create:
                raise HgdError("db.missing", path=text)
            if not path.parent.exists():
                raise HgdError("register.folder_missing", path=str(path.parent))
            if path.exists():
                migrate.preflight_sqlite(path)
        reg = cls(make_engine(db), text, user)
        try:
            reg.backup_path = migrate.upgrade(reg.engine)
        except BaseException:
            reg.close()
            raise
        return reg

    @classmethod
    def create(cls, db: str | Path, commune: dict[str, str], *, user: str | None = None) -> Register:
        """A new register for one commune. Refuses a file that already holds a commune."""
        reg = cls.open(db, create=True, user=user)
        try:
            if reg.setting("commune_name") is not None:
                raise HgdError("register.exists", path=str(db))
            with reg.action("init", "Tạo sổ") as s:
                for key in COMMUNE_KEYS:
                    if commune.get(key):
                        s.add(Setting(key=key, value=commune[key]))
        except BaseException:
            reg.close()
            raise
        return reg

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- units of work -------------------------------------------------------------------------------------------
    @contextmanager
    def action(self, kind: str, label: str, details: dict | None = None) -> Iterator[Session]:
        with action(self.engine, kind, label, self.user, details) as session:
            yield session

    def reading(self):
        return reading(self.engine)

    # --- settings -----------------------------------------------------------------------------------------------
    def setting(self, key: str, default=None):
        with self.reading() as s:
            row = s.get(Setting, key)
            return default if row is None else row.value

    def settings(self) -> dict:
        with self.reading() as s:
            return {row.key: row.value for row in s.scalars(select(Setting))}

    def commune(self) -> dict[str, str]:
        values = self.settings()
        return {k: values[k] for k in COMMUNE_KEYS if k in values}

    def set_settings(self, values: dict, label: str = "Cập nhật thông tin xã") -> None:
        with self.action("settings", label) as s:
            for key, value in values.items():
                row = s.get(Setting, key)
                if row is None:
                    s.add(Setting(key=key, value=value))
                else:
                    row.value = value

    # --- reading ------------------------------------------------------------------------------------------------
    def stats(self, today=None) -> dict:
        from app.stats import register_stats

        with self.reading() as s:
            return register_stats(s, today=today)
