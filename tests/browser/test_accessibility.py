"""axe (axe-core in real Chromium) finds no accessibility violation on any page of the built site,
in the light and the dark scheme, the self-assessment page with a result shown.

The header, navigation, announcement bar and footer come from one template and are the same on
every page (only which navigation item is current differs, a state that every page shows): axe
checks the whole page on the home page, the self-assessment page and a page of wide tables, and the
content region (`.md-content`: the text, tables, diagrams and forms that differ) on the others. That
halves the time of the most expensive test of the suite and checks the same markup.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, expect

from tests.support.browser import settle_animations
from tests.support.site import site_pages
from tests.support.ui import fill_answers, wait_ready

pytestmark = pytest.mark.browser

WHOLE_PAGE = ("", "self-assessment/", "federal-sponsors/")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations_on_any_page(
    browser: Browser, built_site: Path, site_url: str, scheme: str
) -> None:
    pages = site_pages(built_site)
    assert set(WHOLE_PAGE) <= set(pages), "a page checked whole is gone: choose another"
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    axe = Axe()
    problems = []
    for rel in pages:
        page.goto(site_url + rel)
        if rel == "self-assessment/":
            wait_ready(page)
            fill_answers(
                page, {"activities": ["collaboration"], "collaboration_type": "formal",
                       "partners": [{"names": ["Skoltech"], "country": "IR"}]}
            )
            expect(page.locator("#rs-result")).to_have_attribute("data-tier", "prohibited")
        # Filling the form scrolls, and Material fades the header title in: axe would
        # measure the colours half-way through that transition. Measure what stays.
        settle_animations(page)
        results = axe.run(page) if rel in WHOLE_PAGE else axe.run(page, context=".md-content")
        for violation in results.response["violations"]:
            targets = [n["target"] for n in violation["nodes"]][:3]
            problems.append(f"{scheme} {rel or '/'}: {violation['id']} ({violation['impact']}): {targets}")
    context.close()
    assert problems == [], "\n".join(problems)
