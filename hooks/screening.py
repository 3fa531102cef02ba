"""Check the screening dataset at build time and render the list table.

- The build stops when the shipped records do not match their metadata, when a
  list's record count dropped suddenly against the previous import, or when
  ``[screening] disabled_lists`` names a list that does not exist.
- ``<!-- md:screening-lists -->`` becomes a table of every list (label,
  authority, official URL, as-of date, licence, transcription source, record
  count, what a match means), rendered from assessments/data/lists/lists.json;
  ``<!-- md:screening-settings -->`` states the configured threshold and the
  staleness age. Both are replaced in the Markdown, before markers.py runs.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import assessments
from assessments.limits import MAX_RECORD_DROP
from assessments.screening import dataset

import _project

LISTS_MARKER = "<!-- md:screening-lists -->"
SETTINGS_MARKER = "<!-- md:screening-settings -->"
MAX_DROP = MAX_RECORD_DROP
log = logging.getLogger("mkdocs.hooks.screening")


# --- hooks -----------------------------------------------------------------

def on_config(config: MkDocsConfig) -> MkDocsConfig:
    institution = _project.load_institution()
    problems = dataset.dataset_problems(MAX_DROP)
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
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if LISTS_MARKER not in markdown and SETTINGS_MARKER not in markdown:
        return None
    institution = _project.load_institution()
    markdown = markdown.replace(LISTS_MARKER, _lists_table(institution))
    return markdown.replace(SETTINGS_MARKER, _settings(institution))


# --- helpers ---------------------------------------------------------------

def _cell(value: Any) -> str:
    """Text safe inside a Markdown table cell."""
    return str(value).replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


def _lists_table(institution: assessments.Config) -> str:
    meta = dataset.list_metadata()
    today = dt.date.today()
    rows = ["| List | Authority | Published | Retrieved | Current to | Records | A match means | Licence | "
            "Transcribed from |",
            "|---|---|---|---|---|---|---|---|---|"]
    for lid, info in meta["lists"].items():
        label = f"[{_cell(info['label'])}]({info['url']})"
        as_of = _cell(info["as_of"])
        if dataset.is_stale(lid, institution.max_list_age_days, today):
            as_of += f" (older than {institution.max_list_age_days} days)"
        published = _cell(info.get("published") or "not stated in the copy")
        retrieved = _cell(info.get("retrieved") or "not stated in the copy")
        if lid in institution.disabled_lists:
            label += " (switched off in this copy)"
        outcome = "prohibited" if info["outcome"] == "prohibited" else "high"
        count = f"{info['record_count']:,}"
        if info.get("former_count"):
            count += f" (and {info['former_count']:,} removed, shown as formerly listed)"
        rows.append(f"| {label}<br>`{lid}` | {_cell(info['authority'])} | {published} | {retrieved} | {as_of} | "
                    f"{count} | "
                    f"**{outcome}**: {_cell(info['outcome_reason'])} | {_cell(info['licence'])} | "
                    f"{_cell(info['transcription'])} |")
    rows.append("")
    rows.append(f"Dataset version {meta['dataset_version']}, {meta['record_total']:,} records after merging "
                "entities that appear on several lists.")
    return "\n".join(rows)


def _settings(institution: assessments.Config) -> str:
    disabled = ", ".join(f"`{d}`" for d in institution.disabled_lists) or "none"
    return (f"In this copy of the guide a list entry counts as a match from a score of "
            f"**{institution.threshold}**; a list older than **{institution.max_list_age_days} days** shows a "
            f"warning with every result; lists switched off: {disabled}.")
