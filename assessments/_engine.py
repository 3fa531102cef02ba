"""Assess an answers object against the policy: a tier, its reasons, next steps.

The tier is the highest tier among the rules that fire (``low`` when none
does). Rules only ever raise the tier, so adding a risk factor can never lower
it. "unsure" never counts as "no": it adds a to-do instead.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from ._errors import AnswerError
from ._legacy import migrate
from ._model import Action, Condition, Policy, Question, condition_leaves
from ._policy import TIERS, load_policy
from .answer_types import TYPES
from .config import Config, default_config
from .wording import add_topics, standing

# The built-in configuration is parsed once: assess() runs on every keystroke.
_default_config = functools.cache(default_config)

_RANK = {t: i for i, t in enumerate(TIERS)}
DISCLAIMER = (
    "This self-assessment is an aid, not a legal determination. A screening miss is not a "
    "clearance. Confirm with your research security office before you proceed."
)


def validate_answers(answers: Any, policy: Policy | None = None, *, partial: bool = False) -> dict[str, Any]:
    """Return a cleaned copy of ``answers`` or raise :class:`AnswerError`.

    With ``partial`` (the browser, while the form is being filled in) a missing
    required answer is not an error; :func:`assess` lists it as a to-do.
    Answers in an earlier questionnaire's keys are read into the current ones (:mod:`._legacy`).
    """
    return _validate(answers, policy or load_policy(), partial=partial)[0]


def _validate(answers: Any, policy: Policy, *, partial: bool) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The cleaned answers and the notices about old keys read into new ones."""
    answers, notices = migrate(answers, policy)
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
        clean[qid] = TYPES[q.type].clean(q, value, policy)
    if not partial:
        for qid in _missing_required(clean, policy, None):
            raise AnswerError("answers", qid, "missing required answer", "answer this question")
    return clean, notices


def _missing_required(clean: dict[str, Any], policy: Policy, config: Config | None) -> list[str]:
    asked = asked_ids(clean, policy, config)
    return [q.id for q in policy.questions if q.required and q.id in asked and q.id not in clean]


def asked_ids(clean: dict[str, Any], policy: Policy | None = None, config: Config | None = None) -> set[str]:
    """Ids of the questions asked, given cleaned answers.

    A follow-up only sees answers to questions that are themselves asked
    (conditions only use earlier questions, so one pass in display order
    settles it).
    """
    policy = policy or load_policy()
    answered: dict[str, Any] = {}
    asked = set()
    for q in policy.questions:
        if _is_asked(q, answered, policy, config):
            asked.add(q.id)
            if q.id in clean:
                answered[q.id] = clean[q.id]
    return asked


def _is_asked(q: Question, answers: dict[str, Any], policy: Policy, config: Config | None) -> bool:
    return q.ask_if is None or _fires(q.ask_if, answers, policy, config, frozenset())[0]


def _partners(answers: dict[str, Any], policy: Policy) -> list[dict[str, Any]]:
    """The partners answered (the one question whose type is per partner), in their order."""
    for q in policy.questions:
        if TYPES[q.type].per_partner:
            return list(answers.get(q.id) or [])
    return []


def partner_label(index: int, partner: dict[str, Any]) -> str:
    """How a reason names a partner: its first name, else "Partner N", with the country code."""
    name = partner["names"][0] if partner.get("names") else f"Partner {index + 1}"
    return f"{name} ({partner['country']})" if partner.get("country") else name


def _fires(cond: Condition, answers: dict[str, Any], policy: Policy, config: Config | None,
           outcomes: frozenset[str], *, by_partner: dict[int, frozenset[str]] | None = None
           ) -> tuple[bool, list[int]]:
    """Whether ``cond`` holds, and for which partners.

    First without any partner's facts (a partner leaf is false; only the screening outcomes
    of names that belong to no partner count). If that holds, the condition is not about a
    particular partner: ``(True, [])``. Otherwise it is tested once per partner, with that
    partner's answer and its own names' outcomes added: it holds if it holds for at least one,
    and the indices of those partners are returned. Conditions stay monotone: one more
    partner, one more country or one more outcome can only add partners.
    """
    if _holds(cond, answers, policy, config, outcomes):
        return True, []
    hits = [i for i, p in enumerate(_partners(answers, policy))
            if _holds(cond, answers, policy, config, outcomes | (by_partner or {}).get(i, frozenset()), partner=p)]
    return bool(hits), hits


