"""Build the site with the real hooks (once per test run across test processes: shared_build), and find the
system Chromium (tests and benchmarks)."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support.paths import ROOT
from tests.support.timeline import record

# Flags for the system Chromium here: no sandbox as root, and nothing that calls home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# The tests' browser also leaves out two costs that no test observes (benchmarks keep the flags above, so that
# they measure what a reader's browser does):
# - the browser window's own address-bar popups (WebUI pages in a renderer of their own, which Chromium 156
#   starts for every window, so for every test's browser context);
# - V8's second, optimising compilation (TurboFan) of WebAssembly in background threads: the 10 MB
#   interpreter is compiled once by the baseline compiler (Liftoff) and runs as that. The same code runs
#   with the same results.
# A browser context that loads the self-assessment page until its engine is ready cost 4.5 CPU-s with the
# flags above and 2.6 with these (benchmarks/browser_start_cpu.py, 2026-12-07, 2 cores, loaded).
TEST_CHROMIUM_ARGS = [
    *CHROMIUM_ARGS,
    "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup",
    "--js-flags=--liftoff-only",
]


def chromium_path() -> str | None:
    """$CHROMIUM_PATH, else chromium on PATH, else /usr/bin/chromium; None when none exists."""
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    return path if Path(path).exists() else None


def build_site(
    dest: Path, config: Path | None = None, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Build the site with the real hooks; returns the completed process (check returncode)."""
    env = {k: v for k, v in os.environ.items() if k != "RS_CONFIG"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    if config is not None:
        env["RS_CONFIG"] = str(config)
    env.update(extra_env or {})
    start, started = time.monotonic(), time.time()
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False,
    )
    # RS_BUILD_LOG=FILE counts the builds of a run: one line per build (config, exit code, seconds).
    if log := os.environ.get("RS_BUILD_LOG"):
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(f"{config or 'institution.toml'}\t{proc.returncode}\t{time.monotonic() - start:.1f}\n")
    record(event="build", config=str(config or "institution.toml"), returncode=proc.returncode, start=started,
           stop=time.time())
    return proc


def site_copy(dest: Path, existing: Path | None = None) -> Path:
    """A built site at ``dest`` for the benchmarks: a copy of ``existing``, or a fresh build (exits on failure)."""
    if existing is not None:
        shutil.copytree(existing, dest)
        return dest
    proc = build_site(dest)
    if proc.returncode != 0:
        sys.exit(proc.stdout + proc.stderr)
    return dest


def shared_build(tmp_path_factory: pytest.TempPathFactory, name: str,
                 build: Callable[[Path], subprocess.CompletedProcess[str]]) -> Path:
    """Build once per run into ``<run's temp folder>/name``, whichever test process asks first.

    Under pytest-xdist each worker has its own base temp folder inside the run's: the build goes
    into the parent they share, under a file lock; a failed build is remembered, so every worker
    reports the same output instead of building again."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent
    dest, done, failed = root / name, root / f"{name}.built", root / f"{name}.failed"
    with open(root / f"{name}.lock", "w", encoding="utf-8") as lock:
        asked = time.time()
        fcntl.flock(lock, fcntl.LOCK_EX)
        record(event="build-lock", name=name, start=asked, stop=time.time(),
               ahead=threading.current_thread() is not threading.main_thread())
        if not done.exists() and not failed.exists():
            proc = build(dest)
            if proc.returncode == 0:
                done.touch()
            else:
                failed.write_text(f"{proc.stdout}\n{proc.stderr}", encoding="utf-8")
    if failed.exists():
        pytest.fail(f"mkdocs build --strict of {name} failed:\n{failed.read_text(encoding='utf-8')}")
    return dest
