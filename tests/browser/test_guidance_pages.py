"""Guidance pages in Chromium: diagrams drawn from the site's own Mermaid in both
schemes, checklists that keep ticks and print, search without the network,
readable checklist buttons."""

from __future__ import annotations

import re

import pytest


def _rgba(css_color: str) -> tuple[float, float, float, float]:
    values = [float(v) for v in re.findall(r"[\d.]+", css_color)]
    return values[0], values[1], values[2], values[3] if len(values) > 3 else 1.0


def _over(top: str | tuple[float, ...], bottom: tuple[float, ...]) -> tuple[float, float, float, float]:
    """Composite a translucent colour over an opaque one, as the browser paints it."""
    r, g, b, a = _rgba(top) if isinstance(top, str) else top
    return (r * a + bottom[0] * (1 - a), g * a + bottom[1] * (1 - a), b * a + bottom[2] * (1 - a), 1.0)


def _luminance(colour: tuple[float, ...]) -> float:
    linear = [c / 255 / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in colour[:3]]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(label: str, fill: str, background: str) -> float:
    """WCAG contrast of node label text against the node as painted over the page background."""
    node = _over(fill, _rgba(background))
    text = _over(label, node)
    high, low = sorted((_luminance(text), _luminance(node)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# Material draws diagrams in a closed shadow root; open it (in the test only) to inspect the SVG.
OPEN_SHADOW_ROOTS = """(() => {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (options) { return attach.call(this, { ...options, mode: "open" }); };
})();"""
DIAGRAM_COLOURS = """() => {
  const host = document.querySelector("div.mermaid");
  const root = host && host.shadowRoot;
  const svg = root && root.querySelector("svg");
  if (!svg) return null;
  const label = root.querySelector(".node .nodeLabel, .node text");
  const shape = root.querySelector(".node rect, .node polygon, .node path");
  let background = getComputedStyle(document.body).backgroundColor;
  return {
    label: getComputedStyle(label).color || getComputedStyle(label).fill,
    fill: getComputedStyle(shape).fill,
    background,
    nodes: root.querySelectorAll(".node").length,
    title: (svg.querySelector("title") || {}).textContent || "",
  };
}"""


DIAGRAMS = {"": ("submit anything", 8), "what-you-provide/": ("Information or item", 5)}


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", sorted(DIAGRAMS))
def test_flowchart_renders_from_the_site_in_light_and_dark(
        browser: object, site_url: str, scheme: str, path: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    title, min_nodes = DIAGRAMS[path]
    context = browser.new_context(color_scheme=scheme, service_workers="block")  # type: ignore[attr-defined]
    foreign: list[str] = []
    context.on("request", lambda r: None if r.url.startswith((site_url, "data:", "blob:")) else foreign.append(r.url))
    context.route(lambda url: not url.startswith(site_url), lambda route: route.abort())
    context.add_init_script(OPEN_SHADOW_ROOTS)
    page = context.new_page()
    page.goto(site_url + path)
    page.wait_for_function("() => !!document.querySelector('div.mermaid')?.shadowRoot?.querySelector('svg')",
                           timeout=30_000)
    colours = page.evaluate(DIAGRAM_COLOURS)
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.dataset.mdColorScheme") == expected
    assert colours["nodes"] >= min_nodes, "the flowchart lost nodes"
    assert title in colours["title"], "the diagram has no accessible title"
    contrast = _contrast(colours["label"], colours["fill"], colours["background"])
    assert contrast >= 4.5, f"{scheme}: node labels hard to read ({contrast:.1f}:1): {colours}"
    shot = tmp_path_factory.mktemp("shots") / f"flowchart-{path.strip('/') or 'index'}-{scheme}.png"
    page.locator("div.mermaid").screenshot(path=str(shot))  # kept for a visual check of both schemes
    context.close()
    assert foreign == [], f"requests left the site: {foreign}"


@pytest.mark.browser
def test_checklist_ticks_persist_reset_and_print(browser: object, site_url: str) -> None:
    context = browser.new_context(service_workers="block")  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(site_url + "checklists/visitor/")
    tools = page.locator(".guide-checklist__tools")
    tools.wait_for(state="visible")
    progress = page.locator("[data-done]")
    first = page.locator("#vi-screen-check")
    # Keyboard only: focus the checkbox by its label's accessible name and tick it with Space.
    page.get_by_role("checkbox", name=re.compile("collaborator screening questions")).focus()
    page.keyboard.press("Space")
    page.get_by_label(re.compile("who pays for the visitor")).check()
    assert progress.inner_text() == "2"
    stored = page.evaluate("JSON.parse(localStorage.getItem('rs-checklist:visitor'))")
    assert stored == {"vi-screen": True, "vi-funding": True}
    page.reload()
    assert first.is_checked() and page.locator("#vi-funding-check").is_checked()
    assert not page.locator("#vi-lab-work-check").is_checked()
    assert page.locator("[data-done]").inner_text() == "2"

    page.emulate_media(media="print")
    assert page.locator(".md-header").is_hidden() and page.locator(".md-sidebar--primary").is_hidden()
    assert page.get_by_role("button", name=re.compile("Reset")).is_hidden()
    assert first.is_visible() and first.is_checked()
    page.emulate_media(media="screen")

    page.get_by_role("button", name=re.compile("Reset")).click()
    assert not first.is_checked() and page.locator("[data-done]").inner_text() == "0"
    assert page.evaluate("localStorage.getItem('rs-checklist:visitor')") is None
    # Another checklist keeps its own state.
    page.goto(site_url + "checklists/travel/")
    page.locator(".guide-checklist__tools").wait_for(state="visible")
    assert page.locator("[data-done]").inner_text() == "0"
    context.close()


@pytest.mark.browser
def test_search_finds_guidance_without_the_network(browser: object, site_url: str) -> None:
    context = browser.new_context(service_workers="block")  # type: ignore[attr-defined]
    context.route(lambda url: not url.startswith(site_url), lambda route: route.abort())
    page = context.new_page()
    # Wait until the search worker has fetched the index, so the query is not typed into a cold search.
    with page.expect_response(lambda r: r.url.endswith("search/search_index.json")):
        page.goto(site_url + "travel/")
    page.wait_for_load_state("networkidle")
    query = page.locator("input.md-search__input")
    query.click()
    query.press_sequentially("deemed export", delay=20)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15_000)
    titles = " ".join(page.locator(".md-search-result__item h1").all_inner_texts())
    assert "Hosting visitors" in titles, f"search for 'deemed export' found: {titles}"
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_checklist_buttons_are_readable_in_both_schemes(browser: object, site_url: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme, service_workers="block")  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(site_url + "checklists/shipping/")
    button = page.get_by_role("button", name=re.compile("Reset"))
    button.wait_for()
    colour = button.evaluate("b => getComputedStyle(b).color")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert _contrast(colour, "rgba(0, 0, 0, 0)", background) >= 4.5, f"{scheme}: {colour} on {background}"
    context.close()
