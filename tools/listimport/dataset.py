"""The dataset shipped with the engine: lists merged into records, checked against the committed copy, written."""

from __future__ import annotations

import hashlib
import json
import lzma
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

from assessments.limits import MAX_RECORD_DROP
from assessments.screening.dataset import STORED_FIELDS, source_unchecked
from assessments.screening.index import one_edit
from assessments.screening.normalize import NORMALIZATION_VERSION, form, normalized
from assessments.screening.scripts import script_of

from .common import DATA, REGION_NAMES, ImportError_, country_names

SCHEMA_VERSION = 1
RECORDS_FILE = "records.json.xz"


PEOPLE_FILE = "people.json.xz"
PEOPLE_FIELDS = ("id", "name", "aliases", "programs", "normalized")


def build_people(people: list[dict[str, Any]], as_of: str) -> tuple[dict[str, Any], bytes]:
    """The individuals file (a separate record kind: organisation screening never reads it) and its
    metadata for lists.json ``people``."""
    rows = []
    for p in sorted(people, key=lambda p: (p["name"], p["uid"])):
        names = [p["name"], *[a for a in p["aliases"] if a != p["name"]]]
        rows.append([f"sdn-{p['uid']}", p["name"], names[1:], p["programs"], [normalized(n) for n in names]])
    payload = {"schema": SCHEMA_VERSION, "normalization": NORMALIZATION_VERSION, "kind": "individual",
               "list": "us_ofac_sdn", "fields": list(PEOPLE_FIELDS), "records": rows}
    raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    blob = lzma.compress(raw, preset=9 | lzma.PRESET_EXTREME)
    meta = {"file": PEOPLE_FILE, "sha256": hashlib.sha256(blob).hexdigest(), "count": len(rows),
            "list": "us_ofac_sdn", "as_of": as_of}
    return meta, blob


def write_people(out: Path, blob: bytes) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / PEOPLE_FILE).write_bytes(blob)


def read_previous(out: Path) -> dict[str, Any]:
    path = out / "lists.json"
    return json.loads(path.read_text("utf-8")) if path.exists() else {}


