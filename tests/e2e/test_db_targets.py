"""Every hostile `--db` target of tests/corpus/make_db_targets.py: refused with its one message (or accepted), as
one JSON object, in bounded time and memory; what was refused, and whatever only read, leaves the target's folder
byte for byte; what wrote leaves a register that passes the full check and no work file.

`make test` runs the commands of make_db_targets.QUICK and each case's focus; HGD_CORPUS_FULL=1 runs every
command the case lists."""
from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
from contextlib import ExitStack
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1]))
sys.path.insert(0, str(Path(__file__).parents[1] / "corpus"))
import make_db_targets as corpus

import forked

ROOT = os.geteuid() == 0
FULL = bool(os.environ.get("HGD_CORPUS_FULL"))


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("input")
    (folder / "nguoi.csv").write_text(corpus.CSV, encoding="utf-8")
    (folder / "nhieu.csv").write_text(corpus.big_csv(), encoding="utf-8")
    return {"{csv}": str(folder / "nguoi.csv"), "{bigcsv}": str(folder / "nhieu.csv")}


@pytest.fixture(scope="module")
def templates(tmp_path_factory):
    return corpus.templates(tmp_path_factory.mktemp("templates"))


def _digest(path: Path) -> str:
    st = path.stat()
    if st.st_size > 64 * 1024 * 1024:  # a sparse giant: its size and time say enough
        return f"{st.st_size}:{st.st_mtime_ns}"
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(folder: Path) -> dict[str, str]:
    """Every entry under a folder (the mounts live there too), each file by its bytes."""
    out: dict[str, str] = {}
    for p in sorted(folder.rglob("*")):
        rel = str(p.relative_to(folder))
        if p.is_symlink():
            out[rel] = "-> " + os.readlink(p)
        elif p.is_file():
            out[rel] = _digest(p)
        else:
            out[rel] = "dir" if p.is_dir() else "special"
    return out


def _file_of(db: str) -> Path | None:
    for prefix in ("sqlite+pysqlite:///", "sqlite:///"):
        if db.startswith(prefix) and "?" not in db and ":memory:" not in db:
            return Path(db[len(prefix):])
    return None if "://" in db or not db else Path(db)


def _masked(file: Path | None) -> str | None:
    """The file's digest without the header bytes a switch of journal mode rewrites (the mode, the change counter
    and the version it was valid for)."""
    if file is None or not file.is_file() or file.stat().st_size > 64 * 1024 * 1024:
        return None
    data = bytearray(file.read_bytes())
    for i in (18, 19, 24, 25, 26, 27, 92, 93, 94, 95):
        data[i:i + 1] = b"\0" if i < len(data) else b""
    return hashlib.sha256(bytes(data)).hexdigest()


def _integrity(file: Path | None) -> list[str] | None:
    if file is None or not file.exists():
        return None
    con = sqlite3.connect(f"file:{file.resolve()}?immutable=1", uri=True)
    try:
        return [r[0] for r in con.execute("PRAGMA integrity_check")]
    finally:
        con.close()


def commands(case: corpus.Case) -> list[str]:
    if FULL:
        return list(case.expect)
    return [c for c in case.expect if c in corpus.QUICK or c in case.focus]


def run_case(case: corpus.Case, command: str, templates, inputs, folder: Path) -> None:
    expected = case.expect[command]
    with ExitStack() as stack:
        env = corpus.Env(folder / "case", *templates, stack)
        env.folder.mkdir(parents=True)
        db = case.build(env)
        file = _file_of(db)
        watched = {p: p.exists() for p in case.watch(env, db)}
        before, masked_before = snapshot(folder), _masked(file)
        argv = [inputs.get(a, a) for a in corpus.COMMANDS[command]] + ["--db", db, "--json"]
        outcome = forked.run(argv, timeout=40)
        after, masked_after = snapshot(folder), _masked(file)
        integrity = _integrity(file) if expected == "ok" and command not in corpus.READING else None
        recovered = case.recovered(file) if case.recovered is not None and file is not None else None
        work = [p.name for p in (file.parent.iterdir() if file and file.parent.is_dir() else [])
                if p.name.startswith(".hgd-")]
    where = f"{case.name} {command}"
    assert not outcome.timed_out, f"{where}: hung"
    assert outcome.seconds < 30 and "Traceback" not in outcome.err, f"{where}: {outcome.err}"
    key = outcome.key  # stdout is exactly one JSON object
    assert key == expected, f"{where}: {outcome.err.strip()}"
    if key != "ok":
        assert outcome.code == 1 and outcome.err.count("\n") == 1, f"{where}: {outcome.err}"
        assert "secret" not in outcome.out + outcome.err  # a password in the URL is never shown
    if case.recovered is not None:  # folded in or rolled back, as SQLite must: nothing lost, nothing half-done
        assert recovered and set(after) <= set(before), (where, recovered, after)
    elif key != "ok" or command in corpus.READING:
        if case.mode_switch and command not in corpus.READING:
            rel = str(file.relative_to(folder))
            before, after = {**before, rel: masked_before}, {**after, rel: masked_after}
        assert after == before, f"{where} changed the folder"
    else:
        assert integrity == ["ok"] and not work, (where, integrity, work)
    for path, existed in watched.items():
        assert path.exists() == existed, f"{where}: {path} appeared"


@pytest.mark.parametrize("name", corpus.NAMES)
def test_each_db_target_is_refused_or_accepted_as_it_should_be(name, templates, inputs, tmp_path):
    case = next(c for c in corpus.CASES if c.name == name)
    if case.root and not ROOT:
        pytest.skip("needs root (a mount, an immutable file)")
    for i, command in enumerate(commands(case)):
        run_case(case, command, templates, inputs, tmp_path / str(i))


def test_the_corpus_is_wide_enough_and_each_case_is_run():
    assert len(corpus.CASES) >= 40 and len(set(corpus.NAMES)) == len(corpus.NAMES)
    assert all(commands(c) for c in corpus.CASES)
    assert all(set(c.focus) <= set(c.expect) for c in corpus.CASES)
