"""The tune / held-out evaluation split: its size, its labels and that it is the fixed split of its rows."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter

from tests.support.paths import ROOT

_SPEC = importlib.util.spec_from_file_location("screening_eval_split", ROOT / "benchmarks" / "screening_eval_split.py")
assert _SPEC and _SPEC.loader
split_module = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = split_module
_SPEC.loader.exec_module(split_module)

TUNE = split_module.read(split_module.TUNE)
HELDOUT = split_module.read(split_module.HELDOUT)


def test_the_set_is_large_enough_in_listed_spellings_and_unlisted_names() -> None:
    rows = TUNE + HELDOUT
    relations = Counter(r["relation"] for r in rows)
    assert relations["direct"] >= 800 and relations["none"] >= 300
    held = Counter(r["kind"] for r in HELDOUT)
    for kind in ("affiliation_line", "korean_script", "persian_script", "chinese_traditional", "chinese_brand",
                 "status_affix", "named_after", "school_of", "department", "unlisted_distinguishing_word",
                 "unlisted_shared_city", "unlisted_native", "former_name", "russian_short", "acronym",
                 "chinese_abbreviation", "extra_words", "short_form", "brand_name"):
        assert held[kind] >= 10, f"too few held-out {kind} rows: {held[kind]}"


def test_every_row_is_valid_and_the_files_are_the_fixed_split() -> None:
    rows = TUNE + HELDOUT
    assert split_module.problems(rows, split_module.listed_names()) == []
    tune, heldout = split_module.split(rows)
    assert [r["query"] for r in tune] == [r["query"] for r in TUNE]
    assert [r["query"] for r in heldout] == [r["query"] for r in HELDOUT]


def test_every_row_of_the_first_set_is_a_tune_row() -> None:
    legacy = {r["query"] for r in split_module.legacy_rows()}
    assert legacy <= {r["query"] for r in TUNE}
    assert not legacy & {r["query"] for r in HELDOUT}


def test_a_later_batch_does_not_move_earlier_rows() -> None:
    rows = TUNE + HELDOUT
    extra = [{"query": f"Example Unlisted Institute {n}", "expected": "", "relation": "none",
              "kind": "unlisted_shared_word", "source": "constructed", "origin": "later"} for n in range(7)]
    _, heldout = split_module.split(rows + extra)
    assert [r["query"] for r in heldout if r["origin"] != "later"] == [r["query"] for r in HELDOUT]
    assert len([r for r in heldout if r["origin"] == "later"]) == 4


def test_a_row_with_a_wrong_label_is_reported() -> None:
    bad = [{"query": "Harbin Institute of Technology", "expected": "", "relation": "none",
            "kind": "unlisted_shared_city", "source": "x", "origin": "t"},
           {"query": "Some Name", "expected": "Nowhere Listed Institute", "relation": "direct",
            "kind": "typo", "source": "x", "origin": "t"},
           {"query": "Other Name", "expected": "", "relation": "none", "kind": "made_up", "source": "x", "origin": "t"}]
    found = split_module.problems(bad, split_module.listed_names())
    assert any("is listed" in p for p in found)
    assert any("not a listed name" in p for p in found)
    assert any("unknown kind" in p for p in found)
