"""Golden scenarios drawn from the seed documents (tests/scenarios/*.toml).

Each file holds the answers of one situation and the expected tier, rule ids,
action ids and to-do question ids. A change of policy shows up here as a diff
to review. Screening is off: these scenarios must not depend on list data.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import assessments
from tests.support.paths import SCENARIO_DIR, load_scenario, scenario_files

SCENARIOS = scenario_files()


_load = load_scenario


def test_enough_scenarios() -> None:
    assert len(SCENARIOS) >= 60, f"only {len(SCENARIOS)} golden scenarios in {SCENARIO_DIR}"


def test_scenarios_draw_on_every_seed_document() -> None:
    sources = " ".join(_load(p)["source"] for p in SCENARIOS)
    for seed in ("seed 000", "seed 001", "seed 002", "seed 003", "seed 004"):
        assert seed in sources, f"no scenario drawn from {seed}"


def test_scenarios_cover_every_tier() -> None:
    tiers = {_load(p)["expect"]["tier"] for p in SCENARIOS}
    assert tiers == set(assessments.TIERS)


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_scenario(path: Path) -> None:
    data = _load(path)
    assert set(data) == {"description", "source", "answers", "expect"}, f"{path.name}: unexpected keys"
    expect = data["expect"]
    result = assessments.assess(data["answers"], screening=False)
    assert result["tier"] == expect["tier"]
    assert sorted(r["rule"] for r in result["reasons"]) == sorted(expect["rules"])
    assert sorted(a["id"] for a in result["actions"]) == sorted(expect["actions"])
    assert sorted(t["question"] for t in result["todo"]) == sorted(expect.get("todo", []))
    # The tier is the highest tier among the reasons given.
    ranks = [assessments.TIERS.index(r["tier"]) for r in result["reasons"]]
    assert assessments.TIERS.index(result["tier"]) == max(ranks, default=0)
