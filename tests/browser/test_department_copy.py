"""A department's own copy: built from another institution's configuration it
shows that institution's details everywhere and none of the default's; it works
under a sub-path; a broken configuration stops the build naming the key."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

import assessments
from tests.support.build import build_site
from tests.support.paths import NORTHBRIDGE, ROOT
from tests.support.server import ServerOptions, serve
from tests.support.site import page_sources
from tests.support.ui import fill_answers, wait_ready

DEFAULT_MARKERS = ("Example University", "Example U", "example.edu", "Office of Research Security")
SUB_PATH = "/research-security/"


def test_other_institution_shows_its_own_details_everywhere(northbridge_site: Path) -> None:
    pages = page_sources(northbridge_site)
    leaks = [f"{name}: {marker}" for name, html in pages.items() for marker in DEFAULT_MARKERS if marker in html]
    assert leaks == [], "the default institution's details leaked into another institution's copy"
    contacts = pages["contacts/index.html"]
    for text in (
        "Northbridge Institute of Technology",
        "risu@northbridge.test",
        "https://forms.northbridge.test/vetting",
        "Northbridge Trade Compliance",
    ):
        assert text in contacts
    assert all("Northbridge Tech" in html for name, html in pages.items() if not name.startswith("assets/"))
    # Its own elevated-risk list, wherever the guidance names it.
    listing = [html for html in pages.values() if "Venezuela" in html and "Belarus" in html]
    assert listing, "the configured elevated-risk countries appear on no page"
    manifest = json.loads((northbridge_site / "assets/engine/manifest.json").read_text(encoding="utf-8"))
    assert manifest["config"]["countries"]["elevated_risk"] == ["CN", "RU", "IR", "KP", "VE", "BY"]
    assert manifest["config"]["forms"]["collaboration_screening"]["url"] == "https://forms.northbridge.test/vetting"
    assert "northbridge" not in (ROOT / "institution.toml").read_text(encoding="utf-8").lower()


def test_questionnaire_starts_with_what_the_engine_asks_under_this_configuration(northbridge_site: Path) -> None:
    html = (northbridge_site / "self-assessment/index.html").read_text(encoding="utf-8")
    questions = re.findall(r'<div class="rs-question" id="rs-q-[^"]+" data-qid="([^"]+)"([^>]*)>', html)
    shown = {qid for qid, attributes in questions if " hidden" not in attributes}
    northbridge = assessments.load_config(NORTHBRIDGE)
    assert questions and shown == set(assessments.assess({}, config=northbridge, screening=False)["asked"])
    # The page declares the engine in its front matter: Material's search also starts when the engine has.
    assert "search-worker.js?engine=1&worker=" in html


def test_custom_colour_is_applied(northbridge_site: Path) -> None:
    css = (northbridge_site / "assets/css/branding.css").read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #00695c;" in css
    index = (northbridge_site / "index.html").read_text(encoding="utf-8")
    assert 'data-md-color-primary="custom"' in index and "assets/css/branding.css" in index


@pytest.fixture
def sub_path_url(northbridge_site: Path) -> Iterator[str]:
    with serve(northbridge_site, ServerOptions(prefix=SUB_PATH)) as url:
        yield url


@pytest.mark.browser
def test_assessment_under_a_sub_path_with_another_configuration(page: Page, sub_path_url: str) -> None:
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(sub_path_url))
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(sub_path_url + "self-assessment/")
    wait_ready(page)
    fill_answers(page, {"activities": ["collaboration"], "collaboration_type": "formal",
        "partners": [{"country": "VE"}]})
    result = page.locator("#rs-result")
    expect(result.locator("[data-rule='elevated_risk_formal']")).to_have_count(1)
    links = result.locator("a.md-button").evaluate_all("els => els.map(e => e.href)")
    assert links and all("northbridge.test" in href for href in links if not href.startswith(origin))
    # Everything came from under the sub-path: pages, worker, runtime, wheels, lists.
    local = [u for u in requests if u.startswith(origin)]
    assert local and all(urlsplit(u).path.startswith(SUB_PATH) for u in local), local
    assert [u for u in requests if not u.startswith(origin)] == []
    assert any(u.endswith(".whl") or ".whl?" in u for u in local)
    # Guidance links in the result resolve under the sub-path too.
    # (A reason also links its sources on other sites: only this site's links are guidance.)
    hrefs = result.locator(".rs-reason a").evaluate_all("els => els.map(e => e.href)")
    guidance = [href for href in hrefs if href.startswith(origin)]
    assert guidance and all(urlsplit(href).path.startswith(SUB_PATH) for href in guidance), hrefs


def test_broken_configuration_stops_the_build(tmp_path: Path) -> None:
    # The one real refused build of a configuration: the hook's own check (a logo file that does not
    # exist) stops `mkdocs build`, naming the key, the fix and the file. The loader's refusals are
    # checked without a build in tests/unit/test_config.py.
    text, count = re.subn(r"\[branding\]\n", '[branding]\nlogo = "logo.svg"\n', NORTHBRIDGE.read_text(encoding="utf-8"),
                          count=1)
    assert count == 1
    config = tmp_path / "institution.toml"
    config.write_text(text, encoding="utf-8")
    proc = build_site(tmp_path / "site", config=config)
    assert proc.returncode != 0
    output = proc.stdout + proc.stderr
    assert "branding.logo" in output and "fix:" in output, output[-2000:]
    assert str(config) in output


def test_logo_is_copied_into_the_site(tmp_path: Path) -> None:
    shutil.copy(NORTHBRIDGE, tmp_path / "institution.toml")
    (tmp_path / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>',
        encoding="utf-8",
    )
    text = (
        (tmp_path / "institution.toml")
        .read_text(encoding="utf-8")
        .replace("[branding]\n", '[branding]\nlogo = "logo.svg"\n')
    )
    (tmp_path / "institution.toml").write_text(text, encoding="utf-8")
    proc = build_site(tmp_path / "site", config=tmp_path / "institution.toml")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (tmp_path / "site/assets/images/logo.svg").exists()
    assert "assets/images/logo.svg" in (tmp_path / "site/index.html").read_text(encoding="utf-8")
