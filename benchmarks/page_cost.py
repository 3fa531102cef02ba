"""What the self-assessment page costs the engine's start: prints figures, asserts nothing.

Usage: python benchmarks/page_cost.py [--runs 10] [--site DIR] [--cpus N]

The engine starts in a Web Worker, but the worker shares the machine's cores with
everything else the page makes the browser do while the engine downloads and compiles
the interpreter: parse the page, compute its styles, lay it out, paint and raster it,
fetch and run its scripts. When the engine's start keeps every core busy, that work
comes on top of it. This benchmark measures by how much, in a fresh profile each time
(cold), served on 127.0.0.1 with gzip, for three pages loaded in turn, round after
round:

- the self-assessment page as built;
- the same page drawn only once the engine is ready: the same HTML, styles and
  scripts, with the body hidden (display: none) until the engine has started, so the
  browser lays out, paints and rasters nothing meanwhile. Nobody would ship it (the
  reader would see a blank page until then): it shows what drawing the page costs;
- the engine alone on an empty page (the floor of engine_boot.py).

For each it prints the median time to engine ready; the median and middle half of the
ratio to the floor loaded in the same round (pairs cancel the machine's slow drifts);
the first contentful paint; the page's main-thread CPU time until ready (the DevTools
protocol's Performance metrics, thread time); and, on Linux, the CPU time of every
process on the machine from navigation to ready (from /proc: the browser's processes,
the test server and Playwright), by part, beside the machine's capacity over the same
time (cores x elapsed), which says whether the start is bound by the processor.

--cpus N runs the browser on the first N cores only (taskset), to see how the cost
changes with the number of cores. Figures go into docs/performance.md.
"""

from __future__ import annotations

import argparse
import collections
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from playwright.sync_api import Browser, sync_playwright  # noqa: E402

from tests.support.build import CHROMIUM_ARGS, site_copy  # noqa: E402
from tests.support.server import ServerOptions, serve  # noqa: E402

import boot_common  # noqa: E402 - benchmarks/ is on sys.path

# Hides the page until engine.mjs sets data-engine on the root element (ready or failed).
UNDRAWN_STYLE = "<style>html:not([data-engine=ready]):not([data-engine=failed]) body{display:none}</style>"
ENGINE_TAG = '<script type="module" async src="../assets/js/engine.mjs"></script>'

PAGES = (
    ("page", "self-assessment/", "the self-assessment page"),
    ("undrawn", "_bench_undrawn/", "the same page, drawn only once the engine is ready"),
    ("bare", "_bench_bare/", "the engine alone on an empty page (the floor)"),
)
METRICS = ("TaskDuration", "ScriptDuration", "RecalcStyleDuration", "LayoutDuration")

# Parts of the machine's CPU time, by process type and thread name (Chromium names its threads).
PARTS = (
    ("engine's worker thread", lambda kind, thread: kind == "renderer" and thread.startswith("DedicatedWorker")),
    ("page's main thread", lambda kind, thread: kind == "renderer" and thread in ("chromium", "CrRendererMain")),
    ("renderer's pool (WebAssembly compiler, raster, GC)",
     lambda kind, thread: kind == "renderer" and thread.startswith(("ThreadPool", "CompositorTile"))),
    ("rest of the renderer", lambda kind, thread: kind == "renderer"),
    ("browser, network and GPU processes", lambda kind, thread: kind in ("browser", "utility", "gpu-process")),
    ("test server and Playwright", lambda kind, thread: kind == "harness"),
)
HZ = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _undrawn_page(site: Path) -> None:
    html = (site / "self-assessment" / "index.html").read_text(encoding="utf-8")
    if ENGINE_TAG not in html:
        raise SystemExit("the self-assessment page no longer starts with engine.mjs: update page_cost.py")
    (site / "_bench_undrawn").mkdir(exist_ok=True)
    (site / "_bench_undrawn" / "index.html").write_text(
        html.replace(ENGINE_TAG, ENGINE_TAG + UNDRAWN_STYLE, 1), encoding="utf-8")


def _cpu_snapshot() -> dict[tuple[str, str], tuple[str, str, int]]:
    """CPU ticks per thread of the browser's processes and of this harness (Linux /proc)."""
    out: dict[tuple[str, str], tuple[str, str, int]] = {}
    proc = Path("/proc")
    if not (proc / "self" / "task").exists():
        return out
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            words = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").split()
            if not words:
                continue
            if entry.name == str(os.getpid()) or "playwright" in " ".join(words[:3]) or words[0].endswith("node"):
                kind = "harness"
            elif "chrom" in words[0]:
                kind = next((w[len("--type="):] for w in words if w.startswith("--type=")), "browser")
            else:
                continue
            for task in (entry / "task").iterdir():
                stat = (task / "stat").read_text()
                name = stat[stat.find("(") + 1:stat.rfind(")")]
                fields = stat[stat.rfind(")") + 2:].split()
                out[(entry.name, task.name)] = (kind, name, int(fields[11]) + int(fields[12]))
        except OSError:
            continue  # a process or thread that ended meanwhile
    return out


