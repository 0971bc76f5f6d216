"""Every file of the malformed corpus (tests/corpus/make_malformed.py) is refused, through the API and through
`hgd import`: quickly, in bounded memory, with one clear line that names the file (and the row, column or cell
where it applies), no traceback, the register's bytes unchanged and no file written beside it."""
from __future__ import annotations

import hashlib
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.errors import HgdError
from app.io import import_persons
from app.register import Register

sys.path.insert(0, str(Path(__file__).parents[1] / "corpus"))
import make_malformed

BIG = ("zip_bomb.xlsx", "zip_bomb_lying_sizes.xlsx", "million_rows.xlsx", "far_row.xlsx", "far_row_prefixed.xlsx",
       "far_column.xlsx", "csv_million_rows.csv")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    cases = {c.name: c for c in make_malformed.build(tmp_path_factory.mktemp("malformed"))}
    assert set(cases) == set(make_malformed.NAMES)
    return cases


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("register") / "xa.db"
    Register.create(path, {"commune_name": "Xã Dân Lý", "commune_code": "15703"}, user="test").close()
    return path


def state(db: Path) -> tuple[str, list[str]]:
    """The database's bytes (closed: SQLite folded its write-ahead log back in) and the files beside it."""
    return hashlib.sha256(db.read_bytes()).hexdigest(), sorted(p.name for p in db.parent.iterdir())


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


@pytest.mark.parametrize("name", make_malformed.NAMES)
def test_the_api_refuses_with_one_clear_message(name, corpus, db):
    case = corpus[name]
    before = state(db)
    started = time.process_time()  # CPU seconds: the work done, whatever else the machine is running
    with Register.open(db) as reg, pytest.raises(HgdError) as err:
        import_persons(reg, case.path)
    elapsed = time.process_time() - started
    message = str(err.value)
    assert all(word in message for word in case.expect), message
    assert "\n" not in message and elapsed < 5
    assert state(db) == before


@pytest.mark.parametrize("name", make_malformed.NAMES)
def test_the_command_line_refuses_with_one_line_and_exit_code_1(name, corpus, db, hgd):
    case = corpus[name]
    before = state(db)
    started = _children_cpu()
    out = hgd("import", "--db", db, case.path)
    elapsed = _children_cpu() - started
    assert out.returncode == 1, out.stdout + out.stderr
    assert "Traceback" not in out.stdout + out.stderr and "panicked" not in out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and all(word in lines[0] for word in case.expect), out.stderr
    assert elapsed < 5 + 3  # CPU seconds: the refusal itself, plus starting Python
    assert state(db) == before


_MEASURE = """
import json, resource, sys, time
from app.errors import HgdError
from app.io import import_persons
from app.register import Register
with Register.open(sys.argv[1]) as reg:
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.process_time()
    try:
        import_persons(reg, sys.argv[2])
        refused = False
    except HgdError:
        refused = True
    print(json.dumps({"refused": refused, "seconds": time.process_time() - started,
                      "grew_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base}))
"""


@pytest.mark.parametrize("name", BIG)
def test_big_hostile_files_are_refused_in_bounded_memory(name, corpus, db):
    out = subprocess.run([sys.executable, "-c", _MEASURE, str(db), str(corpus[name].path)], check=False, capture_output=True,
                         text=True, timeout=120)
    result = json.loads(out.stdout)
    assert result["refused"] and result["seconds"] < 5
    assert result["grew_kb"] < 200 * 1024, f"peak memory grew by {result['grew_kb'] // 1024} MB"
