"""Guidance tables and diagrams on a phone: every cell and every label can be read.

A table of three columns or more sits in a region of its own (hooks/tables.py) and a diagram in its
block (hooks/diagrams.py): on a phone the region scrolls sideways, never the page; the keyboard can
focus it and scroll it; a shade at an edge shows where more is (docs/assets/css/guide.css), measured
here on the screenshot a person would see. A diagram's labels stay at 11 px or more as drawn on the
screen (font size times the drawing's scale). Screenshots are kept for a visual check (phone and
desktop, light and dark, print).
"""

from __future__ import annotations

import base64
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.support.site import site_pages

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
MIN_LABEL_PX = 11.0

# Each cell of each table in the content: visible as laid out, or inside a named, focusable region
# that, scrolled to the cell, shows the whole cell. Returns what fails, in words.
CELLS = """() => {
  const problems = [];
  const vw = document.documentElement.clientWidth;
  const pageWidth = document.documentElement.scrollWidth;
  if (pageWidth > vw + 1) problems.push(`the page scrolls sideways: ${pageWidth} > ${vw}`);
  const tables = [...document.querySelectorAll("article table")];
  tables.forEach((table, t) => {
    const region = table.closest(".rs-table-region");
    if (region) {
      if (region.getAttribute("tabindex") !== "0") {
        problems.push(`table ${t}: its region cannot take the keyboard's focus`);
      }
      if (region.getAttribute("role") !== "region" || !(region.getAttribute("aria-label") || "").trim())
        problems.push(`table ${t}: its region has no name`);
    }
    for (const cell of table.querySelectorAll("th, td")) {
      const text = cell.innerText.trim();
      if (!text) continue;
      const size = parseFloat(getComputedStyle(cell).fontSize);
      const what = `table ${t} "${text.slice(0, 30)}"`;
      if (size < 12) problems.push(`${what}: ${size}px text`);
      if (cell.scrollWidth > cell.clientWidth + 1) problems.push(`${what}: text cut inside its cell`);
      if (region) {
        const r = region.getBoundingClientRect();
        region.scrollLeft += cell.getBoundingClientRect().left - r.left;
        const c = cell.getBoundingClientRect();
        if (c.left < r.left - 1 || c.right > r.right + 1 || c.right > vw + 1)
          problems.push(`${what}: not all visible after scrolling its region `
            + `(${Math.round(c.left)}-${Math.round(c.right)} in ${Math.round(r.left)}-${Math.round(r.right)})`);
        region.scrollLeft = 0;
      } else {
        const c = cell.getBoundingClientRect();
        if (c.left < -1 || c.right > vw + 1) {
          problems.push(`${what}: cut (${Math.round(c.left)}-${Math.round(c.right)}), and no region scrolls it`);
        }
      }
    }
  });
  return {problems, tables: tables.length, regions: document.querySelectorAll("article .rs-table-region").length};
}"""


def _pages_with_tables(built_site: Path) -> list[str]:
    pages = [rel for rel in site_pages(built_site)
             if "<table" in (built_site / rel / "index.html").read_text(encoding="utf-8")]
    assert "federal-sponsors/" in pages and len(pages) >= 5, pages
    return pages


PHONE_WIDTHS = (360, 375, 390)


def test_every_table_cell_is_readable_on_a_phone_and_the_page_never_scrolls_sideways(
        browser: Browser, built_site: Path, site_url: str) -> None:
    """Each page with a table at each phone width: loaded once, then laid out at each width in turn (the
    page's styles respond to the viewport's width as they do on loading at that width; the tables'
    scrolling regions come with the HTML)."""
    context = browser.new_context(viewport={"width": PHONE_WIDTHS[0], "height": 800}, service_workers="block")
    page = context.new_page()
    problems: list[str] = []
    regions = dict.fromkeys(PHONE_WIDTHS, 0)
    for rel in _pages_with_tables(built_site):
        page.set_viewport_size({"width": PHONE_WIDTHS[0], "height": 800})
        # Loaded: the stylesheets applied and Material's scripts run (its table wrappers are made as the
        # document is ready; the regions come with the HTML, the site loads no fonts). Not "networkidle":
        # half a second without a request each time, 30 times, for nothing the layout waits on.
        page.goto(site_url + rel, wait_until="load")
        for width in PHONE_WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            assert page.evaluate("window.innerWidth") == width
            found = page.evaluate(CELLS)
            regions[width] += found["regions"]
            problems += [f"{width}px /{rel}: {p}" for p in found["problems"]]
    context.close()
    assert min(regions.values()) >= 10, f"the wide tables are not in scrolling regions: {regions}"
    assert problems == [], "\n".join(problems[:40])


