"""A unit's keys: a commune signs (Ed25519, minisign's formats); an office signs and decrypts (age X25519).

Storage (what the register keeps, `LockedKeys.to_bytes()`): one small JSON document holding
- the minisign secret key file exactly as `minisign -G` writes it, encrypted with the passphrase by minisign's own
  scheme (scrypt, then XOR, with a BLAKE2b checksum that tells a wrong passphrase) — `minisign -S -s` can use it;
- for an office, the age identity (AGE-SECRET-KEY-1…) encrypted with the same passphrase by age's passphrase mode
  (scrypt), ASCII-armoured — `age -d` can open it;
- the public halves in clear, so the register can show and export them without the passphrase.
Both passphrase schemes cost about a second and 256 MiB on an ordinary PC (scrypt N=2^18, r=8, p=1; age calibrates
its own to about a second), which is what makes a guessed passphrase expensive.
"""
from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from typing import Any, Self

import minisign
import pyrage

from app import messages
from app.errors import HgdError
from app.packages import jsonstrict, limits, minisig
from app.packages.units import PublicKeys, SigningPublicKey, Unit

messages.register({
    "keys.passphrase_short": ("Mật khẩu của khóa phải có ít nhất {min} ký tự.",
                              "The key passphrase must have at least {min} characters."),
    "keys.passphrase_bad": ("Mật khẩu của khóa quá dài hoặc có ký tự điều khiển (xuống dòng, tab…).",
                            "The key passphrase is too long or holds control characters (line breaks, tabs…)."),
    "keys.wrong_passphrase": ("Mật khẩu không đúng: không mở được khóa của {unit}.",
                              "Wrong passphrase: the keys of {unit} could not be unlocked."),
    "keys.stored_damaged": ("Khóa đã lưu của đơn vị bị hỏng hoặc không nhất quán ({detail}).",
                            "The unit's stored keys are damaged or inconsistent ({detail})."),
})

SCRYPT_OPSLIMIT = 1 << 23        # with the memory limit below, minisign's scheme derives N=2^18, r=8, p=1
SCRYPT_MEMLIMIT = 1 << 28        # 256 MiB
MIN_PASSPHRASE = 8
MAX_PASSPHRASE_BYTES = 1024      # minisign's own limit


def check_passphrase(passphrase: str) -> str:
    """A new passphrase, NFC (Vietnamese typed with different keyboards gives the same bytes), long enough."""
    text = unicodedata.normalize("NFC", passphrase)
    if len(text.encode("utf-8")) > MAX_PASSPHRASE_BYTES or any(unicodedata.category(c) == "Cc" for c in text):
        raise HgdError("keys.passphrase_bad")
    if len(text) < MIN_PASSPHRASE:
        raise HgdError("keys.passphrase_short", min=MIN_PASSPHRASE)
    return text


@dataclass(frozen=True)
class LockedKeys:
    """A unit's keys as stored: secret parts encrypted with the passphrase."""
    public: PublicKeys
    minisign_secret_key: bytes          # the .key file
    age_identity: bytes | None          # age passphrase-encrypted, armoured

    @property
    def unit(self) -> Unit:
        return self.public.unit

    def to_bytes(self) -> bytes:
        return jsonstrict.dumps({
            "format": "hgd-keys", "format_version": 1, "unit": self.unit.to_dict(),
            "minisign_public_key": self.public.signing.base64,
            "minisign_secret_key": self.minisign_secret_key.decode("ascii"),
            "age_recipient": self.public.age_recipient,
            "age_identity": self.age_identity.decode("ascii") if self.age_identity is not None else None})

    @classmethod
    def from_bytes(cls, data: bytes) -> LockedKeys:
        doc = jsonstrict.parse(data, name="keys", max_bytes=limits.MAX_STORED_KEYS_BYTES,
                               max_depth=limits.MAX_JSON_DEPTH_SMALL, strict_text=False)
        jsonstrict.validate(doc, schema_name="keys-v1.json", name="keys")
        public = PublicKeys(Unit.from_dict(doc["unit"]), SigningPublicKey.from_base64(doc["minisign_public_key"]),
                            doc["age_recipient"])
        age = doc["age_identity"]
        if (age is None) != (public.age_recipient is None):
            raise HgdError("keys.stored_damaged", detail="age identity")
        return cls(public, doc["minisign_secret_key"].encode("ascii"), age.encode("ascii") if age else None)

    def unlock(self, passphrase: str) -> UnlockedKeys:
        """Both secret parts opened, each once. An office's two scrypt derivations run side by side: age's in a
        thread (pyrage lets go of the interpreter while it works), minisign's here; the checks and their order are
        the same as one after the other."""
        passphrase = unicodedata.normalize("NFC", passphrase)
        age_done: dict[str, Any] = {}
        worker = None
        if self.age_identity is not None:
            age_file = self.age_identity

            def open_age() -> None:
                try:
                    age_done["plain"] = pyrage.passphrase.decrypt(age_file, passphrase)
                except BaseException as err:  # noqa: BLE001  (raised again in the caller's thread below)
                    age_done["error"] = err
            worker = threading.Thread(target=open_age, name="hgd-age-unlock", daemon=True)
            worker.start()
        try:
            secret = self._unlock_minisign(passphrase)
        finally:
            if worker is not None:
                worker.join()
        identity = None
        if self.age_identity is not None:
            try:
                if "error" in age_done:
                    raise age_done["error"]
                text = age_done["plain"].decode("ascii").strip()
                identity = pyrage.x25519.Identity.from_str(text)
            except (pyrage.DecryptError, pyrage.IdentityError, UnicodeDecodeError) as err:
                raise HgdError("keys.stored_damaged", detail="age identity") from err
            if str(identity.to_public()) != self.public.age_recipient:
                raise HgdError("keys.stored_damaged", detail="age recipient")
        return UnlockedKeys(self.public, secret, identity)

    def _unlock_minisign(self, passphrase: str) -> minisign.SecretKey:
        try:
            secret = minisign.SecretKey.from_bytes(self.minisign_secret_key)
        except minisign.Error as err:
            raise HgdError("keys.stored_damaged", detail="minisign") from err
        try:
            secret.decrypt(passphrase)
        except minisign.Error as err:
            if "wrong password" in str(err):
                raise HgdError("keys.wrong_passphrase", unit=self.unit.name) from err
            raise HgdError("keys.stored_damaged", detail="minisign") from err
        public = minisign.PublicKey.from_secret_key(secret)
        if public.to_base64().decode("ascii") != self.public.signing.base64:
            raise HgdError("keys.stored_damaged", detail="minisign public key")
        return secret


