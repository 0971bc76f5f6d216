"""The office receives a package: verified against the communes' registered keys before anything is written,
decrypted, every inner hash checked (app.packages.opening), the sequence checked against what the commune sent
before (app.packages.sequence), merged in one transaction (data.merge), then acknowledged with a signed file.
The same package again changes nothing and gives the same acknowledgement, byte for byte."""
from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import messages
from app.errors import HgdError
from app.exchange import data as data_
from app.exchange import keyring
from app.exchange.courier import describe
from app.exchange.units import require
from app.operations import Changes, OpContext, Operation
from app.packages import (
    SignedAck,
    VerifiedManifest,
    check_sequence,
    make_ack,
    open_verified,
    verify_package,
)
from app.packages.ack import Ack
from app.store.models import Commune, Package, PackageAck

if TYPE_CHECKING:
    from app.register import Register

messages.register({
    "op.package_import": ("Nhận gói {name}", "Receive package {name}"),
    "package.ack_missing": ("Gói {name} đã nhận nhưng không còn giấy xác nhận đã lập.",
                            "Package {name} was received but its acknowledgement is missing."),
})


def history(session: Session, commune_code: str) -> list[tuple[int, str, str]]:
    rows = session.execute(select(Package.seq, Package.manifest_sha256, Package.id).where(
        Package.commune_code == commune_code, Package.direction == "received"))
    return [(seq, digest or "", pid) for seq, digest, pid in rows]


def _verify(session: Session, file: str) -> tuple[VerifiedManifest, Any]:
    verified = verify_package(file, keyring.trusted_keys(session))
    decision = check_sequence(history(session, verified.manifest.commune_code), verified)
    if decision.kind == "refused":
        assert decision.error is not None
        raise decision.error
    return verified, decision


def _stored_ack(session: Session, package_id: str, name: str) -> SignedAck:
    row = session.scalar(select(PackageAck).where(PackageAck.package_id == package_id,
                                                  PackageAck.direction == "made"))
    if row is None:
        raise HgdError("package.ack_missing", name=name)
    raw = base64.b64decode(row.data)
    ack = _ack_of(raw)
    return SignedAck(ack, raw)


def _ack_of(raw: bytes) -> Ack:
    import json
    import zipfile
    from io import BytesIO

    with zipfile.ZipFile(BytesIO(raw)) as z:
        return Ack.from_doc(json.loads(z.read("ack.json")))


@dataclass(frozen=True)
class ImportPackage(Operation):
    file: str
    passphrase: str = field(repr=False, default="")

    kind = "package_import"
    label_key = "op.package_import"
    undoable = False          # acknowledged to the commune: the merge stands (a later package corrects it)
    needs_commune = False

    def label_params(self) -> dict[str, Any]:
        return {"name": Path(self.file).name}

    def params(self) -> dict[str, Any]:
        return {"file": Path(self.file).name}

    def apply(self, ctx: OpContext) -> Changes:
        s = ctx.session
        require(s, "office", ctx.register.where)
        verified, decision = _verify(s, self.file)
        m = verified.manifest
        if decision.kind == "same_again":
            signed = _stored_ack(s, m.package_id, verified.path.name)
            ctx.value = {"decision": "same_again", "ack": signed}
            return ctx.changes
        with keyring.unlock(s, self.passphrase) as keys:
            opened = open_verified(verified, keys)
            ctx.progress(1, 3, "opened")
            merged = data_.merge(ctx, opened.data)
            ctx.progress(2, 3, "merged")
            now = datetime.now(UTC)
            signed = make_ack(verified, office_keys=keys, received_at=now.astimezone(), counts_merged=merged,
                              missing_sequences=decision.missing)
        commune_id = s.scalar(select(Commune.id).where(Commune.code == m.commune_code))
        ctx.action.commune_id = commune_id
        ctx.add(Package(id=m.package_id, commune_code=m.commune_code, seq=m.sequence, period_id=None,
                        direction="received", file_name=verified.path.name, manifest_sha256=verified.manifest_sha256,
                        payload_sha256=m.payload_sha256, signer_key_id=verified.signer.signing.key_id,
                        recipient=keys.unit.code, status="acknowledged", commune_id=commune_id, period=m.period,
                        fingerprint=verified.fingerprint.sha256, size=verified.size,
                        previous_manifest_sha256=m.previous_manifest_sha256, counts=dict(m.counts),
                        acknowledged_at=now.replace(tzinfo=None),
                        details={"merged": merged, "missing": list(decision.missing),
                                 "missing_count": decision.missing_count,
                                 "previous_matches": decision.previous_matches,
                                 "created_at": m.created_at.isoformat(), "files": [f.name for f in m.files]}))
        s.flush()
        ctx.add(PackageAck(package_id=m.package_id, direction="made", office_code=keys.unit.code,
                           file_name=signed.file_name, sha256=hashlib.sha256(signed.data).hexdigest(),
                           data=base64.b64encode(signed.data).decode("ascii"), received_at=now.replace(tzinfo=None)))
        ctx.value = {"decision": decision.kind, "ack": signed, "merged": merged, "missing": list(decision.missing),
                     "missing_count": decision.missing_count, "previous_matches": decision.previous_matches}
        return ctx.changes


def import_package(register: Register, file: str | Path, passphrase: str, ack_out: str | Path) -> dict[str, Any]:
    """Receive a package. The same package again is not an action: its stored acknowledgement is written again."""
    from app.packages import write_ack

    with register.reading() as s:
        require(s, "office", register.where)
        verified, decision = _verify(s, str(file))
        if decision.kind == "same_again":
            signed = _stored_ack(s, verified.manifest.package_id, verified.path.name)
            value: dict[str, Any] = {"decision": "same_again", "merged": dict(signed.ack.counts_merged),
                                     "missing": list(signed.ack.missing_sequences)}
            seq = None
    if decision.kind != "same_again":
        result = register.apply(ImportPackage(str(file), passphrase))
        value, seq = dict(result.value), result.seq
        signed = value["ack"]
    Path(ack_out).mkdir(parents=True, exist_ok=True)
    path = write_ack(ack_out, signed)
    value.pop("ack", None)
    return {**value, "package": describe(verified), "ack": {"path": str(path), "file": signed.file_name},
            "action_seq": seq}
