"""A name that matches one listed entry of an organisation the lists carry as several entries, under names that hold
one another ("27th Scientific Center" on one list, "27th Scientific Center of the Russian Ministry of Defense" on
another): the other entries are shown as possible matches after the match, so a person sees every entry and every
list. Not a body of the same name in another place or country, not the company named after the person a school is
named after, not when a group's name is carried by many of its companies.

The lists here are made up (screen_name() reads them instead of the shipped ones)."""

from __future__ import annotations

import pytest

import assessments
from assessments.screening import OTHER_ENTRY, screen_name
from assessments.screening.dataset import Record
from tests.support.made_up_lists import use_made_up_lists

CONFIG = assessments.default_config()

MADE_UP = [
    # One centre as two entries: the short name on one list, the name with its ministry on another.
    Record("c1", "41st Scientific Center", (), ("RU",), ("us_ofac_sdn",), ""),
    Record("c2", "41st Scientific Center of the Ministry of Defence of Varnia", (), ("RU",),
           ("us_bis_entity_list",), ""),
    # A plant, and its holding whose name the plant's name holds.
    Record("h1", "Joint Stock Company Research and Production Corporation Drelvagonzavod Tarmek", (), ("RU",),
           ("us_ofac_sdn",), ""),
    Record("h2", "Drelvagonzavod Holding", (), ("RU",), ("us_bis_entity_list",), ""),
    Record("h3", "Drelvagonzavod Tarmek Corporation", ("Corporation Drelvagonzavod Tarmek",), ("RU",),
           ("jp_meti_end_user_list",), ""),
    # The same words with a place before them: another school.
    Record("s1", "Quorvel Institute of Technology", (), ("CN",), ("us_dod_1286",), ""),
    Record("s2", "Zhuhai Quorvel Institute of Technology", (), ("CN",), ("us_bis_entity_list",), ""),
    # A school named after a person, and a company that carries the person's name.
    Record("k1", "Ostrava National Research Technical University named after A.N. Pelvanov", (), ("RU",),
           ("us_bis_entity_list",), ""),
    Record("k2", "Pelvanov Aircraft", (), ("RU",), ("us_ofac_sdn",), ""),
    # The same name in another country.
    Record("t1", "Trelkan Optics Institute", (), ("BY",), ("us_ofac_sdn",), ""),
    Record("t2", "Trelkan Optics Institute of Kazakh Studies", (), ("KZ",), ("us_bis_entity_list",), ""),
    # A group's name that five of its companies' names hold.
    Record("g0", "Morlith Shipping", (), ("CN",), ("us_dod_1260h",), ""),
    *[Record(f"g{n}", f"Morlith Shipping {part} Co., Ltd.", (), ("CN",), ("us_bis_entity_list",), "")
      for n, part in enumerate(("Tankers", "Logistics", "Ports", "Energy", "Leasing"), 1)],
]


@pytest.fixture(autouse=True)
def made_up_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    use_made_up_lists(monkeypatch, MADE_UP, "us_ofac_sdn")


def _shown(result: dict) -> dict[str, str]:
    return {c["name"]: "match" if c["match"] else "possible"
            for c in result["candidates"] if c["match"] or c["possible"]}


def _other_entries(result: dict) -> list[str]:
    """The names shown as another entry of the matched organisation."""
    return [c["name"] for c in result["candidates"]
            if c["possible"] and c["possible_reason"].endswith(OTHER_ENTRY)]


def test_the_entry_whose_name_holds_the_matched_one_is_a_possible_match_after_it() -> None:
    result = screen_name("41st Scientific Centre named after Academician P.Q. Morvek", CONFIG)
    assert result["outcome"] == "prohibited"
    assert _shown(result) == {"41st Scientific Center": "match",
                              "41st Scientific Center of the Ministry of Defence of Varnia": "possible"}
    assert [c["name"] for c in result["candidates"]][:2] == [
        "41st Scientific Center", "41st Scientific Center of the Ministry of Defence of Varnia"]
    other = result["candidates"][1]
    assert other["possible_reason"] == (
        "its name holds the name matched above, \u201c41st Scientific Center\u201d: another entry of the same "
        "organisation, or its parent or one of its parts")
    assert [entry["id"] for entry in other["lists"]] == ["us_bis_entity_list"]
    # The match sets the outcome and the summary; the other entry does not lower it to a possible match.
    assert result["summary"].startswith("41st Scientific Center: ")


def test_the_entry_whose_name_the_matched_one_holds_is_a_possible_match() -> None:
    result = screen_name("Research and Production Corporation Drelvagonzavod Tarmek", CONFIG)
    shown = _shown(result)
    assert shown["Joint Stock Company Research and Production Corporation Drelvagonzavod Tarmek"] == "match"
    assert _other_entries(result) == ["Drelvagonzavod Tarmek Corporation"]
    other = next(c for c in result["candidates"] if c["name"] == "Drelvagonzavod Tarmek Corporation")
    assert other["possible_reason"] == (
        "its name, \u201cDrelvagonzavod Tarmek Corporation\u201d, is part of the name matched above, \u201cJoint "
        "Stock Company Research and Production Corporation Drelvagonzavod Tarmek\u201d: another entry of the same "
        "organisation, or its parent or one of its parts")
    assert shown.get("Drelvagonzavod Holding") is None  # ("Drelvagonzavod Holding" is not a part of the name)


def test_a_name_with_a_place_before_it_is_another_body() -> None:
    assert _shown(screen_name("Quorvel Institute of Technology", CONFIG)) == {
        "Quorvel Institute of Technology": "match"}


def test_the_person_a_school_is_named_after_is_no_other_entry_of_it() -> None:
    shown = _shown(screen_name("Ostrava National Research Technical University named after A.N. Pelvanov", CONFIG))
    assert shown == {"Ostrava National Research Technical University named after A.N. Pelvanov": "match"}


def test_a_body_of_another_country_is_not_shown_as_another_entry() -> None:
    assert _other_entries(screen_name("Trelkan Optics Institute", CONFIG)) == []


def test_a_name_that_many_companies_of_a_group_hold_raises_none_of_them() -> None:
    assert _shown(screen_name("Morlith Shipping", CONFIG)) == {"Morlith Shipping": "match"}


def test_no_match_no_other_entry() -> None:
    result = screen_name("Varnian Institute of Marine Biology", CONFIG)
    assert result["outcome"] == "none"
    assert _shown(result) == {}
