"""Guidance pages in Chromium: diagrams drawn at build time, readable in both
schemes without any diagram script, checklists that keep ticks and print, search without the network,
readable checklist buttons."""

from __future__ import annotations

import json
import re
import tomllib

import pytest
from playwright.sync_api import Page, Route, expect

from tests.support.paths import ROOT
from tests.support.ui import hold_engine


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


DIAGRAM_COLOURS = """() => {
  const svg = document.querySelector("div.mermaid svg");
  if (!svg) return null;
  const label = svg.querySelector(".node .nodeLabel");
  const shape = svg.querySelector(".node rect, .node polygon, .node path");
  const labelledBy = document.getElementById(svg.getAttribute("aria-labelledby") || "");
  return {
    label: getComputedStyle(label).color,
    fill: getComputedStyle(shape).fill,
    background: getComputedStyle(document.body).backgroundColor,
    nodes: svg.querySelectorAll(".node").length,
    title: labelledBy ? labelledBy.textContent : "",
  };
}"""


# path: (part of the accessible title, nodes at least, labels a reader sees)
DIAGRAMS = {
    "": ("submit anything", 8, ["You plan to work with someone abroad", "Register the informal collaboration"]),
    "what-you-provide/": ("Information or item", 5, ["What will you provide?", "Screen the partner first"]),
}


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", sorted(DIAGRAMS))
def test_flowchart_is_drawn_readable_in_light_and_dark_without_a_script(
        browser: object, site_url: str, scheme: str, path: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    title, min_nodes, labels = DIAGRAMS[path]
    context = browser.new_context(color_scheme=scheme, service_workers="block")  # type: ignore[attr-defined]
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    context.route(lambda url: not url.startswith(site_url), lambda route: route.abort())
    page = context.new_page()
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    diagram = page.locator("div.mermaid svg")
    assert diagram.is_visible() and diagram.bounding_box()["height"] > 300, "the diagram is not drawn"
    for text in labels:  # the labels are text a reader sees (and can select, search, translate)
        assert page.locator("div.mermaid").get_by_text(text).is_visible(), f"label {text!r} not visible"
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
    assert [u for u in requests if "mermaid" in u] == [], "a diagram script was requested"
    foreign = [u for u in requests if not u.startswith((site_url, "data:", "blob:"))]
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


# --- "changed since you last looked" and the name check in the search ------------------

SEEN_KEY = "rs-changes-seen"
CHANGES_JSON = "assets/data/changes.json"  # hooks/markers.py CHANGES_JSON: what guide pages read


def _newest_change() -> str:
    entries = tomllib.loads((ROOT / "docs" / "data" / "changes.toml").read_text(encoding="utf-8"))["change"]
    return str(max(entry["date"] for entry in entries))


def _page_no_entry_lists_since(date: str) -> str:
    """A guide page that no change log entry after ``date`` lists (taken from the log, not written here)."""
    entries = tomllib.loads((ROOT / "docs" / "data" / "changes.toml").read_text(encoding="utf-8"))["change"]
    listed = {page for entry in entries if str(entry["date"]) > date for page in entry.get("pages", [])}
    return next(page for page in ("money-and-roles.md", "research-group.md", "travel.md") if page not in listed)


def _log_page_requests(requested: list[str], site_url: str) -> list[str]:
    return [url for url in requested if url.split("#")[0].split("?")[0] in (site_url + "changes/",
                                                                           site_url + "changes/index.html")]


@pytest.mark.browser
def test_changes_since_last_visit_records_first_then_notifies(browser: object, site_url: str) -> None:
    context = browser.new_context(service_workers="block")  # type: ignore[attr-defined]
    foreign: list[str] = []
    requested: list[str] = []
    context.on("request", lambda r: None if r.url.startswith((site_url, "data:", "blob:")) else foreign.append(r.url))
    context.on("request", lambda r: requested.append(r.url))
    page = context.new_page()
    # First visit: the newest date of the log is recorded, and nothing is shown.
    page.goto(site_url + "know-your-collaborator/")
    page.wait_for_function(f"() => localStorage.getItem('{SEEN_KEY}') !== null", timeout=15_000)
    assert page.evaluate(f"localStorage.getItem('{SEEN_KEY}')") == _newest_change()
    assert page.get_by_text("Updated since your last visit").count() == 0

    # A later visit, last seen on 1 January 2026: the entries since then that list this page.
    page.evaluate(f"localStorage.setItem('{SEEN_KEY}', '2026-01-01')")
    page.reload()
    notice = page.locator(".guide-updated")
    expect(notice).to_be_visible(timeout=15_000)
    expect(notice).to_contain_text("Updated since your last visit")
    text = notice.inner_text()
    assert "Updated since your last visit" in text
    assert "FY2025 Section 1286 list published (2026-07-23)" in text
    assert "Defense Department decision matrix: five-year look-back (2026-03-09)" in text
    assert "Cambodia" not in text, "an entry older than the last visit is not new"
    assert "NIH" not in text, "an entry that does not list this page is not shown here"
    link = notice.get_by_role("link", name="FY2025 Section 1286 list published")
    assert link.get_attribute("href") == site_url + "changes/#change-section-1286-fy25"
    title = page.locator("article h1")
    assert title.evaluate("(h, n) => h.nextElementSibling === n", notice.element_handle()), "notice under the title"
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path="/tmp/guideui-notice-phone.png")

    # A page that no new entry lists shows nothing.
    page.goto(site_url + _page_no_entry_lists_since("2026-01-01").removesuffix(".md") + "/")
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("Updated since your last visit").count() == 0

    # Guide pages read the small data file, never the whole log page.
    assert site_url + CHANGES_JSON in requested
    assert _log_page_requests(requested, site_url) == [], "a guide page fetched the log page for its data"

    # The log marks the new entries, then counts them as seen.
    page.goto(site_url + "changes/")
    page.locator(".guide-new").first.wait_for(timeout=15_000)
    badges = page.locator("tr.guide-changes__new .guide-new")
    entries = tomllib.loads((ROOT / "docs" / "data" / "changes.toml").read_text(encoding="utf-8"))["change"]
    new = sum(1 for entry in entries if str(entry["date"]) > "2026-01-01")  # since the visit set above
    assert badges.count() == new and badges.first.inner_text() == "New since your last visit"
    assert page.locator("#change-nih-common-forms .guide-new").is_visible()
    assert page.locator("#change-fy26-ndaa-1286 .guide-new").count() == 0
    assert f"{new} changes are new since your last visit" in page.locator(".guide-updated").inner_text()
    assert page.evaluate(f"localStorage.getItem('{SEEN_KEY}')") == _newest_change()
    page.goto(site_url + "know-your-collaborator/")
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("Updated since your last visit").count() == 0
    context.close()
    assert foreign == [], f"requests left the site: {foreign}"


