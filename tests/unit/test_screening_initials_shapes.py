"""Ways people form an organisation's initials that capitals typed alone are read as, each a possible match and never
a match: a word of the body's field left out ("Technology", "Research"), a country's name opening the name left out,
"of" or "and" giving a letter in five letters or more of any listed name, "Northwestern" giving N or NW, the usual
initials of a body that is no company in four letters, short forms in groups joined by hyphens, a short form in
capitals and small letters ("UlFU"); and the shapes that stay unraised: those spellings of a company's name in four
letters, any of them in three, a city opening a name (it stays in the initials), a group of three capitals, small
letters that are no word's opening.

The lists here are made up (screen_name() reads them instead of the shipped ones), so that each test shows the shape
alone: what the screen returns, the listed name, and the reason a person reads."""

from __future__ import annotations

import pytest

import assessments
from assessments.screening import screen_name
from assessments.screening.dataset import Record
from assessments.screening.normalize import shortened_initials
from assessments.screening.scripts import country_words
from tests.support.made_up_lists import use_made_up_lists

CONFIG = assessments.default_config()
LIST = "us_dod_1286"
ASK = "initials alone can stand for other organisations too: type the full name to check"

MADE_UP = [
    Record("r1", "Korvash Nalit Tezmi University of Technology", (), ("IR",), (LIST,), ""),
    Record("r2", "Drelton Nuclear Power Technology Research Institute Co., Ltd.", (), ("CN",), (LIST,), ""),
    Record("r3", "Iranian Ministry of Plorvan and Vesk", (), ("IR",), (LIST,), ""),
    Record("r4", "Zentrax Optics and Laser Manufacturing Co., Ltd.", (), ("CN",), (LIST,), ""),
    Record("r5", "Brask Velin Technology Research Institute Co., Ltd.", (), ("CN",), (LIST,), ""),
    Record("r6", "Tolvar Kessan University of Science and Technology", (), ("CN",), (LIST,), ""),
    Record("r7", "Gulvand Institute of Quarn Hydraulics", (), ("CN",), (LIST,), ""),
    Record("r8", "Japan Melk Orvin Sensor Company", (), ("JP",), (LIST,), ""),
    Record("r9", "Tremov Institute of Vortex Physics", ("TIVPH",), ("RU",), (LIST,), ""),
    Record("r10", "QDL Trading Company Limited", (), ("CN",), (LIST,), ""),
    # Two bodies and two companies with the same usual initials: initials that fit one name only are a possible
    # match of it by another way (index.Index._acronym_hits), any name's.
    Record("r11", "National Orbital Vessel Administration", (), ("KP",), (LIST,), ""),
    Record("r12", "Northern Ocean Vigilance Agency", (), ("KP",), (LIST,), ""),
    Record("r15", "Northwestern Kelbrin Polytechnical University", (), ("CN",), (LIST,), ""),
    Record("r16", "Ulvar Federal University", (), ("RU",), (LIST,), ""),
    Record("r17", "JSC KVK SDS UGLEM", (), ("RU",), (LIST,), ""),
    Record("r18", "Varnia Kelvor Center", (), ("KP",), (LIST,), ""),
    Record("r19", "Ministry of Ulvan Defence", (), ("KP",), (LIST,), ""),
    Record("r13", "Brask Velin Rotor Trading Co., Ltd.", (), ("CN",), (LIST,), ""),
    Record("r14", "Bolvar Vintec Relay Transport Company Limited", (), ("CN",), (LIST,), ""),
    # Four listed names whose initials with "Technology" left out are the same: too many to name.
    *[Record(f"w{n}", f"Wexl {town} Technology Research University", (), ("CN",), (LIST,), "")
      for n, town in enumerate(("Ulmar", "Ustrel", "Unvik", "Ubrast"))],
]


@pytest.fixture(autouse=True)
def made_up_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    use_made_up_lists(monkeypatch, MADE_UP, LIST)


def _raised(result: dict) -> list[str]:
    return [c["name"] for c in result["candidates"] if c["match"] or c["possible"]]


@pytest.mark.parametrize(("typed", "listed"), [
    # A school's name with "of Technology" left out: K. N. T. University.
    ("KNTU", "Korvash Nalit Tezmi University of Technology"),
    # Five letters: a company's name with "Technology" left out.
    ("DNPRI", "Drelton Nuclear Power Technology Research Institute Co., Ltd."),
    # A public body's name with the country's adjective that opens it left out, "of" giving its letter.
    ("MOPV", "Iranian Ministry of Plorvan and Vesk"),
    # Five letters: "and" giving its letter in a company's name (ZOLM and ZOLMC are its usual initials).
    ("ZOALM", "Zentrax Optics and Laser Manufacturing Co., Ltd."),
    # A compass point of two directions in one word giving both letters: North-Western.
    ("NWKPU", "Northwestern Kelbrin Polytechnical University"),
])
def test_initials_with_a_word_left_out_or_given_a_letter_are_a_possible_match(typed: str, listed: str) -> None:
    result = screen_name(typed, CONFIG)
    assert result["outcome"] == "possible_match"
    assert _raised(result) == [listed]
    best = result["candidates"][0]
    assert not best["match"]
    assert best["possible_reason"] == f"\u201c{typed}\u201d can be the initials of this listed name; {ASK}"
    assert result["summary"].startswith(f"Possible match: {listed} (")


