"""Hostile packages and acknowledgements (tests/corpus/packages/make_bad_packages.py): each refused with its one
message, quickly, in bounded memory, writing nothing; and a flipped bit anywhere in a package is always refused."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import make_bad_packages as corpus
import pytest

from app import messages
from app.errors import HgdError
from app.packages import limits, make_ack, open_package, verify_ack, verify_package
from app.packages.ack import verify_ack_bytes
from app.packages.verify import verify_bytes


@pytest.fixture(scope="module")
def cases(world, good, tmp_path_factory):
    built = corpus.build(tmp_path_factory.mktemp("bad-packages"), world)
    assert len({c.name for c in built}) == len(built)
    return {c.name: c for c in built}


def refuse(case, world, good):
    if case.stage == "verify":
        verify_package(case.path, case.trusted or world.trusted)
    elif case.stage == "open":
        open_package(case.path, case.trusted or world.trusted, world.office)
    else:
        verify_ack(case.path, world.office_trusted, good)


def test_every_case_is_refused_with_its_own_message(cases, world, good):
    folder = next(iter(cases.values())).path.parent
    before = sorted(p.name for p in folder.rglob("*"))
    cwd_before = sorted(os.listdir("."))
    registered = messages.keys()
    wrong = {}
    for name, case in cases.items():
        started = time.perf_counter()
        try:
            refuse(case, world, good)
            wrong[name] = "accepted"
        except HgdError as err:
            message = str(err)
            if err.key != case.key:
                wrong[name] = f"{err.key} (wanted {case.key}): {message}"
            elif "\n" in message or err.key not in registered or not err.render("en"):
                wrong[name] = f"not one clear line: {message!r}"
        if time.perf_counter() - started > 2:
            wrong[name] = f"took {time.perf_counter() - started:.1f} s"
    assert wrong == {}
    assert sorted(p.name for p in folder.rglob("*")) == before and sorted(os.listdir(".")) == cwd_before


def test_the_corpus_covers_every_hostile_kind_design_md_names(cases):
    keys = {c.key for c in cases.values()}
    for needed in ("zip.crc", "zip.not_canonical", "signature.bad", "signature.unknown_signer",
                   "signature.wrong_unit", "signature.key_not_valid", "signature.comment_mismatch", "zip.damaged",
                   "zip.unsafe_path", "zip.link", "zip.duplicate", "zip.unexpected", "zip.missing", "zip.bomb",
                   "zip.size_lie", "zip.too_large", "json.too_large", "json.too_deep", "json.schema",
                   "package.payload_mismatch", "payload.decrypt_failed", "payload.file_mismatch",
                   "ack.other_package", "ack.other_office"):
        assert needed in keys, needed
    assert {c.stage for c in cases.values()} == {"verify", "open", "ack"}


def test_a_flipped_bit_anywhere_in_a_package_is_refused(good, world):
    data = good.path.read_bytes()
    accepted = []
    for offset in range(len(data)):
        for bit in range(8):
            try:
                verify_bytes(corpus.flip(data, offset, bit), world.trusted, path=good.path)
                accepted.append((offset, bit))
            except HgdError:
                pass
    assert accepted == []


def test_a_flipped_bit_anywhere_in_an_acknowledgement_is_refused(good, world):
    ack = make_ack(good.ref, office_keys=world.office, received_at=corpus.CREATED, counts_merged={"persons": 3})
    accepted = []
    for offset in range(len(ack.data)):
        for bit in range(8):
            try:
                verify_ack_bytes(corpus.flip(ack.data, offset, bit), world.office_trusted, good, name="ack.zip")
                accepted.append((offset, bit))
            except HgdError:
                pass
    assert accepted == []


def test_a_file_larger_than_any_package_is_refused_before_it_is_read(world, tmp_path):
    big = tmp_path / "huge.zip"
    with open(big, "wb") as f:
        f.truncate(limits.MAX_PACKAGE_BYTES + 1)     # sparse: costs no disk
    with pytest.raises(HgdError) as err:
        verify_package(big, world.trusted)
    assert err.value.key == "file.too_large"


def test_a_folder_or_a_missing_file_is_one_clear_message(world, tmp_path):
    for path in (tmp_path, tmp_path / "missing.zip"):
        with pytest.raises(HgdError) as err:
            verify_package(path, world.trusted)
        assert err.value.key == "file.unreadable"


def test_the_payload_total_unpacked_size_is_bounded(world, tmp_path, monkeypatch):
    big_list = {"D03-TS-2025-07.pdf": os.urandom(300_000), "D03-TS-2025-07.xlsx": os.urandom(300_000)}
    monkeypatch.setattr(corpus, "LIST_FILES", big_list)
    built = corpus.build_good(tmp_path, world)
    monkeypatch.setattr(limits, "MAX_INNER_TOTAL_BYTES", 500_000)
    with pytest.raises(HgdError) as err:
        open_package(built.path, world.trusted, world.office)
    assert err.value.key == "zip.total_too_large"


def test_no_registered_key_at_all_refuses_every_package(good):
    with pytest.raises(HgdError) as err:
        verify_package(good.path, [])
    assert err.value.key == "signature.unknown_signer"


_MEASURE = """
import json, resource, sys, time
from pathlib import Path
from app.errors import HgdError
from app.packages import TrustedKey, open_package
keys = [TrustedKey(sys.argv[2], sys.argv[3])]
identity = Path(sys.argv[4]).read_text()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
try:
    open_package(sys.argv[1], keys, identity)
    key = None
except HgdError as err:
    key = err.key
print(json.dumps({"key": key, "seconds": time.perf_counter() - started,
                  "grew_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base}))
"""


def test_bombs_are_refused_in_bounded_memory(cases, world, tmp_path):
    identity = tmp_path / "identity.txt"
    identity.write_text(world.office.export_age_identity())
    big = [c for c in cases.values() if c.big]
    assert len(big) >= 3
    for case in big:
        out = subprocess.run([sys.executable, "-c", _MEASURE, str(case.path), corpus.COMMUNE,
                              world.commune.public.signing.base64, str(identity)],
                             capture_output=True, text=True, timeout=120, check=False, cwd=Path(__file__).parents[3])
        result = json.loads(out.stdout)
        assert result["key"] == case.key and result["seconds"] < 5, (case.name, result)
        assert result["grew_kb"] < 64 * 1024, f"{case.name}: peak memory grew by {result['grew_kb'] // 1024} MB"
