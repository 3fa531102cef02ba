"""Saved plans kept on the device and re-checked on every visit, and the prefilled hand-off.

Two real builds: the project as it is, and a copy of the project whose BIS Entity
List (made by this test) is newer and lists a partner of the saved plan. Both
are built with a configuration whose screening form is prefilled, pointing at a
stand-in form served here over HTTPS on 127.0.0.1. The same address serves the
first build, then the second (same origin: the plan stays in local storage), as
a host does after an update.
"""

from __future__ import annotations

import hashlib
import json
import lzma
import os
import re
import shutil
import ssl
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit
from urllib.request import urlopen

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from playwright.sync_api import Error as PlaywrightError

from assessments.screening import dataset
from tests.support.paths import ROOT
from tests.support.server import ServerOptions, serve
from tests.support.ui import fill_answers

pytestmark = pytest.mark.browser

PARTNER = "Northwind Quantum Materials Institute"  # fictional: on no list until the test's newer list
ANSWERS = {"activities": ["collaboration"], "collaboration_type": "informal",
           "partners": [{"names": [PARTNER], "country": "CN"}]}
NEW_LIST = "us_bis_entity_list"
# A newer release of that list than any shipped one: a week after the latest shipped list's date.
NEW_DATE = (max(date.fromisoformat(entry["as_of"]) for entry in dataset.list_metadata()["lists"].values())
            + timedelta(days=7)).isoformat()
PLAN_NAME = "Kestrel workshop"
FORM_LINE = 'url = "https://forms.example.edu/collaboration-screening"'


# --- the stand-in form: HTTPS on 127.0.0.1, every request recorded ---------------------------

