"""The labelled evaluation set: its size and labels, and the matcher's quality on it (no timing).

The figures printed by benchmarks/screening_quality.py come from the same set;
this test guards them against regressions.
"""

from __future__ import annotations

import csv
from collections import Counter

from assessments import default_config
from assessments.screening import get_index, screen_name
from assessments.screening.normalize import normalized
from tests.support.paths import TEST_DATA

EVAL = TEST_DATA / "screening" / "evaluation.csv"
with EVAL.open(encoding="utf-8", newline="") as _fh:
    ROWS = list(csv.DictReader(_fh))
POSITIVES = [r for r in ROWS if r["kind"] == "positive"]
NEGATIVES = [r for r in ROWS if r["kind"] == "negative"]


def _record_ids_named(expected: str) -> set[str]:
    index = get_index()
    target = normalized(expected)
    return {index.records[rid].id for aid, rid in enumerate(index.alias_record)
            if " ".join(index.alias_tokens[aid]) == target}


def test_the_set_is_large_and_varied_enough() -> None:
    assert len(POSITIVES) >= 100 and len(NEGATIVES) >= 95
    variants = Counter(r["variant"] for r in POSITIVES)
    for kind in ("acronym", "word_order", "abbreviation", "transliteration", "native", "typo"):
        assert variants[kind] >= 3, f"too few {kind} variants: {variants[kind]}"
    assert {r["kind"] for r in ROWS} == {"positive", "negative"}


def test_every_expected_entity_is_in_the_dataset_and_no_negative_is_listed() -> None:
    for row in POSITIVES:
        assert _record_ids_named(row["expected"]), f"{row['expected']!r} is not a listed name or alias"
    for row in NEGATIVES:
        assert not row["expected"]
        if row["variant"] != "acronym_collision":
            assert not _record_ids_named(row["query"]), f"{row['query']!r} is listed: not a negative"


def test_quality_on_the_set() -> None:
    config = default_config()
    found3 = 0
    false_hits = []
    for row in POSITIVES:
        want = _record_ids_named(row["expected"])
        ids = [c["record_id"] for c in screen_name(row["query"], config)["candidates"][:3]]
        found3 += bool(want & set(ids))
    for row in NEGATIVES:
        if any(c["match"] for c in screen_name(row["query"], config)["candidates"]):
            false_hits.append(row["query"])
    assert found3 / len(POSITIVES) >= 0.97
    assert false_hits == []
