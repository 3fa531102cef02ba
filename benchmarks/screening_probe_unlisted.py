"""A probe of false matches: real unlisted organisations from ROR screened against the lists.

Usage:
    python benchmarks/screening_probe_unlisted.py --ror PATH [--countries CN,RU,IR,KP,BY,HK]
        [--save-names FILE | --names FILE] [--list direct,possible] [--acronyms]

PATH is a folder of ROR records (a checkout of https://github.com/ror-community/ror-records, the latest
release of each record read, as tools/ror_aliases.py reads it) or a ROR dump (.json or .zip). ROR, the
Research Organization Registry, is CC0 1.0; nothing of it is committed: the probe derives its names
each run (``--save-names`` keeps them in a file outside the repository, ``--names`` reads that file back).

The probe: every ROR organisation of the countries given, with its names, its labels in other
languages and scripts and its aliases (acronyms only with ``--acronyms``, counted apart), minus every
organisation one of whose names is a name or alias of a listed record (after the screening normaliser:
that organisation is listed). Organisations that ROR relates to a listed one (parent, child, related,
predecessor, successor) are counted apart: a match there may be right (a unit of a listed body). Each
name is screened with the shipped data and the default configuration; the probe prints how many are
a direct match, a possible match (and no direct one) or related, by group and by script, and with
``--list`` the names that were.

A probe, not an evaluation: the names were not checked one by one, ROR may lack a listed body under
another name (a "false" match may be a true one), and the organisations are those ROR holds. The
labelled evaluation is benchmarks/screening_quality_by_kind.py.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "tools"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from ror_aliases import clean, read_ror_raw  # noqa: E402 - tools/ is on sys.path

from assessments import default_config  # noqa: E402
from assessments.screening import get_index, screen_name  # noqa: E402
from assessments.screening.normalize import form  # noqa: E402
from assessments.screening.scripts import script_of  # noqa: E402

COUNTRIES = ("CN", "RU", "IR", "KP", "BY", "HK")
FIELDS = ("ror", "country", "group", "kind", "name")
RELATIONS = frozenset({"parent", "child", "related", "predecessor", "successor"})


def _names(rec: dict[str, Any]) -> tuple[list[tuple[str, str]], set[str]]:
    """A raw ROR record's (name, kind) pairs (kind "name" or "acronym") and countries, either schema."""
    if isinstance(rec.get("names"), list):
        names = [(n["value"], "acronym" if n.get("types") == ["acronym"] else "name") for n in rec["names"]]
        countries = {loc["geonames_details"]["country_code"] for loc in rec.get("locations") or []
                     if loc.get("geonames_details", {}).get("country_code")}
    else:
        names = [(rec["name"], "name"), *[(a, "name") for a in rec.get("aliases") or []],
                 *[(a, "acronym") for a in rec.get("acronyms") or []],
                 *[(lab["label"], "name") for lab in rec.get("labels") or []]]
        code = (rec.get("country") or {}).get("country_code")
        countries = {code} if code else set()
    out = [(clean(v), k) for v, k in names if v and v.strip()]
    return list(dict.fromkeys((v, k) for v, k in out if v)), countries


def derive(path: Path, countries: set[str]) -> list[dict[str, str]]:
    """The probe's rows: (ror id, country, group "unrelated" / "related_to_listed", kind, name)."""
    raw = read_ror_raw(path)
    listed_forms = {f for rec in get_index().records for f in (rec.forms or ()) if f} | {
        form(a) for rec in get_index().records if not rec.forms for a in (rec.name, *rec.aliases)}
    orgs: dict[str, tuple[list[tuple[str, str]], set[str]]] = {}
    listed: set[str] = set()
    for rid, rec in raw.items():
        if rec.get("status") == "withdrawn":
            continue
        names, where = _names(rec)
        if not where & countries:
            continue
        orgs[rid] = (names, where)
        if any(k == "name" and form(v) in listed_forms for v, k in names):
            listed.add(rid)
    # ROR's relations are read from both ends (a listed parent lists its children, a child its parent).
    near_listed: set[str] = set()
    for rid, rec in raw.items():
        for rel in rec.get("relationships") or []:
            if str(rel.get("type", "")).lower() in RELATIONS:
                if rid in listed:
                    near_listed.add(rel["id"])
                if rel["id"] in listed:
                    near_listed.add(rid)
    rows = []
    for rid in sorted(orgs):
        if rid in listed:
            continue
        names, where = orgs[rid]
        group = "related_to_listed" if rid in near_listed else "unrelated"
        for value, kind in names:
            rows.append({"ror": rid, "country": ",".join(sorted(where & countries)), "group": group,
                         "kind": kind, "name": value})
    print(f"ROR: {len(raw)} records read; {len(orgs)} of {', '.join(sorted(countries))} (not withdrawn); "
          f"{len(listed)} listed (a name is a listed name or alias), left out")
    return rows


