"""Opening a register: what --db may name, read-only registers (said, never changed, nothing left beside them),
damage (refused with what to do), a full disk (said as such), creation that leaves nothing half-made."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from app.errors import HgdError
from app.register import Register
from app.store import building, sqlite_file
from app.store.errors import translate
from app.store.target import resolve

sys.path.insert(0, str(Path(__file__).parents[1]))
import forked

COMMUNE = {"commune_name": "Xã Dân Lý", "commune_code": "15703"}
ROOT = os.geteuid() == 0


# --- what --db names ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:", "sqlite+pysqlite://", "sqlite:///file::memory:"])
def test_an_in_memory_database_is_refused_for_it_keeps_nothing(url):
    with pytest.raises(HgdError) as err:
        resolve(url)
    assert err.value.key in ("db.memory", "db.url_form")


def test_the_sqlite_url_form_is_the_same_path():
    assert resolve("sqlite:////srv/xa.db").path == Path("/srv/xa.db")
    assert resolve("sqlite:///xa.db").path == Path("xa.db")
    assert resolve("sqlite+pysqlite:///a/b.db").path == Path("a/b.db")
    assert resolve("xa.db").path == Path("xa.db")


@pytest.mark.parametrize("url", ["postgresql://u:pw@h/db", "postgres://u:pw@h/db", "postgresql+psycopg2://u:pw@h/db"])
def test_a_postgresql_url_uses_the_installed_driver_and_hides_its_password(url):
    target = resolve(url)
    assert target.url.startswith("postgresql+psycopg://u:pw@")
    assert "pw" not in target.where and target.path is None


@pytest.mark.parametrize("url", ["mysql://u:secret@h/db", "://", "oracle://x", "sqlite:///x.db?timeout=3"])
def test_other_servers_and_options_are_refused_without_showing_a_password(url):
    with pytest.raises(HgdError) as err:
        resolve(url)
    assert err.value.key in ("db.unsupported", "db.url_form") and "secret" not in str(err.value)


def test_a_folder_on_the_way_that_is_a_file_is_a_missing_folder(tmp_path):
    (tmp_path / "f").write_text("x")
    with pytest.raises(HgdError) as err:
        Register.create(tmp_path / "f" / "xa.db", COMMUNE)
    assert err.value.key == "register.folder_missing"


# --- creation ---------------------------------------------------------------------------------------------------
def test_init_builds_beside_and_leaves_only_the_register(tmp_path):
    Register.create(tmp_path / "xa.db", COMMUNE).close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["xa.db"]


def test_a_failed_creation_leaves_nothing_and_a_zero_byte_file_as_it_was(tmp_path, monkeypatch):
    from app.registry import commune

    def boom(self, ctx):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(commune.CreateCommune, "apply", boom)
    with pytest.raises(HgdError) as err:
        Register.create(tmp_path / "xa.db", COMMUNE)
    assert err.value.key == "db.disk_full" and str(tmp_path / "xa.db") in str(err.value)
    assert list(tmp_path.iterdir()) == []
    (tmp_path / "zero.db").touch()
    with pytest.raises(HgdError):
        Register.create(tmp_path / "zero.db", COMMUNE)
    assert [(p.name, p.stat().st_size) for p in tmp_path.iterdir()] == [("zero.db", 0)]


def test_a_killed_creation_s_work_file_is_removed_by_the_next_one(tmp_path):
    target = tmp_path / "xa.db"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = target.with_name(building.work_path(target, "creating").name.replace(f"-{os.getpid()}-",
                                                                                 f"-{dead.pid}-"))
    stale.write_bytes(b"half")
    Path(f"{stale}-wal").write_bytes(b"log")
    Register.create(target, COMMUNE).close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["xa.db"]


def test_a_register_is_never_moved_into_place_without_its_log(tmp_path):
    work, target = tmp_path / "w.db", tmp_path / "xa.db"
    work.write_bytes(b"x" * 4096)
    Path(f"{work}-wal").write_bytes(b"y" * 4096)  # a log that could not be folded in
    with pytest.raises(HgdError):
        building.publish(work, target)
    assert not target.exists()


def test_a_register_that_appeared_meanwhile_is_never_overwritten(tmp_path):
    work, target = tmp_path / "w.db", tmp_path / "xa.db"
    work.write_bytes(b"new")
    target.write_bytes(b"the clerk's register")
    with pytest.raises(HgdError) as err:
        building.publish(work, target)
    assert err.value.key == "register.exists" and target.read_bytes() == b"the clerk's register"


# --- reading leaves nothing behind ------------------------------------------------------------------------------
def test_a_reading_open_of_a_wal_register_leaves_the_folder_as_it_was(register, tmp_path):
    register.close()
    before = sorted(p.name for p in tmp_path.iterdir())
    data = (tmp_path / "xa.db").read_bytes()
    with Register.open(tmp_path / "xa.db", write=False) as reg:
        assert reg.stats() is not None
    assert sorted(p.name for p in tmp_path.iterdir()) == before == ["xa.db"]
    assert (tmp_path / "xa.db").read_bytes() == data


@pytest.fixture
def shared_folder():
    """A folder another user can reach and write (pytest's own folders are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="hgd-shared-"))
    folder.chmod(0o777)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.skipif(not ROOT, reason="runs the command as another user")
def test_a_read_only_file_is_viewed_said_so_and_leaves_no_wal_or_shm(shared_folder):
    folder = shared_folder
    db = folder / "xa.db"
    Register.create(db, COMMUNE).close()
    db.chmod(0o444)
    data = db.read_bytes()

    def as_nobody() -> None:
        os.setgid(65534)
        os.setuid(65534)

    outcomes = []
    for argv, key in ((["stats", "--json"], "ok"), (["stats"], None),
                      (["event", "death", "--person", "x", "--date", "2025-01-01", "--json"], "db.cannot_write.file")):
        pid, out, err = forked.start(argv + ["--db", str(db)], before=as_nobody)
        outcomes.append(forked.wait(pid, out, err, timeout=30))
        assert key is None or outcomes[-1].key == key, outcomes[-1].err
        assert sorted(p.name for p in folder.iterdir()) == ["xa.db"] and db.read_bytes() == data
    assert "chỉ cho đọc" in outcomes[0].json()["notes"][0]
    assert outcomes[1].code == 0 and outcomes[1].err.count("\n") == 1 and "chỉ cho đọc" in outcomes[1].err


@pytest.mark.skipif(not ROOT, reason="runs the command as another user")
def test_a_register_in_a_folder_this_user_cannot_write_is_viewed(shared_folder):
    db = shared_folder / "xa.db"
    Register.create(db, COMMUNE).close()
    shared_folder.chmod(0o555)

    def as_nobody() -> None:
        os.setgid(65534)
        os.setuid(65534)

    for argv, key in ((["stats"], "ok"), (["commune", "set", "--chairman", "A"], "db.cannot_write.file")):
        pid, out, err = forked.start([*argv, "--db", str(db), "--json"], before=as_nobody)
        outcome = forked.wait(pid, out, err, timeout=30)
        assert outcome.key == key, outcome.err
    assert sorted(p.name for p in shared_folder.iterdir()) == ["xa.db"]
    shared_folder.chmod(0o777)


def test_sidecars_another_process_uses_are_left_and_removed_once_it_is_gone(register, tmp_path):
    register.close()
    db = tmp_path / "xa.db"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1], uri=True); "
        "c.execute('select count(*) from settings').fetchone(); print('open', flush=True); time.sleep(60)"),
        db.resolve().as_uri() + "?mode=ro"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        assert Path(f"{db}-shm").exists()
        sqlite_file.remove_sidecars(db, {"-wal": False, "-shm": False})
        assert Path(f"{db}-shm").exists()  # in use elsewhere: left
    finally:
        holder.kill()
        holder.wait()
    sqlite_file.remove_sidecars(db, {"-wal": False, "-shm": False})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["xa.db"]


