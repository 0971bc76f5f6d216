"""The commune's package of a locked period: data.json and the lists (XLSX, PDF), signed and encrypted to the office
(app.packages.build: temporary name, read back, verified, renamed); the period becomes "exported"."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select

from app import messages
from app.errors import HgdError
from app.exchange import data as data_
from app.exchange import keyring
from app.exchange.units import own_unit, require
from app.lists import periods
from app.operations import Changes, OpContext, Operation
from app.packages import ManifestFields, build_package
from app.store.models import Package

messages.register({
    "op.package_export": ("Xuất gói dữ liệu kỳ {month}", "Export the package of {month}"),
    "package.period_not_locked": ("Kỳ {month} đang ở trạng thái '{status}': chỉ kỳ đã khóa mới xuất gói được.",
                                  "The period {month} is '{status}': only a locked period's package can be exported."),
    "package.no_period": ("Chưa có kỳ {month}.", "There is no period {month}."),
})


@dataclass(frozen=True)
class ExportPackage(Operation):
    month: str
    out_dir: str
    passphrase: str = field(repr=False, default="")

    kind = "package_export"
    label_key = "op.package_export"
    undoable = False          # the file has left the register: its number is never used again

    def label_params(self) -> dict[str, Any]:
        return {"month": periods.shown(self.month)}

    def params(self) -> dict[str, Any]:
        return {"month": self.month, "out_dir": self.out_dir}

    def apply(self, ctx: OpContext) -> Changes:
        s = ctx.session
        require(s, "commune", ctx.register.where)
        month = periods.parse_month(self.month)
        period = periods.find(s, ctx.commune_id or "", month)
        if period is None:
            raise HgdError("package.no_period", month=periods.shown(month))
        if period.status != "locked":
            raise HgdError("package.period_not_locked", month=periods.shown(month),
                           status=periods.status_name(period.status))
        unit = own_unit(s)
        now = datetime.now(UTC)
        office = keyring.office_public(s, now)
        last = s.scalar(select(Package).where(Package.direction == "sent", Package.commune_code == unit.code)
                        .order_by(Package.seq.desc()).limit(1))
        seq = (s.scalar(select(func.max(Package.seq)).where(Package.commune_code == unit.code)) or 0) + 1
        data = data_.period_data(s, ctx.commune_id or "", month)
        ctx.progress(1, 4, "data")
        docs = _documents(ctx, month)
        ctx.progress(2, 4, "lists")
        counts = {**data_.counts(data), "lists": sum(1 for d in docs if d.kind == "pdf")}
        fields = ManifestFields(unit.code, unit.name, month, seq, last.manifest_sha256 if last else None, counts,
                                created_at=now.astimezone())
        with keyring.unlock(s, self.passphrase) as keys:
            built = build_package(self.out_dir, manifest_fields=fields, data=data,
                                  files={d.name: d.data for d in docs}, signing_key=keys, recipient=office)
        ctx.progress(3, 4, "written")
        try:
            lists = [{"name": d.name, "kind": d.kind, "form": d.form, "variant": d.variant, "persons": d.persons,
                      "pages": d.pages} for d in docs]
            ctx.add(Package(id=built.package_id, commune_code=unit.code, seq=seq, period_id=period.id,
                            direction="sent", file_name=built.path.name, manifest_sha256=built.manifest_sha256,
                            payload_sha256=built.manifest.payload_sha256, signer_key_id=keys.public.signing.key_id,
                            recipient=office.unit.code, status="exported", commune_id=ctx.commune_id,
                            period=month, fingerprint=built.fingerprint.sha256, size=built.size,
                            previous_manifest_sha256=fields.previous_manifest_sha256, counts=counts,
                            details={"lists": lists, "office": office.unit.to_dict(),
                                     "created_at": now.isoformat()}))
            periods.advance(ctx, period, "exported")
            s.flush()
        except BaseException:
            built.path.unlink(missing_ok=True)
            raise
        ctx.value = {"path": str(built.path), "id": built.package_id, "sequence": seq, "period": month,
                     "fingerprint": built.fingerprint.full, "fingerprint_short": built.fingerprint.short,
                     "sha256": built.fingerprint.sha256, "size": built.size, "counts": counts,
                     "office": office.unit.to_dict()}
        return ctx.changes


def _documents(ctx: OpContext, month: str) -> list[Any]:
    from app.lists.documents import documents
    from app.lists.period_ops import view

    v = view(ctx.session, ctx.commune_id or "", month, ctx.today)
    return documents(v.info.month, v.lists)

