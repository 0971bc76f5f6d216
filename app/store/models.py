"""The register's tables: SQLAlchemy 2 typed models. Keys are UUID text so records from many communes never collide.

Dates of birth are stored as ISO partial dates ("1975", "1975-03", "1975-03-15"): the precision is in the text and
they sort correctly. Nothing is deleted: persons and households carry a status with its date; a record made by an
action that was undone is `void`, an event `withdrawn`. Every household, person, event, period, finding and
resolution belongs to one commune, so that an office's database holds many communes side by side.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from app.domain.events import EVENT_STATUSES, EVENT_TYPES, ROLES
from app.ids import new_id
from app.store.clock import utcnow

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

PERSON_STATUSES = ("active", "dead", "moved_out", "merged", "void")
HOUSEHOLD_STATUSES = ("active", "split_from", "merged_into", "dissolved", "void")
PERIOD_STATUSES = ("open", "locked", "exported", "collected", "acknowledged", "void")
RECORD_STATUSES = ("active", "void")          # communes, parameters, produced lists, resolutions
FINDING_STATUSES = ("open", "resolved", "void")
STAFF_STATUSES = ("active", "ended", "void")

__all__ = ["new_id", "utcnow"]


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


def Json() -> JSON:
    """JSON whose Python None is SQL NULL (not the JSON text 'null'), on SQLite and PostgreSQL alike."""
    return JSON(none_as_null=True)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Action(Base):
    """One user action = one transaction. `seq` orders them for undo/redo; every audit entry and event points to
    the action that made it. An undo or redo is an action too, pointing to the action it undoes or redoes."""

    __tablename__ = "actions"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    label_key: Mapped[str] = mapped_column(String(60))
    label_params: Mapped[dict[str, Any] | None] = mapped_column(Json())
    params: Mapped[dict[str, Any] | None] = mapped_column(Json())
    summary: Mapped[dict[str, Any] | None] = mapped_column(Json())
    actor: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    commune_id: Mapped[str | None] = mapped_column(ForeignKey("communes.id"), index=True)
    undoable: Mapped[bool] = mapped_column(Boolean, default=True)
    undone: Mapped[bool] = mapped_column(Boolean, default=False)
    target_id: Mapped[str | None] = mapped_column(ForeignKey("actions.id"), index=True)  # of an undo or a redo


class Commune(Base):
    """A commune (UBND xã) and its identity as printed on its lists and minutes."""

    __tablename__ = "communes"
    __table_args__ = (CheckConstraint(f"status IN {_in(RECORD_STATUSES)}", name="status"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(String(10), unique=True)
    name: Mapped[str] = mapped_column(Text)
    province_code: Mapped[str | None] = mapped_column(String(3))
    province_name: Mapped[str | None] = mapped_column(Text)
    district_name: Mapped[str | None] = mapped_column(Text)
    address: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(String(30))
    email: Mapped[str | None] = mapped_column(Text)
    tax_code: Mapped[str | None] = mapped_column(String(20))
    unit_code: Mapped[str | None] = mapped_column(String(20))      # "Mã đơn vị" given by BHXH
    chairman: Mapped[str | None] = mapped_column(Text)
    clerk: Mapped[str | None] = mapped_column(Text)
    post_office: Mapped[str | None] = mapped_column(Text)
    bhxh_office: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="active")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class Household(Base):
    __tablename__ = "households"
    __table_args__ = (
        CheckConstraint(f"status IN {_in(HOUSEHOLD_STATUSES)}", name="status"),
        UniqueConstraint("commune_id", "code"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    commune_id: Mapped[str] = mapped_column(ForeignKey("communes.id"))
    code: Mapped[str] = mapped_column(String(40))
    address: Mapped[str | None] = mapped_column(Text)
    head_person_id: Mapped[str | None] = mapped_column(
        ForeignKey("persons.id", use_alter=True, name="fk_households_head_person_id_persons"), index=True
    )
    status: Mapped[str] = mapped_column(String(20), default="active")
    status_date: Mapped[str | None] = mapped_column(String(10))
    related_household_id: Mapped[str | None] = mapped_column(ForeignKey("households.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    members: Mapped[list[Person]] = relationship(
        back_populates="household", foreign_keys="Person.household_id", order_by="Person.created_at"
    )


class Person(Base):
    __tablename__ = "persons"
    __table_args__ = (
        CheckConstraint(f"status IN {_in(PERSON_STATUSES)}", name="status"),
        CheckConstraint("sex IN ('M', 'F') OR sex IS NULL", name="sex"),
        Index("ix_persons_birth_year_name_key", "birth_year", "name_key"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    commune_id: Mapped[str] = mapped_column(ForeignKey("communes.id"), index=True)
    household_id: Mapped[str | None] = mapped_column(ForeignKey("households.id"), index=True)
    full_name: Mapped[str] = mapped_column(Text)
    name_key: Mapped[str] = mapped_column(Text, index=True)
    birth_date: Mapped[str | None] = mapped_column(String(10))
    birth_year: Mapped[int | None] = mapped_column(Integer)
    sex: Mapped[str | None] = mapped_column(String(1))
    ethnicity_code: Mapped[str | None] = mapped_column(String(2))
    nationality: Mapped[str] = mapped_column(String(3), default="VN")
    birth_place: Mapped[str | None] = mapped_column(Text)
    birth_place_key: Mapped[str | None] = mapped_column(Text)
    birth_province_code: Mapped[str | None] = mapped_column(String(3))
    id_number: Mapped[str | None] = mapped_column(String(12), index=True)
    id_kind: Mapped[str | None] = mapped_column(String(5))
    bhxh_code: Mapped[str | None] = mapped_column(String(10), index=True)
    relation: Mapped[str | None] = mapped_column(String(20))
    group_code: Mapped[str | None] = mapped_column(String(2))
    card_number: Mapped[str | None] = mapped_column(String(15))
    card_valid_from: Mapped[str | None] = mapped_column(String(10))
    card_valid_to: Mapped[str | None] = mapped_column(String(10))
    health_facility: Mapped[str | None] = mapped_column(Text)
    address: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default="active")
    status_date: Mapped[str | None] = mapped_column(String(10))
    status_detail: Mapped[str | None] = mapped_column(Text)
    merged_into_id: Mapped[str | None] = mapped_column(ForeignKey("persons.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    household: Mapped[Household | None] = relationship(back_populates="members", foreign_keys=[household_id])


class Period(Base):
    """A reporting month (kỳ báo cáo): open → locked → exported → collected → acknowledged."""

    __tablename__ = "periods"
    __table_args__ = (
        CheckConstraint(f"status IN {_in(PERIOD_STATUSES)}", name="status"),
        UniqueConstraint("commune_id", "month"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    commune_id: Mapped[str] = mapped_column(ForeignKey("communes.id"))
    month: Mapped[str] = mapped_column(String(7))
    status: Mapped[str] = mapped_column(String(20), default="open")
    locked_at: Mapped[datetime | None] = mapped_column(DateTime)
    details: Mapped[dict[str, Any] | None] = mapped_column(Json())


class Event(Base):
    """A dated change (birth, death, split, merge, move, correction, group or head change). `details` is the
    versioned payload of app.domain.events: what the month's lists need, as it was when the event was recorded."""

    __tablename__ = "events"
    __table_args__ = (
        CheckConstraint(f"type IN {_in(tuple(EVENT_TYPES))}", name="type"),
        CheckConstraint(f"status IN {_in(EVENT_STATUSES)}", name="status"),
        Index("ix_events_commune_id_effective_date", "commune_id", "effective_date"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    commune_id: Mapped[str] = mapped_column(ForeignKey("communes.id"))
    type: Mapped[str] = mapped_column(String(30), index=True)
    effective_date: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(20), default="recorded")
    reported_period_id: Mapped[str | None] = mapped_column(ForeignKey("periods.id"), index=True)
    payload_version: Mapped[int] = mapped_column(Integer, default=1)
    details: Mapped[dict[str, Any] | None] = mapped_column(Json())
    action_id: Mapped[str | None] = mapped_column(ForeignKey("actions.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    subjects: Mapped[list[EventSubject]] = relationship(back_populates="event")


class EventSubject(Base):
    """A person or household an event touches, with its role (child, mother, moved member, new household…).
    Written once with its event and never changed: the event's audit entries cover it."""

    __tablename__ = "event_subjects"
    __table_args__ = (CheckConstraint(f"role IN {_in(ROLES)}", name="role"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id"), index=True)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("persons.id"), index=True)
    household_id: Mapped[str | None] = mapped_column(ForeignKey("households.id"), index=True)
    role: Mapped[str] = mapped_column(String(30))

    event: Mapped[Event] = relationship(back_populates="subjects")


class Finding(Base):
    """Something the review noticed (a possible duplicate pair, a one-person household, a CCCD that contradicts the
    birth year …). `fingerprint` identifies it across runs, so a decision about it is not asked again."""

    __tablename__ = "findings"
    __table_args__ = (
        CheckConstraint(f"status IN {_in(FINDING_STATUSES)}", name="status"),
        UniqueConstraint("commune_id", "fingerprint"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    commune_id: Mapped[str] = mapped_column(ForeignKey("communes.id"))
    kind: Mapped[str] = mapped_column(String(40), index=True)
    fingerprint: Mapped[str] = mapped_column(String(128))
    score: Mapped[float | None] = mapped_column(Float)
    reasons: Mapped[list[Any] | None] = mapped_column(Json())
    params: Mapped[dict[str, Any] | None] = mapped_column(Json())
    status: Mapped[str] = mapped_column(String(20), default="open")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class FindingSubject(Base):
    """A person or household a finding is about; written with the finding, never changed."""

    __tablename__ = "finding_subjects"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    finding_id: Mapped[str] = mapped_column(ForeignKey("findings.id"), index=True)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("persons.id"), index=True)
    household_id: Mapped[str | None] = mapped_column(ForeignKey("households.id"), index=True)


class Resolution(Base):
    """What was decided about a finding (duplicate merged, confirmed distinct, corrected, household checked)."""

    __tablename__ = "resolutions"
    __table_args__ = (CheckConstraint(f"status IN {_in(RECORD_STATUSES)}", name="status"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    commune_id: Mapped[str] = mapped_column(ForeignKey("communes.id"), index=True)
    finding_id: Mapped[str | None] = mapped_column(ForeignKey("findings.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    subject_key: Mapped[str] = mapped_column(Text, index=True)       # the finding's fingerprint
    decision: Mapped[str] = mapped_column(String(30))
    note: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="active")
    action_id: Mapped[str | None] = mapped_column(ForeignKey("actions.id"))
    decided_by: Mapped[str] = mapped_column(String(100))
    decided_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ProducedList(Base):
    """A list a period produced (D03-TS of one group, D02-LT, the change list …), frozen with its lines."""

    __tablename__ = "produced_lists"
    __table_args__ = (CheckConstraint(f"status IN {_in(RECORD_STATUSES)}", name="status"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    commune_id: Mapped[str] = mapped_column(ForeignKey("communes.id"))
    period_id: Mapped[str] = mapped_column(ForeignKey("periods.id"), index=True)
    form: Mapped[str] = mapped_column(String(30))
    form_version: Mapped[str] = mapped_column(String(20))
    variant: Mapped[str | None] = mapped_column(String(20))          # e.g. the participant group of a D03-TS
    sha256: Mapped[str] = mapped_column(String(64))
    line_count: Mapped[int] = mapped_column(Integer, default=0)
    details: Mapped[dict[str, Any] | None] = mapped_column(Json())
    status: Mapped[str] = mapped_column(String(20), default="active")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ListLine(Base):
    """One frozen line of a produced list; written with its list, never changed."""

    __tablename__ = "list_lines"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    list_id: Mapped[str] = mapped_column(ForeignKey("produced_lists.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    section: Mapped[str | None] = mapped_column(String(20))
    event_id: Mapped[str | None] = mapped_column(ForeignKey("events.id"), index=True)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("persons.id"))
    data: Mapped[dict[str, Any]] = mapped_column(Json())


class Staff(Base):
    """The commune's own staff as an employer (cán bộ, công chức, người hoạt động không chuyên trách): one record per
    person and employment, holding the terms in force now; each start, change and end is also a dated event (its
    payload keeps the terms before and after), so that it lands on the month's D02-LT (DOMAIN §6.2)."""

    __tablename__ = "staff"
    __table_args__ = (CheckConstraint(f"status IN {_in(STAFF_STATUSES)}", name="status"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    commune_id: Mapped[str] = mapped_column(ForeignKey("communes.id"), index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    position: Mapped[str] = mapped_column(Text)                           # (7) cấp bậc, chức vụ, nơi làm việc
    job_class: Mapped[str | None] = mapped_column(String(20))             # (8)–(11) manager | high | mid | other
    salary_coefficient: Mapped[float | None] = mapped_column(Float)       # (12) hệ số lương
    salary_amount: Mapped[int | None] = mapped_column(Integer)            # (12) mức lương (đồng), when no scale
    allowance_position: Mapped[float | None] = mapped_column(Float)       # (13) phụ cấp chức vụ (coefficient)
    allowance_seniority_vk: Mapped[float | None] = mapped_column(Float)   # (14) thâm niên vượt khung (%)
    allowance_seniority_job: Mapped[float | None] = mapped_column(Float)  # (15) thâm niên nghề (%)
    allowance_salary: Mapped[float | None] = mapped_column(Float)         # (16) phụ cấp lương
    allowance_other: Mapped[float | None] = mapped_column(Float)          # (17) các khoản bổ sung
    hazard_from: Mapped[str | None] = mapped_column(String(10))           # (18)
    hazard_to: Mapped[str | None] = mapped_column(String(10))             # (19)
    contract_kind: Mapped[str | None] = mapped_column(String(20))         # indefinite | fixed | other | decision
    contract_from: Mapped[str | None] = mapped_column(String(10))         # (20), (21) or (23)
    contract_to: Mapped[str | None] = mapped_column(String(10))           # (22) or (24)
    decision: Mapped[str | None] = mapped_column(Text)                    # (27) the decision or contract, no. and date
    contributions_from: Mapped[str | None] = mapped_column(String(7))     # (25) YYYY-MM
    contributions_to: Mapped[str | None] = mapped_column(String(7))       # (26) YYYY-MM
    valid_from: Mapped[str] = mapped_column(String(10))                   # the day these terms took effect
    status: Mapped[str] = mapped_column(String(20), default="active")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class Parameter(Base):
    """A dated parameter (the base salary: 2,340,000 đ from 1/7/2024 …): the value in force on a day is the one
    with the latest `valid_from` not after it. `commune_id` empty = for every commune of the register."""

    __tablename__ = "parameters"
    __table_args__ = (
        CheckConstraint(f"status IN {_in(RECORD_STATUSES)}", name="status"),
        UniqueConstraint("commune_id", "key", "valid_from"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    commune_id: Mapped[str | None] = mapped_column(ForeignKey("communes.id"))
    key: Mapped[str] = mapped_column(String(60))
    value: Mapped[Any] = mapped_column(Json())
    valid_from: Mapped[str] = mapped_column(String(10))
    source: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="active")


class ImportIssue(Base):
    """A problem an import met in one row, kept so the review can show it: a value that could not be stored (a
    malformed CCCD, a phone with letters) is here with the row's other issues — nothing a clerk typed is lost."""

    __tablename__ = "import_issues"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    commune_id: Mapped[str] = mapped_column(ForeignKey("communes.id"), index=True)
    action_id: Mapped[str] = mapped_column(ForeignKey("actions.id"), index=True)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("persons.id"), index=True)
    file: Mapped[str] = mapped_column(Text)
    sheet: Mapped[str | None] = mapped_column(Text)
    row: Mapped[int] = mapped_column(Integer)
    column: Mapped[str] = mapped_column(Text)
    value: Mapped[str] = mapped_column(Text)
    reason_key: Mapped[str] = mapped_column(String(60))
    params: Mapped[dict[str, Any] | None] = mapped_column(Json())
    severity: Mapped[str] = mapped_column(String(10))   # rejected | warning | dropped


class AuditEntry(Base):
    """Append-only: one changed field of one row, old and new as typed JSON values (field '*' with the whole row as
    a JSON object when a row is created)."""

    __tablename__ = "audit_entries"
    __table_args__ = (Index("ix_audit_entries_entity", "entity", "entity_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    action_id: Mapped[str] = mapped_column(ForeignKey("actions.id"), index=True)
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[str] = mapped_column(String(60))
    field: Mapped[str] = mapped_column(String(40))
    old: Mapped[Any | None] = mapped_column(Json())
    new: Mapped[Any | None] = mapped_column(Json())
    actor: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Package(Base):
    """A signed package of a period's data, as sent (commune) or received (district)."""

    __tablename__ = "packages"
    __table_args__ = (UniqueConstraint("commune_code", "seq"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    commune_code: Mapped[str] = mapped_column(String(10))
    seq: Mapped[int] = mapped_column(Integer)
    period_id: Mapped[str | None] = mapped_column(ForeignKey("periods.id"))
    direction: Mapped[str] = mapped_column(String(10))
    file_name: Mapped[str | None] = mapped_column(Text)
    manifest_sha256: Mapped[str | None] = mapped_column(String(64))
    payload_sha256: Mapped[str | None] = mapped_column(String(64))
    signer_key_id: Mapped[str | None] = mapped_column(String(64))
    recipient: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    collected_at: Mapped[datetime | None] = mapped_column(DateTime)
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime)
    # 0004: what the package is, as its manifest says (the row's id is the manifest's package id)
    commune_id: Mapped[str | None] = mapped_column(ForeignKey("communes.id"), index=True)
    period: Mapped[str | None] = mapped_column(String(7))
    fingerprint: Mapped[str | None] = mapped_column(String(64))           # SHA-256 of the .zip
    size: Mapped[int | None] = mapped_column(Integer)
    previous_manifest_sha256: Mapped[str | None] = mapped_column(String(64))
    counts: Mapped[dict[str, Any] | None] = mapped_column(Json())
    details: Mapped[dict[str, Any] | None] = mapped_column(Json())        # gaps, merged counts, the lists


KEY_STATUSES = ("active", "replaced", "void")
KEY_SOURCES = ("own", "folder", "paper", "rotation")


class UnitKey(Base):
    """This register's own keys (a commune's signing key; an office's signing and age keys), private halves
    encrypted with the passphrase (app.packages.keys.LockedKeys). One active row; a replaced one is kept."""

    __tablename__ = "unit_keys"
    __table_args__ = (CheckConstraint(f"status IN {_in(KEY_STATUSES)}", name="status"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    unit_kind: Mapped[str] = mapped_column(String(10))
    unit_code: Mapped[str] = mapped_column(String(40))
    unit_name: Mapped[str] = mapped_column(Text)
    key_id: Mapped[str] = mapped_column(String(16), index=True)
    minisign_public: Mapped[str] = mapped_column(Text)
    age_recipient: Mapped[str | None] = mapped_column(Text)
    locked: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="active")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class TrustedUnitKey(Base):
    """Another unit's public keys this register trusts (an office: its communes'; a commune: its office's), each
    with its validity; a replaced key keeps its row with `valid_to` set."""

    __tablename__ = "trusted_keys"
    __table_args__ = (CheckConstraint(f"status IN {_in(KEY_STATUSES)}", name="status"),
                      CheckConstraint(f"source IN {_in(KEY_SOURCES)}", name="source"))
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    unit_kind: Mapped[str] = mapped_column(String(10))
    unit_code: Mapped[str] = mapped_column(String(40), index=True)
    unit_name: Mapped[str] = mapped_column(Text)
    key_id: Mapped[str] = mapped_column(String(16), index=True)
    minisign_public: Mapped[str] = mapped_column(Text)
    age_recipient: Mapped[str | None] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(64))
    valid_from: Mapped[datetime | None] = mapped_column(DateTime)
    valid_to: Mapped[datetime | None] = mapped_column(DateTime)
    source: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default="active")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class PackageCollection(Base):
    """A courier's check of a package: who collected it and when (hgd package verify --db)."""

    __tablename__ = "package_collections"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    package_id: Mapped[str | None] = mapped_column(ForeignKey("packages.id"), index=True)
    package_ref: Mapped[str] = mapped_column(String(36))                  # the manifest's package id
    commune_code: Mapped[str] = mapped_column(String(10))
    fingerprint: Mapped[str] = mapped_column(String(64))
    collected_by: Mapped[str] = mapped_column(Text)
    collected_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class PackageAck(Base):
    """An acknowledgement: made by the office for a received package (kept to hand out again, byte for byte), or
    received by the commune for a package it sent. `data` is the file, base64."""

    __tablename__ = "package_acks"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    package_id: Mapped[str] = mapped_column(ForeignKey("packages.id"), index=True)
    direction: Mapped[str] = mapped_column(String(10))                    # made | received
    office_code: Mapped[str] = mapped_column(String(40))
    file_name: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Setting(Base):
    """The register's preferences (its kind, the commune it serves, form versions …): key → JSON value. A value of
    None means unset (an undone setting)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[Any | None] = mapped_column(Json())
