"""A Russian body's name shortened to the surname of the person it is named after and its kind of body, as papers and
the press write it ("Tikhomirov Institute" for the listed "V. Tikhomirov Scientific Research Institute of Instrument
Design", "Tupolev University", "Kazan University imeni Tupoleva"): a possible match that names the person, when the
typed kind of body is the listed one's, every typed word is in a listed name of the body, the surname is no place, and
few listed bodies are named after that person.

The lists here are made up (screen_name() reads them instead of the shipped ones), so that each test shows the shape
alone."""

from __future__ import annotations

import pytest

import assessments
from assessments.screening import screen_name
from assessments.screening.dataset import Record
from tests.support.made_up_lists import possible, use_made_up_lists

CONFIG = assessments.default_config()
LIST = "us_bis_entity_list"
INSTITUTE = "JSC V. Vorkunov Scientific Research Institute of Instrument Design"
BUREAU = "Joint Stock Company Precision Engineering Design Bureau named after A.E. Dresselman"
UNIVERSITY = "Kazan National Research Technical University named after A.N. Tarpolev"
RADIO = "Radio Technical Institute named after A.L. Mirtsev"
MARINE = "A.V. Sholmunskiy Center of Marine Biology"
MATHEMATICS = "Veldrysh Institute of Applied Mathematics"
PLANTS_BUREAU = "Technical Design Bureau of the Lysva Plant named after P.I. Gorbenko"  # (a bureau, not a plant)
# One person many listed bodies are named after: their surname with a kind of body says none of them.
MANY = [f"{city} Scientific Research Institute of {field} named after S.M. Ordynkov" for city, field in (
    ("Sverdlovsk", "Machines"), ("Perm", "Gunpowder"), ("Tula", "Cartridges"), ("Izhevsk", "Radio"),
    ("Omsk", "Tractors"))]
PLACE = "Precision Machine Building Plant named after S.M. Kirov"  # (a surname that is a city's name)

MADE_UP = [
    Record("s1", INSTITUTE, ("Vorkunov Scientific Research Institute of Instrument Design, JSC",), ("RU",), (LIST,),
           ""),
    Record("s2", BUREAU, ("AO KB Tochpribor im. A.E. Dresselmana",), ("RU",), (LIST,), ""),
    Record("s3", UNIVERSITY, ("Kazan State Technical University named after A. N. Tarpolev",), ("RU",), (LIST,), ""),
    Record("s4", RADIO, ("RTI imeni Academician A.L. Mirtsev",), ("RU",), (LIST,), ""),
    Record("s5", PLANTS_BUREAU, (), ("RU",), (LIST,), ""),
    Record("s6", MARINE, (), ("RU",), (LIST,), ""),
    Record("s7", MATHEMATICS, ("Federalny Issledovatelski Tsentr Institut Prikladnoi Matematiki I.M. Veldrysha",),
           ("RU",), (LIST,), ""),
    *(Record(f"m{i}", name, (), ("RU",), (LIST,), "") for i, name in enumerate(MANY)),
    Record("p1", PLACE, (), ("RU",), (LIST,), ""),
    # (Other listed names, so that the words above are as rare as a person's on the lists.)
    *(Record(f"o{i}", f"{word} {kind}", (), ("RU",), (LIST,), "") for i, (word, kind) in enumerate(
        (w, k) for w in ("Amber", "Birch", "Cedar", "Dune", "Ember", "Fjord", "Glade", "Heath")
        for k in ("Trading Company", "Logistics LLC", "Shipping Group", "Holding JSC"))),
]


@pytest.fixture(autouse=True)
def made_up_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    use_made_up_lists(monkeypatch, MADE_UP, LIST)


def _flagged(name: str) -> set[str]:
    return {c["name"] for c in screen_name(name, CONFIG)["candidates"] if c["match"] or c["possible"]}


@pytest.mark.parametrize(("typed", "listed", "person", "kind"), [
    ("Vorkunov Institute", INSTITUTE, "vorkunov", "institute"),
    ("Vorkunov Research Institute", INSTITUTE, "vorkunov", "institute"),
    ("Institute named after Vorkunov", INSTITUTE, "vorkunov", "institute"),
    ("Dresselman Design Bureau", BUREAU, "dresselman", "bureau"),
    ("Design Bureau imeni Dresselmana", BUREAU, "dresselman", "bureau"),
    ("Tarpolev University", UNIVERSITY, "tarpolev", "university"),
    ("Tarpolev Kazan University", UNIVERSITY, "tarpolev", "university"),
    ("Kazan University im. Tarpoleva", UNIVERSITY, "tarpolev", "university"),
    # (The name compared first, "RTI ...", has no kind of body: the body's other listed name has.)
    ("Mirtsev Institute", RADIO, "mirtsev", "institute"),
    ("Gorbenko Design Bureau", PLANTS_BUREAU, "gorbenko", "bureau"),
    # The surname in another romanisation than the list's ("-sky" for "-skiy"), the listed spelling in the reason.
    ("Sholmunsky Center", MARINE, "sholmunskiy", "center"),
    # The kind of body as its Russian initials, in Latin letters or in Cyrillic: "KB", a design bureau.
    ("KB imeni Dresselmana", BUREAU, "dresselman", "bureau"),
    ("\u041a\u0411 \u0438\u043c\u0435\u043d\u0438 "  # KB imeni Dresselmana in Cyrillic
     "\u0414\u0440\u0435\u0441\u0441\u0435\u043b\u044c\u043c\u0430\u043d\u0430", BUREAU, "dresselman", "bureau"),
])
def test_the_surname_with_the_kind_of_body_is_a_possible_match(typed: str, listed: str, person: str,
                                                                kind: str) -> None:
    best = possible(screen_name(typed, CONFIG))
    assert best["name"] == listed
    assert best["possible_reason"].startswith(
        f"the surname of the person the listed name is named after ({person}) with its kind of body ({kind})"), best


@pytest.mark.parametrize(("typed", "listed"), [
    ("Mirtsev University", RADIO),  # another kind of body than the listed one
    ("Tarpolev Institute", UNIVERSITY),
    ("Gorbenko Plant", PLANTS_BUREAU),  # the listed body is the plant's bureau
    ("Tarpolev Aviation University", UNIVERSITY),  # a typed word the listed name lacks
    # A listed "Federal Research Center" that is an institute, its person's surname spelled otherwise: another body.
    ("Veldrysh Research Center", MATHEMATICS),
    ("Kazan Zavod imeni Tarpoleva", UNIVERSITY),  # "zavod": a plant, not the listed university
    ("Lysva Zavod imeni Gorbenko", PLANTS_BUREAU),
    ("Kazan University", UNIVERSITY),  # no person: another body of that city
    ("Ordynkov Institute", MANY[0]),  # a person five listed bodies are named after
    ("Kirov Plant", PLACE),  # a surname that is a place's name
])
def test_not_the_listed_body(typed: str, listed: str) -> None:
    assert listed not in _flagged(typed)
