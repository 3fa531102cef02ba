"""The shipped list dataset: metadata (lists.json) and records (records.json.xz).

Written by tools/import_lists.py; read here through importlib.resources, so the
same code works from the source tree, an installed wheel and the Pyodide file
system. Loaded once per process.

records.json is ``{"schema", "normalization", "lists": [list ids], "fields":
[field names], "records": [[one value per field], ...]}``: each record is a row
whose columns the ``fields`` list names (see :data:`RECORD_FIELDS`). A record's id
is not stored: it is :func:`record_id` of its stored normal name, computed when a
result names it (ten random hexadecimal digits per record were a sixth of the
compressed file).
"""

from __future__ import annotations

import datetime as _dt
import gzip
import hashlib
import json
import lzma
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from .._errors import ConfigError
from .._resources import package_root
from ..limits import MAX_RECORD_DROP
from .normalize import NORMALIZATION_VERSION, normalized, unmarked

DATA_DIR = ("data", "lists")
LISTS_FILE = "assessments/data/lists/lists.json"
REBUILD = ("rebuild the dataset with python tools/import_lists.py --shared DIR (DIR: the list snapshots;"
           " docs/screening.md), or reinstall the package")


class DatasetError(ConfigError):
    """The shipped list data cannot be read: names the file and the command that rebuilds it."""


def record_id(key: str) -> str:
    """The id of the record whose name normalises to ``key`` (``normalize.normalized``): stable while the
    name and the normaliser are (tools/import_lists.py merges the lists' entries by that key)."""
    return hashlib.sha1(key.encode()).hexdigest()[:10]


@dataclass(frozen=True)
class Record:
    """One entity on one or more lists, after the importer merged its entries.

    ``given_id`` is the id the caller gave, or "" for a record of the shipped dataset, whose :attr:`id` is
    computed from its stored normal name when something asks for it (see :func:`record_id`).
    """

    given_id: str
    name: str
    aliases: tuple[str, ...]
    countries: tuple[str, ...]
    lists: tuple[str, ...]  # list ids, as in lists.json
    note: str
    # Normal forms of (name, *aliases) computed by the importer; empty if its normaliser differs.
    forms: tuple[str, ...] = ()
    # Lists the entity has left: (list id, removal date or "", what to tell the user).
    former: tuple[tuple[str, str, str], ...] = ()
    # Positions in ``aliases`` of the aliases that rest only on a source not yet checked (a curated alias whose
    # source page was not read): a name found only through one of them is a possible match at most.
    unchecked: tuple[int, ...] = ()

    @cached_property  # (a frozen dataclass: cached_property writes the instance's __dict__ directly)
    def id(self) -> str:
        if self.given_id:
            return self.given_id
        return record_id(unmarked(self.forms[0]) if self.forms else normalized(self.name))


NOT_YET_CHECKED = "not yet"
"""How the ``checked`` note of a curated alias entry (tools/data/curated_aliases.toml) begins until someone
has read the page its source names: the importer marks such aliases ``unchecked`` in the records, and the
office's review page lists the entries."""


def source_unchecked(checked: object) -> bool:
    """True for a curated alias entry's ``checked`` note that says its source was not read yet."""
    return str(checked or "").strip().lower().startswith(NOT_YET_CHECKED)


RECORD_FIELDS = ("id", "name", "aliases", "countries", "lists", "note", "normalized", "former", "unchecked")
"""The columns a row in records.json may have, as its ``fields`` list names them."""
STORED_FIELDS = RECORD_FIELDS[1:]
"""The columns tools/import_lists.py writes: every one but ``id``, which :func:`record_id` computes."""
OPTIONAL_FIELDS = frozenset({"id", "normalized", "former", "unchecked"})
"""Columns a dataset may leave out (ids are then computed; without ``normalized`` the matcher normalises the
names itself). Datasets written before 2026-12-07 carry ids."""


