"""The register's tables: SQLAlchemy 2 typed models. Keys are UUID text so records from many communes never collide.

Dates of birth are stored as ISO partial dates ("1975", "1975-03", "1975-03-15"): the precision is in the text and
they sort correctly. Nothing is deleted: persons and households carry a status with its date.
"""
from __future__ import annotations

import uuid
from datetime import datetime, timezone

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

PERSON_STATUSES = ("active", "dead", "moved_out", "merged")
HOUSEHOLD_STATUSES = ("active", "split_from", "merged_into", "dissolved")
PERIOD_STATUSES = ("open", "locked", "exported", "collected", "acknowledged")


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Action(Base):
    """One user action = one transaction; every audit entry and event points to the action that made it."""

    __tablename__ = "actions"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(Text)
    user: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    details: Mapped[dict | None] = mapped_column(JSON)


class Household(Base):
    __tablename__ = "households"
    __table_args__ = (
        CheckConstraint(f"status IN {HOUSEHOLD_STATUSES!r}", name="status"),
        UniqueConstraint("commune_code", "code"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(String(40))
    commune_code: Mapped[str] = mapped_column(String(10), default="")
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
        CheckConstraint(f"status IN {PERSON_STATUSES!r}", name="status"),
        CheckConstraint("sex IN ('M', 'F') OR sex IS NULL", name="sex"),
        Index("ix_persons_birth_year_name_key", "birth_year", "name_key"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
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
    __table_args__ = (CheckConstraint(f"status IN {PERIOD_STATUSES!r}", name="status"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    month: Mapped[str] = mapped_column(String(7), unique=True)
    status: Mapped[str] = mapped_column(String(20), default="open")
    locked_at: Mapped[datetime | None] = mapped_column(DateTime)
    details: Mapped[dict | None] = mapped_column(JSON)


class Event(Base):
    """A dated change (birth, death, split, merge, move, correction, group or head change)."""

    __tablename__ = "events"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    type: Mapped[str] = mapped_column(String(30), index=True)
    effective_date: Mapped[str] = mapped_column(String(10))
    period_id: Mapped[str | None] = mapped_column(ForeignKey("periods.id"), index=True)
    action_id: Mapped[str | None] = mapped_column(ForeignKey("actions.id"))
    details: Mapped[dict | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    subjects: Mapped[list[EventSubject]] = relationship(back_populates="event")


class EventSubject(Base):
    """A person or household an event touches, with its role (child, mother, moved member, new household…)."""

    __tablename__ = "event_subjects"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id"), index=True)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("persons.id"), index=True)
    household_id: Mapped[str | None] = mapped_column(ForeignKey("households.id"), index=True)
    role: Mapped[str] = mapped_column(String(30))

    event: Mapped[Event] = relationship(back_populates="subjects")


class Resolution(Base):
    """A review finding and what was decided about it (merged, confirmed distinct, corrected, kept)."""

    __tablename__ = "resolutions"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    subject_key: Mapped[str] = mapped_column(Text, index=True)
    decision: Mapped[str] = mapped_column(String(30))
    note: Mapped[str | None] = mapped_column(Text)
    action_id: Mapped[str | None] = mapped_column(ForeignKey("actions.id"))
    decided_by: Mapped[str] = mapped_column(String(100))
    decided_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AuditEntry(Base):
    """Append-only: one changed field of one row (field '*' with a JSON snapshot when a row is created)."""

    __tablename__ = "audit_entries"
    __table_args__ = (Index("ix_audit_entries_entity", "entity", "entity_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(40))
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
    user: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    action_id: Mapped[str] = mapped_column(ForeignKey("actions.id"), index=True)


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


class Setting(Base):
    """The commune's identity and preferences: key → JSON value."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[object] = mapped_column(JSON)
