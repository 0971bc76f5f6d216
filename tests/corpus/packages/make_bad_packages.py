"""A corpus of packages and acknowledgements hgd must refuse, each with the one message key it must be refused with
(DESIGN.md, "Packages": what the format must withstand).

    python tests/corpus/packages/make_bad_packages.py OUT_DIR      # writes every case into OUT_DIR and lists them

`make_world()` makes the units' keys (a commune, its neighbour, the office, another office); `build(out_dir, world)`
writes every case and returns them. Nothing binary is kept in the repository: each file is made from code, from a
good package built by the code under test and then broken — by flipping bits, by re-zipping with our own small raw
zip writer (independent of the one under test), or by signing hostile content with a registered key (a stolen key:
the reader must still be safe).
"""
from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
import os
import stat
import struct
import sys
import unicodedata
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import minisign
import pyrage

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.packages import (
    BuiltPackage,
    ManifestFields,
    PublicKeys,
    SigningPublicKey,
    TrustedKey,
    Unit,
    UnlockedKeys,
    build_package,
    limits,
    make_ack,
)
from app.packages.jsonstrict import dumps
from app.packages.manifest import trusted_comment

VN = timezone(timedelta(hours=7))
CREATED = datetime(2025, 8, 3, 9, 30, tzinfo=VN)
COMMUNE, NEIGHBOUR, OFFICE, OTHER_OFFICE = "15703", "15706", "BHXH-TS", "BHXH-NC"


@dataclass
class World:
    commune: UnlockedKeys
    neighbour: UnlockedKeys
    office: UnlockedKeys
    other_office: UnlockedKeys
    stranger: UnlockedKeys          # a key claiming to be the commune's, never registered

    @property
    def trusted(self) -> list[TrustedKey]:
        """The office's registry: both communes' keys."""
        return [TrustedKey(COMMUNE, self.commune.public.signing), TrustedKey(NEIGHBOUR, self.neighbour.public.signing)]

    @property
    def office_trusted(self) -> list[TrustedKey]:
        """The commune's registry: its office's key."""
        return [TrustedKey(OFFICE, self.office.public.signing)]


def make_world() -> World:
    """Keys for every unit, made unlocked: packages are the subject here, not the passphrase (whose key derivation
    costs seconds on purpose; tests/unit/packages/test_pkg_keys.py covers it)."""
    units = [Unit("commune", COMMUNE, "Xã Dân Lý"), Unit("commune", NEIGHBOUR, "Xã Dân Quyền"),
             Unit("office", OFFICE, "BHXH cơ sở Triệu Sơn"), Unit("office", OTHER_OFFICE, "BHXH cơ sở Nga Sơn"),
             Unit("commune", COMMUNE, "Xã Dân Lý")]
    return World(*(unlocked_keys(u) for u in units))


def unlocked_keys(unit: Unit) -> UnlockedKeys:
    pair = minisign.KeyPair.generate()
    identity = pyrage.x25519.Identity.generate() if unit.kind == "office" else None
    public = PublicKeys(unit, SigningPublicKey.from_base64(pair.public_key.to_base64()),
                        str(identity.to_public()) if identity else None)
    return UnlockedKeys(public, pair.secret_key, identity)


def period_data(code: str = COMMUNE, period: str = "2025-07", persons: int = 3) -> dict[str, Any]:
    """A data.json as the published schema has it (resources/schemas/payload-data-v1.json): a commune's records."""
    commune_id, period_id, household_id = (f"00000000-0000-4000-8000-{i:012d}" for i in (900001, 900002, 900003))
    return {"format": "hgd-period-data", "format_version": 1, "commune": {"code": code, "name": "Xã Dân Lý"},
            "period": period,
            "commune_record": {"id": commune_id, "code": code, "name": "Xã Dân Lý", "status": "active"},
            "period_record": {"id": period_id, "commune_id": commune_id, "month": period, "status": "exported"},
            "households": [{"id": household_id, "commune_id": commune_id, "code": "H001", "status": "active"}],
            "persons": [{"id": f"00000000-0000-4000-8000-{i:012d}", "commune_id": commune_id,
                         "household_id": household_id, "full_name": "Nguyễn Thị Hồng", "name_key": "nguyen thi hong",
                         "birth_date": "1990-05-17", "status": "active"} for i in range(persons)],
            "events": []}


