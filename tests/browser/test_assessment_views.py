"""What a person sees on the self-assessment page, in real Chromium against the
built site: visible text and layout (inner_text, bounding boxes, scrollWidth),
not only attributes. Result wording, sources and list names, no tier before the
required answers, phone layout, print, the email body, hostile import files,
links from the home page, and questions that show before the engine is ready
(the interpreter behind them is checked against the engine in
tests/site/test_page_interpreter.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

import assessments
from tests.support.browser import axe_violations, settle_animations, switch_scheme
from tests.support.ui import email_link, fill_answers, hold_engine, result_tier, wait_ready

pytestmark = pytest.mark.browser
SCREENSHOTS = Path("/tmp")
LISTED = ["Harbin Institute of Technology", "University of Oxford", "Tsinghua University",
          "Beijing University of Aeronautics and Astronautics", "Northwestern Polytechnical University"]
SCREENED = {"activities": ["collaboration"], "collaboration_type": "formal",
            "partners": [{"names": LISTED, "country": "CN"}]}


def _screened(page: Page, answers: dict[str, Any] = SCREENED) -> None:
    fill_answers(page, answers)
    names = sum(len(p.get("names", [])) for p in answers["partners"])
    expect(page.locator("#rs-q-partners .rs-screen")).to_have_count(names, timeout=20_000)
    expect(page.locator("#rs-result")).not_to_have_attribute("data-tier", "")


def test_sources_and_list_names_read_as_text_and_links(assessment: Page) -> None:
    _screened(assessment)
    text = assessment.locator("#rs-result").inner_text() + assessment.locator("#rs-q-partners").inner_text()
    assert "[object" not in text and ",http" not in text
    assert not re.search(r"(?<![\w(])https?://", text), "a bare URL is shown"
    expected = {c["name"] for r in assessments.assess(SCREENED, screening=True)["reasons"] for c in r["citations"]
                if c.get("url")}
    shown = set()
    for line in assessment.locator(".rs-citations").all():
        # The sources sit in each reason's folded "Why this applies" part: read its text, open or not.
        text = " ".join((line.text_content() or "").split())
        assert re.match(r"Sources?:\s*\S", text), text
        shown |= {" ".join((a.text_content() or "").split()) for a in line.locator("a").all()}
    assert expected <= shown, f"sources without a titled link: {expected - shown}"
    table = assessment.locator("#rs-q-partners .rs-candidates").first.inner_text()
    for label in ("BIS Entity List", "DoD Section 1286 list", "current to"):
        assert label in table, f"{label!r} missing from the screening table"
    # The stale-list warning, if any, is said once per result, not once per name.
    warnings = [w.inner_text() for w in assessment.locator(".rs-warning").all()]
    assert len(warnings) == len(set(warnings))


def test_no_tier_on_an_empty_or_partial_form(assessment: Page) -> None:
    result = assessment.locator("#rs-result")
    assert result_tier(assessment) == ""
    assert not re.search(r"\b(Low|Moderate|High|Prohibited)\b", result.inner_text())
    fill_answers(assessment, {"activities": ["collaboration"]})
    expect(result.locator(".rs-open")).to_contain_text("1 required question left")
    question = assessments.load_policy().question_index["collaboration_type"].text
    missing = result.locator(".rs-missing a")
    expect(missing).to_have_text([question])
    assert result_tier(assessment) == "" and not re.search(r"\b(Low|Moderate|High|Prohibited)\b", result.inner_text())
    missing.click()  # the link leads to the question
    expect(assessment.locator("#rs-q-collaboration_type")).to_be_in_viewport()
    fill_answers(assessment, {"collaboration_type": "informal"})
    expect(result).to_have_attribute("data-tier", re.compile(r"^(low|moderate|high|prohibited)$"))
    # Cleared stays cleared: no tier comes back by itself.
    assessment.locator("#rs-clear").click()
    expect(result).to_contain_text("Your answers were cleared")
    assessment.wait_for_timeout(1000)
    assert result_tier(assessment) == "" and "Your answers were cleared" in result.inner_text()


@pytest.mark.parametrize("width", [360, 390])
def test_phone_layout_does_not_scroll_sideways(assessment: Page, width: int) -> None:
    assessment.set_viewport_size({"width": width, "height": 844})
    _screened(assessment)
    for details in assessment.locator(".rs-near").all():
        details.locator("summary").click()
    assert assessment.evaluate("document.documentElement.scrollWidth") <= width
    box = assessment.locator("#rs-q-partners textarea").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width
    # The compact summary stays in view while answering.
    assessment.locator("#rs-q-partners").scroll_into_view_if_needed()
    expect(assessment.locator("#rs-summary")).to_be_in_viewport()
    assert re.search(r"Tier: |so far \(\d+ unanswered\)", assessment.locator("#rs-summary").inner_text())
    assessment.screenshot(path=str(SCREENSHOTS / f"ui-phone-{width}.png"), full_page=False)


def test_sections_that_do_not_apply_are_hidden_and_progress_shows(assessment: Page) -> None:
    visitors = assessment.locator("fieldset.rs-section", has=assessment.locator("#rs-q-visitor_appointment"))
    expect(visitors).to_be_hidden()
    fill_answers(assessment, {"activities": ["visitor"]})
    expect(visitors).to_be_visible()
    expect(assessment.locator("#rs-summary-text")).to_contain_text("questions answered")


def test_print_starts_with_the_tier_and_is_dated(assessment: Page) -> None:
    _screened(assessment)
    assessment.emulate_media(media="print")
    expect(assessment.locator("#rs-form")).to_be_hidden()
    result_box = assessment.locator("#rs-result").bounding_box()
    h1 = assessment.locator("h1").bounding_box()
    assert result_box and h1 and result_box["y"] - (h1["y"] + h1["height"]) < 200, "the result does not open the page"
    text = assessment.locator("#rs-result").inner_text()
    assert re.search(r"Printed \d{4}-\d{2}-\d{2}\.", text), "no date without the print button"
    assert text.index("so far;") < text.index("Next step") < text.index("Why") < text.index("Your answers")
    # The lists' dates are among the folded details ("Print full details" opens them).
    assert "Screening lists as of" in (assessment.locator("#rs-result").text_content() or "")
    assessment.set_viewport_size({"width": 800, "height": 1100})
    assessment.screenshot(path=str(SCREENSHOTS / "ui-print.png"), full_page=True)
    assessment.emulate_media(media="screen")


def test_email_body_holds_next_steps_and_screening(assessment: Page) -> None:
    many = {**SCREENED, "partners": [{"names": LISTED + [f"Example Partner Institute {i}" for i in range(15)],
                                      "country": "CN"}]}
    _screened(assessment, many)
    body = parse_qs(urlsplit(email_link(assessment)).query)["body"][0]
    assert len(body) <= 1800
    result = assessments.assess(many)
    assert "Next steps:" in body
    for action in result["actions"]:
        assert action["title"] in body
    assert "Partner names screened:" in body and "Harbin Institute of Technology: Match" in body
    assert result["policy_version"] in body and re.search(r"Date: \d{4}-\d{2}-\d{2}", body)
    assert "attached" in body and "JSON" in body
    assert body.rstrip().endswith("attached."), "the body is cut"
    assert "partner_names" not in body and "partner_country" not in body


_SAVED = {"format": "research-security-assessment/1", "answers": {"activities": ["travel"]}}
# The file's bytes -> what the page says (the engine's reason: assessments/answers_file.py reads the file,
# as it does for the command line).
HOSTILE_FILES: dict[str, tuple[bytes, str]] = {
    "deep": (b'{"answers": {"partners": ' + b"[" * 20000 + b"]" * 20000 + b"}}", "nested more than 32 levels deep"),
    "list": (b"[1, 2, 3]", "must be a JSON object"),
    "answers-list": (b'{"answers": [1]}', "none of its answers fit"),
    "nothing-fits": (json.dumps({"answers": {"partner_blocked": "YES", "nonsense": 1}}).encode(),
                     "none of its answers fit"),
    "duplicate-key": (b'{"answers": {"activities": ["travel"], "activities": ["visitor"]}}',
                      "activities: the key appears twice in one object"),
    "utf-16": (json.dumps(_SAVED).encode("utf-16"), "UTF-16 text, not UTF-8 (save the file as UTF-8)"),
    "latin-1": ('{"answers": {"partners": [{"names": ["Universit\u00e9 Laval"]}]}}'.encode("latin-1"),
                "not UTF-8 text: byte 0xe9"),
    "5000-digit-number": (b'{"answers": {"activities": ' + b"9" * 5000 + b"}}", "a number of 5,000 characters"),
    "1e400": (b'{"answers": {"activities": 1e400}}', "the number 1e400 is out of range"),
    "too-large": (b" " * assessments.limits.MAX_ANSWERS_FILE_BYTES + b"{}",
                  f"more than {assessments.limits.MAX_ANSWERS_FILE_BYTES:,}"),
    "not-json": (b"{not json", "not valid JSON"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_FILES))
def test_hostile_import_files_leave_the_answers_as_they_were(assessment: Page, tmp_path: Path, name: str) -> None:
    answers = {"activities": ["collaboration"], "collaboration_type": "formal", "partners": [{"country": "JP"}]}
    fill_answers(assessment, answers)
    # The result for all of these answers is shown: a reply to an earlier change still on its way would
    # replace the result, and with it the alert this test reads.
    expected = assessments.assess(answers)
    asked = expected["asked"]
    progress = f"{sum(q in answers for q in asked)} of {len(asked)} questions answered"
    expect(assessment.locator("#rs-summary-text")).to_contain_text(progress)
    expect(assessment.locator("#rs-result")).to_have_attribute("data-tier", expected["tier"])
    tier = result_tier(assessment)
    path = tmp_path / f"{name}.json"
    data, reason = HOSTILE_FILES[name]
    path.write_bytes(data)
    errors: list[str] = []
    assessment.on("pageerror", lambda e: errors.append(str(e)))
    assessment.locator("#rs-import").set_input_files(str(path))
    alert = assessment.locator("#rs-alert")
    expect(alert).to_contain_text("That file was not restored", timeout=15_000)
    expect(alert).to_contain_text(reason)
    expect(alert).to_contain_text("Your answers are unchanged.")
    assert errors == []
    expect(assessment.locator("#rs-q-partners select")).to_have_value("JP")
    assert result_tier(assessment) == tier
    stored = json.loads(assessment.evaluate("sessionStorage.getItem('rs-answers-v1')"))
    assert stored == answers


def test_import_reports_each_field_it_leaves_out(assessment: Page, tmp_path: Path) -> None:
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps({"answers": {
        "activities": ["collaboration"], "collaboration_type": "formal", "partner_blocked": "YES",
        "partner_country": "China", "partner_names": [{"a": 1}, None, "Oxford"]}}), encoding="utf-8")
    assessment.locator("#rs-import").set_input_files(str(path))
    alert = assessment.locator("#rs-alert")
    expect(alert).to_contain_text("left out", timeout=15_000)
    index = assessments.load_policy().question_index
    # partner_country and partner_names (an earlier questionnaire's keys) are read into partners.
    for key in ("partner_blocked", "partners"):
        expect(alert).to_contain_text(index[key].text)
    expect(alert).not_to_contain_text("partner_")
    expect(assessment.locator("#rs-q-collaboration_type input[value='formal']")).to_be_checked()
    names = assessment.locator("#rs-q-partners textarea").input_value()
    assert "[object" not in names and "null" not in names


def test_country_checklist_works_by_keyboard(assessment: Page) -> None:
    fill_answers(assessment, {"activities": ["collaboration", "money"], "foreign_funding": "yes"})
    block = assessment.locator("#rs-q-funder_countries")
    expect(block).to_be_visible()
    assert "Ctrl" not in block.inner_text()
    block.locator("input[type=search]").fill("germ")
    expect(block.locator(".rs-option:visible")).to_have_count(1)
    block.locator("input[type=search]").press("Tab")
    assessment.keyboard.press("Space")
    expect(block.locator(".rs-countries__chosen")).to_have_text("Chosen: Germany")
    assert assessment.evaluate("JSON.parse(sessionStorage.getItem('rs-answers-v1')).funder_countries") == ["DE"]


PRESET_EXPECT = {
    "informal": {"activities": ["collaboration"], "collaboration_type": "informal"},
    "agreement": {"activities": ["collaboration"], "collaboration_type": "formal"},
    "visitor": {"activities": ["visitor"]},
    "travel": {"activities": ["travel"]},
    "shipping": {"activities": ["collaboration"]},
    "paid": {"activities": ["money"]},
    "names": {"activities": ["collaboration"]},
    "nonsense": {},
}


@pytest.mark.parametrize("activity", sorted(PRESET_EXPECT))
def test_links_from_the_home_page_preselect_locally(page: Page, site_url: str, activity: str) -> None:
    hold_engine(page)  # the page preselects by itself, before and without the engine
    page.goto(site_url + f"self-assessment/?activity={activity}")
    stored = page.evaluate("sessionStorage.getItem('rs-answers-v1')")
    assert json.loads(stored or "{}") == PRESET_EXPECT[activity]
    for qid, values in PRESET_EXPECT[activity].items():
        assessments.load_policy().question_index[qid]  # the ids exist in the policy
        for value in values if isinstance(values, list) else [values]:
            expect(page.locator(f"#rs-q-{qid} input[value='{value}']")).to_be_checked()
    focus = {"shipping": "exchange", "names": "partners"}.get(activity)
    if focus:
        expect(page.locator(f"#rs-q-{focus}")).to_be_in_viewport()


def test_a_name_link_fills_the_names_and_stored_answers_win(page: Page, site_url: str) -> None:
    hold_engine(page)  # the page reads the link and the tab's answers by itself, before and without the engine
    page.goto(site_url + "self-assessment/?activity=names#name=Tsinghua%20University")
    expect(page.locator("#rs-q-partners textarea")).to_have_value("Tsinghua University")
    page.locator("#rs-q-activities input[value='travel']").check()
    page.goto(site_url + "self-assessment/?activity=visitor")
    expect(page.locator("#rs-q-activities input[value='visitor']")).not_to_be_checked()
    expect(page.locator("#rs-q-activities input[value='travel']")).to_be_checked()


def test_questions_are_answerable_before_the_engine_is_ready(page: Page, site_url: str) -> None:
    held = hold_engine(page)  # the engine download waits until the end of the test
    page.goto(site_url + "self-assessment/")
    page.locator("#rs-q-activities input[value='collaboration']").check()
    expect(page.locator("#rs-q-collaboration_type")).to_be_visible()
    page.locator("#rs-q-collaboration_type input[value='formal']").check()
    expect(page.locator("#rs-q-partners")).to_be_visible()
    expect(page.locator("#rs-summary-text")).to_contain_text("the assessment engine is starting")
    assert page.get_attribute("html", "data-engine") == "loading"
    assert result_tier(page) == ""
    for route in held:
        route.continue_()
    wait_ready(page)
    expect(page.locator("#rs-result")).not_to_have_attribute("data-tier", "")


def _axe(page: Page, scheme: str) -> list[str]:
    """axe in the light scheme (every rule), or in the dark one (the rules that measure colours: the same
    markup, other colours)."""
    settle_animations(page)
    return [f"{scheme} {v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
            for v in axe_violations(page, colours_only=scheme == "dark")]


def test_axe_clean_with_results_shown_in_the_department_copy(browser: Browser, northbridge_url: str) -> None:
    """The department copy's home page and self-assessment page with results, in the light scheme and then the
    dark one (the system switching while the page is open). The default copy's are on the walk of every page
    (test_accessibility.py), with this screening list and more."""
    copy, url = "northbridge", northbridge_url
    context = browser.new_context(color_scheme="light", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    problems = []
    page.goto(url)
    for scheme in ("light", "dark"):
        switch_scheme(page, scheme)
        problems += [f"home: {p}" for p in _axe(page, scheme)]
    banner = page.locator(".md-banner")
    if banner.count():
        assert banner.inner_text().strip() or not banner.is_visible(), "an empty banner strip"
    page.emulate_media(color_scheme="light")
    page.goto(url + "self-assessment/")
    wait_ready(page)
    _screened(page)
    for details in page.locator(".rs-near").all():
        details.locator("summary").click()
    for scheme in ("light", "dark"):
        switch_scheme(page, scheme)
        problems += [f"self-assessment: {p}" for p in _axe(page, scheme)]
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(SCREENSHOTS / f"ui-{copy}-{scheme}-1366.png"), full_page=False)
        page.locator("#rs-result").scroll_into_view_if_needed()
        page.screenshot(path=str(SCREENSHOTS / f"ui-{copy}-{scheme}-result.png"), full_page=False)
    context.close()
    assert problems == [], "\n".join(problems)
