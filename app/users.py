"""Who is acting: the login name, recorded on every action and audit entry."""
from __future__ import annotations

import getpass


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (service, container): still record something honest
        return "unknown"
