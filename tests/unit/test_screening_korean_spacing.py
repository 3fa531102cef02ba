"""Korean puts spaces between the words of a name at will: a Korean name typed with its spaces elsewhere than in the
listed Korean name, or with none, is the same name (the same syllables) and matches it. On the shipped lists."""

from __future__ import annotations

import pytest

from assessments.screening import screen_name

LISTED = "\uc774\ub780 \ud56d\uacf5\uc6b0\uc8fc \uc0b0\uc5c5 \uacf5\uc0ac"  # 이란 항공우주 산업 공사, a curated alias


@pytest.mark.parametrize("typed", [
    "\uc774\ub780 \ud56d\uacf5\uc6b0\uc8fc\uc0b0\uc5c5\uacf5\uc0ac",  # 이란 항공우주산업공사
    "\uc774\ub780\ud56d\uacf5\uc6b0\uc8fc\uc0b0\uc5c5\uacf5\uc0ac",  # 이란항공우주산업공사
])
def test_a_korean_name_spaced_otherwise_matches_the_listed_korean_name(typed: str) -> None:
    result = screen_name(typed)
    assert result["outcome"] in ("high", "prohibited")
    best = result["candidates"][0]
    assert best["match"]
    assert best["name"] == "Aerospace Industries Organization"
    assert best["matched_alias"] == LISTED


def test_other_syllables_are_no_match_by_spacing() -> None:
    # 삼성전자 (Samsung Electronics), unlisted: no listed Korean name has its syllables.
    result = screen_name("\uc0bc\uc131 \uc804\uc790")
    assert not any(c["match"] for c in result["candidates"])
