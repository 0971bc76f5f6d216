"""Building a package, the courier check and the office opening it: the good path, and the builder's refusals."""
from __future__ import annotations

import base64
import hashlib
import io
import json
import shutil
import zipfile
from dataclasses import replace

import pytest
from make_bad_packages import COMMUNE, LIST_FILES, build_good, fields, period_data

from app.errors import HgdError
from app.packages import (
    TrustedKey,
    build_package,
    open_package,
    open_verified,
    package_file_name,
    verify_package,
)
from app.packages import build as build_module
from app.packages.manifest import trusted_comment


def test_a_package_is_one_zip_named_without_personal_data_holding_three_members(good):
    assert good.path.name == "hgd-15703-2025-07-001.zip" == package_file_name("15703", "2025-07", 1)
    with zipfile.ZipFile(good.path) as z:
        infos = z.infolist()
    assert [i.filename for i in infos] == ["manifest.json", "manifest.json.minisig", "payload.age"]
    assert all(i.compress_type == zipfile.ZIP_STORED for i in infos)
    assert good.fingerprint.sha256 == hashlib.sha256(good.path.read_bytes()).hexdigest()
    assert good.size == good.path.stat().st_size


def test_the_manifest_names_everything_and_the_signature_repeats_the_key_fields(good):
    with zipfile.ZipFile(good.path) as z:
        manifest = json.loads(z.read("manifest.json"))
        signature = z.read("manifest.json.minisig").decode()
        payload = z.read("payload.age")
    assert manifest["commune"] == {"code": "15703", "name": "Xã Dân Lý"}
    assert (manifest["period"], manifest["sequence"], manifest["previous_manifest_sha256"]) == ("2025-07", 1, None)
    assert manifest["counts"] == {"persons": 3, "households": 1}
    assert manifest["payload"]["sha256"] == hashlib.sha256(payload).hexdigest()
    assert [f["name"] for f in manifest["files"]] == sorted(["data.json", *LIST_FILES])
    assert manifest["created_at"] == "2025-08-03T09:30:00+07:00"
    assert payload.startswith(b"age-encryption.org/v1\n-> X25519 ")
    lines = signature.split("\n")
    assert base64.b64decode(lines[1])[:2] == b"ED"    # prehashed Ed25519, as current minisign signs
    assert lines[2] == "trusted comment: " + trusted_comment("15703", "2025-07", 1, manifest["package_id"],
                                                             manifest["payload"]["sha256"])
    assert lines[2] == ("trusted comment: hgd-package:1\tcommune:15703\tperiod:2025-07\tseq:1"
                        f"\tid:{manifest['package_id']}\tpayload:{manifest['payload']['sha256']}")


def test_the_courier_check_needs_no_private_key(good, world):
    verified = verify_package(good.path, [TrustedKey(COMMUNE, world.commune.public.signing.minisign_pub().decode())])
    assert verified.manifest == good.manifest and verified.fingerprint == good.fingerprint
    assert verified.manifest_sha256 == good.manifest_sha256 and verified.ref == good.ref
    assert verified.signer.unit_code == COMMUNE


def test_plain_tuples_serve_as_trusted_keys(good, world):
    assert verify_package(good.path, [(COMMUNE, world.commune.public.signing.base64, None, None)])


def test_the_office_opens_it_and_gets_the_data_and_files_back(good, world):
    opened = open_package(good.path, world.trusted, world.office)
    assert opened.data == period_data() and opened.files == LIST_FILES
    assert opened.manifest == good.manifest
    assert open_verified(verify_package(good.path, world.trusted), world.office.export_age_identity()).files \
        == LIST_FILES


def test_another_office_cannot_read_it(good, world):
    with pytest.raises(HgdError) as err:
        open_package(good.path, world.trusted, world.other_office)
    assert err.value.key == "payload.decrypt_failed"


