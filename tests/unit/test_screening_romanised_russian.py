"""Russian names in Latin letters, as the lists and papers write them in several romanisations ("Moskovskoye
Nauchno-Proizvodstvennoye Obyedineniye", "Moskovskoe nauchno-proizvodstvennoe obedinenie"): the same words however
romanised, and pinyin words, whose letters each stand for a sound of their own, left as written.

The lists here are made up (screen_name() reads them instead of the shipped ones), so that each test shows the shape
alone: what the screen returns and the listed name."""

from __future__ import annotations

import pytest

import assessments
from assessments.screening import screen_name
from assessments.screening.dataset import Record
from assessments.screening.index import romanised_russian_in_english
from assessments.screening.normalize import romanised_key
from tests.support.made_up_lists import possible, use_made_up_lists

CONFIG = assessments.default_config()
MATCH = ("high", "prohibited")
LIST = "us_bis_entity_list"

MADE_UP = [
    Record("r1", "Open Joint Stock Company Vetluga Engine Association",
           ("Vetluzhskoye Nauchno-Proizvodstvennoye Obyedineniye Kordon",), ("RU",), (LIST,), ""),
    Record("r2", "Joint Stock Company Central Research Institute Verkhnyaya Sosna",
           ("AO Tsentralnyy Nauchno-Issledovatelskiy Institut Verkhnyaya Sosna",), ("RU",), (LIST,), ""),
    Record("c1", "Liyang Brightline Equipment Co., Ltd.", (), ("CN",), (LIST,), ""),
    Record("k1", "Joint Stock Company Design Bureau of Tundra Systems",
           ("AO Konstruktorskoe Byuro Tundrovykh Sistem",), ("RU",), (LIST,), ""),
    Record("k2", "Ozerskoe Nauchno-Proizvodstvennoe Predpriyatie Lastochka", (), ("RU",), (LIST,), ""),
    Record("k3", "Marlin Savings Bank", (), ("KR",), (LIST,), ""),
    Record("e1", "Joint Stock Company All-Russian Research Institute Kestrel", (), ("RU",), (LIST,), ""),
    Record("e2", "Central Design Bureau Pelikan", (), ("RU",), (LIST,), ""),
    Record("e3", "State Aviation Plant Sokol-Berkut", (), ("RU",), (LIST,), ""),
]


@pytest.fixture(autouse=True)
def made_up_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    use_made_up_lists(monkeypatch, MADE_UP, LIST)


@pytest.mark.parametrize(("one", "other"), [
    ("vserossiyskiy", "vserossiiskii"), ("vserossijskij", "vserossiski"),  # -iy, -ii, -ij, -i
    ("tsentralnyy", "tsentralnyi"), ("tsentralnyj", "tcentralnyi"),         # -yy, -yi, -yj; ts, tc
    ("moskovskoye", "moskovskoe"), ("obyedineniye", "obedinenie"),         # ye, e
    ("obshchestvo", "obschestvo"), ("mekhaniki", "mehaniki"),              # shch, sch; kh, h
    ("soyuz", "sojuz"), ("byuro", "biuro"), ("predpriyatie", "predpriiatie"),  # yu, ju, iu; ya, ia
])
def test_one_russian_word_in_two_romanisations_gives_one_key(one: str, other: str) -> None:
    assert romanised_key(one) == romanised_key(other) != ""


@pytest.mark.parametrize("word", ["lijiang", "liyang", "xian", "soyu", "zavod5"])
def test_pinyin_short_and_mixed_words_have_no_key(word: str) -> None:
    assert romanised_key(word) == ""


def test_different_words_keep_different_keys() -> None:
    assert romanised_key("moskovskoe") != romanised_key("moskovskogo")
    assert romanised_key("institut") != romanised_key("instrument")


@pytest.mark.parametrize("name", [
    "Vetluzhskoe nauchno-proizvodstvennoe obedinenie Kordon",  # Library of Congress style without marks
    "Vetluzhskoye NPO Kordon",                                  # the kind of body as its initials
    "AO Tsentralnyi Nauchno-Issledovatelskii Institut Verkhniaia Sosna",
    "AO TsNII Verkhnyaya Sosna",
])
def test_a_russian_name_in_another_romanisation_matches(name: str) -> None:
    result = screen_name(name, CONFIG)
    assert result["outcome"] in MATCH, result["candidates"][:2]
    assert result["candidates"][0]["match"]


def test_a_pinyin_place_is_no_other_romanisation_of_another() -> None:
    # Lijiang and Liyang are two places: read as Russian words, "j" and "y" would both be "i".
    result = screen_name("Lijiang Brightline Equipment Co., Ltd.", CONFIG)
    assert not any(c["match"] for c in result["candidates"]), result["candidates"][:2]


@pytest.mark.parametrize(("name", "listed"), [
    ("AO KB Tundrovykh Sistem", "Joint Stock Company Design Bureau of Tundra Systems"),
    ("Tundrovoe Proektno-KB, PAO", None),  # another body: only the legal form and the kind are the same
    ("OOO Ozerskoye NPP Lastochka", "Ozerskoe Nauchno-Proizvodstvennoe Predpriyatie Lastochka"),
])
def test_kb_and_npp_in_a_russian_name_in_latin_letters_are_read_in_full(name: str, listed: str | None) -> None:
    result = screen_name(name, CONFIG)
    if listed is None:
        assert not any(c["match"] for c in result["candidates"]), result["candidates"][:2]
    else:
        assert result["outcome"] in MATCH, result["candidates"][:2]
        assert result["candidates"][0]["name"] == listed


@pytest.mark.parametrize("name", ["KB Marlin Savings Bank", "Lastochka NPP"])
def test_kb_and_npp_in_a_name_with_no_other_russian_word_stay_initials(name: str) -> None:
    # A Korean bank's KB, a nuclear power plant's NPP: not read as Russian kinds of body.
    from assessments.screening import _russian_latin_kinds  # noqa: PLC0415 - the rule itself

    assert _russian_latin_kinds(name) == ""


@pytest.mark.parametrize(("name", "listed"), [
    ("Vserossiyskiy NII Kestrel", "Joint Stock Company All-Russian Research Institute Kestrel"),
    ("AO Vserossiiskii Nauchno-Issledovatelskii Institut Kestrel", "Joint Stock Company All-Russian Research Institute "
                                                                   "Kestrel"),
    ("Tsentralnoye Konstruktorskoye Byuro Pelikan", "Central Design Bureau Pelikan"),
    ("AO Tsentralnoe KB Pelikan", "Central Design Bureau Pelikan"),
    ("Gosudarstvennyy Aviatsionnyy Zavod Sokol-Berkut", "State Aviation Plant Sokol-Berkut"),  # aviation: 2nd word
])
def test_a_romanised_russian_name_meets_the_listed_english_name_as_a_possible_match(name: str, listed: str) -> None:
    best = possible(screen_name(name, CONFIG))
    assert best["name"] == listed
    assert best["possible_reason"].startswith("the institutional words read in English")


def test_the_reading_keeps_the_names_own_words() -> None:
    assert romanised_russian_in_english("Vserossiyskiy NII Kestrel") == "all russian research institute kestrel"
    assert romanised_russian_in_english("Tsentralnoe KB Pelikan") == "central design bureau pelikan"


@pytest.mark.parametrize("name", ["Central Design Bureau Pelikan", "Kestrel Institute", "Beijing Zhongguancun Lab"])
def test_a_name_with_no_russian_word_has_no_reading(name: str) -> None:
    assert romanised_russian_in_english(name) == ""
