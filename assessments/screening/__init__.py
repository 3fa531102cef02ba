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
from ..limits import MATCH_THRESHOLD, MAX_CANDIDATES, MAX_SCREEN_NAME_LENGTH, PERSON_MATCH_THRESHOLD, THRESHOLD_RANGE
from .dataset import DatasetError, check_disabled, is_stale, list_info, list_metadata, people, people_present, records
from .index import Index
from .normalize import normalized

__all__ = ["DISCLAIMER", "OUTCOMES", "PERSON_OUTCOMES", "POSSIBLE_NAME_MATCH", "DatasetError", "get_index",
           "list_metadata", "not_screened_result", "screen_for_assessment", "screen_name", "screen_person",
           "stale_warnings"]

DISCLAIMER = (
    "Screening is an aid, not a clearance or a legal determination: no match does not mean a partner is "
    "cleared, and a match must be confirmed by your research security office. Lists are as of the dates shown."
)
OUTCOMES = ("none", "formerly_listed", "not_screened", "related", "stale_match", "high", "prohibited")
"""Every value of a result's ``outcome``, least to most serious (see docs/screening.md)."""
_RANK = {o: i for i, o in enumerate(OUTCOMES)}
STALE_MATCH = "a possible match on an out-of-date list: the office confirms"
_INDEX: Index | None = None
_PEOPLE_INDEX: Index | None = None
PERSON_OUTCOMES = ("none", "not_screened", "possible_match")
"""Every value of a person screening result's ``outcome``, least to most serious."""
POSSIBLE_NAME_MATCH = "possible name match: the office confirms with date of birth and nationality"
PEOPLE_OFF = "people screening is off in this configuration ([screening] screen_people = false)"
PEOPLE_ABSENT = ("the listed individuals are not part of this copy of the engine (it was built with "
                 "[screening] screen_people = false)")


def get_index() -> Index:
    """The index over every shipped record, built on first use and kept for the process."""
    global _INDEX  # noqa: PLW0603 - a per-process cache: the browser worker builds the index once
    if _INDEX is None:
        _INDEX = Index(records())
    return _INDEX


def _check_name(name: Any, threshold: float) -> str:
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
    return name


def _unscreened(lists: dict[str, Any], disabled: set[str], index: Index) -> list[dict[str, Any]]:
    """Enabled lists the name cannot be screened against (no entries in the shipped data), and
    a whole-screening reason when no list is enabled at all."""
    enabled = [lid for lid in lists if lid not in disabled]
    if not enabled:
        return [{"list": None, "reason": "every list is switched off in this configuration "
                                         "([screening] disabled_lists)"}]
    present = index.list_counts()
    return [{"list": lid, "reason": f"{lists[lid]['label']} holds no entries in this copy of the data"}
            for lid in enabled if not present.get(lid)]


