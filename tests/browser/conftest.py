"""Fixtures shared by the browser tier."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.support.ui import wait_ready

# What a person sees may take a moment longer when the machine is busy (the suite runs a browser per
# core): assertions wait up to 15 s instead of Playwright's 5 s. A passing check returns as soon as it
# holds, so this only changes how long a failure takes to report.
expect.set_options(timeout=15_000)


@pytest.fixture
def assessment(page: Page, site_url: str) -> Iterator[Page]:
    """The self-assessment page of the default build, its engine ready; no dialog may open meanwhile
    (a dialog would mean a script ran from what was typed)."""
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(site_url + "self-assessment/")
    wait_ready(page)
    yield page
    assert dialogs == [], f"a script ran from user input: {dialogs}"


@pytest.fixture
def site_copy(built_site: Path, tmp_path: Path) -> Path:
    """A copy of the built site this test may change (a new build, a tampered file) or stop serving (offline)."""
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy, ignore=shutil.ignore_patterns("*.br", "*.gz"))
    return copy


@pytest.fixture
def sw_context(browser: Browser) -> Iterator[BrowserContext]:
    """A context of its own with service workers allowed (the others block them)."""
    context = browser.new_context(service_workers="allow")
    yield context
    context.close()
