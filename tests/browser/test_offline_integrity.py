"""The offline copy trusts nothing it has stored (site_src/sw.js): a cached page, manifest or
wheel changed behind its back (another site on the same origin can open the cache) is detected
and replaced, on the next load and when a new build copies files forward; a failed install
leaves no cache; a page served by an older worker whose engine files are gone from the server
(a new build with a new policy is out) moves to the new build and reaches a working engine.

Each test has its own context (service workers allowed) and its own server and copy of the site.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser.test_offline import _engine_cached, _wait_for
from tests.support.paths import ROOT
from tests.support.server import ServerOptions, serve

sys.path.append(str(ROOT / "hooks"))  # appended, so hook modules never shadow other imports

import assets  # hooks/assets.py, loaded by path like MkDocs does

pytestmark = pytest.mark.browser

TAMPER = """async ({ key, find, replace, garbage }) => {
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    const hit = await cache.match(key);
    if (!hit) continue;
    const body = garbage ? new Uint8Array(4096).fill(65) : (await hit.text()).split(find).join(replace);
    await cache.put(key, new Response(body, { headers: hit.headers }));
    return name;
  }
  return null;
}"""

DIGESTS = """async (keys) => {
  const out = {};
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    out[name] = {};
    for (const key of keys) {
      const hit = await cache.match(key);
      if (!hit) continue;
      const digest = await crypto.subtle.digest("SHA-256", await hit.arrayBuffer());
      out[name][key] = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
    }
  }
  return out;
}"""


def _engine_files(site: Path) -> tuple[str, str]:
    """Site-relative paths of the content-hashed manifest and of one engine wheel."""
    engine = site / "assets/engine"
    manifest = next(p for p in sorted(engine.glob("manifest.*.json")) if p.name != "manifest.json")
    wheel = sorted(engine.glob("*.whl"))[0]
    return manifest.relative_to(site).as_posix(), wheel.relative_to(site).as_posix()


def _sha(site: Path, rel: str) -> str:
    return hashlib.sha256((site / rel).read_bytes()).hexdigest()


def _tamper(page: Page, key: str, **how: Any) -> None:
    assert page.evaluate(TAMPER, {"key": key, "find": "", "replace": "", "garbage": False, **how}), f"{key}: not cached"


def _genuine(page: Page, url: str, site: Path, rels: list[str]) -> bool:
    """Every cache holds each of `rels` as built (and at least one cache holds them all)."""
    digests = page.evaluate(DIGESTS, [url + r for r in rels])
    if not digests:
        return False
    want = {url + r: _sha(site, r) for r in rels}
    return all(d == want for d in digests.values())


def _settled(page: Page) -> str:
    """Wait until the engine has started or failed; returns its status text."""
    expect(page.locator("html")).to_have_attribute("data-engine", re.compile("^(ready|failed)$"), timeout=90_000)
    return page.locator("#rs-engine-status-text").text_content() or ""


def _ready(page: Page) -> None:
    """wait_ready, saying why the engine failed if it did. A start that merely stalled (engine.mjs gives
    up after 15 s without progress, which a machine shared by many test runs can take) is tried once
    more; a checksum failure is not."""
    status = _settled(page)
    if page.locator("html").get_attribute("data-engine") == "failed" and "no progress" in status:
        page.reload()
        status = _settled(page)
    if page.locator("html").get_attribute("data-engine") != "ready":
        raise AssertionError(status)


def _installed(page: Page, url: str) -> None:
    """The worker controls the page and its cache holds the engine."""
    _wait_for(page, lambda: page.evaluate("() => !!navigator.serviceWorker.controller"), "the worker to control")
    _wait_for(page, lambda: _engine_cached(page), "the engine to be kept offline")


def test_tampered_page_manifest_and_wheel_are_replaced_on_the_next_load(
        sw_context: BrowserContext, site_copy: Path) -> None:
    manifest, wheel = _engine_files(site_copy)
    page_rel = "what-you-provide/index.html"
    with serve(site_copy) as url:
        page = sw_context.new_page()
        page.goto(url + "self-assessment/")
        _ready(page)
        _installed(page, url)
        page.reload()
        _ready(page)
        _tamper(page, url + page_rel, find="</h1>", replace=" (tampered copy)</h1>")
        _tamper(page, url + manifest, find="forms.example.edu", replace="forms.evil.test")
        _tamper(page, url + wheel, garbage=True)
        assert not _genuine(page, url, site_copy, [page_rel, manifest, wheel])

        # The next load of each: the page as built, the engine starts with the built manifest and wheel.
        page.goto(url + "what-you-provide/")
        expect(page.locator("h1")).not_to_contain_text("tampered")
        page.goto(url + "self-assessment/")
        _ready(page)
        served = page.evaluate("async (u) => (await (await fetch(u)).text())", url + manifest)
        assert "forms.evil.test" not in served and "forms.example.edu" in served
        # The cache was dropped and filled again, with the engine, from the network, checked.
        _wait_for(page, lambda: _genuine(page, url, site_copy, [page_rel, manifest, wheel]),
                  "the cache to hold the built files again")
        page.screenshot(path="/tmp/security-sw-replaced.png")


def test_tampered_files_are_not_copied_into_a_new_build(sw_context: BrowserContext, site_copy: Path) -> None:
    manifest, wheel = _engine_files(site_copy)
    page_rel = "glossary/index.html"  # not opened below: only the update reads it
    with serve(site_copy) as url:
        page = sw_context.new_page()
        page.goto(url + "self-assessment/")
        _ready(page)
        _installed(page, url)
        (old_cache,) = page.evaluate("() => caches.keys()")
        _tamper(page, url + page_rel, find="</h1>", replace=" (tampered copy)</h1>")
        _tamper(page, url + manifest, find="forms.example.edu", replace="forms.evil.test")
        _tamper(page, url + wheel, garbage=True)
        # A new build: another page changes; the tampered files are the same in it.
        other = site_copy / "what-you-provide/index.html"
        other.write_text(other.read_text(encoding="utf-8").replace("</h1>", " (new build)</h1>", 1), encoding="utf-8")
        version = assets.write_service_worker(site_copy)
        page.goto(url + "what-you-provide/")
        notice = page.locator("#rs-update")
        expect(notice).to_contain_text("newer version", timeout=60_000)
        notice.get_by_role("button", name="Reload").click()
        expect(page.locator("h1")).to_contain_text("(new build)", timeout=30_000)
        _wait_for(page, lambda: (k := page.evaluate("() => caches.keys()")) and len(k) == 1 and k[0].endswith(version),
                  "the old cache to go")
        (new_cache,) = page.evaluate("() => caches.keys()")
        assert new_cache != old_cache
        assert _genuine(page, url, site_copy, [page_rel, manifest, wheel]), "a tampered file came along"
        page.goto(url + "glossary/")
        expect(page.locator("h1")).not_to_contain_text("tampered")
        page.goto(url + "self-assessment/")
        _ready(page)


def test_a_failed_install_leaves_no_cache(sw_context: BrowserContext, site_copy: Path) -> None:
    # One file of the build cannot be fetched: the install fails as a whole.
    with serve(site_copy, ServerOptions(refuse=("glossary/index.html",))) as url:
        page = sw_context.new_page()
        page.goto(url + "travel/")
        expect(page.locator("h1")).to_be_visible()
        state = """async () => {
          const r = await navigator.serviceWorker.getRegistration();
          const busy = !!(r && (r.installing || r.waiting || r.active));
          return { registered: !!r, busy, caches: await caches.keys() };
        }"""
        _wait_for(page, lambda: page.evaluate(state)["registered"], "the worker to be registered")
        settled = _wait_for(page, lambda: (s := page.evaluate(state)) and not s["busy"] and s, "the install to fail")
        _wait_for(page, lambda: page.evaluate(state)["caches"] == [], f"the failed install's cache to go ({settled})")
        page.reload()
        expect(page.locator("h1")).to_be_visible()  # the site works without its offline copy


def _new_policy_build(site: Path) -> str:
    """A new build whose engine files replace the old ones on the server: a new manifest (another
    policy version) under a new hashed name, the old one gone; returns the new manifest's name."""
    engine = site / "assets/engine"
    old_rel, _ = _engine_files(site)
    old = site / old_rel
    data = json.loads(old.read_text(encoding="utf-8"))
    data["policy_version"] = data["policy_version"] + "-next"
    body = json.dumps(data, indent=1, ensure_ascii=False).encode()
    new = engine / f"manifest.{hashlib.sha256(body).hexdigest()[:16]}.json"
    new.write_bytes(body)
    (engine / "manifest.json").write_bytes(body)
    old.unlink()
    worker = site / "assets/js/engine-worker.mjs"
    text = worker.read_text(encoding="utf-8")
    assert text.count(old.name) == 1
    worker.write_text(text.replace(old.name, new.name), encoding="utf-8")
    assets.write_service_worker(site)
    return new.name


