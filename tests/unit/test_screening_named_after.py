"""Names "named after" a person, as the lists and people write them: the honorific's initials run together ("NAMED
AFTER NE BAUMAN", "imeni AS Popova") read as the initials they are, and a name typed up to the person it is named
after while the list goes on with a few words (its own initials, the holding it manages): a possible match, never a
match.

The lists here are made up (screen_name() reads them instead of the shipped ones), so that each test shows the shape
alone: what the screen returns, the listed name, and the words of the reason a person reads."""

from __future__ import annotations

import pytest

import assessments
from assessments.screening import screen_name
from assessments.screening.dataset import Record
from assessments.screening.normalize import tokens
from tests.support.made_up_lists import possible, use_made_up_lists

CONFIG = assessments.default_config()
MATCH = ("high", "prohibited")
LIST = "us_bis_entity_list"

MADE_UP = [
    Record("n1", "JSC VELTROVSK MECHANICAL PLANT NAMED AFTER S.I. KORVANOV MANAGEMENT COMPANY OF GRELMO HOLDING", (),
           ("BY",), (LIST,), ""),
    Record("n2", "MOSCOW STATE ORBITAL UNIVERSITY NAMED AFTER NE DRAVNIK", (), ("RU",), (LIST,), ""),
    Record("n3", "AKTSIONERNOE OBSHCHESTVO KRIOGENNYI ZAVOD IM. N.M. TELVANOVA KZT", (), ("RU",), (LIST,), ""),
    Record("n4", "Joint Stock Company Research and Production Association Named After S.A. Velmin",
           ("NPO IMENI VELMINA", "AO Nauchno-Proizvodstvennoe Obedinenie IM. S.A. Velmina"), ("RU",), (LIST,), ""),
]


@pytest.fixture(autouse=True)
def made_up_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    use_made_up_lists(monkeypatch, MADE_UP, LIST)


@pytest.mark.parametrize("name", [
    "Moscow State Orbital University named after N.E. Dravnik",
    "Moscow State Orbital University imeni NE Dravnika",
    "MOSCOW STATE ORBITAL UNIVERSITY NAMED AFTER NE DRAVNIK",
    "Moscow State Orbital University",
])
def test_initials_run_together_are_read_as_the_honorifics_initials(name: str) -> None:
    # Before, "NE" was read as a word of the name: "imeni N.E. Dravnika" and the list's "NAMED AFTER NE DRAVNIK" shared
    # too few words to match.
    result = screen_name(name, CONFIG)
    assert result["outcome"] in MATCH, result["candidates"][:2]
    assert result["candidates"][0]["name"] == "MOSCOW STATE ORBITAL UNIVERSITY NAMED AFTER NE DRAVNIK"


def test_n_a_before_a_surname_is_read_as_the_honorific_either_way() -> None:
    # "Institute N.A. Dollezhal": "named after" abbreviated, or the person's initials after the name: either way the
    # surname is the person the institute is named after.
    assert tokens("Institute N.A. Dollezhal") == ("institute", "~dollezhal")
    assert "~donu" not in tokens("Rostov na Donu Plant")  # "na" as a word of a place stays one


def test_run_together_initials_and_a_two_letter_initial_leave_only_the_surname() -> None:
    assert tokens("University imeni AS Popova") == tokens("University named after A.S. Popov") == \
        ("university", "~popov")
    assert tokens("Plant named after Yu A Gagarin") == ("plant", "~gagarin")


def test_a_name_typed_up_to_the_person_it_is_named_after_is_a_possible_match() -> None:
    best = possible(screen_name("Veltrovsk Mechanical Plant named after S.I. Korvanov", CONFIG))
    assert best["name"].startswith("JSC VELTROVSK MECHANICAL PLANT")
    assert best["possible_reason"] == ("the listed name up to the person it is named after (korvanov); the list goes "
                                       "on: management, grelmo, holding")


def test_a_name_up_to_the_person_without_the_bodys_own_initials_is_a_possible_match() -> None:
    best = possible(screen_name("Kriogennyi Zavod imeni N.M. Telvanova", CONFIG))
    assert best["possible_reason"].endswith("the list goes on: kzt")


@pytest.mark.parametrize("name", [
    "Veltrovsk Mechanical Plant named after P.P. Stenlov",  # another person: another plant
    "Veltrovsk Mechanical Plant named after S.I. Korvanov Institute of Optics",  # goes on with words of its own
])
def test_a_name_that_differs_from_the_list_before_or_after_the_person_is_not_raised_by_this_shape(name: str) -> None:
    result = screen_name(name, CONFIG)
    assert all("up to the person" not in c.get("possible_reason", "") for c in result["candidates"]), \
        result["candidates"][:2]


def test_two_capitals_before_a_surname_are_initials_as_with_full_stops() -> None:
    assert tokens("AE NUDELMAN PRECISION ENGINEERING DESIGN BUREAU") == \
        tokens("A.E. Nudelman Precision Engineering Design Bureau") == \
        ("~a", "~e", "nudelman", "precision", "engineering", "design", "bureau")
    assert tokens("AM Prokhorov General Physics Institute")[:3] == ("~a", "~m", "prokhorov")


@pytest.mark.parametrize(("name", "kept"), [
    ("Akram Dish TV Satellite Center", "tv"),                  # an abbreviation before a word that is no surname
    ("Moscow Center of SPARC Technologies", "sparc"),          # a word in capitals ("OF") is no initials
    ("Bureau d'achat de diamant en Centrafrique", "centrafrique"),  # French "en"
    ("Institut po Proektirovaniyu Predpriyatiy", "proektirovaniyu"),  # Russian "po"
    ("AO Sukhoi Design Bureau", "sukhoi"),                      # a legal form
])
def test_two_capitals_that_are_no_initials_stay_as_they_are(name: str, kept: str) -> None:
    toks = tokens(name)
    assert kept in toks and not any(t.startswith("~") for t in toks), toks


@pytest.mark.parametrize("name", ["NPO Zorkat", "\u041d\u041f\u041e \u0417\u043e\u0440\u043a\u0430\u0442",
                                  "Nauchno-Proizvodstvennoe Obedinenie Zorkat"])
def test_a_kind_of_body_and_a_person_are_no_name_that_opens_another(name: str) -> None:
    # "NPO imeni Velmina" has no word of its own but the person it is named after: any "NPO X" (НПО Зоркат) would open
    # with all its other words. Neither a match nor a possible match.
    result = screen_name(name, CONFIG)
    assert not any(c["match"] or c["possible"] for c in result["candidates"]), result["candidates"][:2]


def test_a_russian_kind_written_as_initials_meets_the_name_written_out() -> None:
    result = screen_name("NPO imeni S.A. Velmina", CONFIG)
    assert result["outcome"] in MATCH, result["candidates"][:2]
