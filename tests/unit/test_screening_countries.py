"""An affiliation line that places a listed name's namesake in another country: a possible match naming both
countries, never a match and never nothing (it may be another body, or a listed body's branch there)."""

from __future__ import annotations

import pytest

from assessments import screening
from assessments.screening.scripts import country_words


def _best(name: str) -> tuple[str, dict]:
    result = screening.screen_name(name)
    flagged = [c for c in result["candidates"] if c["match"] or c["possible"]]
    return result["outcome"], (flagged[0] if flagged else {})


@pytest.mark.parametrize(("line", "typed", "listed", "entry"), [
    ("Institut Pasteur, Paris, France", "France", "Iran", "Pasteur Institute of Iran"),
    ("Institute of Microelectronics, A*STAR, Singapore", "Singapore", "China", "Institute of Microelectronics"),
    ("Huawei Technologies, Germany", "Germany", "China", "Huawei Technologies Co., Ltd."),
])
def test_a_line_in_another_country_is_a_possible_match_naming_both(line: str, typed: str, listed: str,
                                                                   entry: str) -> None:
    outcome, best = _best(line)
    assert outcome == "possible_match", outcome
    assert best["name"] == entry
    assert best["possible"] and not best["match"]
    assert f"which you placed in {typed}; the listed entry is in {listed}" in best["possible_reason"], best


@pytest.mark.parametrize("line", [
    "Pasteur Institute of Iran, Tehran, Iran",
    "Harbin Institute of Technology, Harbin 150001, China",
    "Huawei Technologies Co., Ltd., Shenzhen, China",
])
def test_a_line_in_the_listed_country_stays_a_match(line: str) -> None:
    assert screening.screen_name(line)["outcome"] in ("high", "prohibited")


def test_country_words_are_one_word_names_without_a_state_or_a_surname() -> None:
    words = country_words()
    assert words["france"] == "FR" and words["singapore"] == "SG" and words["germany"] == "DE"
    assert "georgia" not in words and "jordan" not in words  # "Georgia Institute of Technology", a surname
    assert "macao" not in words  # read with China, as the lists place its bodies


@pytest.mark.parametrize(("name", "short"), [
    ("Huawei Germany", "Huawei"),
    ("Huawei Technologies Germany", "Huawei Technologies"),
    ("Huawei Technologies Germany GmbH", "Huawei Technologies"),
])
def test_a_listed_company_name_before_another_country_is_a_possible_match(name: str, short: str) -> None:
    """A branch or office written as the company's name and a country, without a comma: once silently nothing
    (the country word lowered the whole name's score under the threshold)."""
    outcome, best = _best(name)
    assert outcome == "possible_match", outcome
    assert best["name"] == "Huawei Technologies Co., Ltd." and not best["match"]
    assert best["possible_reason"].startswith(f"found as \u201c{short}\u201d, which you placed in Germany; "
                                              "the listed entry is in China"), best["possible_reason"]


def test_a_listed_name_before_its_own_country_stays_a_match() -> None:
    assert screening.screen_name("Skoltech Russia")["outcome"] == "prohibited"


@pytest.mark.parametrize("name", ["Bank of China", "Telecom Italia", "Air China", "Deutsche Telekom Germany"])
def test_a_country_that_is_part_of_a_name_or_after_an_unlisted_one_raises_nothing(name: str) -> None:
    assert screening.screen_name(name)["outcome"] == "none"
