"""The shipped list dataset: metadata (lists.json) and records (records.json.xz).

Written by tools/import_lists.py; read here through importlib.resources, so the
same code works from the source tree, an installed wheel and the Pyodide file
system. Loaded once per process.

records.json is ``{"schema", "normalization", "lists": [list ids], "fields":
[field names], "records": [[one value per field], ...]}``: each record is a row
whose columns the ``fields`` list names (see :data:`RECORD_FIELDS`).
"""

from __future__ import annotations

import datetime as _dt
import gzip
import json
import lzma
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .._errors import ConfigError
from .._resources import package_root
from ..limits import MAX_RECORD_DROP
from .normalize import NORMALIZATION_VERSION

DATA_DIR = ("data", "lists")
LISTS_FILE = "assessments/data/lists/lists.json"


@dataclass(frozen=True)
class Record:
    """One entity on one or more lists, after the importer merged its entries."""

    id: str
    name: str
    aliases: tuple[str, ...]
    countries: tuple[str, ...]
    lists: tuple[str, ...]  # list ids, as in lists.json
    note: str
    # Normal forms of (name, *aliases) computed by the importer; empty if its normaliser differs.
    forms: tuple[str, ...] = ()


RECORD_FIELDS = ("id", "name", "aliases", "countries", "lists", "note", "normalized")
"""The columns of a row in records.json, as its ``fields`` list names them (written by tools/import_lists.py)."""
OPTIONAL_FIELDS = frozenset({"normalized"})
"""Columns a dataset may leave out (the matcher then normalises the names itself)."""


@lru_cache(maxsize=1)
def list_metadata() -> dict[str, Any]:
    """lists.json: per list its label, authority, URL, as-of date, licence, transcription, count, outcome."""
    return json.loads(package_root().joinpath(*DATA_DIR, "lists.json").read_text("utf-8"))


def decompress_records(file_name: str, blob: bytes) -> bytes:
    """The records JSON from its compressed file: .xz (the dataset since 2026-11) or .gz (older copies)."""
    if file_name.endswith(".xz"):
        return lzma.decompress(blob)
    if file_name.endswith(".gz"):
        return gzip.decompress(blob)
    raise ConfigError(LISTS_FILE, "records_file",
                      f"unknown compression of {file_name!r}", "use records.json.xz (python tools/import_lists.py)")


def parse_records(data: dict[str, Any]) -> tuple[Record, ...]:
    """The records of a decoded records.json, each row read by the column names of its ``fields`` list.

    Raises ConfigError when a field the engine needs is missing or a field is
    unknown (a dataset written by another version of tools/import_lists.py).
    """
    fields = data.get("fields")
    if not isinstance(fields, list) or len(set(fields)) != len(fields):
        raise ConfigError(LISTS_FILE, "records_file", "the records file has no valid 'fields' list",
                          "regenerate the dataset with python tools/import_lists.py")
    missing = [f for f in RECORD_FIELDS if f not in fields and f not in OPTIONAL_FIELDS]
    unknown = [f for f in fields if f not in RECORD_FIELDS]
    if missing or unknown:
        problems = ([f"missing {', '.join(missing)}"] if missing else []) + \
            ([f"unknown {', '.join(map(str, unknown))}"] if unknown else [])
        raise ConfigError(LISTS_FILE, "records_file",
                          f"record fields {fields} are not {list(RECORD_FIELDS)} ({'; '.join(problems)})",
                          "regenerate the dataset with python tools/import_lists.py, or update "
                          "assessments/screening/dataset.py to read the new fields")
    col = {f: i for i, f in enumerate(fields)}
    i_id, i_name, i_aliases, i_countries, i_lists, i_note = (col[f] for f in RECORD_FIELDS[:6])
    i_forms = col.get("normalized") if data.get("normalization") == NORMALIZATION_VERSION else None
    width = len(fields)
    names = data["lists"]
    rows = data["records"]
    if any(len(r) != width for r in rows):
        raise ConfigError(LISTS_FILE, "records_file", f"a record does not have the {width} fields {fields}",
                          "regenerate the dataset with python tools/import_lists.py")
    return tuple(Record(r[i_id], r[i_name], tuple(r[i_aliases]), tuple(r[i_countries]),
                        tuple(names[i] for i in r[i_lists]), r[i_note],
                        tuple(r[i_forms]) if i_forms is not None else ())
                 for r in rows)


