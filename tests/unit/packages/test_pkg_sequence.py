"""Replay, rollback and gaps, decided before anything is written (DESIGN.md, "Packages")."""
from __future__ import annotations

from dataclasses import replace

import pytest

from app.packages import check_sequence, verify_package

A, B, C = "a" * 64, "b" * 64, "c" * 64


@pytest.fixture(scope="module")
def base(good, world):
    return verify_package(good.path, world.trusted)


def package(base, seq, digest, package_id=None, previous=None):
    manifest = replace(base.manifest, sequence=seq, package_id=package_id or f"id-{seq}-{digest[0]}",
                       previous_manifest_sha256=previous)
    return replace(base, manifest=manifest, manifest_sha256=digest)


def test_the_first_package_is_new(base):
    decision = check_sequence([], package(base, 1, A))
    assert (decision.kind, decision.accepted, decision.missing, decision.previous_matches) == ("new", True, (), True)


def test_the_next_number_is_new_and_its_chain_is_checked(base):
    history = [(1, A, "id-1-a")]
    assert check_sequence(history, package(base, 2, B, previous=A)).previous_matches is True
    forked = check_sequence(history, package(base, 2, B, previous=C))
    assert forked.kind == "new" and forked.previous_matches is False


def test_the_same_package_again_is_a_no_op(base):
    history = [(1, A, "id-1-a"), (2, B, "id-2-b")]
    for again in (package(base, 2, B), package(base, 1, A)):
        decision = check_sequence(history, again)
        assert decision.kind == "same_again" and not decision.accepted and decision.error is None


def test_a_repeated_number_with_another_hash_is_refused(base):
    decision = check_sequence([(1, A, "id-1-a"), (2, B, "id-2-b")], package(base, 2, C))
    assert decision.kind == "refused" and not decision.accepted
    assert decision.error.key == "sequence.reused"
    assert str(decision.error) == ("Xã 15703 đã gửi một gói số 2 khác trước đây; gói này trùng số nhưng khác nội "
                                   "dung — bị từ chối.")


def test_an_older_number_never_received_is_refused_as_a_rollback(base):
    decision = check_sequence([(1, A, "id-1-a"), (4, B, "id-4-b")], package(base, 3, C))
    assert decision.kind == "refused" and decision.error.key == "sequence.older"
    assert decision.error.params == {"commune": "15703", "seq": 3, "last": 4}


def test_a_package_id_used_before_is_refused(base):
    decision = check_sequence([(1, A, "same-id")], package(base, 2, B, package_id="same-id"))
    assert decision.kind == "refused" and decision.error.key == "sequence.id_reused"


def test_a_jump_is_accepted_and_the_gap_reported(base):
    decision = check_sequence([(1, A, "id-1-a"), (2, B, "id-2-b")], package(base, 5, C))
    assert decision.kind == "gap" and decision.accepted
    assert decision.missing == (3, 4) and decision.missing_count == 2 and decision.previous_matches is None


def test_a_first_package_numbered_3_reports_1_and_2_missing(base):
    decision = check_sequence([], package(base, 3, A))
    assert decision.kind == "gap" and decision.missing == (1, 2)


def test_a_huge_jump_lists_only_the_first_thousand_missing_numbers(base):
    decision = check_sequence([(1, A, "id-1-a")], package(base, 999_999, B))
    assert decision.missing_count == 999_997 and len(decision.missing) == 1000 and decision.missing[0] == 2
