"""Keys: minisign's own formats, private keys stored encrypted with the passphrase, clear refusals, fingerprints."""
from __future__ import annotations

import base64
import unicodedata

import minisign
import pytest
from minisign.scrypt import scrypt_params_from_limits

from app.errors import HgdError
from app.packages import Fingerprint, LockedKeys, PublicKeys, SigningPublicKey, Unit, change_passphrase, create_keys
from app.packages import keys as keys_module

PASS = "Mật khẩu của xã 2025"


@pytest.fixture(scope="module")
def commune_locked():
    return create_keys(Unit("commune", "15703", "Xã Dân Lý"), PASS)   # the real cost: scrypt N=2^18


@pytest.fixture(scope="module")
def office_locked():
    return create_keys(Unit("office", "BHXH-TS", "BHXH cơ sở Triệu Sơn"), PASS)


@pytest.fixture(scope="module")
def office_unlocked(office_locked):
    return office_locked.unlock(PASS)


@pytest.fixture
def cheap_kdf(monkeypatch):
    monkeypatch.setattr(keys_module, "SCRYPT_OPSLIMIT", 1 << 15)
    monkeypatch.setattr(keys_module, "SCRYPT_MEMLIMIT", 1 << 24)


def test_minisign_pub_is_byte_for_byte_what_minisign_writes(commune_locked):
    public = commune_locked.public.signing
    text = public.minisign_pub().decode("ascii")
    comment, key, end = text.split("\n")
    blob = base64.b64decode(key)
    assert end == "" and blob[:2] == b"Ed" and blob[2:10] == public.key_id_bytes and blob[10:] == public.key
    # minisign prints the key id as a little-endian 64-bit number in upper-case hex, without padding (PRIX64)
    assert comment == f"untrusted comment: minisign public key {int.from_bytes(blob[2:10], 'little'):X}"
    assert SigningPublicKey.from_minisign_pub(text.encode()) == public


def test_a_key_id_with_leading_zeros_is_printed_as_minisign_prints_it():
    public = SigningPublicKey(bytes.fromhex("5765c55cbf248800"), b"\x01" * 32)
    comment = public.minisign_pub().decode("ascii").split("\n")[0]
    assert comment == "untrusted comment: minisign public key 8824BF5CC56557"
    assert public.key_id == "008824BF5CC56557"   # hgd's own display keeps the 16 digits
    assert SigningPublicKey.from_minisign_pub(public.minisign_pub()) == public


def test_stored_keys_round_trip_and_keep_the_secret_encrypted(commune_locked):
    stored = commune_locked.to_bytes()
    assert LockedKeys.from_bytes(stored) == commune_locked
    secret = minisign.SecretKey.from_bytes(commune_locked.minisign_secret_key)
    assert secret.is_encrypted() and base64.b64decode(secret.to_base64())[:6] == b"EdScB2"
    with commune_locked.unlock(PASS) as keys:
        raw_secret = bytes(keys._secret._keynum_sk.secret_key)
    assert raw_secret not in base64.b64decode(secret.to_base64())


def test_the_default_passphrase_cost_is_scrypt_n_2_18_r_8_p_1(commune_locked):
    raw = base64.b64decode(commune_locked.minisign_secret_key.split(b"\n")[1])
    opslimit = int.from_bytes(raw[38:46], "little")
    memlimit = int.from_bytes(raw[46:54], "little")
    assert tuple(scrypt_params_from_limits(opslimit, memlimit)) == (1 << 18, 8, 1)


def test_a_wrong_passphrase_is_refused_with_one_clear_message(commune_locked):
    with pytest.raises(HgdError) as err:
        commune_locked.unlock("mật khẩu sai rồi")
    assert err.value.key == "keys.wrong_passphrase"
    assert str(err.value) == "Mật khẩu không đúng: không mở được khóa của Xã Dân Lý."
    assert err.value.render("en") == "Wrong passphrase: the keys of Xã Dân Lý could not be unlocked."


def test_a_passphrase_typed_decomposed_unlocks_the_keys_made_with_it_composed(commune_locked):
    decomposed = unicodedata.normalize("NFD", PASS)
    assert decomposed != PASS
    with commune_locked.unlock(decomposed) as keys:
        assert keys.public == commune_locked.public


@pytest.mark.parametrize("passphrase, key", [("ngắn", "keys.passphrase_short"), ("1234567", "keys.passphrase_short"),
                                             ("dòng một\ndòng hai", "keys.passphrase_bad"),
                                             ("x" * 1025, "keys.passphrase_bad")])
def test_a_short_or_unprintable_new_passphrase_is_refused(passphrase, key):
    with pytest.raises(HgdError) as err:
        create_keys(Unit("commune", "15703", "Xã Dân Lý"), passphrase)
    assert err.value.key == key


