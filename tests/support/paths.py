"""Where things are, for every test tier and the benchmarks (one definition each)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
TESTS = ROOT / "tests"
DOCS = ROOT / "docs"
HOOKS = ROOT / "hooks"
SCENARIO_DIR = TESTS / "scenarios"
RULE_CASES_DIR = TESTS / "rules"
TEST_DATA = TESTS / "data"
INSTITUTIONS = TEST_DATA / "institutions"
NORTHBRIDGE = INSTITUTIONS / "northbridge.toml"


def scenario_files() -> list[Path]:
    """The golden scenarios (tests/scenarios/*.toml), in file order."""
    return sorted(SCENARIO_DIR.glob("*.toml"))


def load_scenario(path: Path) -> dict[str, Any]:
    """One golden scenario: description, source, answers, expect."""
    return tomllib.loads(path.read_text(encoding="utf-8"))


def scenarios() -> dict[str, dict[str, Any]]:
    """Every golden scenario by file stem."""
    return {path.stem: load_scenario(path) for path in scenario_files()}
