"""Score an answers object against the policy: a tier, its reasons, next steps.

The tier is the highest tier among the rules that fire (``low`` when none
does). Rules only ever raise the tier, so adding a risk factor can never lower
it. "unsure" never counts as "no": it adds a to-do instead.
"""

from __future__ import annotations

import functools
import unicodedata
from typing import Any

from ._errors import AnswerError
from ._policy import TIERS, Policy, load_policy
from .config import Config, default_config

# The built-in configuration is parsed once: assess() runs on every keystroke.
_default_config = functools.cache(default_config)

_RANK = {t: i for i, t in enumerate(TIERS)}
MAX_NAMES = 20
DISCLAIMER = (
    "This self-assessment is an aid, not a legal determination. A screening miss is not a "
    "clearance. Confirm with your research security office before you proceed."
)


def _clean_text(value: str, qid: str, max_length: int) -> str:
    text = unicodedata.normalize("NFC", value)
    # Control characters other than ordinary whitespace are never meaningful here.
    text = "".join(ch for ch in text if ch in "\t\n" or unicodedata.category(ch)[0] != "C" or ch == "\u200d")
    text = " ".join(text.split())
    if len(text) > max_length:
        raise AnswerError("answers", qid, f"longer than {max_length} characters ({len(text)})",
                          "shorten the text")
    return text


def validate_answers(answers: Any, policy: Policy | None = None, *, partial: bool = False) -> dict[str, Any]:
    """Return a cleaned copy of ``answers`` or raise :class:`AnswerError`.

    With ``partial`` (the browser, while the form is being filled in) a missing
    required answer is not an error; :func:`assess` lists it as a to-do.
    """
    policy = policy or load_policy()
    if not isinstance(answers, dict):
        raise AnswerError("answers", "", f"must be a JSON object keyed by question id, not {type(answers).__name__}",
                          "wrap the answers in {...}")
    clean: dict[str, Any] = {}
    for qid, value in answers.items():
        if not isinstance(qid, str) or qid not in policy.question_index:
            raise AnswerError("answers", str(qid)[:80], "unknown question id",
                              "run `python -m assessments questions` for the valid ids")
        q = policy.question_index[qid]
        if value is None:
            continue
        clean[qid] = _check_value(q, value, policy)
    if not partial:
        for qid in _missing_required(clean, policy, None):
            raise AnswerError("answers", qid, "missing required answer", "answer this question")
    return clean


def _missing_required(clean: dict[str, Any], policy: Policy, config: Config | None) -> list[str]:
    visible = _visible(clean, policy, config)
    return [q["id"] for q in policy.questions if q["required"] and q["id"] in visible and q["id"] not in clean]


def _visible(clean: dict[str, Any], policy: Policy, config: Config | None) -> set[str]:
    """Ids of the questions shown. A follow-up only sees answers to questions
    that are themselves shown (conditions only use earlier questions, so one
    pass in display order settles it)."""
    shown: dict[str, Any] = {}
    visible = set()
    for q in policy.questions:
        if _asked(q, shown, policy, config):
            visible.add(q["id"])
            if q["id"] in clean:
                shown[q["id"]] = clean[q["id"]]
    return visible


def _check_value(q: dict[str, Any], value: Any, policy: Policy) -> Any:
    qid, qtype = q["id"], q["type"]

    def wrong(expected: str) -> AnswerError:
        return AnswerError("answers", qid, f"wrong type: expected {expected}, got {type(value).__name__}",
                           f"give {expected}")

    if qtype in ("yes_no_unsure", "yes_no", "choice"):
        allowed = ["yes", "no", "unsure"] if qtype == "yes_no_unsure" else (
            ["yes", "no"] if qtype == "yes_no" else [o["value"] for o in q["options"]])
        if not isinstance(value, str):
            raise wrong("one of " + ", ".join(allowed))
        if value not in allowed:
            raise AnswerError("answers", qid, f"{value[:40]!r} is not an option", f"use one of: {', '.join(allowed)}")
        return value
    if qtype == "multi":
        allowed = [o["value"] for o in q["options"]]
        if not isinstance(value, list):
            raise wrong("a list of options")
        for v in value:
            if not isinstance(v, str) or v not in allowed:
                raise AnswerError("answers", qid, f"{str(v)[:40]!r} is not an option", f"use: {', '.join(allowed)}")
        return sorted(set(value), key=allowed.index)
    if qtype == "country":
        if not isinstance(value, str):
            raise wrong("an ISO country code")
        code = value.strip().upper()
        if code not in policy.country_names:
            raise AnswerError("answers", qid, f"{value[:20]!r} is not an ISO 3166-1 alpha-2 code", "e.g. DE, CN, RU")
        return code
    if qtype == "countries":
        if not isinstance(value, list):
            raise wrong("a list of ISO country codes")
        codes = []
        for v in value:
            if not isinstance(v, str) or v.strip().upper() not in policy.country_names:
                raise AnswerError("answers", qid, f"{str(v)[:20]!r} is not an ISO 3166-1 alpha-2 code", "e.g. DE, CN")
            codes.append(v.strip().upper())
        return sorted(set(codes))
    if qtype == "names":
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise wrong("a list of names")
        if len(value) > MAX_NAMES:
            raise AnswerError("answers", qid, f"more than {MAX_NAMES} names",
                              "screen large batches from the command line")
        names = []
        for v in value:
            if not isinstance(v, str):
                raise wrong("a list of names (text)")
            text = _clean_text(v, qid, q["max_length"])
            if text and text not in names:
                names.append(text)
        return names
    if not isinstance(value, str):
        raise wrong("text")
    return _clean_text(value, qid, q["max_length"])


