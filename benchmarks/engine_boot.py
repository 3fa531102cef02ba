"""Self-assessment speed and size in headless Chromium: prints figures, asserts nothing.

Usage: python benchmarks/engine_boot.py [--runs 5] [--site DIR] [--network-only | --prefetch-only | --bytes-only]

Builds the site (or uses --site), serves it on 127.0.0.1 with gzip and ETags
like a static host, and measures with Playwright and the system Chromium:

- engine ready, cold (new browser context, empty cache) and warm (reload in the
  same context), for our page and, in the same run, for a stock-Pyodide page
  (the npm package as shipped: load, unpack a small wheel, one call) and for the
  site's engine alone on an empty page (the floor: what the page around it costs);
- first input usable after navigation (domInteractive of the questionnaire) and
  main-thread long tasks (> 50 ms) between navigation and engine ready;
- re-score round trip (page -> worker -> engine -> page) and screening round trip;
- bytes transferred: the assessment page in total on a first visit (the
  worker's downloads included), by part, and Pyodide/engine bytes loaded by
  the guidance pages (should be none).
- as people meet it: a first visit over an emulated link (10 Mbit/s
  with 80 ms round trips, 50 Mbit/s with 40 ms; Chromium's DevTools protocol,
  Network.emulateNetworkConditions), a return visit the next day (same profile,
  the server sending the hosting guide's headers: immutable for content-hashed
  files, no-cache otherwise; the service worker installed by the first visit),
  and a visit with the network gone after one visit. Each is printed beside its
  lower bound: bytes / bandwidth + round trips x latency + the empty-page floor.
  The floor for the return and offline visits is the empty page opened again in
  a new tab of a profile that opened it once (_next_visit_ms says why a reload
  is not: it keeps the compiled interpreter in the tab's process), measured in
  the same round as the visits. Both come SETTLE_MS after the first visit, once
  its background work is done.
- ratios to a floor are printed twice: of the medians, and as the median of the
  ratios of each round (the visit and its floor measured within seconds or
  minutes of each other), with their middle half: the machine's slower and
  faster spells move a whole run's medians by more than the targets' margins.
- fetching ahead: from a click on a guidance page's link to the
  self-assessment until the engine is ready, in a fresh profile: without the
  prefetcher (site_src/prefetch-engine.js refused), with it and a plain click
  (the pointer reaches the link as it clicks), and with the pointer resting on
  the link for 1 s first; on localhost and over the slower emulated link.
The figures and the machine they were measured on go into docs/performance.md.
Targets: ready cold <= 0.4x stock, warm <= 0.35x; first input <= 0.3 s;
no long task > 50 ms during boot; re-score p95 <= 30 ms; screening p95 <= 50 ms;
guidance pages load no Pyodide bytes; assessment page <= 6 MB compressed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from playwright.sync_api import Browser, sync_playwright  # noqa: E402

from tests.support.build import CHROMIUM_ARGS, site_copy  # noqa: E402
from tests.support.paths import TEST_DATA, scenarios  # noqa: E402
from tests.support.server import ServerOptions, serve  # noqa: E402

import _wheel  # noqa: E402 - hooks/ is loaded by path, like MkDocs does
from boot_common import (  # noqa: E402
    OBSERVE,
    bare_page,
    chromium_executable,
    cpu_model,
    goto_ready,
    ratio_by_round,
    recommended_cache_control,
)

STOCK_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Stock Pyodide</title></head>
<body><p>Stock Pyodide 314 from npm: load, unpack a small wheel, one call.</p>
<script type="module" src="./main.mjs"></script></body></html>
"""
STOCK_MAIN = """const worker = new Worker(new URL("./worker.mjs", import.meta.url), { type: "module" });
worker.onmessage = (event) => { document.documentElement.dataset.engine = event.data.ok ? "ready" : "failed"; };
"""
STOCK_WORKER = """import { loadPyodide } from "./pyodide/pyodide.mjs";
try {
  const pyodide = await loadPyodide({ indexURL: new URL("./pyodide/", import.meta.url).href });
  const response = await fetch(new URL("./hello-1.0-py3-none-any.whl", import.meta.url));
  const bytes = new Uint8Array(await response.arrayBuffer());
  const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  pyodide.unpackArchive(bytes, "wheel", { extractDir: sitePackages });
  const answer = pyodide.pyimport("hello").greet("world");
  postMessage({ ok: answer === "hello world" });
} catch (error) {
  postMessage({ ok: false, error: String(error) });
}
"""


