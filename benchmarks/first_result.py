"""Time to the first complete result with two partner names, beside engine ready: prints figures, asserts nothing.

Usage: python benchmarks/first_result.py [--runs 5] [--site DIR] [--against DIR]

A person who answered before the engine was ready (the answers are in the tab's
storage when the page opens: a formal project with two partners, one of them
listed) waits for two things: the engine (``<html data-engine="ready">``) and
the first result that holds the screening of both names. Both are taken in the
page, from navigation start, by a MutationObserver added before the page's own
scripts (Playwright's init script, outside the page's Content-Security-Policy).
Each load is cold (a new browser context); the site is served on 127.0.0.1
with gzip like a static host. Target: the first complete result within 1.2x of
engine ready. The figures go into docs/performance.md.

``--against DIR`` loads another built site (an earlier build, say) in turn with
the first, load by load, so that both meet the same spells of a shared
machine, and prints its figures too.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Browser, sync_playwright  # noqa: E402

from tests.support.build import CHROMIUM_ARGS, chromium_path, site_copy  # noqa: E402
from tests.support.server import ServerOptions, serve  # noqa: E402

STORAGE_KEY = "rs-answers-v1"  # site_src/assessment-form.mjs
ANSWERS = {
    "activities": ["collaboration"], "sponsors": ["dod"], "collaboration_type": "formal",
    "partners": [{"names": ["Harbin Institute of Technology"], "country": "CN"},
                 {"names": ["Technical University of Munich"], "country": "DE"}],
    "own_coc_funding": "yes",
}
# Records when the engine is ready and when the result first lists both names' screening.
OBSERVE = """
(() => {
  sessionStorage.setItem(%(key)s, %(answers)s);
  const look = () => {
    const root = document.documentElement;
    if (!root.dataset.benchReady && root.dataset.engine === "ready") root.dataset.benchReady = performance.now();
    if (!root.dataset.benchResult && document.querySelectorAll("#rs-result .rs-screen-summary li").length >= 2) {
      root.dataset.benchResult = performance.now();
    }
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true });
})();
"""


def _load(browser: Browser, url: str) -> dict[str, float]:
    context = browser.new_context(service_workers="block")
    context.add_init_script(OBSERVE % {"key": json.dumps(STORAGE_KEY), "answers": json.dumps(json.dumps(ANSWERS))})
    page = context.new_page()
    page.goto(url)
    # Marks as attributes, read by selector: the page's CSP forbids the string evaluation a function wait uses.
    page.wait_for_selector("html[data-bench-result]", state="attached", timeout=120_000)
    marks = {"ready": float(page.get_attribute("html", "data-bench-ready") or "nan"),
             "result": float(page.get_attribute("html", "data-bench-result") or "nan")}
    context.close()
    return marks


def _table(rows: list[dict[str, float]]) -> None:
    ready = [r["ready"] for r in rows]
    result = [r["result"] for r in rows]
    ratios = sorted(b / a for a, b in zip(ready, result, strict=True))
    print("| measure | median | each load |")
    print("| --- | --- | --- |")
    print(f"| engine ready | {statistics.median(ready):.0f} ms | {', '.join(f'{v:.0f}' for v in ready)} |")
    print(f"| first complete result, two partner names | {statistics.median(result):.0f} ms "
          f"| {', '.join(f'{v:.0f}' for v in result)} |")
    print(f"| ratio (result / ready), by load | {statistics.median(ratios):.2f}x "
          f"| {', '.join(f'{v:.2f}' for v in ratios)} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--against", type=Path, help="another built site, loaded in turn with the first")
    args = parser.parse_args()
    executable = chromium_path()
    if executable is None:
        sys.exit("Chromium not found: install it (apt-get install chromium) or set CHROMIUM_PATH")
    with tempfile.TemporaryDirectory() as tmp:
        site = site_copy(Path(tmp) / "site", args.site)
        with contextlib.ExitStack() as stack, sync_playwright() as pw:
            bases = [stack.enter_context(serve(site, ServerOptions(gzip=True)))]
            if args.against:
                bases.append(stack.enter_context(serve(args.against, ServerOptions(gzip=True))))
            browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            for base in bases:
                _load(browser, base + "self-assessment/")  # the server compresses each file on its first request
            rows: list[list[dict[str, float]]] = [[] for _ in bases]
            for _ in range(args.runs):
                for n, base in enumerate(bases):
                    rows[n].append(_load(browser, base + "self-assessment/"))
            browser.close()
    print(f"Machine: {os.cpu_count()} cores, {platform.platform()}, load average {os.getloadavg()[0]:.1f}; "
          f"{args.runs} cold loads, medians")
    for n, site_rows in enumerate(rows):
        print()
        if args.against:
            print(f"{'this build' if n == 0 else args.against}:")
        _table(site_rows)
    print()
    print("Target: the first complete result within 1.2x of engine ready.")


if __name__ == "__main__":
    main()
