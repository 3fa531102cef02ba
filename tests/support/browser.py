"""Browser helpers shared by the browser tier: Content-Security-Policy violations as the page reports them."""

from __future__ import annotations

from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Page

# Installed before any page script runs: every violation the browser reports is kept.
CSP_COLLECTOR = (
    "window.__csp = []; document.addEventListener('securitypolicyviolation',"
    " (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
)


def collect_csp_violations(page: Page) -> None:
    """Start collecting (call before the first goto)."""
    page.add_init_script(CSP_COLLECTOR)


def csp_violations(page: Page) -> list[str]:
    """"directive blocked-URI" for each violation so far on the current document."""
    return list(page.evaluate("window.__csp"))


def settle_animations(page: Page) -> None:
    """Wait until every running animation or transition has ended (or was cancelled).

    axe measures colours as they are at that moment: half-way through Material's
    header fade they are wrong. A cancelled animation rejects `finished` with an
    AbortError, which is not a failure here.
    """
    page.evaluate("Promise.allSettled(document.getAnimations().map((a) => a.finished))")


def axe_violations(page: Page, context: str | None = None) -> list[dict]:
    """What axe-core reports as violations on the page as it is now (all its rules), in the element
    `context` (a CSS selector) or the whole document.

    axe is put into a document once, not before every run: a page checked several times (hovered,
    pressed) does not parse its 500 kB again each time."""
    if not page.evaluate("typeof window.axe === 'object' && typeof window.axe.run === 'function'"):
        page.evaluate(AXE_SCRIPT)
    results = page.evaluate("([context]) => axe.run(context ?? document, {resultTypes: ['violations']})", [context])
    return results["violations"]