def build_dataset(lists: dict[str, dict[str, Any]], previous: dict[str, Any],
                  accept_drop: set[str] = frozenset(),  # type: ignore[assignment]
                  curated: list[dict[str, Any]] | None = None,
                  strict_curated: bool = True) -> tuple[dict[str, Any], bytes]:
    """Deduplicate and merge, check counts against the previous dataset, return (lists.json, records.json.xz)."""
    sources = tomllib.loads((DATA / "list_sources.toml").read_text("utf-8"))["lists"]
    order = [lid for lid in sources if lid in lists]
    for lid in lists:
        if lid not in sources:
            raise ImportError_(f"list {lid!r} has no metadata; add [lists.{lid}] to tools/data/list_sources.toml")
    places = {normalized(n) for n in (*country_names(), *REGION_NAMES)}
    merged: dict[str, dict[str, Any]] = {}
    counts: dict[str, int] = {lid: 0 for lid in order}
    for lid in order:
        seen_in_list: set[str] = set()
        for raw in lists[lid]["records"]:
            rec = unpack_name(raw)
            key = normalized(rec["name"])
            if not key:
                continue
            entry = merged.setdefault(key, {"name": rec["name"], "aliases": [], "countries": [], "lists": [],
                                            "notes": []})
            if lid not in entry["lists"]:
                entry["lists"].append(lid)
            if entry["name"].isupper() and not rec["name"].isupper():
                # OFAC writes names in capitals: show the list's mixed-case spelling instead.
                entry["aliases"].append(entry["name"])
                entry["name"] = rec["name"]
            for spelling in [rec["name"], *rec["aliases"]]:
                alias = " ".join(spelling.split())
                if spelling != rec["name"] and _is_place(normalized(alias), places):
                    continue  # a bare place name among the aliases (an address), not a name
                if alias and alias != entry["name"] and alias not in entry["aliases"]:
                    entry["aliases"].append(alias)
            for c in rec["countries"]:
                if c not in entry["countries"]:
                    entry["countries"].append(c)
            if rec.get("note") and rec["note"] not in entry["notes"]:
                entry["notes"].append(rec["note"])
            if key not in seen_in_list:  # the same entity listed under several countries counts once
                seen_in_list.add(key)
                counts[lid] += 1
    # Entries that left a list: findable, shown as formerly listed, never counted or matched as listed.
    for lid in order:
        for raw in lists[lid].get("former", []):
            rec = unpack_name({**raw, "note": ""})
            key = normalized(rec["name"])
            if not key or lid in merged.get(key, {}).get("lists", []):
                continue
            entry = merged.setdefault(key, {"name": rec["name"], "aliases": [], "countries": [], "lists": [],
                                            "notes": []})
            for spelling in rec["aliases"]:
                alias = " ".join(spelling.split())
                if alias and alias != entry["name"] and alias not in entry["aliases"]:
                    entry["aliases"].append(alias)
            for c in rec["countries"]:
                if c not in entry["countries"]:
                    entry["countries"].append(c)
            former = [order.index(lid), raw.get("removed", ""), raw["text"]]
            if former not in entry.setdefault("former", []):
                entry["former"].append(former)
    add_curated_aliases(merged, curated or [], strict_curated)
    prev_lists = previous.get("lists", {})
    for lid in order:
        before = prev_lists.get(lid, {}).get("record_count")
        if before and counts[lid] < before * (1 - MAX_RECORD_DROP) and lid not in accept_drop:
            raise ImportError_(f"list {lid}: {counts[lid]} records against {before} in the committed dataset "
                               f"(a drop of more than {int(MAX_RECORD_DROP * 100)}%); check the source file, "
                               f"then rerun with --accept-drop {lid} if the drop is real")
    records = []
    for _key, entry in sorted(merged.items()):  # in key order: the index numbers records by it
        # The normal forms of the name and aliases, so the browser need not recompute them.
        forms = [form(a) for a in [entry["name"], *entry["aliases"]]]
        # No id column: the engine computes record_id(key) from the stored forms when a result names the record.
        row = {"name": entry["name"], "aliases": entry["aliases"], "countries": entry["countries"],
               "lists": [order.index(lid) for lid in entry["lists"]], "note": "; ".join(entry["notes"]),
               "normalized": forms, "former": entry.get("former", []),
               "unchecked": [i for i, a in enumerate(entry["aliases"]) if a in entry.get("unchecked", ())]}
        records.append([row[field] for field in STORED_FIELDS])
    # Each record is a row of the columns "fields" names (read by name in assessments/screening/dataset.py).
    payload = {"schema": SCHEMA_VERSION, "normalization": NORMALIZATION_VERSION, "lists": order,
               "fields": list(STORED_FIELDS), "records": records}
    raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    # xz: a quarter smaller than gzip, and the browser downloads it on every visit (6 MB page budget).
    blob = lzma.compress(raw, preset=9 | lzma.PRESET_EXTREME)
    meta_lists = {}
    for lid in order:
        meta = dict(sources[lid])
        meta["label"] += lists[lid].get("label_note", "")
        meta.update(as_of=lists[lid]["as_of"], published=lists[lid].get("published"),
                    retrieved=lists[lid].get("retrieved"), transcription=lists[lid]["source"],
                    record_count=counts[lid], former_count=len(lists[lid].get("former", [])),
                    previous_count=prev_lists.get(lid, {}).get("record_count", counts[lid]))
        meta_lists[lid] = meta
    version = max(m["as_of"] for m in meta_lists.values())
    lists_json = {
        "schema": SCHEMA_VERSION,
        "dataset_version": f"{version}+{hashlib.sha256(raw).hexdigest()[:8]}",
        "generated_by": "tools/import_lists.py",
        "records_file": RECORDS_FILE,
        "records_sha256": hashlib.sha256(blob).hexdigest(),
        "record_total": len(records),
        "lists": meta_lists,
    }
    return lists_json, blob


def _is_place(form: str, places: set[str]) -> bool:
    """A country or region name, or one misspelled by a letter ("Inner Monoglia"): never an organisation's name."""
    if form in places:
        return True
    # Latin names of eight letters or more only: shorter ones and Han syllables meet places by chance ("光启": guangqi).
    return len(form) >= 8 and form.isascii() and any(p[0] == form[0] and one_edit(form, p) for p in places)


CURATED_FILE = DATA / "curated_aliases.toml"
ROR_FILE = DATA / "ror_aliases.toml"  # written by tools/ror_aliases.py from ROR (CC0), the ROR id as each source


def read_curated(path: Path = CURATED_FILE) -> list[dict[str, Any]]:
    """The curated short forms: [[alias]] tables with ``listed`` (a listed name), ``aliases`` and ``source``."""
    try:
        entries = tomllib.loads(path.read_text("utf-8")).get("alias", [])
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ImportError_(f"{path}: cannot read ({exc})") from None
    for i, e in enumerate(entries):
        if not e.get("listed") or not e.get("aliases") or not e.get("source"):
            raise ImportError_(f"{path}: alias entry {i + 1} needs listed, aliases and source")
        e["file"] = path.name
    return entries