@lru_cache(maxsize=1)
def list_metadata() -> dict[str, Any]:
    """lists.json: per list its label, authority, URL, dates (as_of, published, retrieved), licence,
    transcription, record count and outcome. Raises DatasetError, naming the key, when the file is
    unreadable or any field is missing or malformed (see :func:`check_metadata`)."""
    try:
        meta = json.loads(package_root().joinpath(*DATA_DIR, "lists.json").read_text("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise DatasetError(LISTS_FILE, "", f"cannot be read ({type(exc).__name__}: {exc})", REBUILD) from None
    check_metadata(meta)
    return meta


_SHA256 = re.compile(r"[0-9a-f]{64}")
_LIST_ID = re.compile(r"[a-z0-9_]{1,64}")
_DATA_FILE = re.compile(r"[a-z0-9_]{1,64}\.json\.(?:xz|gz)")
_TEXT, _URL_TEXT, _DATE, _OPT_DATE, _COUNT, _FLAG = "text", "url", "date", "date or null", "count", "true/false"
# Every field of a list's entry in lists.json: what it must be, and whether it may be left out.
_LIST_FIELDS: dict[str, tuple[str, bool]] = {
    "label": (_TEXT, True), "authority": (_TEXT, True), "url": (_URL_TEXT, True), "licence": (_TEXT, True),
    "outcome": ("outcome", True), "outcome_reason": (_TEXT, True), "non_commercial": (_FLAG, True),
    "as_of": (_DATE, True), "published": (_OPT_DATE, False), "retrieved": (_OPT_DATE, False),
    "transcription": (_TEXT, True), "record_count": (_COUNT, True), "former_count": (_COUNT, False),
    "previous_count": (_COUNT, False), "statutory": (_FLAG, False),
}
_OUTCOMES = ("prohibited", "high")


def _field_problem(kind: str, value: Any) -> str | None:
    """Why ``value`` is not a ``kind``, or None."""
    if kind in (_TEXT, _URL_TEXT):
        if not isinstance(value, str) or not value.strip() or len(value) > 4000:
            return "must be non-empty text"
        if kind == _URL_TEXT and not re.fullmatch(r"https?://[^\s<>\"']+", value):
            return "must be an http(s) address"
        return None
    if kind in (_DATE, _OPT_DATE):
        if value is None and kind == _OPT_DATE:
            return None
        try:
            if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                _dt.date.fromisoformat(value)
                return None
        except ValueError:
            pass
        return f"{value!r:.40} is not a date (YYYY-MM-DD)" + (" or null" if kind == _OPT_DATE else "")
    if kind == _COUNT:
        return None if type(value) is int and 0 <= value <= 10_000_000 else "must be a whole number, 0 or more"
    if kind == _FLAG:
        return None if isinstance(value, bool) else "must be true or false"
    if kind == "outcome":
        return None if value in _OUTCOMES else f"must be one of {', '.join(_OUTCOMES)}"
    raise AssertionError(kind)


def _key(key: str) -> str:
    """A key from the file for a message: at most 60 characters, anything invisible escaped."""
    return ascii(key[:60])[1:-1]


def check_metadata(meta: Any) -> None:
    """Raise DatasetError (file lists.json, the key named) unless every field is present and well-formed.

    The records and people files are checked against the checksums recorded here when they are read;
    this file is what vouches for them, so nothing in it is taken on trust.
    """
    def fail(key: str, reason: str) -> DatasetError:
        return DatasetError(LISTS_FILE, key, reason, REBUILD)

    if not isinstance(meta, dict):
        raise fail("", "not a JSON object")
    for key, check in (("schema", lambda v: type(v) is int and v >= 1),
                       ("dataset_version", lambda v: isinstance(v, str) and 0 < len(v) <= 200),
                       ("records_file", lambda v: isinstance(v, str) and bool(_DATA_FILE.fullmatch(v))),
                       ("records_sha256", lambda v: isinstance(v, str) and bool(_SHA256.fullmatch(v))),
                       ("record_total", lambda v: _field_problem(_COUNT, v) is None),
                       ("lists", lambda v: isinstance(v, dict) and bool(v))):
        if key not in meta:
            raise fail(key, "missing")
        if not check(meta[key]):
            raise fail(key, f"malformed ({meta[key]!r:.60})")
    for lid, info in meta["lists"].items():
        if not _LIST_ID.fullmatch(lid):
            raise fail(f"lists.{_key(lid)}", "not a list id (lower-case letters, digits and _)")
        if not isinstance(info, dict):
            raise fail(f"lists.{lid}", "not an object")
        for field, (kind, required) in _LIST_FIELDS.items():
            if field not in info:
                if required:
                    raise fail(f"lists.{lid}.{field}", "missing")
                continue
            problem = _field_problem(kind, info[field])
            if problem:
                raise fail(f"lists.{lid}.{field}", problem)
        unknown = sorted(set(info) - set(_LIST_FIELDS))
        if unknown:
            raise fail(f"lists.{lid}.{_key(unknown[0])}", "unknown field (a dataset from another version?)")
    people = meta.get("people")
    if people is not None:
        if not isinstance(people, dict):
            raise fail("people", "not an object")
        for field, problem_of in (
            ("file", lambda v: None if isinstance(v, str) and _DATA_FILE.fullmatch(v) else "not a data file name"),
            ("sha256", lambda v: None if isinstance(v, str) and _SHA256.fullmatch(v) else "not a SHA-256"),
            ("count", lambda v: _field_problem(_COUNT, v)),
            ("list", lambda v: None if v in meta["lists"] else "not a list of this dataset"),
            ("as_of", lambda v: _field_problem(_DATE, v)),
        ):
            if field not in people:
                raise fail(f"people.{field}", "missing")
            problem = problem_of(people[field])
            if problem:
                raise fail(f"people.{field}", problem)


def decompress_records(file_name: str, blob: bytes) -> bytes:
    """The records JSON from its compressed file: .xz (the dataset since 2026-11) or .gz (older copies)."""
    if file_name.endswith(".xz"):
        return lzma.decompress(blob)
    if file_name.endswith(".gz"):
        return gzip.decompress(blob)
    raise ConfigError(LISTS_FILE, "records_file",
                      f"unknown compression of {file_name!r}",
                      "use records.json.xz (python tools/import_lists.py --shared DIR)")


def parse_records(data: dict[str, Any]) -> tuple[Record, ...]:
    """The records of a decoded records.json, each row read by the column names of its ``fields`` list.

    Raises ConfigError when a field the engine needs is missing or a field is
    unknown (a dataset written by another version of tools/import_lists.py).
    """
    fields = data.get("fields")
    if not isinstance(fields, list) or len(set(fields)) != len(fields):
        raise ConfigError(LISTS_FILE, "records_file", "the records file has no valid 'fields' list",
                          "regenerate the dataset with python tools/import_lists.py --shared DIR")
    missing = [f for f in RECORD_FIELDS if f not in fields and f not in OPTIONAL_FIELDS]
    unknown = [f for f in fields if f not in RECORD_FIELDS]
    if missing or unknown:
        problems = ([f"missing {', '.join(missing)}"] if missing else []) + \
            ([f"unknown {', '.join(map(str, unknown))}"] if unknown else [])
        raise ConfigError(LISTS_FILE, "records_file",
                          f"record fields {fields} are not {list(RECORD_FIELDS)} ({'; '.join(problems)})",
                          "regenerate the dataset with python tools/import_lists.py --shared DIR, or update "
                          "assessments/screening/dataset.py to read the new fields")
    col = {f: i for i, f in enumerate(fields)}
    i_id, i_name, i_aliases, i_countries, i_lists, i_note = (col.get(f) for f in RECORD_FIELDS[:6])
    i_forms = col.get("normalized") if data.get("normalization") == NORMALIZATION_VERSION else None
    i_former = col.get("former")
    i_unchecked = col.get("unchecked")
    width = len(fields)
    names = data["lists"]
    rows = data["records"]
    if any(len(r) != width for r in rows):
        raise ConfigError(LISTS_FILE, "records_file", f"a record does not have the {width} fields {fields}",
                          "regenerate the dataset with python tools/import_lists.py --shared DIR")
    if i_id is not None:
        ids = [r[i_id] for r in rows]
    elif i_forms is None and "normalized" in col:
        # Forms of another normaliser are not read, but they are still the keys the ids were made from.
        ids = [record_id(unmarked(r[col["normalized"]][0])) for r in rows]
    else:
        ids = [""] * len(rows)  # computed from the stored forms when a result names the record (Record.id)
    # List comprehensions rather than generators: this runs while the browser's engine starts.
    return tuple([Record(given, r[i_name], tuple(r[i_aliases]), tuple(r[i_countries]),
                         tuple([names[i] for i in r[i_lists]]), r[i_note],
                         tuple(r[i_forms]) if i_forms is not None else (),
                         tuple([(names[f[0]], f[1], f[2]) for f in r[i_former]]) if i_former is not None else (),
                         tuple(r[i_unchecked]) if i_unchecked is not None else ())
                  for given, r in zip(ids, rows, strict=True)])


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
                        "python tools/import_lists.py --shared DIR")
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
                            "regenerate the dataset with python tools/import_lists.py --shared DIR")
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
