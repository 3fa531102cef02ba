"""The default site and a department copy whose colours are Material palette names pass axe in both
schemes, hovered and pressed controls included.

tests/data/institutions/named-colours.toml is the Northbridge copy with ``primary = "brown"`` and
``accent = "deep-purple"`` instead of #rrggbb colours. The build checks palette names like hex
colours (hooks/validate.py; a failing name is refused in tests/unit/test_config.py); here axe
measures what a reader gets: the home page, a guidance page and the self-assessment page with a
result, in the light and the dark scheme, at rest and with a button and a link hovered and pressed.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.support.browser import axe_violations, settle_animations
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


def _violations(page: Page, where: str, context: str | None = None) -> list[str]:
    settle_animations(page)
    return [f"{where}: {v['id']} ({v['impact']}): "
            + "; ".join(f"{n['target']} {n.get('failureSummary', '')[:160]!r}" for n in v["nodes"][:3])
            for v in axe_violations(page, context)]


def _controls(page: Page) -> list[str]:
    """Selectors of the first visible button of each kind in the page's content (primary, plain), and of
    a link in its running text (Material colours a hovered link with the accent)."""
    found = []
    for kind in ("a.md-button--primary", "button.md-button:not(.md-button--primary)",
                 "a.md-button:not(.md-button--primary)", "p > a[href]"):
        buttons = page.locator(f"article {kind}")
        for i in range(buttons.count()):
            if buttons.nth(i).is_visible():
                found.append(buttons.nth(i).evaluate(
                    "(e, i) => { e.dataset.rsAxeButton = String(i); return `[data-rs-axe-button='${i}']`; }",
                    len(found)))
                break
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("copy", ["default", "named-colours"])
def test_no_accessibility_violations_hovered_and_pressed_included(
        browser: Browser, request: pytest.FixtureRequest, copy: str, scheme: str) -> None:
    base = request.getfixturevalue("site_url" if copy == "default" else "named_url")
    context = browser.new_context(color_scheme=scheme, service_workers="block")
    page = context.new_page()
    problems: list[str] = []
    pressed_somewhere = False
    primary = tomllib.loads(NAMED.read_text(encoding="utf-8"))["branding"]["primary"] if copy != "default" else None
    for rel in PAGES:
        page.goto(base + rel)
        page.wait_for_load_state("networkidle")
        expected = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.dataset.mdColorScheme") == expected
        if primary:
            assert page.evaluate("document.body.dataset.mdColorPrimary") == primary, "the palette name is not applied"
        if rel == "self-assessment/":
            wait_ready(page)
            fill_answers(page, {"activities": ["collaboration"], "collaboration_type": "formal",
                                "partners": [{"names": ["Skoltech"], "country": "IR"}]})
            expect(page.locator("#rs-result")).to_have_attribute("data-tier", "prohibited")
        where = f"{copy} {scheme} /{rel}"
        if copy != "default":  # the default site at rest: every page in test_accessibility.py
            problems += _violations(page, where)
        for selector in _controls(page):
            button = page.locator(selector)
            button.scroll_into_view_if_needed()
            button.hover()
            problems += _violations(page, f"{where} hovered {selector}", selector)
            # Pressed: the mouse goes down on the button and leaves it before going up (no click).
            page.mouse.down()
            problems += _violations(page, f"{where} pressed {selector}", selector)
            page.mouse.move(0, 0)
            page.mouse.up()
            pressed_somewhere = True
    context.close()
    assert pressed_somewhere, "no button or link was found to hover and press"
    assert problems == [], "\n".join(problems)
