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


# axe's rules that measure colours (tagged "cat.color"), of those it runs by default (not the AAA contrast).
_COLOUR_RULES = """() => axe.getRules(["cat.color"])
  .filter((r) => !r.tags.includes("wcag2aaa") && !r.tags.includes("experimental")).map((r) => r.ruleId)"""


def axe_violations(page: Page, context: str | None = None, *, colours_only: bool = False) -> list[dict]:
    """What axe-core reports as violations on the page as it is now (all its rules, or with `colours_only`
    the rules that measure colours), in the element `context` (a CSS selector) or the whole document.

    axe is put into a document once, not before every run: a page checked several times (hovered,
    pressed) does not parse its 500 kB again each time."""
    if not page.evaluate("typeof window.axe === 'object' && typeof window.axe.run === 'function'"):
        page.evaluate(AXE_SCRIPT)
    options: dict = {"resultTypes": ["violations"]}
    if colours_only:
        rules = page.evaluate(_COLOUR_RULES)
        assert "color-contrast" in rules, rules
        options["runOnly"] = {"type": "rule", "values": rules}
    results = page.evaluate("([context, options]) => axe.run(context ?? document, options)", [context, options])
    return results["violations"]


def described_violations(page: Page, where: str, context: str | None = None) -> list[str]:
    """axe's violations once animations have settled, each with the first three elements and why they fail."""
    settle_animations(page)
    return [f"{where}: {v['id']} ({v['impact']}): "
            + "; ".join(f"{n['target']} {n.get('failureSummary', '')[:160]!r}" for n in v["nodes"][:3])
            for v in axe_violations(page, context)]


def controls(page: Page) -> list[str]:
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


def hovered_and_pressed_violations(page: Page, where: str) -> tuple[list[str], int]:
    """axe on each of `controls(page)` hovered, then pressed (the mouse goes down on it and leaves it
    before going up: no click); the violations and how many controls were checked."""
    problems: list[str] = []
    found = controls(page)
    for selector in found:
        button = page.locator(selector)
        button.scroll_into_view_if_needed()
        button.hover()
        problems += described_violations(page, f"{where} hovered {selector}", selector)
        page.mouse.down()
        problems += described_violations(page, f"{where} pressed {selector}", selector)
        page.mouse.move(0, 0)
        page.mouse.up()
    return problems, len(found)
