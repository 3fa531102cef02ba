"""What the browser benchmarks share: the page observer, the empty page with the engine alone (the floor), Chromium,
waiting for the engine, the hosting guide's cache headers, the processor's name and ratios by round.

Used by engine_boot.py, page_cost.py and lighthouse.py (each puts benchmarks/ on sys.path).
"""

from __future__ import annotations

import re
import statistics
import sys
from pathlib import Path
from typing import Any

from tests.support.build import chromium_path

OBSERVE = """
window.__boot = { longTasks: [] };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__boot.longTasks.push([e.startTime, e.duration]);
}).observe({ type: "longtask", buffered: true });
new MutationObserver(() => {
  const state = document.documentElement.dataset.engine;
  if (state === "ready" && !window.__boot.readyAt) {
    window.__boot.readyAt = performance.now();
    console.debug("rs-bench:ready");
  } else if (state === "failed") {
    console.debug("rs-bench:failed");
  }
}).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-engine"] });
"""


BARE_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Engine alone</title>
<script type="module" src="../assets/js/engine.mjs"></script></head>
<body><p>The site's engine module and worker on an empty page: the floor for the assessment page.</p></body></html>
"""


def chromium_executable() -> str:
    path = chromium_path()
    if path is None:
        sys.exit("Chromium not found: install it (apt-get install chromium) or set CHROMIUM_PATH")
    return path


def cpu_model() -> str:
    """The processor's model name, for the figures' machine line ("" where /proc/cpuinfo is missing)."""
    info = Path("/proc/cpuinfo")
    if not info.exists():
        return ""
    models = [line.split(":", 1)[1].strip() for line in info.read_text().splitlines() if line.startswith("model name")]
    return models[0] if models else ""


def bare_page(site: Path) -> None:
    (site / "_bench_bare").mkdir(exist_ok=True)
    (site / "_bench_bare" / "index.html").write_text(BARE_PAGE, encoding="utf-8")


def goto_ready(page: Any, url: str) -> None:
    """Navigate and wait for the engine, without touching the page while it boots.

    The page's own observer (OBSERVE) reports through the console. Polling from
    here would cost the page main-thread time: a failing locator assertion
    builds an accessibility snapshot of the whole page on every retry (measured
    at ~340 ms of main-thread work per boot), and wait_for_function is eval,
    which the pages' CSP forbids.
    """
    with page.expect_console_message(lambda m: m.text.startswith("rs-bench:"), timeout=120_000) as message:
        page.goto(url)
    if message.value.text != "rs-bench:ready":
        raise SystemExit(f"{url}: the engine failed to start")


HASHED = re.compile(r"^assets/(pyodide/[0-9a-f]{16}/|engine/.*\.[0-9a-f]{16}\.(whl|json)$)")


def recommended_cache_control(rel: str) -> str:
    """The hosting guide's headers: content-hashed files for good, everything else checked."""
    return "public, max-age=31536000, immutable" if HASHED.match(rel) else "no-cache"


def ratio_by_round(values: list[float], floors: list[float]) -> tuple[float, float, float]:
    """The median of the ratios of visits to the floor measured in the same round, and their middle half.

    A round's visits come within seconds (minutes for the return visits) of each other, so
    the machine's slower and faster spells, which move the medians of a whole run by more than
    the targets' margins, cancel out of each ratio.
    """
    ratios = sorted(v / f for v, f in zip(values, floors, strict=True))
    return statistics.median(ratios), ratios[len(ratios) // 4], ratios[(3 * len(ratios)) // 4]