def fields(seq: int = 1, previous: str | None = None, period: str = "2025-07") -> ManifestFields:
    return ManifestFields(COMMUNE, "Xã Dân Lý", period, seq, previous, {"persons": 3, "households": 1},
                          created_at=CREATED)


LIST_FILES = {"D03-TS-2025-07.xlsx": b"PK\x03\x04 a spreadsheet", "D03-TS-2025-07.pdf": b"%PDF-1.4 a list"}


def build_good(out_dir: Path, world: World, *, seq: int = 1, previous: str | None = None) -> BuiltPackage:
    out_dir.mkdir(parents=True, exist_ok=True)
    return build_package(out_dir, manifest_fields=fields(seq, previous), data=period_data(), files=LIST_FILES,
                         signing_key=world.commune, recipient=world.office.public)


# --- a raw zip writer of our own, so the corpus can say anything a zip can ------------------------------------------

@dataclass
class Raw:
    name: str | bytes
    data: bytes                      # the member's content
    method: int = 0                  # 0 stored, 8 deflated (then `data` is deflated here)
    mode: int = stat.S_IFREG | 0o644
    flags: int = 0
    declared: int | None = None      # uncompressed size to declare instead of the true one
    crc: int | None = None


def raw_zip(members: list[Raw], *, comment: bytes = b"", date_field: int = 0x21) -> bytes:
    out, central = b"", b""
    for m in members:
        name = m.name.encode("utf-8") if isinstance(m.name, str) else m.name
        body = m.data
        if m.method == 8:
            packer = zlib.compressobj(9, zlib.DEFLATED, -15)
            body = packer.compress(m.data) + packer.flush()
        crc = zlib.crc32(m.data) if m.crc is None else m.crc
        size = len(m.data) if m.declared is None else m.declared
        head = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, m.flags, m.method, 0, date_field, crc, len(body), size,
                           len(name), 0)
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, (3 << 8) | 20, 20, m.flags, m.method, 0, date_field,
                               crc, len(body), size, len(name), 0, 0, 0, 0, m.mode << 16, len(out)) + name
        out += head + name + body
    return out + central + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central),
                                       len(out), len(comment)) + comment


def members_of(package: bytes) -> dict[str, bytes]:
    import io
    import zipfile
    with zipfile.ZipFile(io.BytesIO(package)) as z:
        return {n: z.read(n) for n in z.namelist()}


def flip(data: bytes, offset: int, bit: int = 0) -> bytes:
    return data[:offset] + bytes([data[offset] ^ (1 << bit)]) + data[offset + 1:]


def sign(keys: UnlockedKeys, data: bytes, comment: str, *, legacy: bool = False, untrusted: str | None = None) -> bytes:
    secret = keys._secret     # the corpus signs what the code under test never would
    signature = secret.sign(data, prehash=not legacy, trusted_comment=comment,
                            untrusted_comment=untrusted or "signature from minisign secret key")
    return bytes(signature) + b"\n"


def comment_of(m: dict[str, Any]) -> str:
    return trusted_comment(m["commune"]["code"], m["period"], m["sequence"], m["package_id"], m["payload"]["sha256"])


def sealed(manifest: dict[str, Any] | bytes, signature: bytes, payload: bytes) -> bytes:
    raw = manifest if isinstance(manifest, bytes) else dumps(manifest)
    return raw_zip([Raw("manifest.json", raw), Raw("manifest.json.minisig", signature), Raw("payload.age", payload)])


