"""The courier's check: the package's signature against the registered keys and its payload's hash, without any
private key; when done with a register, who collected it and when is recorded (the commune's own package: its
period becomes "collected")."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app import messages
from app.exchange import keyring
from app.lists import periods
from app.operations import Changes, OpContext, Operation
from app.packages import TrustedKey, VerifiedManifest, read_public, verify_package
from app.store.models import Package, PackageCollection, Period

messages.register({
    "op.package_collect": ("Nhận chuyển gói {name} ({by})", "Package {name} collected ({by})"),
})


def describe(v: VerifiedManifest) -> dict[str, Any]:
    m = v.manifest
    return {"file": str(v.path), "id": m.package_id, "commune": {"code": m.commune_code, "name": m.commune_name},
            "period": m.period, "sequence": m.sequence, "counts": dict(m.counts), "size": v.size,
            "fingerprint": v.fingerprint.full, "fingerprint_short": v.fingerprint.short,
            "sha256": v.fingerprint.sha256, "payload_sha256": m.payload_sha256, "manifest_sha256": v.manifest_sha256,
            "signer_key_id": v.signer.signing.key_id, "created_at": m.created_at.isoformat()}


def keys_from_folder(folder: str | Path) -> list[TrustedKey]:
    public = read_public(folder)
    return [TrustedKey(public.unit.code, public)]


def check(path: str | Path, keys: list[TrustedKey]) -> VerifiedManifest:
    return verify_package(path, keys)


@dataclass(frozen=True)
class RecordCollection(Operation):
    """The package checked (again, under the write lock) and its collection recorded."""

    file: str
    collected_by: str

    kind = "package_collect"
    label_key = "op.package_collect"
    undoable = False          # a collection happened: it is a fact, not an edit
    needs_commune = False

    def label_params(self) -> dict[str, Any]:
        return {"name": Path(self.file).name, "by": self.collected_by}

    def apply(self, ctx: OpContext) -> Changes:
        s = ctx.session
        verified = verify_package(self.file, keyring.trusted_keys(s, include_own=True))
        m = verified.manifest
        row = s.get(Package, m.package_id)
        ctx.add(PackageCollection(package_id=row.id if row is not None else None, package_ref=m.package_id,
                                  commune_code=m.commune_code, fingerprint=verified.fingerprint.sha256,
                                  collected_by=self.collected_by, collected_at=datetime.now(UTC).replace(tzinfo=None)))
        if row is not None and row.direction == "sent" and row.collected_at is None:
            row.collected_at, row.status = datetime.now(UTC).replace(tzinfo=None), "collected"
            ctx.updated(row)
            period = s.get(Period, row.period_id) if row.period_id else None
            if period is not None and period.status == "exported":
                periods.advance(ctx, period, "collected")
        ctx.value = {**describe(verified), "collected_by": self.collected_by,
                     "recorded": True, "own_package": row is not None and row.direction == "sent"}
        return ctx.changes


def collections(session: Any, package_id: str) -> list[dict[str, Any]]:
    rows = session.scalars(select(PackageCollection).where(PackageCollection.package_ref == package_id)
                           .order_by(PackageCollection.collected_at))
    return [{"by": r.collected_by, "at": r.collected_at.isoformat()} for r in rows]
