"""A unit's public keys as files in a folder, to carry to the other side (`hgd keys export` / `hgd keys trust`):
- minisign.pub — byte for byte as `minisign -G` writes it (`minisign -V -p minisign.pub` uses it);
- age.pub — an office's age recipient ('age1…' on one line: a recipients file for `age -R`);
- unit.json — which unit these are (schema resources/schemas/unit-v1.json).
Reading takes only those names, as plain files (no links), each bounded and parsed strictly; other files in the
folder are ignored.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from app import messages
from app.errors import HgdError
from app.packages import jsonstrict, limits
from app.packages.units import AGE_RECIPIENT, PublicKeys, SigningPublicKey, Unit, check_age_recipient

messages.register({
    "keyfolder.missing": ("Thư mục {folder} thiếu tệp {name}.", "The folder {folder} lacks the file {name}."),
    "keyfolder.not_file": ("{name} trong thư mục {folder} không phải tệp thường.",
                           "{name} in the folder {folder} is not a plain file."),
    "keyfolder.too_large": ("Tệp {name} trong thư mục {folder} quá lớn.", "The file {name} in {folder} is too large."),
    "keyfolder.bad_age": ("Tệp age.pub trong thư mục {folder} phải chứa đúng một khóa age1….",
                          "age.pub in the folder {folder} must hold exactly one age1… recipient."),
    "keyfolder.age_unexpected": ("Thư mục {folder} là khóa của một xã nhưng lại có age.pub.",
                                 "The folder {folder} holds a commune's keys but also an age.pub."),
})

MINISIGN_PUB = "minisign.pub"
AGE_PUB = "age.pub"
UNIT_JSON = "unit.json"


def export_public(public: PublicKeys, folder: Path | str) -> list[Path]:
    """Write the public files into `folder` (created if needed); returns their paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    unit = {"format": "hgd-unit", "format_version": 1, **public.unit.to_dict()}
    files = {MINISIGN_PUB: public.signing.minisign_pub(), UNIT_JSON: jsonstrict.dumps(unit)}
    if public.age_recipient is not None:
        files[AGE_PUB] = (public.age_recipient + "\n").encode("ascii")
    written = []
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        written.append(path)
    return written


def read_public(folder: Path | str) -> PublicKeys:
    folder = Path(folder)
    doc = jsonstrict.parse(_read(folder, UNIT_JSON), name=UNIT_JSON, max_bytes=limits.MAX_SMALL_DOC_BYTES,
                           max_depth=limits.MAX_JSON_DEPTH_SMALL, strict_text=True)
    jsonstrict.validate(doc, schema_name="unit-v1.json", name=UNIT_JSON)
    unit = Unit.from_dict(doc)
    signing = SigningPublicKey.from_minisign_pub(_read(folder, MINISIGN_PUB))
    has_age = _exists(folder, AGE_PUB)
    if unit.kind == "commune":
        if has_age:
            raise HgdError("keyfolder.age_unexpected", folder=str(folder))
        return PublicKeys(unit, signing)
    return PublicKeys(unit, signing, _age_recipient(_read(folder, AGE_PUB), folder))


def _age_recipient(data: bytes, folder: Path) -> str:
    """age's recipients-file syntax: '#' comments and blank lines allowed; here exactly one X25519 recipient."""
    try:
        lines = [ln.strip() for ln in data.decode("utf-8").splitlines()]
    except UnicodeDecodeError as err:
        raise HgdError("keyfolder.bad_age", folder=str(folder)) from err
    found = [ln for ln in lines if ln and not ln.startswith("#")]
    if len(found) != 1 or not AGE_RECIPIENT.fullmatch(found[0]):
        raise HgdError("keyfolder.bad_age", folder=str(folder))
    check_age_recipient(found[0])
    return found[0]


def _exists(folder: Path, name: str) -> bool:
    return os.path.lexists(folder / name)


def _read(folder: Path, name: str) -> bytes:
    path = folder / name
    try:
        info = os.lstat(path)
    except FileNotFoundError as err:
        raise HgdError("keyfolder.missing", folder=str(folder), name=name) from err
    except OSError as err:
        raise HgdError("file.unreadable", name=name, detail=err.strerror or type(err).__name__) from err
    if not stat.S_ISREG(info.st_mode):
        raise HgdError("keyfolder.not_file", folder=str(folder), name=name)
    limit = limits.MAX_SMALL_DOC_BYTES if name == UNIT_JSON else limits.MAX_KEY_FILE_BYTES
    if info.st_size > limit:
        raise HgdError("keyfolder.too_large", folder=str(folder), name=name)
    with open(path, "rb") as f:
        data = f.read(limit + 1)
    if len(data) > limit:
        raise HgdError("keyfolder.too_large", folder=str(folder), name=name)
    return data
