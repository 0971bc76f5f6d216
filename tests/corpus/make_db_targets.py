"""A corpus of hostile `--db` targets: what `hgd` is pointed at instead of a register, or a register in a bad
place or state. Each case says, per command, what must happen: "ok", or the key of the one message that refuses
it. Everything is made by code in a fresh folder (nothing binary is kept in the repository); the cases that need
root (read-only mounts, a full file system, an immutable file) are marked and skipped without it.

    python tests/corpus/make_db_targets.py OUT_DIR     # builds every case that needs no root into OUT_DIR

The invariants every case is held to (tests/e2e/test_db_targets.py): a refused command, and any reading command,
leaves the target's folder byte for byte as it was (no file made, none changed, no -wal/-shm/-journal beside a
device); a writing command that succeeds leaves a register that passes `PRAGMA integrity_check` and no work file;
every command ends in seconds, in bounded memory, with one JSON object.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

CSV = "Họ và tên,Ngày sinh,Mã hộ,Mã số BHXH,Quan hệ\nNguyễn Văn An,15/03/1975,HCORPUS1,0123456789,Chủ hộ\n"

# The commands each case is run with (`{csv}`: a small persons file outside the target's folder).
COMMANDS: dict[str, list[str]] = {
    "stats": ["stats"],
    "show": ["commune", "show"],
    "history": ["history", "--household", "HCORPUS1"],
    "import": ["import", "{csv}"],
    "dry_run": ["import", "{csv}", "--dry-run"],
    "import_big": ["import", "{bigcsv}"],
    "event": ["event", "move-in", "--new-household", "--name", "Nguyễn Văn Bình", "--sex", "M", "--born",
              "1990-01-01", "--relation", "Chủ hộ", "--date", "2025-01-01"],
    "undo": ["undo"],
    "init": ["init", "--commune-name", "Xã Dân Lý", "--commune-code", "15703"],
    "demo": ["demo", "--persons", "30"],
}
READING = ("stats", "show", "history", "dry_run")
QUICK = ("stats", "import", "init")        # what `make test` runs of every case (HGD_CORPUS_FULL=1: everything)
CREATING = ("init", "demo")


@dataclass
class Env:
    """Where a case is built: its own folder, the templates (a new register, one filled by the demo), and a stack
    that undoes mounts and attributes when the test ends."""

    folder: Path
    register: Path
    filled: Path
    stack: ExitStack

    def copy(self, template: Path, name: str = "xa.db") -> Path:
        target = self.folder / name
        shutil.copyfile(template, target)
        return target


@dataclass
class Case:
    name: str
    build: Callable[[Env], str]           # makes the case; returns what --db is given
    expect: dict[str, str]                # command -> "ok" or the refusal's message key
    focus: tuple[str, ...] = ()           # commands run besides QUICK (the ones this case is about)
    root: bool = False                    # needs root (mounts, chattr)
    watch: Callable[[Env, str], list[Path]] = field(default=lambda env, db: [])  # more paths that must not appear
    recovered: Callable[[Path], bool] | None = None  # a crashed writer's log or journal: any command may fold it in
                                                       # or roll it back; afterwards this must hold of the file
    mode_switch: bool = False             # a rollback-journal register: a command that opens it to write may switch it
                                          # to WAL (header bytes only), even when the command is then refused


def _sqlite(path: Path, *statements: str, wal: bool = False) -> Path:
    con = sqlite3.connect(path, isolation_level=None)
    if wal:
        con.execute("PRAGMA journal_mode=WAL")
    for sql in statements:
        con.execute(sql)
    con.close()
    return path


def _run(*cmd: str) -> None:
    subprocess.run(cmd, check=True, capture_output=True)


def _bind_read_only(env: Env) -> Path:
    """A read-only view of the case's folder (a write-protected stick, as root can make one)."""
    mount = env.folder.parent / (env.folder.name + "-ro")
    mount.mkdir()
    _run("mount", "--bind", str(env.folder), str(mount))
    env.stack.callback(lambda: (subprocess.run(["umount", "-l", str(mount)], check=False, capture_output=True),
                                mount.rmdir() if not os.path.ismount(mount) else None))
    _run("mount", "-o", "remount,bind,ro", str(mount))
    return mount