def test_update_window_reaches_a_working_engine(sw_context: BrowserContext, site_copy: Path) -> None:
    """An old worker is installed, its engine not kept offline (the reader never opened the
    self-assessment); a new build with a new policy is deployed; the self-assessment opens."""
    with serve(site_copy) as url:
        page = sw_context.new_page()
        page.goto(url + "travel/")
        page.evaluate("async () => { await navigator.serviceWorker.ready; }")
        page.reload()
        _wait_for(page, lambda: page.evaluate("() => !!navigator.serviceWorker.controller"), "the worker to control")
        assert not _engine_cached(page)
        new_manifest = _new_policy_build(site_copy)
        requested: list[str] = []
        sw_context.on("request", lambda r: requested.append(r.url))
        page.goto(url + "self-assessment/")
        # The old page's engine asks for the old manifest (gone); the page moves to the new build,
        # whose engine asks for the new one, and starts.
        retried = False
        for _ in range(360):
            try:
                state = page.locator("html").get_attribute("data-engine", timeout=5_000)
                status = page.locator("#rs-engine-status-text").text_content(timeout=5_000) or ""
            except Exception:  # the page is being replaced (the move to the new build)
                state, status = "", ""
            if state == "ready":
                break
            if state == "failed" and "no progress" in status and not retried:
                retried = True  # a machine too loaded to start it: once more
                page.reload()
            page.wait_for_timeout(500)
        expect(page.locator("#rs-engine-status-text")).to_contain_text("Assessment engine ready")
        assert any(u.endswith(new_manifest) for u in requested), "the new build's engine was not used"
        # Clean-up: one cache, the new build's.
        _wait_for(page, lambda: len(page.evaluate("() => caches.keys()")) == 1, "one cache")
        page.screenshot(path="/tmp/security-update-window.png")


