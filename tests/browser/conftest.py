"""Fixtures shared by the browser tier."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from tests.support.ui import wait_ready


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
