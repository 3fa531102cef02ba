"""China includes Hong Kong and Macau: every rule and list that names China treats them the same.

A talent program with transfer terms sponsored from CN was prohibited, the same from HK or
MO only high, because the country lists named CN alone. These tests keep it from coming back.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import assessments
from tests.unit.test_engine_properties import SETTINGS, valid_answers

POLICY = assessments.load_policy()
COUNTRY_QUESTIONS = [q.id for q in POLICY.questions if assessments.ANSWER_TYPES[q.type].countries
                     or assessments.ANSWER_TYPES[q.type].per_partner]


def test_every_list_naming_china_names_hong_kong_and_macau() -> None:
    for lid, data in POLICY.country_lists.items():
        if "CN" in data.countries:
            assert {"HK", "MO"} <= set(data.countries), lid
    config = assessments.default_config()
    assert {"HK", "MO"} <= set(config.elevated_risk)


def _swap(answers: dict[str, Any], code: str) -> dict[str, Any]:
    out = dict(answers)
    for qid in COUNTRY_QUESTIONS:
        value = out.get(qid)
        if value == "CN":
            out[qid] = code
        elif assessments.ANSWER_TYPES[POLICY.question_index[qid].type].per_partner and value:
            out[qid] = [{**p, "country": code} if p.get("country") == "CN" else p for p in value]
        elif isinstance(value, list) and "CN" in value:
            out[qid] = sorted({code if v == "CN" else v for v in value})
    return out


def _summary(answers: dict[str, Any]) -> tuple[str, list[tuple[str, str]]]:
    result = assessments.assess(answers, screening=False)
    return result["tier"], sorted((r["rule"], r["tier"]) for r in result["reasons"])


@SETTINGS
@given(valid_answers(), st.sampled_from(["HK", "MO"]), st.sampled_from(COUNTRY_QUESTIONS))
def test_hong_kong_and_macau_behave_like_china(answers: dict[str, Any], code: str, qid: str) -> None:
    q = POLICY.question_index[qid]
    kind = assessments.ANSWER_TYPES[q.type]
    cn = [{"country": "CN"}] if kind.per_partner else ["CN"] if kind.is_list else "CN"
    answers = {**answers, qid: cn}
    assert _summary(_swap(answers, code)) == _summary(answers)


def test_the_reported_case_malign_program_from_hong_kong_is_prohibited() -> None:
    base = {"talent_program": "yes", "talent_program_terms": ["transfer"]}
    for code in ("CN", "HK", "MO"):
        result = assessments.assess({**base, "talent_program_country": code}, screening=False)
        assert result["tier"] == "prohibited", code
