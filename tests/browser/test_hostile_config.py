"""Hostile configuration values in real builds and real Chromium: each either stops
the build with a message naming the key, or ends up as inert text on pages whose
Content-Security-Policy is the first element of <head>. And a name with private-use or
lone-surrogate characters shows the panel of what the engine matched (the engine cleans
names, the page does not)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.support.build import build_site
from tests.support.edits import edit_config
from tests.support.server import ServerOptions, serve
from tests.support.site import page_sources, site_pages
from tests.support.ui import fill_answers, wait_ready
from tests.unit.test_hostile_inputs import HOSTILE_CONFIGS

pytestmark = pytest.mark.browser
CSP_START = '<meta http-equiv="Content-Security-Policy"'


# --- refused --------------------------------------------------------------------

REFUSED = {
    **{case: (text, key) for case, (text, key, _) in HOSTILE_CONFIGS.items() if case != "1 MB name"},
    "http form link": (edit_config(r'^url = "https://forms.example.edu/coi-disclosure"$',
                             'url = "http://forms.example.edu/coi"'), "forms.coi_disclosure.url"),
}


# The loader refuses every case without a build (tests/unit/test_hostile_inputs.py, and the http://
# form's warning in tests/unit/test_config.py); these real builds show each kind of refusal, an error
# and a warning under --strict, stopping `mkdocs build` naming the key.
@pytest.mark.parametrize("case", ["title breakout", "http form link"])
def test_hostile_configuration_stops_the_build_naming_the_key(case: str, tmp_path: Path) -> None:
    text, key = REFUSED[case]
    config = tmp_path / "institution.toml"
    config.write_text(text, encoding="utf-8")
    proc = build_site(tmp_path / "site", config=config)
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0, f"{case}: the build passed"
    assert key in output, output[-2000:]
    assert not (tmp_path / "site/index.html").exists() or "alert(" not in (tmp_path / "site/index.html").read_text()


# --- accepted but hostile-looking: inert text ---------------------------------------

# No < > or " (refused), but entities, ampersands and apostrophes that a careless template would decode.
SHORT_NAME = "EU &lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt; & Co's"
NAME = "Queen's R&D &lt;img src=x onerror=alert(1)&gt;"
LABEL = "R&D office &#x3c;b onmouseover=alert(2)&#x3e;"
TITLE = "Export &amp; review &lt;/a&gt;&lt;script&gt;alert(6)&lt;/script&gt;"


@pytest.fixture(scope="module")
def entity_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    text = edit_config(r"^short_name = .*$", f'short_name = "{SHORT_NAME}"')
    text = edit_config(r'^name = "Example University"$', f'name = "{NAME}"', text)
    text = edit_config(r'^label = "Research security office"$', f'label = "{LABEL}"', text)
    text = edit_config(r'^title = "Export control review request"$', f'title = "{TITLE}"', text)
    folder = tmp_path_factory.mktemp("entity-config")
    config = folder / "institution.toml"
    config.write_text(text, encoding="utf-8")
    dest = folder / "site"
    proc = build_site(dest, config=config)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return dest


class _Head(HTMLParser):
    """The first start tag inside <head>, and every inline script that could run (no src, not JSON data)."""

    def __init__(self) -> None:
        super().__init__()
        self.in_head = False
        self.first: tuple[str, dict[str, str | None]] | None = None
        self.inline_scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "head":
            self.in_head = True
        elif self.in_head and self.first is None:
            self.first = (tag, dict(attrs))
        if tag == "script" and not dict(attrs).get("src") and dict(attrs).get("type") != "application/json":
            self.inline_scripts += 1


def test_every_page_starts_its_head_with_the_csp_and_has_no_inline_script(entity_site: Path) -> None:
    for name, html in page_sources(entity_site).items():
        if name.startswith("assets/"):
            continue
        parser = _Head()
        parser.feed(html)
        assert parser.first is not None and parser.first[0] == "meta", name
        assert parser.first[1].get("http-equiv") == "Content-Security-Policy", f"{name}: {parser.first}"
        policy = parser.first[1].get("content") or ""
        # 404.html runs no script at all (default-src 'none'); every other page only its own.
        assert "script-src 'self'" in policy or (name == "404.html" and "default-src 'none'" in policy), name
        assert parser.inline_scripts == 0, f"{name}: an inline script"
        assert "<script>alert" not in html and "<img src=x" not in html, name


@pytest.mark.parametrize("path", ["", "contacts/", "self-assessment/"])
def test_values_are_inert_text_in_chromium(entity_site: Path, page: Page, path: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    with serve(entity_site, ServerOptions()) as url:
        page.goto(url + path)
        head_first = page.evaluate("() => document.head.firstElementChild.outerHTML")
        assert head_first.startswith(CSP_START)
        # The title shows the configured text literally (escaped once by the template).
        assert "&lt;/title&gt;&lt;script&gt;" in page.title()
        runnable = "script:not([src]):not([type='application/json']), img[src='x'], b[onmouseover]"
        assert page.locator(runnable).count() == 0
        banner = page.locator(".rs-example-banner")
        expect(banner).to_contain_text("R&D &lt;img src=x onerror=alert(1)&gt;")
        if path == "contacts/":
            expect(page.locator("#contact-research_security")).to_contain_text("&#x3c;b onmouseover=alert(2)&#x3e;")
            expect(page.locator("#form-export-control-review a")).to_have_text(TITLE)
        if path == "self-assessment/":
            wait_ready(page)
        page.wait_for_load_state("networkidle")  # every script has loaded and run: a dialog would have opened
    assert dialogs == []
    assert site_pages(entity_site)


# --- item 5: the page shows exactly what the engine matched -------------------------

def test_names_with_private_use_and_lone_surrogates_show_their_match(assessment: Page) -> None:
    page = assessment
    fill_answers(page, {"activities": ["collaboration"], "collaboration_type": "informal"})
    textarea = page.locator("#rs-q-partners textarea")
    # Built in the page: a lone surrogate does not survive the trip through Playwright's protocol.
    textarea.evaluate("""el => {
        el.value = "N\\uE000U\\uF8FFDT\\n" + "National University of Defense" + String.fromCharCode(0xD800)
                   + " Technology";
        el.dispatchEvent(new Event("input", { bubbles: true }));
    }""")
    panel = page.locator("#rs-q-partners .rs-screening")
    entries = panel.locator(".rs-screen")
    expect(entries).to_have_count(2, timeout=15_000)
    for i, shown in enumerate(["NUDT", "National University of Defense Technology"]):
        entry = entries.nth(i)
        expect(entry).to_have_attribute("data-outcome", re.compile("^(high|prohibited)$"))
        expect(entry.locator("strong").first).to_have_text(shown)
        expect(entry.locator("[data-match='true']")).not_to_have_count(0)