def read_alias_files() -> list[dict[str, Any]]:
    """The curated short forms, then the aliases from ROR (when that file is there)."""
    return read_curated(CURATED_FILE) + (read_curated(ROR_FILE) if ROR_FILE.exists() else [])


def add_curated_aliases(merged: dict[str, dict[str, Any]], curated: list[dict[str, Any]],
                        strict: bool = True) -> None:
    """Add each curated short form to the listed record it names (by its name or one of its aliases).

    ``strict``: an entry naming no listed record stops the import (with the full snapshots); a
    partial import from official files only skips it with a note.
    """
    # A record's own name first: "listed" names the record called so, not another one carrying it as an alias.
    by_form: dict[str, str] = {normalized(entry["name"]): key for key, entry in merged.items() if entry["lists"]}
    by_alias: dict[str, set[str]] = {}
    for key, entry in merged.items():
        if entry["lists"]:
            for spelling in entry["aliases"]:
                by_alias.setdefault(normalized(spelling), set()).add(key)
    for e in curated:
        form = normalized(e["listed"])
        key = by_form.get(form)
        if key is None and len(by_alias.get(form, ())) > 1:
            names = sorted(merged[k]["name"] for k in by_alias[form])
            raise ImportError_(f"{e.get('file', CURATED_FILE.name)}: {e['listed']!r} is an alias of "
                               f"{len(names)} listed records ({'; '.join(names)}); give the name of the one meant")
        if key is None and form in by_alias:
            key = next(iter(by_alias[form]))
        if key is None:
            if not strict:
                print(f"note: {e.get('file', CURATED_FILE.name)}: {e['listed']!r} is not in this import; skipped",
                      file=sys.stderr)
                continue
            raise ImportError_(f"{e.get('file', CURATED_FILE.name)}: {e['listed']!r} is not a listed name or alias; "
                               "fix the entry or remove it if the entity left the lists")
        entry = merged[key]
        unchecked = entry.setdefault("unchecked", set())
        for alias in e["aliases"]:
            if alias != entry["name"] and alias not in entry["aliases"]:
                entry["aliases"].append(alias)
                if source_unchecked(e.get("checked")):
                    unchecked.add(alias)
            elif not source_unchecked(e.get("checked")):
                unchecked.discard(alias)  # a checked source gives it too



_AKA_IN_NAME = re.compile(r"\s+(?:a\.k\.a\.|f\.k\.a\.|formerly known as|also known as)\s+", re.I)
_TRAILING_PAREN = re.compile(r"\s*\(([^()]*)\)\s*$")
_PERSIAN_SHORT_FORM = re.compile("[\u0600-\u06ff]{2,8}")  # one word: not a place or a longer name in brackets


def unpack_name(rec: dict[str, Any]) -> dict[str, Any]:
    """Move "X a.k.a. Y" and a trailing "(ACRONYM)" out of the name into the aliases.

    Without this, "National University of Defense Technology (NUDT)" and
    "National University of Defense Technology" would be two records.
    """
    name, aliases = rec["name"], list(rec["aliases"])
    parts = _AKA_IN_NAME.split(name)
    name, aliases = parts[0].strip(), [*parts[1:], *aliases]
    m = _TRAILING_PAREN.search(name)
    if m and _TRAILING_PAREN.sub("", name).strip():
        aliases = [name, m.group(1).strip(), *aliases]
        name = _TRAILING_PAREN.sub("", name).strip()
    # A Persian alias with its short form in brackets ("صنایع الکترونیک ایران (صاایران)"): the name and the short form
    # are aliases of their own too, as a Latin name's trailing acronym is (people type either alone).
    for alias in list(aliases):
        if script_of(alias) == "arabic" and (m := _TRAILING_PAREN.search(alias)) and \
                _PERSIAN_SHORT_FORM.fullmatch(m.group(1).strip()) and (head := _TRAILING_PAREN.sub("", alias).strip()):
            aliases += [a for a in (head, m.group(1).strip()) if a not in aliases]
    return {**rec, "name": name, "aliases": aliases}


def write_dataset(out: Path, lists_json: dict[str, Any], blob: bytes) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / RECORDS_FILE).write_bytes(blob)
    (out / "records.json.gz").unlink(missing_ok=True)  # the format before 2026-11
    (out / "lists.json").write_text(json.dumps(lists_json, indent=1, ensure_ascii=False) + "\n", "utf-8")
