"""Lighthouse scores for every page of the built site: prints a table, asserts nothing.

Usage: python benchmarks/lighthouse.py [--site DIR] [--lighthouse PATH] [--pages a/,b/]

Lighthouse is not one of the project's dependencies: install it outside the
project (it downloads no browser; it drives the system Chromium through CHROME_PATH):

    mkdir -p /tmp/lh && cd /tmp/lh && npm install lighthouse@12

Builds the site (or uses --site), serves it on 127.0.0.1 with gzip and the
hosting guide's cache headers (as benchmarks/engine_boot.py does), and runs
Lighthouse with its defaults (a mobile device, simulated slow 4G and a 4x slower
processor) on each page: performance, accessibility, best practices, SEO, plus
the page's Largest Contentful Paint and Total Blocking Time. The scores depend on
the machine and how busy it is; the table goes into docs/performance.md with both.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from tests.support.build import chromium_path, site_copy  # noqa: E402
from tests.support.server import ServerOptions, serve  # noqa: E402

from boot_common import recommended_cache_control  # noqa: E402

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
DEFAULT_LIGHTHOUSE = Path("/tmp/lh/node_modules/.bin/lighthouse")


def run(lighthouse: str, url: str, chrome: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        proc = subprocess.run(
            [lighthouse, url, "--output=json", f"--output-path={report}", "--quiet",
             f"--only-categories={','.join(CATEGORIES)}",
             "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run"],
            env={**os.environ, "CHROME_PATH": chrome}, capture_output=True, text=True, timeout=300, check=False)
        if proc.returncode != 0 or not report.exists():
            raise SystemExit(f"lighthouse failed on {url}:\n{proc.stderr[-2000:]}")
        data = json.loads(report.read_text(encoding="utf-8"))
    scores: dict[str, Any] = {c: round((data["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}
    audits = data["audits"]
    scores["lcp"] = audits["largest-contentful-paint"]["numericValue"]
    scores["tbt"] = audits["total-blocking-time"]["numericValue"]
    # What cost points: audits of the four categories that scored below 1 (manual and n/a ones aside).
    scores["lost"] = sorted({ref["id"] for c in CATEGORIES for ref in data["categories"][c]["auditRefs"]
                             if ref.get("weight") and audits[ref["id"]].get("score") is not None
                             and audits[ref["id"]]["score"] < 1})
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--lighthouse", default=os.environ.get("LIGHTHOUSE", str(DEFAULT_LIGHTHOUSE)))
    parser.add_argument("--pages", help="comma-separated site-relative pages (default: every page)")
    args = parser.parse_args()
    lighthouse = shutil.which(args.lighthouse) or args.lighthouse
    if not Path(lighthouse).exists():
        sys.exit(f"{args.lighthouse} not found: install it as the docstring says, or pass --lighthouse")
    chrome = chromium_path()
    if chrome is None:
        sys.exit("Chromium not found: install it (apt-get install chromium) or set CHROMIUM_PATH")
    version = subprocess.run([lighthouse, "--version"], capture_output=True, text=True, check=False).stdout.strip()

    with tempfile.TemporaryDirectory() as tmp:
        site = site_copy(Path(tmp) / "site", args.site)
        pages = args.pages.split(",") if args.pages else sorted(
            p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("index.html")
            if not p.relative_to(site).as_posix().startswith(("assets/", "_")))
        options = ServerOptions(gzip=True, cache_control_for=recommended_cache_control)
        results: dict[str, dict[str, Any]] = {}
        with serve(site, options) as base:
            for rel in pages:
                results[rel] = run(lighthouse, base + rel, chrome)
                print(f"  {rel or '/'}: {results[rel]}", file=sys.stderr, flush=True)

    print(f"Lighthouse {version}, mobile defaults (simulated slow 4G, 4x CPU slowdown), {len(pages)} pages")
    print()
    print("| page | performance | accessibility | best practices | SEO | LCP | TBT |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for rel, s in results.items():
        print(f"| {rel or '/'} | {s['performance']} | {s['accessibility']} | {s['best-practices']} | {s['seo']} "
              f"| {s['lcp'] / 1000:.1f} s | {s['tbt']:.0f} ms |")
    for key in CATEGORIES:
        values = [s[key] for s in results.values()]
        print(f"{key}: median {statistics.median(values):.0f}, lowest {min(values)}")
    lost: dict[str, list[str]] = {}
    for rel, s in results.items():
        for audit in s["lost"]:
            lost.setdefault(audit, []).append(rel or "/")
    for audit, where in sorted(lost.items()):
        print(f"points lost to {audit}: {len(where)} pages ({', '.join(where[:4])}{', ...' if len(where) > 4 else ''})")


if __name__ == "__main__":
    main()