@pytest.mark.parametrize("target", ["pyodide.asm.wasm", "python_stdlib.pyc.zip.gzip", "manifest", "wheel"])
def test_engine_refuses_a_changed_runtime_manifest_or_wheel_without_the_worker(
        browser: Browser, site_copy: Path, target: str) -> None:
    """Without the service worker (blocked here) the engine itself checks what it loads against the
    hashes the build recorded: a server with a changed file stops it with a checksum message."""
    manifest, wheel = _engine_files(site_copy)
    rel = {"manifest": manifest, "wheel": wheel}.get(target) or next(
        p.relative_to(site_copy).as_posix() for p in site_copy.glob(f"assets/pyodide/*/{target}"))
    path = site_copy / rel
    body = path.read_bytes()
    path.write_bytes(body[:-16] + (bytes(16) if body[-16:] != bytes(16) else b"\x01" * 16))
    context = browser.new_context(service_workers="block")
    with serve(site_copy) as url:
        page = context.new_page()
        page.goto(url + "self-assessment/")
        status = _settled(page)
        if "no progress" in status:  # a machine too loaded to start it at all: once more
            page.reload()
            status = _settled(page)
        assert page.locator("html").get_attribute("data-engine") == "failed"
        assert f"{rel.rsplit('/', 1)[1]}: checksum mismatch" in status, status
    context.close()