# What the route answers for the data file, and the notice's text a reader then sees ("" for none).
THIS_PAGE = ["know-your-collaborator/"]
DATA_ANSWERS = {
    "valid": (200, {"changes": [{"id": "x", "date": "2026-09-01", "title": "A change here", "pages": THIS_PAGE}]},
              "A change here (2026-09-01)"),
    "not JSON": (200, "<!doctype html><p>Not found</p>", ""),
    "cut short": (200, '{"changes": [{"id": "x", "date": "2026-09-01"', ""),
    "null": (200, None, ""),
    "not a list": (200, {"changes": "2026-09-01"}, ""),
    "bad date": (200, {"changes": [{"id": "x", "date": "September 2026", "title": "Bad date", "pages": THIS_PAGE}]},
                 ""),
    "title not text": (200, {"changes": [{"id": "x", "date": "2026-09-01", "title": 5, "pages": THIS_PAGE}]}, ""),
    "missing (404)": (404, "Not found", ""),
    "server error (500)": (500, {"changes": [{"id": "x", "date": "2026-09-01", "title": "Error page",
                                              "pages": THIS_PAGE}]}, ""),
}


@pytest.mark.browser
@pytest.mark.parametrize("case", list(DATA_ANSWERS))
def test_a_bad_or_missing_change_data_file_shows_nothing_and_breaks_nothing(
        page: Page, site_url: str, case: str) -> None:
    status, body, shown = DATA_ANSWERS[case]
    answered: list[str] = []

    def answer(route: Route) -> None:
        answered.append(route.request.url)
        text = body if isinstance(body, str) else json.dumps(body)
        route.fulfill(status=status, content_type="application/json", body=text)

    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.context.add_init_script(f"localStorage.setItem('{SEEN_KEY}', '2026-01-01')")  # a returning reader
    page.route(site_url + CHANGES_JSON, answer)
    page.goto(site_url + "know-your-collaborator/")
    page.wait_for_load_state("networkidle")
    assert answered == [site_url + CHANGES_JSON]
    notice = page.locator(".guide-updated")
    if shown:  # the control: the same timing, a good file
        expect(notice).to_be_visible(timeout=15_000)
        expect(notice).to_contain_text("Updated since your last visit", use_inner_text=True)
        expect(notice.get_by_role("listitem")).to_have_text([shown], use_inner_text=True)
    else:
        assert page.get_by_text("Updated since your last visit").count() == 0
        assert notice.count() == 0
    expect(page.locator("article h1")).to_be_visible()  # the page itself is unharmed
    assert errors == []


@pytest.mark.browser
def test_search_offers_the_name_check_for_the_query(browser: object, site_url: str) -> None:
    context = browser.new_context(service_workers="block")  # type: ignore[attr-defined]
    context.route(lambda url: not url.startswith(site_url), lambda route: route.abort())
    page = context.new_page()
    hold_engine(page)  # the name reaches the form by the page itself, before and without the engine
    page.goto(site_url + "travel/")
    query = page.locator("input.md-search__input")
    query.click()
    query.press_sequentially("Harbin Institute of Technology", delay=10)
    entry = page.get_by_role("link", name="Check 'Harbin Institute of Technology' against the restricted-party lists")
    entry.wait_for(timeout=10_000)
    assert entry.is_visible()
    assert entry.get_attribute("href") == (
        site_url + "self-assessment/?activity=names#name=Harbin%20Institute%20of%20Technology")
    page.screenshot(path="/tmp/guideui-search-desktop.png")

    # Markup in the query is shown as text, never parsed.
    query.fill("")
    query.press_sequentially("<b>Acme</b> & Sons", delay=10)
    box = page.locator(".guide-name-check")
    page.wait_for_function("() => document.querySelector('.guide-name-check a').textContent.includes('Sons')")
    assert box.locator("b").count() == 0
    assert box.get_by_role("link").inner_text() == "Check '<b>Acme</b> & Sons' against the restricted-party lists"
    assert box.get_by_role("link").get_attribute("href").endswith("name=%3Cb%3EAcme%3C%2Fb%3E%20%26%20Sons")

    # An empty query hides the entry; the link opens the assessment's name check.
    query.fill("")
    query.dispatch_event("input")
    assert box.is_hidden()
    query.press_sequentially("Acme Photonics", delay=10)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    box.get_by_role("link").click()
    page.wait_for_url("**/self-assessment/?activity=names*")
    # The name reaches the form, never the server (it travels in the fragment), and leaves the address bar.
    expect(page.locator("#rs-q-partners textarea").first).to_have_value("Acme Photonics", timeout=10_000)
    assert not [url for url in requested if "Acme" in url], requested
    assert "Acme" not in page.url
    context.close()
