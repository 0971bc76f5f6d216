"""Run the real command line, as a user does."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest


@pytest.fixture
def hgd():
    def run(*args: str, check: bool = False, env: dict | None = None) -> subprocess.CompletedProcess:
        full_env = {**os.environ, "HGD_LANG": "vi", **(env or {})}
        full_env.pop("HGD_DEBUG", None)
        proc = subprocess.run([sys.executable, "-m", "app", *map(str, args)], check=False, capture_output=True, text=True,
                              env=full_env, timeout=600)
        if check and proc.returncode != 0:
            raise AssertionError(f"hgd {' '.join(map(str, args))} failed ({proc.returncode}): {proc.stderr}")
        return proc
    return run
