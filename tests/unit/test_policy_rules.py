"""Every rule has its own pass/fail answer cases (tests/rules/<rule_id>.toml).

One generic test runs them all. A case may name screening outcomes
(``screening = ["prohibited"]``) to exercise rules that depend on the
restricted-party screening without depending on the list data.
"""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

import assessments
from tests.support.paths import RULE_CASES_DIR

CASES_DIR = RULE_CASES_DIR


def _load_cases() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in sorted(CASES_DIR.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        assert data.get("rule") == path.stem, f"{path.name}: `rule` must equal the file name"
        for i, case in enumerate(data.get("case", [])):
            out.append((f"{path.stem}[{i}]:{case.get('name', '')}", {"rule": path.stem, **case}))
    return out


CASES = _load_cases()


def _fired(answers: dict[str, Any], outcomes: list[str]) -> list[str]:
    screened = [{"name": "(case)", "outcome": o} for o in outcomes]
    result = assessments.assess(answers, screening_results=screened)
    if not outcomes:  # given no screening results, the same as not screening at all
        assert result == assessments.assess(answers, screening=False)
    return [r["rule"] for r in result["reasons"]]


def test_cases_were_found() -> None:
    assert len(CASES) >= 2 * len(assessments.load_policy().rules), "rule case files are missing or empty"


def test_every_rule_has_firing_and_non_firing_cases() -> None:
    rules = {r.id for r in assessments.load_policy().rules}
    fires: dict[str, set[bool]] = {}
    for _, case in CASES:
        fires.setdefault(case["rule"], set()).add(case["fires"])
    missing = sorted(rid for rid in rules if fires.get(rid) != {True, False})
    assert not missing, f"rules without both a firing and a non-firing case in tests/rules/: {missing}"
    stray = sorted(set(fires) - rules)
    assert not stray, f"case files for rules that do not exist: {stray}"


@pytest.mark.parametrize(("case_id", "case"), CASES, ids=[c[0] for c in CASES])
def test_rule_case(case_id: str, case: dict[str, Any]) -> None:
    assert set(case) <= {"rule", "name", "fires", "answers", "screening"}, f"{case_id}: unknown key"
    fired = _fired(case["answers"], case.get("screening", []))
    assert (case["rule"] in fired) is case["fires"], f"{case_id}: fired {fired}"