def test_sidecars_are_left_while_this_process_has_the_register_open(register, tmp_path):
    db = tmp_path / "xa.db"
    with register.reading() as s:
        s.execute(sqlite_text("select 1"))
    sqlite_file.remove_sidecars(db, {"-wal": False, "-shm": False})
    assert Path(f"{db}-shm").exists()


def sqlite_text(sql: str):
    from sqlalchemy import text

    return text(sql)


# --- damage -----------------------------------------------------------------------------------------------------
def _damaged_copy(src: Path, dst: Path) -> Path:
    shutil.copyfile(src, dst)
    con = sqlite3.connect(f"file:{dst}?immutable=1", uri=True)
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name='settings'").fetchone()[0]
    con.close()
    with dst.open("r+b") as f:
        f.seek((root - 1) * 4096 + 8)
        f.write(b"\xff" * 200)
    return dst


def test_a_damaged_register_is_refused_in_one_line_naming_the_latest_backup(register, tmp_path):
    register.close()
    db = _damaged_copy(tmp_path / "xa.db", tmp_path / "hong.db")
    (tmp_path / "hong.backup-20250101-0001.db").write_bytes(b"old")
    time.sleep(0.01)
    (tmp_path / "hong.backup-20250301-0002.db").write_bytes(b"newer")
    data = db.read_bytes()
    for write in (False, True):
        with pytest.raises(HgdError) as err:
            Register.open(db, write=write)
        message = str(err.value)
        assert err.value.key == "db.damaged" and "\n" not in message
        assert "hong.backup-20250301-0002.db" in message and "bị hỏng" in message
    assert db.read_bytes() == data


