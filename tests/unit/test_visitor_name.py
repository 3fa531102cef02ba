"""The visitor's name: asked only where the institution screens people ([screening] screen_people), and
screened as a possible name match at most (the people threshold), never as a direct hit."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

import assessments
from assessments import PolicyError
from assessments.screening import people, people_present
from tests.support.paths import ROOT

VISIT = {"activities": ["visitor"], "visitor_appointment": "short_term"}
ON = dataclasses.replace(assessments.default_config(), screen_people=True)


def test_off_the_question_is_not_asked_and_its_answer_is_not_used() -> None:
    result = assessments.assess({**VISIT, "visitor_name": "Anyone At All"})
    assert "visitor_name" not in result["asked"] and result["not_used"] == ["visitor_name"]
    assert not [s for s in result["screening"] if s.get("question") == "visitor_name"]


def test_on_the_question_is_asked_for_a_visitor_only() -> None:
    assert "visitor_name" in assessments.assess(VISIT, config=ON, screening=False)["asked"]
    assert "visitor_name" not in assessments.assess({"activities": ["travel"]}, config=ON, screening=False)["asked"]


@pytest.mark.skipif(not people_present(), reason="the listed individuals are not in this copy of the data")
def test_a_listed_persons_name_is_a_possible_match_with_a_to_do_never_prohibited() -> None:
    person = people()[0].name
    result = assessments.assess({**VISIT, "visitor_name": person}, config=ON)
    screened = [s for s in result["screening"] if s.get("question") == "visitor_name"]
    assert [s["outcome"] for s in screened] == ["possible_match"] and screened[0]["kind"] == "person"
    assert result["tier"] in ("moderate", "high") and result["tier"] != "prohibited"
    assert "screening_possible_match" in {r["rule"] for r in result["reasons"]}
    assert any(person in t["text"] and "date of birth" in t["text"] for t in result["todo"])
    unlisted = assessments.assess({**VISIT, "visitor_name": "Maria Example Hernandez-Smith"}, config=ON)
    assert [s["outcome"] for s in unlisted["screening"]] == ["none"] and unlisted["tier"] == "low"


def test_a_setting_may_decide_a_question_never_a_rule(tmp_path: Path) -> None:
    policy = tmp_path / "policy"
    shutil.copytree(ROOT / "assessments" / "policy", policy)
    rule = policy / "rules" / "short_term_visitor.toml"
    text = rule.read_text(encoding="utf-8")
    start = text.index("when = ")
    end = text.index("\n", start)
    rule.write_text(text[:start] + 'when = { setting = "screen_people" }' + text[end:], encoding="utf-8")
    with pytest.raises(PolicyError) as info:
        assessments.read_policy(policy)
    assert "setting" in info.value.reason
