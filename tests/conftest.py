"""Shared fixtures: registers in temporary folders, never the user's files."""
from __future__ import annotations

import pytest

from app import messages
from app.register import Register


@pytest.fixture(autouse=True)
def _vietnamese_messages():
    messages.set_language("vi")
    yield
    messages.set_language("vi")


@pytest.fixture
def register(tmp_path):
    reg = Register.create(tmp_path / "xa.db", {"commune_name": "Xã Dân Lý", "commune_code": "15703"}, user="test")
    yield reg
    reg.close()
