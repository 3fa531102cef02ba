"""Browser helpers shared by the browser tier: Content-Security-Policy violations as the page reports them."""

from __future__ import annotations

from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Page, expect

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
    AbortError, which is not a failure here. An animation that repeats for ever (a spinner) never ends:
    it is left alone.
    """
    page.evaluate("""Promise.allSettled(document.getAnimations()
      .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity).map((a) => a.finished))""")


def switch_scheme(page: Page, scheme: str) -> None:
    """The system's colour scheme becomes `scheme` ("light" or "dark") on the open page, as when a reader's
    system switches at dusk: Material follows it at once (the page is not loaded again). Loading a page in
    either scheme is checked on the walk of every page (test_accessibility.py).

    What is measured next is the colours the page settles on. Material fades colours in over 125 ms, and a
    section off screen (content-visibility: auto) runs that fade only when it is next shown, so axe, which
    scrolls to each element as it measures it, would read it half-way: the page's transitions are turned
    off first (a constructed style sheet, which the page's Content-Security-Policy allows like its own)."""
    page.evaluate("""() => {
      if (window.__rsNoTransitions) return;
      const sheet = new CSSStyleSheet();
      sheet.replaceSync("*, *::before, *::after { transition: none !important; }");
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      window.__rsNoTransitions = true;
    }""")
    page.emulate_media(color_scheme=scheme)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate" if scheme == "dark" else "default")
    settle_animations(page)


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


def described_violations(page: Page, where: str, context: str | None = None, *, colours_only: bool = False
                         ) -> list[str]:
    """axe's violations once animations have settled, each with the first three elements and why they fail."""
    settle_animations(page)
    return [f"{where}: {v['id']} ({v['impact']}): "
            + "; ".join(f"{n['target']} {n.get('failureSummary', '')[:160]!r}" for n in v["nodes"][:3])
            for v in axe_violations(page, context, colours_only=colours_only)]


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
    before going up: no click); the violations and how many controls were checked. Hovering and pressing
    change a control's colours only: axe's rules that measure colours (the others have run at rest)."""
    problems: list[str] = []
    found = controls(page)
    for selector in found:
        button = page.locator(selector)
        button.scroll_into_view_if_needed()
        button.hover()
        problems += described_violations(page, f"{where} hovered {selector}", selector, colours_only=True)
        page.mouse.down()
        problems += described_violations(page, f"{where} pressed {selector}", selector, colours_only=True)
        page.mouse.move(0, 0)
        page.mouse.up()
    return problems, len(found)
