"""The packages page's reads: which unit the register is and its keys, the trusted units, a commune's periods with
their packages (exported, collected, acknowledged), an office's communes against the deadline; the courier's check
(with a register's trusted keys or a key folder), the office's check before an import, and the files the page writes
(public keys, acknowledgements; the handover minutes: app.views.printouts)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from app.errors import HgdError
from app.lists import periods
from app.store.models import Package, PackageCollection, Period

if TYPE_CHECKING:
    from app.packages import PublicKeys, SignedAck
    from app.register import Register

# app.exchange and app.packages (age, minisign, the JSON schemas) are imported where used: the window starts without
# them, the first read of the packages page loads them.


@dataclass(frozen=True)
class KeyInfo:
    unit_kind: str
    unit_code: str
    unit_name: str
    key_id: str
    fingerprint: str          # 16 groups of four: for the registry and paper
    short: str                # 5 groups: read aloud, written on paper
    age_recipient: str | None


@dataclass(frozen=True)
class TrustedRow:
    unit_kind: str
    unit_code: str
    unit_name: str
    key_id: str
    fingerprint: str
    short: str
    status: str               # active, replaced
    source: str               # folder, paper, rotation
    valid_from: str | None    # YYYY-MM-DD
    valid_to: str | None


@dataclass(frozen=True)
class SentRow:
    """A commune's closed period and its newest package (None before the export)."""

    month: str
    status: str               # the period's: locked, exported, collected, acknowledged
    seq: int | None = None
    package_id: str | None = None
    file_name: str | None = None
    short: str | None = None
    fingerprint: str | None = None
    exported_at: str | None = None          # dd/mm/yyyy hh:mm, local time
    collected_by: str | None = None
    collected_at: str | None = None
    acknowledged_at: str | None = None
    persons: int | None = None


@dataclass(frozen=True)
class CommuneRow:
    """What one commune sent an office: the packages by number, the gaps, the month due on the 5th."""

    code: str
    name: str
    count: int
    last_seq: int
    last_period: str
    last_at: str
    persons: int | None
    missing: list[int]
    due_period: str
    deadline: str
    received: bool
    late: bool
    overdue: bool


@dataclass(frozen=True)
class PackagesState:
    kind: str                               # commune, office
    unit_name: str = ""
    unit_code: str = ""
    unit_problem: str | None = None         # why the register cannot send (a commune without its code)
    own: KeyInfo | None = None
    trusted: list[TrustedRow] = field(default_factory=list)
    office_trusted: bool = False            # a commune: its office's keys registered (needed to export)
    sent: list[SentRow] = field(default_factory=list)
    communes: list[CommuneRow] = field(default_factory=list)
    today: date | None = None


def key_info(public: PublicKeys) -> KeyInfo:
    fp = public.fingerprint
    return KeyInfo(public.unit.kind, public.unit.code, public.unit.name, public.signing.key_id, fp.full, fp.short,
                   public.age_recipient)


def _day(moment: datetime | None) -> str | None:
    """A stored moment (naive UTC) in local time, to the minute."""
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC).astimezone().strftime("%d/%m/%Y %H:%M")


def _sent(s: Any, commune_id: str) -> list[SentRow]:
    from app.packages import Fingerprint

    rows = list(s.scalars(select(Period).where(Period.commune_id == commune_id,
                                               Period.status.in_(periods.CLOSED))
                          .order_by(Period.month.desc())))
    packages: dict[str, Package] = {}
    for p in s.scalars(select(Package).where(Package.direction == "sent").order_by(Package.seq)):
        if p.period:
            packages[p.period] = p          # the newest of a period wins
    out = []
    for r in rows:
        p = packages.get(r.month)
        if p is None:
            out.append(SentRow(r.month, r.status))
            continue
        got = s.scalars(select(PackageCollection).where(PackageCollection.package_ref == p.id)
                        .order_by(PackageCollection.collected_at)).first()
        fp = Fingerprint(p.fingerprint) if p.fingerprint else None
        out.append(SentRow(r.month, r.status, p.seq, p.id, p.file_name, fp.short if fp else None,
                           fp.full if fp else None, _day(p.created_at), got.collected_by if got else None,
                           _day(got.collected_at if got else p.collected_at), _day(p.acknowledged_at),
                           (p.counts or {}).get("persons")))
    return out


