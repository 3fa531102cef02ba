"""A development probe of how the press, papers and official pages write listed organisations: flagged / direct.

Usage: python benchmarks/screening_press_probe.py [--misses]

benchmarks/data/press_probe.csv (query, expected, kind, source): ways that English-language or native press, papers and
official pages write records of a seeded random sample of the stop-37 work lists (benchmarks/press_probe_sample.py:
records of the DoD 1286 and 1260H lists, the Entity List, the SDN list, the Canadian named research organisations and
Japan's End User List with a Chinese, Hong Kong, Macao, Russian, Belarusian, Iranian or North Korean country), other
than the listed name itself. ``expected`` is a listed name (alternatives separated by ``|`` when the lists carry the
same organisation under more than one record: any of them flagged counts); ``kind`` is acronym, brand, short, former,
named_after or native; ``source`` says where the form is written so, with its words. The rows were looked up in public
sources for development, never taken from an evaluation file; this is a probe, not an evaluation (the labelled
evaluation is benchmarks/screening_quality_by_kind.py).

Prints, per kind and overall: flagged (an expected record reported as a match or a possible match) and direct (as a
match). ``--misses`` lists the rows not flagged and what the screen reported instead.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "benchmarks"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from screening_quality_by_kind import expected_records, flagged_direct, ours, resolver  # noqa: E402

from assessments import default_config  # noqa: E402

PROBE = ROOT / "benchmarks" / "data" / "press_probe.csv"
KINDS = ("acronym", "brand", "short", "former", "named_after", "native")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the rows not flagged")
    args = parser.parse_args()
    with PROBE.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    from assessments.screening import get_index  # noqa: PLC0415 - loads the dataset

    records = get_index().records
    targets = resolver()
    rank = ours(default_config().threshold)
    total: Counter[str] = Counter()
    flagged: Counter[str] = Counter()
    direct: Counter[str] = Counter()
    misses: list[str] = []
    for row in rows:
        if row["kind"] not in KINDS:
            raise SystemExit(f"{PROBE.name}: unknown kind {row['kind']!r}")
        want = expected_records(targets, row["expected"], PROBE.name)
        ranking = rank(row["query"])
        hit, is_direct = flagged_direct(ranking, want)
        total[row["kind"]] += 1
        flagged[row["kind"]] += hit
        direct[row["kind"]] += is_direct
        if not hit:
            reported = [f"{records[i].name} ({k})" for i, _, k in ranking if k][:2]
            misses.append(f"[{row['kind']}] {row['query']} -> {row['expected'].split('|')[0]}; "
                          f"reported: {'; '.join(reported) or 'nothing'}")
    for kind in (*KINDS, None):
        n = sum(total.values()) if kind is None else total[kind]
        if not n:
            continue
        f_hits = sum(flagged.values()) if kind is None else flagged[kind]
        d_hits = sum(direct.values()) if kind is None else direct[kind]
        print(f"{kind or 'all':12} {n:3} names, flagged {f_hits:3} ({f_hits / n:.2f}), "
              f"direct {d_hits:3} ({d_hits / n:.2f})")
    if args.misses:
        print("\n".join(["", "not flagged:", *misses]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
