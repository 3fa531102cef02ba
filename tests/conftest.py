"""Shared fixtures: the built sites, the browser.

Each configuration is built once per test run with the real hooks (`mkdocs
build --strict`) into a temporary folder: the default one (`built_site`,
`site_url`) and the department copy of
tests/data/institutions/northbridge.toml (`northbridge_site`,
`northbridge_url`). When pytest-xdist runs the suite in several processes
(`./dev test` does), the first process that needs a build makes it under a
lock in the run's shared temporary folder and the others use it. A test that
needs another configuration builds it itself; one that expects a
configuration to be refused calls the loader in the unit tier (one real
refused build per kind is kept). Browser tests serve a site over HTTP on
127.0.0.1 and drive the system Chromium through Playwright.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import pytest

from tests.support.build import CHROMIUM_ARGS, build_site, chromium_path
from tests.support.paths import NORTHBRIDGE
from tests.support.server import ServerOptions, serve


def _chromium() -> str:
    path = chromium_path()
    if path is None:
        pytest.fail("Chromium not found: install it (apt-get install chromium) or set CHROMIUM_PATH")
    return path


def shared_build(tmp_path_factory: pytest.TempPathFactory, name: str,
                 build: Callable[[Path], CompletedProcess[str]]) -> Path:
    """Build once per run into ``<run's temp folder>/name``, whichever test process asks first.

    Under pytest-xdist each worker has its own base temp folder inside the run's: the build goes
    into the parent they share, under a file lock; a failed build is remembered, so every worker
    reports the same output instead of building again."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent
    dest, done, failed = root / name, root / f"{name}.built", root / f"{name}.failed"
    with open(root / f"{name}.lock", "w", encoding="utf-8") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists() and not failed.exists():
            proc = build(dest)
            if proc.returncode == 0:
                done.touch()
            else:
                failed.write_text(f"{proc.stdout}\n{proc.stderr}", encoding="utf-8")
    if failed.exists():
        pytest.fail(f"mkdocs build --strict of {name} failed:\n{failed.read_text(encoding='utf-8')}")
    return dest


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_build(tmp_path_factory, "site", build_site)


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    with serve(built_site, ServerOptions()) as url:
        yield url


@pytest.fixture(scope="session")
def northbridge_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The department copy: another institution's configuration (tests/data/institutions/northbridge.toml)."""
    return shared_build(tmp_path_factory, "northbridge-site", lambda dest: build_site(dest, config=NORTHBRIDGE))


@pytest.fixture(scope="session")
def northbridge_url(northbridge_site: Path) -> Iterator[str]:
    with serve(northbridge_site, ServerOptions()) as url:
        yield url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    # The system Chromium, never a downloaded one (`playwright install` cannot work here).
    return {**browser_type_launch_args, "executable_path": _chromium(), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "service_workers": "block"}
