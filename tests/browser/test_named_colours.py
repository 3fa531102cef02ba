"""A department copy whose colours are Material palette names passes axe in both schemes, hovered and
pressed controls included.

tests/data/institutions/named-colours.toml is the Northbridge copy with ``primary = "brown"`` and
``accent = "deep-purple"`` instead of #rrggbb colours. The build checks palette names like hex
colours (hooks/validate.py; a failing name is refused in tests/unit/test_config.py); here axe
measures the colours a reader gets: the home page, a guidance page and the self-assessment page with a
result, in the light and the dark scheme, at rest and with a button and a link hovered and pressed.
The default site's same pages, at rest and hovered and pressed, are checked on the walk of every
page in test_accessibility.py (one start of the page per scheme for both).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.support.browser import described_violations, hovered_and_pressed_violations, switch_scheme
from tests.support.build import build_site, shared_build
from tests.support.paths import INSTITUTIONS
from tests.support.server import ServerOptions, serve
from tests.support.ui import fill_answers, wait_ready

pytestmark = pytest.mark.browser

NAMED = INSTITUTIONS / "named-colours.toml"
PAGES = ["", "federal-sponsors/", "self-assessment/"]


@pytest.fixture(scope="session")
def named_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_build(tmp_path_factory, "named-colours-site", lambda dest: build_site(dest, config=NAMED))


@pytest.fixture(scope="session")
def named_url(named_site: Path) -> Iterator[str]:
    with serve(named_site, ServerOptions()) as url:
        yield url


def test_no_accessibility_violations_hovered_and_pressed_included(browser: Browser, named_url: str) -> None:
    """Each page in the light scheme, then the dark one (the system switching while the page is open). This
    copy differs from the Northbridge copy (axe on every rule in test_assessment_views.py) only in its
    colours: axe's rules that measure colours, at rest, hovered and pressed."""
    context = browser.new_context(color_scheme="light", service_workers="block")
    page = context.new_page()
    problems: list[str] = []
    pressed = 0
    primary = tomllib.loads(NAMED.read_text(encoding="utf-8"))["branding"]["primary"]
    for rel in PAGES:
        page.emulate_media(color_scheme="light")
        page.goto(named_url + rel)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.body.dataset.mdColorPrimary") == primary, "the palette name is not applied"
        if rel == "self-assessment/":
            wait_ready(page)
            fill_answers(page, {"activities": ["collaboration"], "collaboration_type": "formal",
                                "partners": [{"names": ["Skoltech"], "country": "IR"}]})
            expect(page.locator("#rs-result")).to_have_attribute("data-tier", "prohibited")
        for scheme in ("light", "dark"):
            switch_scheme(page, scheme)
            assert page.evaluate("document.body.dataset.mdColorPrimary") == primary, "the palette name is lost"
            where = f"named-colours {scheme} /{rel}"
            problems += described_violations(page, where, colours_only=True)
            found, checked = hovered_and_pressed_violations(page, where)
            problems += found
            pressed += checked
    context.close()
    assert pressed, "no button or link was found to hover and press"
    assert problems == [], "\n".join(problems)