def test_a_package_made_for_another_office_is_refused_before_decrypting(world, tmp_path):
    built = build_package(tmp_path, manifest_fields=fields(), data=period_data(), files={},
                          signing_key=world.commune, recipient=world.other_office.public)
    assert built.manifest.recipient == world.other_office.public.age_recipient
    with pytest.raises(HgdError) as err:
        open_package(built.path, world.trusted, world.office)
    assert err.value.key == "payload.decrypt_failed"
    assert open_package(built.path, world.trusted, world.other_office).data == period_data()


def test_the_next_package_names_the_previous_manifest(world, good, tmp_path):
    second = build_good(tmp_path, world, seq=2, previous=good.manifest_sha256)
    assert second.manifest.previous_manifest_sha256 == good.manifest_sha256
    assert second.path.name == "hgd-15703-2025-07-002.zip"


def test_an_existing_package_file_is_never_overwritten(world, good, tmp_path):
    shutil.copy(good.path, tmp_path / good.path.name)
    before = (tmp_path / good.path.name).read_bytes()
    with pytest.raises(HgdError) as err:
        build_good(tmp_path, world)
    assert err.value.key == "file.exists"
    assert (tmp_path / good.path.name).read_bytes() == before and len(list(tmp_path.iterdir())) == 1


def test_a_failed_read_back_leaves_nothing_behind(world, tmp_path, monkeypatch):
    def broken(path, keys):
        raise HgdError("package.readback_failed")
    monkeypatch.setattr(build_module, "verify_package", broken)
    with pytest.raises(HgdError, match="đọc lại"):
        build_good(tmp_path, world)
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_cannot_be_written_is_one_clear_message(world, tmp_path):
    with pytest.raises(HgdError) as err:
        build_package(tmp_path / "no-such-folder", manifest_fields=fields(), data=period_data(), files={},
                      signing_key=world.commune, recipient=world.office.public)
    assert err.value.key == "file.write_failed"


def test_only_the_commune_named_in_the_manifest_signs_its_package(world, tmp_path):
    for signer in (world.neighbour, world.office):
        with pytest.raises(HgdError) as err:
            build_package(tmp_path, manifest_fields=fields(), data=period_data(), files={}, signing_key=signer,
                          recipient=world.office.public)
        assert err.value.key == "package.signer_not_commune"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["../x.pdf", "a/b.pdf", "data.json", "", ".hidden", "tên.pdf", "a b.pdf"])
def test_list_file_names_must_be_plain(world, tmp_path, name):
    with pytest.raises(ValueError):
        build_package(tmp_path, manifest_fields=fields(), data=period_data(), files={name: b"x"},
                      signing_key=world.commune, recipient=world.office.public)


def test_data_that_the_office_would_refuse_is_not_packed(world, tmp_path):
    with pytest.raises(HgdError) as err:
        build_package(tmp_path, manifest_fields=fields(), data={"persons": []}, files={},
                      signing_key=world.commune, recipient=world.office.public)
    assert err.value.key == "json.schema"
    with pytest.raises(ValueError):
        build_package(tmp_path, manifest_fields=fields(period="2025-08"), data=period_data(), files={},
                      signing_key=world.commune, recipient=world.office.public)


def test_manifest_fields_out_of_the_schema_are_refused(world, tmp_path):
    for bad in (replace(fields(), period="2025-7"), replace(fields(), sequence=0),
                replace(fields(), counts={"Persons": 1}), replace(fields(), previous_manifest_sha256="abc")):
        with pytest.raises(HgdError):
            build_package(tmp_path, manifest_fields=bad, data={**period_data(), "period": bad.period}, files={},
                          signing_key=world.commune, recipient=world.office.public)
    assert list(tmp_path.iterdir()) == []


def test_the_inner_archive_is_a_plain_zip_with_data_json_first(good, world):
    import pyrage
    with zipfile.ZipFile(good.path) as z:
        inner = pyrage.decrypt(z.read("payload.age"), [world.office.identity])
    with zipfile.ZipFile(io.BytesIO(inner)) as z:
        assert z.namelist() == ["data.json", *sorted(LIST_FILES)]
        assert json.loads(z.read("data.json")) == period_data()
