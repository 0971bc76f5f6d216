"""The time an action or an audit entry is recorded at: naive UTC, as stored."""
from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