def forged(world: World, manifest: dict[str, Any] | bytes, payload: bytes, *, signer: UnlockedKeys | None = None,
           comment: str | None = None, legacy: bool = False) -> bytes:
    """A package whose manifest is signed (by default with the commune's registered key, as a thief would)."""
    raw = manifest if isinstance(manifest, bytes) else dumps(manifest)
    if comment is None:
        comment = comment_of(manifest if isinstance(manifest, dict) else json.loads(manifest))
    return sealed(raw, sign(signer or world.commune, raw, comment, legacy=legacy), payload)


def entries(members: dict[str, bytes]) -> list[dict[str, Any]]:
    return [{"name": n, "sha256": hashlib.sha256(d).hexdigest(), "size": len(d)} for n, d in sorted(members.items())]


def with_inner(world: World, base: dict[str, Any], inner: bytes, listed: dict[str, bytes] | None = None,
               *, recipient: str | None = None) -> bytes:
    """A validly signed package around a hostile inner archive (hashes made to match, as a key thief would)."""
    payload = pyrage.encrypt(inner, [pyrage.x25519.Recipient.from_str(recipient or world.office.public.age_recipient)])
    m = copy.deepcopy(base)
    m["payload"].update(sha256=hashlib.sha256(payload).hexdigest(), size=len(payload))
    if listed is not None:
        m["files"] = entries(listed)
    return forged(world, m, payload)


# --- the cases ---------------------------------------------------------------------------------------------------------

@dataclass
class Case:
    name: str
    path: Path
    stage: str                       # "verify" (the courier check), "open" (the office), "ack" (the commune)
    key: str                         # the HgdError key it must be refused with
    trusted: list[TrustedKey] | None = field(default=None)   # another registry than world.trusted
    big: bool = False


