"""Several partners per assessment, each with names and a country, each screened.

The tier is the highest over all partners; a reason that concerns partners names them
(``reasons[].partners``); screening results are keyed by question, partner and name;
answers in the earlier keys (partner_country, partner_names) still load, with a notice.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

import assessments
from assessments import AnswerError
from assessments import browser as _browser
from assessments.limits import MAX_NAMES, MAX_PARTNERS
from tests.support.edits import assess_unscreened as _assess
from tests.support.paths import scenarios

FORMAL = {"activities": ["collaboration"], "collaboration_type": "formal"}
DE = {"names": ["Technical University of Munich"], "country": "DE"}
IR = {"names": ["Sharif University of Technology"], "country": "IR"}
CN = {"names": ["Tsinghua University", "清华大学"], "country": "CN"}


def _named(result: dict[str, Any]) -> dict[str, list[int]]:
    return {r["rule"]: [p["index"] for p in r["partners"]] for r in result["reasons"]}


def test_three_partners_the_tier_is_the_highest_and_reasons_name_their_partners() -> None:
    result = _assess({**FORMAL, "partners": [DE, IR, CN], "critical_technology": "yes"})
    alone = [_assess({**FORMAL, "partners": [p], "critical_technology": "yes"})["tier"] for p in (DE, IR, CN)]
    assert result["tier"] == max(alone, key=assessments.TIERS.index) == "prohibited"
    named = _named(result)
    assert named["comprehensively_sanctioned_dealings"] == [1]
    assert named["elevated_risk_formal"] == [2]
    assert named["critical_technology_country_of_concern"] == [1, 2]  # both, in partner order
    assert named["critical_technology"] == []  # not about a partner
    reason = next(r for r in result["reasons"] if r["rule"] == "critical_technology_country_of_concern")
    assert [p["label"] for p in reason["partners"]] == ["Sharif University of Technology (IR)",
                                                       "Tsinghua University (CN)"]
    # Every reason of one partner alone is among the reasons of all three.
    for p in (DE, IR, CN):
        assert set(_named(_assess({**FORMAL, "partners": [p], "critical_technology": "yes"}))) <= set(named)


def test_a_partner_without_a_name_is_labelled_by_its_number() -> None:
    result = _assess({**FORMAL, "partners": [DE, {"country": "IR"}]})
    reason = next(r for r in result["reasons"] if r["rule"] == "comprehensively_sanctioned_jurisdiction")
    assert reason["partners"] == [{"index": 1, "label": "Partner 2 (IR)"}]


def test_a_mixed_condition_holds_for_one_partner_not_across_partners() -> None:
    """critical_technology_country_of_concern: critical technology and a partner in a country of concern."""
    assert "critical_technology_country_of_concern" not in _named(_assess({**FORMAL, "partners": [DE]}))
    assert "critical_technology_country_of_concern" not in _named(
        _assess({**FORMAL, "partners": [DE, {"names": ["Sorbonne University"], "country": "FR"}],
                 "critical_technology": "yes"}))


def test_screening_outcomes_count_for_the_partner_whose_name_it_is() -> None:
    screened = [{"question": "partners", "partner": 2, "position": 1, "outcome": "prohibited"},
                {"question": "partners", "partner": 0, "position": 0, "outcome": "none"}]
    result = assessments.assess({**FORMAL, "partners": [DE, IR, CN]}, screening_results=screened)
    assert result["tier"] == "prohibited"
    assert _named(result)["screening_direct_prohibited"] == [2]
    # A visitor's name (no partner) is about no partner.
    visitor = [{"question": "visitor_institutions", "position": 0, "outcome": "high"}]
    result = assessments.assess({**FORMAL, "partners": [DE]}, screening_results=visitor)
    assert _named(result)["screening_direct_high"] == []


def test_each_name_of_each_partner_is_screened_and_keyed() -> None:
    answers = {**FORMAL, "partners": [{"names": ["University of Oxford"], "country": "GB"},
                                      {"names": ["Harbin Institute of Technology", "Sharif University of Technology"]}]}
    result = assessments.assess(answers)
    keys = [(s["question"], s["partner"], s["position"], s["query"]) for s in result["screening"]]
    assert keys == [("partners", 0, 0, "University of Oxford"), ("partners", 1, 0, "Harbin Institute of Technology"),
                    ("partners", 1, 1, "Sharif University of Technology")]
    hit = next(s for s in result["screening"] if s["query"] == "Harbin Institute of Technology")
    assert hit["outcome"] in ("high", "prohibited")
    rule = f"screening_direct_{hit['outcome']}"
    assert 1 in _named(result)[rule]


def test_a_personal_contacts_names_are_not_screened() -> None:
    """screen_if: a list match must not turn a personal message into a prohibited collaboration."""
    result = assessments.assess({"activities": ["personal"],
        "partners": [{"names": ["Harbin Institute of Technology"]}]})
    assert "partners" in result["asked"] and result["screening"] == []


@pytest.mark.parametrize(("value", "reason"), [
    ("Tsinghua", "wrong type"),
    (["Tsinghua"], "partner 1: wrong type"),
    ([{}], "partner 1: needs at least a name, a country or an answer"),
    ([DE, {**IR, "partner_blocked": "maybe"}], "partner 2: partner_blocked: 'maybe' is not an option"),
    ([{**DE, "partner_government": ["yes"]}], "partner 1: partner_government: wrong type"),
    ([DE, {"names": ["  "]}], "partner 2: needs at least a name, a country or an answer"),
    ([{"country": "Germany"}], "partner 1: 'Germany' is not an ISO"),
    ([{"names": "x", "city": "Munich"}], "partner 1: unknown key 'city'"),
    ([{"names": [5]}], "partner 1: wrong type"),
    ([{"names": ["x" * 400]}], "longer than"),
    ([DE] * (MAX_PARTNERS + 1), f"more than {MAX_PARTNERS} partners"),
    ([{"names": [f"N{i}" for i in range(MAX_NAMES)]}, {"names": ["one more"]}], f"more than {MAX_NAMES} names"),
])
def test_wrong_partners_name_the_partner_and_the_reason(value: Any, reason: str) -> None:
    with pytest.raises(AnswerError) as info:
        _assess({**FORMAL, "partners": value})
    assert info.value.key == "partners" and reason in info.value.reason


def test_partners_are_cleaned_like_names() -> None:
    clean = assessments.validate_answers({
        "partners": [{"names": ["  Tsinghua\u0007  University ", "Tsinghua University"],
                                                        "country": " cn"}, {"names": "清华大学"}]}, partial=True)
    assert clean["partners"] == [{"names": ["Tsinghua University"], "country": "CN"}, {"names": ["清华大学"]}]


# --- answers in the earlier keys -----------------------------------------------------------


def _as_old(answers: dict[str, Any]) -> dict[str, Any] | None:
    """The same answers in the earlier keys, if they fit them (one partner): its name and country, and its
    answers to the questions now asked of each partner, at the top level."""
    partners = answers.get("partners")
    if not partners or len(partners) != 1:
        return None
    old = {k: v for k, v in answers.items() if k != "partners"}
    old.update({k: v for k, v in partners[0].items() if k not in ("names", "country")})
    if partners[0].get("country"):
        old["partner_country"] = partners[0]["country"]
    if partners[0].get("names"):
        old["partner_names"] = partners[0]["names"]
    return old


@pytest.mark.parametrize("name", [n for n, d in scenarios().items() if _as_old(d["answers"])])
def test_an_old_answers_file_gives_the_same_result_with_a_notice(name: str) -> None:
    answers = scenarios()[name]["answers"]
    old, new = _assess(_as_old(answers)), _assess(answers)
    assert old["notices"] and old["notices"][0]["replaced_by"] == "partners"
    assert "partner_country" in old["notices"][0]["keys"]
    assert {**old, "notices": []} == new


def test_old_keys_keep_their_old_checks_and_cannot_be_mixed_with_partners() -> None:
    with pytest.raises(AnswerError) as info:
        _assess({"partner_names": ["x" * 400]})
    assert info.value.key == "partner_names"
    with pytest.raises(AnswerError) as info:
        _assess({**FORMAL, "partner_country": "CN", "partners": [DE]})
    assert info.value.key == "partner_country" and "partners" in info.value.reason
    old = _assess({**FORMAL, "partner_country": "IR", "partner_names": ["Sharif University of Technology"]})
    assert old["tier"] == "prohibited" and old["notices"][0]["keys"] == ["partner_country", "partner_names"]
    assert _named(old)["comprehensively_sanctioned_dealings"] == [0]


def test_restoring_an_old_file_or_tab_reads_the_old_keys_into_partners() -> None:
    _browser.init(json.dumps(assessments.default_config().to_json()))
    reply = json.loads(_browser.handle(json.dumps({"op": "check_import", "payload": {
        **FORMAL, "partner_country": "CN", "partner_names": ["Tsinghua University"]}})))
    assert reply["ok"]
    assert reply["result"]["answers"]["partners"] == [{"names": ["Tsinghua University"], "country": "CN"}]
    assert reply["result"]["left_out"] == [] and reply["result"]["notices"]
    bad = json.loads(_browser.handle(json.dumps({"op": "check_import", "payload": {
        **FORMAL, "partner_country": "China"}})))["result"]
    assert [f["key"] for f in bad["left_out"]] == ["partners"] and "partners" not in bad["answers"]


def test_the_schema_describes_partners() -> None:
    fragment = assessments.answer_schema()["properties"]["partners"]
    assert fragment["type"] == "array" and fragment["maxItems"] == MAX_PARTNERS
    item = fragment["items"]
    fields = {q.id for q in assessments.load_policy().questions if q.of_each_partner}
    assert {"partner_blocked", "partner_restricted_list", "partner_government"} <= fields
    assert item["additionalProperties"] is False and set(item["properties"]) == {"names", "country"} | fields
    assert item["properties"]["partner_blocked"]["enum"] == ["yes", "no", "unsure"]
    assert "partner_country" not in assessments.answer_schema()["properties"]


# --- questions asked of each partner -------------------------------------------------------

TWO = [{**DE, "partner_blocked": "no", "partner_government": "yes"},
       {"names": ["Bauman Moscow State Technical University"], "country": "RU", "partner_blocked": "yes",
        "partner_government": "no"}]


def test_each_partner_has_its_own_answers_and_the_reason_names_the_partner() -> None:
    result = _assess({**FORMAL, "partners": TWO})
    reason = next(r for r in result["reasons"] if r["rule"] == "partner_blocked")
    assert reason["partners"] == [{"index": 1, "label": "Bauman Moscow State Technical University (RU)"}]
    assert result["tier"] == "prohibited"
    # The same answers swapped between the partners: the reason follows the answer, not the position.
    swapped = [{**TWO[0], "partner_blocked": "yes"}, {**TWO[1], "partner_blocked": "no"}]
    reason = next(r for r in _assess({**FORMAL, "partners": swapped})["reasons"] if r["rule"] == "partner_blocked")
    assert [p["index"] for p in reason["partners"]] == [0]


def test_a_condition_on_a_partner_answer_and_a_country_holds_for_the_same_partner_only() -> None:
    """partner_government_blocked: a government body in a country whose government is blocked."""
    ve_private = {"names": ["Universidad Privada"], "country": "VE", "partner_government": "no"}
    de_public = {**DE, "partner_government": "yes"}
    assert "partner_government_blocked" not in _named(_assess({**FORMAL, "partners": [ve_private, de_public]}))
    ve_public = {**ve_private, "partner_government": "yes"}
    assert _named(_assess({**FORMAL, "partners": [de_public, ve_public]}))["partner_government_blocked"] == [1]


def test_not_sure_for_one_partner_is_a_to_do_naming_it_and_fires_at_the_unsure_tier() -> None:
    result = _assess({**FORMAL, "partners": [{**DE, "partner_blocked": "no"}, {**IR, "partner_blocked": "unsure"}]})
    todo = next(t for t in result["todo"] if t["question"] == "partner_blocked")
    assert todo["partners"] == [{"index": 1, "label": "Sharif University of Technology (IR)"}]
    reason = next(r for r in result["reasons"] if r["rule"] == "partner_blocked")
    assert reason["unsure"] == ["partner_blocked"] and [p["index"] for p in reason["partners"]] == [1]


def test_a_follow_up_asked_of_each_partner_counts_only_where_it_is_asked() -> None:
    """partner_1286 follows partner_restricted_list of the same partner: an answer for a partner not on
    a restricted list is not used."""
    dod = {**FORMAL, "sponsors": ["dod"]}
    listed = {**IR, "partner_restricted_list": "yes", "partner_1286": "yes"}
    not_listed = {**DE, "partner_restricted_list": "no", "partner_1286": "yes"}
    assert "dod_funds_1286_partner" not in _named(_assess({**dod, "partners": [not_listed]}))
    assert _named(_assess({**dod, "partners": [not_listed, listed]}))["dod_funds_1286_partner"] == [1]
    # Every partner it is asked of answered it: the question is not left open.
    standing = _assess({**dod, "partners": [not_listed, {**listed, "partner_1286": "no"}]})["standing"]
    assert "partner_1286" not in standing["unanswered"]
    assert "partner_1286" in _assess({**dod, "partners": [{**IR, "partner_restricted_list": "yes"}]})[
        "standing"]["unanswered"]


def test_a_single_old_answer_is_read_as_every_partners_answer_with_a_notice() -> None:
    old = _assess({**FORMAL, "partners": [DE, IR], "partner_blocked": "yes", "partner_government": "no"})
    new = _assess({**FORMAL, "partners": [{**DE, "partner_blocked": "yes", "partner_government": "no"},
                                          {**IR, "partner_blocked": "yes", "partner_government": "no"}]})
    assert [n["keys"] for n in old["notices"]] == [["partner_blocked", "partner_government"]]
    assert "asked of each partner" in old["notices"][0]["text"]
    assert {**old, "notices": []} == {**new, "notices": []} and not new["notices"]
    # Without partners: one partner without a name holds the answers.
    alone = _assess({**FORMAL, "partner_blocked": "yes"})
    assert _named(alone)["partner_blocked"] == [0] and alone["notices"]
    # A partner's own answer is kept.
    mixed = _assess({**FORMAL, "partners": [{**DE, "partner_blocked": "no"}, IR], "partner_blocked": "yes"})
    assert _named(mixed)["partner_blocked"] == [1]


def test_a_bad_old_single_answer_names_its_old_key_and_costs_nothing_else_on_restore() -> None:
    with pytest.raises(AnswerError) as info:
        _assess({**FORMAL, "partners": [DE], "partner_blocked": "maybe"})
    assert info.value.key == "partner_blocked"
    _browser.init(json.dumps(assessments.default_config().to_json()))
    reply = json.loads(_browser.handle(json.dumps({"op": "check_import", "payload": {
        **FORMAL, "partner_country": "CN", "partner_blocked": "maybe", "partner_government": "yes"}})))["result"]
    assert [f["key"] for f in reply["left_out"]] == ["partner_blocked"]
    assert reply["answers"]["partners"] == [{"names": [], "country": "CN", "partner_government": "yes"}]
    assert len(reply["notices"]) == 2
