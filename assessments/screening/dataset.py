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
import hashlib
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
REBUILD = "rebuild the dataset with python tools/import_lists.py (or reinstall the package)"


class DatasetError(ConfigError):
    """The shipped list data cannot be read: names the file and the command that rebuilds it."""


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
    # Lists the entity has left: (list id, removal date or "", what to tell the user).
    former: tuple[tuple[str, str, str], ...] = ()


RECORD_FIELDS = ("id", "name", "aliases", "countries", "lists", "note", "normalized", "former")
"""The columns of a row in records.json, as its ``fields`` list names them (written by tools/import_lists.py)."""
OPTIONAL_FIELDS = frozenset({"normalized", "former"})
"""Columns a dataset may leave out (the matcher then normalises the names itself)."""


@lru_cache(maxsize=1)
def list_metadata() -> dict[str, Any]:
    """lists.json: per list its label, authority, URL, dates (as_of, published, retrieved), licence,
    transcription, record count and outcome. Raises DatasetError when the file is unreadable."""
    try:
        meta = json.loads(package_root().joinpath(*DATA_DIR, "lists.json").read_text("utf-8"))
        if not isinstance(meta, dict) or not isinstance(meta["lists"], dict):
            raise TypeError("not an object with a 'lists' object")
        for key in ("records_file", "records_sha256"):
            if not isinstance(meta[key], str):
                raise TypeError(f"{key!r} is not text")
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise DatasetError(LISTS_FILE, "", f"cannot be read ({type(exc).__name__}: {exc})", REBUILD) from None
    return meta


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
    i_former = col.get("former")
    width = len(fields)
    names = data["lists"]
    rows = data["records"]
    if any(len(r) != width for r in rows):
        raise ConfigError(LISTS_FILE, "records_file", f"a record does not have the {width} fields {fields}",
                          "regenerate the dataset with python tools/import_lists.py")
    return tuple(Record(r[i_id], r[i_name], tuple(r[i_aliases]), tuple(r[i_countries]),
                        tuple(names[i] for i in r[i_lists]), r[i_note],
                        tuple(r[i_forms]) if i_forms is not None else (),
                        tuple((names[f[0]], f[1], f[2]) for f in r[i_former]) if i_former is not None else ())
                 for r in rows)


def records_path() -> str:
    return f"assessments/data/lists/{list_metadata()['records_file']}"


def records_blob() -> bytes:
    """The compressed records file as shipped (its name is lists.json's ``records_file``)."""
    try:
        return package_root().joinpath(*DATA_DIR, list_metadata()["records_file"]).read_bytes()
    except OSError as exc:
        raise DatasetError(records_path(), "", f"cannot be read ({exc.strerror or exc})", REBUILD) from None


def load_records(blob: bytes, *, verify: bool = True) -> tuple[Record, ...]:
    """Records from the compressed file: its checksum is checked first (``verify``), so that a
    truncated or replaced file is reported as such, not as a decompression error."""
    meta = list_metadata()
    where = records_path()
    if verify and hashlib.sha256(blob).hexdigest() != meta["records_sha256"]:
        raise DatasetError(where, "", f"does not match the records_sha256 in {LISTS_FILE} (the file is corrupt, "
                                      "truncated or was changed without its metadata)", REBUILD)
    try:
        data = json.loads(decompress_records(meta["records_file"], blob))
        return parse_records(data)
    except DatasetError:
        raise
    except ConfigError as exc:
        raise DatasetError(where, exc.key, exc.reason, exc.fix) from None
    except (lzma.LZMAError, gzip.BadGzipFile, EOFError, OSError, ValueError, KeyError, TypeError,
            IndexError) as exc:
        raise DatasetError(where, "", f"cannot be read ({type(exc).__name__}: {exc})", REBUILD) from None


@lru_cache(maxsize=1)
def records() -> tuple[Record, ...]:
    """Every shipped record, in the dataset's order (the index numbers records by it).

    Raises DatasetError (naming the file and the command that rebuilds it) when the data is unreadable.
    """
    return load_records(records_blob())


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
    """What a screening result says about one list: id, label, authority, dates, URL, staleness, outcome.

    ``as_of`` is the date the copy is known current to (the staleness check uses it);
    ``published`` is the authority's publication date and ``retrieved`` the date the copy
    was taken, each None when the source does not state it.
    """
    meta = list_metadata()["lists"][lid]
    return {"id": lid, "label": meta["label"], "authority": meta["authority"], "as_of": meta["as_of"],
            "published": meta.get("published"), "retrieved": meta.get("retrieved"),
            "url": meta["url"], "stale": is_stale(lid, max_age_days, today), "outcome": meta["outcome"],
            **list_currency(lid, max_age_days, today)}