def build(out_dir: Path, world: World) -> list[Case]:
    out_dir = Path(out_dir)
    good = build_good(out_dir / "good", world)
    package = good.path.read_bytes()
    parts = members_of(package)
    manifest_raw, signature, payload = parts["manifest.json"], parts["manifest.json.minisig"], parts["payload.age"]
    base = json.loads(manifest_raw)
    data_json = json.dumps(period_data(), ensure_ascii=False).encode()
    good_inner = {"data.json": data_json, **LIST_FILES}
    cases: list[Case] = []

    def add(name: str, content: bytes, stage: str, key: str, **kw: Any) -> None:
        path = out_dir / name
        path.write_bytes(content)
        cases.append(Case(name, path, stage, key, **kw))

    def changed(**updates: Any) -> dict[str, Any]:
        m = copy.deepcopy(base)
        m.update(updates)
        return m

    # A flipped bit: in each member, in the zip structure; edits re-zipped with good checksums.
    add("flip_manifest.zip", flip(package, package.index(manifest_raw) + 40), "verify", "zip.crc")
    add("flip_signature.zip", flip(package, package.index(signature) + 60), "verify", "zip.crc")
    add("flip_payload.zip", flip(package, package.index(payload) + len(payload) // 2), "verify", "zip.crc")
    add("flip_zip_date.zip", flip(package, package.index(b"PK\x01\x02") + 14), "verify", "zip.not_canonical")
    add("flip_zip_end.zip", flip(package, len(package) - 22), "verify", "zip.damaged")
    add("edited_manifest.zip", sealed(manifest_raw.replace(b'"persons": 3', b'"persons": 4'), signature, payload),
        "verify", "signature.bad")
    add("edited_payload.zip", sealed(manifest_raw, signature, flip(payload, len(payload) - 5)), "verify",
        "package.payload_mismatch")
    forged_payload = pyrage.encrypt(b"forged", [pyrage.x25519.Recipient.from_str(world.office.public.age_recipient)])
    add("forged_payload.zip", sealed(manifest_raw, signature, forged_payload), "verify", "package.payload_mismatch")
    add("edited_untrusted_comment.zip",
        sealed(manifest_raw, signature.replace(b"signature from minisign secret key", b"signature from hgd"), payload),
        "verify", "signature.malformed")
    add("signature_crlf.zip", sealed(manifest_raw, signature.replace(b"\n", b"\r\n"), payload), "verify",
        "signature.malformed")
    add("legacy_signature.zip", forged(world, base, payload, legacy=True), "verify", "signature.malformed")

    # Wrong or unknown signer, keys outside their dates, a trusted comment that disagrees.
    add("unknown_signer.zip", forged(world, base, payload, signer=world.stranger), "verify", "signature.unknown_signer")
    add("neighbour_signed.zip", forged(world, base, payload, signer=world.neighbour), "verify",
        "signature.wrong_unit")
    add("office_signed.zip", forged(world, base, payload, signer=world.office), "verify", "signature.unknown_signer")
    add("key_expired.zip", package, "verify", "signature.key_not_valid",
        trusted=[TrustedKey(COMMUNE, world.commune.public.signing, date(2024, 1, 1), date(2025, 7, 31))])
    add("key_not_yet_valid.zip", package, "verify", "signature.key_not_valid",
        trusted=[TrustedKey(COMMUNE, world.commune.public.signing, datetime(2025, 8, 3, 10, 0, tzinfo=VN), None)])
    add("comment_other_sequence.zip", forged(world, base, payload, comment=comment_of(changed(sequence=2))),
        "verify", "signature.comment_mismatch")
    add("comment_minisign_default.zip", forged(world, base, payload, comment="timestamp:1754188200\tfile:manifest.json"
                                                                          "\thashed"),
        "verify", "signature.comment_mismatch")
    add("comment_other_payload.zip", forged(world, base, payload, comment=comment_of(
        changed(payload={**base["payload"], "sha256": "0" * 64}))), "verify", "signature.comment_mismatch")

    # Truncated, empty, not a zip, bytes around it.
    add("truncated_half.zip", package[:len(package) // 2], "verify", "zip.damaged")
    add("truncated_last_byte.zip", package[:-1], "verify", "zip.damaged")
    add("empty.zip", b"", "verify", "zip.damaged")
    add("not_a_zip.zip", os.urandom(3000), "verify", "zip.damaged")
    add("prepended_bytes.zip", b"MZ" + bytes(510) + package, "verify", "zip.not_canonical")
    add("appended_bytes.zip", package + b"tail", "verify", "zip.damaged")
    add("zip_comment.zip", sealed(manifest_raw, signature, payload)[:-2] + struct.pack("<H", 4) + b"note",
        "verify", "zip.damaged")

    # Member names and kinds.
    good_members = [Raw("manifest.json", manifest_raw), Raw("manifest.json.minisig", signature)]
    add("member_dotdot.zip", raw_zip([*good_members, Raw("../payload.age", payload)]), "verify", "zip.unsafe_path")
    add("member_absolute.zip", raw_zip([*good_members, Raw("/tmp/payload.age", payload)]), "verify",
        "zip.unsafe_path")
    add("member_backslash.zip", raw_zip([*good_members, Raw("..\\payload.age", payload)]), "verify",
        "zip.unsafe_path")
    add("member_drive.zip", raw_zip([*good_members, Raw("C:payload.age", payload)]), "verify", "zip.unsafe_path")
    add("member_nul.zip", raw_zip([*good_members, Raw("payload.age\0.txt", payload)]), "verify", "zip.unsafe_path")
    add("member_folder.zip", raw_zip([*good_members, Raw("payload.age/", b"")]), "verify", "zip.unsafe_path")
    add("member_symlink.zip", raw_zip([*good_members, Raw("payload.age", b"/etc/passwd",
                                                          mode=stat.S_IFLNK | 0o777)]), "verify", "zip.link")
    add("member_fifo.zip", raw_zip([*good_members, Raw("payload.age", payload, mode=stat.S_IFIFO | 0o644)]),
        "verify", "zip.link")
    add("member_duplicate.zip", raw_zip([*good_members, Raw("manifest.json", manifest_raw),
                                         Raw("payload.age", payload)]), "verify", "zip.too_many")
    add("member_duplicate_same_count.zip", raw_zip([good_members[0], Raw("manifest.json", manifest_raw),
                                                    Raw("payload.age", payload)]), "verify", "zip.duplicate")
    add("member_extra.zip", raw_zip([*good_members, Raw("readme.txt", b"hi")]), "verify", "zip.unexpected")
    add("member_missing.zip", raw_zip(good_members), "verify", "zip.missing")
    add("member_uppercase.zip", raw_zip([*good_members, Raw("PAYLOAD.AGE", payload)]), "verify", "zip.unexpected")
    add("member_many.zip", raw_zip([Raw(f"m{i}.txt", b"") for i in range(5000)]), "verify", "zip.too_many")
    add("member_encrypted_flag.zip", raw_zip([*good_members, Raw("payload.age", payload, flags=1)]), "verify",
        "zip.encrypted")
    add("member_deflated.zip", raw_zip([*good_members, Raw("payload.age", payload, method=8)]), "verify", "zip.method")
    add("member_size_lie.zip", raw_zip([*good_members, Raw("payload.age", payload, declared=len(payload) + 9)]),
        "verify", "zip.size_lie")
    add("outer_bomb.zip", raw_zip([*good_members, Raw("payload.age", bytes(50 * limits.MiB), method=8)]), "verify",
        "zip.method", big=True)
    add("member_wrong_order.zip", raw_zip([good_members[1], good_members[0], Raw("payload.age", payload)]), "verify",
        "zip.not_canonical")

    # The manifest: size, depth, fields, strictness (all signed with the commune's key: the limits hold anyway).
    add("manifest_oversized.zip", forged(world, changed(commune={"code": COMMUNE, "name": "X" * 150},
                                                        padding="x" * (limits.MAX_MANIFEST_BYTES + 10)), payload),
        "verify", "json.too_large")
    deep = b'{"a":' * 100_000 + b"1" + b"}" * 100_000
    add("manifest_deep_100000.zip", forged(world, deep, payload, comment=comment_of(base)), "verify",
        "json.too_large")
    deep_small = (b'{"a":' * 5000 + b"1" + b"}" * 5000)
    add("manifest_deep_5000.zip", forged(world, deep_small, payload, comment=comment_of(base)), "verify",
        "json.too_deep")
    add("manifest_deep_20.zip", forged(world, changed(counts=_nest(20)), payload), "verify", "json.too_deep")
    add("manifest_extra_field.zip", forged(world, changed(note="extra"), payload), "verify", "json.schema")
    m = changed()
    del m["counts"]
    add("manifest_missing_field.zip", forged(world, m, payload), "verify", "json.schema")
    add("manifest_wrong_type.zip", forged(world, changed(sequence="1"), payload, comment=comment_of(base)), "verify",
        "json.schema")
    add("manifest_bool_for_int.zip", forged(world, changed(sequence=True), payload, comment=comment_of(base)),
        "verify", "json.schema")
    add("manifest_other_version.zip", forged(world, changed(format_version=2), payload), "verify", "json.schema")
    add("manifest_bad_period.zip", forged(world, changed(period="2025-13"), payload), "verify", "json.schema")
    add("manifest_code_newline.zip", forged(world, changed(commune={"code": "15703\n", "name": "Xã Dân Lý"}), payload,
                                            comment=comment_of(base)), "verify", "json.bad_text")
    text = manifest_raw.decode()
    dup = text.replace('"sequence": 1', '"sequence": 1,\n  "sequence": 1', 1).encode()
    add("manifest_duplicate_key.zip", forged(world, dup, payload, comment=comment_of(base)), "verify", "json.invalid")
    nan = text.replace('"persons": 3', '"persons": NaN', 1).encode()
    add("manifest_nan.zip", forged(world, nan, payload, comment=comment_of(base)), "verify", "json.invalid")
    add("manifest_bom.zip", forged(world, b"\xef\xbb\xbf" + manifest_raw, payload, comment=comment_of(base)),
        "verify", "json.invalid")
    add("manifest_latin1.zip", forged(world, manifest_raw.replace("Dân".encode(), "Dân".encode("latin-1")), payload,
                                      comment=comment_of(base)), "verify", "json.invalid")
    add("manifest_control_char.zip", forged(world, changed(commune={"code": COMMUNE, "name": "Xã\nDân Lý"}),
                                            payload), "verify", "json.bad_text")
    add("manifest_not_nfc.zip", forged(world, changed(commune={"code": COMMUNE,
                                                               "name": unicodedata.normalize("NFD", "Xã Dân Lý")}),
                                       payload), "verify", "json.bad_text")
    add("manifest_bad_time.zip", forged(world, changed(created_at="2025-02-30T09:30:00+07:00"), payload), "verify",
        "manifest.invalid")
    add("manifest_files_unsorted.zip", forged(world, changed(files=list(reversed(base["files"]))), payload), "verify",
        "manifest.invalid")
    add("manifest_array.zip", forged(world, b"[]\n", payload, comment=comment_of(base)), "verify", "json.schema")

    # The payload inside: hostile archives under a valid signature (a stolen key), and payloads not for this office.
    def inner_zip(*members: Raw) -> bytes:
        return raw_zip(list(members))

    goods = [Raw(n, d) for n, d in good_inner.items()]
    add("inner_dotdot.zip", with_inner(world, base, inner_zip(*goods, Raw("../../evil.sh", b"rm -rf")), good_inner),
        "open", "zip.unsafe_path")
    add("inner_absolute.zip", with_inner(world, base, inner_zip(*goods, Raw("/etc/cron.d/x", b"x")), good_inner),
        "open", "zip.unsafe_path")
    add("inner_symlink.zip", with_inner(world, base, inner_zip(goods[0], goods[1],
                                                                Raw("D03-TS-2025-07.pdf", b"/etc/shadow",
                                                                    mode=stat.S_IFLNK | 0o777)), good_inner),
        "open", "zip.link")
    add("inner_duplicate.zip", with_inner(world, base, inner_zip(*goods, goods[0]), good_inner), "open",
        "zip.duplicate")
    add("inner_extra.zip", with_inner(world, base, inner_zip(*goods, Raw("virus.exe", b"MZ")), good_inner), "open",
        "zip.unexpected")
    add("inner_missing.zip", with_inner(world, base, inner_zip(*goods[:2]), good_inner), "open", "zip.missing")
    spaces = b" " * (60 * limits.MiB)
    add("inner_bomb_ratio.zip", with_inner(world, base, inner_zip(Raw("data.json", data_json + spaces, method=8),
                                                                  *goods[1:]), good_inner),
        "open", "zip.bomb", big=True)
    lying = Raw("data.json", data_json + spaces, method=8, declared=len(data_json))
    add("inner_bomb_lying_size.zip", with_inner(world, base, inner_zip(lying, *goods[1:]), good_inner), "open",
        "zip.crc", big=True)
    add("inner_declared_huge.zip", with_inner(world, base, inner_zip(
        Raw("data.json", data_json, declared=limits.MAX_DATA_JSON_BYTES + 1), *goods[1:]), good_inner),
        "open", "zip.too_large")
    add("inner_file_hash.zip", with_inner(world, base, inner_zip(*goods),
                                          {**good_inner, "D03-TS-2025-07.xlsx": b"another"}), "open",
        "payload.file_mismatch")
    bad_data = json.dumps({**period_data(), "period": None}).encode()
    add("inner_data_schema.zip", with_inner(world, base, inner_zip(Raw("data.json", bad_data), *goods[1:]),
                                            {**good_inner, "data.json": bad_data}), "open", "json.schema")
    other = json.dumps(period_data(code=NEIGHBOUR)).encode()
    add("inner_data_other_commune.zip", with_inner(world, base, inner_zip(Raw("data.json", other), *goods[1:]),
                                                   {**good_inner, "data.json": other}), "open",
        "payload.data_mismatch")
    garbage = b"\x00not json"
    add("inner_data_not_json.zip", with_inner(world, base, inner_zip(Raw("data.json", garbage), *goods[1:]),
                                              {**good_inner, "data.json": garbage}), "open", "json.invalid")
    deep_data = json.dumps({**period_data(), "extra": _nest(40)}).encode()
    add("inner_data_deep.zip", with_inner(world, base, inner_zip(Raw("data.json", deep_data), *goods[1:]),
                                          {**good_inner, "data.json": deep_data}), "open", "json.too_deep")
    add("inner_not_a_zip.zip", with_inner(world, base, b"just bytes"), "open", "zip.damaged")
    add("for_another_office.zip", with_inner(world, base, inner_zip(*goods), good_inner,
                                             recipient=world.other_office.public.age_recipient),
        "open", "payload.decrypt_failed")
    not_age = b"age-encryption.org/v1\n-> X25519 garbage\n--- nothing\n" + os.urandom(100)
    m = copy.deepcopy(base)
    m["payload"].update(sha256=hashlib.sha256(not_age).hexdigest(), size=len(not_age))
    add("payload_not_age.zip", forged(world, m, not_age), "open", "payload.decrypt_failed")

    # Acknowledgements: for another package, from another office, altered.
    ref = good.ref
    other_ref = dataclasses.replace(ref, package_id="11111111-1111-4111-8111-111111111111")
    received = datetime(2025, 8, 4, 8, 0, tzinfo=VN)
    ack = make_ack(other_ref, office_keys=world.office, received_at=received, counts_merged={"persons": 3})
    add("ack_other_package.zip", ack.data, "ack", "ack.other_package")
    ack = make_ack(ref, office_keys=world.other_office, received_at=received, counts_merged={"persons": 3})
    add("ack_other_office.zip", ack.data, "ack", "ack.other_office")
    good_ack = make_ack(ref, office_keys=world.office, received_at=received, counts_merged={"persons": 3}).data
    ack_parts = members_of(good_ack)
    ack_json, ack_sig = ack_parts["ack.json"], ack_parts["ack.json.minisig"]
    add("ack_flipped.zip", flip(good_ack, good_ack.index(ack_json) + 30), "ack", "zip.crc")
    add("ack_edited.zip", raw_zip([Raw("ack.json", ack_json.replace(b'"persons": 3', b'"persons": 9')),
                                   Raw("ack.json.minisig", ack_sig)]), "ack", "signature.bad")
    commune_signed = raw_zip([Raw("ack.json", ack_json), Raw("ack.json.minisig", sign(world.commune, ack_json,
                                                                                      _ack_comment(ack_sig)))])
    add("ack_signed_by_commune.zip", commune_signed, "ack", "ack.other_office")
    resigned = raw_zip([Raw("ack.json", ack_json), Raw("ack.json.minisig", sign(world.office, ack_json, "ok"))])
    add("ack_comment_mismatch.zip", resigned, "ack", "signature.comment_mismatch")
    add("ack_truncated.zip", good_ack[:-10], "ack", "zip.damaged")
    return cases


def _ack_comment(signature: bytes) -> str:
    return signature.split(b"\n")[2].decode().removeprefix("trusted comment: ")


def _nest(depth: int) -> Any:
    doc: Any = 1
    for _ in range(depth):
        doc = {"a": doc}
    return doc


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "bad-packages")
    target.mkdir(parents=True, exist_ok=True)
    for case in build(target, make_world()):
        print(f"{case.stage:6} {case.key:28} {case.name}")