def _edges(page: Page, png: bytes) -> dict[str, float]:
    """How far the 8 px at each side of a screenshot are, on average, from the page's background colour
    (0-255 per channel): a shade, text or a line there raises it."""
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    rgb = [int(v) for v in re.findall(r"\d+", background)[:3]]
    viewer = page.context.new_page()  # a blank page decodes the image (no site policy applies there)
    result = viewer.evaluate("""async ([data, bg]) => {
      const img = new Image();
      img.src = "data:image/png;base64," + data;
      await img.decode();
      const canvas = new OffscreenCanvas(img.width, img.height);
      const g = canvas.getContext("2d");
      g.drawImage(img, 0, 0);
      const strip = (x0) => {
        const { data: px } = g.getImageData(x0, 0, 8, img.height);
        let sum = 0;
        for (let i = 0; i < px.length; i += 4) {
          sum += (Math.abs(px[i] - bg[0]) + Math.abs(px[i + 1] - bg[1]) + Math.abs(px[i + 2] - bg[2])) / 3;
        }
        return sum / (px.length / 4);
      };
      return { left: strip(0), right: strip(img.width - 8) };
    }""", [base64.b64encode(png).decode(), rgb])
    viewer.close()
    return result


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_federal_sponsors_table_scrolls_by_keyboard_in_its_region_with_a_visible_cue(
        browser: Browser, site_url: str, scheme: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    shots = tmp_path_factory.mktemp("phone-shots")
    context = browser.new_context(viewport=PHONE, color_scheme=scheme, service_workers="block")
    page = context.new_page()
    page.goto(site_url + "federal-sponsors/")
    page.wait_for_load_state("networkidle")
    region = page.get_by_role("region", name=re.compile("What each agency asks for"))
    expect(region).to_be_visible()
    last = region.get_by_role("columnheader", name="Other rules")
    start = _edges(page, region.screenshot(path=str(shots / f"fed-start-{scheme}.png")))
    # At the start: the fifth column is out of view, and a shade on the right says more is there.
    assert last.bounding_box()["x"] >= PHONE["width"], "the last column was expected out of view on a phone"
    assert start["right"] > 20 and start["right"] > start["left"] + 10, f"no cue on the right: {start}"
    # The keyboard reaches the region (Tab from the section's heading link) and shows where it is.
    page.locator("#by-agency a.headerlink").focus()
    page.keyboard.press("Tab")
    assert region.evaluate("e => e === document.activeElement"), "Tab does not reach the table's region"
    outline = region.evaluate("e => [getComputedStyle(e).outlineStyle, parseFloat(getComputedStyle(e).outlineWidth)]")
    assert outline[0] != "none" and outline[1] >= 2, f"no visible focus on the region: {outline}"
    for _ in range(80):
        box, frame = last.bounding_box(), region.bounding_box()
        if box["x"] + box["width"] <= frame["x"] + frame["width"] + 1:
            break
        page.keyboard.press("ArrowRight")
    box, frame = last.bounding_box(), region.bounding_box()
    assert frame["x"] - 1 <= box["x"] and box["x"] + box["width"] <= frame["x"] + frame["width"] + 1, \
        "the arrow keys did not bring the last column into view"
    wolf = region.get_by_role("cell", name=re.compile("Wolf Amendment")).bounding_box()
    assert frame["x"] - 1 <= wolf["x"] and wolf["x"] + wolf["width"] <= frame["x"] + frame["width"] + 1, \
        "NASA's last cell is not in view beside the last column's header"
    page.evaluate("document.activeElement.blur()")
    end = _edges(page, region.screenshot(path=str(shots / f"fed-end-{scheme}.png")))
    # At the end: the shade has moved to the left, where the first columns now are.
    assert end["left"] > 20 and end["left"] > end["right"] + 10, f"no cue on the left at the end: {end}"
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    page.screenshot(path=str(shots / f"fed-phone-{scheme}.png"))
    context.close()


LABELS = """() => {
  return [...document.querySelectorAll("article .rs-diagram")].map((block) => {
    const svg = block.querySelector("svg");
    const box = svg.getBoundingClientRect();
    const scale = box.width / svg.viewBox.baseVal.width;
    const labels = [...svg.querySelectorAll(".nodeLabel, .edgeLabel, text")].filter((e) => e.textContent.trim());
    const sizes = labels.map((e) => parseFloat(getComputedStyle(e).fontSize) * scale);
    const b = block.getBoundingClientRect();
    return {
      name: block.getAttribute("aria-label") || "", role: block.getAttribute("role"),
      tabindex: block.getAttribute("tabindex"),
      labels: labels.length, smallest: Math.min(...sizes), scale,
      overflow: block.scrollWidth - block.clientWidth, blockRight: b.right, svgWidth: box.width,
      pageWide: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };
  });
}"""

DIAGRAM_PAGES = {"": "Do I need to submit anything", "what-you-provide/": "Information or item"}


def _diagrams(page: Page, url: str) -> list[dict[str, Any]]:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    found = page.evaluate(LABELS)
    assert len(found) == 1, found
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", sorted(DIAGRAM_PAGES))
def test_diagram_labels_are_at_least_11_px_on_a_phone_and_the_diagram_scrolls_in_its_own_region(
        browser: Browser, site_url: str, path: str, scheme: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    shots = tmp_path_factory.mktemp("diagram-shots")
    name = path.strip("/") or "index"
    context = browser.new_context(viewport=PHONE, color_scheme=scheme, service_workers="block")
    page = context.new_page()
    (diagram,) = _diagrams(page, site_url + path)
    assert diagram["labels"] >= 5
    assert diagram["smallest"] >= MIN_LABEL_PX, f"labels drawn at {diagram['smallest']:.1f}px on a phone: {diagram}"
    assert diagram["pageWide"] <= 0, "the page scrolls sideways"
    assert diagram["role"] == "region" and diagram["tabindex"] == "0", diagram
    assert DIAGRAM_PAGES[path] in diagram["name"], diagram
    # Wider than the phone: the region scrolls, and scrolled to its end it shows the drawing's right edge.
    block = page.locator("article .rs-diagram")
    assert diagram["overflow"] > 0
    block.evaluate("e => { e.scrollLeft = e.scrollWidth; }")
    edge = block.evaluate("e => [e.querySelector('svg').getBoundingClientRect().right,"
                          " e.getBoundingClientRect().right]")
    assert edge[0] <= edge[1] + 1, f"the drawing's right edge cannot be reached: {edge}"
    block.evaluate("e => { e.scrollLeft = 0; }")
    block.screenshot(path=str(shots / f"diagram-{name}-phone-{scheme}.png"))
    # On a desktop: drawn at its full size, nothing to scroll.
    page.set_viewport_size(DESKTOP)
    (wide,) = _diagrams(page, site_url + path)
    assert abs(wide["scale"] - 1) < 0.01 and wide["overflow"] <= 0, f"desktop: {wide}"
    block.screenshot(path=str(shots / f"diagram-{name}-desktop-{scheme}.png"))
    # On paper (an A4 page's width at 96 dpi, less margins): whole, nothing cut, labels readable.
    if scheme == "light":
        page.set_viewport_size({"width": 700, "height": 1000})
        page.emulate_media(media="print")
        (printed,) = _diagrams(page, site_url + path)
        assert printed["overflow"] <= 0 and printed["blockRight"] <= 700, f"print: {printed}"
        assert printed["smallest"] >= MIN_LABEL_PX, f"print: {printed}"
        block.screenshot(path=str(shots / f"diagram-{name}-print.png"))
    context.close()


def test_a_wide_table_prints_whole_at_the_pages_width(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 700, "height": 1000}, service_workers="block")
    page = context.new_page()
    page.emulate_media(media="print")
    page.goto(site_url + "federal-sponsors/")
    page.wait_for_load_state("networkidle")
    table = page.locator("article .rs-table-region table")
    box = table.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 700, f"the table is cut on paper: {box}"
    expect(table.get_by_role("columnheader", name="Other rules")).to_be_visible()
    # The Screening page's tables of seven and nine columns (the lists, with ids, addresses and commit numbers
    # that are one long word each; the quality figures) print whole too, their dates and words unbroken.
    page.goto(site_url + "screening/")
    page.wait_for_load_state("networkidle")
    widths = page.evaluate("[...document.querySelectorAll('article table')].map(t => t.getBoundingClientRect().right)")
    assert widths and max(widths) <= 700, f"a table is cut on paper: right edges {widths}"
    lists = page.locator("article table").filter(has=page.get_by_role("columnheader", name="Transcribed from"))
    expect(lists.get_by_role("columnheader", name="Current to")).to_be_visible()
    dates = lists.locator("td").filter(has_text=re.compile(r"^\d{4}-\d{2}-\d{2}$"))
    assert dates.count() >= 5
    lines = dates.first.evaluate("td => { const r = document.createRange(); r.selectNodeContents(td); "
                                 "return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; }")
    assert lines == 1, "a list's date breaks across lines on paper"
    context.close()