class UnlockedKeys:
    """A unit's keys in memory, ready to sign (and, for an office, to decrypt). Close (or use `with`) to wipe the
    signing key's bytes."""

    def __init__(self, public: PublicKeys, secret: minisign.SecretKey, identity: pyrage.x25519.Identity | None):
        self.public = public
        self._secret = secret
        self._identity = identity

    @property
    def unit(self) -> Unit:
        return self.public.unit

    @property
    def identity(self) -> pyrage.x25519.Identity:
        if self._identity is None:
            raise ValueError(f"{self.unit.kind} {self.unit.code} has no decryption key")
        return self._identity

    def sign(self, data: bytes, trusted_comment: str) -> bytes:
        """A .minisig file for `data`: prehashed Ed25519 ('ED', as current minisign makes)."""
        return minisig.sign(self._secret, data, trusted_comment)

    def export_age_identity(self) -> str:
        """The age identity in clear ('AGE-SECRET-KEY-1…'), as `age -d -i` reads it. Only for tests and an explicit
        backup: whoever holds it reads every package sent to this office."""
        return str(self.identity) + "\n"

    def lock(self, passphrase: str) -> LockedKeys:
        """These keys encrypted with a (new) passphrase."""
        passphrase = check_passphrase(passphrase)
        secret = minisign.SecretKey.from_base64(self._secret.to_base64())   # a copy: encrypt() works in place
        return _lock(self.public, secret, self._identity, passphrase)

    def close(self) -> None:
        self._secret.wipe()
        self._identity = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def create_keys(unit: Unit, passphrase: str) -> LockedKeys:
    """New keys for a unit: a signing key, and for an office an age X25519 key pair, locked with the passphrase."""
    passphrase = check_passphrase(passphrase)
    pair = minisign.KeyPair.generate()
    identity = pyrage.x25519.Identity.generate() if unit.kind == "office" else None
    recipient = str(identity.to_public()) if identity is not None else None
    public = PublicKeys(unit, SigningPublicKey.from_base64(pair.public_key.to_base64()), recipient)
    return _lock(public, pair.secret_key, identity, passphrase)


def change_passphrase(locked: LockedKeys, old: str, new: str) -> LockedKeys:
    with locked.unlock(old) as keys:
        return keys.lock(new)


def _lock(public: PublicKeys, secret: minisign.SecretKey, identity: pyrage.x25519.Identity | None,
          passphrase: str) -> LockedKeys:
    secret.encrypt(passphrase, opslimit=SCRYPT_OPSLIMIT, memlimit=SCRYPT_MEMLIMIT)
    secret_file = bytes(secret) + b"\n"
    age = None
    if identity is not None:
        age = pyrage.passphrase.encrypt((str(identity) + "\n").encode("ascii"), passphrase, armored=True)
    return LockedKeys(public, secret_file, age)

