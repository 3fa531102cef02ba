"""A group's numbered unit typed as the group's name and the unit's number ("中国电子科技集团公司第二十九研究所", "CETC
No. 29 Research Institute", "AVIC 612"): the lists name such units in English with the number and often carry only the
group's Chinese name, so the typed name is read as the listed unit whose name carries that number and names the group.
A possible match, with a reason a person can read; a number no listed unit of that group carries is nothing."""

from __future__ import annotations

import pytest

import assessments
from assessments.screening import _han_number, screen_name

CONFIG = assessments.default_config()


@pytest.mark.parametrize(("written", "number"), [
    ("二十九", 29), ("十四", 14), ("七〇二", 702), ("七百零二", 702), ("三十八", 38), ("28", 28), ("一百", 100),
])
def test_a_number_in_chinese_characters_is_read(written: str, number: int) -> None:
    assert _han_number(written) == number


CETC_29 = "China Electronics Technology Group Corporation 29 (CETC 29) Research Institute"
CASC_771 = "China Aerospace Science and Technology Corporation (CASC) 9th Academy 771 Research Institute"
CSSC_702 = "China State Shipbuilding Corporation, Limited (CSSC) 702nd Research Institute"


@pytest.mark.parametrize(("typed", "listed"), [
    ("中国电子科技集团公司第二十九研究所", CETC_29),
    ("CETC No. 29 Research Institute", CETC_29),
    ("AVIC 612", "Aviation Industry Corporation of China 612 Institute"),
    ("CASC 771 Institute", CASC_771),
    # The group's earlier Chinese name (CSIC's, as other listed units of the group carry it), and the number written
    # digit by digit.
    ("中国船舶重工集团公司第七〇二研究所", CSSC_702),
])
def test_a_groups_name_and_a_number_find_the_listed_numbered_unit(typed: str, listed: str) -> None:
    result = screen_name(typed, CONFIG)
    assert result["outcome"] == "possible_match", result["candidates"][:2]
    best = result["candidates"][0]
    assert best["name"] == listed
    assert best["possible_reason"].startswith("read as the unit numbered ")


@pytest.mark.parametrize("typed", [
    "中国电子科技集团公司第九十九研究所",  # no listed unit of that number
    "CETC 99", "AVIC 999",
    "Beijing No. 4 High School", "Moscow School No. 57", "PLA 301 Hospital", "China Railway 18th Bureau",
])
def test_a_number_no_listed_unit_of_the_group_carries_is_no_possible_match(typed: str) -> None:
    assert not [c for c in screen_name(typed, CONFIG)["candidates"] if c["possible"] or c["match"]]
