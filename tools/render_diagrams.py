"""Draw the guide's Mermaid diagrams once, into docs/assets/diagrams/<key>.svg.

Usage: .venv/bin/python tools/render_diagrams.py [--check]

Every ```mermaid fence in docs/ is drawn with the site's pinned Mermaid
(node_modules/mermaid, a dev dependency: run `npm ci`, which ./dev's
`npm ci --omit=dev` leaves out) in the system Chromium (through
Playwright), configured as Material for MkDocs configures it in the browser
(its diagram styles, which colour everything with its ``--md-mermaid-*`` custom
properties, so the one SVG follows the light and dark schemes). The file is
named by a hash of the fence's source (hooks/diagrams.py, which inlines it and
stops the build when a diagram has no current drawing). SVGs no fence uses any
more are removed. --check draws nothing: it lists what is missing or stale and
exits 1 if anything is.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "hooks"))

import diagrams  # noqa: E402 - hooks/ is loaded by path, like MkDocs does
import material  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from tests.support.build import CHROMIUM_ARGS, chromium_path  # noqa: E402

MERMAID = ROOT / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"

# Material's call, from its bundle: mermaid.initialize({startOnLoad:!1,themeCSS:Xn,sequence:{...}}).
INITIALIZE = re.compile(
    r"mermaid\.initialize\(\{startOnLoad:!1,themeCSS:(?P<var>[\w$]+),(?P<rest>sequence:\{[^}]*\})\}\)")

# Drawn in the page, then trimmed: Mermaid's stylesheet covers every kind of
# diagram and look (about 37 KB per diagram), and it defines every arrow head.
# Kept: the style rules that match something in this drawing (tested with the
# drawing in the page, state pseudo-classes aside), the animations those use, and
# the arrow heads the edges use. Mermaid's edge data (data-points) goes too.
RENDER = """async ([id, source, rest]) => {
  mermaid.initialize({ startOnLoad: false, themeCSS: window.__themeCSS, ...rest });
  const { svg } = await mermaid.render(id, source);
  const holder = document.querySelector("article");
  holder.innerHTML = svg;
  const drawing = holder.firstElementChild;
  const style = drawing.querySelector("style");
  const matches = (selector) => {
    try {
      return !!holder.querySelector(selector.replace(/:(hover|focus|focus-visible|active|visited)\\b/g, ""));
    } catch { return false; }
  };
  const kept = [];
  const animations = new Set();
  const keyframes = [];
  for (const rule of style.sheet.cssRules) {
    if (rule instanceof CSSKeyframesRule) { keyframes.push(rule); continue; }
    if (rule instanceof CSSStyleRule && !matches(rule.selectorText)) continue;
    kept.push(rule.cssText);
    for (const m of rule.cssText.matchAll(/animation(?:-name)?:\\s*([\\w-]+)/g)) animations.add(m[1]);
  }
  for (const rule of keyframes) if (animations.has(rule.name)) kept.push(rule.cssText);
  style.textContent = kept.join("");
  const used = new Set();
  for (const el of drawing.querySelectorAll("[marker-start], [marker-end], [marker-mid]")) {
    for (const name of ["marker-start", "marker-end", "marker-mid"]) {
      const m = (el.getAttribute(name) || "").match(/#([^)"']+)/);
      if (m) used.add(m[1]);
    }
  }
  for (const marker of drawing.querySelectorAll("marker")) if (!used.has(marker.id)) marker.remove();
  for (const el of drawing.querySelectorAll("[data-points]")) el.removeAttribute("data-points");
  const out = new XMLSerializer().serializeToString(drawing);
  holder.innerHTML = "";
  return out;
}"""
# Coordinates to a hundredth of a pixel (in attribute values only, never in the labels).
ATTRIBUTE = re.compile(r'="[^"]*"')
LONG_NUMBER = re.compile(r"(\d\.\d{2})\d+")


def tidy(svg: str) -> str:
    # The browser writes the style rules' element names in lower case: SVG's are case-sensitive.
    svg = svg.replace(" foreignobject", " foreignObject")
    return ATTRIBUTE.sub(lambda m: LONG_NUMBER.sub(r"\1", m.group(0)), svg)


def material_assets() -> tuple[str, dict[str, dict[str, str]], Path]:
    """Material's diagram CSS and sequence settings (from its bundle), and its main stylesheet."""
    base = Path(material.__file__).parent / "templates" / "assets"
    bundle = next((base / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    call = INITIALIZE.search(bundle)
    if call is None:
        sys.exit("Material's bundle no longer calls mermaid.initialize as expected: update INITIALIZE")
    var = re.escape(call.group("var"))
    css = re.search(rf'(?<![\w$]){var}="((?:[^"\\]|\\.)*)"', bundle)
    if css is None:
        sys.exit(f"Material's diagram CSS ({call.group('var')}) not found in its bundle")
    sizes = dict(re.findall(r'(\w+):"([^"]*)"', call.group("rest")))
    stylesheet = next((base / "stylesheets").glob("main.*.min.css"))
    return css.group(1).encode().decode("unicode_escape"), {"sequence": sizes}, stylesheet


def fences() -> dict[str, tuple[str, str]]:
    """key -> (page, source) for every Mermaid fence in docs/."""
    found: dict[str, tuple[str, str]] = {}
    for page in sorted((ROOT / "docs").rglob("*.md")):
        for match in diagrams.FENCE.finditer(page.read_text(encoding="utf-8")):
            source = match.group("source")
            found[diagrams.diagram_key(source)] = (page.relative_to(ROOT).as_posix(), source.strip())
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report missing and stale drawings")
    args = parser.parse_args()
    wanted = fences()
    have = {p.stem for p in diagrams.DIAGRAM_DIR.glob("*.svg")}
    missing = sorted(set(wanted) - have)
    stale = sorted(have - set(wanted))
    if args.check:
        for key in missing:
            print(f"missing: {key}.svg for {wanted[key][0]}")
        for key in stale:
            print(f"stale: {key}.svg (no fence uses it)")
        sys.exit(1 if missing or stale else 0)
    if not MERMAID.exists():
        sys.exit(f"{MERMAID} is missing: run `npm ci` (Mermaid is a dev dependency, which ./dev leaves out)")
    browser_path = chromium_path()
    if browser_path is None:
        sys.exit("Chromium not found: install it (apt-get install chromium) or set CHROMIUM_PATH")
    theme_css, rest, stylesheet = material_assets()

    diagrams.DIAGRAM_DIR.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=browser_path, args=CHROMIUM_ARGS)
        page = browser.new_page(color_scheme="light")
        # Material's own page setting, so labels are measured in the font the site shows them in.
        page.set_content('<!doctype html><html><body data-md-color-scheme="default">'
                         '<article class="md-typeset"></article></body></html>')
        page.add_style_tag(path=str(stylesheet))
        page.add_script_tag(path=str(MERMAID))
        page.evaluate("css => { window.__themeCSS = css; }", theme_css)
        for key, (source_page, source) in sorted(wanted.items()):
            svg = page.evaluate(RENDER, [f"rs-diagram-{key}", source, rest])
            if "<title" not in svg:
                sys.exit(f"{source_page}: the diagram has no accTitle (its accessible name): add one")
            (diagrams.DIAGRAM_DIR / f"{key}.svg").write_text(tidy(svg) + "\n", encoding="utf-8")
            print(f"drew {key}.svg for {source_page}")
        browser.close()
    for key in stale:
        (diagrams.DIAGRAM_DIR / f"{key}.svg").unlink()
        print(f"removed {key}.svg (no fence uses it)")


if __name__ == "__main__":
    main()
