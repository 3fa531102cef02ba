"""What a researcher sees of screening, in real Chromium against the built site: the three
outcomes (match, possible match, no match) in plain words, a possible match shown in full
(listed name, list, date, the words that matched, "check this with the office"), names as
people write them (a status suffix, an affiliation line pasted from a paper, a bank's name in
Cyrillic), an unlisted "X University of Technology" that is no match, and how old the lists are."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.support.ui import fill_answers

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def _screen(page: Page, name: str, *, width: int = 1280) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    fill_answers(page, {"activities": ["collaboration"], "collaboration_type": "informal"})
    page.locator("#rs-q-partners").get_by_label("Partner 1: names").fill(name)
    expect(page.locator("#rs-q-partners .rs-screen")).to_have_count(1, timeout=30_000)


def _shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("#rs-q-partners").screenshot(path=str(SHOTS / f"screening-{name}.png"))


def test_a_listed_name_with_its_status_suffix_typed_on_a_phone_is_raised(assessment: Page) -> None:
    _screen(assessment, "Moscow Institute of Physics and Technology (National Research University)", width=375)
    entry = assessment.locator("#rs-q-partners .rs-screen")
    expect(entry).to_have_attribute("data-outcome", re.compile("^(high|prohibited|possible_match)$"))
    text = entry.inner_text()
    assert re.search(r"\b(Match|Possible match)\b", text), text
    assert "No match" not in text
    expect(entry.locator("[data-match='true'], [data-possible='true']").first).to_be_visible()
    assert "Moscow Institute of Physics and Technology" in entry.locator(".rs-entries").first.inner_text()
    # Plain words, no developer's table: no "Verdict", "Score 1.00" or "Relation direct".
    for jargon in ("Verdict", "Score", "Relation"):
        assert jargon not in text, jargon
    width = assessment.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the page scrolls sideways on a phone ({width} px)"
    _shot(assessment, "status-suffix-phone")


def test_an_affiliation_line_from_a_paper_is_raised_with_the_part_that_matched(assessment: Page) -> None:
    line = "Harbin Institute of Technology Shenzhen Campus, University Town, Shenzhen 518055, China"
    _screen(assessment, line)
    entry = assessment.locator("#rs-q-partners .rs-screen")
    expect(entry).to_have_attribute("data-outcome", re.compile("^(high|prohibited|possible_match)$"))
    flagged = entry.locator("[data-match='true'], [data-possible='true']").first
    expect(flagged).to_be_visible()
    expect(flagged).to_contain_text("Harbin Institute of Technology")
    expect(flagged).to_contain_text(re.compile(r"current to \d{4}-\d{2}-\d{2}"))


def test_a_possible_match_is_shown_in_full_and_asks_to_check_with_the_office(assessment: Page) -> None:
    _screen(assessment, "Harbin Institute of Technology Shenzhen Campus")
    entry = assessment.locator("#rs-q-partners .rs-screen")
    expect(entry).to_have_attribute("data-outcome", "possible_match")
    possible = entry.locator("[data-possible='true']").first
    expect(possible).to_be_visible()  # never folded away in a <details>
    assert not entry.locator("details [data-possible='true']").count()
    text = possible.inner_text()
    for shown in ("Harbin Institute of Technology", "Words that matched: harbin, institute, technology",
                  "Check this with the office", "BIS Entity List"):
        assert shown in text, shown
    assert re.search(r"current to \d{4}-\d{2}-\d{2}", text)
    expect(entry).to_contain_text("Possible match: check this with the office")
    result = assessment.locator("#rs-result")
    expect(result).to_have_attribute("data-tier", re.compile("^(moderate|high)$"))
    expect(result.locator("[data-rule='screening_possible_match']")).to_have_count(1)
    expect(result.locator(".rs-todo")).to_contain_text("Check with the research security office whether")
    _shot(assessment, "possible-match")


def test_a_listed_bank_written_in_cyrillic_is_raised(assessment: Page) -> None:
    _screen(assessment, "Банк ВТБ")
    entry = assessment.locator("#rs-q-partners .rs-screen")
    expect(entry).to_have_attribute("data-outcome", re.compile("^(high|prohibited|possible_match)$"))
    expect(entry.locator("[data-match='true'], [data-possible='true']").first).to_contain_text("VTB")


def test_an_unlisted_university_of_technology_is_no_direct_match(assessment: Page) -> None:
    _screen(assessment, "Tianjin University of Technology")
    entry = assessment.locator("#rs-q-partners .rs-screen")
    expect(entry).not_to_have_attribute("data-outcome", re.compile("^(high|prohibited|stale_match)$"))
    expect(entry.locator("[data-match='true']")).to_have_count(0)
    text = entry.inner_text()
    assert "Match:" not in text
    # Said once, in plain words: never the old sentence twice.
    assert text.count("No match") <= 1 and "reached the match threshold" not in text
    entry.locator("details.rs-near summary").click()
    expect(entry.locator("details.rs-near")).to_contain_text("Probably another organisation: you typed technology")
    _shot(assessment, "unlisted-university-of-technology")


def test_the_panel_says_how_old_the_lists_are(assessment: Page) -> None:
    _screen(assessment, "Example Unlisted Institute")
    currency = assessment.locator("#rs-q-partners .rs-currency")
    expect(currency).to_have_count(1)
    age = re.compile(r"the oldest copy is current to \d{4}-\d{2}-\d{2} \(\d+ days? old today\)")
    expect(currency).to_contain_text(age)


def test_a_name_on_two_lists_is_told_by_the_list_that_prohibits_all_dealings(assessment: Page) -> None:
    """A university on the DoD 1286 list and, under another name, on OFAC's SDN list: the headline, the
    summary and the first match all speak of the list that prohibits all dealings, on a phone."""
    name = "Bauman Moscow State Technical University (National Research University)"
    _screen(assessment, name, width=390)
    entry = assessment.locator("#rs-q-partners .rs-screen")
    expect(entry).to_have_attribute("data-outcome", "prohibited")
    expect(entry.locator("p").first).to_have_text(f"{name}: Match: on a list that prohibits all dealings")
    expect(entry.locator(".rs-screen__summary")).to_contain_text("match on a list that prohibits all dealings")
    expect(entry.locator(".rs-entries__title").first).to_have_text(f"Matches for {name}")
    matches = entry.locator(".rs-entries--match > li")
    expect(matches).to_have_count(2)
    expect(matches.first).to_contain_text("OFAC Specially Designated Nationals")
    expect(matches.nth(1)).to_contain_text("DoD Section 1286 list")


def test_a_match_shows_the_organisations_other_entry_after_it(assessment: Page) -> None:
    """The lists carry one centre as two entries ("27th Scientific Center" on OFAC's SDN list, "27th Scientific
    Center of the Russian Ministry of Defense" on the Entity List): the match, then the other entry as a possible
    match that says why, on a phone."""
    name = "27th Scientific Centre named after Academician N.D. Zelinsky"
    _screen(assessment, name, width=375)
    entry = assessment.locator("#rs-q-partners .rs-screen")
    expect(entry).to_have_attribute("data-outcome", "prohibited")
    expect(entry.locator(".rs-entries--match > li").first).to_contain_text("27TH SCIENTIFIC CENTER")
    other = entry.locator("[data-possible='true']").filter(
        has_text="27th Scientific Center of the Russian Ministry of Defense")
    expect(other).to_be_visible()
    expect(other).to_contain_text("its name holds the name matched above")
    expect(other).to_contain_text("another entry of the same organisation, or its parent or one of its parts")
    expect(other).to_contain_text("BIS Entity List")
    width = assessment.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the page scrolls sideways on a phone ({width} px)"
    _shot(assessment, "other-entry-phone")
