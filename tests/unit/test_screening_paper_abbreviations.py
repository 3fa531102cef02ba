"""Names as a paper's address abbreviates them (the Web of Science's address fields, ISO 4's title-word
abbreviations): "Natl Univ Def Technol", "Harbin Engn Univ", "Natl Res Tomsk Polytech Univ"; "St." before Petersburg
as "Saint"; and the initials of a name, which its legal form gives no letter to."""

from __future__ import annotations

import pytest

import assessments
from assessments.screening import screen_name
from assessments.screening.normalize import acronym, tokens

CONFIG = assessments.default_config()


def test_defence_spelled_either_way_or_abbreviated_is_one_word() -> None:
    expected = ("national", "university", "defense", "technology")
    assert tokens("National University of Defense Technology") == expected
    assert tokens("National University of Defence Technology") == expected  # the university's own spelling
    assert tokens("Natl Univ Def Technol") == expected


@pytest.mark.parametrize(("typed", "listed"), [
    ("Natl Univ Def Technol", "National University of Defense Technology"),
    ("Harbin Engn Univ", "Harbin Engineering University"),
    ("Air Force Engn Univ", "Air Force Engineering University"),
    ("Beijing Univ Aeronaut & Astronaut", "Beijing University of Aeronautics and Astronautics"),
])
def test_a_listed_school_written_as_a_papers_address_abbreviates_it_is_a_match(typed: str, listed: str) -> None:
    result = screen_name(typed, CONFIG)
    assert result["outcome"] in ("high", "prohibited")
    assert any(c["match"] and c["name"] == listed for c in result["candidates"])


def test_st_before_petersburg_is_saint_and_elsewhere_stays_a_word_of_its_own() -> None:
    saint = ("saint", "petersburg", "mining", "university")
    assert tokens("St. Petersburg Mining University") == tokens("St Petersburg Mining University") == saint
    assert tokens("Saint Petersburg Mining University") == saint
    assert tokens("Moscow St Univ") == ("moscow", "st", "university")  # a paper's "State", not "Saint"
    result = screen_name("St. Petersburg Mining University", CONFIG)
    assert result["outcome"] in ("high", "prohibited")


def test_a_groups_initials_in_a_units_paper_address_are_read_as_the_group() -> None:
    # "CSSC" fits the group's name only: a centre whose name gives the same letters counts for three letters typed
    # alone, never for capitals among other words.
    result = screen_name("China State Shipbuilding Corporation Limited CSSC 701st Res Inst", CONFIG)
    flagged = [c["name"] for c in result["candidates"] if c["match"] or c["possible"]]
    assert flagged[:1] == ["China State Shipbuilding Corporation, Limited (CSSC) 701st Research Institute"]


def test_national_research_abbreviated_is_a_status_left_out_as_written_out() -> None:
    assert tokens("Natl Res Tomsk Polytech Univ")[:1] == tokens("Tomsk Polytech Univ")[:1] == ("tomsk",)
    assert "national" not in tokens("Natl Res Univ Higher Sch Econ")
    # "National Research University of ..." is the name itself (MIET's): kept, abbreviated or not.
    assert tokens("Natl Res Univ of Electronic Technology")[:2] == ("national", "research")


def test_an_abbreviation_that_stands_for_two_words_is_left_as_typed() -> None:
    # "Elect" is Electronic and Electrical in the Web of Science's addresses, "Phys" Physics and Physical:
    # left as typed, they are read as the start of whichever word the listed name has.
    assert "elect" in tokens("Univ Elect Sci & Technol China")
    assert "phys" in tokens("Ioffe Phys Tech Inst")
    assert screen_name("Ioffe Phys Tech Inst", CONFIG)["outcome"] in ("high", "prohibited")


def test_a_legal_form_of_several_words_gives_no_letter_to_initials() -> None:
    assert acronym("Limited Liability Company Example Ural Works") == "euw"
    assert acronym("Joint Stock Company Example Ural Works") == "euw"
    # "ЛИИ" (the Gromov Flight Research Institute's Russian initials) no longer fits an LLC's English name
    assert all("LIMITED LIABILITY" not in c["name"] for c in screen_name("\u041b\u0418\u0418", CONFIG)["candidates"]
               if c["possible"])


def test_a_papers_address_line_with_its_college_abbreviated_is_a_match() -> None:
    # "Coll" (ISO 4: college) makes the college a unit of the university, not another organisation beside it.
    line = "Harbin Engn Univ, Coll Comp Sci & Technol, Harbin 150001, Peoples R China"
    result = screen_name(line, CONFIG)
    assert result["outcome"] in ("high", "prohibited")
    assert any(c["match"] and c["name"] == "Harbin Engineering University" for c in result["candidates"])
