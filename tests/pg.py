"""A throw-away PostgreSQL cluster for the tests: Debian's server binaries, a data folder and a Unix socket in a
temporary directory, trust authentication (no password), no TCP port; stopped and removed at the end.

`HGD_TEST_PG_URL` (an SQLAlchemy URL to a server the tests may create databases on) replaces it. Without a server
and without that variable the PostgreSQL tests are skipped — except under `make test` / CI (HGD_REQUIRE_PG=1),
where a missing server is an error.
"""
from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

_counter = itertools.count(1)


def _binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


class Cluster:
    def __init__(self) -> None:
        self.url = os.environ.get("HGD_TEST_PG_URL")
        self.folder: Path | None = None
        self.bin: Path | None = None
        if self.url is None:
            self._start()

    def _run(self, *args: str) -> None:
        cmd = [str(a) for a in args]
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            cmd = ["runuser", "-u", "postgres", "--"] + cmd
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)

    def _start(self) -> None:
        self.bin = _binaries()
        if self.bin is None:
            raise RuntimeError("no PostgreSQL server binaries (Debian package 'postgresql')")
        self.folder = Path(tempfile.mkdtemp(prefix="hgd-pg-"))
        data, sock = self.folder / "data", self.folder / "sock"
        sock.mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
            shutil.chown(sock, "postgres")
        self._run(self.bin / "initdb", "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C",
                  "--no-sync")
        options = (f"-k {sock} -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
                   f"-c full_page_writes=off -c max_connections=200")
        self._run(self.bin / "pg_ctl", "-D", data, "-o", options, "-l", self.folder / "log", "-w", "start")
        self.url = f"postgresql+psycopg://postgres@/postgres?host={sock}"

    def stop(self) -> None:
        if self.folder is not None and self.bin is not None:
            try:
                self._run(self.bin / "pg_ctl", "-D", self.folder / "data", "-m", "immediate", "-w", "stop")
            finally:
                shutil.rmtree(self.folder, ignore_errors=True)

    def admin(self, sql: str) -> None:
        engine = create_engine(self.url, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                conn.execute(text(sql))
        finally:
            engine.dispose()

    def database(self, template: str | None = None) -> str:
        """A new, empty database (a copy of `template` when given); its URL."""
        name = f"hgd_t{os.getpid()}_{next(_counter)}"
        self.admin(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        return make_url(self.url).set(database=name).render_as_string(hide_password=False)
