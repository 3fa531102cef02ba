"""Every page of the built site, visited in real Chromium: axe (axe-core) finds no accessibility
violation, in the light scheme (all its rules) and the dark scheme (the rules that measure colours: the
dark scheme changes nothing else), the self-assessment page with a result shown (prohibited, with a screening
list of listed and unlisted names, their nearest entries unfolded; the department copy's is checked in
test_assessment_views.py); and no page requests
anything from another origin or trips its Content-Security-Policy. One walk: every page is loaded once,
every other one in the dark scheme (so that Material's start-up in either scheme is on the walk), checked,
then switched to the other scheme where it is open and checked again.

The header, navigation, announcement bar and footer come from one template and are the same on
every page (only which navigation item is current differs, a state that every page shows): axe
checks the whole page on the home page, the self-assessment page and a page of wide tables, and the
content region (`.md-content`: the text, tables, diagrams and forms that differ) on the others. That
halves the time of the most expensive test of the suite and checks the same markup.

On those three pages the walk also hovers and presses a button of each kind and a link in the text
(axe on each, as test_named_colours.py does for a copy with palette names), in both schemes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.test_assessment_views import LISTED
from tests.support.browser import (
    CSP_COLLECTOR,
    axe_violations,
    csp_violations,
    hovered_and_pressed_violations,
    switch_scheme,
)
from tests.support.site import site_pages
from tests.support.ui import fill_answers, wait_ready

pytestmark = pytest.mark.browser

WHOLE_PAGE = ("", "self-assessment/", "federal-sponsors/")


class _Requests:
    """Every request of a browser context, and those that leave the site's origin (which are cut off,
    so that a failure cannot hang on the closed network)."""

    def __init__(self, context: Any, origin: str) -> None:
        self.origin, self.seen, self.foreign = origin, [], []
        context.on("request", self.record)
        context.route(lambda url: not self.allowed(url), lambda route: route.abort())

    def allowed(self, url: str) -> bool:
        return url.startswith(self.origin) or url.startswith(("data:", "blob:", "about:"))

    def record(self, request: Any) -> None:
        self.seen.append(request.url)
        if not self.allowed(request.url):
            self.foreign.append(request.url)


# A prohibited result with a screening list of listed and unlisted names, each entry's nearest listed entries
# unfolded: every part of the result and of the screening panel is on the page that axe checks.
SCREENED_NAMES = ["Skoltech", *LISTED]


def _with_result(page: Page) -> None:
    wait_ready(page)
    fill_answers(
        page, {"activities": ["collaboration"], "collaboration_type": "formal",
               "partners": [{"names": SCREENED_NAMES, "country": "CN"}]}
    )
    expect(page.locator("#rs-q-partners .rs-screen")).to_have_count(len(SCREENED_NAMES), timeout=20_000)
    expect(page.locator("#rs-result")).to_have_attribute("data-tier", "prohibited")
    near = page.locator(".rs-near")
    assert near.count(), "no entry with nearest listed entries to unfold"
    for details in near.all():
        details.locator("summary").click()


def test_every_page_passes_axe_in_both_schemes_and_stays_on_the_site(
    browser: Browser, built_site: Path, site_url: str
) -> None:
    pages = site_pages(built_site)
    assert set(WHOLE_PAGE) <= set(pages), "a page checked whole is gone: choose another"
    context = browser.new_context(service_workers="block")
    requests = _Requests(context, "{0.scheme}://{0.netloc}".format(urlsplit(site_url)))
    # Every page carries a Content-Security-Policy; nothing on it may trip it.
    context.add_init_script(CSP_COLLECTOR)
    page = context.new_page()
    problems, violations = [], []
    pressed = 0
    for i, rel in enumerate(pages):
        # Every other page loads in the dark scheme (Material's start-up picks the scheme from the system's),
        # the others in the light one; each is then switched to the other scheme where it is open.
        first = "dark" if i % 2 else "light"
        page.emulate_media(color_scheme=first)
        page.goto(site_url + rel, wait_until="load")
        assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if first == "dark" else "default")
        if rel == "self-assessment/":
            _with_result(page)
        for scheme in (first, "light" if first == "dark" else "dark"):
            # Transitions off, then the scheme (the page's own at first): Material fades the header title and
            # colours in, and axe would measure them half-way. Measure what stays.
            switch_scheme(page, scheme)
            # The dark scheme changes colours only (the same document, other colour variables): there, the
            # rules that measure colours; the others give their answer on the same markup in the light one.
            for violation in axe_violations(page, None if rel in WHOLE_PAGE else ".md-content",
                                            colours_only=scheme == "dark"):
                targets = [n["target"] for n in violation["nodes"]][:3]
                problems.append(f"{scheme} {rel or '/'}: {violation['id']} ({violation['impact']}): {targets}")
            if rel in WHOLE_PAGE:
                found, checked = hovered_and_pressed_violations(page, f"{scheme} /{rel}")
                problems += found
                pressed += checked
        # Late scripts (the search index) have made their requests: usually while axe ran, so this
        # wait (half a second without a request) is mostly over by now instead of coming on top.
        page.wait_for_load_state("networkidle")
        violations += [f"{rel}: {v}" for v in csp_violations(page)]  # axe's own runs included
    context.close()
    assert pressed, "no button or link was found to hover and press"
    assert problems == [], "\n".join(problems)
    assert violations == [], violations
    assert any(url.endswith("pyodide.asm.wasm") for url in requests.seen), "the engine page did not load Pyodide"
    assert requests.foreign == [], f"requests to other origins: {sorted(set(requests.foreign))}"
