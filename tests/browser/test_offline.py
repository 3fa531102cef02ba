"""The offline copy (site_src/sw.js, written by hooks/assets.py as sw.js):
after one visit the self-assessment starts and reaches a result with the server
gone; a new build's files replace the old cache whole, and open pages say a
newer version is available; no answer ever reaches a cache.

The other browser tests block service workers (tests/conftest.py); these
allow them, each in its own context and on its own server.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

import assessments
from tests.support.paths import ROOT, scenarios
from tests.support.server import serve
from tests.support.ui import fill_answers, wait_ready

sys.path.append(str(ROOT / "hooks"))  # appended, so hook modules never shadow other imports

import assets  # hooks/assets.py, loaded by path like MkDocs does

pytestmark = pytest.mark.browser

PARTNER = "Quillon Vexmoor Research Institute"  # typed by the reader; must never reach a cache

CACHE_DUMP = """async () => {
  const out = {};
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    out[name] = [];
    for (const request of await cache.keys()) {
      const body = await (await cache.match(request)).arrayBuffer();
      // Text as latin1 so a binary file never fails to decode; the search is for ASCII.
      let text = "";
      const bytes = new Uint8Array(body);
      for (let i = 0; i < bytes.length; i += 65536) text += String.fromCharCode(...bytes.subarray(i, i + 65536));
      out[name].push({ url: request.url, size: bytes.length, text: text.includes(%s) });
    }
  }
  return out;
}"""


def _caches(page: Page, needle: str = PARTNER) -> dict[str, list[dict[str, Any]]]:
    return page.evaluate(CACHE_DUMP % json.dumps(needle))


def _wait_for(page: Page, check: Any, what: str, tries: int = 300) -> Any:
    for _ in range(tries):
        value = check()
        if value:
            return value
        page.wait_for_timeout(100)
    raise AssertionError(f"timed out waiting for {what}")


CACHED_URLS = """async () => {
  const urls = [];
  for (const name of await caches.keys()) {
    for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
  }
  return urls;
}"""


def _engine_cached(page: Page) -> bool:
    """The engine's wheels and WebAssembly are in a cache (their addresses, not read: this is asked often)."""
    entries = page.evaluate(CACHED_URLS)
    return any(url.endswith(".whl") for url in entries) and any(url.endswith("pyodide.asm.wasm") for url in entries)


def _scenario() -> dict[str, Any]:
    """Answers of a test scenario where the reader types a partner's name."""
    for _, data in sorted(scenarios().items()):
        first = (data["answers"].get("partners") or [{}])[0]
        answers = {**data["answers"], "partners": [{**first, "names": [PARTNER]}]}
        result = assessments.assess(answers, screening=False)
        asked = set(result["asked"])
        # The names are screened for a collaboration (the question's screen_if).
        if "partners" in asked and "collaboration" in answers.get("activities", []):
            return {k: v for k, v in answers.items() if k in asked}
    raise AssertionError("no scenario asks for partner names")


def test_offline_after_one_visit_the_assessment_reaches_a_result_and_no_answer_is_cached(
        sw_context: BrowserContext, site_copy: Path) -> None:
    """Online, the first visit keeps the engine for offline use, and an assessment and a reload store no answer in
    any cache; then, the server gone, the assessment still reaches a result, the guidance reads, and still no
    answer is in any cache."""
    with serve(site_copy) as url:
        page = sw_context.new_page()
        page.goto(url + "self-assessment/")
        wait_ready(page)
        _wait_for(page, lambda: _engine_cached(page), "the engine to be kept offline")
        fill_answers(page, _scenario())
        expect(page.locator("#rs-result")).to_have_attribute("data-tier", re.compile(r"\w+"), timeout=15_000)
        page.reload()
        wait_ready(page)
        page.wait_for_timeout(500)
        dump = _caches(page)
    leaked = [e["url"] for entries in dump.values() for e in entries if e["text"]]
    assert leaked == [], f"an answer was stored in the cache: {leaked}"
    origin = url.split("/", 3)[:3]
    assert all(e["url"].startswith("/".join(origin)) for entries in dump.values() for e in entries)
    # The server is gone: every file now comes from the service worker's cache.
    page = sw_context.new_page()
    page.goto(url + "self-assessment/")
    wait_ready(page)
    fill_answers(page, _scenario())
    expect(page.locator("#rs-result")).to_have_attribute("data-tier", re.compile(r"\w+"), timeout=15_000)
    # The guidance reads offline too, and nothing typed reached any cache.
    page.goto(url + "what-you-provide/")
    expect(page.locator("h1")).to_be_visible()
    dump = _caches(page)
    assert dump, "no cache"
    leaked = [e["url"] for entries in dump.values() for e in entries if e["text"]]
    assert leaked == [], f"an answer was stored in the cache: {leaked}"


def test_a_new_build_replaces_the_old_cache_whole(sw_context: BrowserContext, site_copy: Path) -> None:
    with serve(site_copy) as url:
        page = sw_context.new_page()
        page.goto(url + "self-assessment/")
        wait_ready(page)
        _wait_for(page, lambda: _engine_cached(page), "the engine to be kept offline")
        before = _caches(page, "Rebuilt copy marker")
        assert len(before) == 1, before
        (old_name,) = before
        # A new build: a page changes, so does sw.js (its version and file list).
        home = site_copy / "what-you-provide/index.html"
        home.write_text(home.read_text(encoding="utf-8").replace("</h1>", " (Rebuilt copy marker)</h1>", 1),
                        encoding="utf-8")
        version = assets.write_service_worker(site_copy)
        assert version not in old_name
        page.goto(url + "what-you-provide/")
        # The open page still shows the build it was installed with, and says a newer one is ready.
        notice = page.locator("#rs-update")
        expect(notice).to_contain_text("newer version", timeout=30_000)
        expect(page.locator("h1")).not_to_contain_text("Rebuilt copy marker")
        notice.get_by_role("button", name="Reload").click()
        expect(page.locator("h1")).to_contain_text("Rebuilt copy marker", timeout=15_000)
        after = _wait_for(page, lambda: (d := _caches(page, "Rebuilt copy marker")) and len(d) == 1 and d,
                          "the old cache to go")
        (new_name,) = after
        assert new_name.endswith(version) and new_name != old_name
        changed = [e for e in after[new_name] if e["url"].endswith("what-you-provide/index.html")]
        assert changed and changed[0]["text"], "the new cache holds the old page"
        # The engine came along (copied, not downloaded again) and still starts.
        assert any(e["url"].endswith(".whl") for e in after[new_name])
        page.goto(url + "self-assessment/")
        wait_ready(page)