def _country_list(name: str, policy: Policy, config: Config | None) -> set[str]:
    if name == "elevated_risk":
        return set((config or _default_config()).elevated_risk)
    return set(policy.country_lists[name].countries)


def _holds(cond: Condition, answers: dict[str, Any], policy: Policy, config: Config | None,
           outcomes: frozenset[str], *, partner: dict[str, Any] | None = None) -> bool:
    """``cond`` over the answers; a leaf on the partners question sees ``partner`` only (false without one)."""
    if "all" in cond:
        return all(_holds(c, answers, policy, config, outcomes, partner=partner) for c in cond["all"])
    if "any" in cond:
        return any(_holds(c, answers, policy, config, outcomes, partner=partner) for c in cond["any"])
    if "not" in cond:
        return not _holds(cond["not"], answers, policy, config, outcomes, partner=partner)
    if "screening" in cond:
        return cond["screening"] in outcomes
    if TYPES[policy.question_index[cond["q"]].type].per_partner:
        if partner is None:
            return False
        if "in_country_list" in cond:
            return partner.get("country") in _country_list(cond["in_country_list"], policy, config)
        return bool(cond.get("answered"))
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
    """One screening result per name, keyed by its question, its partner (for the partners
    question: ``partner``, the partner's index) and its position in the cleaned answer (or in the
    partner's names), so that the page shows each result beside the name it belongs to without
    cleaning names itself. A question with ``screen_if`` is screened only when that holds."""
    where: list[tuple[dict[str, Any], str]] = []
    for q in policy.questions:
        atype = TYPES[q.type]
        if not atype.screens_names or q.id not in answers:
            continue
        if q.screen_if is not None and not _fires(q.screen_if, answers, policy, config, frozenset())[0]:
            continue
        if atype.per_partner:
            where += [({"question": q.id, "partner": p, "position": i}, name)
                      for p, partner in enumerate(answers[q.id]) for i, name in enumerate(partner["names"])]
        else:
            where += [({"question": q.id, "position": i}, name) for i, name in enumerate(answers[q.id])]
    if not where:
        return []
    try:
        from .screening import screen_for_assessment  # noqa: PLC0415 - optional subpackage
    except ImportError:  # screening data not bundled in this build
        return []
    results = screen_for_assessment([name for _, name in where], config)
    return [{**key, **r} for (key, _), r in zip(where, results, strict=True)]


