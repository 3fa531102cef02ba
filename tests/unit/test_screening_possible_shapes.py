"""Shapes of a name that make a possible match, never a match: a listed school with another kind of school (and a
status word) in its name, the opening words of a listed name up to its kind, the listed name with words cut short, a
listed company's name without the city it opens with, its own word or its short name in capitals typed alone, the
short form a listed name gives itself typed alone, a listed institute's name without the person it is named after,
a unit's initials without its group's short form, and a Korean name after North Korea's name.

The lists here are made up (screen_name() reads them instead of the shipped ones), so that each test shows the shape
alone: what the screen returns, the listed name, and the words of the reason a person reads."""

from __future__ import annotations

import pytest

import assessments
from assessments.screening import screen_name
from assessments.screening.dataset import Record
from tests.support.made_up_lists import possible, use_made_up_lists

CONFIG = assessments.default_config()
MATCH = ("high", "prohibited")
LIST = "us_dod_1286"

MADE_UP = [
    Record("r1", "Velmora Mining University", (), ("RU",), (LIST,), ""),
    Record("r2", "Drovnik Institute of Cryogenic Materials", (), ("RU",), (LIST,), ""),
    Record("r3", "Changchun University of Cryogenic Engineering", (), ("CN",), (LIST,), ""),
    Record("r4", "Shenzhen Vantrel Robotics Co., Ltd.", (), ("CN",), (LIST,), ""),
    Record("r5", "Quorlix Zentara Technology", (), ("CN",), (LIST,), ""),
    Record("r6", "Tessaly Orbweaver", (), ("RU",), (LIST,), ""),  # a person's name, as the lists give some
    Record("r7", "Ganada Bureau", ("\uac00\ub098\ub2e4\uad6d",), ("KP",), (LIST,), ""),  # 가나다국
    Record("r8", "Parvel Institute of Technology", (), ("CN",), (LIST,), ""),
    Record("r9", "Tarnow University of Hydroacoustics and Cryophysics", (), ("CN",), (LIST,), ""),
    Record("r10", "Shenzhen QXT Science & Technology Co., Ltd.", (), ("CN",), (LIST,), ""),
    Record("r11", "ZRV Brellix Quantum Co., Ltd.", (), ("CN",), (LIST,), ""),
    Record("r12", "KLM TRADING COMPANY LIMITED", (), ("CN",), (LIST,), ""),
    Record("r13", "Zorvan Institute of Cryogenic Hydraulics", ("I. I. Zorvan Institute of Cryogenic Hydraulics",),
           ("RU",), (LIST,), ""),
    Record("r14", "Kessel Institute of Plasma Acoustics", (), ("RU",), (LIST,), ""),
    Record("r15", "Institute for Ferrite Optics Problems, FEROP, Russian Academy of Sciences", (), ("RU",), (LIST,),
           ""),
    Record("r16", "Ferop Gruvel Holdings", (), ("CN",), (LIST,), ""),
    Record("r17", "ZOLT Pembrook Turbine Design Institute", (), ("CN",), (LIST,), ""),
    Record("r18", "KRAV VELDT ORBIT SENSOR INSTITUTE", (), ("CN",), (LIST,), ""),
    Record("r22", "Hebei Kelvrin Electronics", (), ("CN",), (LIST,), ""),
    Record("r23", "Zantrix Rail Corporation Limited", ("QRT Corporation Limited",), ("CN",), (LIST,), ""),
    Record("r19", "Wuxan Quelvin Semiconductor Manufacturing Company Limited", ("QXM",), ("CN",), (LIST,), ""),
    Record("r20", "Tarvek Academy of Sciences", (), ("CN",), (LIST,), ""),
    Record("r24", "Parvel Military Academy of Engineering", (), ("CN",), (LIST,), ""),
    Record("r25", "Ministry of Velkan Drone Industry", (), ("KP",), (LIST,), ""),
    Record("r21", "Tarvek Academy of Sciences, Institute of Orbital Optics", ("TAS",), ("CN",), (LIST,), ""),
    # Parvel as a word many listed names share (a city's, a province's): more entries than a name of its own has.
    *[Record(f"p{n}", f"Parvel Trading Company {n}", (), ("CN",), (LIST,), "") for n in range(14)],
    # "Military" as the lists have it: a word of many names, no name of its own.
    *[Record(f"m{n}", f"Military Unit {n} of the Velmoran Army", (), ("RU",), (LIST,), "") for n in range(14)],
]


