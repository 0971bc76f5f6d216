"""The office's acknowledgement: signed, the same file again for the same package, refused by the commune when it is
for another package or from another office."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from make_bad_packages import OFFICE, VN

from app.errors import HgdError
from app.packages import TrustedKey, make_ack, verify_ack, verify_package, write_ack

RECEIVED = datetime(2025, 8, 4, 8, 15, tzinfo=VN)


@pytest.fixture(scope="module")
def verified(good, world):
    return verify_package(good.path, world.trusted)


@pytest.fixture
def ack(verified, world):
    return make_ack(verified, office_keys=world.office, received_at=RECEIVED, counts_merged={"persons": 3},
                    missing_sequences=())


def test_the_commune_accepts_its_office_acknowledgement_for_its_package(ack, good, world, tmp_path):
    path = write_ack(tmp_path, ack)
    assert path.name == "hgd-ack-15703-2025-07-001.zip"
    got = verify_ack(path, world.office_trusted, good)
    assert got.package == good.ref and got.office_code == OFFICE and got.office_name == "BHXH cơ sở Triệu Sơn"
    assert got.received_at == RECEIVED and got.counts_merged == {"persons": 3}
    assert verify_ack(path, world.office_trusted, good.ref) == got


def test_the_same_package_acknowledged_again_gives_the_same_file(ack, verified, world, tmp_path):
    again = make_ack(verified, office_keys=world.office, received_at=RECEIVED, counts_merged={"persons": 3})
    assert again.data == ack.data
    first = write_ack(tmp_path, ack)
    assert write_ack(tmp_path, again) == first and len(list(tmp_path.iterdir())) == 1


def test_an_acknowledgement_reports_the_missing_sequence_numbers(verified, world, tmp_path, good):
    signed = make_ack(verified, office_keys=world.office, received_at=RECEIVED, counts_merged={},
                      missing_sequences=[2, 3])
    assert verify_ack(write_ack(tmp_path, signed), world.office_trusted, good).missing_sequences == (2, 3)


def test_an_acknowledgement_for_another_package_is_refused(ack, good, world, tmp_path):
    path = write_ack(tmp_path, ack)
    for other in (replace(good.ref, sequence=2), replace(good.ref, manifest_sha256="0" * 64),
                  replace(good.ref, payload_sha256="0" * 64), replace(good.ref, commune_code="15706")):
        with pytest.raises(HgdError) as err:
            verify_ack(path, world.office_trusted, other)
        assert err.value.key == "ack.other_package"


def test_an_acknowledgement_from_another_office_is_refused(verified, good, world, tmp_path):
    path = write_ack(tmp_path, make_ack(verified, office_keys=world.other_office, received_at=RECEIVED,
                                        counts_merged={}))
    with pytest.raises(HgdError) as err:
        verify_ack(path, world.office_trusted, good)
    assert err.value.key == "ack.other_office"
    # an acknowledgement naming the other office, signed by a key registered for ours, is not ours either
    with pytest.raises(HgdError) as err:
        verify_ack(path, [TrustedKey(OFFICE, world.other_office.public)], good)
    assert err.value.key == "ack.other_office"


def test_only_an_office_signs_acknowledgements(verified, world):
    with pytest.raises(HgdError) as err:
        make_ack(verified, office_keys=world.commune, received_at=RECEIVED, counts_merged={})
    assert err.value.key == "ack.not_office"


def test_an_acknowledgement_signed_when_the_office_key_was_not_valid_is_refused(ack, good, world, tmp_path):
    path = write_ack(tmp_path, ack)
    expired = [TrustedKey(OFFICE, world.office.public, None, datetime(2025, 8, 1, tzinfo=VN))]
    with pytest.raises(HgdError) as err:
        verify_ack(path, expired, good)
    assert err.value.key == "signature.key_not_valid"