def _asked(q: dict[str, Any], answers: dict[str, Any], policy: Policy, config: Config | None) -> bool:
    cond = q.get("ask_if")
    return cond is None or _holds(cond, answers, policy, config, frozenset())


def _country_list(name: str, policy: Policy, config: Config | None) -> set[str]:
    if name == "elevated_risk":
        return set((config or _default_config()).elevated_risk)
    return set(policy.country_lists[name]["countries"])


def _holds(cond: dict[str, Any], answers: dict[str, Any], policy: Policy, config: Config | None,
           outcomes: frozenset[str]) -> bool:
    if "all" in cond:
        return all(_holds(c, answers, policy, config, outcomes) for c in cond["all"])
    if "any" in cond:
        return any(_holds(c, answers, policy, config, outcomes) for c in cond["any"])
    if "not" in cond:
        return not _holds(cond["not"], answers, policy, config, outcomes)
    if "screening" in cond:
        return cond["screening"] in outcomes
    value = answers.get(cond["q"])
    if value in (None, [], ""):
        return False
    if "answered" in cond:
        return bool(cond["answered"])
    if "eq" in cond:
        return value == cond["eq"]
    if "in" in cond:
        return value in cond["in"]
    if "any_in" in cond:
        return bool(set(value) & set(cond["any_in"]))
    if "in_country_list" in cond:
        codes = {value} if isinstance(value, str) else set(value)
        return bool(codes & _country_list(cond["in_country_list"], policy, config))
    raise AssertionError(f"unvalidated condition {cond!r}")  # policy validation rejects this


def _screen(answers: dict[str, Any], policy: Policy, config: Config) -> list[dict[str, Any]]:
    names = [n for q in policy.questions if q["type"] == "names" for n in answers.get(q["id"], [])]
    if not names:
        return []
    try:
        from .screening import screen_for_assessment  # noqa: PLC0415 - optional subpackage
    except ImportError:  # screening data not bundled in this build
        return []
    return screen_for_assessment(names, config)


def assess(answers: Any, *, config: Config | None = None, screening: bool = True,
           partial: bool = False) -> dict[str, Any]:
    """Validate ``answers`` and return the explained result (a JSON-ready dict).

    ``partial=True`` is for a form still being filled in: a missing required
    answer becomes a to-do instead of an :class:`AnswerError`.
    """
    policy = load_policy()
    config = config or _default_config()
    clean = validate_answers(answers, policy, partial=partial)
    visible = _visible(clean, policy, config)
    # Answers to questions that are not asked (a follow-up whose trigger changed) are ignored.
    considered = {k: v for k, v in clean.items() if k in visible}
    screened = _screen(considered, policy, config) if screening else []
    return _evaluate(considered, visible, screened, policy, config)


def _evaluate(considered: dict[str, Any], visible: set[str], screened: list[dict[str, Any]], policy: Policy,
              config: Config) -> dict[str, Any]:
    """Score cleaned, visible answers and the screening results (kept apart so tests can feed outcomes)."""
    outcomes = frozenset(s["outcome"] for s in screened)
    reasons = []
    action_ids: list[str] = []
    for rule in policy.rules:
        if _holds(rule["when"], considered, policy, config, outcomes):
            reasons.append({
                "rule": rule["id"],
                "title": rule["title"],
                "explanation": rule["explanation"],
                "what_to_do": rule["what_to_do"],
                "tier": rule["tier"],
                "citations": [dict(c) for c in rule.get("citations", [])],
                "guidance": rule["guidance"],
            })
    # Higher tiers first, so the most urgent reasons and next steps lead.
    reasons.sort(key=lambda r: (-_RANK[r["tier"]], r["rule"]))
    for reason in reasons:
        action_ids += [a for a in policy.rule_index[reason["rule"]]["actions"] if a not in action_ids]
    tier = max((r["tier"] for r in reasons), key=_RANK.__getitem__, default="low")

    todo = [
        {"question": q["id"], "text": q["unsure_todo"], "guidance": q.get("guidance", "")}
        for q in policy.questions
        if q["id"] in visible and considered.get(q["id"]) == "unsure"
    ]
    todo += [
        {"question": qid, "text": f"Answer this question: {policy.question_index[qid]['text']}",
         "guidance": policy.question_index[qid].get("guidance", "")}
        for qid in _missing_required(considered, policy, config)
    ]
    return {
        "tier": tier,
        "reasons": reasons,
        "actions": [_action(policy.actions[a], config) for a in action_ids],
        "todo": todo,
        "screening": screened,
        "asked": [q["id"] for q in policy.questions if q["id"] in visible],
        "policy_version": policy.version,
        "as_of": policy.as_of,
        "disclaimer": DISCLAIMER,
    }


def _action(action: dict[str, Any], config: Config) -> dict[str, Any]:
    form = config.forms[action["form"]]
    contact = config.contacts.get(form.contact) if form.contact else None
    return {
        "id": action["id"],
        "title": action["title"],
        "why": action["why"],
        "guidance": action.get("guidance", ""),
        "form": {"id": form.id, "title": form.title, "url": form.url},
        "contact": vars(contact) if contact else None,
    }
