"""Chinese company names as the press, papers and filings write them short: the place and the company's own word,
without the words of its trade and its legal form ("Hangzhou X" for "Hangzhou X Digital Technology Co., Ltd."), and a
place typed before a listed name that has none ("Hefei X" for the listed "X"), in the listed company's own country.

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
LIST = "us_bis_entity_list"

MADE_UP = [
    Record("t1", "Hangzhou Velkavision Digital Technology Co., Ltd.", (), ("CN",), (LIST,), ""),
    Record("t2", "Zhuhai Orvanta Control Systems", ("Zhuhai Orvanta Aerospace Science and Technology",), ("CN",),
           (LIST,), ""),
    Record("t3", "Orvanta Capital Partners LLC", (), ("RU",), (LIST,), ""),
    Record("t4", "Wuxi Tembrel Microelectronics Co., Ltd.", (), ("CN",), (LIST,), ""),
    Record("t5", "Wuxi Tembrel Photonics Co., Ltd.", (), ("CN",), (LIST,), ""),
    Record("t6", "QUELLTEK", ("Anhui Quelltek Information Co., Ltd.",), ("CN",), (LIST,), ""),
    Record("t7", "Hefei Dormano Optics Co., Ltd.", (), ("CN",), (LIST,), ""),
    Record("t8", "Minsk Gralvik Instruments OJSC", (), ("BY",), (LIST,), ""),
    Record("t9", "Xiamen Peloria Pico Information Co. Ltd.", (), ("CN",), (LIST,), ""),
    Record("t10", "Corvessa", (), ("CN",), (LIST,), ""),
    Record("t11", "Shenyang Corvessa Academy", (), ("CN",), (LIST,), ""),
    Record("t12", "Quorvex International Group Co., Ltd.", ("Beijing Quorvex Scientific Co., Ltd",), ("CN",), (LIST,),
           ""),
]


@pytest.fixture(autouse=True)
def made_up_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    use_made_up_lists(monkeypatch, MADE_UP, LIST)


@pytest.mark.parametrize(("name", "listed"), [
    ("Hangzhou Velkavision", "Hangzhou Velkavision Digital Technology Co., Ltd."),
    ("Zhuhai Orvanta", "Zhuhai Orvanta Control Systems"),
    ("Hangzhou Velkavision Digital", "Hangzhou Velkavision Digital Technology Co., Ltd."),
    # (A general word left out, "Scientific", which alone made it another organisation before.)
    ("Beijing Quorvex", "Quorvex International Group Co., Ltd."),
])
def test_the_place_and_own_word_of_one_listed_company_is_a_match(name: str, listed: str) -> None:
    # Before, "the list has technology" made it "probably another organisation" and no match. The words left out are
    # the company's trade and legal form, and only this record carries the typed words together ("Orvanta" alone is
    # also a Russian company's word: with Zhuhai it is the Chinese one's).
    result = screen_name(name, CONFIG)
    assert result["outcome"] in MATCH, result["candidates"][:2]
    assert result["candidates"][0]["name"] == listed
    assert result["candidates"][0]["score"] >= result["threshold"]


def test_typed_words_that_open_two_listed_companies_names_are_a_possible_match_saying_what_was_left_out() -> None:
    result = screen_name("Wuxi Tembrel", CONFIG)
    best = possible(result)
    assert best["name"] in ("Wuxi Tembrel Microelectronics Co., Ltd.", "Wuxi Tembrel Photonics Co., Ltd.")
    assert best["possible_reason"].startswith("the listed name without its industry words: you typed wuxi, tembrel;")
    assert best["difference"] == ""  # (not "probably another organisation: the list has ...")
    flagged = {c["name"] for c in result["candidates"] if c["possible"]}
    assert flagged == {"Wuxi Tembrel Microelectronics Co., Ltd.", "Wuxi Tembrel Photonics Co., Ltd."}


def test_a_word_of_the_companys_own_left_out_is_no_match() -> None:
    # "Pico" is no trade word: "Xiamen Peloria" leaves out part of the company's own name.
    result = screen_name("Xiamen Peloria", CONFIG)
    assert result["outcome"] not in MATCH, result["candidates"][:2]


@pytest.mark.parametrize("name", ["Hefei Quelltek", "Quelltek Hefei", "Anhui QUELLTEK"])
def test_a_place_of_the_listed_companys_country_before_or_after_its_name_is_a_match(name: str) -> None:
    # Hefei is in China as the lists write it (a Chinese listed company opens with it); the listed QUELLTEK has no
    # place in that name.
    result = screen_name(name, CONFIG)
    assert result["outcome"] in MATCH, result["candidates"][:2]
    assert result["candidates"][0]["name"] == "QUELLTEK"


@pytest.mark.parametrize("name", ["Minsk Quelltek", "Moscow Quelltek"])
def test_a_place_of_another_country_still_counts_against(name: str) -> None:
    result = screen_name(name, CONFIG)
    assert result["outcome"] not in MATCH, result["candidates"][:2]


def test_a_place_before_a_schools_alias_is_not_read_as_where_it_is() -> None:
    # Corvessa is a company's name and a word of an academy's: a place before the academy's name is no company's
    # address, and the typed name opens with another city than the academy's.
    result = screen_name("Hefei Corvessa Academy", CONFIG)
    assert result["outcome"] not in MATCH, result["candidates"][:2]
    assert screen_name("Hefei Corvessa", CONFIG)["candidates"][0]["name"] == "Corvessa"