def _stock_page(site: Path) -> None:
    stock = site / "_bench_stock"
    (stock / "pyodide").mkdir(parents=True, exist_ok=True)
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"):
        shutil.copy(ROOT / "node_modules/pyodide" / name, stock / "pyodide" / name)
    (stock / "index.html").write_text(STOCK_PAGE, encoding="utf-8")
    (stock / "main.mjs").write_text(STOCK_MAIN, encoding="utf-8")
    (stock / "worker.mjs").write_text(STOCK_WORKER, encoding="utf-8")
    wheel = _wheel.make_wheel([("hello.py", b"def greet(name):\n    return f'hello {name}'\n")], "hello", "1.0", [])
    (stock / "hello-1.0-py3-none-any.whl").write_bytes(wheel)


def _ready_ms(browser: Browser, url: str, warm: bool) -> dict[str, Any]:
    context = browser.new_context(service_workers="block")  # the page alone; _network_visits has it
    page = context.new_page()
    page.add_init_script(OBSERVE)
    if warm:
        goto_ready(page, url)
    goto_ready(page, url)
    page.wait_for_timeout(100)
    data = page.evaluate("""() => ({
      ready: window.__boot.readyAt,
      interactive: performance.getEntriesByType('navigation')[0].domInteractive,
      longTasks: window.__boot.longTasks.filter(([start]) => start <= window.__boot.readyAt).map(([, d]) => d),
      timings: window.__rsEngineTimings || null,
    })""")
    context.close()
    return data


# A return visit comes after the first visit's background work has finished, as it has by the next
# day: the reader spends this long on the page (answering takes longer) while the service worker
# stores the engine and V8 finishes optimising the interpreter and writes its compiled code to the
# cache. Without the pause the "return" visit competes with that work: measured 80 to 120 ms slower.
SETTLE_MS = 20_000


def _next_visit_ms(browser: Browser, url: str) -> float:
    """The page opened again in a new tab of a profile that has opened it once (no service worker).

    This is the floor for a return visit: the browser has the files and the code it compiled
    from them on disk, as it would the next day. A reload in the same tab (the "warm" figure) is
    faster than any later visit can be: the tab keeps its renderer process, where V8 keeps the
    compiled WebAssembly interpreter in memory, and a visit the next day starts a new process.
    """
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    _visit(page, url)
    page.wait_for_timeout(SETTLE_MS)
    page.close()
    ready = _visit(context.new_page(), url)
    context.close()
    return ready


def _round_trips(browser: Browser, url: str, answers: list[dict[str, Any]], names: list[str]) -> dict[str, list[float]]:
    context = browser.new_context(service_workers="block")  # the page alone; _network_visits has it
    page = context.new_page()
    page.add_init_script(OBSERVE)
    goto_ready(page, url)
    times = page.evaluate(
        """async ([answers, names]) => {
          const { engine } = await import(new URL("../assets/js/engine.mjs", location.href).href);
          const rescore = [], screen = [];
          for (let round = 0; round < 4; round++) {
            for (const a of answers) {
              const t = performance.now(); const r = await engine.assess(a); rescore.push(performance.now() - t);
              if (!r.ok) throw new Error(JSON.stringify(r.error));
            }
          }
          for (const n of names) {
            const t = performance.now(); const r = await engine.screen(n); screen.push(performance.now() - t);
            if (!r.ok) throw new Error(JSON.stringify(r.error));
          }
          return { rescore, screen };
        }""",
        [answers, names],
    )
    context.close()
    return times


