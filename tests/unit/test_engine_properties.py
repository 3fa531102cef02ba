"""Property tests (hypothesis): robustness, monotonicity, determinism."""

from __future__ import annotations

import dataclasses
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import assessments
from assessments import ANSWER_TYPES, AnswerError, Question

POLICY = assessments.load_policy()
QUESTIONS = POLICY.question_index
RANK = {t: i for i, t in enumerate(assessments.TIERS)}
ORDER = {"no": 0, "unsure": 1, "yes": 2}  # the documented order of risk
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)


def _value(q: Question) -> st.SearchStrategy[Any]:
    """Any valid answer, from the answer-type table: its choices (or free text), one or a list."""
    kind = ANSWER_TYPES[q.type]
    choices = kind.choices(q, POLICY)
    if kind.per_partner:  # a list of partners: each a name or two and a country (or one of them)
        countries = st.sampled_from(sorted(POLICY.country_names))
        name = st.text(st.characters(categories=("L", "N", "Zs")), min_size=1, max_size=40).filter(str.strip)
        # The answers to the questions asked of each partner are optional fields of each partner.
        fields = {f.id: st.sampled_from(ANSWER_TYPES[f.type].choices(f, POLICY) or [])
                  for f in POLICY.questions if f.of_each_partner}
        partner = st.one_of(
            st.fixed_dictionaries({"names": st.lists(name, min_size=1, max_size=2)},
                                  optional={"country": countries, **fields}),
            st.fixed_dictionaries({"country": countries}, optional=fields))
        return st.lists(partner, min_size=1, max_size=3)
    if not kind.is_list:
        return st.sampled_from(choices) if choices is not None else st.text(max_size=60)
    if choices is None:
        return st.lists(st.text(min_size=1, max_size=40), max_size=3)
    return st.lists(st.sampled_from(choices), unique=True, max_size=min(len(choices), 4 if kind.countries else 10))


@st.composite
def valid_answers(draw: st.DrawFn) -> dict[str, Any]:
    answers = {}
    for qid, q in QUESTIONS.items():
        if q.of_each_partner:  # a field of each partner (old single answers: tests/unit/test_partners.py)
            continue
        if q.required or draw(st.booleans()):
            answers[qid] = draw(_value(q))
    return answers


def _result(answers: dict[str, Any], config: assessments.Config | None = None) -> dict[str, Any]:
    return assessments.assess(answers, config=config, screening=False)


def _assert_not_lower(before: dict[str, Any], after: dict[str, Any], what: str) -> None:
    assert RANK[after["tier"]] >= RANK[before["tier"]], f"{what} lowered the tier"
    lost = {r["rule"] for r in before["reasons"]} - {r["rule"] for r in after["reasons"]}
    assert not lost, f"{what} removed reasons {lost}"


@SETTINGS
@given(st.one_of(json_values, st.dictionaries(st.sampled_from(sorted(QUESTIONS)), json_values, max_size=8)))
def test_arbitrary_input_gives_a_result_or_a_clear_error(answers: Any) -> None:
    try:
        result = _result(answers)
    except AnswerError as exc:
        assert exc.where and exc.reason  # names the place and the reason
        return
    assert result["tier"] in assessments.TIERS


@SETTINGS
@given(valid_answers(), st.data())
def test_raising_a_yes_no_unsure_answer_never_lowers(answers: dict[str, Any], data: st.DataObject) -> None:
    qid = data.draw(st.sampled_from([q for q, d in QUESTIONS.items() if d.type == "yes_no_unsure"]))
    low, high = sorted(data.draw(st.lists(st.sampled_from(list(ORDER)), min_size=2, max_size=2)), key=ORDER.get)
    _assert_not_lower(_result({**answers, qid: low}), _result({**answers, qid: high}), f"{qid}: {low} -> {high}")


@SETTINGS
@given(valid_answers(), st.data())
def test_adding_an_answer_or_an_option_never_lowers(answers: dict[str, Any], data: st.DataObject) -> None:
    qid = data.draw(st.sampled_from(sorted(QUESTIONS)))
    q = QUESTIONS[qid]
    kind = ANSWER_TYPES[q.type]
    if kind.is_list and kind.choices(q, POLICY) is not None and qid in answers:  # multi, countries
        extra = data.draw(_value(q))
        more = {**answers, qid: sorted(set(answers[qid]) | set(extra))}
        _assert_not_lower(_result(answers), _result(more), f"adding {extra} to {qid}")
    elif kind.per_partner and qid in answers:  # one more partner
        extra = data.draw(_value(q))[:1]
        more = {**answers, qid: answers[qid] + extra}
        _assert_not_lower(_result(answers), _result(more), f"adding partner {extra} to {qid}")
    elif qid not in answers and not q.required:
        value = data.draw(_value(q))
        _assert_not_lower(_result(answers), _result({**answers, qid: value}), f"answering {qid}={value!r}")


@SETTINGS
@given(valid_answers(), st.sampled_from(sorted(POLICY.country_names)))
def test_adding_a_country_to_the_elevated_risk_list_never_lowers(answers: dict[str, Any], code: str) -> None:
    base = assessments.default_config()
    wider = dataclasses.replace(base, elevated_risk=(*base.elevated_risk, code))
    _assert_not_lower(_result(answers, base), _result(answers, wider), f"listing {code} as elevated risk")


@SETTINGS
@given(valid_answers(), st.randoms(use_true_random=False))
def test_deterministic_and_independent_of_key_order(answers: dict[str, Any], rnd: Any) -> None:
    items = list(answers.items())
    rnd.shuffle(items)
    assert _result(answers) == _result(dict(items)) == _result(answers)


@SETTINGS
@given(valid_answers())
def test_tier_is_the_highest_reason_and_actions_resolve(answers: dict[str, Any]) -> None:
    result = _result(answers)
    assert RANK[result["tier"]] == max((RANK[r["tier"]] for r in result["reasons"]), default=0)
    assert all(a["form"]["url"] for a in result["actions"])
    # Answers to questions that are not asked change nothing but the list of answers not used.
    shown = {k: v for k, v in answers.items() if k in result["asked"]}
    assert sorted(result["not_used"]) == sorted(set(answers) - set(shown))
    assert _result(shown) == {**result, "not_used": []}
