"""Draw the press probe's seeded sample: 80 records of each stop-37 work list (bodies, companies).

Usage: python benchmarks/press_probe_sample.py [--body CSV] [--company CSV]

The work lists (/work/notes/s37/worklist_body.csv and worklist_company.csv) were made from the lists alone: records
of the six lists with a Chinese, Hong Kong, Macao, Russian, Belarusian, Iranian or North Korean country. The sample is
``random.Random(37)``: first 80 rows of the body list, then 80 of the company list, each drawn with ``rng.sample``
over the file's rows in file order. Prints one line per sampled record: kind, row number (1 = first data row),
has_curated_entry and the listed name. benchmarks/data/press_probe.csv was written by looking these records up in
public sources. The work lists are not part of the project: the sample as drawn is kept in
benchmarks/data/press_probe_sample.csv, which the script prints when the work lists are not found.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

NOTES = Path("/work/notes/s37")
SAMPLE = Path(__file__).resolve().parent / "data" / "press_probe_sample.csv"  # the sample as drawn, kept
SEED = 37
PER_LIST = 80


def draw(body: Path, company: Path) -> list[tuple[str, int, dict[str, str]]]:
    """The sampled rows as (kind, 1-based row number, row), body rows first."""
    rng = random.Random(SEED)
    sample: list[tuple[str, int, dict[str, str]]] = []
    for kind, path in (("body", body), ("company", company)):
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        for number in sorted(rng.sample(range(len(rows)), PER_LIST)):
            sample.append((kind, number + 1, rows[number]))
    return sample


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--body", type=Path, default=NOTES / "worklist_body.csv")
    parser.add_argument("--company", type=Path, default=NOTES / "worklist_company.csv")
    args = parser.parse_args()
    if not (args.body.is_file() and args.company.is_file()):
        # A copy of the project without the work lists: the sample as it was drawn (SAMPLE), which this script
        # wrote from them.
        print(f"(work lists not found: {args.body}, {args.company}; printing the sample kept in {SAMPLE})",
              file=sys.stderr)
        with SAMPLE.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                print(f"{row['kind']}\t{row['row']}\t{row['had_curated_entry']}\t{row['name']}")
        return 0
    for kind, number, row in draw(args.body, args.company):
        print(f"{kind}\t{number}\t{row['has_curated_entry'] or '-'}\t{row['name']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
