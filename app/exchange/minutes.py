"""The handover minutes of a period's package (DOMAIN §6.5): the three parties, the lists with their persons and
pages, the package's id, number and fingerprint (text and QR code)."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import messages
from app.errors import HgdError
from app.exchange.courier import collections
from app.lists import periods
from app.lists.documents import list_title
from app.lists.filled import HandedList, MinutesInput, PackageInfo, Party
from app.store.models import Commune, Package

messages.register({
    "minutes.no_package": ("Kỳ {month} chưa xuất gói: hãy xuất gói (hgd package export) trước khi in biên bản.",
                           ("The period {month} has no package yet: export it (hgd package export) before printing "
                           "the minutes.")),
})


def _short_name(name: str) -> str:
    for prefix in ("Xã ", "xã ", "Phường ", "Thị trấn ", "Đặc khu "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def minutes_input(session: Session, commune_id: str, month: str, on: date) -> MinutesInput:
    month = periods.parse_month(month)
    commune = session.get(Commune, commune_id)
    assert commune is not None
    pkg = session.scalar(select(Package).where(Package.direction == "sent", Package.commune_id == commune_id,
                                               Package.period == month).order_by(Package.seq.desc()).limit(1))
    if pkg is None:
        raise HgdError("minutes.no_package", month=periods.shown(month))
    details: dict[str, Any] = pkg.details or {}
    lists = [HandedList(list_title(d["form"], d["variant"]), d["persons"], d["pages"] or 0)
             for d in details.get("lists", []) if d["kind"] == "pdf"]
    short = _short_name(commune.name)
    giver_people = [(n, p) for n, p in ((commune.chairman, "Chủ tịch UBND xã"),
                                        (commune.clerk, "Công chức Văn hóa - Xã hội")) if n]
    couriers = [(c["by"], "Nhân viên bưu điện") for c in collections(session, pkg.id)][:1]
    office = details.get("office", {})
    return MinutesInput(
        ten_xa=short, dia_diem=f"Ủy ban nhân dân xã {short}", on=on, month=int(month[5:]), year=int(month[:4]),
        giver=Party(f"Ủy ban nhân dân xã {short}", giver_people),
        courier=Party(commune.post_office or f"Bưu điện xã {short}", couriers),
        receiver=Party(office.get("name") or commune.bhxh_office or "Bảo hiểm xã hội", []),
        lists=lists,
        package=PackageInfo(pkg.id, pkg.seq, month, pkg.file_name or "", pkg.size or 0, pkg.fingerprint or ""))


def write(session: Session, commune_id: str, month: str, on: date, out: str | Path) -> dict[str, Any]:
    from app.lists.pdf_minutes import write_minutes

    m = minutes_input(session, commune_id, month, on)
    result = write_minutes(m, out)
    return {"path": str(result.path), "pages": result.pages, "package": m.package.package_id,
            "sequence": m.package.sequence, "sha256": m.package.sha256, "lists": len(m.lists)}
