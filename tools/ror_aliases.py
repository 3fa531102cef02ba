"""Aliases of listed institutions from ROR (the Research Organization Registry, CC0 1.0).

Usage:
    python tools/ror_aliases.py --ror PATH [--out tools/data/ror_aliases.toml] [--check]

PATH is a ROR data dump (the JSON file, or the .zip it is published in, from
https://zenodo.org/communities/ror-data) or a folder of ROR records, one JSON file
each, such as a checkout of https://github.com/ror-community/ror-records (release
folders v1.0 ... v2.9; a record in a later release replaces the same record in an
earlier one). Both ROR schemas are read (v1: name, aliases, acronyms, labels,
country; v2: names with types and lang, locations).

For every listed record in the sets tools/screening_coverage.py reports (DoD
1286 and 1260H whole; universities, research bodies and defence-industry
organisations on the BIS Entity List and the OFAC SDN list), the tool looks for
the ROR record that carries one of its names exactly (after the screening
normaliser) in one of its countries, and writes that ROR record's other names as
aliases: labels in other languages and scripts (Chinese, Russian, Persian,
Korean, Japanese, Arabic), aliases (often former names), acronyms, and the names
of a predecessor organisation that has this one as its only successor. Each
entry's source is the ROR id. tools/import_lists.py adds them to the records, as
it adds tools/data/curated_aliases.toml.

Strict about ambiguity, since an alias shared by two organisations would flag an
unlisted partner:
- a listed record that meets two ROR records, or a ROR record met by two listed
  records through their aliases only (not their names), is skipped; so is a
  meeting through a ROR name that ends another of that record's names after a
  unit's name (a parent's name given among a unit's: "Institute of X of <parent>");
- an alias is dropped when any other ROR record carries it (as a name, label,
  alias or acronym), when another listed record carries it, or when it is the
  initials of another listed record's name;
- an acronym needs three characters or more; a one-word Latin alias five letters
  or more; an alias made only of generic words ("Institute of Physics") is dropped.

--check: exit 1 when the output file differs from what the data gives (nothing written).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "tools"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from screening_coverage import SETS, in_set  # noqa: E402 - tools/ is on sys.path

from assessments.screening.dataset import Record, records  # noqa: E402
from assessments.screening.normalize import GENERIC, TYPE_WORDS, acronym, normalized  # noqa: E402
from assessments.screening.scripts import script_of  # noqa: E402

OUT = ROOT / "tools" / "data" / "ror_aliases.toml"
LICENCE = "Research Organization Registry, CC0 1.0"
MIN_ACRONYM = 3
MIN_ONE_WORD = 5
_KANA = re.compile("[\u3040-\u30ff]")
# ROR tells namesakes apart with a country in brackets ("Hikvision (China)"): not part of the name.
_COUNTRY_TAG = re.compile(r"\s*\((?:China|Russia|Iran|North Korea|Belarus|Pakistan|Hong Kong|Taiwan)\)\s*$")


def clean(value: str) -> str:
    """A ROR name as an alias: single spaces, no country tag, no trailing punctuation."""
    value = _COUNTRY_TAG.sub("", " ".join(value.split()))
    return value.rstrip(" ,;:")


@dataclass
class RorOrg:
    """One ROR record, as much of it as this tool reads."""

    id: str
    display: str
    names: list[tuple[str, str]]  # (value, kind): kind is "name" (display, label, alias) or "acronym"
    countries: set[str]
    status: str = "active"
    predecessors: list[str] = field(default_factory=list)
    successors: list[str] = field(default_factory=list)


def parse_org(data: dict[str, Any]) -> RorOrg:
    """A ROR record of either schema."""
    rels = data.get("relationships") or []
    pred = [r["id"] for r in rels if str(r.get("type", "")).lower() == "predecessor"]
    succ = [r["id"] for r in rels if str(r.get("type", "")).lower() == "successor"]
    if isinstance(data.get("names"), list):  # schema 2
        names = []
        display = ""
        for n in data["names"]:
            kind = "acronym" if n.get("types") == ["acronym"] else "name"
            names.append((n["value"].strip(), kind))
            if "ror_display" in n.get("types", []):
                display = n["value"].strip()
        countries = {loc["geonames_details"]["country_code"] for loc in data.get("locations") or []
                     if loc.get("geonames_details", {}).get("country_code")}
    else:  # schema 1
        display = data["name"].strip()
        names = [(display, "name"), *[(a.strip(), "name") for a in data.get("aliases") or []],
                 *[(a.strip(), "acronym") for a in data.get("acronyms") or []],
                 *[(lab["label"].strip(), "name") for lab in data.get("labels") or []]]
        code = (data.get("country") or {}).get("country_code")
        countries = {code} if code else set()
    names = [(v, k) for v, k in dict.fromkeys(names) if v]
    return RorOrg(data["id"], display or names[0][0], names, countries, data.get("status", "active"), pred, succ)


def _version_key(path: str) -> tuple[tuple[int, ...], str]:
    return tuple(int(x) for x in re.findall(r"\d+", path.split("/", maxsplit=1)[0])), path


def read_ror_raw(path: Path) -> dict[str, dict[str, Any]]:
    """Every ROR record, unparsed, by id, from a dump (JSON or .zip) or a folder of records (the latest release
    of each). The one reader of ROR data: this tool's, tools/screening_places.py's and the probe's
    (benchmarks/screening_probe_unlisted.py)."""
    raw: dict[str, dict[str, Any]] = {}
    if path.is_dir():
        files = sorted((str(p.relative_to(path)) for p in path.rglob("*.json")), key=_version_key)
        for rel in files:
            data = json.loads((path / rel).read_text("utf-8"))
            for rec in data if isinstance(data, list) else [data]:
                if isinstance(rec, dict) and "id" in rec:
                    raw[rec["id"]] = rec
    elif path.suffix == ".zip":
        with zipfile.ZipFile(path) as zf:
            members = [n for n in zf.namelist() if n.endswith(".json")]
            # A dump zip holds the records in both schemas: the v2 file when there is one.
            members.sort(key=lambda n: ("schema_v2" in n or "v2" in n, n))
            for rec in json.loads(zf.read(members[-1])):
                raw[rec["id"]] = rec
    else:
        data = json.loads(path.read_text("utf-8"))
        for rec in data if isinstance(data, list) else [data]:
            raw[rec["id"]] = rec
    return raw


def read_ror(path: Path) -> dict[str, RorOrg]:
    """Every ROR record in a dump (JSON or .zip) or a folder of records (the latest release of each), parsed."""
    return {rid: parse_org(rec) for rid, rec in read_ror_raw(path).items()}


def _generic(form: str) -> bool:
    return all(t in GENERIC or t in TYPE_WORDS for t in form.split())


def _wanted(value: str, kind: str, own: set[str]) -> bool:
    """A name worth adding: not a form the record has, long enough, not only generic words, no kana."""
    form = normalized(value)
    if not form or form in own or _KANA.search(value):
        return False
    if script_of(value) == "latin" and not (value[0].isupper() or value[0].isdigit()):
        return False  # "strakhan State Pedagogical University": a damaged entry
    if kind == "acronym":
        return len(form.replace(" ", "")) >= MIN_ACRONYM
    if script_of(value) == "latin" and len(form.split()) == 1 and len(form) < MIN_ONE_WORD:
        return False
    return not _generic(form)


def _listed_forms(rec: Record, skip: set[str]) -> list[tuple[str, bool]]:
    """(form, is the record's name) for the record's name and its aliases (not those in ``skip``)."""
    out = [(normalized(rec.name), True)]
    out += [(normalized(a), False) for a in rec.aliases if a not in skip]
    return [(f, is_name) for f, is_name in out if f]


def map_records(listed: list[Record], orgs: dict[str, RorOrg], skip: set[str] = frozenset()) -> dict[str, list[Record]]:  # type: ignore[assignment]
    """ROR id -> the listed records it is (strict: see the module's docstring)."""
    by_form: dict[str, set[str]] = defaultdict(set)
    for org in orgs.values():
        forms = {normalized(v) for v, _ in org.names}
        for value, kind in org.names:
            form = normalized(value)
            if kind == "name" and form and len(form.split()) >= 2 and \
                    not any(f.endswith(f" {form}") and set(f[:-len(form)].split()) & TYPE_WORDS for f in forms):
                # (a name that ends another of the record's names after a unit's is its parent's: "Kazan
                # Scientific Center ..." among the names of an "Institute of ... of Kazan Scientific Center";
                # not "Osipyan Institute of Solid State Physics RAS")
                by_form[form].add(org.id)
    found: dict[str, dict[str, bool]] = defaultdict(dict)  # ror id -> {listed record id: by its name}
    by_id = {r.id: r for r in listed}
    for rec in listed:
        hits: dict[str, bool] = {}
        for form, is_name in _listed_forms(rec, skip):
            if len(form.split()) < 2:
                continue  # one word ("CASIC", "Huawei") is too little to tell two organisations apart
            for oid in by_form.get(form, ()):
                if not rec.countries and not is_name:
                    continue
                if rec.countries and not orgs[oid].countries & set(rec.countries):
                    continue
                hits[oid] = hits.get(oid, False) or is_name
        if len(hits) == 1:  # two ROR records for one listed record: ambiguous
            oid, is_name = next(iter(hits.items()))
            found[oid][rec.id] = is_name
    out: dict[str, list[Record]] = {}
    for oid, recs in found.items():
        by_name = [rid for rid, is_name in recs.items() if is_name]
        if by_name:
            out[oid] = [by_id[rid] for rid in sorted(by_name)]
        elif len(recs) == 1:
            out[oid] = [by_id[next(iter(recs))]]
    return out


def _taken(orgs: dict[str, RorOrg], everyone: list[Record],
           skip: set[str] = frozenset()) -> tuple[dict[str, set[str]], dict[str, set[str]]]:  # type: ignore[assignment]
    """Who carries each form: ROR ids by form (any name or acronym), listed record ids by form (names,
    aliases not in ``skip`` and the initials of the name)."""
    ror_by_form: dict[str, set[str]] = defaultdict(set)
    for org in orgs.values():
        for value, _ in org.names:
            if form := normalized(value):
                ror_by_form[form].add(org.id)
                ror_by_form[form.replace(" ", "")].add(org.id)
    listed_by_form: dict[str, set[str]] = defaultdict(set)
    for rec in everyone:
        for value in (rec.name, *(a for a in rec.aliases if a not in skip)):
            if form := normalized(value):
                listed_by_form[form].add(rec.id)
                listed_by_form[form.replace(" ", "")].add(rec.id)
        if initials := acronym(rec.name):
            listed_by_form[initials].add(rec.id)
    return ror_by_form, listed_by_form


def aliases_for(org: RorOrg, recs: list[Record], orgs: dict[str, RorOrg], ror_by_form: dict[str, set[str]],  # noqa: PLR0917
                listed_by_form: dict[str, set[str]], skip: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    """The names of ``org`` (and of a predecessor it alone succeeds) that may be added to ``recs`` (``skip``:
    the aliases an earlier run added, which the records carry now)."""
    own = {f for rec in recs for f, _ in _listed_forms(rec, skip)}
    mine = {r.id for r in recs}
    names = list(org.names)
    for pid in org.predecessors:
        pred = orgs.get(pid)
        if pred and pred.successors == [org.id]:
            names += [(v, k) for v, k in pred.names if k == "name"]
    allowed = {org.id, *(p for p in org.predecessors if orgs.get(p) and orgs[p].successors == [org.id])}
    out: list[str] = []
    for value, kind in ((clean(v), k) for v, k in names):
        if not value or not _wanted(value, kind, own):
            continue
        form = normalized(value)
        keys = {form, form.replace(" ", "")}
        if any(ror_by_form.get(k, set()) - allowed for k in keys):
            continue  # another organisation in ROR carries it
        if any(listed_by_form.get(k, set()) - mine for k in keys):
            continue  # another listed record carries it (or it is that record's initials)
        own.add(form)
        out.append(value)
    return out


def build(orgs: dict[str, RorOrg], everyone: list[Record], skip: set[str] = frozenset(),  # type: ignore[assignment]
          release: str = "") -> list[dict[str, Any]]:
    """The [[alias]] entries: one per listed record that gains an alias."""
    listed = [r for r in everyone if any(in_set(r, lid) for lid in SETS)]
    mapping = map_records(listed, orgs, skip)
    # Aliases an earlier run added are in the dataset now: not evidence of who else carries a name.
    ror_by_form, listed_by_form = _taken(orgs, everyone, skip)
    entries = []
    for oid in sorted(mapping):
        recs = mapping[oid]
        found = aliases_for(orgs[oid], recs, orgs, ror_by_form, listed_by_form, skip)
        if not found:
            continue
        where = f", {release}" if release else ""
        for rec in recs:
            entries.append({"listed": rec.name, "aliases": found, "ror": oid,
                            "source": f"ROR {oid} ({orgs[oid].display}; {LICENCE}{where})"})
    entries.sort(key=lambda e: (e["listed"].casefold(), e["ror"]))
    return entries


def _toml_str(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def render(entries: Iterable[dict[str, Any]], about: str) -> str:
    lines = [f"# {line}".rstrip() for line in about.splitlines()]
    for e in entries:
        lines += ["", "[[alias]]", f"listed = {_toml_str(e['listed'])}",
                  "aliases = [" + ", ".join(_toml_str(a) for a in e["aliases"]) + "]",
                  f"ror = {_toml_str(e['ror'])}", f"source = {_toml_str(e['source'])}"]
    return "\n".join(lines) + "\n"


HEADER = """Names of listed institutions from ROR, the Research Organization Registry
(https://ror.org, CC0 1.0): labels in other languages and scripts, aliases,
acronyms and predecessors' names, each entry with its ROR id as the source.
Generated by tools/ror_aliases.py (read its docstring for the strict rules on
ambiguity); do not edit by hand: add a correction to curated_aliases.toml or
rerun the tool. tools/import_lists.py adds them to the listed records."""


def previous_aliases(path: Path) -> set[str]:
    """Every alias in an earlier output (these are in the dataset now, and are not the lists' own)."""
    import tomllib  # noqa: PLC0415

    if not path.exists():
        return set()
    return {a for e in tomllib.loads(path.read_text("utf-8")).get("alias", []) for a in e["aliases"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ror", type=Path, required=True, help="ROR dump (.json or .zip) or folder of records")
    parser.add_argument("--release", default="", help="the ROR release read, for the sources (e.g. v2.9)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", action="store_true", help="compare with --out; write nothing")
    args = parser.parse_args(argv)
    if not args.ror.exists():
        print(f"error: {args.ror}: not found", file=sys.stderr)
        return 2
    orgs = read_ror(args.ror)
    entries = build(orgs, records(), previous_aliases(args.out), args.release)
    text = render(entries, HEADER)
    count = sum(len(e["aliases"]) for e in entries)
    print(f"{len(orgs)} ROR records read; {len(entries)} listed records gain {count} aliases")
    return write_or_check(args.out, text, check=args.check)


def write_or_check(out: Path, text: str, *, check: bool, wrote: str = "") -> int:
    """Write a generated file, or with ``check`` only compare it (exit status 1 when it differs): this tool's and
    tools/screening_places.py's ``--check``."""
    if check:
        same = out.exists() and out.read_text("utf-8") == text
        print("up to date" if same else f"{out} differs from what the data gives")
        return 0 if same else 1
    out.write_text(text, "utf-8")
    print(f"wrote {out}{wrote}")
    return 0


def iter_entries(path: Path = OUT) -> Iterator[dict[str, Any]]:
    import tomllib  # noqa: PLC0415

    yield from tomllib.loads(path.read_text("utf-8")).get("alias", [])


if __name__ == "__main__":
    sys.exit(main())
