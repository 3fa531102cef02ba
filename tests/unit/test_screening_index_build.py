"""The screening index as the browser's worker builds it: while the engine starts, with the parts kept for
later (deletion neighbourhoods by length, derived initials) built on first use or while idle, exactly as an
eager build would make them; an unreadable dataset does not stop the engine from starting."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import assessments
from assessments import browser, screening
from assessments.screening import dataset
from assessments.screening.index import MIN_TYPO_LEN, Index, one_edit
from assessments.screening.normalize import acronym

SHIPPED = Path(dataset.__file__).resolve().parent.parent / "data" / "lists"


def _reset() -> None:
    dataset.list_metadata.cache_clear()
    dataset.records.cache_clear()
    screening._INDEX = None


@pytest.fixture(scope="module")
def index() -> Index:
    return Index(dataset.records())


def test_lazy_deletion_neighbourhoods_equal_the_whole_vocabulary_map(index: Index) -> None:
    # The SymSpell map of the whole vocabulary, built at once as the index did before it was split by length.
    whole: dict[str, list[str]] = {}
    for t in index.postings:
        if len(t) >= MIN_TYPO_LEN and not t.isdigit():
            for i in range(len(t)):
                whole.setdefault(t[:i] + t[i + 1:], []).append(t)
    fresh = Index(dataset.records()[:2000])
    assert not fresh._deletes, "nothing is built before it is needed"
    index.prepare()
    merged: dict[str, list[str]] = {}
    for length, part in index._deletes.items():
        for key, found in part.items():
            assert len(key) == length - 1 and key not in merged
            merged[key] = found
    assert merged == whole
    assert index.prepare_next() is False


def test_derived_initials_equal_those_of_every_long_alias(index: Index) -> None:
    expected: dict[str, set[int]] = {}
    for aid, toks in enumerate(index.alias_tokens):
        initials = acronym(index.alias_text[aid]) if len(toks) >= 3 else ""
        if len(initials) >= 3:
            expected.setdefault(initials, set()).add(aid)
    assert index.derived_acronyms == expected
    assert "nudt" in expected


def test_a_typo_is_found_before_and_after_the_neighbourhoods_are_prepared() -> None:
    records = dataset.records()
    lazy, eager = Index(records), Index(records)
    eager.prepare()
    for word in ("harbni", "hrabin", "tsinghau", "skolkovo", "beihang", "huawe"):
        assert lazy.neighbours(word) == eager.neighbours(word)
        assert all(s == 1.0 or one_edit(word, t) or len(t) >= 7 for t, s in lazy.neighbours(word).items())
    assert "harbin" in lazy.neighbours("harbni")


def test_the_worker_builds_the_index_while_the_engine_starts() -> None:
    _reset()
    browser.init(json.dumps(assessments.default_config().to_json()))
    assert screening._INDEX is not None, "init builds the index: the first result waits for nothing after ready"
    steps = 0
    while browser.warm_step():
        steps += 1
    assert steps > 3 and browser.warm_step() is False
    request = {"op": "screen", "payload": {"name": "Harbin Institute of Technology"}}
    reply = json.loads(browser.handle(json.dumps(request)))
    assert reply["ok"] and reply["result"]["outcome"] in ("prohibited", "high")


@pytest.fixture
def damaged_dataset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    lists = tmp_path / "data" / "lists"
    shutil.copytree(SHIPPED, lists)
    blob = (lists / "records.json.xz").read_bytes()
    (lists / "records.json.xz").write_bytes(blob[: len(blob) // 2])
    monkeypatch.setattr(dataset, "package_root", lambda: tmp_path)
    _reset()
    yield lists
    monkeypatch.undo()
    _reset()


@pytest.mark.usefixtures("damaged_dataset")
def test_an_unreadable_dataset_still_lets_the_engine_start_and_screening_says_why() -> None:
    info = json.loads(browser.init(json.dumps(assessments.default_config().to_json())))
    assert info["policy_version"]
    assert screening._INDEX is None
    assert browser.warm_step() is False
    reply = json.loads(browser.handle(json.dumps({"op": "assess", "payload": {
        "activities": ["collaboration"], "collaboration_type": "informal", "partner_names": ["Skoltech"]}})))
    assert reply["ok"]
    screened = reply["result"]["screening"]
    assert screened and screened[0]["outcome"] == "not_screened"
    assert "records.json.xz" in json.dumps(screened[0])
