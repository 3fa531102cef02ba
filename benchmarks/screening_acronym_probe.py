"""A development probe of acronyms typed alone for listed organisations: flagged / direct, by country.

Usage: python benchmarks/screening_acronym_probe.py [--misses] [--possible]

benchmarks/data/acronym_probe.csv (acronym, expected, country, source, checked, note): acronyms of Russian,
Belarusian, Chinese and Iranian bodies of the DoD 1286 and 1260H lists, the Entity List, the SDN list, the Canadian
named research organisations and Japan's End User List, as the bodies' own sites, encyclopedias and the press write
them; each row carries the page it was read on (``source``), the date it was read (``checked``) and the words of
the page that show it (``note``). Written for development from those pages, never from an evaluation file;
``expected`` is a listed name (its normal form must be a name or alias of a listed record). A probe, not an
evaluation (the labelled evaluation is benchmarks/screening_quality_by_kind.py): the rows are the acronyms found,
not a sample.

Prints flagged (the expected entity reported as a match or a possible match) and direct (as a match), overall and by
country; ``--misses`` lists the rows not flagged, ``--possible`` the rows flagged as a possible match only, with the
reason the screen gives.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "benchmarks"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from screening_quality_by_kind import expected_records, resolver  # noqa: E402

from assessments import default_config  # noqa: E402

PROBE = ROOT / "benchmarks" / "data" / "acronym_probe.csv"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the rows not flagged")
    parser.add_argument("--possible", action="store_true", help="list the rows flagged as a possible match only")
    args = parser.parse_args()
    from assessments.screening import get_index, screen_name  # noqa: PLC0415 - loads the dataset

    with PROBE.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    targets = resolver()
    index = get_index()
    by_id = {r.id: i for i, r in enumerate(index.records)}
    config = default_config()
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # country -> names, flagged, direct
    misses: list[str] = []
    possible: list[str] = []
    for row in rows:
        want = expected_records(targets, row["expected"], PROBE.name)
        result = screen_name(row["acronym"], config)
        direct = {by_id[c["record_id"]] for c in result["candidates"] if c["match"]} & want
        found = [c for c in result["candidates"] if (c["match"] or c["possible"]) and by_id[c["record_id"]] in want]
        for key in (row["country"], "all"):
            counts[key][0] += 1
            counts[key][1] += bool(found)
            counts[key][2] += bool(direct)
        if not found:
            misses.append(f"{row['acronym']} -> {row['expected']}")
        elif not direct:
            possible.append(f"{row['acronym']} -> {found[0]['name']}: {found[0]['possible_reason']}")
    for key in sorted(counts, key=lambda k: (k == "all", k)):
        names, flagged, direct_n = counts[key]
        print(f"{key}: {names} acronyms, flagged {flagged} ({flagged / names:.2f}), direct {direct_n} "
              f"({direct_n / names:.2f})")
    if args.misses:
        print("\n".join(["", "not flagged:", *misses]))
    if args.possible:
        print("\n".join(["", "possible match only:", *possible]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
