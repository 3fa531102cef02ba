"""The per-kind screening quality report: how results are read, the figures, and the Markdown table (no timing)."""

from __future__ import annotations

import importlib.util
import json
import sys

import pytest

from tests.support.paths import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
_SPEC = importlib.util.spec_from_file_location("screening_quality_by_kind",
                                               ROOT / "benchmarks" / "screening_quality_by_kind.py")
assert _SPEC and _SPEC.loader
report = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = report
_SPEC.loader.exec_module(report)


@pytest.mark.parametrize(("candidate", "expected"), [
    ({"match": True, "relation": "same", "lists": [1]}, "direct"),
    ({"match": False, "outcome": "possible", "lists": [1]}, "possible"),
    ({"match": False, "kind": "possible_match"}, "possible"),
    ({"match": False, "possible": True}, "possible"),
    ({"match": False, "verdict": "Possible match: check this with the office"}, "possible"),
    ({"match": False, "relation": "related", "lists": [1], "verdict": "a related entry is listed"}, "related"),
    ({"match": False, "relation": "related", "lists": []}, ""),
    # A result from before the possible-match band: below the threshold is no match.
    ({"match": False, "relation": "same", "score": 0.85, "verdict": "no match", "lists": [1]}, ""),
])
def test_candidate_report_reads_each_outcome_and_tolerates_its_absence(candidate: dict, expected: str) -> None:
    assert report.candidate_report(candidate) == expected


def test_baselines_report_a_band_below_the_threshold_as_possible() -> None:
    assert report.baseline_report(0.9, 0.86) == "direct"
    assert report.baseline_report(0.8, 0.86) == "possible"
    assert report.baseline_report(0.7, 0.86) == ""


ROWS = [
    {"query": "A", "expected": "a", "relation": "direct", "kind": "typo"},
    {"query": "B", "expected": "b", "relation": "direct", "kind": "typo"},
    {"query": "大学", "expected": "c", "relation": "direct", "kind": "chinese_simplified"},
    {"query": "D", "expected": "", "relation": "none", "kind": "unlisted_shared_city"},
    {"query": "E", "expected": "", "relation": "none", "kind": "unlisted_shared_city"},
    {"query": "F", "expected": "f", "relation": "related", "kind": "parent_of_listed"},
]
RANKINGS = [
    [(1, 0.9, "direct")],                     # right entity, direct
    [(9, 0.9, "direct"), (2, 0.8, "possible")],  # a wrong direct hit; the right one only possible
    [(7, 0.5, ""), (8, 0.4, ""), (5, 0.3, ""), (3, 0.2, "")],  # fourth: not in the first three
    [(4, 0.8, "possible")],                   # an unlisted name raised as possible
    [(4, 0.95, "direct")],                    # an unlisted name matched
    [(6, 0.8, "related")],
]
TARGETS = {"a": {1}, "b": {2}, "c": {3}, "f": {6}}.get


def test_score_rows_counts_each_figure() -> None:
    res = report.score_rows(ROWS, RANKINGS, lambda e: TARGETS(e, set()))
    direct = res["overall"]["direct"]
    assert direct == {"n": 3, "flagged": 0.667, "direct": 0.333, "first3": 0.667, "wrong_direct": 1}
    assert res["by_kind"]["typo"]["flagged"] == 1.0 and res["by_kind"]["chinese_simplified"]["first3"] == 0.0
    none = res["overall"]["none"]
    assert (none["false_direct"], none["possible"], none["raised"]) == (1, 1, 2)
    assert res["overall"]["related"] == {"n": 1, "reported": 1.0}
    assert res["by_script"]["han"]["direct"]["n"] == 1
    assert "大学 (chinese_simplified)" in res["misses"] and "false direct: E (unlisted_shared_city)" in res["misses"]


def test_the_markdown_tables_show_each_split_and_method() -> None:
    figures = report.score_rows(ROWS, RANKINGS, lambda e: TARGETS(e, set()))
    figures.pop("misses")
    doc = {"generated": "2026-12-06", "threshold": 0.86, "splits": {
        "heldout": {"counts": {"direct": 3, "none": 2, "related": 1}, "methods": {"ours": figures, "difflib": figures}},
        "tune": {"counts": {"direct": 3, "none": 2, "related": 1}, "methods": {"ours": figures}}}}
    text = report.markdown(doc)
    assert text.index("Held-out split") < text.index("Tune split")
    assert "| typo | 2 | 1.00 | 0.50 | 1.00 | 1.00 | 0.50 | 1.00 |" in text
    assert "ours flagged | ours direct | ours first 3 | difflib flagged" in text
    assert "| this site's matcher | 2 | 1 (50.0 %) | 1 (50.0 %) | 2 (100.0 %) |" in text
    assert "| Chinese characters | 1 |" in text
    # The tune split was measured for one method only: its tables have one method's columns.
    tune = text[text.index("Tune split"):]
    assert "difflib" not in tune


def test_the_screening_page_tables_are_the_committed_figures() -> None:
    """The Screening page includes docs/includes/screening-quality.md; docs/data/screening_quality.json holds the
    figures it was made from. Written together by ``--write``, they must say the same (a run that wrote only one
    once left the JSON a stop behind the page)."""
    figures = json.loads((ROOT / "docs" / "data" / "screening_quality.json").read_text(encoding="utf-8"))
    page = (ROOT / "docs" / "includes" / "screening-quality.md").read_text(encoding="utf-8")
    assert report.markdown(figures) == page
