"""Build the screening dataset shipped with the engine (assessments/data/lists/).

Inputs, either or both:
- the list snapshots in the folder given with --shared DIR (PROVENANCE.md and
  raw/; the project's copy was taken from a shared workspace and is not part of
  the repository, so without --shared only official files are read): the KAIST
  transcription, OpenSanctions source files, the OFAC SDN list of 2026-07-11
  (raw/ofac_2026/: JSON of SDN.CSV + ALT.CSV, countries from OFAC's add.csv),
  the OFAC sdn.csv of 2024-05-03 (only to find the entries removed since), and
  the Canadian Named Research Organizations page (see PROVENANCE.md there);
- official files an office downloads itself: trade.gov's Consolidated
  Screening List (--csl-csv or --csl-json) and OFAC's sdn.csv with alt.csv and
  add.csv (--ofac-sdn, --ofac-alt, --ofac-add). A list read from an official
  file replaces the same list from the snapshots.
- tools/data/curated_aliases.toml: widely used short forms of listed
  institutions (acronyms, Chinese and Russian abbreviations), each with its source;
- tools/data/ror_aliases.toml: names of listed institutions in other scripts and
  languages, acronyms and former names from ROR (written by tools/ror_aliases.py),
  each with its ROR id as the source.

Every list records its publication date (when the authority published the
version copied, if the copy says), its retrieval date (when the copy was
taken) and ``as_of`` (the date the copy is known current to, used for the
staleness check).

Usage:
  python tools/import_lists.py --shared DIR   # DIR: the list snapshots (e.g. /work/shared/data/lists)
  python tools/import_lists.py --csl-json consolidated.json --csl-date 2026-11-20
  python tools/import_lists.py --ofac-sdn sdn.csv --ofac-alt alt.csv --ofac-add add.csv --ofac-date 2026-11-20

The importer stops (exit 2, nothing written) when a list's record count drops
by more than 20% (assessments/limits.py MAX_RECORD_DROP) against the committed dataset, unless --accept-drop LIST_ID
is given after checking the source.
"""

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

TOOLS = Path(__file__).resolve().parent
for folder in (TOOLS.parent, TOOLS):  # the engine's package, and this tool's parts (tools/listimport/)
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from listimport.common import OUT, ImportError_, date_arg  # noqa: E402
from listimport.csl import group_official, read_csl_csv, read_csl_json  # noqa: E402
from listimport.dataset import (  # noqa: E402
    build_dataset,
    build_people,
    read_alias_files,
    read_previous,
    unpack_name,
    write_dataset,
    write_people,
)
from listimport.kaist import kaist_countries, korean_countries, read_kaist, split_packed  # noqa: E402
from listimport.ofac import read_ofac, read_ofac_people, sdn_removals  # noqa: E402
from listimport.opensanctions import read_1260h  # noqa: E402
from listimport.snapshots import from_snapshots  # noqa: E402

from assessments.limits import MAX_RECORD_DROP  # noqa: E402

__all__ = ["ImportError_", "build_dataset", "collect", "kaist_countries", "korean_countries", "main", "read_1260h",
           "read_csl_csv", "read_csl_json", "read_kaist", "read_ofac", "split_packed", "unpack_name"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, help="folder of the list snapshots (PROVENANCE.md and raw/)")
    parser.add_argument("--no-shared", action="store_true",
                        help="use only the official files given, even with --shared")
    parser.add_argument("--csl-csv", type=Path, help="trade.gov consolidated.csv")
    parser.add_argument("--csl-json", type=Path, help="trade.gov consolidated.json")
    parser.add_argument("--csl-date", help="as-of date of the CSL file (YYYY-MM-DD)")
    parser.add_argument("--ofac-sdn", type=Path, help="OFAC sdn.csv")
    parser.add_argument("--ofac-alt", type=Path, help="OFAC alt.csv (aliases)")
    parser.add_argument("--ofac-add", type=Path, help="OFAC add.csv (addresses: the countries of entities)")
    parser.add_argument("--ofac-date", help="as-of date of the OFAC files (YYYY-MM-DD)")
    parser.add_argument("--retrieved", help="date the official files were downloaded (YYYY-MM-DD; default today)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--accept-drop", action="append", default=[], metavar="LIST_ID",
                        help=f"accept a record-count drop of more than {int(MAX_RECORD_DROP * 100)}%% for this list")
    args = parser.parse_args(argv)
    try:
        lists = collect(args)
        previous = read_previous(args.out)
        lists_json, records_blob = build_dataset(lists, previous, accept_drop=set(args.accept_drop),
                                                 curated=read_alias_files(), strict_curated=_use_shared(args))
    except ImportError_ as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    sdn = lists.get("us_ofac_sdn", {})
    if sdn.get("people"):
        lists_json["people"], people_blob = build_people(sdn["people"], sdn["as_of"])
        write_people(args.out, people_blob)
    write_dataset(args.out, lists_json, records_blob)
    for lid, meta in lists_json["lists"].items():
        print(f"{lid:32} {meta['record_count']:6} records  as of {meta['as_of']}  "
              f"(published {meta['published'] or 'not stated'}, retrieved {meta['retrieved'] or 'not stated'})")
    print(f"wrote {args.out} ({len(records_blob):,} bytes of records)")
    return 0


def collect(args: argparse.Namespace) -> dict[str, dict[str, Any]]:
    """All lists from the chosen inputs: {list_id: {"as_of", "source", "records"}}."""
    lists: dict[str, dict[str, Any]] = {}
    retrieved = date_arg(args.retrieved, "--retrieved") if args.retrieved else dt.date.today().isoformat()
    if _use_shared(args):
        if not (args.shared / "raw").is_dir():
            raise ImportError_(f"{args.shared}/raw: not found; pass --shared DIR, or --no-shared with official files")
        lists.update(from_snapshots(args.shared))
    previous_sdn = lists.get("us_ofac_sdn")
    for path, reader in ((args.csl_csv, read_csl_csv), (args.csl_json, read_csl_json)):
        if path:
            official = group_official(reader(path), date_arg(args.csl_date, "--csl-date"),
                                      f"trade.gov Consolidated Screening List file {path.name}")
            for entry in official.values():
                entry.update(published=entry["as_of"], retrieved=retrieved)
            lists.update(official)
    if args.ofac_sdn:
        if not args.ofac_alt:
            raise ImportError_("--ofac-sdn needs --ofac-alt: OFAC publishes the aliases in alt.csv")
        as_of = date_arg(args.ofac_date, "--ofac-date")
        files = ", ".join(p.name for p in (args.ofac_sdn, args.ofac_alt, args.ofac_add) if p)
        lists["us_ofac_sdn"] = {
            "as_of": as_of, "published": as_of, "retrieved": retrieved,
            "source": f"OFAC official files {files}",
            "records": read_ofac(args.ofac_sdn, args.ofac_alt, args.ofac_add),
            "people": read_ofac_people(args.ofac_sdn, args.ofac_alt),
        }
    if not lists:
        raise ImportError_("no input: give --shared DIR (the list snapshots) or official files "
                           "(--csl-csv/--csl-json/--ofac-sdn)")
    if previous_sdn:
        sdn = lists["us_ofac_sdn"]
        ids = {r["uid"] for r in sdn["records"] if r.get("uid")}
        sdn["former"] = sdn_removals(previous_sdn["previous_copy"], sdn["records"], ids,
                                     previous_sdn["previous_date"], sdn["as_of"])
    return lists


def _use_shared(args: argparse.Namespace) -> bool:
    return args.shared is not None and not args.no_shared


if __name__ == "__main__":
    sys.exit(main())
