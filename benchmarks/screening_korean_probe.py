"""A development probe of Korean (Hangul) spellings of listed organisations: flagged / direct, and South Korean names.

Usage: python benchmarks/screening_korean_probe.py [--misses] [--raised]

benchmarks/data/korean_probe.csv (query, expected, source): how Korean-language sources (Korean Wikipedia article
titles, the Korean press) write organisations of the DoD 1286 and 1260H lists, the Entity List, the SDN list, the
Canadian named research organisations and Japan's End User List, written for development (from those sources'
spellings, never from an evaluation file); ``expected`` is a listed name (alternatives separated by ``|``: any of
them flagged counts), or empty for a South Korean organisation that must not be raised. The source column says where
the Korean spelling is used; the rows were written from knowledge of those sources and are a probe, not an
evaluation (the labelled evaluation is benchmarks/screening_quality_by_kind.py).

Prints, for the listed rows: flagged (the expected entity reported as a match or a possible match) and direct (as a
match); for the unlisted rows: raised (any report) and direct. ``--misses`` lists the listed rows not flagged,
``--raised`` the unlisted rows raised.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "benchmarks"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from screening_quality_by_kind import expected_records, flagged_direct, ours, resolver  # noqa: E402

from assessments import default_config  # noqa: E402

PROBE = ROOT / "benchmarks" / "data" / "korean_probe.csv"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the listed rows not flagged")
    parser.add_argument("--raised", action="store_true", help="list the unlisted rows raised")
    args = parser.parse_args()
    with PROBE.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    targets = resolver()
    rank = ours(default_config().threshold)
    listed = flagged = direct = unlisted = raised = false_direct = 0
    misses: list[str] = []
    raised_rows: list[str] = []
    for row in rows:
        ranking = rank(row["query"])
        if row["expected"]:
            want = expected_records(targets, row["expected"], PROBE.name)
            listed += 1
            hit, is_direct = flagged_direct(ranking, want)
            flagged += hit
            direct += is_direct
            if not hit:
                misses.append(f"{row['query']} -> {row['expected']}")
        else:
            unlisted += 1
            reports = [k for _, _, k in ranking if k]
            raised += bool(reports)
            false_direct += "direct" in reports
            if reports:
                raised_rows.append(f"{row['query']}: {', '.join(reports)}")
    print(f"listed: {listed} names, flagged {flagged} ({flagged / listed:.2f}), "
          f"direct {direct} ({direct / listed:.2f})")
    print(f"unlisted (South Korean): {unlisted} names, raised {raised}, direct {false_direct}")
    if args.misses:
        print("\n".join(["", "not flagged:", *misses]))
    if args.raised:
        print("\n".join(["", "raised:", *raised_rows]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
