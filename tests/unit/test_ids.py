"""Record identifiers (app.ids): a bulk writer's ids are the ones the counter gives, in order, across a wrap."""
from __future__ import annotations

import itertools

import pytest

from app import ids


@pytest.mark.parametrize("start", [0, 12_345, (1 << 62) - 3, (3 << 62) - 1])
def test_bulk_ids_are_the_millisecond_and_the_counter_in_order(monkeypatch, start):
    monkeypatch.setattr(ids.os, "urandom", lambda n: (start << 7).to_bytes(n, "big"))
    got = list(itertools.islice(ids.new_ids(), 8))
    ms = int(got[0].replace("-", "")[:12], 16)
    assert got == [ids._text(ms, start + i) for i in range(8)]
    assert got == sorted(got) and all(ids.is_id(i) for i in got)
