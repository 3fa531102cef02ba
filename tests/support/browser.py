"""Browser helpers shared by the browser tier: Content-Security-Policy violations as the page reports them."""

from __future__ import annotations

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