def test_an_office_stores_its_age_identity_encrypted_with_the_passphrase(office_locked, office_unlocked):
    stored = office_locked.to_bytes()
    assert b"AGE-SECRET-KEY" not in stored
    assert office_locked.age_identity.startswith(b"-----BEGIN AGE ENCRYPTED FILE-----")
    assert office_locked.public.age_recipient.startswith("age1")
    assert str(office_unlocked.identity.to_public()) == office_locked.public.age_recipient
    assert office_unlocked.export_age_identity().startswith("AGE-SECRET-KEY-1")
    assert LockedKeys.from_bytes(stored) == office_locked


def test_a_commune_has_no_decryption_key(world):
    with pytest.raises(ValueError):
        _ = world.commune.identity


def test_changing_the_passphrase_keeps_the_keys_and_drops_the_old_passphrase(cheap_kdf):
    locked = create_keys(Unit("commune", "15703", "Xã Dân Lý"), "cũ cũ cũ cũ")
    changed = change_passphrase(locked, "cũ cũ cũ cũ", "mới mới mới mới")
    assert changed.public == locked.public and changed.minisign_secret_key != locked.minisign_secret_key
    with pytest.raises(HgdError, match="Mật khẩu không đúng"):
        changed.unlock("cũ cũ cũ cũ")
    with changed.unlock("mới mới mới mới") as keys:
        assert keys.sign(b"x", "t")


def test_stored_keys_whose_public_half_was_swapped_are_refused(cheap_kdf, world):
    locked = create_keys(Unit("commune", "15703", "Xã Dân Lý"), PASS)
    swapped = LockedKeys(world.commune.public, locked.minisign_secret_key, None)
    with pytest.raises(HgdError) as err:
        swapped.unlock(PASS)
    assert err.value.key == "keys.stored_damaged"


@pytest.mark.parametrize("mutate, key", [
    (lambda b: b[:-40], "json.invalid"),
    (lambda b: b.replace(b'"format": "hgd-keys"', b'"format": "hgd-keys", "x": 1'), "json.schema"),
    (lambda b: b.replace(b"RW", b"RX", 1), "json.schema"),
    (lambda b: b * 40, "json.too_large"),
])
def test_damaged_stored_keys_are_refused(commune_locked, mutate, key):
    with pytest.raises(HgdError) as err:
        LockedKeys.from_bytes(mutate(commune_locked.to_bytes()))
    assert err.value.key == key


@pytest.mark.parametrize("kind, code", [("commune", "1570"), ("commune", "15703 "), ("commune", "BHXH"),
                                        ("office", "../x"), ("office", ""), ("office", "x" * 33),
                                        ("district", "15703")])
def test_unit_codes_are_checked(kind, code):
    with pytest.raises(HgdError) as err:
        Unit(kind, code, "Tên")
    assert err.value.key == "unit.bad_code"


def test_unit_names_are_stored_nfc_and_trimmed():
    unit = Unit("commune", "15703", unicodedata.normalize("NFD", "  Xã Dân Lý "))
    assert unit.name == "Xã Dân Lý"
    for bad in ("", "   ", "Xã\nDân Lý", "x" * 201):
        with pytest.raises(HgdError):
            Unit("commune", "15703", bad)


def test_fingerprints_are_groups_of_four_upper_case_hex_with_a_short_form_to_read_aloud():
    fp = Fingerprint.of(b"hgd")
    assert len(fp.groups) == 16 and all(len(g) == 4 and g == g.upper() for g in fp.groups)
    assert fp.full.replace(" ", "").lower() == fp.sha256
    assert fp.short == " ".join(fp.groups[:5])
    assert fp.matches(fp.short.lower()) and fp.matches(fp.full) and fp.matches("-".join(fp.groups))
    assert not fp.matches(" ".join(fp.groups[:4])) and not fp.matches(Fingerprint.of(b"other").short)


def test_an_office_fingerprint_covers_its_age_recipient_too(world):
    office = world.office.public
    other = PublicKeys(office.unit, office.signing, world.other_office.public.age_recipient)
    assert office.fingerprint != other.fingerprint != office.signing.fingerprint
    assert world.commune.public.fingerprint == world.commune.public.signing.fingerprint


@pytest.mark.parametrize("text", ["", "RWQ", "RW" + "A" * 54, base64.b64encode(b"ED" + bytes(40)).decode(),
                                  base64.b64encode(b"Ed" + bytes(41)).decode(), "untrusted comment: x\nRWQ\n"])
def test_malformed_public_keys_are_refused(text):
    with pytest.raises(HgdError) as err:
        SigningPublicKey.coerce(text)
    assert err.value.key == "keys.bad_public_key"