@pytest.fixture(scope="module")
def standin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, list[str]]]:
    folder = tmp_path_factory.mktemp("standin")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    received: list[str] = []

    class Form(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            received.append(self.path)
            body = b"<!doctype html><title>Stand-in form</title><p>Received."
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Form)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], received
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def prefill_config(standin: tuple[int, list[str]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    port, _ = standin
    text = (ROOT / "institution.toml").read_text(encoding="utf-8")
    assert FORM_LINE in text
    template = f"https://127.0.0.1:{port}/form?risk={{tier}}&who={{partners}}&why={{reasons}}"
    path = tmp_path_factory.mktemp("config") / "institution.toml"
    path.write_text(text.replace(FORM_LINE, f'{FORM_LINE}\nprefill_url = "{template}"'), encoding="utf-8")
    return path


# --- a copy of the project with a newer list ------------------------------------------------

def list_partner(project: Path) -> None:
    """The copy's BIS Entity List, newer, with the partner on it (records, checksum and dates updated)."""
    lists = project / "assessments/data/lists"
    meta = json.loads((lists / "lists.json").read_text(encoding="utf-8"))
    data = json.loads(lzma.decompress((lists / meta["records_file"]).read_bytes()))
    row = {"id": "testadded01", "name": PARTNER, "aliases": [], "countries": ["CN"],
           "lists": [data["lists"].index(NEW_LIST)], "note": "", "normalized": [], "former": [], "unchecked": []}
    data["records"].append([row[field] for field in data["fields"]])
    blob = lzma.compress(json.dumps(data, ensure_ascii=False).encode("utf-8"))
    (lists / meta["records_file"]).write_bytes(blob)
    meta["records_sha256"] = hashlib.sha256(blob).hexdigest()
    meta["record_total"] += 1
    meta["dataset_version"] = f"{NEW_DATE}+test"
    entry = meta["lists"][NEW_LIST]
    entry.update(as_of=NEW_DATE, retrieved=NEW_DATE, record_count=entry["record_count"] + 1)
    (lists / "lists.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False), encoding="utf-8")


def _build(cwd: Path, dest: Path, config: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "RS_CONFIG": str(config)}
    return subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)], cwd=cwd,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


@pytest.fixture(scope="module")
def sites(prefill_config: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The site as it is ("before") and with the newer list ("after"), built side by side."""
    work = tmp_path_factory.mktemp("sites")
    project = work / "project"
    shutil.copytree(ROOT, project, symlinks=True, ignore=shutil.ignore_patterns(
        ".git", ".venv", "node_modules", "site", "__pycache__", ".ruff_cache", ".pytest_cache"))
    (project / "node_modules").symlink_to((ROOT / "node_modules").resolve())
    list_partner(project)
    builds = {"before": _build(ROOT, work / "before", prefill_config),
              "after": _build(project, work / "after", prefill_config)}
    for name, proc in builds.items():
        out, _ = proc.communicate(timeout=1500)
        assert proc.returncode == 0, f"{name}: {out}"
    return {name: work / name for name in builds}


def _swap(served: Path, site: Path, url: str | None = None) -> None:
    """The host now serves another build at the same address.

    With ``url``, the runtime's and the engine's files are requested once first, as a host that has
    served them before: on this shared machine the test server's first reading and hashing of
    the freshly copied files could otherwise outlast the engine's 15 s no-progress limit.
    """
    for child in served.iterdir():
        shutil.rmtree(child) if child.is_dir() else child.unlink()
    shutil.copytree(site, served, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.br", "*.gz"))
    if url:
        for path in sorted((served / "assets").rglob("*")):
            if path.is_file() and path.parts[len(served.parts) + 1] in {"pyodide", "engine"}:
                with urlopen(url + path.relative_to(served).as_posix(), timeout=120) as response:
                    response.read()


def _ready(page: Page) -> None:
    """wait_ready, saying why the engine failed if it did. A start that merely stalled (engine.mjs gives
    up after 15 s without progress, which a machine shared by many test runs can take) is tried once
    more, as the offline tests do; any other failure is not."""
    html = page.locator("html")
    for attempt in range(2):
        expect(html).to_have_attribute("data-engine", re.compile("^(ready|failed)$"), timeout=90_000)
        status = page.locator("#rs-engine-status-text").text_content() or ""
        if html.get_attribute("data-engine") == "ready":
            return
        if attempt == 0 and "no progress" in status:
            page.reload()
            continue
        raise AssertionError(status)


@pytest.fixture
def served(sites: dict[str, Path], tmp_path: Path) -> Iterator[tuple[str, Path]]:
    folder = tmp_path / "served"
    folder.mkdir()
    # no-store: the browser keeps no copy of its own, so the second build is what it gets.
    with serve(folder, ServerOptions(cache_control="no-store")) as url:
        _swap(folder, sites["before"], url)
        yield url, folder


def _record_requests(context: BrowserContext) -> list[str]:
    seen: list[str] = []
    context.on("request", lambda r: seen.append(f"{r.method} {unquote(r.url)} {r.post_data or ''}"))
    return seen


def _save_plan(page: Page, url: str) -> None:
    page.goto(url + "self-assessment/")
    _ready(page)
    fill_answers(page, ANSWERS)
    expect(page.locator("#rs-result")).to_have_attribute("data-tier", "moderate", timeout=30_000)
    page.get_by_label("Name of this plan").fill(PLAN_NAME)
    page.get_by_role("button", name="Save this plan on this device").click()
    expect(page.locator("#rs-saved-status")).to_contain_text(f"Saved on this device as \u201c{PLAN_NAME}\u201d")
    expect(page.locator(".rs-saved-plan")).to_contain_text("Up to date")


def _see_change(page: Page, url: str) -> None:
    """The notice on a guide page, then the before and after on the plan."""
    page.goto(url + "visitors/")
    notice = page.locator(".rs-saved-notice")
    expect(notice).to_contain_text("1 saved plan changed since you last looked", timeout=15_000)
    expect(notice).to_contain_text(f"BIS Entity List is now as of {NEW_DATE}")
    expect(notice).to_contain_text("days old")
    notice.get_by_role("link", name=f"Open \u201c{PLAN_NAME}\u201d").click()
    _ready(page)
    change = page.locator(".rs-saved-change")
    expect(change).to_contain_text("Changed since you last looked", timeout=60_000)
    expect(change).to_contain_text(f"{PARTNER}: now on BIS Entity List as of {NEW_DATE}.")
    expect(change).to_contain_text("Risk tier: moderate before, high now.")
    expect(change).to_contain_text("New reason:")
    expect(change.locator(".rs-saved-compare__col").first).to_contain_text("Risk tier: moderate")
    expect(change.locator(".rs-saved-compare__col").last).to_contain_text("Risk tier: high")


def test_saved_plan_is_rechecked_against_a_newer_list_and_nothing_carries_it(
        browser: Browser, served: tuple[str, Path], sites: dict[str, Path], tmp_path: Path) -> None:
    url, folder = served
    # Online, without the offline copy (which would keep serving the first build: see the offline test).
    context = browser.new_context(accept_downloads=True, service_workers="block")
    requests = _record_requests(context)
    page = context.new_page()
    _save_plan(page, url)
    plan = page.locator(".rs-saved-plan")
    # The reminder: a calendar file made here, with the plan's name and a link to this page only.
    plan.get_by_text("Remind me to re-check").click()
    with page.expect_download() as reminder:
        plan.get_by_role("button", name="Download the reminder (.ics)").click()
    ics = Path(reminder.value.path()).read_text(encoding="utf-8").replace("\n ", "")  # lines unfolded
    assert f"SUMMARY:Re-check the saved plan: {PLAN_NAME}" in ics
    assert f"URL:{url}self-assessment/#rs-saved-" in ics and "RRULE:FREQ=MONTHLY;INTERVAL=3;UNTIL=" in ics
    assert PARTNER.split(maxsplit=1)[0] not in ics and "CN" not in ics.replace("VCALENDAR", "")
    # The export records what it was assessed with, for the office.
    with page.expect_download() as exported:
        plan.get_by_role("button", name="Export (.json)").click()
    exported_path = tmp_path / "plan.json"
    exported.value.save_as(exported_path)
    data = json.loads(exported_path.read_text(encoding="utf-8"))
    assert data["record"]["tier"] == "moderate" and data["record"]["lists"][NEW_LIST] < NEW_DATE
    assert data["answers"]["partners"][0]["names"] == [PARTNER] and "policy version" in data["about"]

    _swap(folder, sites["after"], url)
    _see_change(page, url)

    # The office's copy opens the exported file: then, today, and the difference.
    page.locator("#rs-saved-file").set_input_files(exported_path)
    office = page.locator(".rs-saved-plan", has_text="(opened from a file)")
    expect(office).to_contain_text("The result is different today", timeout=30_000)
    expect(office.locator(".rs-saved-compare__col").first).to_contain_text("As the researcher saw it")
    expect(office.locator(".rs-saved-compare__col").last).to_contain_text("Under today's policy and lists")
    expect(office).to_contain_text(f"{PARTNER}: now on BIS Entity List as of {NEW_DATE}.")
    office.get_by_role("button", name="Delete").click()
    expect(page.locator(".rs-saved-plan")).to_have_count(1)
    # Nothing that was typed or saved left the page in any request.
    carried = [r for r in requests if PARTNER.split(maxsplit=1)[0] in r or PLAN_NAME.split(maxsplit=1)[0] in r]
    assert carried == [], carried
    assert all(r.split()[1].startswith(url) for r in requests), "a request went to another origin"

    # Marking it seen makes the new result the one compared with from now on: the notice goes.
    page.get_by_role("button", name="Mark as seen").click()
    expect(page.locator(".rs-saved-plan")).not_to_contain_text("Changed since you last looked")
    page.goto(url + "visitors/")
    expect(page.locator("h1")).to_be_visible()
    page.wait_for_load_state("networkidle")  # the notice script has read versions.json and decided
    expect(page.locator(".rs-saved-notice")).to_have_count(0)

    # One button removes every saved plan from the device.
    page.goto(url + "self-assessment/")
    expect(page.locator(".rs-saved-plan")).to_have_count(1)
    page.get_by_role("button", name="Delete all saved plans from this device").click()
    expect(page.locator(".rs-saved-plan")).to_have_count(0)
    assert page.evaluate("() => localStorage.getItem('rs-saved-plans')") is None
    context.close()


def test_prefilled_form_receives_exactly_the_fields_shown_and_only_after_the_click(
        browser: Browser, served: tuple[str, Path], standin: tuple[int, list[str]]) -> None:
    url, _ = served
    port, received = standin
    received.clear()
    context = browser.new_context(ignore_https_errors=True, service_workers="block")
    page = context.new_page()
    page.goto(url + "self-assessment/")
    _ready(page)
    fill_answers(page, ANSWERS)
    handoff = page.locator("[data-prefill-for=request_collaboration_screening]")
    expect(handoff).to_contain_text(f"What will go to the form at 127.0.0.1:{port}", timeout=30_000)
    shown = dict(zip(handoff.locator("td[data-label=Field]").all_inner_texts(),
                     handoff.locator("td[data-label=Value]").all_inner_texts(), strict=True))
    assert shown["risk"] == "moderate"
    assert shown["who"] == f"{PARTNER} (China)"
    assert shown["why"]
    page.wait_for_load_state("networkidle")  # whatever the page would send has been sent
    assert received == [], "the form received something before the click"
    # Other next steps keep their plain links.
    expect(page.locator("[data-prefill-for]")).to_have_count(1)
    with context.expect_page() as opened:
        handoff.get_by_role("button", name="Open the form with these filled in").click()
    expect(opened.value.locator("body")).to_contain_text("Received.", timeout=15_000)
    # One request to the form (the browser may also ask that host for its icon, which carries nothing).
    forms = [path for path in received if path.startswith("/form")]
    assert len(forms) == 1 and all(path == "/favicon.ico" for path in received if path not in forms), received
    query = parse_qs(urlsplit(forms[0]).query)
    assert {k: v[0] for k, v in query.items()} == shown
    context.close()


def test_saved_plan_is_rechecked_offline_after_one_visit(
        browser: Browser, served: tuple[str, Path], sites: dict[str, Path]) -> None:
    url, folder = served
    context = browser.new_context(service_workers="allow")
    requests = _record_requests(context)
    page = context.new_page()
    _save_plan(page, url)
    _wait_engine_cached(page)
    # The host updates the site; the reader visits once, and the new build takes over.
    _swap(folder, sites["after"], url)
    page.goto(url + "visitors/")
    update = page.locator("#rs-update")
    expect(update).to_contain_text("newer version", timeout=60_000)
    update.get_by_role("button", name="Reload").click()
    page.wait_for_load_state()
    _wait_engine_cached(page, NEW_DATE)
    # Offline now: everything comes from the device.
    context.set_offline(True)
    _see_change(page, url)
    carried = [r for r in requests if PARTNER.split(maxsplit=1)[0] in r or PLAN_NAME.split(maxsplit=1)[0] in r]
    assert carried == [], carried
    page.get_by_role("button", name="Delete all saved plans from this device").click()
    assert page.evaluate("() => localStorage.getItem('rs-saved-plans')") is None
    page.goto(url + "visitors/")
    expect(page.locator("h1")).to_be_visible()
    page.wait_for_load_state("networkidle")  # the notice script has read versions.json and decided
    expect(page.locator(".rs-saved-notice")).to_have_count(0)
    context.close()


CACHED = """async (needle) => {
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    let engine = false, versions = false;
    for (const request of await cache.keys()) {
      if (request.url.endsWith('.whl')) engine = true;
      if (request.url.endsWith('assets/data/versions.json')) {
        const text = await (await cache.match(request)).text();
        if (!needle || text.includes(needle)) versions = true;
      }
    }
    if (engine && versions) return true;
  }
  return false;
}"""


def _wait_engine_cached(page: Page, needle: str = "") -> None:
    for _ in range(600):
        try:
            if page.evaluate(CACHED, needle):
                return
        except PlaywrightError:
            pass  # the page reloaded under the new build meanwhile (the update notice's Reload): ask again
        page.wait_for_timeout(200)
    raise AssertionError("the engine and the versions file were not kept for offline use")

