"""Optional people screening: off by default, a separate record kind, a stricter threshold, its wording."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from assessments import ConfigError, default_config, load_config
from assessments.__main__ import main
from assessments.limits import MATCH_THRESHOLD, PERSON_MATCH_THRESHOLD
from assessments.screening import POSSIBLE_NAME_MATCH, get_index, screen_name, screen_person
from assessments.screening.dataset import PEOPLE_ENTRY, list_metadata, people

ON = dataclasses.replace(default_config(), screen_people=True)
LISTED = "ABTAHI, Seyyed Ali"  # an individual on the OFAC SDN list of 2026-07-11


def test_off_by_default_and_then_not_screened() -> None:
    assert default_config().screen_people is False
    result = screen_person("Seyyed Ali Abtahi")
    assert result["outcome"] == "not_screened" and not result["screened"] and result["candidates"] == []
    assert "screen_people" in result["summary"] and "not a clearance" in result["summary"]


def test_a_listed_individual_is_a_possible_name_match_only() -> None:
    result = screen_person("Seyyed Ali Abtahi", ON)  # word order does not matter
    assert result["outcome"] == "possible_match" and result["kind"] == "person"
    best = result["candidates"][0]
    assert best["name"] == LISTED and best["match"] and best["verdict"] == POSSIBLE_NAME_MATCH
    assert POSSIBLE_NAME_MATCH == "possible name match: the office confirms with date of birth and nationality"
    assert best["lists"][0]["id"] == "us_ofac_sdn" and best["lists"][0]["as_of"]
    assert result["threshold"] == PERSON_MATCH_THRESHOLD > MATCH_THRESHOLD


def test_the_threshold_is_stricter_than_for_organisations() -> None:
    # A partial name ("Ali Abtahi") scores about 0.8: a candidate, not a possible match.
    result = screen_person("Ali Abtahi", ON)
    assert result["outcome"] == "none"
    assert result["candidates"] and MATCH_THRESHOLD * 0.9 < result["candidates"][0]["score"] < PERSON_MATCH_THRESHOLD
    assert screen_person("John Smith", ON)["outcome"] == "none"


def test_individuals_are_a_separate_record_kind_never_matched_as_organisations() -> None:
    individuals = people()
    assert len(individuals) == list_metadata()["people"]["count"] > 5000
    org_ids = {r.id for r in get_index().records}
    assert not org_ids & {r.id for r in individuals}
    result = screen_name(LISTED)
    assert all(c["name"] != LISTED for c in result["candidates"])
    assert result["outcome"] == "none"


def test_switching_off_the_sdn_list_switches_off_people_screening() -> None:
    config = dataclasses.replace(ON, disabled_lists=("us_ofac_sdn",))
    result = screen_person("Seyyed Ali Abtahi", config)
    assert result["outcome"] == "not_screened" and "disabled_lists" in result["not_screened"][0]["reason"]


def test_without_the_people_file_people_screening_is_not_screened(monkeypatch: pytest.MonkeyPatch) -> None:
    # The browser's engine leaves the file out unless the site is built with screen_people = true.
    assert f"assessments/data/lists/{list_metadata()['people']['file']}" == PEOPLE_ENTRY
    monkeypatch.setattr("assessments.screening.people_present", lambda: False)
    result = screen_person("Seyyed Ali Abtahi", ON)
    assert result["outcome"] == "not_screened" and not result["screened"] and result["candidates"] == []
    assert "not part of this copy of the engine" in result["not_screened"][0]["reason"]
    assert "not a clearance" in result["summary"]


def _config_file(tmp_path: Path, value: str) -> Path:
    text = Path("institution.toml").read_text("utf-8").replace("screen_people = false", f"screen_people = {value}")
    path = tmp_path / "institution.toml"
    path.write_text(text, "utf-8")
    return path


def test_the_configuration_key_is_validated(tmp_path: Path) -> None:
    assert load_config(_config_file(tmp_path, "true")).screen_people is True
    assert load_config(_config_file(tmp_path, "true")).to_json()["screening"]["screen_people"] is True
    with pytest.raises(ConfigError, match="screen_people"):
        load_config(_config_file(tmp_path, '"yes"'))


def test_command_line_person_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--config", str(_config_file(tmp_path, "true")), "screen", "--person", "Seyyed Ali Abtahi",
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["outcome"] == "possible_match" and data["candidates"][0]["verdict"] == POSSIBLE_NAME_MATCH
    assert main(["--config", str(_config_file(tmp_path, "true")), "screen", "--person", "Seyyed Ali Abtahi"]) == 0
    out = capsys.readouterr().out
    assert "POSSIBLE" in out and "date of birth and nationality" in out
    assert main(["screen", "--person", "Seyyed Ali Abtahi"]) == 0
    assert "Outcome: not_screened" in capsys.readouterr().out
    assert main(["screen", "--person", "X", "NUDT"]) == 2
