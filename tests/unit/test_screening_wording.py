"""How a screened name's outcome is told: one copy of the words (assessments/wording.py) for every
outcome the engine gives, and a summary that names the entry that set the outcome."""

from __future__ import annotations

import assessments.wording
from assessments.screening import OUTCOMES, PERSON_OUTCOMES, screen_name

# A university on the DoD 1286 list (a high-tier list) that OFAC also lists under another name on the
# SDN list (a list that prohibits all dealings): both entries match.
BOTH_LISTS = "Bauman Moscow State Technical University (National Research University)"


def test_every_outcome_has_its_headline_and_no_headline_is_left_over() -> None:
    assert set(assessments.wording.SCREENING_TEXT) == set(OUTCOMES) | set(PERSON_OUTCOMES)
    assert all(text.strip() for text in assessments.wording.SCREENING_TEXT.values())


def test_a_name_on_two_lists_is_summarised_by_the_list_that_sets_its_outcome() -> None:
    result = screen_name(BOTH_LISTS)
    assert result["outcome"] == "prohibited"
    matches = [c for c in result["candidates"] if c["match"]]
    verdicts = {c["verdict"] for c in matches}
    assert len(verdicts) == 2, verdicts  # the test's premise: one match per kind of list
    # The entry that sets the outcome comes first and the summary names it, never the milder one.
    assert matches[0]["verdict"] == "match on a list that prohibits all dealings"
    assert result["summary"] == f"{matches[0]['name']}: match on a list that prohibits all dealings."
