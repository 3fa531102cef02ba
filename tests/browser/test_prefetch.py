"""Guidance pages fetch the engine ahead only once a reader shows they are going
to the self-assessment (pointing at, or focusing, a link to it)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from tests.support.ui import wait_ready

pytestmark = pytest.mark.browser

ENGINE = re.compile(r"/assets/(pyodide|engine)/")
EXPECTED = ("pyodide.asm.wasm", "pyodide.asm.mjs", "python_stdlib.pyc.zip.gzip", ".whl")


def _engine_requests(requests: list[str]) -> list[str]:
    return [url for url in requests if ENGINE.search(url)]


def _wait_for(page: object, requests: list[str], names: tuple[str, ...]) -> None:
    for _ in range(100):
        seen = _engine_requests(requests)
        if all(any(name in url for url in seen) for name in names):
            return
        page.wait_for_timeout(100)  # type: ignore[attr-defined]
    raise AssertionError(f"the engine was not fetched ahead: {_engine_requests(requests)}")


def _travel_page(browser: Browser, site_url: str) -> tuple[BrowserContext, Page, list[str]]:
    """A guidance page in a context of its own, loaded and idle, with every request it makes from now on."""
    context = browser.new_context(service_workers="block")
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.goto(site_url + "travel/")
    page.wait_for_load_state("networkidle")
    return context, page, requests


@pytest.mark.parametrize("how", ["hover", "focus"])
def test_engine_is_fetched_ahead_only_after_hover_or_focus(browser: Browser, site_url: str, how: str) -> None:
    context, page, requests = _travel_page(browser, site_url)
    page.mouse.move(5, 400)  # pointing at the page, not at a link to the assessment
    page.wait_for_timeout(500)
    assert _engine_requests(requests) == [], "a guidance page loaded engine files unasked"

    link = page.locator("article a[href$='self-assessment/']").first
    if how == "hover":
        link.hover()
    else:
        link.focus()
    _wait_for(page, requests, EXPECTED)
    # Once each: a second hover asks for nothing more.
    count = len(_engine_requests(requests))
    page.locator("article a[href$='self-assessment/']").last.hover()
    page.wait_for_timeout(300)
    assert len(_engine_requests(requests)) == count

    link.click()
    wait_ready(page)
    context.close()


def test_other_links_fetch_nothing_and_the_assessment_page_has_no_prefetcher(browser: Browser, site_url: str) -> None:
    context, page, requests = _travel_page(browser, site_url)
    page.locator("article a[href$='sanctions/']").first.hover()
    page.locator("article a[href$='sanctions/']").first.focus()
    page.wait_for_timeout(500)
    assert _engine_requests(requests) == []
    assert not page.goto(site_url + "self-assessment/").text().count("prefetch-engine.js")
    context.close()