def screen_name(name: str, config: Config | None = None, *, threshold: float | None = None,
                today: _dt.date | None = None) -> dict[str, Any]:
    """Screen one name; candidates best first (at most ``limits.MAX_CANDIDATES``), with the outcome for the engine.

    Raises DatasetError when the shipped list data cannot be read (the command line and the
    build stop on it; screen_for_assessment() turns it into "not_screened" results).
    """
    config = config or default_config()
    threshold = config.threshold if threshold is None else threshold
    name = _check_name(name, threshold)
    check_disabled(config.disabled_lists, config.source)
    disabled = set(config.disabled_lists)
    meta_lists = list_metadata()["lists"]
    index = get_index()
    unscreened = _unscreened(meta_lists, disabled, index)
    usable = {lid for lid in meta_lists if lid not in disabled} - {u["list"] for u in unscreened}
    allowed = None
    if disabled:
        allowed = {i for i, r in enumerate(index.records)
                   if any(lid not in disabled for lid in r.lists) or any(f[0] not in disabled for f in r.former)}
    _, hits = index.search(name, limit=MAX_CANDIDATES, allowed=allowed, threshold=threshold) if usable else ((), [])
    candidates = []
    outcome = "none"
    for hit in hits:
        rec = index.records[hit.record]
        lists = [list_info(lid, config.max_list_age_days, today) for lid in rec.lists if lid not in disabled]
        former = [{"id": lid, "label": meta_lists[lid]["label"], "removed": date or None, "text": text}
                  for lid, date, text in rec.former if lid not in disabled]
        same = hit.relation == "same" and hit.score >= threshold
        match = same and bool(lists)
        fresh = [i for i in lists if not i["stale"]]
        if match and fresh:
            kind = "prohibited" if any(i["outcome"] == "prohibited" for i in fresh) else "high"
        elif match:
            kind = "stale_match"  # only out-of-date lists: never prohibited on its own
        elif same and former:
            kind = "formerly_listed"
        elif hit.relation == "related" and lists:
            kind = "related"
        else:
            kind = "none"
        candidates.append({
            "name": rec.name,
            "matched_alias": hit.alias,
            "score": hit.score,
            "match": match,
            "relation": hit.relation,
            "why": hit.detail,
            "status": "listed" if lists else "formerly_listed",
            "verdict": _verdict(kind, former),
            "record_id": rec.id,
            "countries": list(rec.countries),
            "note": rec.note,
            "lists": [{k: v for k, v in info.items() if k != "outcome"} for info in lists],
            "former": former,
        })
        if _RANK[kind] > _RANK[outcome]:
            outcome = kind
    if unscreened and _RANK[outcome] < _RANK["not_screened"]:
        outcome = "not_screened"
    stale = [lid for lid in meta_lists if lid in usable and is_stale(lid, config.max_list_age_days, today)]
    return {
        "query": name,
        "normalized": normalized(name),
        "threshold": threshold,
        "candidates": candidates,
        "outcome": outcome,
        "screened": bool(usable),
        "not_screened": unscreened,
        "stale_lists": stale,
        "summary": _summary(outcome, candidates, unscreened),
        "warnings": stale_warnings(config, today),
        "disclaimer": DISCLAIMER,
    }


def _verdict(kind: str, former: list[dict[str, Any]]) -> str:
    if kind == "formerly_listed":
        return "formerly listed, not a hit: " + "; ".join(f["text"] for f in former)
    return {
        "prohibited": "match on a list that prohibits all dealings",
        "high": "match on an export-control or research-security list",
        "stale_match": STALE_MATCH,
        "related": "a related entry is listed (a part or the parent of this name): check it",
    }.get(kind, "no match")


def _summary(outcome: str, candidates: list[dict[str, Any]], unscreened: list[dict[str, Any]]) -> str:
    """One sentence for the whole result."""
    if outcome == "not_screened":
        why = "; ".join(u["reason"] for u in unscreened)
        return f"Not screened: {why}. This is not a clearance: ask the research security office."
    best = next((c for c in candidates if c["verdict"] != "no match"), None)
    if best is None:
        return "No listed entry reached the match threshold on the lists screened."
    return f"{best['name']}: {best['verdict']}."


def not_screened_result(name: str, reason: str, config: Config | None = None) -> dict[str, Any]:
    """The result for a name that could not be screened at all (the list data is unreadable)."""
    config = config or default_config()
    unscreened = [{"list": None, "reason": reason}]
    return {"query": " ".join(str(name).split()), "normalized": "", "threshold": config.threshold,
            "candidates": [], "outcome": "not_screened", "screened": False, "not_screened": unscreened,
            "stale_lists": [], "summary": _summary("not_screened", [], unscreened), "warnings": [],
            "disclaimer": DISCLAIMER}


def screen_for_assessment(names: list[str], config: Config | None = None) -> list[dict[str, Any]]:
    """One screening result per name, for the engine's ``{screening = ...}`` conditions.

    When the list data cannot be read, every name gets a "not_screened" result saying why,
    so the assessment never reads a failed screening as "no match".
    """
    try:
        return [screen_name(n, config) for n in names]
    except DatasetError as exc:
        return [not_screened_result(n, f"the list data cannot be read ({exc})", config) for n in names]


