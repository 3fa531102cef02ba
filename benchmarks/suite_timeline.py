"""Where a test run's wall time goes, per test process: prints figures, asserts nothing.

Usage:
    RS_TIMELINE=/tmp/run.jsonl ./dev test          # or any pytest run; each process appends its lines
    python benchmarks/suite_timeline.py /tmp/run.jsonl [--top 20] [--width 100]

The file is written by tests/support/timeline.py (one JSON object a line: each process's session start
and end with its CPU seconds, each test's setup/call/teardown with start and stop, each site build and
each wait for a build's lock). Printed:

- the run's wall time and, per test process (xdist worker), when it started and ended, how long it ran
  tests (busy), how long it waited for nothing (idle: between tests, mostly in the start-up, and after its
  last test while another process still ran: the tail), and its CPU seconds: the whole tree of processes
  under it (Chromium, Node, mkdocs), from /proc as each file started (the sum of the files' figures),
  and what getrusage reports
  (the process and the children it waited for: what `time` shows, which leaves most of Chromium out);
- the builds (which process, when, how long) and each wait for another process's build of more than a
  second;
- the critical path: the process that ended last, and what it ran (file by file: with
  `--dist loadfile` a file is the unit handed out); beside it the lower bound of a perfect split
  (all busy time / processes) and the longest single file (no split of files can beat it);
- the slowest files (wall and the CPU seconds of their process's tree meanwhile) and phases;
  and a strip per process, one character per time slice: U unit,
  S site, P pyodide, B browser, O other tests, w a wait for a build's lock, . idle.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
from collections import defaultdict
from pathlib import Path
from typing import Any

TIERS = {"unit": "U", "site": "S", "pyodide": "P", "browser": "B"}


def _tier(nodeid: str) -> str:
    parts = nodeid.split("/")
    return TIERS.get(parts[1], "O") if len(parts) > 2 and parts[0] == "tests" else "O"


def _file(nodeid: str) -> str:
    return nodeid.split("::", 1)[0]


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def report(events: list[dict[str, Any]], top: int, width: int) -> None:
    sessions: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    tests: dict[str, list[dict[str, Any]]] = defaultdict(list)
    builds, locks, marks = [], [], defaultdict(list)
    for e in events:
        kind = e.get("event")
        if kind in ("session-start", "session-end"):
            sessions[e["worker"]][kind] = e
        elif kind == "test":
            tests[e["worker"]].append(e)
        elif kind in ("file-start", "tests-done"):
            marks[e["worker"]].append(e)
        elif kind == "build":
            builds.append(e)
        elif kind == "build-lock" and not e.get("ahead"):  # a test waiting, not the builds started ahead
            locks.append(e)
    controller = next((w for w, s in sessions.items() if s.get("session-start", {}).get("controller")), None)
    workers = sorted(w for w in tests if w != controller) or sorted(tests)
    starts = [s["session-start"]["at"] for s in sessions.values() if "session-start" in s]
    ends = [s["session-end"]["at"] for s in sessions.values() if "session-end" in s]
    all_tests = [t for w in workers for t in tests[w]]
    t0 = min(starts or [t["start"] for t in all_tests])
    t1 = max(ends or [t["stop"] for t in all_tests])
    wall = t1 - t0
    print(f"wall {wall:.1f} s (first session start to last session end), {len(workers)} test process(es), "
          f"{sum(1 for t in all_tests if t['when'] == 'call')} tests")

    # A file's CPU: the tree's figure at the next file's start less the figure at its own. Where a tree
    # of processes ended meanwhile (a browser closed), its figures went with it: the difference falls,
    # and that file's CPU is unknown (printed as nan; the total adds what is known).
    file_cpu: dict[tuple[str, str], float] = {}
    for w, unsorted in marks.items():
        for a, b in itertools.pairwise(sorted(unsorted, key=lambda m: m["at"])):
            if a["event"] == "file-start" and a.get("tree_cpu") is not None and b.get("tree_cpu") is not None:
                used = b["tree_cpu"] - a["tree_cpu"]
                file_cpu[(w, a["file"])] = file_cpu.get((w, a["file"]), 0.0) + used if used >= 0 else float("nan")
    print("\nper process            start    end   busy   idle  (of it tail)  CPU-s tree / rusage")
    busy_of: dict[str, float] = {}
    ends_of: dict[str, float] = {}
    cpu_total = 0.0
    for w in workers:
        mine = sorted(tests[w], key=lambda t: t["start"])
        s = sessions.get(w, {})
        start = s.get("session-start", {}).get("at", mine[0]["start"])
        end_at = mine[-1]["stop"]
        busy = sum(t["stop"] - t["start"] for t in mine)
        span = end_at - start
        tail = t1 - end_at
        cpu = s.get("session-end", {}).get("cpu")
        known = [c for (w_, _), c in file_cpu.items() if w_ == w and not math.isnan(c)]
        tree = (sum(known) + min((m["tree_cpu"] for m in marks[w] if m.get("tree_cpu") is not None), default=0.0)
                if known else None)
        cpu_total += tree or 0.0
        busy_of[w], ends_of[w] = busy, end_at
        print(f"  {w:<18} {start - t0:6.1f} {end_at - t0:6.1f} {busy:6.1f} {span - busy + tail:6.1f}  ({tail:6.1f})"
              f"  {tree if tree is not None else float('nan'):7.1f} / {cpu if cpu is not None else float('nan'):6.1f}")
    if controller and "session-end" in sessions[controller]:
        c = sessions[controller]["session-end"]["cpu"]
        print(f"  test processes' trees together: {cpu_total:.1f} CPU-s; getrusage of the whole run {c:.1f} CPU-s "
              f"(= `time`); {cpu_total / wall:.2f} cores busy on average")

    if builds:
        print("\nbuilds (process, config, from, to, seconds, exit code)")
        for b in sorted(builds, key=lambda b: b["start"]):
            print(f"  {b['worker']:<6} {Path(b['config']).name:<28} {b['start'] - t0:6.1f} {b['stop'] - t0:6.1f} "
                  f"{b['stop'] - b['start']:6.1f}  {b['returncode']}")
        print(f"  all builds {sum(b['stop'] - b['start'] for b in builds):.1f} s")
    waits = [lk for lk in locks if lk["stop"] - lk["start"] > 1]
    if waits:
        print("\nwaits for another process's build (process, build, from, seconds)")
        for lk in sorted(waits, key=lambda lk: lk["start"]):
            print(f"  {lk['worker']:<6} {lk['name']:<22} {lk['start'] - t0:6.1f} {lk['stop'] - lk['start']:6.1f}")

    files: dict[tuple[str, str], list[float]] = {}
    for w in workers:
        for t in tests[w]:
            key = (w, _file(t["nodeid"]))
            span_ = files.setdefault(key, [t["start"], t["stop"], 0.0])
            span_[0], span_[1] = min(span_[0], t["start"]), max(span_[1], t["stop"])
            span_[2] += t["stop"] - t["start"]
    last = max(workers, key=lambda w: ends_of[w])
    perfect = sum(busy_of.values()) / len(workers)
    longest = max(files.items(), key=lambda kv: kv[1][2])
    print(f"\ncritical path: {last} ends last, at {ends_of[last] - t0:.1f} s; a perfect split of the busy time "
          f"would end at {perfect:.1f} s after the first start; the longest file, {longest[0][1]}, "
          f"takes {longest[1][2]:.1f} s")
    print(f"  {last}'s files in order (from, to, busy seconds):")
    for (w, name), (a, b, busy) in sorted(files.items(), key=lambda kv: kv[1][0]):
        if w == last and busy >= 2:
            print(f"    {a - t0:6.1f} {b - t0:6.1f} {busy:6.1f}  {name}")
    print(f"    (files under 2 s: {sum(1 for (w, _), v in files.items() if w == last and v[2] < 2)})")

    print("\nslowest files (busy seconds, CPU-s of the process's tree meanwhile, process)")
    for (w, name), (_, _, busy) in sorted(files.items(), key=lambda kv: -kv[1][2])[:top]:
        print(f"  {busy:6.1f} {file_cpu.get((w, name), float('nan')):6.1f}  {w:<6} {name}")
    if file_cpu:
        tiers: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
        for (w, name), (_, _, busy) in files.items():
            tiers[_tier(name + "::")][0] += busy
            if not math.isnan(cpu := file_cpu.get((w, name), 0.0)):
                tiers[_tier(name + "::")][1] += cpu
        print("  by tier: " + "; ".join(f"{t} {b:.0f} s busy, {c:.0f} CPU-s" for t, (b, c) in sorted(tiers.items())))
    print("\nslowest phases")
    for t in sorted(all_tests, key=lambda t: t["start"] - t["stop"])[:top]:
        print(f"  {t['stop'] - t['start']:6.1f}  {t['when']:<8} {t['worker']:<6} {t['nodeid']}")

    step = max(wall / width, 0.001)
    print(f"\none character = {step:.1f} s: U unit, S site, P pyodide, B browser, O other, w build lock, . idle")
    for w in workers:
        strip = ["."] * (int(wall / step) + 1)
        for t in tests[w]:
            for i in range(int((t["start"] - t0) / step), int((t["stop"] - t0) / step) + 1):
                strip[min(i, len(strip) - 1)] = _tier(t["nodeid"])
        for lk in locks:
            if lk["worker"] == w and lk["stop"] - lk["start"] > step:
                for i in range(int((lk["start"] - t0) / step), int((lk["stop"] - t0) / step) + 1):
                    strip[min(i, len(strip) - 1)] = "w"
        print(f"  {w:<6} {''.join(strip)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("timeline", type=Path, help="the file RS_TIMELINE named")
    parser.add_argument("--top", type=int, default=20, help="how many slowest files and phases to print")
    parser.add_argument("--width", type=int, default=100, help="characters in each process's strip")
    args = parser.parse_args()
    report(load(args.timeline), args.top, args.width)


if __name__ == "__main__":
    main()
