"""Run the command line in a forked child of the test process: the real `hgd` code path (argument parsing, exit
codes, one line or one JSON object), without paying Python's start-up per run, with the child's time and memory
bounded (a command that hangs — a FIFO opened for reading — is killed and reported, never hangs the suite), and
killable at any moment (the fault tests)."""
from __future__ import annotations

import json
import os
import resource
import signal
import sys
import tempfile
import time
from dataclasses import dataclass
from typing import Any

MEMORY_MB = 600          # the most a command may allocate beyond what the test process already maps


@dataclass
class Outcome:
    code: int | None        # exit code (None: killed)
    out: str
    err: str
    seconds: float
    signal: int | None = None
    timed_out: bool = False

    def json(self) -> dict[str, Any]:
        return json.loads(self.out)

    @property
    def key(self) -> str:
        """"ok", or the refusal's message key (from the --json object)."""
        data = self.json()
        return "ok" if data.get("ok") else data["error"]["key"]


def preload() -> None:
    """Import what the commands import lazily, once, in the test process: each forked child then starts warm."""
    import app.cli
    import app.demo
    import app.io.importer
    import app.registry
    import app.registry.history
    import app.registry.undo
    import app.stats  # noqa: F401


def _vm_size() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def start(argv: list[str], *, memory_mb: int = MEMORY_MB, env: dict[str, str] | None = None,
          before: Any = None) -> tuple[int, str, str]:
    """Fork a child running `hgd argv`; its pid and the files its stdout and stderr go to. `before`, a callable,
    runs in the child first (e.g. to wait for a start signal)."""
    fd_out, out = tempfile.mkstemp(prefix="hgd-out-")
    fd_err, err = tempfile.mkstemp(prefix="hgd-err-")
    limit = _vm_size() + memory_mb * 1024 * 1024
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 70
        try:
            os.dup2(fd_out, 1)
            os.dup2(fd_err, 2)
            sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # not pytest's capture  # noqa: SIM115
            sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
            os.environ.update(env or {})
            if before is not None:
                before()
            from app import messages
            from app.cli import main

            messages.set_language(os.environ.get("HGD_LANG", "vi"))
            code = main(list(argv))
        except BaseException as exc:  # noqa: BLE001 - reported to the parent as exit 70
            os.write(2, f"child failed: {exc!r}\n".encode())
        finally:
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            finally:
                os._exit(code)
    os.close(fd_out)
    os.close(fd_err)
    return pid, out, err


def wait(pid: int, out: str, err: str, *, timeout: float = 60, kill_after: float | None = None,
         started: float | None = None) -> Outcome:
    """Wait for the child; SIGKILL it after `kill_after` seconds (a fault test) or after `timeout` (a hang)."""
    started = started or time.perf_counter()
    status, timed_out = None, False
    deadline = started + (kill_after if kill_after is not None else timeout)
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.perf_counter() >= deadline:
            timed_out = kill_after is None
            os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
            break
        time.sleep(0.005)
    seconds = time.perf_counter() - started
    texts = []
    for name in (out, err):
        with open(name, encoding="utf-8", errors="replace") as f:
            texts.append(f.read())
        os.unlink(name)
    if os.WIFSIGNALED(status):
        return Outcome(None, texts[0], texts[1], seconds, os.WTERMSIG(status), timed_out)
    return Outcome(os.WEXITSTATUS(status), texts[0], texts[1], seconds)


def run(argv: list[str], *, timeout: float = 60, memory_mb: int = MEMORY_MB,
        env: dict[str, str] | None = None) -> Outcome:
    preload()
    started = time.perf_counter()
    pid, out, err = start(argv, memory_mb=memory_mb, env=env)
    return wait(pid, out, err, timeout=timeout, started=started)
