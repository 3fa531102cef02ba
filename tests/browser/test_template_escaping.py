"""The templates escape every configuration value themselves, whatever the validator let through:
the site is built with the validator's markup check switched off and configuration values that
are markup (in the site name, which Material's header and navigation print raw, in attributes
too; the institution's name; a contact's label; a form's title). Every page then shows them as
text: no element, attribute or script comes from them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.support.paths import ROOT
from tests.support.server import serve
from tests.support.site import page_sources

pytestmark = pytest.mark.browser

DEFAULT = (ROOT / "institution.toml").read_text(encoding="utf-8")
SHORT_NAME = 'EU"><img src=x onerror=alert(1)><b id=injected-short>'
NAME = "<img src=x onerror=alert(2)><b id=injected-name>Uni</b>"
LABEL = "<b id=injected-label onmouseover=alert(3)>Office</b>"
TITLE = '</a><script>alert(4)</script><a id="injected-title" href="https://evil.test/">'
INJECTED = ("injected-short", "injected-name", "injected-label", "injected-title")

# The build, with the one check that refuses markup in plain-text values turned off (an empty set
# of markup characters): what the templates do alone is what is tested.
WITHOUT_MARKUP_CHECK = (
    "import sys\n"
    "import assessments.config\n"
    "assessments.config._MARKUP = frozenset()\n"
    "from mkdocs.__main__ import cli\n"
    "sys.argv = ['mkdocs', 'build', '--strict', '--site-dir', sys.argv[1]]\n"
    "cli()\n"
)


def _set_literal(text: str, pattern: str, value: str) -> str:
    # TOML literal strings ('...') take " and < as they are.
    out, count = re.subn(pattern, lambda m: f"{m.group(1)} = '{value}'", text, count=1, flags=re.M)
    assert count == 1, pattern
    return out


@pytest.fixture(scope="module")
def markup_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    text = _set_literal(DEFAULT, r"^(short_name) = .*$", SHORT_NAME)
    text = _set_literal(text, r'^(name) = "Example University"$', NAME)
    text = _set_literal(text, r'^(label) = "Research security office"$', LABEL)
    text = _set_literal(text, r'^(title) = "Export control review request"$', TITLE)
    folder = tmp_path_factory.mktemp("markup-config")
    config = folder / "institution.toml"
    config.write_text(text, encoding="utf-8")
    dest = folder / "site"
    env = {k: v for k, v in os.environ.items() if k != "RS_CONFIG"}
    env.update(RS_CONFIG=str(config), NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run([sys.executable, "-c", WITHOUT_MARKUP_CHECK, str(dest)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=1200, check=False)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return dest


def test_the_validator_is_really_off() -> None:
    """The control: with the check on, the same values stop the build's configuration."""
    import assessments.config  # noqa: PLC0415

    text = _set_literal(DEFAULT, r"^(short_name) = .*$", SHORT_NAME)
    with pytest.raises(assessments.ConfigError, match="markup"):
        assessments.config.parse_config(text, "institution.toml")


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.handlers: list[str] = []
        self.inline_scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.ids.append(values.get("id") or "")
        self.handlers += [f"{tag} {name}" for name, _ in attrs if name.startswith("on")]
        if tag == "script" and not values.get("src") and values.get("type") != "application/json":
            self.inline_scripts += 1


def test_no_page_has_an_element_or_attribute_from_the_configuration(markup_site: Path) -> None:
    pages = {name: html for name, html in page_sources(markup_site).items() if not name.startswith("assets/")}
    assert len(pages) > 20
    for name, html in pages.items():
        parser = _Elements()
        parser.feed(html)
        assert not set(INJECTED) & set(parser.ids), f"{name}: an element from the configuration"
        assert parser.handlers == [], f"{name}: {parser.handlers}"
        assert parser.inline_scripts == 0, f"{name}: an inline script"
    # The values are there, as text (the header and navigation of every page carry the site name).
    index = pages["index.html"]
    assert "EU&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in index or "EU&quot;&gt;&lt;img" in index


@pytest.mark.parametrize("path", ["", "contacts/", "self-assessment/"])
def test_values_show_as_text_in_chromium(markup_site: Path, page: Page, path: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    with serve(markup_site) as url:
        page.goto(url + path)
        for injected in INJECTED:
            assert page.locator(f"#{injected}").count() == 0, injected
        assert page.locator("img[src='x'], [onerror], [onmouseover]").count() == 0
        # What a reader sees: the configured text, literally.
        expect(page.locator(".md-header__topic").first).to_contain_text(SHORT_NAME, use_inner_text=True)
        assert SHORT_NAME in page.title()
        expect(page.locator(".rs-example-banner")).to_contain_text(NAME)
        if path == "contacts/":
            expect(page.locator("#contact-research_security")).to_contain_text(LABEL)
            expect(page.locator("#form-export-control-review")).to_contain_text(TITLE)
        if path == "self-assessment/":
            # The engine's start or failure (both show the page's configuration text; the values in the
            # fallback are there either way).
            expect(page.locator("html")).to_have_attribute("data-engine", re.compile("^(ready|failed)$"),
                                                           timeout=90_000)
            fallback = page.locator("#rs-fallback")
            assert LABEL in (fallback.text_content() or "") and TITLE in (fallback.text_content() or "")
            page.screenshot(path="/tmp/security-escaped-assessment.png")
        else:
            page.screenshot(path=f"/tmp/security-escaped-{path.strip('/') or 'home'}.png")
        page.wait_for_load_state("networkidle")  # every script has loaded and run: a dialog would have opened
    assert dialogs == []
