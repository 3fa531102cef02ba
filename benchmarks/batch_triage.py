"""The office's batch re-check: time for `python -m assessments assess --batch DIR` on exported plans.

Usage: python benchmarks/batch_triage.py [--plans 200]

Makes DIR with --plans exported plans (the golden scenarios in turn, each with two
partners' names, one of them listed, and a record of an earlier assessment with
older list dates and no matches, so every plan is compared and most have changed),
runs the command line once as a separate process (start-up, policy and list
loading, the screening index and every plan included) and prints the wall time,
the rows written and how many changed. Target: 200 plans in under 30 s.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import assessments  # noqa: E402
from assessments import watch  # noqa: E402
from tests.support.paths import scenarios  # noqa: E402

TARGET_S = 30.0
NAMES = ["Moscow Institute of Physics and Technology", "Harbin Institute of Technology", "Tsinghua University",
         "University of Lisbon", "Skolkovo Institute of Science and Technology", "Fictional Lab of Nowhere"]


def make_plans(folder: Path, count: int) -> None:
    config = assessments.default_config()
    answers_list = [s["answers"] for _, s in sorted(scenarios().items())]
    for i in range(count):
        answers = dict(answers_list[i % len(answers_list)])
        partners = answers.get("partners") or [{"country": "CN"}]
        answers["partners"] = [{**partners[0], "names": [NAMES[i % len(NAMES)], NAMES[(i + 3) % len(NAMES)]]}]
        now = watch.record(watch.assess_as_page(answers, config), config)
        before = {**now, "matches": [], "lists": {lid: "2026-01-01" for lid in now["lists"]}}
        data = {"format": "research-security-saved-plan/1", "name": f"plan {i}", "answers": answers, "record": before}
        (folder / f"plan-{i:04d}.json").write_text(json.dumps(data), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_plans(folder, args.plans)
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "assessments", "assess", "--batch", str(folder)], cwd=ROOT,
                              capture_output=True, text=True, check=False, env={**os.environ, "PYTHONPATH": str(ROOT)})
        elapsed = time.perf_counter() - start
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    changed = sum(r["changed"] == "yes" for r in rows)
    errors = sum(bool(r["error"]) for r in rows)
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores (shared: other work may run)")
    print(f"plans: {args.plans}, rows: {len(rows)}, changed: {changed}, errors: {errors}, "
          f"exit status: {proc.returncode}")
    print(f"assess --batch wall time: {elapsed:.1f} s ({elapsed / max(len(rows), 1) * 1000:.0f} ms per plan); "
          f"target under {TARGET_S:.0f} s: {'met' if elapsed < TARGET_S else 'NOT met'}")


if __name__ == "__main__":
    main()
