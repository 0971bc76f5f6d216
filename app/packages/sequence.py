"""Replay, rollback and gaps: what the office does with a verified package, given what it already accepted from
that commune (DESIGN.md, "Packages"). Decided before anything is written:
- the same package again (same manifest hash) is a no-op: "same_again", the caller returns the same acknowledgement;
- a sequence number already accepted with another hash, or a package id already used, is refused;
- a number older than the last accepted is refused (merging it would roll the commune's data back);
- the next number is "new"; a jump is accepted as "gap" with the missing numbers reported.
`previous_matches` says whether the manifest's previous_manifest_sha256 names the package the office holds under
the number before (None when it holds none): a mismatch means the commune's chain forked (a restored backup, say);
it is reported, not refused.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from app import messages
from app.errors import HgdError
from app.packages.verify import VerifiedManifest

messages.register({
    "sequence.reused": (
        "Xã {commune} đã gửi một gói số {seq} khác trước đây; gói này trùng số nhưng khác nội dung — bị từ chối.",
        ("Commune {commune} already sent a different package number {seq}; this one reuses the number with other "
        "content — refused.")),
    "sequence.id_reused": ("Mã gói {package_id} đã được dùng cho một gói khác của xã {commune} — bị từ chối.",
                           ("Package id {package_id} was already used by another package of commune {commune} — "
                           "refused.")),
    "sequence.older": (
        "Gói số {seq} của xã {commune} cũ hơn gói số {last} đã nhận — bị từ chối để không ghi đè dữ liệu mới hơn.",
        ("Package number {seq} of commune {commune} is older than number {last} already received — refused so as not "
        "to overwrite newer data.")),
})

MAX_LISTED_MISSING = 1000


@dataclass(frozen=True)
class SequenceDecision:
    kind: Literal["new", "same_again", "gap", "refused"]
    missing: tuple[int, ...] = ()          # the first MAX_LISTED_MISSING missing numbers
    missing_count: int = 0
    error: HgdError | None = None          # why, when refused
    previous_matches: bool | None = None

    @property
    def accepted(self) -> bool:
        """Whether the package is to be merged (new or gap)."""
        return self.kind in ("new", "gap")


def check_sequence(history: Sequence[tuple[int, str, str]], verified: VerifiedManifest) -> SequenceDecision:
    """`history`: (sequence, manifest sha256, package id) of every package accepted from this package's commune."""
    m = verified.manifest
    seq, digest, package_id = m.sequence, verified.manifest_sha256, m.package_id
    if any(h == digest and s == seq and i == package_id for s, h, i in history):
        return SequenceDecision("same_again")
    by_seq = {s: h for s, h, _ in history}
    if seq in by_seq:
        return _refused("sequence.reused", commune=m.commune_code, seq=seq)
    if any(i == package_id for _, _, i in history):
        return _refused("sequence.id_reused", commune=m.commune_code, package_id=package_id)
    last = max(by_seq, default=0)
    if seq < last:
        return _refused("sequence.older", commune=m.commune_code, seq=seq, last=last)
    count = seq - last - 1
    missing = tuple(range(last + 1, last + 1 + min(count, MAX_LISTED_MISSING)))
    if seq == 1:
        previous: bool | None = m.previous_manifest_sha256 is None
    elif seq - 1 in by_seq:
        previous = m.previous_manifest_sha256 == by_seq[seq - 1]
    else:
        previous = None
    return SequenceDecision("gap" if count else "new", missing, count, None, previous)


def _refused(key: str, **params: object) -> SequenceDecision:
    return SequenceDecision("refused", error=HgdError(key, **params))
