"""Assessment speed in CPython: milliseconds per `assessments.assess` call (no name screening).

Usage: python benchmarks/assess_speed.py [--calls 200] [--repeat 5]

The page re-assesses on every change of an answer, so one call must stay well
under a frame's budget. Answers: every activity, a formal collaboration with
China, travel, a visitor and foreign pay (most rules evaluated). Prints the
median and the slowest of --repeat runs of --calls calls each.
Target: at most 20 ms per call (the figure a unit test used to assert).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import assessments  # noqa: E402

TARGET_MS = 20.0
ANSWERS = {"activities": ["collaboration", "visitor", "travel", "money", "personal"],
           "collaboration_type": "formal", "partner_country": "CN", "exchange": ["data", "equipment"],
           "travel_countries": ["CN", "RU"], "visitor_appointment": "short_term", "visitor_country": "RU",
           "personal_compensation": "yes", "payer_country": "CN", "payer_government": "yes"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    assessments.assess(ANSWERS, screening=False)  # loads the policy once, as the page's first call does
    runs = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        for _ in range(args.calls):
            assessments.assess(ANSWERS, screening=False)
        runs.append((time.perf_counter() - start) / args.calls * 1000)
    median, worst = statistics.median(runs), max(runs)
    print(f"assess (CPython, no screening): median {median:.2f} ms per call, slowest run {worst:.2f} ms "
          f"({args.repeat} runs x {args.calls} calls)")
    print(f"target: at most {TARGET_MS:.0f} ms per call: {'met' if median <= TARGET_MS else 'NOT met'}")


if __name__ == "__main__":
    main()
