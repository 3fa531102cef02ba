"""Capitals typed alone that fit the name of an organisation several lists carry, each list as a record of its own: a
person sees every one of those records as a possible match (one per list), and no record of another body that
merely carries a name of several words too (a group's name that its subsidiaries carry, a body of another country).

The lists here are made up (screen_name() reads them instead of the shipped ones)."""

from __future__ import annotations

import pytest

import assessments
from assessments.screening import screen_name
from assessments.screening.dataset import Record
from tests.support.made_up_lists import use_made_up_lists

CONFIG = assessments.default_config()
ASK = "initials alone can stand for other organisations too: type the full name to check"

MADE_UP = [
    # One institute on three lists, the three records sharing "ITIP RAS" (and no more than it).
    Record("a1", "Institute for Tarvel Ivron Problems of the Russian Academy of Sciences",
           ("ITIP RAS", "Morvek Institute"), ("RU",), ("us_ofac_sdn",), ""),
    Record("a2", "K.L. Morvek Institute for Tarvel Ivron Problems (ITIP)",
           ("ITIP RAS", "Morvek Institute for Tarvel Ivron Problems"), ("RU",), ("us_bis_entity_list",), ""),
    Record("a3", "K.L. Morvek Institute, ITIP, Russian Academy of Sciences", ("ITIP RAS",), ("RU",),
           ("ca_named_research_organizations",), ""),
    # Another record of it on a list already shown: not shown again.
    Record("a4", "Morvek Institute", (), ("RU",), ("us_bis_entity_list",), ""),
    # A group whose name four of its companies carry too: a name of no one organisation.
    Record("g0", "Quelvar Orbital Systems Academy", ("Quelvar Holding Group",), ("CN",), ("us_dod_1286",), ""),
    *[Record(f"g{n}", f"Quelvar {town} Trading Co., Ltd.", ("Quelvar Holding Group",), ("CN",),
             ("us_bis_entity_list",), "") for n, town in enumerate(("Ulmar", "Ustrel", "Unvik", "Ubrast"), 1)],
    # A body of another country carrying the same name of several words.
    Record("p0", "Pelgran Ostrov Yarkin Institute", ("Pelgran Ostrov Institute",), ("RU",), ("us_dod_1286",), ""),
    Record("p1", "Pelgran Ostrov Institute of Kazakh Studies", ("Pelgran Ostrov Institute",), ("KZ",),
           ("us_bis_entity_list",), ""),
]


@pytest.fixture(autouse=True)
def made_up_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    use_made_up_lists(monkeypatch, MADE_UP, "us_ofac_sdn")


def _raised(result: dict) -> dict[str, list[str]]:
    return {c["name"]: [entry["id"] for entry in c["lists"]]
            for c in result["candidates"] if c["match"] or c["possible"]}


def test_initials_show_the_organisation_on_every_list_that_carries_it() -> None:
    result = screen_name("ITIP", CONFIG)
    assert result["outcome"] == "possible_match"
    raised = _raised(result)
    assert raised == {
        "Institute for Tarvel Ivron Problems of the Russian Academy of Sciences": ["us_ofac_sdn"],
        "K.L. Morvek Institute for Tarvel Ivron Problems (ITIP)": ["us_bis_entity_list"],
        "K.L. Morvek Institute, ITIP, Russian Academy of Sciences": ["ca_named_research_organizations"],
    }
    assert not any(c["match"] for c in result["candidates"])
    reason = f"\u201cITIP\u201d can be the initials of this listed name; {ASK}"
    same = "the same organisation as the listed Institute for Tarvel Ivron Problems of the Russian Academy of Sciences"
    assert [c["possible_reason"] for c in result["candidates"] if c["possible"]] == [
        reason, f"{same}, on another list: {reason}", f"{same}, on another list: {reason}"]
    # One organisation: the summary names it once, with every list that carries it.
    assert result["summary"].startswith("Possible match: Institute for Tarvel Ivron Problems of the Russian Academy "
                                        "of Sciences (OFAC ")
    assert "; as K.L. Morvek Institute for Tarvel Ivron Problems (ITIP): BIS Entity List, as of " in result["summary"]
    canada = "; as K.L. Morvek Institute, ITIP, Russian Academy of Sciences: Canada Named Research Organizations, "
    assert canada in result["summary"]


def test_a_name_that_a_group_and_its_companies_carry_raises_none_of_the_companies() -> None:
    result = screen_name("QOSA", CONFIG)
    assert _raised(result) == {"Quelvar Orbital Systems Academy": ["us_dod_1286"]}


def test_a_body_of_another_country_carrying_the_same_name_is_not_raised() -> None:
    result = screen_name("POYI", CONFIG)
    assert _raised(result) == {"Pelgran Ostrov Yarkin Institute": ["us_dod_1286"]}
