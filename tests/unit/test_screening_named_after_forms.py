""""Named after" as the lists and the bodies' own English pages also write it: "n.a." ("Flight Research Institute N.A.
M.M. Gromov"), "named for", "named by", "im." in Latin letters with or without the person's initials, and the person's
initials and surname before a name that calls itself an association, a complex or an enterprise.

The lists here are made up (screen_name() reads them instead of the shipped ones), so that each test shows the shape
alone."""

from __future__ import annotations

import pytest

import assessments
from assessments.screening import screen_name
from assessments.screening.dataset import Record
from assessments.screening.normalize import tokens
from tests.support.made_up_lists import use_made_up_lists

CONFIG = assessments.default_config()
MATCH = ("high", "prohibited")
LIST = "us_bis_entity_list"

MADE_UP = [
    Record("h1", "Joint Stock Company Flight Testing Institute named after M.M. Dravkin", (), ("RU",), (LIST,), ""),
    Record("h2", "Joint Stock Company Research and Production Association Named After S.A. Velmina", (), ("RU",),
           (LIST,), ""),
]


@pytest.fixture(autouse=True)
def made_up_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    use_made_up_lists(monkeypatch, MADE_UP, LIST)


@pytest.mark.parametrize("name", [
    "Flight Testing Institute N.A. M.M. Dravkin",
    "Flight Testing Institute n.a. MM Dravkin",
    "Flight Testing Institute named for M.M. Dravkin",
    "Flight Testing Institute, Named by Academician M.M. Dravkin",
    "Flight Testing Institute im. Dravkina",
    "Flight Testing Institute im. Akad. M.M. Dravkina",
    "FLIGHT TESTING INSTITUTE NA MM DRAVKIN",  # without full stops, before initials
    "Flight Testing Institute Im MM Dravkina",
    "Flight Testing Institute by name M.M. Dravkin",  # a list's word-for-word English of "imeni"
    "FLIGHT TESTING INSTITUTE IM. DRAVKINA",  # "im." before the surname alone, in capitals as the lists write it
])
def test_other_ways_of_writing_named_after_match(name: str) -> None:
    result = screen_name(name, CONFIG)
    assert result["outcome"] in MATCH, result["candidates"][:2]
    assert result["candidates"][0]["name"] == "Joint Stock Company Flight Testing Institute named after M.M. Dravkin"


def test_the_abbreviations_read_as_the_honorific() -> None:
    assert tokens("Flight Testing Institute N.A.M.M. Dravkin") == tokens("Flight Testing Institute im. Dravkina") == \
        ("flight", "testing", "institute", "~dravkin")


@pytest.mark.parametrize("name", ["N.A. Dravkin Testing Institute", "IM. Dravkin Institute"])
def test_the_abbreviations_at_the_start_are_no_honorific(name: str) -> None:
    # "N.A." and "IM." opening a name are a person's initials or a word, not "named after".
    assert "dravkin" in tokens(name), tokens(name)  # (a word of the name, not an honorific's optional surname)


def test_the_persons_initials_before_an_association_are_the_honorifics() -> None:
    result = screen_name("S.A. Velmin Research and Production Association", CONFIG)
    assert result["outcome"] in MATCH, result["candidates"][:2]


@pytest.mark.parametrize("name", ["Rostov na Donu State University", "Bank im Ltd"])
def test_na_and_im_before_no_initials_stay_words(name: str) -> None:
    assert not any(t.startswith("~") for t in tokens(name)), tokens(name)
