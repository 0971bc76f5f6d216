"""The engine set-up: foreign keys on, WAL, busy timeout, synchronous NORMAL — on every connection."""
from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError

from app.store.models import Person


@pytest.mark.parametrize("pragma, expected", [
    ("foreign_keys", 1), ("journal_mode", "wal"), ("busy_timeout", 5000), ("synchronous", 1),
])
def test_every_connection_has_the_pragmas(register, pragma, expected):
    with register.engine.connect() as conn:
        assert conn.exec_driver_sql(f"PRAGMA {pragma}").scalar() == expected


def test_foreign_keys_are_enforced(register):
    with pytest.raises(IntegrityError), register.action("add", "a") as s:
        s.add(Person(full_name="A", name_key="a", household_id="no-such-household"))


def test_status_is_checked_by_the_database(register):
    with pytest.raises(IntegrityError), register.action("add", "a") as s:
        s.add(Person(full_name="A", name_key="a", status="deleted"))
