"""Units of work: one user action is one transaction, recorded as an Action that its audit entries point to."""
from __future__ import annotations

import getpass
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.store import audit  # noqa: F401  (registers the audit listeners)
from app.store.models import Action


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (service, container): still record something honest
        return "unknown"


@contextmanager
def action(engine: Engine, kind: str, label: str, user: str | None = None,
           details: dict | None = None) -> Iterator[Session]:
    """Open a session and a transaction for one user action; commit on success, roll back on any error."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        act = Action(kind=kind, label=label, user=user or current_user(), details=details)
        session.add(act)
        session.flush()
        session.info["action"] = act
        yield session


@contextmanager
def reading(engine: Engine) -> Iterator[Session]:
    """A session for reading: closing it discards anything unflushed; loaded objects stay readable."""
    with Session(engine) as session:
        yield session
