"""Benchmark helpers: run a command several times, take medians, record the machine and the peak memory."""
from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"


def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {"cpu": cpu or platform.processor(), "cores": os.cpu_count(), "memory_gib": round(mem_gib, 1),
            "python": platform.python_version(), "system": f"{platform.system()} {platform.release()}"}


LAST_CPU: list[float] = [0.0]   # CPU seconds (user + system) of the last child run_measured waited for


def _resident_peak_kib(pid: int) -> int | None:
    """VmHWM of a live process (Linux), or None."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


def run_measured(args: list[str], env: dict | None = None) -> tuple[float, float, subprocess.CompletedProcess]:
    """Wall seconds and peak resident memory (MiB) of one child process (its CPU seconds in LAST_CPU[0]: on a
    shared machine the figure that load does not inflate). Output goes to files, not pipes: a child that prints more
    than a pipe holds would block while we wait for it.

    The peak is the child's own high-water mark (VmHWM), sampled every 10 ms while it runs: the kernel's ru_maxrss
    of a child counts the parent's memory it was forked from, so a benchmark that had read a large file itself
    would report its own size as the child's. Where /proc is missing, ru_maxrss is used."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(args, stdout=out, stderr=err, env={**os.environ, **(env or {})})
        sampled: list[int] = []
        finished = threading.Event()

        def sample() -> None:
            while not finished.is_set():
                kib = _resident_peak_kib(proc.pid)
                if kib is not None:
                    sampled.append(kib)
                finished.wait(0.01)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        finished.set()
        sampler.join()
        LAST_CPU[0] = usage.ru_utime + usage.ru_stime
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        done = subprocess.CompletedProcess(args, proc.returncode, out.read().decode(), err.read().decode())
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {done.stderr.strip()}")
    peak_kib = max(sampled) if sampled else usage.ru_maxrss
    return seconds, peak_kib / 1024, done


def hgd(*args: str) -> list[str]:
    return [sys.executable, "-m", "app", *map(str, args)]


def median_of(values: list[float]) -> float:
    return round(statistics.median(values), 2)
