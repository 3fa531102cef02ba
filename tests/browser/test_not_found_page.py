"""The page a host shows for a missing address (404.html) is served at any depth and under any
sub-path: it asks for nothing (no stylesheet, script or icon that could resolve outside the site,
or, on a host shared by several sites, to another site's files), and says what happened."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.support.server import ServerOptions, serve

SUB_PATH = "/research-security/"


class _References(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.references: list[str] = []
        self.first_in_head: tuple[str, dict[str, str | None]] | None = None
        self._head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "head":
            self._head = True
        elif self._head and self.first_in_head is None:
            self.first_in_head = (tag, values)
        for name in ("src", "href", "srcset", "action", "data", "poster"):
            if values.get(name) is not None:
                self.references.append(f"{tag} {name}={values[name]}")


def test_not_found_page_refers_to_no_file(built_site: Path) -> None:
    parser = _References()
    parser.feed((built_site / "404.html").read_text(encoding="utf-8"))
    assert parser.references == ["link href=data:,"], parser.references
    assert parser.first_in_head is not None and parser.first_in_head[1].get("http-equiv") == "Content-Security-Policy"
    assert "default-src 'none'" in (parser.first_in_head[1].get("content") or "")


@pytest.mark.browser
@pytest.mark.parametrize("missing", ["no-such-page/", "guidance/deep/er/still.html", "assets/js/nothing.js"])
def test_not_found_page_under_a_sub_path_requests_nothing(browser: Browser, built_site: Path, missing: str) -> None:
    with serve(built_site, ServerOptions(prefix=SUB_PATH, not_found_page=True)) as url:
        context = browser.new_context(service_workers="block")
        requested: list[str] = []
        context.on("request", lambda r: requested.append(r.url))
        page = context.new_page()
        response = page.goto(url + missing)
        assert response is not None and response.status == 404
        expect(page.locator("h1")).to_have_text("Page not found")
        expect(page.locator("header")).to_contain_text("Research security guide")
        page.wait_for_load_state("networkidle")
        assert requested == [url + missing], requested
        page.set_viewport_size({"width": 375, "height": 700})
        page.screenshot(path="/tmp/security-404-phone.png")
        context.close()