def test_damage_the_quick_check_misses_is_found_before_an_import(tmp_path):
    sys.path.insert(0, str(Path(__file__).parents[1] / "corpus"))
    import make_db_targets as corpus

    from app.demo import create_demo
    from app.io import import_persons

    create_demo(tmp_path / "filled.db", persons=60, seed=2)
    env = corpus.Env(tmp_path / "c", tmp_path / "unused.db", tmp_path / "filled.db", None)
    env.folder.mkdir()
    db = Path(corpus._stale_index(env))
    csv = tmp_path / "p.csv"
    csv.write_text(corpus.CSV, encoding="utf-8")
    data = db.read_bytes()
    with Register.open(db) as reg, pytest.raises(HgdError) as err:  # the quick check at open passes
        import_persons(reg, csv)
    assert err.value.key == "db.damaged" and db.read_bytes() == data


# --- the user's words for a database's failures -----------------------------------------------------------------
@pytest.mark.parametrize(("error", "key"), [
    (sqlite3.OperationalError("database or disk is full"), "db.disk_full"),
    (OSError(28, "No space left on device"), "db.disk_full"),
    (sqlite3.OperationalError("database is locked"), "db.busy"),
    (sqlite3.DatabaseError("database disk image is malformed"), "db.damaged"),
    (sqlite3.OperationalError("attempt to write a readonly database"), "db.read_only_write"),
    (sqlite3.OperationalError("disk I/O error"), "db.io_error"),
])
def test_database_errors_are_said_in_the_user_s_words(error, key, tmp_path):
    assert translate(error, "xa.db", tmp_path / "xa.db").key == key


def test_a_server_that_cannot_be_reached_is_said_without_its_internals():
    exc = Exception('connection failed: connection to server on socket "/x/.s.PGSQL.5432" failed: '
                    'FATAL:  database "xa" does not exist')
    err = translate(exc, "postgresql+psycopg://u:***@/xa")
    assert err.key == "db.connect" and 'database "xa" does not exist' in str(err) and ".s.PGSQL" not in str(err)


def test_a_second_connection_to_a_file_just_checked_skips_the_quick_check(tmp_path, monkeypatch):
    """The window opens the register (quick check), then its reading connection to the same file: checked once."""
    from app.store.store import Store

    path = tmp_path / "xa.db"
    Register.create(path, COMMUNE).close()
    checks: list[bool] = []
    real = Store._check
    monkeypatch.setattr(Store, "_check", lambda self, *, quick: checks.append(quick) or real(self, quick=quick))
    first = Register.open(path)
    second = Register.open(path, write=False, checked=True)
    assert checks == [True]
    assert second.commune_id == first.commune_id
    second.close()
    Register.open(path, write=False).close()
    assert checks == [True, True]
    first.close()
