"""The labelled evaluation set: its size and labels, and the matcher's quality on it (no timing).

The figures printed by benchmarks/screening_quality.py come from the same set and the
same definitions; this test guards them against regressions. Floors are the measured
values (2026-11-26), rounded down: raise them when the matcher improves, never lower them.
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
RELATED = [r for r in ROWS if r["relation"] == "related"]


def _record_ids_named(expected: str) -> set[str]:
    index = get_index()
    target = normalized(expected)
    return {index.records[rid].id for aid, rid in enumerate(index.alias_record)
            if " ".join(index.alias_tokens[aid]) == target and index.records[rid].lists}


def test_the_set_is_large_and_varied_enough() -> None:
    assert len(POSITIVES) >= 300 and len(NEGATIVES) >= 150 and len(RELATED) >= 8
    variants = Counter(r["variant"] for r in POSITIVES)
    for kind in ("acronym", "word_order", "abbreviation", "transliteration", "native", "native_short", "typo",
                 "english_short"):
        assert variants[kind] >= 3, f"too few {kind} variants: {variants[kind]}"
    assert {r["kind"] for r in ROWS} == {"positive", "negative"}
    assert {r["relation"] for r in ROWS} == {"direct", "related", "none"}
    # A positive is a direct relation; a negative is none or related (a part of it is listed).
    assert all((r["kind"] == "positive") == (r["relation"] == "direct") for r in ROWS)
    scripts = Counter("han" if any("\u4e00" <= c <= "\u9fff" for c in r["query"]) else
                      "cyrillic" if any("\u0400" <= c <= "\u04ff" for c in r["query"]) else
                      "arabic" if any("\u0600" <= c <= "\u06ff" for c in r["query"]) else "latin" for r in ROWS)
    assert scripts["han"] >= 60 and scripts["cyrillic"] >= 40 and scripts["arabic"] >= 25


def test_every_expected_entity_is_in_the_dataset_and_no_negative_is_listed() -> None:
    for row in POSITIVES + RELATED:
        assert _record_ids_named(row["expected"]), f"{row['expected']!r} is not a listed name or alias"
    for row in NEGATIVES:
        if row["relation"] == "none":
            assert not row["expected"]
        if row["variant"] != "acronym_collision":
            assert not _record_ids_named(row["query"]), f"{row['query']!r} is listed: not a negative"


def _report(result: dict) -> tuple[str, set[str]]:
    """What the result reports, as its outcome does: direct matches, else related entries."""
    direct = {c["record_id"] for c in result["candidates"] if c["match"]}
    if direct:
        return "direct", direct
    return ("related", {c["record_id"] for c in result["candidates"] if c["relation"] == "related" and c["lists"]})


def test_quality_on_the_set() -> None:
    config = default_config()
    found3 = 0
    false_hits = []
    reported = Counter()
    right = Counter()
    for row in ROWS:
        want = _record_ids_named(row["expected"]) if row["expected"] else set()
        result = screen_name(row["query"], config)
        kind, ids = _report(result)
        if ids:
            reported[kind] += 1
            right[kind] += row["relation"] == kind and bool(want & ids)
        if row["relation"] == "direct":
            found3 += bool(want & {c["record_id"] for c in result["candidates"][:3]})
        elif kind == "direct" and ids:
            false_hits.append(row["query"])
    assert found3 / len(POSITIVES) >= 0.98
    assert false_hits == []
    assert right["direct"] / reported["direct"] >= 1.0          # direct precision (measured 1.000)
    assert right["direct"] / len(POSITIVES) >= 0.91             # direct recall (measured 0.911)
    assert right["related"] / reported["related"] >= 0.83       # related precision (measured 0.833)
    assert right["related"] / len(RELATED) >= 0.62              # related recall (measured 0.625)
