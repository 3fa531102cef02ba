"""CPU seconds that one test's browser context costs Chromium, with the tests' flags and with a reader's: prints
figures, asserts nothing.

Usage:
    python benchmarks/browser_start_cpu.py [--site DIR] [--starts 4]

For each flag set (tests.support.build.CHROMIUM_ARGS, as the benchmarks and a reader's browser run, and
TEST_CHROMIUM_ARGS, as the tests run), one Chromium opens `--starts` browser contexts in turn, each loading the
self-assessment page until its engine is ready, as most browser tests do. Printed: the CPU seconds per start of
every Chromium thread, summed by process kind and thread name (from /proc, while the contexts are still open),
and the total. The CPU seconds, not the wall time, are what a run of the suite on two cores runs out of.
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.support.build import CHROMIUM_ARGS, TEST_CHROMIUM_ARGS, chromium_path, site_copy  # noqa: E402
from tests.support.server import ServerOptions, serve  # noqa: E402
from tests.support.ui import wait_ready  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")


def chromium_threads(profile: str) -> collections.Counter[tuple[str, str]]:
    """CPU seconds so far of every thread of the Chromium started with ``profile`` in its command line, by
    (process kind, thread name)."""
    out: collections.Counter[tuple[str, str]] = collections.Counter()
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            if profile not in cmd:
                continue
            kind = cmd.split("--type=")[1].split(" ")[0] if "--type=" in cmd else "browser"
            if "top-chrome-webui" in cmd:
                kind += " (window's own WebUI)"
            for tid in os.listdir(f"/proc/{pid}/task"):
                stat = Path(f"/proc/{pid}/task/{tid}/stat").read_text()
                name = stat[stat.index("(") + 1:stat.rindex(")")]
                fields = stat[stat.rindex(")") + 2:].split()
                out[(kind, name)] += (int(fields[11]) + int(fields[12])) / TICK
        except (OSError, IndexError, ValueError):
            continue  # a process or thread that ended meanwhile
    return out


def _profiles() -> set[str]:
    """The profile folders of the Chromiums Playwright runs now (each launch makes its own)."""
    found = set()
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue
        found.update(re.findall(r"playwright_chromiumdev_profile-\w+", cmd))
    return found


def measure(url: str, args: list[str], starts: int) -> collections.Counter[tuple[str, str]]:
    with sync_playwright() as pw:
        earlier = _profiles()
        chromium = pw.chromium.launch(executable_path=chromium_path(), args=args)
        new = _profiles() - earlier
        if len(new) != 1:
            sys.exit(f"cannot tell this Chromium's processes from others: {sorted(new)}")
        tag = new.pop()
        before = chromium_threads(tag)
        contexts = []
        for _ in range(starts):
            context = chromium.new_context(service_workers="block")
            page = context.new_page()
            page.goto(url + "self-assessment/")
            wait_ready(page)
            contexts.append(context)
        time.sleep(2)  # background compilation still running after "ready"
        after = chromium_threads(tag)
        chromium.close()
    return collections.Counter({k: (v - before.get(k, 0.0)) / starts for k, v in after.items()})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--starts", type=int, default=4)
    ns = parser.parse_args()
    if chromium_path() is None:
        sys.exit("no Chromium: set CHROMIUM_PATH")
    with tempfile.TemporaryDirectory(prefix="rs-site-") as tmp:
        site = site_copy(Path(tmp) / "site", ns.site)
        with serve(site, ServerOptions()) as url:
            for label, args in (("a reader's flags (CHROMIUM_ARGS)", CHROMIUM_ARGS),
                                ("the tests' flags (TEST_CHROMIUM_ARGS)", TEST_CHROMIUM_ARGS)):
                figures = measure(url, args, ns.starts)
                print(f"{label}: {sum(figures.values()):.2f} CPU-s per start ({ns.starts} starts)")
                for (kind, thread), seconds in figures.most_common(8):
                    print(f"  {seconds:5.2f}  {kind}: {thread}")
    print(f"load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (other work inflates the figures)")


if __name__ == "__main__":
    main()
