"""A unit named with a listed organisation's name ("ZTE Microelectronics Research Institute" for the listed ZTE
Corporation, "Huawei Noah's Ark Lab" for the group whose brand 54 entries carry) is a possible match that names the
unit's words: a part of the listed organisation, or a body of its own of the same name; never silently a "related"
entry. Not when the listed name is a city's ("JSC Penza"), and not for a name in Chinese characters, whose words are
its characters read in pairs. On the shipped lists."""

from __future__ import annotations

import pytest

from assessments.screening import screen_name

UNIT = "which names a unit"


def _unit_reasons(name: str) -> list[tuple[str, str]]:
    return [(c["name"], c["possible_reason"]) for c in screen_name(name)["candidates"]
            if c["possible"] and UNIT in c["possible_reason"]]


def test_a_research_institute_named_with_a_listed_companys_name_is_a_possible_match() -> None:
    result = screen_name("ZTE Microelectronics Research Institute")
    assert result["outcome"] == "possible_match"
    assert _unit_reasons("ZTE Microelectronics Research Institute") == [(
        "ZTE Corporation", "the listed name \u201cZTE Corporation\u201d opens what you typed, which names a unit "
        "(microelectronics, research, institute): a part of the listed organisation, or a body of its own of the same "
        "name")]


def test_a_lab_named_with_a_groups_brand_is_a_possible_match_shown_by_its_latin_name() -> None:
    # "Huawei" is a name 54 entries of the group carry whole (a brand, not one entry's name).
    result = screen_name("Huawei Noah's Ark Lab")
    assert result["outcome"] == "possible_match"
    best = next(c for c in result["candidates"] if c["possible"])
    assert best["name"] == "Huawei Technologies Co., Ltd."
    assert best["matched_alias"] == "Huawei"
    assert best["possible_reason"].startswith(
        "the listed name \u201cHuawei\u201d opens what you typed, which names a unit (noahs, ark, laboratory)")


@pytest.mark.parametrize("name", [
    "Penza Civil Engineering Institute",  # "JSC Penza" is listed: a city's name, not the company's own
    "\u5929\u6d25\u5927\u5b66\u4ec1\u7231\u5b66\u9662",  # 天津大学仁爱学院: characters read in pairs
])
def test_no_unit_reason_for_a_citys_name_or_chinese_characters(name: str) -> None:
    assert _unit_reasons(name) == []
