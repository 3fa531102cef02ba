"""The built site in real Chromium over HTTP on 127.0.0.1: the engine boots and answers produce a
tier; the diagram needs no script; Material's search and bundle start after the engine (that no page
requests anything from another origin is checked on the walk of every page in test_accessibility.py)."""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.support.ui import fill_answers, search_finds, wait_ready

pytestmark = pytest.mark.browser


def test_engine_becomes_ready_and_answers(assessment: Page) -> None:
    """The shared page's engine became ready (the fixture waited for it) and answers produce a tier."""
    assert assessment.get_attribute("html", "data-engine") == "ready"
    fill_answers(assessment, {"activities": ["collaboration"], "collaboration_type": "formal",
        "partners": [{"country": "IR"}]})
    result = assessment.locator("#rs-result")
    expect(result).to_have_attribute("data-tier", "prohibited")


def test_diagram_is_drawn_without_a_script_and_search_still_runs(page: Page, site_url: str) -> None:
    """The flowchart is in the page as drawn (no diagram script); Material's deferred bundle still works."""
    errors: list[str] = []
    scripts: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda r: scripts.append(r.url) if r.resource_type == "script" else None)
    page.goto(site_url)
    diagram = page.locator(".mermaid svg").first
    expect(diagram).to_be_visible()
    box = diagram.bounding_box()
    assert box and box["height"] > 100, f"the diagram was not drawn: {box}"
    assert not [url for url in scripts if "mermaid" in url]
    # The bundle ran: once its search index is loaded, the header's search finds a guidance page.
    search_finds(page, "talent")
    assert errors == []


def test_search_index_is_built_after_the_engine_started(context: BrowserContext, site_url: str) -> None:
    """On the assessment page Material's search worker code loads only once the engine is ready."""
    requests: list[Any] = []
    context.on("request", lambda request: requests.append(request)
               if "/javascripts/workers/search." in urlsplit(request.url).path else None)
    page = context.new_page()
    page.add_init_script(
        "new MutationObserver(() => { if (document.documentElement.dataset.engine === 'ready' && !window.__readyAt)"
        " window.__readyAt = performance.timeOrigin + performance.now(); }).observe(document,"
        " {attributes: true, subtree: true, attributeFilter: ['data-engine']});"
    )
    page.goto(site_url + "self-assessment/")
    wait_ready(page)
    search_finds(page, "talent")
    ready_at = page.evaluate("window.__readyAt")
    assert len(requests) == 1, [r.url for r in requests]
    # Both clocks are the browser's (milliseconds since 1970); the event order seen here is not.
    requested_at = requests[0].timing["startTime"]
    assert requested_at >= ready_at - 50, f"search worker requested {ready_at - requested_at:.0f} ms before ready"


def test_search_index_is_built_when_the_reader_opens_the_search(context: BrowserContext, site_url: str) -> None:
    """On a guide page Material's search worker code loads only once the reader opens the search (before, a
    page load would build the whole index for nothing); then the search finds pages, and the page that opens
    with a search in its address (?q=) finds them too."""
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url)
               if "/javascripts/workers/search." in urlsplit(request.url).path else None)
    page = context.new_page()
    page.goto(site_url + "screening/")
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 600)  # reading the page is not searching
    page.wait_for_timeout(300)
    assert requests == [], "the search index was built before the reader opened the search"
    expect(page.locator(".md-search-result__meta")).to_have_count(1)
    search_finds(page, "talent")
    assert len(requests) == 1, requests
    page.goto(site_url + "travel/?q=sanctions")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=30_000)
    expect(page.locator(".md-search-result__meta")).to_contain_text("matching document")


def test_material_starts_after_the_engine_or_at_the_readers_first_action(browser: Any, site_url: str) -> None:
    """On the assessment page Material's bundle waits (site_src/material-after-engine.js): for the engine's
    start, for the reader, whose first action starts it at once, or for its 2 s fallback. Either way its
    features then work, and the reader's colour scheme is there from the start."""
    held: list[Any] = []

    def hold(route: Any) -> None:  # the engine cannot finish starting: its interpreter's download waits
        held.append(route)

    for case in ("engine", "reader", "fallback"):
        context = browser.new_context(color_scheme="dark", service_workers="block")
        bundles: list[str] = []
        context.on("request", lambda r, b=bundles: b.append(r.url) if "/javascripts/bundle." in r.url else None)
        page = context.new_page()
        if case != "engine":
            context.route("**/pyodide.asm.wasm", hold)
            # The page's timers wait for the test, however slow the machine: no fallback unless it is run.
            page.clock.install()
            page.clock.pause_at(time.time() * 1000 + 3_600_000)
        errors: list[str] = []
        page.on("pageerror", lambda error, e=errors: e.append(str(error)))
        # Not "load": with the interpreter held back that may never come.
        page.goto(site_url + "self-assessment/", wait_until="domcontentloaded")
        body = page.locator("body")
        # The system's dark scheme from the start (md-palette.js), not only once Material has run.
        expect(body).to_have_attribute("data-md-color-scheme", "slate")
        toggle = page.locator("form[data-md-component=palette] label:visible")
        if case == "engine":
            wait_ready(page)
        else:
            page.wait_for_timeout(500)
            expect(page.locator("html")).to_have_attribute("data-engine", "loading")
            assert bundles == [], "Material's bundle loaded before the engine started or the reader acted"
            expect(toggle).to_have_count(0)  # Material's buttons are not there yet
            if case == "fallback":
                page.clock.run_for(2_000)
            else:  # the reader answers a first question: Material starts at once
                page.locator(".rs-form input[type=checkbox]").first.check()
        expect(toggle).to_have_count(1)
        # The colour-scheme toggle is Material's: the click switches the page to the light scheme.
        before = page.evaluate("getComputedStyle(document.body).backgroundColor")
        toggle.first.click()
        expect(body).to_have_attribute("data-md-color-scheme", "default")
        expect(page.locator("html")).to_have_attribute("data-engine", "ready" if case == "engine" else "loading")
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") != before
        assert len(bundles) == 1, bundles
        assert errors == []
        for route in held:
            route.abort()
        held.clear()
        context.close()
