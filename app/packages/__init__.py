"""Keys and signed packages: the file-and-bytes layer, without the database (DESIGN.md, "Packages").

    units       Unit (commune/office, code, name), SigningPublicKey (minisign), PublicKeys (+ age recipient)
    keys        create_keys, LockedKeys (stored bytes) → unlock(passphrase) → UnlockedKeys; change_passphrase
    keyfolder   export_public(public, folder), read_public(folder)     minisign.pub, age.pub, unit.json
    rotation    make_rotation_notice(old, new_public, …), verify_rotation_notice(path, old_trusted_key)
    build       build_package(out_dir, manifest_fields=…, data=…, files=…, signing_key=…, recipient=…)
    verify      verify_package(path, trusted_keys) → VerifiedManifest      the courier check, no private key
    opening     open_package(path, trusted_keys, identity) → OpenedPackage
    sequence    check_sequence(history, verified) → SequenceDecision
    ack         make_ack(…) → SignedAck, write_ack(out_dir, signed_ack), verify_ack(path, office_keys, package)
"""
from __future__ import annotations

from app.packages.ack import Ack, SignedAck, make_ack, verify_ack, write_ack
from app.packages.build import BuiltPackage, build_package
from app.packages.fingerprint import Fingerprint
from app.packages.keyfolder import export_public, read_public
from app.packages.keys import LockedKeys, UnlockedKeys, change_passphrase, check_passphrase, create_keys
from app.packages.manifest import Manifest, ManifestFields, PackageRef, package_file_name
from app.packages.opening import OpenedPackage, open_package, open_verified
from app.packages.rotation import RotationNotice, SignedNotice, make_rotation_notice, verify_rotation_notice
from app.packages.sequence import SequenceDecision, check_sequence
from app.packages.trust import TrustedKey
from app.packages.units import PublicKeys, SigningPublicKey, Unit
from app.packages.verify import VerifiedManifest, verify_package

__all__ = [
    "Ack", "BuiltPackage", "Fingerprint", "LockedKeys", "Manifest", "ManifestFields", "OpenedPackage", "PackageRef",
    "PublicKeys", "RotationNotice", "SequenceDecision", "SignedAck", "SignedNotice", "SigningPublicKey",
    "TrustedKey", "Unit", "UnlockedKeys", "VerifiedManifest", "build_package", "change_passphrase",
    "check_passphrase", "check_sequence", "create_keys", "export_public", "make_ack", "make_rotation_notice",
    "open_package", "open_verified", "package_file_name", "read_public", "verify_ack", "verify_package",
    "verify_rotation_notice", "write_ack",
]
