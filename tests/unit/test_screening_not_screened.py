"""Never "no match" without lists: disabled lists, an empty dataset and corrupt data files."""

from __future__ import annotations

import dataclasses
import json
import lzma
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import assessments
from assessments import screening
from assessments.__main__ import main
from assessments.screening import dataset

CONFIG = assessments.default_config()
SHIPPED = Path(dataset.__file__).resolve().parent.parent / "data" / "lists"


def _reset() -> None:
    dataset.list_metadata.cache_clear()
    dataset.records.cache_clear()
    screening._INDEX = None


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the shipped dataset that a test may damage; the engine reads it instead."""
    lists = tmp_path / "data" / "lists"
    shutil.copytree(SHIPPED, lists)
    monkeypatch.setattr(dataset, "package_root", lambda: tmp_path)
    _reset()
    yield lists
    monkeypatch.undo()
    _reset()


def _empty_but_consistent(lists: Path) -> None:
    import hashlib  # noqa: PLC0415

    meta = json.loads((lists / "lists.json").read_text("utf-8"))
    raw = json.dumps({"schema": 1, "normalization": 0, "lists": list(meta["lists"]),
                      "fields": list(dataset.RECORD_FIELDS), "records": []}).encode()
    blob = lzma.compress(raw)
    (lists / "records.json.xz").write_bytes(blob)
    meta["records_sha256"] = hashlib.sha256(blob).hexdigest()
    meta["record_total"] = 0
    for info in meta["lists"].values():
        info["record_count"] = info["previous_count"] = 0
    (lists / "lists.json").write_text(json.dumps(meta), "utf-8")


def test_every_list_disabled_is_not_screened_never_no_match() -> None:
    everything = dataclasses.replace(CONFIG, disabled_lists=tuple(dataset.list_metadata()["lists"]))
    result = screening.screen_name("Skoltech", everything)
    assert result["outcome"] == "not_screened" and result["screened"] is False
    assert result["candidates"] == []
    assert "switched off" in result["not_screened"][0]["reason"]
    assert result["summary"].startswith("Not screened") and "No listed entry" not in result["summary"]


def test_the_engine_never_gives_low_for_an_unscreened_name() -> None:
    everything = dataclasses.replace(CONFIG, disabled_lists=tuple(dataset.list_metadata()["lists"]))
    answers = {"activities": ["collaboration"], "collaboration_type": "informal", "partner_names": ["Skoltech"]}
    result = assessments.assess(answers, config=everything, partial=True)
    assert result["tier"] != "low"
    assert "screening_not_screened" in [r["rule"] for r in result["reasons"]]


def test_an_empty_dataset_is_not_screened(data_dir: Path) -> None:
    _empty_but_consistent(data_dir)
    assert dataset.dataset_problems() == []  # self-consistent
    result = screening.screen_name("Skolkovo Institute of Science and Technology", CONFIG)
    assert result["outcome"] == "not_screened" and not result["screened"]
    assert all("holds no entries" in u["reason"] for u in result["not_screened"])


def test_an_empty_dataset_on_the_command_line(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _empty_but_consistent(data_dir)
    assert main(["screen", "Skoltech", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["outcome"] == "not_screened"
    assert main(["screen", "Skoltech"]) == 0
    out = capsys.readouterr().out
    assert "Not screened" in out and "No listed entry" not in out


@pytest.mark.parametrize("damage", ["truncate", "garbage"])
def test_corrupt_records_stop_the_command_line_with_a_message(
        data_dir: Path, damage: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = data_dir / "records.json.xz"
    blob = path.read_bytes()
    path.write_bytes(blob[: len(blob) // 2] if damage == "truncate" else b"not xz at all")
    assert main(["screen", "Skoltech"]) == 2
    err = capsys.readouterr().err
    assert "records.json.xz" in err and "tools/import_lists.py" in err and "records_sha256" in err
    assert "Traceback" not in err and "LZMAError" not in err


def test_corrupt_lists_json_stops_the_command_line(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (data_dir / "lists.json").write_text('{"lists": {', "utf-8")
    assert main(["screen", "Skoltech"]) == 2
    err = capsys.readouterr().err
    assert "lists.json" in err and "tools/import_lists.py" in err


def test_corrupt_records_are_reported_by_the_build_check(data_dir: Path) -> None:
    path = data_dir / "records.json.xz"
    path.write_bytes(path.read_bytes()[:1000])
    problems = dataset.dataset_problems()
    assert problems and "records_sha256" in problems[0]
    assert any("records.json.xz" in p and "import_lists.py" in p for p in problems)


def test_unreadable_data_gives_not_screened_results_in_the_engine(data_dir: Path) -> None:
    path = data_dir / "records.json.xz"
    path.write_bytes(b"broken")
    results = screening.screen_for_assessment(["Skoltech", "Example"], CONFIG)
    assert [r["outcome"] for r in results] == ["not_screened", "not_screened"]
    assert "cannot be read" in results[0]["not_screened"][0]["reason"]