def _tmpfs(env: Env, size_kb: int) -> Path:
    mount = env.folder / "disk"
    mount.mkdir()
    _run("mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(mount))
    env.stack.callback(lambda: subprocess.run(["umount", "-l", str(mount)], check=False, capture_output=True))
    return mount


def _fill(folder: Path) -> None:
    """Fill a file system to the last byte."""
    for i, size in enumerate((65536, 4096, 512, 1)):
        try:
            with (folder / f"filler-{i}").open("wb") as f:
                while True:
                    f.write(b"\0" * size)
                    f.flush()
        except OSError:
            pass


def _immutable(env: Env, path: Path) -> None:
    _run("chattr", "+i", str(path))
    env.stack.callback(lambda: subprocess.run(["chattr", "-i", str(path)], check=False, capture_output=True))


def _persons_leaf(path: Path) -> int:
    """A leaf page of the persons table (the rightmost, followed down from its root)."""
    con = sqlite3.connect(f"file:{path}?immutable=1", uri=True)  # leaves no -wal/-shm beside the copy
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name='persons'").fetchone()[0]
    size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    data = path.read_bytes()
    page = root
    while True:
        start = (page - 1) * size + (100 if page == 1 else 0)
        if data[start] in (0x0D, 0x0A):
            return page
        page = int.from_bytes(data[start + 8:start + 12], "big")


def _damage_header(env: Env) -> str:
    target = env.copy(env.register)
    with target.open("r+b") as f:
        f.write(b"SQLite format 3\x00" + b"\xee" * 84)
    return str(target)


def _read_only_file(env: Env) -> str:
    target = env.copy(env.register)
    _immutable(env, target)
    return str(target)


def _damage_page(env: Env) -> str:
    target = env.copy(env.filled)
    page = _persons_leaf(target)
    size = 4096
    with target.open("r+b") as f:
        f.seek((page - 1) * size + 8)
        f.write(b"\xff" * 300)
    return str(target)


def _stale_index(env: Env) -> str:
    """An index that no longer matches its table: `PRAGMA quick_check` passes, the full check does not."""
    target = env.copy(env.filled)
    con = sqlite3.connect(target, isolation_level=None)
    row = con.execute("SELECT type, name, tbl_name, rootpage, sql FROM sqlite_master "
                      "WHERE name='ix_persons_name_key'").fetchone()
    con.execute("PRAGMA writable_schema=ON")
    con.execute("DELETE FROM sqlite_master WHERE name='ix_persons_name_key'")
    con.close()
    con = sqlite3.connect(target, isolation_level=None)
    con.execute("UPDATE persons SET name_key = name_key || ' x' WHERE rowid IN (SELECT rowid FROM persons LIMIT 5)")
    con.execute("PRAGMA writable_schema=ON")
    con.execute("INSERT INTO sqlite_master VALUES (?, ?, ?, ?, ?)", row)
    con.close()
    return str(target)


def _pending_wal(env: Env, name: str = "xa.db") -> Path:
    """A register whose last actions are only in its -wal (the writer was killed before a checkpoint), no -shm."""
    target = env.copy(env.register, name)
    con = sqlite3.connect(target, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("INSERT INTO settings (key, value) VALUES ('corpus_marker', '\"in the log\"')")
    keep = Path(f"{target}-keep")
    for suffix in ("-wal",):
        shutil.copyfile(f"{target}{suffix}", f"{keep}{suffix}")
    shutil.copyfile(target, keep)
    con.close()  # folds the log in: put back the copies made while it was open
    shutil.move(keep, target)
    shutil.move(f"{keep}-wal", f"{target}-wal")
    Path(f"{target}-shm").unlink(missing_ok=True)
    return target


def _marker_kept(path: Path) -> bool:
    """The action only in the -wal is not lost: it is read, or folded into the file."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute("SELECT value FROM settings WHERE key='corpus_marker'").fetchone() is not None
    finally:
        con.close()


def _rolled_back(path: Path) -> bool:
    """The half-written transaction left no trace."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [r[0] for r in con.execute("SELECT name FROM communes")]
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE name='corpus_big'")]
        return not tables and not any("half-written" in n for n in names)
    finally:
        con.close()


def _hot_journal(env: Env) -> str:
    """A register in rollback-journal mode whose writer died in the middle of a transaction (a hot journal)."""
    target = env.copy(env.register)
    _sqlite(target, "PRAGMA journal_mode=DELETE")
    code = (f"import sqlite3, os; c = sqlite3.connect({str(target)!r}, isolation_level=None); "
            "c.execute('PRAGMA cache_size=1'); c.execute('BEGIN IMMEDIATE'); "
            "c.execute(\"UPDATE communes SET name = name || ' (half-written)'\"); "
            "c.execute('CREATE TABLE corpus_big (x)'); "
            "[c.execute('INSERT INTO corpus_big VALUES (randomblob(4000))') for _ in range(200)]; os._exit(9)")
    subprocess.run([sys.executable, "-c", code], check=False, capture_output=True)
    assert Path(f"{target}-journal").exists()
    return str(target)


def _old_revision(env: Env) -> str:
    target = env.copy(env.register)
    _sqlite(target, "UPDATE alembic_version SET version_num='9999_future'")
    return str(target)


def _special_name(env: Env) -> str:
    return str(env.copy(env.register, "sổ xã #1 ?100% [bản chính].db"))


def _write(env: Env, data: bytes | str, name: str = "xa.db") -> str:
    path = env.folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    return str(path)


def _symlink(env: Env, to: str | Path, name: str = "xa.db") -> str:
    link = env.folder / name
    link.symlink_to(to)
    return str(link)


def _fifo(env: Env) -> str:
    path = env.folder / "xa.db"
    os.mkfifo(path)
    return str(path)


def _zero(env: Env) -> Path:
    path = env.folder / "xa.db"
    path.touch()
    return path


def _readonly_register(env: Env) -> str:
    target = env.copy(env.register)
    mount = _bind_read_only(env)
    return str(mount / target.name)


def _ro_pending(env: Env, keep_shm: bool) -> str:
    target = _pending_wal(env)
    if keep_shm:  # a reader's index of the log, as a copy taken while hgd was open would carry
        con = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
        con.execute("SELECT count(*) FROM settings").fetchone()
        shutil.copyfile(f"{target}-shm", f"{target}-shm.keep")
        con.close()
        shutil.move(f"{target}-shm.keep", f"{target}-shm")
    mount = _bind_read_only(env)
    return str(mount / target.name)


def _full_disk(env: Env, *, register: bool) -> str:
    disk = _tmpfs(env, 1024)
    target = disk / "xa.db"
    if register:
        shutil.copyfile(env.register, target)
    _fill(disk)
    return str(target)


def _small_disk(env: Env) -> str:
    """Room for the register, not for an import of some thousand rows."""
    disk = _tmpfs(env, 1200)
    target = disk / "xa.db"
    shutil.copyfile(env.register, target)
    return str(target)


def _journal_watch(env: Env, db: str) -> list[Path]:
    path = Path(db.removeprefix("sqlite:///"))
    return [Path(f"{path}{s}") for s in ("-journal", "-wal", "-shm")]


REFUSED_AS_REGISTER = ("stats", "show", "history", "import", "dry_run", "event", "undo")


def _refuse(key: str, *, init: str | None = None, demo: str | None = None) -> dict[str, str]:
    out = {c: key for c in REFUSED_AS_REGISTER}
    out["init"] = init or key
    out["demo"] = demo or init or key
    return out


GOOD = {"stats": "ok", "show": "ok", "history": "registry.no_household", "import": "ok", "dry_run": "ok",
        "event": "ok", "undo": "undo.not_undoable",
        "init": "register.exists", "demo": "register.exists"}


def big_csv(rows: int = 3000) -> str:
    """A persons file of `rows` persons, three to a household."""
    lines = ["Họ và tên,Ngày sinh,Mã hộ,Quan hệ"]
    for i in range(rows):
        lines.append(f"Nguyễn Văn Thử {i},01/01/{1940 + i % 80},HB{i // 3:05d},{'Chủ hộ' if i % 3 == 0 else 'Con'}")
    return "\n".join(lines) + "\n"


CASES: list[Case] = [
    # --- not a file -----------------------------------------------------------------------------------------
    Case("fifo", _fifo, _refuse("db.not_file")),
    Case("dev_null", lambda env: "/dev/null", _refuse("db.not_file"), watch=_journal_watch),
    Case("dev_zero", lambda env: "/dev/zero", _refuse("db.not_file"), watch=_journal_watch),
    Case("folder", lambda env: (env.folder / "xa.db").mkdir() or str(env.folder / "xa.db"), _refuse("db.not_file")),
    Case("symlink_to_device", lambda env: _symlink(env, "/dev/null"), _refuse("db.not_file"),
         watch=lambda env, db: _journal_watch(env, "/dev/null")),
    Case("symlink_dangling", lambda env: _symlink(env, env.folder / "nowhere.db"), _refuse("db.not_file")),
    Case("symlink_loop", lambda env: (_symlink(env, env.folder / "b.db", "a.db"),
                                      _symlink(env, env.folder / "a.db", "b.db"))[0], _refuse("db.not_file")),
    Case("symlink_to_register", lambda env: _symlink(env, env.copy(env.register, "real.db")), GOOD),
    Case("empty_string", lambda env: "", _refuse("db.unsupported")),
    # --- not a register -----------------------------------------------------------------------------------------
    Case("zero_bytes", lambda env: str(_zero(env)), {**_refuse("db.not_register"), "init": "ok", "demo": "ok"}),
    Case("missing_file", lambda env: str(env.folder / "xa.db"),
         {**_refuse("db.missing"), "init": "ok", "demo": "ok"}),
    Case("missing_folder", lambda env: str(env.folder / "no" / "xa.db"),
         {**_refuse("db.missing"), "init": "register.folder_missing", "demo": "register.folder_missing"}),
    Case("folder_is_a_file", lambda env: _write(env, "x", "f") + "/xa.db",
         {**_refuse("db.missing"), "init": "register.folder_missing", "demo": "register.folder_missing"}),
    Case("foreign_empty", lambda env: str(_sqlite(env.folder / "xa.db", "PRAGMA user_version=7")),
         _refuse("db.not_register", init="db.foreign_empty")),
    Case("foreign_empty_wal", lambda env: str(_sqlite(env.folder / "xa.db", "PRAGMA user_version=7", wal=True)),
         _refuse("db.not_register", init="db.foreign_empty")),
    Case("foreign_tables", lambda env: str(_sqlite(env.folder / "xa.db", "CREATE TABLE customers (id)")),
         _refuse("db.foreign")),
    Case("foreign_tables_wal", lambda env: str(_sqlite(env.folder / "xa.db", "CREATE TABLE t (a)", wal=True)),
         _refuse("db.foreign")),
    Case("foreign_with_alembic", lambda env: str(_sqlite(env.folder / "xa.db", "CREATE TABLE alembic_version "
                                                         "(version_num TEXT)", "CREATE TABLE orders (id)")),
         _refuse("db.foreign")),
    Case("text_file", lambda env: _write(env, "Họ và tên\n" * 50),
         _refuse("db.not_database")),
    Case("truncated_header", lambda env: _write(env, b"SQLite format 3\x00" + b"\0" * 30), _refuse("db.not_database")),
    Case("spreadsheet", lambda env: _write(env, b"PK\x03\x04" + os.urandom(3000)), _refuse("db.not_database")),
    Case("sparse_huge", lambda env: (os.truncate(_zero(env), 20 * 1024 ** 3), str(env.folder / "xa.db"))[1],
         _refuse("db.not_database")),
    Case("newer_program", _old_revision, _refuse("db.newer")),
    # --- damaged -------------------------------------------------------------------------------------------------
    Case("damaged_page", _damage_page, _refuse("db.damaged", init="register.exists")),
    Case("stale_index", _stale_index, {"stats": "ok", "show": "ok", "dry_run": "ok", "import": "db.damaged",
                                       "history": "registry.no_household",
                                       "init": "register.exists", "demo": "register.exists"}),
    Case("damaged_header_page", _damage_header,
         _refuse("db.not_database", init="db.not_database")),
    # --- registers in odd states ---------------------------------------------------------------------------------
    Case("register", lambda env: str(env.copy(env.register)), GOOD),
    Case("register_rollback_mode", lambda env: str(_sqlite(env.copy(env.register), "PRAGMA journal_mode=DELETE")),
         GOOD, mode_switch=True),
    Case("register_pending_wal", lambda env: str(_pending_wal(env)), GOOD, recovered=_marker_kept),
    Case("register_hot_journal", _hot_journal, GOOD, recovered=_rolled_back, mode_switch=True),
    Case("register_special_name", _special_name, GOOD),
    Case("register_long_name", lambda env: str(env.copy(env.register, "s" * 240 + ".db")), GOOD),
    # --- the URL forms -------------------------------------------------------------------------------------------
    Case("url_register", lambda env: "sqlite:///" + str(env.copy(env.register)), GOOD),
    Case("url_pysqlite_register", lambda env: "sqlite+pysqlite:///" + str(env.copy(env.register)), GOOD),
    Case("url_zero_bytes", lambda env: "sqlite:///" + str(_zero(env)),
         {**_refuse("db.not_register"), "init": "ok", "demo": "ok"}),
    Case("url_missing", lambda env: "sqlite:///" + str(env.folder / "xa.db"),
         {**_refuse("db.missing"), "init": "ok", "demo": "ok"}),
    Case("url_missing_folder", lambda env: "sqlite:///" + str(env.folder / "no" / "xa.db"),
         {**_refuse("db.missing"), "init": "register.folder_missing", "demo": "register.folder_missing"}),
    Case("url_foreign", lambda env: "sqlite:///" + str(_sqlite(env.folder / "xa.db", "CREATE TABLE t (a)")),
         _refuse("db.foreign")),
    Case("url_foreign_empty", lambda env: "sqlite:///" + str(_sqlite(env.folder / "xa.db", "PRAGMA user_version=3")),
         _refuse("db.not_register", init="db.foreign_empty")),
    Case("url_dev_null", lambda env: "sqlite:////dev/null", _refuse("db.not_file"), watch=_journal_watch),
    Case("url_fifo", lambda env: "sqlite:///" + _fifo(env), _refuse("db.not_file")),
    Case("url_memory", lambda env: "sqlite://", _refuse("db.memory")),
    Case("url_memory_named", lambda env: "sqlite:///:memory:", _refuse("db.memory")),
    Case("url_uri_options", lambda env: f"sqlite:///file:{env.copy(env.register)}?mode=ro&uri=true",
         _refuse("db.url_form")),
    Case("url_options", lambda env: f"sqlite:///{env.copy(env.register)}?timeout=1", _refuse("db.url_form")),
    Case("url_other_server", lambda env: "mysql://user:secret@localhost/hgd", _refuse("db.unsupported")),
    Case("url_garbage", lambda env: "://", _refuse("db.unsupported")),
    # --- read-only and full disks (root: mounts, attributes) -----------------------------------------------------
    Case("read_only_file", _read_only_file,
         {**GOOD, "import": "db.cannot_write.file", "event": "db.cannot_write.file",
          "undo": "db.cannot_write.file"}, root=True),
    Case("read_only_folder", _readonly_register,
         {**GOOD, "import": "db.cannot_write.medium", "event": "db.cannot_write.medium",
          "undo": "db.cannot_write.medium"}, root=True),
    Case("read_only_folder_new_file", lambda env: str(_bind_read_only(env) / "new.db"),
         {**_refuse("db.missing"), "init": "db.read_only_create", "demo": "db.read_only_create"}, root=True),
    Case("read_only_pending_wal", lambda env: _ro_pending(env, keep_shm=False), _refuse("db.wal_pending",
                                                                                        init="db.wal_pending"),
         root=True),
    Case("read_only_pending_wal_with_shm", lambda env: _ro_pending(env, keep_shm=True),
         {**GOOD, "import": "db.cannot_write.medium", "event": "db.cannot_write.medium",
          "undo": "db.cannot_write.medium"}, root=True),
    Case("full_disk_register", lambda env: _full_disk(env, register=True),
         {**GOOD, "import": "db.disk_full", "event": "db.disk_full", "undo": "db.disk_full"}, root=True),
    Case("full_disk_new_file", lambda env: _full_disk(env, register=False),
         {**_refuse("db.missing"), "init": "db.disk_full", "demo": "db.disk_full"}, root=True),
    Case("small_disk_new_file", lambda env: str(_tmpfs(env, 200) / "xa.db"),
         {**_refuse("db.missing"), "init": "db.disk_full", "demo": "db.disk_full"}, ("demo",), root=True),
    Case("half_disk_new_file", lambda env: str(_tmpfs(env, 700) / "xa.db"),
         {**_refuse("db.missing"), "init": "db.disk_full", "demo": "db.disk_full"}, ("demo",), root=True),
    Case("disk_fills_during_import", _small_disk, {**GOOD, "import_big": "db.disk_full"}, ("import_big",),
         root=True),
]
# What each case is most about, run besides QUICK.
FOCUS = {
    "fifo": ("demo", "show"), "dev_null": ("event", "demo"), "zero_bytes": ("demo", "event", "dry_run"),
    "missing_file": ("show",), "foreign_empty": ("demo",), "foreign_empty_wal": ("dry_run",),
    "damaged_page": ("event", "dry_run"), "stale_index": ("dry_run",),
    "register": ("event", "undo", "dry_run", "show", "history"),
    "register_rollback_mode": ("undo",), "register_pending_wal": ("event",), "register_hot_journal": ("event",),
    "url_register": ("event",), "url_zero_bytes": ("dry_run",), "url_memory": ("demo",),
    "read_only_file": ("event", "undo", "history"), "read_only_folder": ("event", "undo", "history"),
    "full_disk_register": ("event",),
    "full_disk_new_file": ("demo",),
}
for _case in CASES:
    _case.focus = _case.focus or FOCUS.get(_case.name, ())
NAMES = [c.name for c in CASES]


def templates(folder: Path) -> tuple[Path, Path]:
    """A new register and one filled by the demo (300 persons), built once for every case."""
    from app.demo import create_demo
    from app.register import Register

    register, filled = folder / "register.db", folder / "filled.db"
    Register.create(register, {"commune_name": "Xã Dân Lý", "commune_code": "15703"}, user="corpus").close()
    create_demo(filled, persons=300, seed=3)
    return register, filled


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    register, filled = templates(out)
    with ExitStack() as stack:
        for case in CASES:
            if case.root:
                continue
            folder = out / case.name
            folder.mkdir()
            print(f"{case.name:32} --db {case.build(Env(folder, register, filled, stack))}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parents[2]))
    main(Path(sys.argv[1]))
