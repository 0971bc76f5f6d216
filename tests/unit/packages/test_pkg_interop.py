"""The same files checked with the standard tools (Debian's minisign and age, installed by `make test`): anyone can
verify a package with `minisign -V` and the exported minisign.pub, and the office can read it with `age -d`.

A tool may only be missing where the tests cannot install it (not root on Debian); where they can (CI), a missing
tool fails the test instead of skipping it.
"""
from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import minisign
import pytest
from make_bad_packages import LIST_FILES, period_data

from app.packages import TrustedKey, Unit, create_keys, export_public, minisig, trust
from app.packages import keys as keys_module


def tool(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    debian_root = os.geteuid() == 0 and Path("/etc/debian_version").exists()
    if debian_root:
        pytest.fail(f"{name} is missing: `make test` installs it from Debian (TEST_DEB_PKGS in the Makefile)")
    pytest.skip(f"{name} not installed, and not root on Debian to install it")


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(args, input=stdin, capture_output=True, cwd=cwd, timeout=60, check=False)


@pytest.fixture
def unpacked(good, tmp_path):
    with zipfile.ZipFile(good.path) as z:
        z.extractall(tmp_path / "pkg")
    return tmp_path / "pkg"


def test_minisign_verifies_the_manifest_with_the_exported_public_key(unpacked, world, tmp_path):
    export_public(world.commune.public, tmp_path / "keys")
    done = run(tool("minisign"), "-V", "-p", str(tmp_path / "keys" / "minisign.pub"), "-m",
               str(unpacked / "manifest.json"))
    assert done.returncode == 0, done.stderr
    manifest = json.loads((unpacked / "manifest.json").read_bytes())
    assert f"seq:1\tid:{manifest['package_id']}" in done.stdout.decode()


def test_minisign_refuses_the_manifest_with_another_key_or_altered(unpacked, world, tmp_path):
    export_public(world.neighbour.public, tmp_path / "other")
    done = run(tool("minisign"), "-V", "-p", str(tmp_path / "other" / "minisign.pub"), "-m",
               str(unpacked / "manifest.json"))
    assert done.returncode != 0
    manifest = unpacked / "manifest.json"
    manifest.write_bytes(manifest.read_bytes().replace(b'"persons": 3', b'"persons": 4'))
    export_public(world.commune.public, tmp_path / "keys")
    done = run(tool("minisign"), "-V", "-p", str(tmp_path / "keys" / "minisign.pub"), "-m", str(manifest))
    assert done.returncode != 0


def test_age_decrypts_the_payload_with_the_office_identity(unpacked, world, tmp_path):
    identity = tmp_path / "identity.txt"
    identity.write_text(world.office.export_age_identity())
    identity.chmod(0o600)
    done = run(tool("age"), "-d", "-i", str(identity), str(unpacked / "payload.age"))
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(io.BytesIO(done.stdout)) as inner:
        assert json.loads(inner.read("data.json")) == period_data()
        assert {n: inner.read(n) for n in LIST_FILES} == LIST_FILES


def test_age_cannot_decrypt_it_with_another_office_identity(unpacked, world, tmp_path):
    identity = tmp_path / "identity.txt"
    identity.write_text(world.other_office.export_age_identity())
    done = run(tool("age"), "-d", "-i", str(identity), str(unpacked / "payload.age"))
    assert done.returncode != 0 and done.stdout == b""


def test_age_encrypts_to_the_exported_age_pub_and_the_office_reads_it(world, tmp_path):
    import pyrage
    export_public(world.office.public, tmp_path / "bhxh")
    (tmp_path / "note.txt").write_bytes("Xin chào".encode())
    done = run(tool("age"), "-R", str(tmp_path / "bhxh" / "age.pub"), "-o", str(tmp_path / "note.age"),
               str(tmp_path / "note.txt"))
    assert done.returncode == 0, done.stderr
    assert pyrage.decrypt((tmp_path / "note.age").read_bytes(), [world.office.identity]) == "Xin chào".encode()


def test_minisign_signs_with_the_stored_secret_key_and_hgd_accepts_the_signature(tmp_path, monkeypatch):
    monkeypatch.setattr(keys_module, "SCRYPT_OPSLIMIT", 1 << 15)
    monkeypatch.setattr(keys_module, "SCRYPT_MEMLIMIT", 1 << 24)
    locked = create_keys(Unit("commune", "15703", "Xã Dân Lý"), "mật khẩu của xã")
    (tmp_path / "minisign.key").write_bytes(locked.minisign_secret_key)
    (tmp_path / "data.json").write_bytes(b'{"a": 1}\n')
    done = run(tool("minisign"), "-S", "-s", str(tmp_path / "minisign.key"), "-m", str(tmp_path / "data.json"),
               "-t", "hgd test", stdin="mật khẩu của xã\n".encode())
    assert done.returncode == 0, done.stderr
    signature = minisig.parse((tmp_path / "data.json.minisig").read_bytes(), name="data.json.minisig")
    signer = trust.verify(b'{"a": 1}\n', signature, [TrustedKey("15703", locked.public.signing)], name="data.json")
    assert signer.unit_code == "15703" and signature.trusted_comment == "hgd test"
    wrong = run(tool("minisign"), "-S", "-s", str(tmp_path / "minisign.key"), "-m", str(tmp_path / "data.json"),
                "-x", str(tmp_path / "x.minisig"), stdin=b"wrong passphrase\n")
    assert wrong.returncode != 0


def test_minisign_pub_is_what_minisign_itself_writes_for_the_same_key(tmp_path):
    done = run(tool("minisign"), "-G", "-W", "-p", str(tmp_path / "minisign.pub"), "-s", str(tmp_path / "k.key"))
    assert done.returncode == 0, done.stderr
    secret = minisign.SecretKey.from_file(tmp_path / "k.key")
    from app.packages import SigningPublicKey
    ours = SigningPublicKey.from_base64(secret.get_public_key().to_base64())
    assert ours.minisign_pub() == (tmp_path / "minisign.pub").read_bytes()
