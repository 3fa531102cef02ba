"""The words a result is told in: tiers, what a reason rests on, and where the result stands.

One copy for every place a result is shown (the page's result and the bar that stays
in view, the printout, the e-mail to the office, the downloaded plan, the command
line): the page reads these tables from the build's policy data and the standing from
each result, so no wording is written again in JavaScript.

A tier is final only when every question shown that has an answer to choose (one of
fixed options, or one country) is answered, "Not sure" included: an unanswered
question is not a "no". Until then the tier is provisional, told as "at least ... so
far". Lists of names, countries and ticked boxes are not counted: leaving them empty
is itself an answer (nothing to name, nothing to tick).
"""

from __future__ import annotations

from typing import Any

from ._model import Policy, condition_leaves
from .answer_types import TYPES

TIER_TEXT = {
    "low": "Low: no specific risk found in these answers",
    "moderate": "Moderate: check with the office before you start",
    "high": "High: do not proceed until the office has reviewed it",
    "prohibited": "Prohibited: this must not go ahead as described",
}

# What a citation or a reason rests on (a citation's ``kind``, a reason's ``basis``).
KIND_TEXT = {"law": "Law", "agency": "Agency rule", "institutional": "Institutional policy",
             "secondary": "Secondary source"}

# A screened name's outcome (assessments.screening: ``outcome``), as the headline beside the name: the
# three outcomes a researcher reads (match, possible match, no match) and why a name was not screened.
SCREENING_TEXT = {
    "prohibited": "Match: on a list that prohibits all dealings",
    "high": "Match: on a restricted-party or research-security list",
    "stale_match": "Match on an out-of-date list only: the office confirms",
    "possible_match": "Possible match: check this with the office",
    "related": "A related entry is listed: check it",
    "not_screened": "Not screened: this name was not checked against any list",
    "formerly_listed": "Formerly listed, not a hit (no match)",
    "none": "No match on the lists screened",
}

# How a matched entry relates to the typed name (a candidate's ``why``).
FOUND_AS_TEXT = {
    "exact": "the same name",
    "tokens": "the same words, spelled or ordered differently",
    "official_acronym": "the acronym the list gives",
    "unit_of_listed": "a unit of the listed organisation",
    "listed_is_part": "a listed part of this organisation",
    "query_is_part": "this name contains the listed one",
}

# Under a reason one of whose sources could not be read here (a citation's ``ask_first``).
ASK_FIRST = "Its source is being re-checked by the office: ask the office before you act on this reason alone."

# Widgets whose question always has an answer to choose; the others may rightly stay empty.
_CHOOSE_ONE = frozenset({"radio", "country"})


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def unanswered(answers: dict[str, Any], asked: list[str], policy: Policy) -> list[str]:
    """The questions shown for these answers that still wait for one (in questionnaire order)."""
    index = policy.question_index
    return [qid for qid in asked if qid not in answers
            and (index[qid].required or TYPES[index[qid].type].widget in _CHOOSE_ONE)]


def standing(result: dict[str, Any], answers: dict[str, Any], policy: Policy) -> dict[str, Any]:
    """Where the result stands, in words every entry point shows as they are.

    ``state``: ``empty`` (nothing answered: no tier), ``missing`` (a required question
    is unanswered: no tier), ``provisional`` (a tier so far, questions shown are
    unanswered) or ``final``. ``text`` is the headline, ``short`` the form for the
    bar that stays in view, ``why`` one sentence naming what set the tier.
    """
    index = policy.question_index
    open_ids = unanswered(answers, result["asked"], policy)
    missing = [qid for qid in open_ids if index[qid].required]
    tier = result["tier"]
    top = [r for r in result["reasons"] if r["tier"] == tier]
    why = ""
    if top:
        why = f"Because: {top[0]['title']}"
        why += f" (and {_plural(len(top) - 1, 'other reason')} at this tier)." if len(top) > 1 else "."
    if not answers:
        state, text, short = "empty", "No tier yet: nothing is answered.", "No tier yet"
        why = ""
    elif missing:
        left = _plural(len(missing), "required question")
        state, text, short = "missing", f"No risk tier yet: {left} left.", f"No tier yet: {left} left"
    elif open_ids:
        left = _plural(len(open_ids), "question")
        verb = "is" if len(open_ids) == 1 else "are"
        so_far = "low so far" if tier == "low" else f"at least {tier} so far"
        state = "provisional"
        text = f"{so_far[0].upper()}{so_far[1:]}; {left} in the sections you chose {verb} unanswered."
        short = f"{so_far[0].upper()}{so_far[1:]} ({len(open_ids)} unanswered)"
    else:
        state, text, short = "final", TIER_TEXT[tier], f"Tier: {tier}"
    return {"state": state, "tier": tier, "unanswered": open_ids, "text": text, "short": short, "why": why}


def add_topics(result: dict[str, Any], policy: Policy) -> None:
    """Give each reason the questionnaire section it comes from (``topic``), to group reasons by.

    A rule on screening outcomes is "Screening"; another, the section of the first
    question its condition tests (past the activities ticked)."""
    for reason in result["reasons"]:
        leaves = list(condition_leaves(policy.rule_index[reason["rule"]].when))
        qids = [leaf["q"] for leaf in leaves if "q" in leaf and leaf["q"] != "activities"]
        if any("screening" in leaf for leaf in leaves):
            reason["topic"] = "Screening"
        else:
            reason["topic"] = policy.question_index[qids[0]].section if qids else "Your plans"
