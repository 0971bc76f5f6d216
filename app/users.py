"""Who is acting: the login name, recorded on every action and audit entry."""
from __future__ import annotations

import getpass


def current_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name (no pwd entry, no pwd module) (service, container): still record something honest
        return "unknown"
