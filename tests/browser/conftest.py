"""Fixtures shared by the browser tier."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from playwright.sync_api import Error as PlaywrightError

from tests.support.ui import wait_ready

# What a person sees may take a moment longer when the machine is busy (the suite runs a browser per
# core): assertions wait up to 15 s instead of Playwright's 5 s. A passing check returns as soon as it
# holds, so this only changes how long a failure takes to report.
expect.set_options(timeout=15_000)


# What a person would see of the questionnaire and what this tab keeps, read in one step: a page that
# reads the same as right after its first start is one a test can begin on.
_PAGE_STATE = """() => {
  const form = document.getElementById("rs-form");
  const visible = (e) => e.checkVisibility();
  return {
    shown: [...form.querySelectorAll(".rs-question")].filter(visible).map((q) => q.id),
    chosen: [...form.querySelectorAll("input:checked, option:checked")].map((e) => e.value).filter(Boolean),
    typed: [...form.querySelectorAll("textarea, select, input:not([type=checkbox]):not([type=radio])")]
      .map((e) => e.value).filter(Boolean),
    partners: form.querySelectorAll("[data-rs-partner]").length,
    errors: [...document.querySelectorAll(".rs-error")].filter(visible).map((e) => e.textContent),
    alert: document.getElementById("rs-alert")?.textContent.trim() ?? "",
    open: [...form.querySelectorAll("details[open]")].length,
    tier: document.getElementById("rs-result").dataset.tier,
    local: Object.entries(localStorage).sort(),
    // An empty set of answers is written once the engine has answered (or not yet): the same to a person.
    session: Object.entries(sessionStorage).filter(([k, v]) => !(k === "rs-answers-v1" && v === "{}")).sort(),
  };
}"""
_RESTORE_STORAGE = """([local, session]) => {
  localStorage.clear(); sessionStorage.clear();
  for (const [k, v] of local) localStorage.setItem(k, v);
  for (const [k, v] of session) sessionStorage.setItem(k, v);
  window.scrollTo(0, 0);
  document.activeElement?.blur();
}"""


class SharedAssessment:
    """One self-assessment page, started once for the tests of a test process (starting Pyodide and the
    screening index is most of a browser test's time), and reset between them."""

    def __init__(self, page: Page, url: str) -> None:
        self.page, self.url, self.dialogs = page, url, []
        self.viewport = page.viewport_size
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.goto(url)
        wait_ready(page)
        self.fresh = page.evaluate(_PAGE_STATE)

    def load(self) -> None:
        """Start the page again, with this tab's storage as it was after the first start."""
        page = self.page
        if page.url.startswith(self.url.removesuffix("self-assessment/")):
            page.evaluate(_RESTORE_STORAGE, [self.fresh["local"], self.fresh["session"]])
        page.emulate_media(media="null")
        if self.viewport:
            page.set_viewport_size(self.viewport)
        page.goto(self.url)
        wait_ready(page)
        state = page.evaluate(_PAGE_STATE)
        assert state == self.fresh, f"the page started again reads {state}, not {self.fresh}"

    def start_over(self) -> None:
        """As a person starts over: "Clear answers" (the page's own control), the viewport, media and
        storage as they were after the first start. Checked: a page that does not read as it did then
        (a test left a dialog open, navigated away, reloaded into a failure, typed into a hidden filter)
        is loaded afresh."""
        page = self.page
        self.dialogs.clear()
        try:
            if page.url != self.url or page.get_attribute("html", "data-engine") != "ready":
                raise _NotFresh
            page.emulate_media(media="null")
            if page.viewport_size != self.viewport and self.viewport:
                page.set_viewport_size(self.viewport)
            page.context.clear_permissions()
            page.locator("#rs-clear").click(timeout=5_000)
            expect(page.locator("#rs-result")).to_have_attribute("data-tier", "")
            for box in page.locator("[data-rs-filter]").all():
                if box.input_value() and box.is_visible():
                    box.fill("")
            page.evaluate(_RESTORE_STORAGE, [self.fresh["local"], self.fresh["session"]])
            if page.evaluate(_PAGE_STATE) != self.fresh:
                raise _NotFresh
        except (_NotFresh, PlaywrightError, AssertionError):
            self.load()


class _NotFresh(Exception):
    """The shared page does not read as a fresh one: start it again."""


@pytest.fixture(scope="session")
def _shared_assessment(browser: Browser, browser_context_args: dict[str, Any], site_url: str
                       ) -> Iterator[SharedAssessment]:
    context = browser.new_context(**browser_context_args)
    yield SharedAssessment(context.new_page(), site_url + "self-assessment/")
    context.close()


@pytest.fixture
def assessment(_shared_assessment: SharedAssessment) -> Iterator[Page]:
    """The self-assessment page of the default build, its engine ready, its form empty; no dialog may
    open meanwhile (a dialog would mean a script ran from what was typed).

    The tests of a test process share one page, started once, and each begins where a person who pressed
    "Clear answers" would (SharedAssessment.start_over): same questions shown, nothing chosen or typed,
    nothing stored but what the first start stored, default viewport and media. The result then says
    the answers were cleared instead of the first visit's invitation. A test about the first load
    (what a page shows before or as it starts, a link with a query, a route or script installed before
    the page loads) opens its own page (the `page` fixture) instead."""
    shared = _shared_assessment
    shared.start_over()
    yield shared.page
    assert shared.dialogs == [], f"a script ran from user input: {shared.dialogs}"


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
