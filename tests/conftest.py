"""Shared fixtures: the built sites, the browser.

Each configuration is built once per test session with the real hooks
(`mkdocs build --strict`) into a temporary folder: the default one
(`built_site`, `site_url`) and the department copy of
tests/data/institutions/northbridge.toml (`northbridge_site`,
`northbridge_url`). A test that needs another configuration builds it itself;
one that expects a configuration to be refused calls the loader in the unit
tier (one real refused build per kind is kept). Browser tests serve a site over
HTTP on 127.0.0.1 and drive the system Chromium through Playwright.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
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


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("site")
    proc = build_site(dest)
    if proc.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{proc.stdout}\n{proc.stderr}")
    return dest


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    with serve(built_site, ServerOptions()) as url:
        yield url


@pytest.fixture(scope="session")
def northbridge_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The department copy: another institution's configuration (tests/data/institutions/northbridge.toml)."""
    dest = tmp_path_factory.mktemp("northbridge-site")
    proc = build_site(dest, config=NORTHBRIDGE)
    if proc.returncode != 0:
        pytest.fail(f"mkdocs build --strict of the department copy failed:\n{proc.stdout}\n{proc.stderr}")
    return dest


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
