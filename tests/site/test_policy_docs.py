"""The page "How the assessment decides" stays true to the engine: its example
answers give the example result shown, and every list it names exists."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import assessments
from tests.support.paths import DOCS

PAGE = DOCS / "how-the-assessment-decides.md"


def _json_blocks() -> list[Any]:
    return [json.loads(b) for b in re.findall(r"```json\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.S)]


def _contained(doc: Any, actual: Any, path: str = "$") -> None:
    """``doc`` is ``actual`` shortened: fewer keys, list prefixes, equal values."""
    if isinstance(doc, dict):
        assert isinstance(actual, dict), path
        for key, value in doc.items():
            assert key in actual, f"{path}.{key} is not in the result"
            _contained(value, actual[key], f"{path}.{key}")
    elif isinstance(doc, list):
        assert isinstance(actual, list) and len(doc) <= len(actual), path
        for i, value in enumerate(doc):
            _contained(value, actual[i], f"{path}[{i}]")
    else:
        assert doc == actual, f"{path}: page says {doc!r}, engine gives {actual!r}"


def test_example_result_matches_the_engine() -> None:
    answers, result = _json_blocks()
    _contained(result, assessments.assess(answers, screening=False))


def test_country_list_markers_name_real_lists() -> None:
    text = PAGE.read_text(encoding="utf-8")
    named = set(re.findall(r"<!-- cfg:country-list ([a-z0-9_]+) -->", text))
    assert named == set(assessments.load_policy().country_lists)
    assert "<!-- md:rules-table -->" in text
