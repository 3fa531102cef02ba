"""The site's copies of Material's inline start-up scripts (site_src/md-storage.js, md-palette.js,
md-content.js: files, because the CSP allows no inline script) do what the installed theme's own scripts
do. The theme's scripts are read from the installed mkdocs-material and run on a page of the built site,
next to the copies, in real Chromium; a theme upgrade that changes them fails here.

overrides/main.html also edits the theme's rendered script block (defer, the bundle after the engine, the
search worker): tests/site/test_content.py checks the result on every page, and test_browser.py that
Material then works."""

from __future__ import annotations

import json
import re
from pathlib import Path

import material
import pytest
from playwright.sync_api import Browser, Page

from tests.support.paths import ROOT

pytestmark = pytest.mark.browser

PARTIALS = Path(material.__file__).parent / "templates" / "partials" / "javascripts"
COPIES = {"base.html": "md-storage.js", "palette.html": "md-palette.js", "content.html": "md-content.js"}


def _theme_script(partial: str, scope: str) -> str:
    """The installed theme's inline script of ``partial``, rendered as the theme renders it for this site."""
    text = (PARTIALS / partial).read_text(encoding="utf-8")
    text = re.sub(r"\{#.*?#\}", "", text, flags=re.S)
    # The one conditional block (content.tabs.link) is left out: the site does not enable that feature.
    text = re.sub(r"\{% if \"content\.tabs\.link\" in features %\}.*?\{% endif %\}", "", text, flags=re.S)
    text = text.replace("{{ config.extra.scope | d(base_url) }}", scope)
    assert "{{" not in text and "{%" not in text, f"{partial}: a template expression this test does not know"
    scripts = re.findall(r"<script>(.*?)</script>", text, flags=re.S)
    assert len(scripts) == 1, f"{partial}: {len(scripts)} inline scripts"
    return scripts[0]


def test_the_overrides_replace_the_theme_partials_and_no_inline_script_is_left(built_site: Path) -> None:
    for partial, copy in COPIES.items():
        override = (ROOT / "overrides" / "partials" / "javascripts" / partial).read_text(encoding="utf-8")
        assert f"assets/js/{copy}" in override and "<script>" not in override, partial
    # Any other inline script of the theme (a feature switched on, a new partial) would be refused by the CSP.
    for path in sorted(built_site.rglob("*.html")):
        for tag in re.findall(r"<script\b[^>]*>", path.read_text(encoding="utf-8")):
            assert " src=" in tag or 'type="application/json"' in tag, f"{path.relative_to(built_site)}: {tag}"


def _page(browser: Browser, site_url: str, scheme: str, path: str = "") -> Page:
    # The theme's scripts are inline: this page alone lets them run, to compare them with the copies.
    context = browser.new_context(color_scheme=scheme, bypass_csp=True, service_workers="block")
    page = context.new_page()
    page.goto(site_url + path)
    return page


def test_the_storage_helpers_match_the_theme(browser: Browser, site_url: str) -> None:
    page = _page(browser, site_url, "light")
    scope = page.get_attribute("[data-md-scope]", "data-md-scope")
    theme = _theme_script("base.html", scope)
    probe = """async ([theme]) => {
      const run = () => ({scope: __md_scope.href, hash: ["", "abc", "Partner \u00e9", "x".repeat(500)].map(__md_hash),
        get: (localStorage.setItem(__md_scope.pathname + ".__k", '{"a":[1,"b"]}'), __md_get("__k")),
        set: (__md_set("__k2", {index: 1, color: {scheme: "slate"}}),
              localStorage.getItem(__md_scope.pathname + ".__k2")),
        session: (__md_set("__s", [1], sessionStorage), __md_get("__s", sessionStorage))});
      const copy = run();
      localStorage.clear(); sessionStorage.clear();
      (0, eval)(theme);
      return [copy, run()];
    }"""
    copy, original = page.evaluate(probe, [theme])
    assert copy == original
    # The copy's one addition: a stored value that is not JSON reads as nothing and is removed (the theme throws).
    page.reload()
    damaged = """([theme]) => { const key = __md_scope.pathname + ".__palette"; localStorage.setItem(key, "{");
      const copy = [__md_get("__palette"), localStorage.getItem(key)];
      localStorage.setItem(key, "{");
      let thrown = false; try { (0, eval)(theme); __md_get("__palette"); } catch { thrown = true; }
      return [copy, thrown]; }"""
    assert page.evaluate(damaged, [theme]) == [[None, None], True]
    page.context.close()


