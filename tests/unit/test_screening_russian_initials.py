"""Capitals typed alone that are the initials of a listed Russian or Belarusian body's RUSSIAN name, as Russian forms
them (a letter per part of a hyphenated word, none for a preposition or conjunction, a quoted name, the honorific or
the status and legal words), in Cyrillic or in the romanisations the lists and papers use ("ЦНИИХМ", "TsNIIKhM",
"CNIIHM"): a possible match that quotes the Russian name, never a match; and what stays unraised (three Latin
capitals, a company of limited liability, a name that names no institute, bureau, plant or the like).

The lists here are made up (screen_name() reads them instead of the shipped ones), so that each test shows the shape
alone: what the screen returns, the listed name, and the reason a person reads."""
# ruff: noqa: RUF001, RUF003

from __future__ import annotations

import pytest

import assessments
from assessments.screening import screen_name
from assessments.screening.dataset import Record
from assessments.screening.index import Index
from assessments.screening.russian_initials import russian_initials
from tests.support.made_up_lists import possible, use_made_up_lists

CONFIG = assessments.default_config()
LIST = "us_bis_entity_list"
ASK = "initials alone can stand for other organisations too: type the full name to check"

CYRILLIC_NAME = ("Федеральное государственное унитарное предприятие «Центральный научно-исследовательский институт "
                 "хрустики и мерваники»")
ROMAN_NAME = ("AKTSIONERNOE OBSHCHESTVO TSENTRALNYI NAUCHNO-ISSLEDOVATELSKII INSTITUT KHIMICHESKOI ZELVANIKI IMENI "
              "V.V. TORKINA")

MADE_UP = [
    Record("r1", "Federal State Unitary Enterprise Central Research Institute of Khrustics and Mervanics",
           (CYRILLIC_NAME,), ("RU",), (LIST,), ""),
    Record("r2", "Torkin Research Institute of Instrument Zelvanics, JSC", (ROMAN_NAME,), ("RU",), (LIST,), ""),
    Record("r3", "Joint Stock Company Design Bureau of Yuzhnaya Trolvika",
           ("AO Konstruktorskoe Byuro Yuzhnoi Trolviki",), ("RU",), (LIST,), ""),
    Record("r4", "Limited Liability Company Shchedrin Korvel Trading",
           ("OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU SHCHEDRINSKAYA KORVELNAYA TORGOVLYA",), ("RU",), (LIST,), ""),
    Record("r5", "Brovkin Morel Pelagia Fund", ("FOND BROVKINSKAYA MORELNAYA PELAGIYA",), ("RU",), (LIST,), ""),
    Record("r6", "Minsk Wheel Drovel Plant", ("OTKRYTOE AKTSIONERNOE OBSHCHESTVO MINSKII ZAVOD KOLESNYKH DROVELEI",),
           ("BY",), (LIST,), ""),
    Record("r7", "Torvalics Institute of Kirsk", ("Кирский институт торвалики",), ("RU",), (LIST,), ""),
    Record("r8", "Nelvar Production Association", ("NELVAR PROIZVODSTVENNOE OB'EDINENIE",), ("RU",), (LIST,), ""),
]


@pytest.fixture(autouse=True)
def made_up_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    use_made_up_lists(monkeypatch, MADE_UP, LIST)


def _raised(result: dict) -> list[str]:
    return [c["name"] for c in result["candidates"] if c["match"] or c["possible"]]


@pytest.mark.parametrize(("name", "initials"), [
    # A letter per part of a hyphenated word, none for "и", none for the status words before the quoted name (the
    # whole name), Ц and Х in both romanisations.
    (CYRILLIC_NAME, {"tsniikhm", "cniikhm", "tsniihm", "cniihm"}),
    # Romanised, in capitals throughout: the legal form before it and the honorific after it give no letter.
    (ROMAN_NAME, {"tsniikhz", "cniikhz", "tsniihz", "cniihz"}),
    # A legal form closing the name gives no letter; a preposition gives none.
    ("Konstruktorskoe Byuro Priborov dlya Zelvaniki Otkrytoe Aktsionernoe Obshchestvo", {"kbpz"}),
    # A proper name in quotes gives none; a word in capitals is an abbreviation kept whole.
    ("ЦКБ МТ «Рубин»", {"tskbmt", "ckbmt"}),
    ("Институт ядерной физики им. Г.И. Будкера СО РАН", {"iyaf", "iiaf"}),
    # A proper name after the body's kind, written without quotes: the initials with and without it (of four words
    # at least without it); a name quoted inside the quoted whole name gives no letter.
    ("JSC TSENTRALNOYE MORSKOYE KONSTRUKTORSKOYE BYURO ZELVAR", {"tsmkb", "cmkb", "tsmkbz", "cmkbz"}),
    ("AO TSENTRALNOYE KONSTRUKTORSKOYE BYURO ZELVAR", {"tskbz", "ckbz"}),
    ("ФГУП «Федеральный центр двойных технологий „Зелвар“»", {"ftsdt", "fcdt"}),
    # "Государственный" may give "Гос", "машиностроения" "маш".
    ("Государственный научно-исследовательский институт машиностроения",
     {"gniim", "gosniim", "gniimash", "gosniimash"}),
    # Ю, Я, Ж, Ш, Ч opening words, in Latin letters as in Cyrillic.
    ("Yuzhnoe Yadernoe Zhelezno-Shakhtnoe Ob'edinenie", {"yuyazhsho", "iuyazhsho", "yuiazhsho", "iuiazhsho"}),
])
def test_the_initials_of_a_russian_name_as_russian_forms_them(name: str, initials: set[str]) -> None:
    assert russian_initials(name) == initials