def _cpu_parts(before: dict[Any, tuple[str, str, int]], after: dict[Any, tuple[str, str, int]]) -> dict[str, float]:
    parts: dict[str, float] = collections.Counter()
    for key, (kind, thread, ticks) in after.items():
        spent = (ticks - before.get(key, (kind, thread, 0))[2]) * 1000 / HZ
        if spent <= 0:
            continue
        label = next(label for label, test in (*PARTS, ("other", lambda k, t: True)) if test(kind, thread))
        parts[label] += spent
    return dict(parts)


def _load(browser: Browser, url: str) -> dict[str, Any]:
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.add_init_script(boot_common.OBSERVE)
    page.goto("about:blank")
    session = context.new_cdp_session(page)
    session.send("Performance.enable", {"timeDomain": "threadTicks"})
    before, started = _cpu_snapshot(), time.perf_counter()
    boot_common.goto_ready(page, url)
    # Counters first, at once: Material's bundle starts when the engine is ready, and anything in
    # between (engine_boot._visit's evaluate, say) counts its work too (measured: 47 -> 58 ms).
    after, elapsed = _cpu_snapshot(), (time.perf_counter() - started) * 1000
    metrics = {m["name"]: m["value"] for m in session.send("Performance.getMetrics")["metrics"]}
    timings = page.evaluate("""() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return { ready: window.__boot.readyAt, fcp: fcp ? fcp.startTime : null };
    }""")
    context.close()
    return {**timings, "elapsed": elapsed, "cpu": _cpu_parts(before, after),
            **{name: metrics.get(name, 0.0) * 1000 for name in METRICS}}


def _median(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def _chromium_on(cpus: int | None, tmp: Path) -> tuple[str, int]:
    """The browser to launch, and the cores it runs on (a taskset wrapper for --cpus)."""
    chromium = boot_common.chromium_executable()
    if not cpus:
        return chromium, os.cpu_count() or 1
    taskset = shutil.which("taskset")
    if taskset is None:
        raise SystemExit("--cpus needs taskset (util-linux)")
    wrapper = tmp / "chromium-on-cores"
    wrapper.write_text(f'#!/bin/sh\nexec {taskset} -c 0-{cpus - 1} {chromium} "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    return str(wrapper), cpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--cpus", type=int, help="run the browser on this many cores only (taskset)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        site = site_copy(Path(tmp) / "site", args.site)
        boot_common.bare_page(site)
        _undrawn_page(site)
        executable, cores = _chromium_on(args.cpus, Path(tmp))
        results: dict[str, list[dict[str, Any]]] = {key: [] for key, _, _ in PAGES}
        options = ServerOptions(gzip=True, cache_control_for=boot_common.recommended_cache_control)
        with serve(site, options) as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            for _, rel, _ in PAGES:  # the test server compresses each file on its first request: not measured
                _load(browser, base + rel)
            for _ in range(args.runs):
                for key, rel, _ in PAGES:
                    results[key].append(_load(browser, base + rel))
            browser.close()

    cpu = boot_common.cpu_model()
    print(f"Machine: {os.cpu_count()} cores {cpu}, {platform.platform()}; the browser on {cores} of them; "
          f"cold loads, {args.runs} rounds, medians")
    print()
    print("| page | engine ready | ratio to the floor, same round (middle half) | first contentful paint "
          "| main-thread CPU until ready: all (scripts / styles / layout) |")
    print("| --- | --- | --- | --- | --- |")
    floor = results["bare"]
    for key, _, label in PAGES:
        rows = results[key]
        ratio, low, high = boot_common.ratio_by_round([r["ready"] for r in rows], [f["ready"] for f in floor])
        fcp = _median([r["fcp"] for r in rows])
        parts = " / ".join(f"{_median([r[m] for r in rows]):.0f}" for m in METRICS[1:])
        print(f"| {label} | {_median([r['ready'] for r in rows]):.0f} ms "
              f"| {ratio:.2f}x ({low:.2f}-{high:.2f}) "
              f"| {'none before ready' if fcp is None else f'{fcp:.0f} ms'} "
              f"| {_median([r['TaskDuration'] for r in rows]):.0f} ms ({parts} ms) |")
    if not any(r["cpu"] for r in floor):
        return
    print()
    print(f"CPU time of every process from navigation to engine ready (mean ms; {HZ} ticks a second, so each "
          "figure is within about 10 ms of a single load's):")
    print()
    print("| part | " + " | ".join(label for _, _, label in PAGES) + " |")
    print("| --- | " + " | ".join("---" for _ in PAGES) + " |")
    names = [label for label, _ in PARTS] + ["other"]
    for name in names:
        means = [statistics.mean(r["cpu"].get(name, 0.0) for r in results[key]) for key, _, _ in PAGES]
        print(f"| {name} | " + " | ".join(f"{m:.0f}" for m in means) + " |")
    totals = [statistics.mean(sum(r["cpu"].values()) for r in results[key]) for key, _, _ in PAGES]
    capacity = [statistics.mean(r["elapsed"] for r in results[key]) * cores for key, _, _ in PAGES]
    print("| **all processes** | " + " | ".join(f"**{t:.0f}**" for t in totals) + " |")
    print(f"| capacity ({cores} cores x time to ready) | " + " | ".join(f"{c:.0f}" for c in capacity) + " |")


if __name__ == "__main__":
    main()