PALETTE_PROBE = """([theme, stored]) => {
  const body = document.body;
  const attrs = () => Object.fromEntries([...body.attributes].filter((a) => a.name.startsWith("data-md-color-"))
    .map((a) => [a.name, a.value]));
  const clear = () => { for (const name of Object.keys(attrs())) body.removeAttribute(name); };
  const key = __md_scope.pathname + ".__palette";
  const runCopy = () => { const s = document.createElement("script"); s.src = COPY; document.body.append(s);
    return new Promise((resolve) => { s.onload = resolve; }); };
  return (async () => {
    clear(); if (stored === null) localStorage.removeItem(key); else localStorage.setItem(key, stored);
    await runCopy(); const copy = attrs();
    clear(); if (stored === null) localStorage.removeItem(key); else localStorage.setItem(key, stored);
    (0, eval)(theme); const original = attrs();
    return [copy, original];
  })();
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_palette_restore_matches_the_theme(browser: Browser, site_url: str, scheme: str) -> None:
    page = _page(browser, site_url, scheme)
    theme = _theme_script("palette.html", page.get_attribute("[data-md-scope]", "data-md-scope") or "")
    copy_url = page.get_attribute("script[src*='md-palette.js']", "src")
    options = page.locator("input[name='__palette']")
    stored = []
    for index in range(options.count()):
        color = {key: options.nth(index).get_attribute(f"data-md-color-{key}")
                 for key in ("media", "scheme", "primary", "accent")}
        stored.append({"index": index, "color": {k: v for k, v in color.items() if v is not None}})
    assert stored, "the site has no palette options"
    probe = PALETTE_PROBE.replace("COPY", repr(copy_url))
    for palette in stored:
        copy, original = page.evaluate(probe, [theme, json.dumps(palette)])
        assert copy == original, palette
    # The copy's one addition: with nothing stored it applies the first option (the system's scheme) at once,
    # where the theme waits for its bundle. The theme still sets nothing then (else the addition is redundant).
    copy, original = page.evaluate(probe, [theme, None])
    assert original == {} and copy["data-md-color-scheme"] == ("slate" if scheme == "dark" else "default")
    page.context.close()


def test_the_tab_anchor_script_matches_the_theme(browser: Browser, site_url: str) -> None:
    page = _page(browser, site_url, "light")
    theme = _theme_script("content.html", "")
    copy_url = page.get_attribute("script[src*='md-content.js']", "src")
    # From either state of the tab, so that a script that does nothing cannot pass for one that does.
    probe = """async ([theme, copyUrl, name, hash]) => {
      const input = Object.assign(document.createElement("input"), {type: "radio", id: "probe-tab", name});
      document.body.append(input);
      location.hash = hash;
      const results = [];
      for (const start of [false, true]) {
        input.checked = start;
        const s = document.createElement("script"); s.src = copyUrl; document.body.append(s);
        await new Promise((resolve) => { s.onload = resolve; });
        const copy = input.checked;
        input.checked = start;
        (0, eval)(theme);
        results.push([copy, input.checked]);
      }
      input.remove();
      return results;
    }"""
    for name, hash_ in (("__tabbed_1", "probe-tab"), ("other", "probe-tab"), ("__tabbed_2", "elsewhere")):
        for copy, original in page.evaluate(probe, [theme, copy_url, name, hash_]):
            assert copy == original, (name, hash_)
    page.context.close()