def stale_warnings(config: Config, today: _dt.date | None = None) -> list[str]:
    """A warning for every enabled list older than ``config.max_list_age_days`` (each list once)."""
    out = []
    for lid, meta in list_metadata()["lists"].items():
        if lid in config.disabled_lists or not is_stale(lid, config.max_list_age_days, today):
            continue
        out.append(f"{meta['label']} is as of {meta['as_of']}, older than {config.max_list_age_days} days: "
                   f"entries added since then are missing, and a match on it is only {STALE_MATCH}. "
                   f"Check the current list at {meta['url']}.")
    return out


def _people_index() -> Index:
    """The index over the listed individuals (a separate record kind), built on first use."""
    global _PEOPLE_INDEX  # noqa: PLW0603 - a per-process cache, as get_index()
    if _PEOPLE_INDEX is None:
        _PEOPLE_INDEX = Index(people())
    return _PEOPLE_INDEX


def screen_person(name: str, config: Config | None = None, *, threshold: float | None = None,
                  today: _dt.date | None = None) -> dict[str, Any]:
    """Screen a person's name against the individuals on the OFAC SDN list (``[screening] screen_people``).

    Off by default: with ``screen_people = false`` the result is "not_screened" and says why. A
    candidate at or above ``limits.PERSON_MATCH_THRESHOLD`` (stricter than for organisations) is a
    "possible_match" only: a name alone never identifies a person, so the office confirms it with
    the date of birth and nationality. Individuals are never matched by organisation screening.
    """
    config = config or default_config()
    threshold = PERSON_MATCH_THRESHOLD if threshold is None else threshold
    name = _check_name(name, threshold)
    reason = ""
    if not config.screen_people:
        reason = PEOPLE_OFF
    elif "us_ofac_sdn" in config.disabled_lists:
        reason = "the OFAC SDN list is switched off in this configuration ([screening] disabled_lists)"
    elif not people_present():
        reason = PEOPLE_ABSENT
    else:
        try:
            _people_index()
        except DatasetError as exc:
            reason = f"the list of individuals cannot be read ({exc})"
    unscreened = [{"list": "us_ofac_sdn", "reason": reason}] if reason else []
    candidates: list[dict[str, Any]] = []
    if not reason:
        index = _people_index()
        _, hits = index.search(name, limit=MAX_CANDIDATES, threshold=threshold)
        for hit in hits:
            if hit.relation != "same" or hit.detail not in ("exact", "tokens"):
                continue  # initials and part-of relations mean nothing for a person's name
            rec = index.records[hit.record]
            match = hit.score >= threshold
            candidates.append({
                "name": rec.name, "matched_alias": hit.alias, "score": hit.score, "match": match,
                "verdict": POSSIBLE_NAME_MATCH if match else "no match", "record_id": rec.id,
                "programs": rec.note,
                "lists": [{k: v for k, v in list_info(lid, config.max_list_age_days, today).items() if k != "outcome"}
                          for lid in rec.lists],
            })
    outcome = "not_screened" if reason else "possible_match" if any(c["match"] for c in candidates) else "none"
    if reason:
        summary = f"Not screened: {reason}. This is not a clearance: ask the research security office."
    elif outcome == "possible_match":
        best = next(c for c in candidates if c["match"])
        summary = f"{best['name']}: {POSSIBLE_NAME_MATCH}."
    else:
        summary = "No listed individual reached the match threshold for people."
    warnings = [] if reason else [w for w in stale_warnings(config, today) if w.startswith(
        list_metadata()["lists"]["us_ofac_sdn"]["label"])]
    return {"query": name, "kind": "person", "normalized": normalized(name), "threshold": threshold,
            "candidates": candidates, "outcome": outcome, "screened": not reason, "not_screened": unscreened,
            "summary": summary, "warnings": warnings, "disclaimer": DISCLAIMER}