def screen(rows: list[dict[str, str]], show: set[str]) -> None:
    config = default_config()
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    by_script: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    shown: list[tuple[str, str, dict[str, str], dict[str, Any]]] = []
    seen: set[tuple[str, str]] = set()
    start = time.perf_counter()
    for row in rows:
        key = (row["group"], row["name"])
        if key in seen:
            continue
        seen.add(key)
        kind = "acronym" if row["kind"] == "acronym" else "name"
        res = screen_name(row["name"], config)
        cands = res["candidates"]
        top = next((c for c in cands if c["match"]), None) or next((c for c in cands if c["possible"]), None)
        report = "direct" if top and top["match"] else "possible" if top else \
            "related" if any(c["relation"] == "related" and c["lists"] for c in cands) else "none"
        group = (row["group"], kind)
        counts[group][report] += 1
        counts[group]["names"] += 1
        by_script[(row["group"], script_of(row["name"]))][report] += 1
        by_script[(row["group"], script_of(row["name"]))]["names"] += 1
        if report in show:
            shown.append((report, row["group"], row, top or {}))
    elapsed = time.perf_counter() - start
    print(f"{len(seen)} names screened in {elapsed:.0f} s")
    print("\n| group | names | direct | possible (no direct) | related only |\n|---|---:|---:|---:|---:|")
    for (grp, kind), c in sorted(counts.items()):
        n = c["names"]
        print(f"| {grp}, {kind}s | {n} | {c['direct']} ({100 * c['direct'] / n:.2f} %) | "
              f"{c['possible']} ({100 * c['possible'] / n:.2f} %) | {c['related']} |")
    print("\n| group | script | names | direct | possible |\n|---|---|---:|---:|---:|")
    for (grp, scr), c in sorted(by_script.items()):
        print(f"| {grp} | {scr} | {c['names']} | {c['direct']} | {c['possible']} |")
    for report, grp, row, top in sorted(shown, key=lambda s: (s[0], s[1], s[2]["kind"], s[2]["name"])):
        why = top.get("possible_reason") or top.get("why", "")
        print(f"{report}\t{grp}\t{row['kind']}\t{row['ror']}\t{row['name']}\t=> {top.get('name', '')} "
              f"[{top.get('matched_alias', '')}] ({why})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--ror", type=Path, help="ROR records folder (ror-records checkout) or dump")
    source.add_argument("--names", type=Path, help="a names file written earlier with --save-names")
    parser.add_argument("--save-names", type=Path, help="write the probe's names here (outside the repository)")
    parser.add_argument("--countries", default=",".join(COUNTRIES))
    parser.add_argument("--list", default="", help="reports to list name by name: direct,possible,related")
    parser.add_argument("--acronyms", action="store_true", help="screen the organisations' acronyms too")
    args = parser.parse_args(argv)
    if args.names:
        with args.names.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f, delimiter="\t"))
    else:
        if not args.ror.exists():
            print(f"error: {args.ror}: not found", file=sys.stderr)
            return 2
        rows = derive(args.ror, set(args.countries.split(",")))
        if args.save_names:
            with args.save_names.open("w", encoding="utf-8", newline="") as f:
                writer = csv.DictWriter(f, FIELDS, delimiter="\t")
                writer.writeheader()
                writer.writerows(rows)
    if not args.acronyms:
        rows = [r for r in rows if r["kind"] != "acronym"]
    screen(rows, {s for s in args.list.split(",") if s})
    return 0


if __name__ == "__main__":
    sys.exit(main())
