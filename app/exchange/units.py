"""Which unit a register belongs to: a commune (its commune's code and name) or an office (setting `office`)."""
from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app import messages
from app.errors import HgdError
from app.packages import Unit
from app.store.models import Commune, Setting

messages.register({
    "exchange.not_office": ("Sổ {path} là sổ của xã, không phải của cơ quan BHXH: lệnh này chỉ dùng ở cơ quan BHXH.",
                            "The register {path} is a commune's, not an office's: this command is for an office."),
    "exchange.not_commune": ("Sổ {path} là sổ của cơ quan BHXH: lệnh này chỉ dùng ở xã.",
                             "The register {path} is an office's: this command is for a commune."),
    "exchange.commune_code_unknown": ("Xã chưa có mã xã (5 chữ số): hãy nhập bằng hgd commune set --commune-code.",
                                      ("The commune has no code (5 digits) yet: set it with hgd commune set "
                                      "--commune-code.")),
})


def _setting(session: Session, key: str) -> Any:
    row = session.get(Setting, key)
    return None if row is None else row.value


def register_kind(session: Session) -> str:
    """'office' or 'commune' (registers made before offices existed are communes')."""
    return "office" if _setting(session, "register_kind") == "office" else "commune"


def own_unit(session: Session) -> Unit:
    if register_kind(session) == "office":
        office = _setting(session, "office") or {}
        return Unit("office", office["code"], office["name"])
    commune = session.get(Commune, _setting(session, "commune_id") or "")
    if commune is None or commune.code == "00000":
        raise HgdError("exchange.commune_code_unknown")
    return Unit("commune", commune.code, commune.name)


def require(session: Session, kind: str, where: str) -> None:
    if register_kind(session) != kind:
        raise HgdError("exchange.not_office" if kind == "office" else "exchange.not_commune", path=where)
