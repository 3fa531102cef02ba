"""Korean institutional words of the glossary (assessments/data/scripts/glossary.json) that the Korean names of
listed bodies need: 과학기술원 (institute of science and technology), 위원회 (commission, committee),
련합기업소/연합기업소 (complex), 청년 (youth), 중기계 (heavy machinery), 계획 (planning), 국무 (state affairs) and
경제 (economic). A name read through them is a guess across scripts: a possible match, never a match."""

from __future__ import annotations

import pytest

import assessments
from assessments.screening import screen_name
from assessments.screening.scripts import glossary

CONFIG = assessments.default_config()


def test_the_whole_of_gwahak_gisulwon_is_one_glossary_word() -> None:
    # Without it the glossary cut 과학기술 and left 원 as a name of its own ("won").
    g = glossary()
    assert g.english("스콜코보과학기술원") == ["skolkovo", "institute"]
    assert set(g.lookup("과학기술원")) == {"institute", "science", "technology"}
    assert g.lookup("련합기업소") == g.lookup("연합기업소") == ("complex", "works")
    assert g.lookup("위원회") == ("commission", "committee")


@pytest.mark.parametrize(("hangul", "listed", "read"), [
    # 과학기술원: "institute", with science and technology counted where the listed name has them
    ("스콜코보 과학기술원", "Skolkovo Institute of Science and Technology", "skolkovo institute"),
    ("스콜코보과학기술원", "Skolkovo Institute of Science and Technology", "skolkovo institute"),
    ("국방위원회", "NATIONAL DEFENSE COMMISSION", "defense commission"),
    ("국가계획위원회", "STATE PLANNING COMMISSION", "planning commission"),
    ("국무위원회", "STATE AFFAIRS COMMISSION", "state commission"),
    ("남흥청년화학련합기업소", "Namhung Youth Chemical Complex", "namhung youth chemical complex"),
    ("남흥청년화학연합기업소", "Namhung Youth Chemical Complex", "namhung youth chemical complex"),
    ("대안중기계련합기업소", "Taean Heavy Machinery Complex", "taean machinery complex"),
])
def test_a_korean_name_read_through_the_new_words_is_a_possible_match(hangul: str, listed: str, read: str) -> None:
    result = screen_name(hangul, CONFIG)
    best = result["candidates"][0]
    assert result["outcome"] == "possible_match"
    assert best["name"] == listed and best["possible"] and not best["match"]
    assert read in best["possible_reason"]


@pytest.mark.parametrize("hangul", [
    "한국과학기술원",  # KAIST (kaist.ac.kr): not on the lists
    "광주과학기술원",  # GIST (gist.ac.kr): not on the lists
    "원자력안전위원회",  # South Korea's Nuclear Safety and Security Commission (nssc.go.kr): not on the lists
    "국무조정실",  # South Korea's Office for Government Policy Coordination: not on the lists
])
def test_an_unlisted_korean_body_with_the_same_institutional_words_is_not_raised(hangul: str) -> None:
    result = screen_name(hangul, CONFIG)
    assert result["outcome"] == "none"
    assert not any(c["match"] or c["possible"] for c in result["candidates"])