def records_blob() -> bytes:
    """The compressed records file as shipped (its name is lists.json's ``records_file``)."""
    return package_root().joinpath(*DATA_DIR, list_metadata()["records_file"]).read_bytes()


@lru_cache(maxsize=1)
def records() -> tuple[Record, ...]:
    """Every shipped record, in the dataset's order (the index numbers records by it)."""
    return parse_records(json.loads(decompress_records(list_metadata()["records_file"], records_blob())))


def check_disabled(disabled: tuple[str, ...] | list[str], source: str = "configuration") -> None:
    """Raise ConfigError naming the first id in ``disabled`` that is not a shipped list."""
    known = list_metadata()["lists"]
    for lid in disabled:
        if lid not in known:
            raise ConfigError(source, "screening.disabled_lists", f"unknown list id {lid!r}",
                              f"use ids from assessments/data/lists/lists.json: {', '.join(sorted(known))}")


def list_age_days(lid: str, today: _dt.date | None = None) -> int:
    """Days since the list's as-of date."""
    as_of = _dt.date.fromisoformat(list_metadata()["lists"][lid]["as_of"])
    return ((today or _dt.date.today()) - as_of).days


def is_stale(lid: str, max_age_days: int, today: _dt.date | None = None) -> bool:
    """Older than ``max_age_days`` (a statutory list, fixed by law, never is)."""
    meta = list_metadata()["lists"][lid]
    return not meta.get("statutory", False) and list_age_days(lid, today) > max_age_days


def list_info(lid: str, max_age_days: int, today: _dt.date | None = None) -> dict[str, Any]:
    """What a screening result says about one list: id, label, authority, as-of date, URL, staleness, outcome."""
    meta = list_metadata()["lists"][lid]
    return {"id": lid, "label": meta["label"], "authority": meta["authority"], "as_of": meta["as_of"],
            "url": meta["url"], "stale": is_stale(lid, max_age_days, today), "outcome": meta["outcome"]}


def dataset_problems(max_drop: float = MAX_RECORD_DROP) -> list[str]:
    """What is wrong with the shipped dataset, for the build to report (empty when all is well).

    Checks that the records file is the one lists.json describes (checksum), that
    each list holds the number of records its metadata states, and that no list
    has dropped by more than ``max_drop`` against the previous import.
    """
    import hashlib  # noqa: PLC0415 - only the build runs this

    meta = list_metadata()
    where = LISTS_FILE
    blob = records_blob()
    problems = []
    if hashlib.sha256(blob).hexdigest() != meta["records_sha256"]:
        problems.append(f"{where}: records_sha256 does not match {meta['records_file']}: the records were changed "
                        "without the metadata; regenerate both with python tools/import_lists.py")
    counts: dict[str, int] = {}
    for rec in records():
        for lid in rec.lists:
            counts[lid] = counts.get(lid, 0) + 1
    for lid, info in meta["lists"].items():
        have, stated, before = counts.get(lid, 0), info["record_count"], info.get("previous_count", 0)
        if have != stated:
            problems.append(f"{where}: list {lid} has {have} records but its metadata states {stated}: "
                            "regenerate the dataset with python tools/import_lists.py")
        if before and stated < before * (1 - max_drop):
            problems.append(f"{where}: list {lid} dropped from {before} to {stated} records (more than "
                            f"{int(max_drop * 100)}%): check the source; if the drop is real, rerun "
                            f"tools/import_lists.py with --accept-drop {lid}")
    return problems
