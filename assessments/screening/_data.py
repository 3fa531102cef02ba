"""The shipped list dataset: metadata (lists.json) and records (records.json.xz).

Read through importlib.resources so the same code works from the source tree,
an installed wheel and the Pyodide file system. Loaded once per process.
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
from ._normalize import NORMALIZATION_VERSION

DATA_DIR = ("data", "lists")


@dataclass(frozen=True)
class Record:
    id: str
    name: str
    aliases: tuple[str, ...]
    countries: tuple[str, ...]
    lists: tuple[str, ...]
    note: str
    # Normal forms of (name, *aliases) computed by the importer; empty if its normaliser differs.
    forms: tuple[str, ...] = ()


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
    raise ConfigError("assessments/data/lists/lists.json", "records_file",
                      f"unknown compression of {file_name!r}", "use records.json.xz (python tools/import_lists.py)")


@lru_cache(maxsize=1)
def records() -> tuple[Record, ...]:
    meta = list_metadata()
    blob = package_root().joinpath(*DATA_DIR, meta["records_file"]).read_bytes()
    data = json.loads(decompress_records(meta["records_file"], blob))
    names = data["lists"]
    same_normaliser = data.get("normalization") == NORMALIZATION_VERSION
    return tuple(Record(r[0], r[1], tuple(r[2]), tuple(r[3]), tuple(names[i] for i in r[4]), r[5],
                        tuple(r[6]) if same_normaliser and len(r) > 6 else ())
                 for r in data["records"])


def check_disabled(disabled: tuple[str, ...] | list[str], source: str = "configuration") -> None:
    known = list_metadata()["lists"]
    for lid in disabled:
        if lid not in known:
            raise ConfigError(source, "screening.disabled_lists", f"unknown list id {lid!r}",
                              f"use ids from assessments/data/lists/lists.json: {', '.join(sorted(known))}")


def list_age_days(lid: str, today: _dt.date | None = None) -> int:
    as_of = _dt.date.fromisoformat(list_metadata()["lists"][lid]["as_of"])
    return ((today or _dt.date.today()) - as_of).days


def is_stale(lid: str, max_age_days: int, today: _dt.date | None = None) -> bool:
    meta = list_metadata()["lists"][lid]
    return not meta.get("statutory", False) and list_age_days(lid, today) > max_age_days


def list_info(lid: str, max_age_days: int, today: _dt.date | None = None) -> dict[str, Any]:
    meta = list_metadata()["lists"][lid]
    return {"id": lid, "label": meta["label"], "authority": meta["authority"], "as_of": meta["as_of"],
            "url": meta["url"], "stale": is_stale(lid, max_age_days, today), "outcome": meta["outcome"]}


def dataset_problems(max_drop: float = 0.2) -> list[str]:
    """What is wrong with the shipped dataset, for the build to report (empty when all is well).

    Checks that the records file is the one lists.json describes (checksum), that
    each list holds the number of records its metadata states, and that no list
    has dropped by more than ``max_drop`` against the previous import.
    """
    import hashlib  # noqa: PLC0415 - only the build runs this

    meta = list_metadata()
    where = "assessments/data/lists/lists.json"
    blob = package_root().joinpath(*DATA_DIR, meta["records_file"]).read_bytes()
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