def _bytes(browser: Browser, base: str, pages: list[str]) -> dict[str, Any]:
    """Bytes on the wire (body + headers), counted on the context: the worker's requests are not the page's."""
    context = browser.new_context(service_workers="block")  # the page alone; _network_visits has it
    page = context.new_page()
    page.add_init_script(OBSERVE)
    totals: dict[str, Any] = {"assessment": 0, "guidance_runtime": 0, "parts": {}, "files": {}}
    current = {"key": ""}

    def on_finished(request: Any) -> None:
        sizes = request.sizes()
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        if current["key"] == "assessment":
            totals["assessment"] += size
            name = request.url.split("?")[0].rsplit("/", 1)[-1]
            part = ("Pyodide runtime" if name.startswith("pyodide")
                    else "standard library" if name.startswith("python_")
                    else "engine wheels" if name.endswith(".whl") else "page, styles, scripts, search")
            totals["parts"][part] = totals["parts"].get(part, 0) + size
            totals["files"][name] = totals["files"].get(name, 0) + size
            totals.setdefault("seen", set()).add(name)
        elif "/assets/pyodide/" in request.url or "/assets/engine/" in request.url:
            totals["guidance_runtime"] += size

    context.on("requestfinished", on_finished)
    # The assessment page first, on an empty cache: a first visit straight to it.
    pages = sorted(pages, key=lambda rel: rel != "self-assessment/")
    for rel in pages:
        current["key"] = "assessment" if rel == "self-assessment/" else "guidance"
        if rel == "self-assessment/":
            goto_ready(page, base + rel)
            # Playwright reports a streamed response (the worker compiles the wasm as it
            # arrives) as finished only some time later: wait for it to be counted.
            for _ in range(150):
                if "pyodide.asm.wasm" in totals.get("seen", ()):
                    break
                page.wait_for_timeout(100)
            else:
                raise SystemExit("the runtime's download was never reported as finished")
            # What the page loads once the engine is ready (Material's bundle, its search worker and
            # index): counted once nothing more has arrived for a second, so that every run counts it.
            quiet, count = 0, -1
            while quiet < 2:
                quiet = quiet + 1 if len(totals["files"]) == count and count >= 0 else 0
                count = len(totals["files"])
                page.wait_for_timeout(500)
        else:
            page.goto(base + rel)
        page.wait_for_timeout(300)
    context.close()
    return totals


# The emulated links: (label, Mbit/s, round-trip ms).
LINKS = (("10 Mbit/s, 80 ms", 10, 80), ("50 Mbit/s, 40 ms", 50, 40))
# Sequential round trips before the engine can start, at the least: connection, the
# page, its module script, engine.mjs, the worker, pyodide.mjs, then the runtime and
# standard library (fetched side by side). Each costs one latency.
CHAIN_ROUND_TRIPS = 7


def _emulate(page: Any, context: Any, mbit: float, rtt_ms: float) -> None:
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": rtt_ms,
        "downloadThroughput": mbit * 1e6 / 8, "uploadThroughput": mbit * 1e6 / 8,
    })


def _visit(page: Any, url: str) -> float:
    page.add_init_script(OBSERVE)
    goto_ready(page, url)
    return page.evaluate("() => window.__boot.readyAt")


def _network_visits(browser: Browser, base: str) -> dict[str, Any]:
    """First visit per link; then, in the profile of the slower link's first visit, the next
    day's visit and a visit with the server unreachable (the service worker answers)."""
    out: dict[str, Any] = {}
    url = base + "self-assessment/"
    for label, mbit, rtt in LINKS:
        context = browser.new_context(service_workers="allow")
        page = context.new_page()
        _emulate(page, context, mbit, rtt)
        out[label] = _visit(page, url)
        if mbit == LINKS[0][1]:
            # Let the service worker keep the engine (what sw-register.js asks once it is ready).
            for _ in range(600):
                cached = page.evaluate("""async () => {
                  for (const name of await caches.keys()) {
                    const keys = await (await caches.open(name)).keys();
                    if (keys.some((r) => r.url.endsWith('.wasm'))) return true;
                  }
                  return false;
                }""")
                if cached:
                    break
                page.wait_for_timeout(100)
            page.wait_for_timeout(SETTLE_MS)
            page.close()
            network: list[str] = []
            engine_paths = ("/assets/pyodide/", "/assets/engine/")

            def on_request(request: Any, network: list[str] = network) -> None:
                network.append(request.url)

            def on_response(response: Any, network: list[str] = network) -> None:
                # At the headers: a streamed response (the runtime) is reported finished much later.
                if response.from_service_worker and response.url in network:
                    network.remove(response.url)

            context.on("request", on_request)
            context.on("response", on_response)
            page = context.new_page()
            _emulate(page, context, mbit, rtt)
            out["return"] = _visit(page, url)
            page.wait_for_timeout(300)
            out["return_requests"] = [u for u in network if any(p in u for p in engine_paths)]
            page.close()
            context.set_offline(True)
            page = context.new_page()
            out["offline"] = _visit(page, url)
        context.close()
    # The floor of the return and offline visits, measured beside them: ratios within one run
    # then compare visits made minutes apart, not the two ends of a long run.
    out["floor_next"] = _next_visit_ms(browser, base + "_bench_bare/")
    return out


