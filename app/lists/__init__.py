"""The month's official lists: the forms as versioned definitions, their XLSX and PDF writers, the minutes."""
from __future__ import annotations

import sys


def openpyxl_without_numpy() -> None:
    """openpyxl imports numpy (half a second at a command's start) only to accept numpy's numbers in cells. A command
    that writes none (the lists, a package) calls this before anything imports openpyxl: openpyxl is imported as if
    numpy were not installed. No effect once openpyxl or numpy is loaded (the GUI, the review)."""
    if "openpyxl" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]   # `import numpy` raises ImportError
    try:
        import openpyxl  # noqa: F401
    finally:
        del sys.modules["numpy"]