@pytest.fixture(autouse=True)
def made_up_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    use_made_up_lists(monkeypatch, MADE_UP, LIST)


def test_a_school_with_another_kind_and_a_status_word_is_a_possible_match_naming_both() -> None:
    best = possible(screen_name("Velmora State Mining Institute", CONFIG))
    assert best["name"] == "Velmora Mining University"
    assert best["possible_reason"] == ("the listed name with another kind of institution: you typed state, institute, "
                                       "the list has university (a former name of the listed body, or another one)")


def test_another_kind_of_school_alone_keeps_its_shorter_reason() -> None:
    best = possible(screen_name("Velmora Mining Institute", CONFIG))
    assert best["possible_reason"].startswith(
        "the listed name with another kind of institution: you typed institute, the list has university")


def test_another_kind_of_school_is_no_possible_match_when_only_a_shared_word_and_general_words_are_left() -> None:
    # Parvel is in many listed names and "Technology" is a general word: another school, not a former name.
    result = screen_name("Parvel University of Technology", CONFIG)
    assert result["outcome"] == "none", result["candidates"][:2]
    assert result["candidates"][0]["name"] == "Parvel Institute of Technology"


@pytest.mark.parametrize("typed", ["North Korean Ministry of Velkan Drone Industry",
                                   "DPRK Ministry of Velkan Drone Industry",
                                   "North Korea's Ministry of Velkan Drone Industry"])
def test_the_country_before_a_listed_bodys_name_is_a_possible_match(typed: str) -> None:
    best = possible(screen_name(typed, CONFIG))
    assert best["name"] == "Ministry of Velkan Drone Industry"
    words = typed.split(" Ministry", maxsplit=1)[0]
    assert best["possible_reason"] == (f"the listed name after \u201c{words}\u201d, the country the list leaves out: "
                                       "\u201cMinistry of Velkan Drone Industry\u201d")


def test_another_country_before_a_listed_bodys_name_is_not_that_body() -> None:
    result = screen_name("Iranian Ministry of Velkan Drone Industry", CONFIG)
    assert not any(c["possible_reason"].startswith("the listed name after") for c in result["candidates"])


def test_an_armed_services_school_with_another_kind_is_a_possible_match() -> None:
    # "Military" says which school as a field does: a shared place and general words are no longer all that is left.
    for typed in ("Parvel Military Engineering Institute", "PLA Parvel Military Engineering Institute"):
        best = possible(screen_name(typed, CONFIG))
        assert best["name"] == "Parvel Military Academy of Engineering"
        assert best["possible_reason"].startswith(
            "the listed name with another kind of institution: you typed "), best["possible_reason"]
        assert best["possible_reason"].endswith("institute, the list has academy (a former name of the listed body, "
                                                "or another one)")


def test_the_opening_words_of_a_listed_name_up_to_its_kind_are_a_possible_match() -> None:
    best = possible(screen_name("Drovnik Institute", CONFIG))
    assert best["name"] == "Drovnik Institute of Cryogenic Materials"
    assert best["possible_reason"] == ("the opening words of the listed name, as a short form: you typed drovnik, "
                                       "institute; the list goes on: cryogenic, materials")


def test_a_place_and_a_kind_that_open_a_listed_name_are_no_possible_match() -> None:
    # Changchun University is another body than the listed Changchun University of Cryogenic Engineering.
    result = screen_name("Changchun University", CONFIG)
    assert result["outcome"] == "none", result["candidates"][:2]