HOVER_MS = 1000
PREFETCH_FROM = "travel/"


def _click_to_ready(browser: Browser, base: str, hover_ms: int | None, link: tuple[float, float] | None) -> float:
    """ms from clicking the guidance page's link to the assessment until the engine is ready (fresh profile).

    hover_ms None: without the prefetcher; 0: a plain click; else the pointer rests on the link first.
    """
    context = browser.new_context(service_workers="block")  # the HTTP cache alone carries the prefetch
    context.add_init_script(OBSERVE)
    if hover_ms is None:
        context.route("**/prefetch-engine.js", lambda route: route.abort())
    page = context.new_page()
    if link is not None:
        _emulate(page, context, link[0], link[1])
    page.goto(base + PREFETCH_FROM)
    page.wait_for_load_state("networkidle")
    anchor = page.locator("article a[href$='self-assessment/']").first
    anchor.scroll_into_view_if_needed()
    if hover_ms:
        anchor.hover()
        page.wait_for_timeout(hover_ms)
    with page.expect_console_message(lambda m: m.text.startswith("rs-bench:"), timeout=180_000) as message:
        start = time.perf_counter()
        anchor.click()
    elapsed = (time.perf_counter() - start) * 1000
    if message.value.text != "rs-bench:ready":
        raise SystemExit("the engine failed to start after the click")
    context.close()
    return elapsed


def _prefetch_visits(browser: Browser, base: str, runs: int) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}
    for _ in range(runs):
        for label, link in (("localhost", None), (LINKS[0][0], LINKS[0][1:])):
            for hover in (None, 0, HOVER_MS):
                out.setdefault(f"{label}|{hover}", []).append(_click_to_ready(browser, base, hover, link))
    return out


def _print_prefetch(results: dict[str, list[float]]) -> None:
    print(f"Click on a link to the assessment ({PREFETCH_FROM}) to engine ready, fresh profile "
          f"(median of {len(next(iter(results.values())))}):")
    print()
    print("| link | without fetching ahead | plain click | pointer on the link 1 s first |")
    print("| --- | --- | --- | --- |")
    for label in ("localhost", LINKS[0][0]):
        base = statistics.median(results[f"{label}|None"])
        click = statistics.median(results[f"{label}|0"])
        ahead = statistics.median(results[f"{label}|{HOVER_MS}"])
        print(f"| {label} | {base:.0f} ms | {click:.0f} ms ({click - base:+.0f}) "
              f"| {ahead:.0f} ms ({ahead - base:+.0f}) |")


