"""The round trip commune → courier → office → acknowledgement through the command line (issue 16), checked with
the standard tools (minisign, age, zbarimg), and hostile packages and acknowledgements, each refused with one
message and nothing written to the office's register."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1]))
from datetime import UTC

import forked

MONTH = "2026-11"
C_PASS, O_PASS = "mật khẩu của xã 1", "mat khau co quan BHXH"


def hgd(*argv: object, env: dict[str, str] | None = None) -> forked.Outcome:
    return forked.run([*map(str, argv), "--json"], timeout=300, memory_mb=1500, env=env)


def ok(*argv: object) -> dict:
    out = hgd(*argv)
    assert out.code == 0, (argv, out.err, out.out[:2000])
    return out.json()


def refused(*argv: object) -> str:
    out = hgd(*argv)
    assert out.code == 1, (argv, out.out[:2000])
    lines = [ln for ln in out.err.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("hgd: "), out.err
    return out.key


class World:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.c_pass, self.o_pass = root / "c.pass", root / "o.pass"
        self.c_pass.write_text(C_PASS + "\n", encoding="utf-8")
        self.o_pass.write_text(O_PASS + "\n", encoding="utf-8")
        self.c, self.o = root / "c.db", root / "o.db"
        self.c_keys, self.o_keys = root / "c-keys", root / "o-keys"

    def make_office(self, db: str | Path, keys: Path | None = None) -> None:
        ok("init", "--db", db, "--office", "BHXH cơ sở Triệu Sơn")
        ok("keys", "init", "--db", db, "--passphrase-file", self.o_pass)
        if keys is not None:
            ok("keys", "export", "--db", db, "--out", keys)
        ok("keys", "trust", "--db", db, self.c_keys)


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> World:
    w = World(tmp_path_factory.mktemp("packages"))
    ok("demo", "--db", w.c, "--persons", "150", "--months", "2")
    ok("period", "lock", "--db", w.c, "--period", MONTH)
    ok("keys", "init", "--db", w.c, "--passphrase-file", w.c_pass)
    ok("keys", "export", "--db", w.c, "--out", w.c_keys)
    w.make_office(w.o, w.o_keys)
    ok("keys", "trust", "--db", w.c, w.o_keys)
    shutil.copy(w.c, w.root / "c-before-export.db")
    shutil.copy(w.o, w.root / "o-fresh.db")
    w.export = ok("package", "export", "--db", w.c, "--period", MONTH, "--out", w.root / "out",
                  "--passphrase-file", w.c_pass)
    w.package = Path(w.export["path"])
    return w


def count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def untouched(db: Path) -> tuple[int, ...]:
    return tuple(count(db, t) for t in ("actions", "audit_entries", "persons", "packages", "package_acks"))


def period_status(db: Path) -> str:
    return ok("period", "show", "--db", db, "--period", MONTH)["period"]["status"]


def test_export_names_the_package_without_personal_data(world):
    e = world.export
    assert world.package.name == f"hgd-{e['office'] and ''}{world.package.name[4:9]}-{MONTH}-001.zip"
    assert e["sequence"] == 1 and e["counts"]["persons"] == 150 and e["counts"]["lists"] >= 1
    assert e["sha256"] == hashlib.sha256(world.package.read_bytes()).hexdigest()
    assert e["fingerprint"].replace(" ", "").lower() == e["sha256"]
    assert not [p for p in world.package.parent.iterdir() if p != world.package]   # no temporary file left
    assert period_status(world.c) == "exported"
    assert refused("package", "export", "--db", world.c, "--period", MONTH, "--out", world.root / "out2",
                   "--passphrase-file", world.c_pass) == "package.period_not_locked"


def test_export_refuses_a_wrong_passphrase_and_writes_nothing(world, tmp_path):
    db = tmp_path / "c.db"
    shutil.copy(world.root / "c-before-export.db", db)
    before = untouched(db)
    out = hgd("package", "export", "--db", db, "--period", MONTH, "--out", tmp_path / "out",
              env={"HGD_PASSPHRASE": "not the passphrase"})
    assert out.code == 1 and out.key == "keys.wrong_passphrase"
    assert untouched(db) == before and not list((tmp_path / "out").glob("*"))


def test_the_standard_tools_check_and_open_the_package(world, tmp_path):
    with zipfile.ZipFile(world.package) as z:
        assert z.namelist() == ["manifest.json", "manifest.json.minisig", "payload.age"]
        z.extractall(tmp_path)
    run = subprocess.run(["minisign", "-V", "-p", str(world.c_keys / "minisign.pub"), "-m",
                          str(tmp_path / "manifest.json")], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert f"period:{MONTH}" in run.stdout and "seq:1" in run.stdout
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    payload = (tmp_path / "payload.age").read_bytes()
    assert hashlib.sha256(payload).hexdigest() == manifest["payload"]["sha256"]
    # the office's identity, unlocked in-process with its passphrase (only to hand it to age here)
    from app.exchange import keyring
    from app.register import Register

    with Register.open(world.o, write=False) as reg, reg.reading() as s, keyring.unlock(s, O_PASS) as keys:
        (tmp_path / "office.key").write_text(keys.export_age_identity(), encoding="ascii")
    run = subprocess.run(["age", "-d", "-i", str(tmp_path / "office.key"), "-o", str(tmp_path / "inner.zip"),
                          str(tmp_path / "payload.age")], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    with zipfile.ZipFile(tmp_path / "inner.zip") as z:
        names = z.namelist()
        data = json.loads(z.read("data.json"))
    assert names[0] == "data.json" and any(n.endswith(".pdf") for n in names) and any(n.endswith(".xlsx")
                                                                                      for n in names)
    assert {f["name"] for f in manifest["files"]} == set(names)
    assert len(data["persons"]) == 150 and data["period"] == MONTH


def test_round_trip_commune_courier_office_acknowledgement(world, tmp_path):
    # the courier: with the commune's key folder only, then on the commune's register (collection recorded)
    v = ok("package", "verify", world.package, "--keys", world.c_keys)
    assert v["valid"] and v["sha256"] == world.export["sha256"] and v["action"] is None
    v = ok("package", "verify", world.package, "--db", world.c, "--by", "Trịnh Văn Quý")
    assert v["collected_by"] == "Trịnh Văn Quý" and v["own_package"]
    assert period_status(world.c) == "collected"
    # the office
    got = ok("package", "import", "--db", world.o, world.package, "--passphrase-file", world.o_pass,
             "--ack-out", tmp_path / "acks")
    assert got["decision"] == "new" and got["merged"]["persons_added"] == 150
    ack = Path(got["ack"]["path"])
    with sqlite3.connect(world.c) as c, sqlite3.connect(world.o) as o:
        sent = set(c.execute("SELECT id, full_name, status FROM persons").fetchall())
        received = set(o.execute("SELECT id, full_name, status FROM persons").fetchall())
        assert sent == received                       # records keep their UUIDs
    before = untouched(world.o)
    again = ok("package", "import", "--db", world.o, world.package, "--passphrase-file", world.o_pass,
               "--ack-out", tmp_path / "acks2")
    assert again["decision"] == "same_again" and untouched(world.o) == before
    assert Path(again["ack"]["path"]).read_bytes() == ack.read_bytes()      # the same acknowledgement
    listed = ok("package", "list", "--db", world.o)["communes"]
    assert [p["sequence"] for p in listed[0]["packages"]] == [1] and listed[0]["missing"] == []
    # back at the commune
    acked = ok("package", "ack", "--db", world.c, ack)
    assert acked["period_status"] == "acknowledged" and period_status(world.c) == "acknowledged"
    assert refused("package", "ack", "--db", world.c, ack) == "ack.already"
    # the office's register is not a commune's and the reverse
    assert refused("package", "import", "--db", world.c, world.package, "--passphrase-file", world.c_pass,
                   "--ack-out", tmp_path) == "exchange.not_office"


def test_minutes_carry_the_fingerprint_as_text_and_qr(world, tmp_path):
    out = tmp_path / "bien-ban.pdf"
    m = ok("minutes", "--db", world.c, "--period", MONTH, "--out", out, "--date", "2026-12-03")
    assert m["sha256"] == world.export["sha256"] and m["pages"] >= 1
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=False).stdout
    assert "BIÊN BẢN BÀN GIAO" in text and world.export["id"] in text
    assert world.export["sha256"][:4] in text.replace(" ", "").lower()
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(out), str(tmp_path / "page")], check=True)
    decoded = set()
    for png in sorted(tmp_path.glob("page*.png")):
        run = subprocess.run(["zbarimg", "--quiet", "--raw", str(png)], capture_output=True, text=True, check=False)
        decoded |= {ln.strip() for ln in run.stdout.splitlines() if ln.strip()}
    assert world.export["sha256"] in decoded
    keep = os.environ.get("HGD_KEEP_RENDERS")
    if keep:
        for png in tmp_path.glob("page*.png"):
            shutil.copy(png, Path(keep) / f"minutes-{png.name}")


# --- hostile input: one message, nothing written ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def office2(world, tmp_path_factory) -> Path:
    """A fresh office (nothing imported) for the hostile packages."""
    root = tmp_path_factory.mktemp("office2")
    db = root / "o2.db"
    world.make_office(db)
    return db


def _rezip(members: list[tuple[str, bytes]], path: Path, symlink: str | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = (0o120777 if name == symlink else 0o100644) << 16
            z.writestr(info, data)
    return path


def _members(package: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(package) as z:
        return [(n, z.read(n)) for n in z.namelist()]


def _hostile(world: World, kind: str, tmp: Path) -> Path:
    raw = world.package.read_bytes()
    path = tmp / world.package.name
    members = _members(world.package)
    if kind == "flipped_bit":
        data = bytearray(raw)
        data[len(data) // 2] ^= 0x01
        path.write_bytes(bytes(data))
    elif kind == "flipped_manifest_bit":
        data = bytearray(raw)
        data[raw.index(b'"sequence"') + 3] ^= 0x01
        path.write_bytes(bytes(data))
    elif kind == "truncated":
        path.write_bytes(raw[: len(raw) * 2 // 3])
    elif kind == "dotdot":
        _rezip([*members, ("../evil.txt", b"x")], path)
    elif kind == "absolute":
        _rezip([members[0], members[1], ("/tmp/payload.age", members[2][1])], path)
    elif kind == "link":
        _rezip([members[0], members[1], ("payload.age", b"/etc/passwd")], path, symlink="payload.age")
    elif kind == "bomb":
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in members:
                z.writestr(name, data)
            z.writestr("bomb.bin", b"\0" * (300 * 1024 * 1024))
    elif kind == "oversized_manifest":
        manifest = json.loads(members[0][1])
        manifest["padding"] = "x" * (200 * 1024)
        _rezip([("manifest.json", json.dumps(manifest).encode()), members[1], members[2]], path)
    elif kind == "nested_manifest":
        deep: object = 1
        for _ in range(200):
            deep = [deep]
        manifest = json.loads(members[0][1])
        manifest["counts"] = {"persons": deep}
        _rezip([("manifest.json", json.dumps(manifest).encode()), members[1], members[2]], path)
    else:
        raise AssertionError(kind)
    return path


HOSTILE = ["flipped_bit", "flipped_manifest_bit", "truncated", "dotdot", "absolute", "link", "bomb",
           "oversized_manifest", "nested_manifest"]


@pytest.mark.parametrize("kind", HOSTILE)
def test_a_hostile_package_is_refused_and_nothing_written(world, office2, tmp_path, kind):
    bad = _hostile(world, kind, tmp_path)
    before = untouched(office2)
    key = refused("package", "import", "--db", office2, bad, "--passphrase-file", world.o_pass,
                  "--ack-out", tmp_path / "acks")
    assert key not in ("ok", "cli.unexpected"), key
    assert untouched(office2) == before
    assert not (tmp_path / "acks").exists() or not list((tmp_path / "acks").iterdir())
    assert not (tmp_path.parent / "evil.txt").exists()
    assert refused("package", "verify", bad, "--keys", world.c_keys) == key   # the courier sees the same


def test_an_unknown_signer_is_refused(world, tmp_path):
    """The commune's package at an office that never registered the commune's key."""
    db = tmp_path / "o3.db"
    ok("init", "--db", db, "--office", "BHXH khu vực khác")
    ok("keys", "init", "--db", db, "--passphrase-file", world.o_pass)
    before = untouched(db)
    assert refused("package", "import", "--db", db, world.package, "--passphrase-file", world.o_pass,
                   "--ack-out", tmp_path / "acks") == "signature.unknown_signer"
    assert untouched(db) == before


def test_replay_and_sequence(world, tmp_path):
    """A second package numbered 1 with other content (a commune restored from a backup) is refused once 1 was
    received; a gap is accepted and reported."""
    db = tmp_path / "o4.db"
    shutil.copy(world.root / "o-fresh.db", db)
    ok("package", "import", "--db", db, world.package, "--passphrase-file", world.o_pass, "--ack-out", tmp_path)
    fork = tmp_path / "c-fork.db"
    shutil.copy(world.root / "c-before-export.db", fork)
    other = ok("package", "export", "--db", fork, "--period", MONTH, "--out", tmp_path / "fork",
               "--passphrase-file", world.c_pass)
    assert other["sequence"] == 1 and other["id"] != world.export["id"]
    before = untouched(db)
    assert refused("package", "import", "--db", db, other["path"], "--passphrase-file", world.o_pass,
                   "--ack-out", tmp_path / "acks") == "sequence.reused"
    assert untouched(db) == before


def test_a_gap_is_accepted_and_reported(world, tmp_path):
    fork = tmp_path / "c-fork.db"
    shutil.copy(world.root / "c-before-export.db", fork)
    with sqlite3.connect(fork) as conn:   # as if packages 1 and 2 had gone by another way
        conn.execute("INSERT INTO packages (id, commune_code, seq, direction, status, created_at) SELECT "
                     "'00000000-0000-4000-8000-000000000001', code, 2, 'sent', 'exported', '2026-01-01' FROM "
                     "communes")
    third = ok("package", "export", "--db", fork, "--period", MONTH, "--out", tmp_path / "out",
               "--passphrase-file", world.c_pass)
    assert third["sequence"] == 3
    db = tmp_path / "o5.db"
    shutil.copy(world.root / "o-fresh.db", db)
    got = ok("package", "import", "--db", db, third["path"], "--passphrase-file", world.o_pass,
             "--ack-out", tmp_path / "acks")
    assert got["decision"] == "gap" and got["missing"] == [1, 2]
    assert ok("package", "list", "--db", db)["communes"][0]["missing"] == [1, 2]


def _office_ack(world: World, db: Path, tmp: Path, *, other_package: bool) -> Path:
    """An acknowledgement signed in-process by the office of `db` (for the real package, or for one that differs
    in its manifest hash)."""
    import dataclasses
    from datetime import datetime

    from app.exchange import keyring
    from app.packages import make_ack, verify_package, write_ack
    from app.register import Register

    with Register.open(db, write=False) as reg, reg.reading() as s:
        keys_c = [k for k in keyring.trusted_keys(s)]
        ref = verify_package(world.package, keys_c).ref
        if other_package:
            ref = dataclasses.replace(ref, manifest_sha256="0" * 64)
        with keyring.unlock(s, O_PASS) as keys:
            signed = make_ack(ref, office_keys=keys, received_at=datetime.now(UTC),
                              counts_merged={"persons_added": 1})
    tmp.mkdir(parents=True, exist_ok=True)
    return write_ack(tmp, signed)


def test_an_acknowledgement_from_another_office_or_for_another_package_is_refused(world, office2, tmp_path):
    fork = tmp_path / "c.db"
    shutil.copy(world.c, fork)
    with sqlite3.connect(fork) as conn:    # the package not yet acknowledged in this copy
        conn.execute("UPDATE packages SET acknowledged_at = NULL, status = 'collected'")
        conn.execute("UPDATE periods SET status = 'collected' WHERE status = 'acknowledged'")
    before = untouched(fork)
    stranger = _office_ack(world, office2, tmp_path / "a", other_package=False)
    assert refused("package", "ack", "--db", fork, stranger) == "ack.other_office"
    wrong = _office_ack(world, world.o, tmp_path / "b", other_package=True)
    assert refused("package", "ack", "--db", fork, wrong) == "ack.other_package"
    assert untouched(fork) == before


def test_the_office_on_postgresql(world, pg_empty, tmp_path):
    world.make_office(pg_empty, tmp_path / "o-pg-keys")
    # a commune sending to this office: a copy of the commune registered with the PostgreSQL office's keys
    c = tmp_path / "c.db"
    shutil.copy(world.root / "c-before-export.db", c)
    with sqlite3.connect(c) as conn:
        conn.execute("UPDATE trusted_keys SET status = 'void'")
    ok("keys", "trust", "--db", c, tmp_path / "o-pg-keys")
    e = ok("package", "export", "--db", c, "--period", MONTH, "--out", tmp_path / "out", "--passphrase-file",
           world.c_pass)
    got = ok("package", "import", "--db", pg_empty, e["path"], "--passphrase-file", world.o_pass,
             "--ack-out", tmp_path / "acks")
    assert got["decision"] == "new" and got["merged"]["persons_added"] == 150
    again = ok("package", "import", "--db", pg_empty, e["path"], "--passphrase-file", world.o_pass,
               "--ack-out", tmp_path / "acks2")
    assert again["decision"] == "same_again"
    assert Path(again["ack"]["path"]).read_bytes() == Path(got["ack"]["path"]).read_bytes()
    assert refused("package", "import", "--db", pg_empty, world.package, "--passphrase-file", world.o_pass,
                   "--ack-out", tmp_path / "acks3") == "sequence.reused"   # another package numbered 1
    assert ok("package", "ack", "--db", c, got["ack"]["path"])["period_status"] == "acknowledged"


def test_a_commune_key_is_replaced_from_paper_or_a_rotation_notice(world, tmp_path):
    o = tmp_path / "o.db"
    shutil.copy(world.root / "o-fresh.db", o)
    c = tmp_path / "c.db"
    shutil.copy(world.root / "c-before-export.db", c)
    rotated = ok("keys", "rotate", "--db", c, "--passphrase-file", world.c_pass, "--out", tmp_path / "new")["keys"]
    assert rotated["old_key_id"] != rotated["key_id"]
    # the courier carries a package the new key signed together with the paper fingerprint
    e = ok("package", "export", "--db", c, "--period", MONTH, "--out", tmp_path / "out", "--passphrase-file",
           world.c_pass)
    before = untouched(o)
    assert refused("keys", "trust", "--db", o, tmp_path / "new") == "keys.replace_needs_proof"
    assert refused("keys", "trust", "--db", o, tmp_path / "new", "--fingerprint",
                   "0000 0000 0000 0000 0000") == "keys.fingerprint_mismatch"
    assert untouched(o) == before
    by_notice = tmp_path / "o2.db"
    shutil.copy(o, by_notice)
    got = ok("keys", "trust", "--db", by_notice, tmp_path / "new", "--rotation", rotated["notice"])["keys"]
    assert got["source"] == "rotation" and got["replaced"] == [rotated["old_key_id"]]
    got = ok("keys", "trust", "--db", o, tmp_path / "new", "--fingerprint", rotated["fingerprint_short"])["keys"]
    assert got["source"] == "paper"
    shown = ok("keys", "show", "--db", o)["trusted"]
    assert [(k["key_id"], k["status"]) for k in shown] == [(rotated["old_key_id"], "replaced"),
                                                           (rotated["key_id"], "active")]
    ok("undo", "--db", o)                  # registering a key is undoable: the old key is active again and the
    shown = ok("keys", "show", "--db", o)["trusted"]   # new one, voided, is no longer listed as trusted
    assert [(k["key_id"], k["status"]) for k in shown] == [(rotated["old_key_id"], "active")]
    ok("redo", "--db", o)
    # the package the new key signed before the office registered it is accepted
    assert ok("package", "import", "--db", o, e["path"], "--passphrase-file", world.o_pass,
              "--ack-out", tmp_path / "acks")["decision"] == "new"
    # a notice signed by a key that is not the registered old one is refused
    third = tmp_path / "c3.db"
    shutil.copy(world.root / "c-before-export.db", third)
    with sqlite3.connect(third) as conn:
        conn.execute("UPDATE unit_keys SET status = 'void'")
    ok("keys", "init", "--db", third, "--passphrase-file", world.c_pass)
    stranger = ok("keys", "rotate", "--db", third, "--passphrase-file", world.c_pass, "--out", tmp_path / "s")["keys"]
    assert refused("keys", "trust", "--db", by_notice, tmp_path / "s", "--rotation",
                   stranger["notice"]) == "rotation.not_old_key"
