"""This register's own keys (stored locked with the passphrase) and the other units' keys it trusts.

A commune trusts its office's keys (to encrypt to it, to check its acknowledgements); an office trusts its
communes' keys (to check their packages). A unit's key is replaced either from the paper fingerprint (the new key's
fingerprint typed as the paper shows it) or from a rotation notice signed by the old key; the old key stays with its
validity closed, so that packages signed before still verify.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import messages
from app.errors import HgdError
from app.exchange.units import own_unit
from app.operations import Changes, OpContext, Operation
from app.packages import (
    LockedKeys,
    PublicKeys,
    SigningPublicKey,
    TrustedKey,
    Unit,
    UnlockedKeys,
    create_keys,
    verify_rotation_notice,
)
from app.store.models import TrustedUnitKey, UnitKey

messages.register({
    "op.keys_init": ("Tạo khóa của đơn vị {unit}", "Create the keys of {unit}"),
    "op.keys_trust": ("Đăng ký khóa của {unit}", "Register the keys of {unit}"),
    "op.keys_rotate": ("Thay khóa của đơn vị", "Replace the unit's keys"),
    "keys.exists": ("Sổ đã có khóa của đơn vị (mã khóa {key_id}); không tạo lại.",
                    "The register already holds the unit's keys (key {key_id}); not made again."),
    "keys.none": ("Sổ chưa có khóa: hãy tạo bằng hgd keys init.", ("The register has no keys yet: make them with "
                                                                 "hgd keys init.")),
    "keys.trust_self": ("Thư mục này là khóa của chính đơn vị này, không cần đăng ký.",
                        "These are this unit's own keys; there is nothing to register."),
    "keys.trust_same_kind": (("Không đăng ký được: {unit} là {kind}, cùng loại với sổ này (xã đăng ký khóa của cơ quan "
                             "BHXH, cơ quan BHXH đăng ký khóa của các xã)."),
                             ("Cannot register: {unit} is a {kind}, like this register (a commune registers its "
                             "office's keys, an office its communes').")),
    "keys.already_trusted": ("Khóa {key_id} của {unit} đã được đăng ký.", ("Key {key_id} of {unit} is already "
                                                                          "registered.")),
    "keys.replace_needs_proof": (
        ("{unit} đã có khóa {old} đăng ký. Để thay bằng khóa {new}: nhập dấu vân tay của khóa mới theo giấy "
        "(--fingerprint) hoặc thông báo đổi khóa ký bằng khóa cũ (--rotation)."),
        ("{unit} already has key {old} registered. To replace it with key {new}: give the new key's fingerprint from "
        "paper (--fingerprint) or a rotation notice signed by the old key (--rotation).")),
    "keys.fingerprint_mismatch": ("Dấu vân tay '{typed}' không khớp với khóa mới của {unit} ({actual}) — không đăng ký.",
                                  ("The fingerprint '{typed}' does not match the new key of {unit} ({actual}) — not "
                                  "registered.")),
    "keys.rotation_other": ("Thông báo đổi khóa không phải cho khóa trong thư mục ({found} thay vì {expected}).",
                            "The rotation notice is not for the key in the folder ({found} instead of {expected})."),
    "keys.no_office": (("Xã chưa đăng ký khóa của cơ quan BHXH nhận gói: hãy dùng hgd keys trust với thư mục khóa "
                       "của cơ quan."),
                       ("The commune has not registered the receiving office's keys: use hgd keys trust with the "
                       "office's key folder.")),
})


def _utc(moment: datetime | None) -> datetime | None:
    """Stored naive UTC; handed out aware."""
    return None if moment is None else moment.replace(tzinfo=UTC)


def _naive_utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def own_row(session: Session) -> UnitKey | None:
    return session.scalar(select(UnitKey).where(UnitKey.status == "active").order_by(UnitKey.created_at.desc()))


def locked(session: Session) -> LockedKeys:
    row = own_row(session)
    if row is None:
        raise HgdError("keys.none")
    return LockedKeys.from_bytes(row.locked.encode("utf-8"))


def own_public(session: Session) -> PublicKeys:
    return locked(session).public


def unlock(session: Session, passphrase: str) -> UnlockedKeys:
    return locked(session).unlock(passphrase)


def _public(row: TrustedUnitKey) -> PublicKeys:
    return PublicKeys(Unit(row.unit_kind, row.unit_code, row.unit_name),  # type: ignore[arg-type]
                      SigningPublicKey.from_base64(row.minisign_public), row.age_recipient)


def trusted_rows(session: Session) -> list[TrustedUnitKey]:
    return list(session.scalars(select(TrustedUnitKey).where(TrustedUnitKey.status != "void")
                                .order_by(TrustedUnitKey.unit_code, TrustedUnitKey.created_at)))


def trusted_keys(session: Session, *, include_own: bool = False) -> list[TrustedKey]:
    """The registered keys with their validity, as app.packages checks signatures against them."""
    keys = [TrustedKey(r.unit_code, _public(r), _utc(r.valid_from), _utc(r.valid_to)) for r in trusted_rows(session)]
    if include_own and own_row(session) is not None:
        public = own_public(session)
        keys.append(TrustedKey(public.unit.code, public))
    return keys


def office_public(session: Session, when: datetime) -> PublicKeys:
    """The office a commune sends to: its registered key valid now (the newest)."""
    rows = [r for r in trusted_rows(session) if r.unit_kind == "office" and r.age_recipient
            and TrustedKey(r.unit_code, _public(r), _utc(r.valid_from), _utc(r.valid_to)).valid_at(when)]
    if not rows:
        raise HgdError("keys.no_office")
    return _public(rows[-1])


def key_dict(public: PublicKeys, **extra: Any) -> dict[str, Any]:
    return {"unit": public.unit.to_dict(), "key_id": public.signing.key_id,
            "fingerprint": public.fingerprint.full, "fingerprint_short": public.fingerprint.short,
            "age_recipient": public.age_recipient, **extra}


@dataclass(frozen=True)
class InitKeys(Operation):
    """Make this unit's keys, locked with the passphrase (which is never stored, nor in the action's params)."""

    passphrase: str = field(repr=False)

    kind = "keys_init"
    label_key = "op.keys_init"
    undoable = False
    needs_commune = False

    def params(self) -> dict[str, Any]:
        return {}

    def label_params(self) -> dict[str, Any]:
        return {"unit": ""}

    def apply(self, ctx: OpContext) -> Changes:
        existing = own_row(ctx.session)
        if existing is not None:
            raise HgdError("keys.exists", key_id=existing.key_id)
        unit = own_unit(ctx.session)
        ctx.action.label_params = {"unit": unit.name}
        keys = create_keys(unit, self.passphrase)
        public = keys.public
        ctx.add(UnitKey(unit_kind=unit.kind, unit_code=unit.code, unit_name=unit.name, key_id=public.signing.key_id,
                        minisign_public=public.signing.base64, age_recipient=public.age_recipient,
                        locked=keys.to_bytes().decode("utf-8"), status="active"))
        ctx.value = key_dict(public)
        return ctx.changes


@dataclass(frozen=True)
class TrustKeys(Operation):
    """Register another unit's public keys (read from its exported folder). A unit already registered with another
    key: the new one replaces it only with the paper fingerprint or a rotation notice signed by the old key."""

    folder: str
    fingerprint: str | None = None
    rotation: str | None = None

    kind = "keys_trust"
    label_key = "op.keys_trust"
    undoable = True
    needs_commune = False

    def label_params(self) -> dict[str, Any]:
        return {"unit": Path(self.folder).name}

    def apply(self, ctx: OpContext) -> Changes:
        from app.packages import read_public

        public = read_public(self.folder)
        unit = public.unit
        ctx.action.label_params = {"unit": f"{unit.name} ({unit.code})"}
        me = own_unit(ctx.session)
        if unit == me or (unit.kind == me.kind and unit.code == me.code):
            raise HgdError("keys.trust_self")
        if unit.kind == me.kind:
            raise HgdError("keys.trust_same_kind", unit=unit.name, kind=unit.kind)
        now = datetime.now(UTC)
        current = [r for r in trusted_rows(ctx.session) if r.unit_code == unit.code and r.unit_kind == unit.kind
                   and r.status == "active"]
        if any(r.minisign_public == public.signing.base64 and r.age_recipient == public.age_recipient
               for r in current):
            raise HgdError("keys.already_trusted", key_id=public.signing.key_id, unit=unit.name)
        source, valid_from = "folder", None
        if current:
            old = current[-1]
            if self.rotation:
                notice = verify_rotation_notice(self.rotation, TrustedKey(old.unit_code, _public(old),
                                                                          _utc(old.valid_from), _utc(old.valid_to)))
                if notice.new_keys != public:
                    raise HgdError("keys.rotation_other", found=notice.new_keys.signing.key_id,
                                   expected=public.signing.key_id)
                source = "rotation"
                valid_from = datetime.combine(notice.effective_from, datetime.min.time())
            elif self.fingerprint:
                if not public.fingerprint.matches(self.fingerprint):
                    raise HgdError("keys.fingerprint_mismatch", typed=self.fingerprint[:80], unit=unit.name,
                                   actual=public.fingerprint.short)
                source = "paper"
                # The courier brings the paper and the packages the new key signed on the way: the new key counts
                # from the start of the local day it is registered; the old one stays valid until this moment.
                day_start = datetime.combine(now.astimezone().date(), datetime.min.time()).astimezone()
                valid_from = _naive_utc(day_start)
            else:
                raise HgdError("keys.replace_needs_proof", unit=unit.name, old=old.key_id,
                               new=public.signing.key_id)
            replaced_at = _naive_utc(now) if source == "paper" else valid_from
            for r in current:
                r.status, r.valid_to = "replaced", replaced_at
                ctx.updated(r)
        ctx.add(TrustedUnitKey(unit_kind=unit.kind, unit_code=unit.code, unit_name=unit.name,
                               key_id=public.signing.key_id, minisign_public=public.signing.base64,
                               age_recipient=public.age_recipient, fingerprint=public.fingerprint.sha256,
                               valid_from=valid_from, valid_to=None, source=source, status="active"))
        ctx.value = key_dict(public, source=source, replaced=[r.key_id for r in current])
        return ctx.changes


@dataclass(frozen=True)
class RotateKeys(Operation):
    """Replace this unit's keys: new keys locked with the passphrase, and a rotation notice signed by the old key
    (written to `out_dir` with the new public keys) that the other side registers with `hgd keys trust --rotation`.
    The old keys are kept, marked replaced."""

    passphrase: str = field(repr=False)
    out_dir: str = ""

    kind = "keys_rotate"
    label_key = "op.keys_rotate"
    undoable = False
    needs_commune = False

    def params(self) -> dict[str, Any]:
        return {"out_dir": self.out_dir}

    def apply(self, ctx: OpContext) -> Changes:
        from app.packages import export_public, make_rotation_notice

        old_row = own_row(ctx.session)
        if old_row is None:
            raise HgdError("keys.none")
        old = LockedKeys.from_bytes(old_row.locked.encode("utf-8"))
        new = create_keys(old.unit, self.passphrase)
        now = datetime.now(UTC)
        with old.unlock(self.passphrase) as old_keys:
            notice = make_rotation_notice(old_keys, new.public, effective_from=now.astimezone().date(),
                                          created_at=now.astimezone())
        old_row.status = "replaced"
        ctx.updated(old_row)
        public = new.public
        ctx.add(UnitKey(unit_kind=public.unit.kind, unit_code=public.unit.code, unit_name=public.unit.name,
                        key_id=public.signing.key_id, minisign_public=public.signing.base64,
                        age_recipient=public.age_recipient, locked=new.to_bytes().decode("utf-8"), status="active"))
        folder = Path(self.out_dir)
        export_public(public, folder)
        path = notice.write(folder)
        ctx.value = key_dict(public, notice=str(path), old_key_id=old_row.key_id)
        return ctx.changes
