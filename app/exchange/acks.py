"""The commune registers the office's acknowledgement of a package it sent: signed by the office's registered key,
for that very package; the period becomes "acknowledged" (through "collected" when no courier check was recorded)."""
from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app import messages
from app.errors import HgdError
from app.exchange import keyring
from app.exchange.units import require
from app.lists import periods
from app.operations import Changes, OpContext, Operation
from app.packages import PackageRef, TrustedKey, limits, signed, verify_ack
from app.packages.ack import DOC_NAME, Ack
from app.store.models import Package, PackageAck, Period

messages.register({
    "op.package_ack": ("Nhận giấy xác nhận {name}", "Register acknowledgement {name}"),
    "ack.unknown_package": ("Giấy xác nhận {name} là cho gói {ref}, mà xã này không gửi gói đó — bị từ chối.",
                            ("The acknowledgement {name} is for package {ref}, which this commune did not send — "
                            "refused.")),
    "ack.already": ("Gói {ref} đã được xác nhận trước đây.", "Package {ref} was already acknowledged."),
})


def _claimed(path: Path) -> Ack:
    """What the file says (before any trust): which package, to find the package it must match."""
    import json

    data = signed.read_file(path, max_bytes=limits.MAX_SEALED_BYTES)
    import zipfile
    from io import BytesIO

    try:
        with zipfile.ZipFile(BytesIO(data)) as z:
            info = z.getinfo(DOC_NAME)
            if info.file_size > limits.MAX_SMALL_DOC_BYTES:
                raise ValueError
            return Ack.from_doc(json.loads(z.read(info)))
    except Exception:  # noqa: BLE001 - anything malformed: the full check says what
        return None  # type: ignore[return-value]


@dataclass(frozen=True)
class ImportAck(Operation):
    file: str

    kind = "package_ack"
    label_key = "op.package_ack"
    undoable = False

    def label_params(self) -> dict[str, Any]:
        return {"name": Path(self.file).name}

    def apply(self, ctx: OpContext) -> Changes:
        s = ctx.session
        require(s, "commune", ctx.register.where)
        path = Path(self.file)
        claimed = _claimed(path)
        sent = list(s.scalars(select(Package).where(Package.direction == "sent").order_by(Package.seq)))
        row = next((p for p in sent if claimed is not None and p.id == claimed.package.package_id), None)
        if row is None:
            if claimed is None:   # malformed: the full check against the last package says why
                row = sent[-1] if sent else None
            if row is None:
                ref = claimed.package.package_id[:8] if claimed else path.name
                raise HgdError("ack.unknown_package", name=path.name, ref=ref)
        office_keys = [k for k in keyring.trusted_keys(s) if k.unit_code == row.recipient]
        if not office_keys:
            office_keys = [TrustedKey(row.recipient or "", keyring.own_public(s))]  # nothing trusted: refused below
        expected = PackageRef(row.id, row.commune_code, row.period or "", row.seq, row.manifest_sha256 or "",
                              row.payload_sha256 or "")
        ack = verify_ack(path, office_keys, expected)
        if row.acknowledged_at is not None:
            raise HgdError("ack.already", ref=f"{row.commune_code} {row.period} #{row.seq}")
        now = datetime.now(UTC).replace(tzinfo=None)
        raw = path.read_bytes()
        row.acknowledged_at, row.status = now, "acknowledged"
        ctx.updated(row)
        ctx.add(PackageAck(package_id=row.id, direction="received", office_code=ack.office_code,
                           file_name=path.name, sha256=hashlib.sha256(raw).hexdigest(),
                           data=base64.b64encode(raw).decode("ascii"),
                           received_at=ack.received_at.astimezone(UTC).replace(tzinfo=None)))
        period = s.get(Period, row.period_id) if row.period_id else None
        if period is not None:
            if period.status == "exported":
                periods.advance(ctx, period, "collected")
            periods.advance(ctx, period, "acknowledged")
        ctx.value = {"package": {"id": row.id, "period": row.period, "sequence": row.seq},
                     "office": {"code": ack.office_code, "name": ack.office_name},
                     "received_at": ack.received_at.isoformat(), "counts_merged": dict(ack.counts_merged),
                     "missing_sequences": list(ack.missing_sequences),
                     "period_status": period.status if period else None}
        return ctx.changes