def _paired(values: list[float], floors: list[float]) -> str:
    median, low, high = ratio_by_round(values, floors)
    return f"{median:.2f}x by round (middle half {low:.2f}-{high:.2f})"


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--network-only", action="store_true",
                        help="only the emulated links, return and offline visits (with the floor they need)")
    parser.add_argument("--prefetch-only", action="store_true",
                        help="only the click-to-ready times with and without fetching ahead")
    parser.add_argument("--bytes-only", action="store_true",
                        help="only the first visit's bytes: in total, by part and by file")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        site = site_copy(Path(tmp) / "site", args.site)
        _stock_page(site)
        bare_page(site)
        answers = [data["answers"] for data in scenarios().values()]
        names = [line.strip() for line in (TEST_DATA / "screening/pyodide_queries.txt")
                 .read_text(encoding="utf-8").splitlines() if line.strip()]
        pages = sorted(p.relative_to(site).as_posix().removesuffix("index.html")
                       for p in site.rglob("index.html")
                       if not p.relative_to(site).as_posix().startswith(("assets/", "_bench")))

        options = ServerOptions(gzip=True, cache_control_for=recommended_cache_control)
        with serve(site, options) as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS)
            if args.bytes_only:
                sizes = _bytes(browser, base, pages)
                browser.close()
                _print_bytes(sizes, len(pages))
                return
            if args.prefetch_only:
                ahead = _prefetch_visits(browser, base, args.runs)
                browser.close()
                _print_prefetch(ahead)
                return
            kinds = ("ours_cold", "ours_warm", "stock_cold", "stock_warm", "bare_cold", "bare_warm")
            runs: dict[str, list[dict[str, Any]]] = {k: [] for k in kinds}
            for _ in range(args.runs):
                for warm in (False, True):
                    suffix = "warm" if warm else "cold"
                    if not args.network_only:
                        runs[f"stock_{suffix}"].append(_ready_ms(browser, base + "_bench_stock/", warm))
                        runs[f"ours_{suffix}"].append(_ready_ms(browser, base + "self-assessment/", warm))
                    runs[f"bare_{suffix}"].append(_ready_ms(browser, base + "_bench_bare/", warm))
            sizes = _bytes(browser, base, pages)
            net = [_network_visits(browser, base) for _ in range(args.runs)]
            if args.network_only:
                browser.close()
                _print_network(net, sizes, runs)
                return
            trips = _round_trips(browser, base + "self-assessment/", answers, names)
            ahead = _prefetch_visits(browser, base, args.runs)
            browser.close()

    med = {k: statistics.median(r["ready"] for r in v) for k, v in runs.items()}
    ours = runs["ours_cold"] + runs["ours_warm"]
    long_tasks = [d for r in ours for d in r["longTasks"]]
    interactive = statistics.median(r["interactive"] for r in runs["ours_cold"])
    rows = [
        ("Engine ready, cold (median)", f"{med['ours_cold']:.0f} ms", f"stock {med['stock_cold']:.0f} ms: "
         f"{med['ours_cold'] / med['stock_cold']:.2f}x", "<= 0.40x"),
        ("Engine ready, cold, against the engine alone", f"{med['ours_cold']:.0f} ms",
         f"floor {med['bare_cold']:.0f} ms: {med['ours_cold'] / med['bare_cold']:.2f}x; "
         + _paired([r["ready"] for r in runs["ours_cold"]], [r["ready"] for r in runs["bare_cold"]]),
         "<= 1.05x"),
        ("Engine ready, warm (median)", f"{med['ours_warm']:.0f} ms", f"stock {med['stock_warm']:.0f} ms: "
         f"{med['ours_warm'] / med['stock_warm']:.2f}x", "<= 0.35x"),
        ("Engine alone on an empty page, cold / warm (median)", f"{med['bare_cold']:.0f} / {med['bare_warm']:.0f} ms",
         f"{med['bare_cold'] / med['stock_cold']:.2f}x / {med['bare_warm'] / med['stock_warm']:.2f}x of stock",
         "(the floor: no page around it)"),
        ("First input usable (domInteractive, cold median)", f"{interactive:.0f} ms", "", "<= 300 ms"),
        ("Main-thread tasks > 50 ms during boot", f"{len(long_tasks)} (longest {max(long_tasks, default=0):.0f} ms)",
         f"over {len(ours)} page loads", "none"),
        ("Re-score round trip p50 / p95", f"{_pct(trips['rescore'], 0.5):.1f} / {_pct(trips['rescore'], 0.95):.1f} ms",
         f"{len(trips['rescore'])} calls", "p95 <= 30 ms"),
        ("Screening round trip p50 / p95", f"{_pct(trips['screen'], 0.5):.1f} / {_pct(trips['screen'], 0.95):.1f} ms",
         f"{len(trips['screen'])} names", "p95 <= 50 ms"),
        ("Assessment page, bytes transferred (gzip)", f"{sizes['assessment'] / 1e6:.2f} MB", "all requests", "<= 6 MB"),
        ("Pyodide/engine bytes on guidance pages", f"{sizes['guidance_runtime']}", f"{len(pages) - 1} pages", "0"),
    ]
    worker = [r["timings"] for r in runs["ours_cold"] if r["timings"]]
    cpu = cpu_model()
    chromium = subprocess.run([chromium_executable(), "--version"], capture_output=True, text=True, check=False).stdout
    pyodide = json.loads((ROOT / "node_modules/pyodide/package.json").read_text())["version"]
    print(f"Machine: {os.cpu_count()} cores {cpu}, {platform.platform()}, Python {platform.python_version()}, "
          f"{chromium.strip()}, Pyodide {pyodide}, {args.runs} runs")
    print()
    print("| measure | ours | comparison | target |")
    print("| --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print()
    print("Assessment page bytes by part: " + ", ".join(
        f"{part} {size / 1e6:.2f} MB" for part, size in sorted(sizes["parts"].items(), key=lambda kv: -kv[1])))
    if worker:
        print()
        print("Inside the worker, cold (median ms): runtime "
              f"{statistics.median(w['runtime'] for w in worker):.0f}, wheels "
              f"{statistics.median(w['wheels'] for w in worker):.0f}, engine init "
              f"{statistics.median(w['init'] for w in worker):.0f}")


    print()
    _print_network(net, sizes, runs)
    print()
    _print_prefetch(ahead)


def _print_bytes(sizes: dict[str, Any], pages: int) -> None:
    print(f"Assessment page, first visit, bytes transferred (gzip): {sizes['assessment'] / 1e6:.3f} MB "
          f"(target <= 6 MB); Pyodide/engine bytes on {pages - 1} guidance pages: {sizes['guidance_runtime']}")
    print()
    print("| part | bytes |")
    print("| --- | --- |")
    for part, size in sorted(sizes["parts"].items(), key=lambda kv: -kv[1]):
        print(f"| {part} | {size / 1e6:.3f} MB |")
    print()
    print("| file | bytes |")
    print("| --- | --- |")
    for name, size in sorted(sizes["files"].items(), key=lambda kv: -kv[1]):
        print(f"| {name or '(page)'} | {size / 1e3:.1f} KB |")


def _print_network(net: list[dict[str, Any]], sizes: dict[str, Any], runs: dict[str, list[dict[str, Any]]]) -> None:
    floor_cold = statistics.median(r["ready"] for r in runs["bare_cold"])
    floor_warm = statistics.median(r["ready"] for r in runs["bare_warm"])
    floor_next = statistics.median(n["floor_next"] for n in net)
    floors_next = [n["floor_next"] for n in net]
    total = sizes["assessment"]
    print(f"As people meet it (median of {len(net)}; first-visit bytes {total / 1e6:.2f} MB, "
          f"floor cold {floor_cold:.0f} ms, warm (reload) {floor_warm:.0f} ms, next visit {floor_next:.0f} ms, "
          f"{CHAIN_ROUND_TRIPS} round trips):")
    print()
    print("| visit | engine ready | lower bound | ratio | target |")
    print("| --- | --- | --- | --- | --- |")
    for label, mbit, rtt in LINKS:
        ready = statistics.median(n[label] for n in net)
        bound = total * 8 / (mbit * 1e6) * 1000 + CHAIN_ROUND_TRIPS * rtt + floor_cold
        target = "<= 1.2x" if mbit == LINKS[0][1] else ""
        print(f"| first visit, {label} | {ready:.0f} ms | {bound:.0f} ms | {ready / bound:.2f}x | {target} |")
    ret = statistics.median(n["return"] for n in net)
    requests = max(len(n["return_requests"]) for n in net)
    print(f"| return visit, next day ({LINKS[0][0]}) | {ret:.0f} ms | {floor_next:.0f} ms (floor, next visit) | "
          f"{ret / floor_next:.2f}x, {_paired([n['return'] for n in net], floors_next)} "
          f"({ret / floor_warm:.2f}x of the reload); {requests} requests for the engine's "
          "files | <= 1.1x; 0 requests |")
    for n in net:
        for url in n["return_requests"]:
            print(f"  return visit asked the network for {url}")
    off = statistics.median(n["offline"] for n in net)
    print(f"| offline after one visit | {off:.0f} ms | {floor_next:.0f} ms (floor, next visit) | "
          f"{off / floor_next:.2f}x, {_paired([n['offline'] for n in net], floors_next)} | reaches a result |")


if __name__ == "__main__":
    main()
