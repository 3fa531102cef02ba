"""Shared fixtures: the built sites, the browser.

Each configuration is built once per test run with the real hooks (`mkdocs
build --strict`) into a temporary folder: the default one (`built_site`,
`site_url`) and the department copy of
tests/data/institutions/northbridge.toml (`northbridge_site`,
`northbridge_url`). When pytest-xdist runs the suite in several processes
(`./dev test` does), the first process that needs a build makes it under a
lock in the run's shared temporary folder and the others use it. The builds
a run needs start in the background as soon as the tests are collected,
while the unit tier (which runs first) needs none. A test that needs another
configuration builds it itself; one that expects a configuration to be
refused calls the loader in the unit tier (one real refused build per kind
is kept). Browser tests serve a site over HTTP on 127.0.0.1 and drive the
system Chromium through Playwright.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import pytest

from tests.support import timeline
from tests.support.build import TEST_CHROMIUM_ARGS, build_site, chromium_path, shared_build
from tests.support.paths import NORTHBRIDGE, TESTS
from tests.support.server import ServerOptions, serve


def _chromium() -> str:
    path = chromium_path()
    if path is None:
        pytest.fail("Chromium not found: install it (apt-get install chromium) or set CHROMIUM_PATH")
    return path


_BUILDS: dict[str, Callable[[Path], CompletedProcess[str]]] = {
    "site": build_site,
    "northbridge-site": lambda dest: build_site(dest, config=NORTHBRIDGE),
}
_FIXTURE_BUILDS = {"built_site": "site", "northbridge_site": "northbridge-site"}
# The order tiers run in: the unit tier first, so that the builds started in the background
# (below) are ready, or nearly, when the first test that needs a built site starts; then the
# browser tier, the slowest files, so that no long file is left for the end of a parallel run.
_TIER_ORDER = {"unit": 0, "browser": 1, "site": 2, "pyodide": 3}


def pytest_configure(config: pytest.Config) -> None:
    # The suite's builds compress Brotli copies at quality 5 instead of 11 (hooks/_compress.py): the same
    # code and files, valid Brotli, without the half-minute the runtime's WebAssembly takes at 11 in a fresh
    # clone's first build. Only the hosting samples' test reads a .br, byte for byte as the build wrote it.
    os.environ.setdefault("RS_BROTLI_QUALITY", "5")
    # RS_TIMELINE=FILE records where a run's time goes (benchmarks/suite_timeline.py reads it).
    config.pluginmanager.register(timeline, "rs-timeline")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    def tier(item: pytest.Item) -> int:
        parts = Path(str(item.path)).relative_to(TESTS).parts
        return _TIER_ORDER.get(parts[0], len(_TIER_ORDER)) if len(parts) > 1 else len(_TIER_ORDER)

    items.sort(key=tier)  # stable: the order within a tier is the files' own
    if config.option.collectonly:
        return
    wanted = [name for fixture, name in _FIXTURE_BUILDS.items() if any(fixture in i.fixturenames for i in items)]
    if wanted:
        factory = config._tmp_path_factory  # type: ignore[attr-defined]
        threading.Thread(target=_build_ahead, args=(factory, wanted), daemon=True).start()


def _build_ahead(factory: pytest.TempPathFactory, names: list[str]) -> None:
    """Make the builds this run needs while the first tests run (each under its lock, once per run);
    a failure is remembered by shared_build and reported by the fixture that needs the build."""
    for name in names:
        with contextlib.suppress(BaseException):
            shared_build(factory, name, _BUILDS[name])


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_build(tmp_path_factory, "site", _BUILDS["site"])


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    with serve(built_site, ServerOptions()) as url:
        yield url


@pytest.fixture(scope="session")
def northbridge_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The department copy: another institution's configuration (tests/data/institutions/northbridge.toml)."""
    return shared_build(tmp_path_factory, "northbridge-site", _BUILDS["northbridge-site"])


@pytest.fixture(scope="session")
def northbridge_url(northbridge_site: Path) -> Iterator[str]:
    with serve(northbridge_site, ServerOptions()) as url:
        yield url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    # The system Chromium, never a downloaded one (`playwright install` cannot work here).
    return {**browser_type_launch_args, "executable_path": _chromium(), "args": TEST_CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "service_workers": "block"}
