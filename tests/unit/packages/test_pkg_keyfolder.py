"""Public keys as files to carry to the other side, and key rotation notices signed by the old key."""
from __future__ import annotations

import os
from datetime import date, datetime

import pytest
from make_bad_packages import VN, Raw, flip, members_of, raw_zip, unlocked_keys

from app.errors import HgdError
from app.packages import TrustedKey, export_public, make_rotation_notice, read_public, verify_rotation_notice
from app.packages.keyfolder import AGE_PUB, MINISIGN_PUB, UNIT_JSON


def test_an_office_exports_minisign_pub_age_pub_and_unit_json_and_reads_them_back(world, tmp_path):
    paths = export_public(world.office.public, tmp_path / "bhxh")
    assert sorted(p.name for p in paths) == [AGE_PUB, MINISIGN_PUB, UNIT_JSON]
    assert (tmp_path / "bhxh" / AGE_PUB).read_text() == world.office.public.age_recipient + "\n"
    assert (tmp_path / "bhxh" / MINISIGN_PUB).read_bytes() == world.office.public.signing.minisign_pub()
    assert read_public(tmp_path / "bhxh") == world.office.public


def test_a_commune_exports_no_age_pub(world, tmp_path):
    export_public(world.commune.public, tmp_path)
    assert not (tmp_path / AGE_PUB).exists()
    assert read_public(tmp_path) == world.commune.public


def test_other_files_in_the_folder_are_ignored(world, tmp_path):
    export_public(world.commune.public, tmp_path)
    (tmp_path / "Thumbs.db").write_bytes(b"\0" * 100)
    assert read_public(tmp_path) == world.commune.public


@pytest.mark.parametrize("case, key", [
    ("missing_pub", "keyfolder.missing"),
    ("missing_unit", "keyfolder.missing"),
    ("pub_is_link", "keyfolder.not_file"),
    ("pub_is_folder", "keyfolder.not_file"),
    ("pub_too_large", "keyfolder.too_large"),
    ("pub_three_lines", "keys.bad_public_key"),
    ("unit_extra_field", "json.schema"),
    ("unit_bad_code", "unit.bad_code"),
    ("age_in_commune_folder", "keyfolder.age_unexpected"),
])
def test_a_broken_commune_folder_is_refused(world, tmp_path, case, key):
    export_public(world.commune.public, tmp_path)
    pub, unit = tmp_path / MINISIGN_PUB, tmp_path / UNIT_JSON
    if case == "missing_pub":
        pub.unlink()
    elif case == "missing_unit":
        unit.unlink()
    elif case == "pub_is_link":
        (tmp_path / "real.pub").write_bytes(pub.read_bytes())
        pub.unlink()
        os.symlink(tmp_path / "real.pub", pub)
    elif case == "pub_is_folder":
        pub.unlink()
        pub.mkdir()
    elif case == "pub_too_large":
        pub.write_bytes(pub.read_bytes() + b"#" * 5000)
    elif case == "pub_three_lines":
        pub.write_bytes(pub.read_bytes() + pub.read_bytes().split(b"\n")[1] + b"\n")
    elif case == "unit_extra_field":
        unit.write_text(unit.read_text().replace('"kind"', '"extra": 1, "kind"'))
    elif case == "unit_bad_code":
        unit.write_text(unit.read_text().replace('"15703"', '"157"'))
    elif case == "age_in_commune_folder":
        (tmp_path / AGE_PUB).write_text(world.office.public.age_recipient + "\n")
    with pytest.raises(HgdError) as err:
        read_public(tmp_path)
    assert err.value.key == key


@pytest.mark.parametrize("content", ["", "# only a comment\n", "age1abc\n", "{a}\n{b}\n", "AGE-SECRET-KEY-1XYZ\n"])
def test_an_office_age_pub_must_hold_exactly_one_recipient(world, tmp_path, content):
    export_public(world.office.public, tmp_path)
    recipient, other = world.office.public.age_recipient, world.other_office.public.age_recipient
    (tmp_path / AGE_PUB).write_text(content.replace("{a}", recipient).replace("{b}", other))
    with pytest.raises(HgdError) as err:
        read_public(tmp_path)
    assert err.value.key in ("keyfolder.bad_age", "keys.bad_age_recipient")


def test_age_pub_may_carry_comments_as_age_recipients_files_do(world, tmp_path):
    export_public(world.office.public, tmp_path)
    (tmp_path / AGE_PUB).write_text(f"# BHXH cơ sở Triệu Sơn\n\n{world.office.public.age_recipient}\n")
    assert read_public(tmp_path) == world.office.public


# --- rotation ---------------------------------------------------------------------------------------------------------

@pytest.fixture
def rotation(world, tmp_path):
    new = unlocked_keys(world.commune.unit)
    notice = make_rotation_notice(world.commune, new.public, effective_from=date(2025, 9, 1),
                                  created_at=datetime(2025, 8, 20, 10, 0, tzinfo=VN))
    return new, notice, notice.write(tmp_path)


def test_a_rotation_notice_signed_by_the_old_key_gives_the_new_key(world, rotation):
    new, _, path = rotation
    got = verify_rotation_notice(path, TrustedKey("15703", world.commune.public.signing))
    assert got.new_keys == new.public and got.old_key == world.commune.public.signing
    assert got.effective_from == date(2025, 9, 1)
    assert path.name == f"hgd-key-rotation-15703-{new.public.signing.key_id}.zip"


def test_an_office_rotation_notice_carries_its_new_age_recipient(world, tmp_path):
    new = unlocked_keys(world.office.unit)
    path = make_rotation_notice(world.office, new.public, effective_from=date(2025, 9, 1)).write(tmp_path)
    got = verify_rotation_notice(path, TrustedKey("BHXH-TS", world.office.public))
    assert got.new_keys.age_recipient == new.public.age_recipient


def test_a_rotation_notice_is_refused_with_any_key_but_the_old_one(world, rotation):
    new, _, path = rotation
    for key in (TrustedKey("15703", new.public.signing), TrustedKey("15703", world.neighbour.public.signing)):
        with pytest.raises(HgdError) as err:
            verify_rotation_notice(path, key)
        assert err.value.key == "rotation.not_old_key"


def test_a_rotation_notice_for_another_unit_is_refused(world, rotation):
    _, _, path = rotation
    with pytest.raises(HgdError) as err:
        verify_rotation_notice(path, TrustedKey("15706", world.commune.public.signing))
    assert err.value.key == "rotation.not_old_key"


def test_a_rotation_notice_signed_after_the_old_key_was_closed_is_refused(world, rotation):
    _, _, path = rotation
    with pytest.raises(HgdError) as err:
        verify_rotation_notice(path, TrustedKey("15703", world.commune.public.signing, None, date(2025, 8, 1)))
    assert err.value.key == "signature.key_not_valid"


def test_an_altered_rotation_notice_is_refused(world, rotation, tmp_path):
    _, _, path = rotation
    data = path.read_bytes()
    parts = members_of(data)
    doc = parts["rotation.json"]
    cases = {"flipped.zip": (flip(data, data.index(doc) + 50), "zip.crc"),
             "edited.zip": (raw_zip([Raw("rotation.json", doc.replace(b"2025-09-01", b"2025-01-01")),
                                     Raw("rotation.json.minisig", parts["rotation.json.minisig"])]), "signature.bad")}
    for name, (content, key) in cases.items():
        (tmp_path / name).write_bytes(content)
        with pytest.raises(HgdError) as err:
            verify_rotation_notice(tmp_path / name, TrustedKey("15703", world.commune.public.signing))
        assert err.value.key == key, name