def test_a_listed_company_without_the_city_it_opens_with_is_a_possible_match_naming_the_city() -> None:
    best = possible(screen_name("Vantrel Robotics", CONFIG))
    assert best["name"] == "Shenzhen Vantrel Robotics Co., Ltd."
    assert best["possible_reason"] == ("the listed company's name without the place it opens with: you typed vantrel, "
                                       "robotics; the list has also shenzhen (\u201cShenzhen Vantrel Robotics Co., "
                                       "Ltd.\u201d)")
    # With the city it is the listed name itself: a match.
    assert screen_name("Shenzhen Vantrel Robotics", CONFIG)["outcome"] in MATCH


def test_a_company_name_without_its_legal_form_gives_its_own_word_as_a_brand() -> None:
    best = possible(screen_name("Quorlix", CONFIG))
    assert best["name"] == "Quorlix Zentara Technology"
    assert best["possible_reason"] == "the listed company's own word, typed alone as its brand: quorlix"


def test_a_word_of_a_listed_persons_name_typed_alone_is_no_brand() -> None:
    result = screen_name("Orbweaver", CONFIG)
    assert result["outcome"] == "none", result["candidates"][:2]


def test_a_korean_name_after_north_koreas_name_is_a_possible_match_of_the_listed_korean_name() -> None:
    listed = "\uac00\ub098\ub2e4\uad6d"  # 가나다국, the made-up body's Korean name
    assert screen_name(listed, CONFIG)["outcome"] in MATCH
    best = possible(screen_name("\ubd81\ud55c " + listed, CONFIG))  # 북한 (North Korea) before it
    assert best["name"] == "Ganada Bureau"
    assert best["possible_reason"] == f"the Korean name without North Korea's name before it, \u201c{listed}\u201d"
    # Another first word (남쪽, "the south") is no country's name: no reason says a country's name was left out.
    other = screen_name("\ub0a8\ucabd " + listed, CONFIG)
    assert not any("North Korea" in c["possible_reason"] for c in other["candidates"]), other["candidates"][:2]


def test_the_listed_name_with_words_cut_short_is_a_possible_match_naming_each_word() -> None:
    best = possible(screen_name("Tarnow Hydro-Cryo University", CONFIG))
    assert best["name"] == "Tarnow University of Hydroacoustics and Cryophysics"
    assert best["possible_reason"] == ("the listed name with words cut short: you typed hydro for hydroacoustics, cryo "
                                       "for cryophysics")


@pytest.mark.parametrize("name", [
    "Tarnow Hyd University",  # three letters begin too many words
    "Tarnow Hydro-Cryo Opera University",  # a word more that opens no listed word
])
def test_words_that_are_not_all_cut_from_listed_words_are_not_read_as_cut_short(name: str) -> None:
    result = screen_name(name, CONFIG)
    assert not any("cut short" in c["possible_reason"] for c in result["candidates"]), result["candidates"][:2]


def test_a_listed_companys_short_name_in_capitals_typed_alone_is_a_possible_match() -> None:
    best = possible(screen_name("QXT", CONFIG))
    assert best["name"] == "Shenzhen QXT Science & Technology Co., Ltd."
    assert best["possible_reason"] == "the listed company's own short name, written in capitals in its name: QXT"


@pytest.mark.parametrize("typed", [
    "ZRV",  # the listed name has a word of its own after the capitals: they may be another body's
    "KLM",  # a name written all in capitals: every word is
])
def test_capitals_in_a_listed_name_are_not_always_its_short_name(typed: str) -> None:
    result = screen_name(typed, CONFIG)
    assert not any("short name, written in capitals" in c["possible_reason"] for c in result["candidates"]), \
        result["candidates"][:2]


