"""Keeping watch over saved plans: what a plan was assessed with, and what changed since.

A saved plan (kept on the researcher's device, never sent) carries a *record*:
the policy version and each screening list's date it was last assessed with,
and the outcome then (tier, reasons, list matches). When the site's policy or a
list is newer, the page (and the office, for an exported plan) re-assesses the
answers and :func:`compare` says what changed, in plain sentences the page
shows as they are. One copy: the page (``record`` and ``compare`` operations of
:mod:`assessments.browser`) and the command line (``assess --batch``,
:mod:`assessments.watch_batch`) both call these functions.

A record is ``{"policy_version", "policy_as_of", "lists": {list id: as_of},
"tier" (null while required answers are missing), "missing" (how many),
"reasons": [{"rule", "title", "tier"}], "matches": [{"name", "partner",
"list", "label", "as_of"}], "checked"}``. A record read back from the device
or a file is checked by :func:`check_record`: sizes are bounded and every
error names the key.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from ._engine import assess_with_missing
from ._errors import AnswerError
from ._policy import load_policy
from .config import Config

TIERS = ("low", "moderate", "high", "prohibited")
MAX_RECORD_ITEMS = 200
"""Reasons, matches or lists one record may hold (a real one has a few dozen at most)."""
MAX_RECORD_TEXT = 400
"""Characters of one text in a record (a rule title, a partner's name, a list label)."""
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ID = re.compile(r"^[a-z0-9_]{1,64}$")


def versions(config: Config) -> dict[str, Any]:
    """The site's policy version and each screening list's date (lists switched off are left out).

    Written at build time as ``assets/data/versions.json`` (hooks/saved_plans.py), so that guide
    pages, which never start the engine, can tell a saved plan was assessed with older data.
    """
    policy = load_policy()
    lists: dict[str, dict[str, str]] = {}
    try:
        from .screening import dataset  # noqa: PLC0415 - optional subpackage

        meta = dataset.list_metadata()["lists"]
    except ImportError:
        meta = {}
    for lid, info in sorted(meta.items()):
        if lid not in config.disabled_lists:
            lists[lid] = {"label": info["label"], "as_of": info["as_of"]}
    return {"policy_version": policy.version, "policy_as_of": policy.as_of, "lists": lists}


def assess_as_page(answers: Any, config: Config) -> dict[str, Any]:
    """Assess as the page does while the form is filled in, with what the result was assessed with.

    A required answer not given yet is not an error: ``missing`` names the asked, required questions still
    unanswered (the page shows no tier until it is empty: a partial form's "low" would read as an all-clear).
    ``basis`` (policy version, list dates) goes into the page's export, so the office can re-check it later.
    """
    result, missing = assess_with_missing(answers, config=config)
    result["missing"] = missing
    result["basis"] = {"policy_version": result["policy_version"],
                       "lists": {lid: v["as_of"] for lid, v in versions(config)["lists"].items()}}
    return result


def record(result: dict[str, Any], config: Config, today: _dt.date | None = None) -> dict[str, Any]:
    """What a saved plan keeps of a result: the data it was assessed with and its outcome."""
    site = versions(config)
    missing = len(result.get("missing") or [])
    matches: dict[tuple[str, str], dict[str, Any]] = {}
    for entry in result.get("screening") or []:
        partner = entry.get("partner")
        for candidate in entry.get("candidates") or []:
            if not candidate.get("match"):
                continue
            for listed in candidate.get("lists") or []:
                key = (entry["query"], listed["id"])
                matches.setdefault(key, {"name": entry["query"],
                                         "partner": partner if isinstance(partner, int) else None,
                                         "list": listed["id"], "label": listed["label"], "as_of": listed["as_of"]})
    return {
        "policy_version": result.get("policy_version", site["policy_version"]),
        "policy_as_of": result.get("as_of", site["policy_as_of"]),
        "lists": {lid: info["as_of"] for lid, info in site["lists"].items()},
        "tier": None if missing else result.get("tier"),
        "missing": missing,
        "reasons": [{"rule": r["rule"], "title": r["title"], "tier": r["tier"]} for r in result.get("reasons") or []],
        "matches": sorted(matches.values(), key=lambda m: (m["name"], m["list"])),
        "checked": (today or _dt.date.today()).isoformat(),
    }


def outdated(before: dict[str, Any], config: Config) -> list[str]:
    """Why a record is older than the site's data: the policy, or lists newer than it recorded (sentences)."""
    site = versions(config)
    why = []
    if before.get("policy_version") != site["policy_version"]:
        why.append(f"The policy is now version {site['policy_version']} "
                   f"(this plan was last assessed with {before.get('policy_version') or 'an unknown version'}).")
    recorded = before.get("lists") or {}
    for lid, info in site["lists"].items():
        then = recorded.get(lid)
        if then is None or info["as_of"] > then:
            since = f" (this plan was last checked against {then})." if then else " (new since this plan was checked)."
            why.append(f"{info['label']} is now as of {info['as_of']}{since}")
    return why


def compare(before: dict[str, Any], now: dict[str, Any]) -> dict[str, Any]:
    """What changed between two records: tier, reasons added or gone, list matches new or removed.

    ``lines`` says it in plain sentences, most important first, for the page, the export and the CSV.
    """
    before_rules = {r["rule"]: r for r in before["reasons"]}
    now_rules = {r["rule"]: r for r in now["reasons"]}
    added = [r for rule, r in now_rules.items() if rule not in before_rules]
    gone = [r for rule, r in before_rules.items() if rule not in now_rules]
    key = lambda m: (m["name"], m["list"])  # noqa: E731 - a one-line key
    before_matches = {key(m): m for m in before["matches"]}
    now_matches = {key(m): m for m in now["matches"]}
    new = [m for k, m in now_matches.items() if k not in before_matches]
    removed = [m for k, m in before_matches.items() if k not in now_matches]
    lists_updated = [{"list": lid, "before": before["lists"].get(lid), "after": as_of}
                     for lid, as_of in sorted(now["lists"].items()) if before["lists"].get(lid) != as_of]
    tier_changed = before["tier"] != now["tier"]
    lines = []
    if tier_changed:
        lines.append(f"Risk tier: {_tier(before)} before, {_tier(now)} now.")
    lines += [f"{m['name']}: now on {m['label']} as of {m['as_of']}." for m in new]
    lines += [f"{m['name']}: no longer on {m['label']} (it was, as of {m['as_of']})." for m in removed]
    lines += [f"New reason: {r['title']} ({r['tier']})." for r in added]
    lines += [f"No longer a reason: {r['title']}." for r in gone]
    return {
        "changed": bool(tier_changed or added or gone or new or removed),
        "tier": {"before": before["tier"], "after": now["tier"]},
        "reasons_added": added,
        "reasons_gone": gone,
        "matches_added": new,
        "matches_removed": removed,
        "policy": {"before": before["policy_version"], "after": now["policy_version"]},
        "lists_updated": lists_updated,
        "lines": lines,
    }


def _tier(rec: dict[str, Any]) -> str:
    return rec["tier"] or f"no tier yet ({rec['missing']} required answers missing)"


def check_record(value: Any, where: str = "record") -> dict[str, Any]:
    """A record read from the device or a file, checked and bounded; an :class:`AnswerError` names the key."""
    def fail(key: str, reason: str) -> AnswerError:
        return AnswerError(where, key, reason, "save the plan again on this site")

    if not isinstance(value, dict):
        raise fail("", "must be an object")
    for key in ("policy_version", "reasons", "matches", "lists"):
        if key not in value:
            raise fail(key, "missing")
    version = value["policy_version"]
    if not isinstance(version, str) or len(version) > 64:
        raise fail("policy_version", "must be text of at most 64 characters")
    tier = value.get("tier")
    if tier is not None and tier not in TIERS:
        raise fail("tier", f"must be one of {', '.join(TIERS)} or null")
    missing = value.get("missing", 0)
    if not isinstance(missing, int) or isinstance(missing, bool) or not 0 <= missing <= 1000:
        raise fail("missing", "must be a whole number from 0")
    lists = value["lists"]
    if not isinstance(lists, dict) or len(lists) > MAX_RECORD_ITEMS:
        raise fail("lists", f"must be an object of at most {MAX_RECORD_ITEMS} list dates")
    for lid, as_of in lists.items():
        if not _ID.match(lid) or not isinstance(as_of, str) or not _DATE.match(as_of):
            raise fail(f"lists.{lid[:64]}", "must map a list id to a date YYYY-MM-DD")
    reasons = _items(value["reasons"], "reasons", ("rule", "title", "tier"), fail)
    for i, reason in enumerate(reasons):
        if reason["tier"] not in TIERS:
            raise fail(f"reasons[{i}].tier", f"must be one of {', '.join(TIERS)}")
    matches = _items(value["matches"], "matches", ("name", "list", "label", "as_of"), fail)
    for i, match in enumerate(matches):
        if not _DATE.match(match["as_of"]):
            raise fail(f"matches[{i}].as_of", "must be a date YYYY-MM-DD")
        partner = match.get("partner")
        match["partner"] = partner if isinstance(partner, int) and not isinstance(partner, bool) else None
    checked = value.get("checked")
    return {
        "policy_version": version,
        "policy_as_of": _text(value.get("policy_as_of")),
        "lists": dict(lists),
        "tier": tier,
        "missing": missing,
        "reasons": reasons,
        "matches": matches,
        "checked": checked if isinstance(checked, str) and _DATE.match(checked) else None,
    }


def _items(value: Any, key: str, fields: tuple[str, ...], fail: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list) or len(value) > MAX_RECORD_ITEMS:
        raise fail(key, f"must be a list of at most {MAX_RECORD_ITEMS} items")
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            raise fail(f"{key}[{i}]", "must be an object")
        clean = {}
        for field in fields:
            text = item.get(field)
            if not isinstance(text, str) or not text or len(text) > MAX_RECORD_TEXT:
                raise fail(f"{key}[{i}].{field}", f"must be text of 1 to {MAX_RECORD_TEXT} characters")
            clean[field] = text
        if "partner" in item:
            clean["partner"] = item["partner"]
        out.append(clean)
    return out


def _text(value: Any) -> str:
    return value[:MAX_RECORD_TEXT] if isinstance(value, str) else ""


def record_from_export(data: Any, config: Config, where: str) -> dict[str, Any] | None:
    """The record an exported file holds: its own ``record`` (a saved plan's export), else one made from the
    ``result`` the page saved with it (its list dates from ``result.basis`` when present); None if neither."""
    if not isinstance(data, dict):
        return None
    if data.get("record") is not None:
        return check_record(data["record"], f"{where}: record")
    result = data.get("result")
    if not isinstance(result, dict) or not isinstance(result.get("reasons"), list):
        return None
    try:
        made = record(result, config)
        basis = result.get("basis")
        made["lists"] = dict(basis["lists"]) if isinstance(basis, dict) and isinstance(basis.get("lists"), dict) else {}
        if not isinstance(result.get("policy_version"), str):
            made["policy_version"] = "unknown"
        saved = data.get("saved_at")
        made["checked"] = saved[:10] if isinstance(saved, str) and _DATE.match(saved[:10]) else None
        return check_record(made, f"{where}: result")
    except (KeyError, TypeError, AttributeError):
        raise AnswerError(f"{where}: result", "", "is not a result saved by this site",
                          "export the plan again from the self-assessment page") from None
