"""The acknowledgement the office sends back: one file `hgd-ack-<commune>-<YYYY-MM>-<seq>.zip` holding ack.json
(schema resources/schemas/ack-v1.json) and ack.json.minisig, signed by the office's minisign key, in the same
canonical zip as a package. Ed25519 signatures are deterministic, so the same acknowledgement made again (the same
package imported twice) is the same file, byte for byte.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from app import messages
from app.errors import HgdError
from app.packages import jsonstrict, limits, signed, trust
from app.packages.keys import UnlockedKeys
from app.packages.manifest import PackageRef, parse_timestamp, timestamp
from app.packages.trust import TrustedKey
from app.packages.verify import VerifiedManifest

messages.register({
    "ack.other_office": ("Giấy xác nhận {name} không phải do cơ quan BHXH đã đăng ký ký ({detail}) — bị từ chối.",
                         ("The acknowledgement {name} is not signed by the registered social-insurance office "
                         "({detail}) — refused.")),
    "ack.other_package": (("Giấy xác nhận {name} là cho một gói khác ({found}), không phải gói {expected} — bị từ "
                          "chối."),
                          ("The acknowledgement {name} is for another package ({found}), not package {expected} — "
                          "refused.")),
    "ack.not_office": ("Chỉ cơ quan BHXH mới ký giấy xác nhận (khóa này là của {unit}).",
                       "Only a social-insurance office signs acknowledgements (this key is {unit}'s)."),
})

DOC_NAME = "ack.json"
SCHEMA = "ack-v1.json"
FORMAT = "hgd-ack"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Ack:
    package: PackageRef
    office_code: str
    office_name: str
    received_at: datetime
    counts_merged: Mapping[str, int]
    missing_sequences: tuple[int, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        p = self.package
        return {"format": FORMAT, "format_version": FORMAT_VERSION,
                "package": {"id": p.package_id, "commune_code": p.commune_code, "period": p.period,
                            "sequence": p.sequence, "manifest_sha256": p.manifest_sha256,
                            "payload_sha256": p.payload_sha256},
                "office": {"code": self.office_code, "name": self.office_name},
                "received_at": timestamp(self.received_at), "counts_merged": dict(self.counts_merged),
                "missing_sequences": list(self.missing_sequences)}

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Ack:
        p = doc["package"]
        return cls(PackageRef(p["id"], p["commune_code"], p["period"], p["sequence"], p["manifest_sha256"],
                              p["payload_sha256"]),
                   doc["office"]["code"], doc["office"]["name"], parse_timestamp(doc["received_at"], name=DOC_NAME),
                   dict(doc["counts_merged"]), tuple(doc["missing_sequences"]))

    @property
    def trusted_comment(self) -> str:
        p = self.package
        return (f"{FORMAT}:{FORMAT_VERSION}\toffice:{self.office_code}\tid:{p.package_id}\tcommune:{p.commune_code}"
                f"\tperiod:{p.period}\tseq:{p.sequence}\tmanifest:{p.manifest_sha256}")

    @property
    def file_name(self) -> str:
        p = self.package
        return f"hgd-ack-{p.commune_code}-{p.period}-{p.sequence:03d}.zip"


@dataclass(frozen=True)
class SignedAck:
    ack: Ack
    data: bytes          # the file's bytes: what the office keeps to hand out again

    @property
    def file_name(self) -> str:
        return self.ack.file_name


def make_ack(package: PackageRef | VerifiedManifest, *, office_keys: UnlockedKeys, received_at: datetime,
             counts_merged: Mapping[str, int], missing_sequences: Sequence[int] = ()) -> SignedAck:
    unit = office_keys.unit
    if unit.kind != "office":
        raise HgdError("ack.not_office", unit=f"{unit.kind} {unit.code}")
    ref = package.ref if isinstance(package, VerifiedManifest) else package
    ack = Ack(ref, unit.code, unit.name, received_at, dict(counts_merged), tuple(missing_sequences))
    raw = jsonstrict.dumps(ack.to_dict())
    jsonstrict.validate(jsonstrict.parse(raw, name=DOC_NAME, max_bytes=limits.MAX_SMALL_DOC_BYTES,
                                         max_depth=limits.MAX_JSON_DEPTH_SMALL, strict_text=True),
                        schema_name=SCHEMA, name=DOC_NAME)
    return SignedAck(ack, signed.seal(DOC_NAME, raw, office_keys.sign(raw, ack.trusted_comment)))


def write_ack(out_dir: Path | str, signed_ack: SignedAck) -> Path:
    """Write the file in out_dir; the same acknowledgement already there is left as it is."""
    path = Path(out_dir) / signed_ack.file_name
    if path.exists() and path.is_file() and path.stat().st_size == len(signed_ack.data) \
            and path.read_bytes() == signed_ack.data:
        return path
    return signed.write_atomic(Path(out_dir), signed_ack.file_name, signed_ack.data)


def verify_ack(path: Path | str, office_keys: Sequence[TrustedKey], expected_package: PackageRef | Any) -> Ack:
    """The acknowledgement in `path`, if the registered office signed it and it is for `expected_package` (a
    PackageRef, or anything with `.ref`: BuiltPackage, VerifiedManifest). `office_keys`: the registered keys of the
    office the package was sent to (an acknowledgement must name that office and be signed by one of its keys)."""
    path = Path(path)
    data = signed.read_file(path, max_bytes=limits.MAX_SEALED_BYTES)
    return verify_ack_bytes(data, office_keys, expected_package, name=path.name)


def verify_ack_bytes(data: bytes, office_keys: Sequence[TrustedKey], expected_package: PackageRef | Any, *,
                     name: str) -> Ack:
    keys = [TrustedKey(*k) for k in office_keys]
    if len(data) > limits.MAX_SEALED_BYTES:
        raise HgdError("file.too_large", name=name, size=len(data), limit=limits.MAX_SEALED_BYTES)
    try:
        unsealed = signed.unseal(data, name=name, doc_name=DOC_NAME, schema_name=SCHEMA, candidates=keys,
                                 max_doc=limits.MAX_SMALL_DOC_BYTES)
        ack = Ack.from_doc(unsealed.doc)
        trust.check_signer(unsealed.signer, keys, claimed_unit=ack.office_code, when=ack.received_at, name=name)
    except HgdError as err:
        if err.key in ("signature.unknown_signer", "signature.wrong_unit"):
            detail = str(err.params.get("key_id") or err.params.get("signer"))
            raise HgdError("ack.other_office", name=name, detail=detail) from err
        raise
    signed.check_comment(unsealed, ack.trusted_comment, name=name)
    expected = expected_package if isinstance(expected_package, PackageRef) else expected_package.ref
    if ack.package != expected:
        raise HgdError("ack.other_package", name=name, found=_describe(ack.package), expected=_describe(expected))
    return ack


def _describe(ref: PackageRef) -> str:
    return f"{ref.commune_code} {ref.period} #{ref.sequence} {ref.package_id[:8]}"
