"""Unit tests of the engine: visibility of follow-ups, unsure handling, errors, config, speed."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest

import assessments
from assessments import ANSWER_TYPES, AnswerError
from assessments import browser as _browser
from assessments.answer_types import WIDGETS
from tests.support.edits import assess_unscreened as _assess
from tests.support.paths import ROOT

COLLAB = {"activities": ["collaboration"], "collaboration_type": "informal"}


def test_empty_answers_are_valid_and_low() -> None:
    result = _assess({})
    assert result["tier"] == "low" and result["reasons"] == [] and result["actions"] == []
    assert result["asked"] == ["activities", "sponsors", "talent_program", "graduate_channel_role",
                               "paid_recommendation_letters"]
    assert set(result) == {"tier", "reasons", "plan", "actions", "todo", "screening", "asked", "policy_version",
                           "as_of", "disclaimer", "not_used", "notices", "standing", "provisional", "unanswered"}
    assert result["notices"] == []
    # Nothing answered: no tier at all, in the words every entry point shows.
    assert result["standing"]["state"] == "empty" and result["provisional"]
    assert result["standing"]["text"] == "No tier yet: nothing is answered."


def test_a_tier_is_provisional_while_questions_shown_are_unanswered() -> None:
    # One of the visitor section's questions answered: an unanswered question is not a "no".
    result = _assess({"activities": ["visitor"]})
    stand = result["standing"]
    assert stand["state"] == "provisional" and result["provisional"]
    assert "visitor_listed" in result["unanswered"] and len(result["unanswered"]) == len(stand["unanswered"])
    n = len(result["unanswered"])
    assert stand["text"] == f"Low so far; {n} questions in the sections you chose are unanswered."
    assert stand["short"] == f"Low so far ({n} unanswered)"
    # A tier found so far is a floor, never a final tier.
    higher = _assess({"activities": ["visitor"], "visitor_listed": "yes"})
    assert higher["standing"]["text"].startswith(f"At least {higher['tier']} so far; ")
    assert higher["standing"]["why"].startswith("Because: ")


def test_every_question_answered_or_not_sure_gives_the_final_tier() -> None:
    answers = {"activities": ["visitor"]}
    while (open_ids := _assess(answers)["unanswered"]):
        answers[open_ids[0]] = _answer_for(open_ids[0])
    result = _assess(answers)
    assert result["standing"]["state"] == "final" and not result["provisional"]
    assert result["standing"]["text"] == assessments.wording.TIER_TEXT[result["tier"]]
    assert result["standing"]["short"] == f"Tier: {result['tier']}"


def _answer_for(qid: str) -> object:
    q = assessments.load_policy().question_index[qid]
    if q.type == "yes_no_unsure":
        return "unsure"
    return assessments.example_answer(q)


def test_sections_open_with_the_activities_ticked() -> None:
    asked = set(_assess({"activities": ["visitor"]})["asked"])
    assert {"visitor_appointment", "visitor_institutions", "visitor_country", "visitor_involved"} <= asked
    assert "partner_country" not in asked and "travel_countries" not in asked
    asked = set(_assess({"activities": ["travel"]})["asked"])
    assert {"travel_countries", "travel_devices", "travel_items"} <= asked


def test_follow_ups_open_on_yes_or_unsure_never_on_no() -> None:
    base = {"activities": ["visitor"]}
    for answer, shown in (("yes", True), ("unsure", True), ("no", False)):
        asked = _assess({**base, "visitor_lab_sponsored": answer})["asked"]
        assert ("visitor_lab_proprietary" in asked) is shown, answer


def test_answers_to_hidden_questions_are_ignored() -> None:
    result = _assess({"activities": ["travel"], "partner_blocked": "yes", "collaboration_type": "formal"})
    assert result["tier"] == "low"
    assert "partner_blocked" not in result["asked"]


def test_hidden_follow_up_does_not_open_its_own_follow_ups() -> None:
    # personal_compensation is hidden (no money/collaboration), so payer_country stays hidden too.
    assert "payer_country" not in _assess({"personal_compensation": "yes"})["asked"]


def test_unsure_is_not_no_it_adds_a_todo() -> None:
    result = _assess({**COLLAB, "military_end_use": "unsure"})
    todo = {t["question"]: t for t in result["todo"]}
    assert "military_end_use" in todo and "export control" in todo["military_end_use"]["text"]
    assert todo["military_end_use"]["guidance"] == "know-your-collaborator.md"
    assert "military_end_use" not in {t["question"] for t in _assess({**COLLAB, "military_end_use": "no"})["todo"]}


def test_unsure_about_lists_raises_the_tier() -> None:
    assert _assess({**COLLAB, "partner_blocked": "unsure"})["tier"] == "moderate"
    assert _assess({**COLLAB, "partner_blocked": "no"})["tier"] == "low"


def test_reasons_carry_citations_and_guidance_actions_carry_forms() -> None:
    result = _assess({**COLLAB, "collaboration_type": "formal", "partner_country": "IR"})
    assert result["tier"] == "prohibited"
    reason = result["reasons"][0]
    assert reason["rule"] == "comprehensively_sanctioned_dealings"
    cite = reason["citations"][0]
    source = assessments.load_policy().sources[cite["id"]]
    assert cite == {"id": source.id, "name": source.title, "url": source.url, "kind": "law", "checked": source.checked}
    assert cite["url"].startswith("https://") and reason["basis"] == "law"
    # How far a source was verified is for the office's review page, never for the result.
    assert not {"verified", "how", "note"} & set(cite)
    assert reason["guidance"] == "sanctions.md"
    action = result["actions"][0]
    assert action["id"] == "stop_and_contact"
    assert action["form"] == {"id": "research_security_contact", "title": "Ask the research security office",
                              "url": "mailto:research-security@example.edu"}
    assert action["contact"]["email"] == "research-security@example.edu"


def test_actions_follow_the_most_urgent_reasons_first() -> None:
    result = _assess({**COLLAB, "partner_country": "IR", "exchange": ["equipment"]})
    assert [a["id"] for a in result["actions"]][:3] == ["stop_and_contact", "ask_research_security",
                                                        "request_export_control_review"]


def test_elevated_risk_list_comes_from_the_configuration() -> None:
    answers = {**COLLAB, "partner_country": "SA"}
    assert _assess(answers)["tier"] == "moderate"
    config = dataclasses.replace(assessments.default_config(), elevated_risk=("CN", "HK", "MO", "RU"))
    assert _assess(answers, config=config)["tier"] == "low"


@pytest.mark.parametrize(("answers", "key", "reason"), [
    ({"no_such_question": "yes"}, "no_such_question", "unknown question id"),
    ({"partner_country": 5}, "partner_country", "wrong type"),
    ({"partner_country": "Germany"}, "partner_country", "not an ISO 3166-1 alpha-2 code"),
    ({"activities": "collaboration"}, "activities", "wrong type"),
    ({"activities": ["dancing"]}, "activities", "is not an option"),
    ({"military_end_use": "maybe"}, "military_end_use", "is not an option"),
    ({"activities": ["collaboration"]}, "collaboration_type", "missing required answer"),
    ({"partner_names": ["x" * 400]}, "partner_names", "longer than"),
])
def test_invalid_answers_name_the_field_and_the_reason(answers: dict, key: str, reason: str) -> None:
    with pytest.raises(AnswerError) as info:
        _assess(answers)
    assert info.value.key == key and reason in info.value.reason


def test_not_a_json_object() -> None:
    with pytest.raises(AnswerError, match="must be a JSON object"):
        _assess([1, 2])  # type: ignore[arg-type]


def test_partial_mode_turns_a_missing_required_answer_into_a_todo() -> None:
    result = _assess({"activities": ["collaboration"]}, partial=True)
    assert [t["question"] for t in result["todo"]] == ["collaboration_type"]
    assert result["todo"][0]["text"].startswith("Answer this question:")


def test_browser_surface_assesses_partial_forms_and_returns_errors_as_data() -> None:
    _browser.init(json.dumps(assessments.default_config().to_json()))
    ok = json.loads(_browser.handle(json.dumps({"op": "assess", "payload": {"activities": ["collaboration"]}})))
    assert ok["ok"] and ok["result"]["todo"][0]["question"] == "collaboration_type"
    bad = json.loads(_browser.handle(json.dumps({"op": "assess", "payload": {"partner_country": 5}})))
    assert not bad["ok"] and bad["error"]["key"] == "partner_country"


def test_questions_export_ask_if_and_help() -> None:
    qs = {q["id"]: q for q in assessments.questions()}
    assert qs["visitor_lab_proprietary"]["ask_if"] == {"q": "visitor_lab_sponsored", "in": ["yes", "unsure"]}
    assert all(q["help"] for q in qs.values())
    names = [q["id"] for q in qs.values() if q["type"] == "names"]
    assert names == ["visitor_institutions"]  # the partners' names are in partners
    assert [q["id"] for q in qs.values() if q["type"] == "partners"] == ["partners"]
    assert qs["partners"]["screen_if"] == {"q": "activities", "any_in": ["collaboration"]}


def test_schema_lists_every_question_and_rejects_unknown_keys() -> None:
    schema = assessments.answer_schema()
    fields = {q["id"] for q in assessments.questions() if q.get("of_each_partner")}
    assert set(schema["properties"]) == {q["id"] for q in assessments.questions()} - fields
    assert fields <= set(schema["properties"]["partners"]["items"]["properties"])
    assert schema["additionalProperties"] is False
    assert schema["properties"]["military_end_use"]["enum"] == ["yes", "no", "unsure"]


def test_every_answer_type_has_a_widget_the_page_can_render_and_read() -> None:
    assert {q["type"] for q in assessments.questions()} <= set(assessments.answer_types.TYPES)
    widgets = ROOT / "overrides" / "partials" / "rs-widgets"
    assert {p.stem for p in widgets.glob("*.html")} == set(WIDGETS)
    assert {t.widget for t in ANSWER_TYPES.values()} <= set(WIDGETS)
    script = (ROOT / "site_src" / "assessment-form.mjs").read_text(encoding="utf-8")
    table = script[script.index("const WIDGETS = {"):script.index("function readAnswers")]
    assert set(re.findall(r"^  (\w+): ", table, flags=re.M)) == set(WIDGETS)


def test_the_yes_no_unsure_labels_exist_once() -> None:
    labels = [(o.value, o.label) for o in ANSWER_TYPES["yes_no_unsure"].options or ()]
    assert labels == [("yes", "Yes"), ("no", "No"), ("unsure", "Not sure")]
    for path in [*(ROOT / "overrides").rglob("*.html"), *(ROOT / "site_src").glob("*.*js")]:
        assert "Not sure" not in path.read_text(encoding="utf-8"), path


def test_example_answers_are_valid_and_open_follow_ups() -> None:
    examples = assessments.example_answers()
    fields = {q["id"] for q in assessments.questions() if q.get("of_each_partner")}
    assert set(examples) == {q["id"] for q in assessments.questions()} - fields
    assert all(fields <= set(p) for p in examples["partners"]), "every partner answers what is asked of each"
    assert set(assessments.validate_answers(examples)) == set(examples)
    # With every switch of the configuration on, so that a question asked only then is asked too.
    switched_on = dataclasses.replace(assessments.default_config(),
                                      **dict.fromkeys(assessments.CONDITION_SETTINGS, True))
    result = assessments.assess(examples, screening=False, config=switched_on)
    assert result["asked"] == [q["id"] for q in assessments.questions()], "an example answer leaves a question unasked"
    assert result["tier"] == "prohibited"


def test_schema_and_value_checks_agree_for_every_type() -> None:
    schema = assessments.answer_schema()["properties"]
    policy = assessments.load_policy()
    for q in policy.questions:
        kind = ANSWER_TYPES[q.type]
        # Asked of each partner: a field of each partner, described in the partners question's schema.
        fragment = schema["partners"]["items"]["properties"][q.id] if q.of_each_partner else schema[q.id]
        assert (fragment.get("type") == "array") is kind.is_list, q.id
        choices = kind.choices(q, policy)
        if choices is not None:
            enum = fragment["items"]["enum"] if kind.is_list else fragment["enum"]
            assert enum == choices, q.id
            for value in choices:
                assessments.validate_answers({q.id: [value] if kind.is_list else value}, partial=True)
        with pytest.raises(AnswerError) as info:
            assessments.validate_answers({q.id: 5}, partial=True)
        assert info.value.key == q.id and "wrong type" in info.value.reason


def test_every_triggered_rule_brings_measures_into_the_plan() -> None:
    """A draft mitigation plan, from data; every rule that fires names at least one measure."""
    policy = assessments.load_policy()
    assert all(rule.measures for rule in policy.rules)
    answers = {**COLLAB, "collaboration_type": "formal", "partner_country": "CN", "exchange": ["data", "equipment"],
               "critical_technology": "yes", "military_end_use": "unsure"}
    result = _assess(answers)
    planned = {rid for m in result["plan"] for rid in m["rules"]}
    assert planned == {r["rule"] for r in result["reasons"]}
    assert len({m["id"] for m in result["plan"]}) == len(result["plan"])  # each measure once
    ranks = [assessments.TIERS.index(m["tier"]) for m in result["plan"]]
    assert ranks == sorted(ranks, reverse=True)
    text = assessments.plan_markdown(result)
    assert text.startswith("# Draft mitigation plan") and result["plan"][0]["title"] in text


def test_unsure_fires_at_the_unsure_tier_and_says_so() -> None:
    result = _assess({**COLLAB, "military_end_use": "unsure"})
    reason = next(r for r in result["reasons"] if r["rule"] == "military_end_use")
    assert reason["tier"] == "moderate" and reason["unsure"] == ["military_end_use"]
    reasons = _assess({**COLLAB, "military_end_use": "yes"})["reasons"]
    reason = next(r for r in reasons if r["rule"] == "military_end_use")
    assert reason["tier"] == "high" and reason["unsure"] == []


def test_sponsor_notes_follow_the_sponsors_ticked() -> None:
    notes = next(r for r in _assess({"sponsors": ["nsf"], "own_coc_funding": "yes"})["reasons"]
                 if r["rule"] == "own_funding_country_of_concern")["sponsor_notes"]
    assert [n["sponsor"] for n in notes] == ["nsf"]


def test_a_visitor_plan_offers_one_screening_form() -> None:
    listed = [{"question": "visitor_institutions", "position": 0, "outcome": "high"}]
    visitor = {"activities": ["visitor"], "visitor_institutions": ["Harbin Institute of Technology"]}
    actions = [a["id"] for a in _assess(visitor, screening_results=listed)["actions"]]
    assert "request_visitor_screening" in actions and "request_collaboration_screening" not in actions
    assert actions.count("request_visitor_screening") == 1
    # With a collaboration too, the collaboration's screening stays a form of its own.
    both = {**visitor, "activities": ["visitor", "collaboration"], "collaboration_type": "formal",
            "visitor_listed": "yes"}
    actions = [a["id"] for a in _assess(both, screening_results=listed)["actions"]]
    assert {"request_visitor_screening", "request_collaboration_screening"} <= set(actions)
