"""A partner's name typed into the header search stays on the device: following a search result
and the name check, with the service worker on and off, the name is in no request line, no
Referer and no history entry; the name check reached from a page that is already the name check
(only the fragment changes) adds the second name; the keyboard reaches the name check."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Request, expect

from tests.support.server import serve
from tests.support.ui import hold_engine

pytestmark = pytest.mark.browser

NAME = "Skolkovo"  # in the guide's text, so the search has results for it
SECOND = "Quillon Vexmoor Institute"


@pytest.fixture(scope="module", params=["block", "allow"], ids=["no service worker", "service worker"])
def _site_context(request: pytest.FixtureRequest, browser: Browser, built_site: Path,
                  tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[BrowserContext, str, list[Request]]]:
    """A copy of the site on an address of its own, and one browser context for this file's tests, with the
    service worker blocked or installed first."""
    copy = tmp_path_factory.mktemp("search-privacy") / "site"
    shutil.copytree(built_site, copy, ignore=shutil.ignore_patterns("*.br", "*.gz"))
    with serve(copy) as url:
        context = browser.new_context(service_workers=request.param)
        seen: list[Request] = []
        context.on("request", lambda r: seen.append(r))  # noqa: PLW0108 - Playwright wraps handlers; a bound builtin fails
        context.route(lambda u: not u.startswith(url), lambda route: route.abort())
        if request.param == "allow":
            # The worker first installs (it then answers this context's requests itself).
            page = context.new_page()
            page.goto(url + "travel/")
            page.evaluate("async () => { await navigator.serviceWorker.ready; }")
            page.reload()
            expect(page.locator("h1")).to_be_visible()
            assert page.evaluate("() => !!navigator.serviceWorker.controller"), "the worker does not control"
            page.close()
        yield context, url, seen
        context.close()


@pytest.fixture
def context_and_url(_site_context: tuple[BrowserContext, str, list[Request]]
                    ) -> Iterator[tuple[BrowserContext, str, list[Request]]]:
    """The context of this variant, its requests recorded from this test on; each test opens its own tab (its
    own history and session storage) and its tabs are closed after it."""
    context, _, seen = _site_context
    seen.clear()
    yield _site_context
    for page in context.pages:
        page.close()


def _leaks(requests: list[Request], *names: str) -> list[str]:
    out = []
    for req in requests:
        referer = req.headers.get("referer", "")
        for name in names:
            for variant in (name, name.lower(), name.replace(" ", "%20"), name.replace(" ", "+")):
                if variant.casefold() in req.url.casefold() or variant.casefold() in referer.casefold():
                    out.append(f"{req.url} (referer {referer})")
    return out


def _history(page: Page) -> list[str]:
    """The address of every entry of this tab's history: walk back to the first, then forward again."""
    steps = page.evaluate("() => history.length") - 1
    entries = [page.url]
    for _ in range(steps):
        page.go_back(wait_until="commit")
        page.wait_for_timeout(200)
        entries.append(page.url)
    for _ in range(steps):
        page.go_forward(wait_until="commit")
        page.wait_for_timeout(200)
    page.wait_for_load_state("load")
    return entries


def _search(page: Page, text: str) -> None:
    query = page.locator("input.md-search__input")
    query.fill("")
    query.click()
    query.press_sequentially(text, delay=10)


def test_name_typed_in_the_search_reaches_no_request_and_no_history(
        context_and_url: tuple[BrowserContext, str, list[Request]]) -> None:
    context, url, seen = context_and_url
    page = context.new_page()
    page.goto(url + "travel/")
    _search(page, NAME)
    result = page.locator(".md-search-result__list a").first
    expect(result).to_be_visible(timeout=15_000)
    assert "?h=" not in (result.get_attribute("href") or ""), "search.highlight puts the query into the address"
    result.click()
    page.wait_for_load_state("load")
    assert NAME.lower() not in page.url.lower(), page.url
    page.wait_for_load_state("networkidle")

    # The name check: from the search to the self-assessment, the name in the form only.
    _search(page, NAME)
    check = page.get_by_role("link", name=f"Check '{NAME}' against the restricted-party lists")
    expect(check).to_be_visible(timeout=10_000)
    check.click()
    page.wait_for_url("**/self-assessment/?activity=names")
    names = page.locator("#rs-q-partners textarea")
    expect(names.first).to_have_value(NAME, timeout=15_000)
    assert page.url.endswith("/self-assessment/?activity=names"), page.url

    # A second name from this page: only the fragment changes, no page load.
    _search(page, SECOND)
    page.get_by_role("link", name=f"Check '{SECOND}' against the restricted-party lists").click()
    expect(names.nth(1)).to_have_value(SECOND, timeout=10_000)
    expect(names.first).to_have_value(NAME)
    assert page.url.endswith("/self-assessment/?activity=names"), page.url
    page.wait_for_load_state("networkidle")

    history = _history(page)
    leaks = _leaks(seen, NAME, SECOND)
    assert leaks == [], leaks
    assert not [h for h in history if NAME.lower() in h.lower() or "Quillon" in h], history
    # The answers survived the walk through the history (this tab's storage).
    expect(page.locator("#rs-q-partners textarea").nth(1)).to_have_value(SECOND, timeout=10_000)
    page.screenshot(path="/tmp/security-second-name.png")


def test_second_name_by_fragment_when_answers_are_kept(
        context_and_url: tuple[BrowserContext, str, list[Request]]) -> None:
    """A name arriving by a new page load, while this tab already has answers, is added too (by the page before
    and without the engine: its interpreter's download is held)."""
    context, url, seen = context_and_url
    page = context.new_page()
    hold_engine(page)
    page.goto(url + f"self-assessment/?activity=names#name={NAME}")
    names = page.locator("#rs-q-partners textarea")
    expect(names.first).to_have_value(NAME, timeout=15_000)
    page.goto(url + "travel/")
    page.goto(url + "self-assessment/?activity=names#name=Quillon%20Vexmoor%20Institute")
    expect(names.nth(1)).to_have_value(SECOND, timeout=15_000)
    assert page.url.endswith("/self-assessment/?activity=names")
    assert _leaks(seen, NAME, SECOND) == []


def test_keyboard_reaches_and_runs_the_name_check(
        context_and_url: tuple[BrowserContext, str, list[Request]]) -> None:
    """The name reaches the form by the keyboard alone (the page fills it before and without the engine: its
    interpreter's download is held)."""
    context, url, _ = context_and_url
    page = context.new_page()
    hold_engine(page)
    page.goto(url + "travel/")
    _search(page, SECOND)
    check = page.locator(".guide-name-check a")
    expect(check).to_be_visible(timeout=10_000)
    page.keyboard.press("ArrowDown")
    expect(check).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/self-assessment/?activity=names")
    expect(page.locator("#rs-q-partners textarea").first).to_have_value(SECOND, timeout=15_000)

    # Enter in the box with no results opens the name check too.
    page.goto(url + "travel/")
    _search(page, "Zyxwvut Qwerty")
    expect(check).to_be_visible(timeout=10_000)
    expect(page.locator(".md-search-result__meta")).to_contain_text(re.compile("no match", re.I), timeout=15_000)
    page.keyboard.press("Enter")
    page.wait_for_url("**/self-assessment/?activity=names")
    expect(page.locator("#rs-q-partners textarea").last).to_have_value("Zyxwvut Qwerty", timeout=15_000)