def list_currency(lid: str, max_age_days: int, today: _dt.date | None = None) -> dict[str, Any]:
    """How old a list is on ``today`` (``age_days``), and from which date it counts as out of date
    (``stale_from``; None for a statutory list, which never is)."""
    meta = list_metadata()["lists"][lid]
    as_of = _dt.date.fromisoformat(meta["as_of"])
    stale_from = None if meta.get("statutory", False) else (as_of + _dt.timedelta(days=max_age_days + 1)).isoformat()
    return {"age_days": list_age_days(lid, today), "max_age_days": max_age_days, "stale_from": stale_from}


def dataset_problems(max_drop: float = MAX_RECORD_DROP) -> list[str]:
    """What is wrong with the shipped dataset, for the build to report (empty when all is well).

    Checks that the records file is the one lists.json describes (checksum), that
    each list holds the number of records its metadata states, and that no list
    has dropped by more than ``max_drop`` against the previous import.
    """
    try:
        meta = list_metadata()
        blob = records_blob()
    except DatasetError as exc:
        return [str(exc)]
    where = LISTS_FILE
    problems = []
    if hashlib.sha256(blob).hexdigest() != meta["records_sha256"]:
        problems.append(f"{where}: records_sha256 does not match {meta['records_file']}: the records were changed "
                        "without the metadata, or the file is corrupt or truncated; regenerate both with "
                        "python tools/import_lists.py")
    try:
        loaded = load_records(blob, verify=False)
    except DatasetError as exc:
        return [*problems, str(exc)]
    counts: dict[str, int] = {}
    for rec in loaded:
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


PEOPLE_FIELDS = ("id", "name", "aliases", "programs", "normalized")
"""The columns of a row in people.json.xz (the individuals of the OFAC SDN list, tools/import_lists.py)."""


PEOPLE_FILE = "people.json.xz"
PEOPLE_ENTRY = "assessments/data/lists/" + PEOPLE_FILE  # a wheel built without people screening leaves it out


def people_present() -> bool:
    """True when this copy of the package carries the listed individuals: the browser's engine
    leaves them out unless the site was built with ``[screening] screen_people = true``."""
    meta = list_metadata().get("people")
    name = meta.get("file") if isinstance(meta, dict) else None
    return isinstance(name, str) and package_root().joinpath(*DATA_DIR, name).is_file()


@lru_cache(maxsize=1)
def people() -> tuple[Record, ...]:
    """The listed individuals: a separate record kind, read only by the optional people screening
    (never by organisation screening). Raises DatasetError when the file is missing or unreadable."""
    meta = list_metadata().get("people")
    if not isinstance(meta, dict) or not isinstance(meta.get("file"), str):
        raise DatasetError(LISTS_FILE, "people", "this copy of the data holds no individuals", REBUILD)
    where = f"assessments/data/lists/{meta['file']}"
    try:
        blob = package_root().joinpath(*DATA_DIR, meta["file"]).read_bytes()
    except OSError as exc:
        raise DatasetError(where, "", f"cannot be read ({exc.strerror or exc})", REBUILD) from None
    if hashlib.sha256(blob).hexdigest() != meta.get("sha256"):
        raise DatasetError(where, "", f"does not match the people sha256 in {LISTS_FILE}", REBUILD)
    try:
        data = json.loads(decompress_records(meta["file"], blob))
        col = {f: i for i, f in enumerate(data["fields"])}
        i_forms = col.get("normalized") if data.get("normalization") == NORMALIZATION_VERSION else None
        lid = data["list"]
        return tuple(Record(r[col["id"]], r[col["name"]], tuple(r[col["aliases"]]), (), (lid,), r[col["programs"]],
                            tuple(r[i_forms]) if i_forms is not None else ())
                     for r in data["records"])
    except (lzma.LZMAError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise DatasetError(where, "", f"cannot be read ({type(exc).__name__}: {exc})", REBUILD) from None