def _communes(s: Any, today: date) -> list[CommuneRow]:
    from app.exchange import overview

    v = overview.overview(s, today)
    out = []
    for c in v["communes"]:
        last, due = c["last"], c["due"]
        at = _day(datetime.fromisoformat(last["at"])) or ""
        out.append(CommuneRow(c["code"], c["name"], len(c["packages"]), last["sequence"], last["period"], at,
                              last["persons"], list(c["missing"]), due["period"], due["deadline"], due["received"],
                              due["late"], due["overdue"]))
    return out


def packages_state(reg: Register) -> PackagesState:
    from app.exchange import keyring
    from app.exchange.units import own_unit, register_kind
    from app.packages import Fingerprint

    today = reg.today()
    with reg.reading() as s:
        kind = register_kind(s)
        try:
            unit = own_unit(s)
            name, code, problem = unit.name, unit.code, None
        except HgdError as err:
            name, code, problem = "", "", str(err)
        own = key_info(keyring.own_public(s)) if keyring.own_row(s) is not None else None
        trusted = [TrustedRow(r.unit_kind, r.unit_code, r.unit_name, r.key_id, Fingerprint(r.fingerprint).full,
                              Fingerprint(r.fingerprint).short, r.status, r.source,
                              r.valid_from.date().isoformat() if r.valid_from else None,
                              r.valid_to.date().isoformat() if r.valid_to else None)
                   for r in keyring.trusted_rows(s)]
        office_trusted = any(t.unit_kind == "office" and t.status == "active" for t in trusted)
        if kind == "office":
            return PackagesState(kind, name, code, problem, own, trusted, office_trusted,
                                 communes=_communes(s, today), today=today)
        commune_id = reg._commune_id_or_none(s)
        sent = _sent(s, commune_id) if commune_id else []
        return PackagesState(kind, name, code, problem, own, trusted, office_trusted, sent=sent, today=today)


# --- the courier ------------------------------------------------------------------------------------------------------

def check_with_folder(file: str | Path, folder: str | Path) -> dict[str, Any]:
    """The courier's check against a commune's public-key folder (no register needed)."""
    from app.exchange import courier

    return courier.describe(courier.check(file, courier.keys_from_folder(folder)))


def check_with_register(reg: Register, file: str | Path) -> dict[str, Any]:
    """The courier's check against the register's keys (its own and the trusted ones)."""
    from app.exchange import courier, keyring

    with reg.reading() as s:
        return courier.describe(courier.check(file, keyring.trusted_keys(s, include_own=True)))


# --- keys -------------------------------------------------------------------------------------------------------------

def folder_keys(folder: str | Path) -> KeyInfo:
    """Another unit's exported folder, read (to show its fingerprint before trusting it)."""
    from app.packages import read_public

    return key_info(read_public(folder))


def export_keys(reg: Register, folder: str | Path) -> list[Path]:
    from app.exchange import keyring
    from app.packages import export_public

    with reg.reading() as s:
        public = keyring.own_public(s)
    return export_public(public, folder)


# --- the office's import ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Prechecked:
    """A package checked before its import: `ack` is set when it was received before (nothing to apply)."""

    package: dict[str, Any]
    decision: str              # new, gap, same_again
    ack: SignedAck | None


def precheck(reg: Register, file: str | Path) -> Prechecked:
    """Verify a package against the office's trusted keys and its sequence (as `hgd package import` does before
    applying): refused packages raise the core's error; the same package again hands back its acknowledgement."""
    from app.exchange import courier, receive
    from app.exchange.units import require

    with reg.reading() as s:
        require(s, "office", reg.where)
        verified, decision = receive._verify(s, str(file))
        ack = receive._stored_ack(s, verified.manifest.package_id, verified.path.name) \
            if decision.kind == "same_again" else None
        return Prechecked(courier.describe(verified), decision.kind, ack)


def save_ack(signed: SignedAck, folder: str | Path) -> Path:
    from app.packages import write_ack

    Path(folder).mkdir(parents=True, exist_ok=True)
    return write_ack(folder, signed)