@pytest.mark.parametrize(("typed", "also"), [
    ("Institute of Cryogenic Hydraulics", ""),
    ("Institute of Cryogenic Hydraulics of the Russian Academy of Sciences", "; you typed also ras"),
    # The USSR's Academy, which the Russian Academy succeeded, reads as it does.
    ("Institute of Cryogenic Hydraulics of the USSR Academy of Sciences", "; you typed also ras"),
])
def test_a_listed_institute_without_the_person_it_is_named_after_is_a_possible_match(typed: str, also: str) -> None:
    best = possible(screen_name(typed, CONFIG))
    assert best["name"] == "Zorvan Institute of Cryogenic Hydraulics"
    assert best["possible_reason"] == ("the listed name without the person it is named after (zorvan): the same words "
                                       "may name another body" + also)


@pytest.mark.parametrize("typed", [
    "Institute of Hydraulics",  # a word of the listed name's own left out too
    "Institute of Plasma Acoustics",  # Kessel is a word of the name, not a person the list says it is named after
])
def test_a_name_short_of_more_than_the_person_is_not_read_as_the_person_left_out(typed: str) -> None:
    result = screen_name(typed, CONFIG)
    assert not any("named after" in c["possible_reason"] for c in result["candidates"]), result["candidates"][:2]


def test_the_short_form_a_listed_name_gives_itself_typed_alone_is_a_possible_match() -> None:
    result = screen_name("FEROP", CONFIG)
    best = possible(result)
    assert best["name"] == "Institute for Ferrite Optics Problems, FEROP, Russian Academy of Sciences"
    assert best["possible_reason"] == "the short form the listed name gives itself, written apart in it: FEROP"
    # The same letters as a word of another name, not written apart there: not that name's short form.
    other = next(c for c in result["candidates"] if c["name"] == "Ferop Gruvel Holdings")
    assert not other["possible"] and not other["match"]


def test_a_units_initials_without_the_short_form_of_its_group_are_a_possible_match() -> None:
    best = possible(screen_name("PTDI", CONFIG))
    assert best["name"] == "ZOLT Pembrook Turbine Design Institute"
    assert best["possible_reason"].startswith("the initials of the listed name; initials alone can stand for other")


def test_in_a_name_written_all_in_capitals_the_first_word_is_no_groups_short_form() -> None:
    result = screen_name("VOSI", CONFIG)
    assert result["outcome"] == "none", result["candidates"][:2]


def test_a_latin_short_form_only_one_entry_carries_typed_as_written_is_a_possible_match() -> None:
    best = possible(screen_name("QXM", CONFIG))
    assert best["name"] == "Wuxan Quelvin Semiconductor Manufacturing Company Limited"
    assert best["possible_reason"].startswith("a short form only this entry carries, typed as it is written")
    # In small letters it is a word, not the short form.
    assert screen_name("qxm", CONFIG)["outcome"] == "none"


def test_a_parents_initials_that_a_unit_carries_are_no_short_form_of_the_unit() -> None:
    result = screen_name("TAS", CONFIG)
    unit = next(c for c in result["candidates"] if c["name"].endswith("Orbital Optics"))
    assert not unit["possible"] and not unit["match"], unit


def test_a_listed_company_with_no_legal_form_without_its_place_is_a_possible_match() -> None:
    # The list writes "Hebei Kelvrin Electronics", no "Co., Ltd.": the words of a trade close a company's name too.
    best = possible(screen_name("Kelvrin Electronics", CONFIG))
    assert best["name"] == "Hebei Kelvrin Electronics"
    assert best["possible_reason"].startswith("the listed company's name without the place it opens with")


def test_a_listed_name_typed_exactly_whose_own_word_is_short_is_a_possible_match() -> None:
    # "QRT Corporation Limited" is QRT once the legal form is set aside: too short for a match, not for nothing.
    best = possible(screen_name("QRT Corporation Limited", CONFIG))
    assert best["name"] == "Zantrix Rail Corporation Limited"
    assert best["possible_reason"].startswith("the listed name exactly as it is written; its own word (qrt) is short")
    assert screen_name("QRT Corp", CONFIG)["outcome"] == "none"