@pytest.mark.parametrize("typed", [
    "BVRI",  # a company's name with "Technology" left out, in four letters: companies' initials collide
    "TKU",  # a school's name with "of Science and Technology" left out, in three letters
    "MOP",  # the public body's name without its country, in three letters
    "MOSC",  # a company's name without the country that opens it, in four letters
    "BVRT",  # two companies' usual initials in four letters
    "QHGI",  # no such spelling: Gulvand Institute of Quarn Hydraulics is GIQH or GIOQH
    "WURU",  # four listed names fit it ("Wexl ... Technology Research University" with "Technology" left out)
])
def test_initials_that_stay_unraised(typed: str) -> None:
    result = screen_name(typed, CONFIG)
    assert result["outcome"] == "none", _raised(result)
    assert _raised(result) == []


def test_three_letters_that_are_the_usual_initials_of_a_research_centre_name_it() -> None:
    result = screen_name("VKC", CONFIG)
    assert _raised(result) == ["Varnia Kelvor Center"]
    reason = result["candidates"][0]["possible_reason"]
    assert reason == f"\u201cVKC\u201d can be the initials of this listed name; {ASK}"
    # A ministry's three initials are every country's: not raised.
    assert _raised(screen_name("MUD", CONFIG)) == []


def test_four_letters_that_are_the_usual_initials_of_bodies_that_are_no_companies_name_them() -> None:
    result = screen_name("NOVA", CONFIG)
    assert result["outcome"] == "possible_match"
    assert sorted(_raised(result)) == ["National Orbital Vessel Administration", "Northern Ocean Vigilance Agency"]
    assert result["candidates"][0]["possible_reason"] == (
        "\u201cNOVA\u201d can be the initials of 2 listed names (National Orbital Vessel Administration; Northern "
        "Ocean Vigilance Agency): initials alone cannot tell which organisation you mean; type the full name to check")


def test_a_short_form_in_capitals_and_small_letters_opens_the_words_of_the_name() -> None:
    # "UlFU": Ul(var) F(ederal) U(niversity).
    result = screen_name("UlFU", CONFIG)
    assert result["outcome"] == "possible_match"
    assert _raised(result) == ["Ulvar Federal University"]
    reason = result["candidates"][0]["possible_reason"]
    assert reason == f"\u201cUlFU\u201d can be the initials of this listed name; {ASK}"
    # The small letters must open the word: "UxFU" is no Ulvar Federal University.
    assert screen_name("UxFU", CONFIG)["outcome"] == "none"
    # A word of three letters is written whole, not cut: "KvSU" is not "KVK SDS UGLEM" (K, S, U are its initials).
    assert screen_name("KvSU", CONFIG)["outcome"] == "none"


def test_initials_typed_in_lower_case_are_a_word_not_initials() -> None:
    assert screen_name("kntu", CONFIG)["outcome"] == "none"


def test_the_initials_of_a_school_with_the_word_left_out_in_five_letters_or_more() -> None:
    # "of" and "Technology" giving their letters; five letters of a school's loose initials count, as before.
    result = screen_name("KNTUOT", CONFIG)
    assert result["outcome"] == "possible_match"
    assert _raised(result) == ["Korvash Nalit Tezmi University of Technology"]


def test_shortened_initials_leave_out_a_countrys_name_not_a_citys() -> None:
    is_country = country_words().__contains__
    found = shortened_initials("Iranian Ministry of Plorvan and Vesk", is_country)
    assert {"mopv", "mpv", "mopav"} <= found
    assert "imopv" not in found  # (with the country: the name's loose initials, not a shortening)
    # A city opening the name stays in its initials, and a name with neither kind of word has none.
    assert shortened_initials("Gulvand Institute of Quarn Hydraulics", is_country) == frozenset()
    assert shortened_initials("Beijing Institute of Rolvak Optics", is_country) == frozenset()
    # A field's word gives a letter or none; the other words always give theirs.
    found = shortened_initials("Korvash Nalit Tezmi University of Technology", is_country)
    assert {"kntu", "kntut", "kntuot"} <= found
    assert not {"ntu", "ktu", "kntou"} & found
    # A name of two words: none.
    assert shortened_initials("Plorvan Technology", is_country) == frozenset()


def test_short_forms_in_groups_joined_by_hyphens_are_read_one_by_one() -> None:
    # "XRFC-TIVPH": a centre's short form and its institute's; the institute's is a listed short form.
    result = screen_name("XRFC-TIVPH", CONFIG)
    assert result["outcome"] == "possible_match"
    assert _raised(result) == ["Tremov Institute of Vortex Physics"]
    assert result["candidates"][0]["possible_reason"] == "found in one part of what you typed: \u201cTIVPH\u201d"
    # A group of three capitals is no part of its own: the listed company's short name, "QDL", is not raised.
    assert screen_name("GRMH-QDL", CONFIG)["outcome"] == "none"
    # One group of four letters or more among shorter ones is not read alone either: it would be the whole of what
    # was typed, as if the listed short form had been typed alone.
    assert screen_name("GXH-FAH-TIVPH", CONFIG)["outcome"] == "none"
