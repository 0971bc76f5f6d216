"""Shared units and packages for the package tests: keys made once per session (made unlocked: the passphrase's
key derivation costs seconds on purpose and has its own tests in test_pkg_keys.py)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[2] / "corpus" / "packages"))
import make_bad_packages as corpus


@pytest.fixture(scope="session")
def world() -> corpus.World:
    return corpus.make_world()


@pytest.fixture(scope="session")
def good(world, tmp_path_factory):
    """A good package, built once; tests copy it before changing anything."""
    return corpus.build_good(tmp_path_factory.mktemp("good"), world)