@pytest.mark.parametrize("name", [
    # a company of limited liability
    "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU SHCHEDRINSKAYA KORVELNAYA TORGOVLYA",
    "FOND BROVKINSKAYA MORELNAYA PELAGIYA",  # no institute, bureau, plant or the like
    "Институт",  # one word
    "АО «Опытное конструкторское бюро „Зелвар“»",  # only the kind of body once the quoted name is left out: ОКБ
])
def test_no_initials_for_a_company_of_limited_liability_another_kind_of_body_or_one_word(name: str) -> None:
    assert russian_initials(name) == frozenset()


@pytest.mark.parametrize("typed", ["ЦНИИХМ", "TsNIIKhM", "CNIIHM", "TSNIIKHM"])
def test_initials_of_the_russian_name_typed_in_cyrillic_or_either_romanisation_are_a_possible_match(typed: str) -> None:
    result = screen_name(typed, CONFIG)
    best = possible(result)
    assert _raised(result) == ["Federal State Unitary Enterprise Central Research Institute of Khrustics and Mervanics"]
    assert best["possible_reason"] == (f"\u201c{typed}\u201d can be the initials of this listed name as Russian writes "
                                       f"it, \u201c{CYRILLIC_NAME}\u201d; {ASK}")


def test_initials_of_a_romanised_russian_name_are_a_possible_match() -> None:
    result = screen_name("TsNIIKhZ", CONFIG)
    best = possible(result)
    assert best["name"] == "Torkin Research Institute of Instrument Zelvanics, JSC"
    assert f"\u201c{ROMAN_NAME}\u201d" in best["possible_reason"]
    # A design bureau's initials with Ю written either way.
    assert _raised(screen_name("KBYuT", CONFIG)) == ["Joint Stock Company Design Bureau of Yuzhnaya Trolvika"]
    assert _raised(screen_name("KBIUT", CONFIG)) == ["Joint Stock Company Design Bureau of Yuzhnaya Trolvika"]
    # A Belarusian plant's initials.
    assert _raised(screen_name("MZKD", CONFIG)) == ["Minsk Wheel Drovel Plant"]


def test_three_capitals_count_in_cyrillic_only() -> None:
    # КИТ: the initials of "Кирский институт торвалики" in Cyrillic; "KIT" in Latin letters is too many other bodies'.
    assert _raised(screen_name("КИТ", CONFIG)) == ["Torvalics Institute of Kirsk"]
    assert screen_name("KIT", CONFIG)["outcome"] == "none"


@pytest.mark.parametrize("typed", [
    "OOSHKT", "SHKT",  # a company of limited liability
    "BMP",  # a fund: no kind of body whose initials papers write
    "tsniikhm",  # small letters: a word, not initials
])
def test_what_stays_unraised(typed: str) -> None:
    assert screen_name(typed, CONFIG)["outcome"] == "none"


def test_initials_that_abbreviate_a_kind_of_body_name_no_one_body() -> None:
    # "Nelvar Proizvodstvennoe Ob'edinenie" gives НПО, the abbreviation of any research and production association:
    # typed alone, it names none of them (nor does ОКБ, НИИ ...).
    index = Index(MADE_UP)
    assert "npo" in russian_initials("NELVAR PROIZVODSTVENNOE OB'EDINENIE")
    assert index.russian_initials_fit("НПО") == {}
    assert index.russian_initials_fit("NPO") == {}
    assert set(index.russian_initials_fit("ЦНИИХМ")) == {0}
