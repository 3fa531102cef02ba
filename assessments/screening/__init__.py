"""Partner-name screening against restricted-party and research-security lists.

Runs entirely on the user's device (CPython or Pyodide): the lists ship with
the package and the matcher is pure Python. A result is a screening aid: a
miss is not a clearance, and every result names the lists and their dates.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from .._errors import AnswerError
from ..config import Config, default_config
from ..limits import MATCH_THRESHOLD, MAX_CANDIDATES, MAX_SCREEN_NAME_LENGTH, THRESHOLD_RANGE
from .dataset import check_disabled, is_stale, list_info, list_metadata, records
from .index import Index
from .normalize import normalized

__all__ = ["DISCLAIMER", "get_index", "list_metadata", "screen_for_assessment", "screen_name", "stale_warnings"]

DISCLAIMER = (
    "Screening is an aid, not a clearance or a legal determination: no match does not mean a partner is "
    "cleared, and a match must be confirmed by your research security office. Lists are as of the dates shown."
)
_RANK = {"none": 0, "related": 1, "high": 2, "prohibited": 3}
_INDEX: Index | None = None


def get_index() -> Index:
    """The index over every shipped record, built on first use and kept for the process."""
    global _INDEX  # noqa: PLW0603 - a per-process cache: the browser worker builds the index once
    if _INDEX is None:
        _INDEX = Index(records())
    return _INDEX


def screen_name(name: str, config: Config | None = None, *, threshold: float | None = None,
                today: _dt.date | None = None) -> dict[str, Any]:
    """Screen one name; candidates best first (at most ``limits.MAX_CANDIDATES``), with the outcome for the engine."""
    config = config or default_config()
    threshold = config.threshold if threshold is None else threshold
    if not isinstance(name, str):
        raise AnswerError("screening", "name", f"must be text, not {type(name).__name__}", "pass the name as a string")
    name = " ".join(name.split())
    if not name:
        raise AnswerError("screening", "name", "empty", "give the name of an organisation or person")
    if len(name) > MAX_SCREEN_NAME_LENGTH:
        raise AnswerError("screening", "name", f"longer than {MAX_SCREEN_NAME_LENGTH} characters", "shorten the name")
    low, high = THRESHOLD_RANGE
    if not low <= threshold <= high:
        raise AnswerError("screening", "threshold", f"{threshold} is outside [{low:g}, {high:g}]",
                          f"use a value such as {MATCH_THRESHOLD}")
    check_disabled(config.disabled_lists, config.source)
    disabled = set(config.disabled_lists)
    index = get_index()
    allowed = None
    if disabled:
        allowed = {i for i, r in enumerate(index.records) if any(lid not in disabled for lid in r.lists)}
    _, hits = index.search(name, limit=MAX_CANDIDATES, allowed=allowed, threshold=threshold)
    candidates = []
    outcome = "none"
    for hit in hits:
        rec = index.records[hit.record]
        lists = [list_info(lid, config.max_list_age_days, today) for lid in rec.lists if lid not in disabled]
        match = hit.relation == "same" and hit.score >= threshold
        candidates.append({
            "name": rec.name,
            "matched_alias": hit.alias,
            "score": hit.score,
            "match": match,
            "relation": hit.relation,
            "why": hit.detail,
            "record_id": rec.id,
            "countries": list(rec.countries),
            "note": rec.note,
            "lists": [{k: v for k, v in info.items() if k != "outcome"} for info in lists],
        })
        if match:
            kind = "prohibited" if any(i["outcome"] == "prohibited" for i in lists) else "high"
        elif hit.relation == "related":
            kind = "related"
        else:
            kind = "none"
        if _RANK[kind] > _RANK[outcome]:
            outcome = kind
    return {
        "query": name,
        "normalized": normalized(name),
        "threshold": threshold,
        "candidates": candidates,
        "outcome": outcome,
        "warnings": stale_warnings(config, today),
        "disclaimer": DISCLAIMER,
    }


def screen_for_assessment(names: list[str], config: Config | None = None) -> list[dict[str, Any]]:
    """One screening result per name, for the engine's ``{screening = ...}`` conditions."""
    return [screen_name(n, config) for n in names]


def stale_warnings(config: Config, today: _dt.date | None = None) -> list[str]:
    """A warning for every enabled list older than ``config.max_list_age_days``."""
    out = []
    for lid, meta in list_metadata()["lists"].items():
        if lid in config.disabled_lists or not is_stale(lid, config.max_list_age_days, today):
            continue
        out.append(f"{meta['label']} is as of {meta['as_of']}, older than {config.max_list_age_days} days: "
                   f"entries added since then are missing. Check the current list at {meta['url']}.")
    return out