def assess(answers: Any, *, config: Config | None = None, screening: bool = True, partial: bool = False,
           screening_results: Sequence[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Validate ``answers`` and return the explained result (a JSON-ready dict).

    ``partial=True`` is for a form still being filled in: a missing required
    answer becomes a to-do instead of an :class:`AnswerError`.
    ``screening_results`` gives screening results (each with an ``outcome``) to use
    instead of screening the names: rules that depend on screening can be
    exercised without the list data.
    """
    return _assess(answers, config=config, screening=screening, partial=partial,
                   screening_results=screening_results)[0]


def assess_with_missing(answers: Any, *, config: Config | None = None) -> tuple[dict[str, Any], list[str]]:
    """:func:`assess` of a form still being filled in, and the asked, required questions it leaves unanswered."""
    return _assess(answers, config=config, screening=True, partial=True, screening_results=None)


def _assess(answers: Any, *, config: Config | None, screening: bool, partial: bool,
            screening_results: Sequence[dict[str, Any]] | None) -> tuple[dict[str, Any], list[str]]:
    policy = load_policy()
    config = config or _default_config()
    clean, notices = _validate(answers, policy, partial=partial)
    asked = asked_ids(clean, policy, config)
    # Answers to questions that are not asked (a follow-up whose trigger changed) are ignored (result["not_used"]).
    asked_answers = {k: v for k, v in clean.items() if k in asked}
    if screening_results is not None:
        screened = [dict(s) for s in screening_results]
    else:
        screened = _screen(asked_answers, policy, config) if screening else []
    missing = _missing_required(asked_answers, policy, config)
    result = _result(asked_answers, asked, screened, policy, config, missing=missing)
    # Said, not silently dropped: answers given to questions these answers do not ask.
    result["not_used"] = [q.id for q in policy.questions if q.id in clean and q.id not in asked]
    # Answers in an earlier questionnaire's keys, read into the current ones: said, never silent.
    result["notices"] = notices
    # Where the result stands (final, provisional while questions shown are unanswered, no tier), in words.
    result["standing"] = standing(result, asked_answers, policy)
    add_topics(result, policy)
    result["provisional"] = result["standing"]["state"] != "final"
    result["unanswered"] = result["standing"]["unanswered"]
    return result, missing


def _result(answers: dict[str, Any], asked: set[str], screened: list[dict[str, Any]], policy: Policy,
            config: Config, *, missing: list[str]) -> dict[str, Any]:
    """The result for cleaned answers to asked questions, the required ones unanswered and the screening results."""
    # A screening outcome counts for the partner whose name it is; the others count for every condition.
    n_partners = len(_partners(answers, policy))
    per_partner: dict[int, set[str]] = {}
    general: set[str] = set()
    for s in screened:
        p = s.get("partner")
        if isinstance(p, int) and not isinstance(p, bool) and 0 <= p < n_partners:
            per_partner.setdefault(p, set()).add(s["outcome"])
        else:
            general.add(s["outcome"])
    outcomes = frozenset(general)
    partner_outcomes = {p: frozenset(o) for p, o in per_partner.items()}
    partners = _partners(answers, policy)
    # "Not sure" read as the riskier answer: a rule that would fire then still fires, at its unsure tier.
    as_yes = {k: TYPES[policy.question_index[k].type].read_unsure(v) for k, v in answers.items()}
    sponsors = set(answers.get(policy.sponsor_question) or [])
    reasons = []
    for rule in policy.rules:
        tier, unsure = rule.tier, []
        fires, hits = _fires(rule.when, answers, policy, config, outcomes, by_partner=partner_outcomes)
        if not fires:
            if rule.effective_unsure_tier == "none":
                continue
            fires, hits = _fires(rule.when, as_yes, policy, config, outcomes, by_partner=partner_outcomes)
            if not fires:
                continue
            tier = rule.effective_unsure_tier
            unsure = [q for q in _questions_in(rule.when) if _is_unsure(q, answers, policy)]
        reasons.append({
            "rule": rule.id,
            "title": rule.title,
            "explanation": rule.explanation,
            "what_to_do": rule.what_to_do,
            "tier": tier,
            "unsure": unsure,
            "basis": _basis(rule.citations),
            "citations": [c.to_json() for c in rule.citations],
            "sponsor_notes": [{"sponsor": sid, "name": policy.sponsors.get(sid, sid), "note": note}
                              for sid, note in rule.sponsor_notes if not sponsors or sid in sponsors],
            "guidance": rule.guidance,
            "measures": list(rule.measures),
            # The partners this reason concerns (empty when it holds without any partner's own facts).
            "partners": [{"index": i, "label": partner_label(i, partners[i])} for i in hits],
        })
    action_ids: list[str] = []
    # Higher tiers first, so the most urgent reasons and next steps lead.
    reasons.sort(key=lambda r: (-_RANK[r["tier"]], r["rule"]))
    for reason in reasons:
        action_ids += [a for a in policy.rule_index[reason["rule"]].actions if a not in action_ids]
    # One form, not two: an action covered by another is offered as that one (unless `unless` holds).
    action_ids = list(dict.fromkeys(
        policy.actions[a].covered_by if policy.actions[a].covered_by and not (
            policy.actions[a].unless and _fires(policy.actions[a].unless, answers, policy, config, outcomes)[0])
        else a for a in action_ids))
    tier = max((r["tier"] for r in reasons), key=_RANK.__getitem__, default="low")

    todo = [
        {"question": q.id, "text": q.unsure_todo, "guidance": q.guidance}
        for q in policy.questions
        if q.id in asked and _is_unsure(q.id, answers, policy)
    ]
    # A possible match is something to find out: the screening result words it (its ``todo``).
    todo += [{"question": s.get("question", ""), "text": s["todo"], "guidance": "screening.md"}
             for s in screened if s.get("todo")]
    todo += [
        {"question": qid, "text": f"Answer this question: {policy.question_index[qid].text}",
         "guidance": policy.question_index[qid].guidance}
        for qid in missing
    ]
    return {
        "tier": tier,
        "reasons": reasons,
        "plan": _plan(reasons, policy, config),
        "actions": [_action(policy.actions[a], config) for a in action_ids],
        "todo": todo,
        "screening": screened,
        "asked": [q.id for q in policy.questions if q.id in asked],
        "policy_version": policy.version,
        "as_of": policy.as_of,
        "disclaimer": DISCLAIMER,
    }


def _plan(reasons: list[dict[str, Any]], policy: Policy, config: Config) -> list[dict[str, Any]]:
    """The draft mitigation plan: each measure the fired rules name, once, with the rules it addresses.

    Reasons come most urgent first, so the measures do too (by the highest tier they address)."""
    plan: dict[str, dict[str, Any]] = {}
    for reason in reasons:
        for mid in reason["measures"]:
            if mid not in plan:
                m = policy.measures[mid]
                form = config.forms.get(m.form) if m.form else None
                plan[mid] = {"id": m.id, "title": m.title, "what": m.what, "guidance": m.guidance,
                             "form": {"id": form.id, "title": form.title, "url": form.url} if form else None,
                             "tier": reason["tier"], "rules": []}
            plan[mid]["rules"].append(reason["rule"])
    return sorted(plan.values(), key=lambda m: -_RANK[m["tier"]])


def plan_markdown(result: dict[str, Any]) -> str:
    """The result's mitigation plan as a Markdown draft the researcher can bring to the office."""
    titles = {r["rule"]: r["title"] for r in result["reasons"]}
    stand = result.get("standing") or {"text": result["tier"], "why": ""}
    lines = ["# Draft mitigation plan", "", f"Result: {stand['text']}{' ' + stand['why'] if stand['why'] else ''}", "",
             f"Policy {result['policy_version']}, as of {result['as_of']}. A draft for discussion with the "
             "research security office, not an approval.", ""]
    if not result["plan"]:
        lines.append("No rule fired: no measures are suggested.")
    for i, m in enumerate(result["plan"], 1):
        # A measure is not itself rated: it says which reasons it addresses.
        lines += [f"## {i}. {m['title']}", "", m["what"], "",
                  "Addresses: " + "; ".join(titles.get(r, r) for r in m["rules"]) + "."]
        if m["form"]:
            lines.append(f"Form: {m['form']['title']} <{m['form']['url']}>")
        lines += ["", "Status: [ ] agreed with the office  [ ] in place  Notes:", ""]
    lines += ["---", result["disclaimer"], ""]
    return "\n".join(lines)


def _is_unsure(qid: str, answers: dict[str, Any], policy: Policy) -> bool:
    return qid in answers and TYPES[policy.question_index[qid].type].is_unsure(answers[qid])


def _questions_in(cond: Condition) -> list[str]:
    """The question ids a condition tests, in order, once each."""
    return list(dict.fromkeys(leaf["q"] for leaf in condition_leaves(cond) if "q" in leaf))


_BASIS_ORDER = ("law", "agency", "institutional")


def _basis(citations: Sequence[Any]) -> str:
    """What the rule rests on: law if any source is law, else agency (sponsor) policy, else institutional."""
    kinds = {c.kind for c in citations}
    return next((k for k in _BASIS_ORDER if k in kinds), "institutional")


def _action(action: Action, config: Config) -> dict[str, Any]:
    form = config.forms[action.form]
    contact = config.contacts.get(form.contact) if form.contact else None
    return {
        "id": action.id,
        "title": action.title,
        "why": action.why,
        "guidance": action.guidance,
        "form": {"id": form.id, "title": form.title, "url": form.url},
        "contact": vars(contact) if contact else None,
    }
