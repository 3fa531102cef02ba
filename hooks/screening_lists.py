"""Check the screening dataset at build time; give the marker pass the list table's data.

- The build stops when the shipped records do not match their metadata, when a
  list's record count dropped suddenly against the previous import, or when
  ``[screening] disabled_lists`` names a list that does not exist (checked in
  ``on_pre_build``, with the configuration hooks/validate.py loaded).
- ``<!-- md:screening-lists -->`` (every list: label, authority, official URL,
  as-of date, licence, transcription source, record count, what a match means,
  from assessments/data/lists/lists.json) and ``<!-- md:screening-settings -->``
  (the configured threshold and staleness age) are markers of hooks/markers.py,
  rendered from :func:`list_table` and :func:`settings` through
  ``overrides/partials/rs-screening-*.html``. The dataset is read here only.
- ``<!-- guide:alias-review -->`` on the office's review page: every entry of
  ``tools/data/curated_aliases.toml`` whose ``checked`` still says "not yet"
  (listed name, aliases, the source named, what was tried), from
  :func:`alias_review`. The shipped records carry no verification status, so the
  committed alias file is read; researchers never see it.
"""

from __future__ import annotations

import datetime as dt
import logging
import tomllib
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

import assessments
from assessments.limits import MAX_RECORD_DROP
from assessments.screening import dataset

import _project

log = logging.getLogger("mkdocs.hooks.screening_lists")


# --- hooks -----------------------------------------------------------------

def on_pre_build(config: MkDocsConfig) -> None:
    institution = _project.institution(config)
    problems = dataset.dataset_problems(MAX_RECORD_DROP)
    if problems:
        raise PluginError("Screening dataset check failed:\n  " + "\n  ".join(problems))
    try:
        dataset.check_disabled(institution.disabled_lists, institution.source)
    except assessments.ConfigError as exc:
        raise PluginError(f"Invalid screening configuration: {exc}") from None
    stale = [f"{lid} (as of {info['as_of']})" for lid, info in dataset.list_metadata()["lists"].items()
             if lid not in institution.disabled_lists
             and dataset.is_stale(lid, institution.max_list_age_days, dt.date.today())]
    if stale:
        # Information, not a warning: a stale list must not fail a --strict build, but the office should see it.
        log.info("screening lists older than %d days (a match on them is only a possible match): %s",
                 institution.max_list_age_days, ", ".join(stale))


# --- helpers (for hooks/markers.py) ----------------------------------------

def list_table(institution: assessments.Config) -> dict[str, Any]:
    """What the list table shows: one row per list, then the dataset's version and size."""
    meta = dataset.list_metadata()
    today = dt.date.today()
    rows = [{
        "id": lid,
        "label": info["label"],
        "url": info["url"],
        "switched_off": lid in institution.disabled_lists,
        "authority": info["authority"],
        "published": info.get("published") or "",
        "retrieved": info.get("retrieved") or "",
        "as_of": info["as_of"],
        "stale": dataset.is_stale(lid, institution.max_list_age_days, today),
        "record_count": info["record_count"],
        "former_count": info.get("former_count") or 0,
        "outcome": "prohibited" if info["outcome"] == "prohibited" else "high",
        "outcome_reason": info["outcome_reason"],
        "licence": info["licence"],
        "transcription": info["transcription"],
    } for lid, info in meta["lists"].items()]
    return {"lists": rows, "max_list_age_days": institution.max_list_age_days,
            "dataset_version": meta["dataset_version"], "record_total": meta["record_total"]}


def settings(institution: assessments.Config) -> dict[str, Any]:
    """The screening settings of this copy, as the settings sentence states them."""
    return {"threshold": institution.threshold, "max_list_age_days": institution.max_list_age_days,
            "disabled_lists": institution.disabled_lists}


def alias_review(path: Path | None = None) -> dict[str, Any]:
    """The curated alias entries not yet checked against a page: ``entries`` (listed, aliases, source, tried),
    ``total`` (entries in the file) and ``path`` (as the page names it); ``missing`` when the copy has no file.

    An entry is unchecked when its ``checked`` starts with "not yet" (the importer's file keeps what was tried
    after the colon). A file that cannot be read as the importer reads it stops the build, naming the file.
    """
    path = path or CURATED_ALIASES
    shown = path.relative_to(_project.ROOT).as_posix() if path.is_relative_to(_project.ROOT) else str(path)
    if not path.exists():
        return {"entries": [], "total": 0, "path": shown, "missing": True}
    try:
        entries = tomllib.loads(path.read_text(encoding="utf-8")).get("alias", [])
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise PluginError(f"{shown}: cannot read the curated aliases ({exc}); "
                          "fix the file so that tools/import_lists.py can read it") from None
    rows = []
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not entry.get("listed") or not entry.get("aliases"):
            raise PluginError(f"{shown}: alias entry {number} needs listed and aliases")
        checked = str(entry.get("checked", "")).strip()
        if dataset.source_unchecked(checked):
            rows.append({"number": number, "listed": entry["listed"], "aliases": list(entry["aliases"]),
                         "source": entry.get("source", ""),
                         "tried": checked[len(dataset.NOT_YET_CHECKED):].lstrip(" :").strip()})
    return {"entries": rows, "total": len(entries), "path": shown, "missing": False}


# --- data ------------------------------------------------------------------

CURATED_ALIASES = _project.ROOT / "tools" / "data" / "curated_aliases.toml"

