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
"""

from __future__ import annotations

import datetime as dt
import logging
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


# --- data ------------------------------------------------------------------

