"""The result read as a researcher acts on it, in real Chromium against the built site: the tier
and its why, then the next step, on a phone's first screen; the rest folded with counts; a tier
told as provisional while questions shown are unanswered, and none for an empty plan, in the same
words on every entry point (result, the bar in view, print, e-mail); print under five A4 pages with
a full-details option, in light colours from the dark scheme; screenshots of each."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

import assessments
from tests.support.browser import settle_animations, switch_scheme
from tests.support.ui import email_link, fill_answers, wait_ready

pytestmark = pytest.mark.browser
SCREENSHOTS = Path("/tmp")
PHONE = {"width": 390, "height": 844}
A4_PAGE = re.compile(rb"/Type\s*/Page[^s]")

# A formal project with two partners (one listed), DoD funding and past funding from a Chinese
# university; every question shown answered (a few "Not sure").
TWO_PARTNERS: dict[str, Any] = {
    "activities": ["collaboration"], "sponsors": ["dod"], "collaboration_type": "formal",
    "partners": [{"names": ["Harbin Institute of Technology"], "country": "CN"},
                 {"names": ["Technical University of Munich"], "country": "DE"}],
    "own_coc_funding": "yes", "partner_military": "unsure", "critical_technology": "yes",
    "partner_copublications": "unsure", "exchange": ["data", "software"], "military_end_use": "unsure",
    "unknown_participants": "unsure", "own_copublications": "yes",
}


def _complete(answers: dict[str, Any]) -> dict[str, Any]:
    """The answers with every question they show answered ("No" where nothing is given)."""
    answers = dict(answers)
    index = assessments.load_policy().question_index
    while open_ids := assessments.assess(answers, screening=False)["unanswered"]:
        for qid in open_ids:
            q = index[qid]
            answers[qid] = "no" if q.type == "yes_no_unsure" else assessments.example_answer(q)
    return answers


@pytest.fixture
def phone_dark(browser: Browser, site_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, color_scheme="dark", service_workers="block")
    page = context.new_page()
    page.goto(site_url + "self-assessment/")
    wait_ready(page)
    yield page
    context.close()


def _mailto(page: Page) -> tuple[str, str]:
    query = parse_qs(urlsplit(email_link(page)).query)
    return query["subject"][0], query["body"][0]


def test_a_phone_shows_the_tier_and_first_next_step_on_the_first_screen(phone_dark: Page) -> None:
    page = phone_dark
    answers = _complete(TWO_PARTNERS)
    expected = assessments.assess(answers)
    fill_answers(page, answers)
    result = page.locator("#rs-result")
    expect(result.locator(".rs-tier-line")).to_contain_text(expected["standing"]["text"], timeout=20_000)
    expect(result.locator(".rs-screen-summary li")).to_have_count(2, timeout=20_000)
    assert expected["standing"]["state"] == "final"
    expect(result.locator(".rs-tier-line")).to_contain_text(expected["standing"]["why"])
    result.scroll_into_view_if_needed()
    tier = result.locator(".rs-tier-line").bounding_box()
    first_step = result.locator(".rs-action").first.bounding_box()
    box = result.bounding_box()
    assert tier and first_step and box
    first_screen = first_step["y"] + first_step["height"] - box["y"]
    assert first_screen <= PHONE["height"], f"the first next step ends {first_screen:.0f} px into the result"
    assert box["height"] < 5 * PHONE["height"], f"the folded result is {box['height'] / PHONE['height']:.1f} screens"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # One button per form; each names the office that receives it; phones can be called.
    forms = {a["form"]["url"] for a in expected["actions"]}
    expect(result.locator(".rs-action a.md-button")).to_have_count(len(forms))
    expect(result.locator(".rs-action .rs-contact").first).to_contain_text("office")
    expect(result.locator(".rs-action a[href^='tel:']").first).to_be_visible()
    # The reasons that set the tier are open; the others folded in groups with their counts.
    top = [r for r in expected["reasons"] if r["tier"] == expected["tier"]]
    for reason in top:
        expect(result.locator(f".rs-why #rs-reason-{reason['rule']} .rs-reason__title")).to_be_visible()
    others = len(expected["reasons"]) - len(top)
    expect(result.locator(".rs-other h3")).to_have_text(f"Other reasons ({others})")
    expect(result.locator(".rs-other details.rs-fold").first).not_to_have_attribute("open", "")
    expect(result.locator(".rs-other .rs-reason").first).to_be_hidden()
    # Measures say which reason they address and carry no tier; no source doubts for the researcher.
    expect(result.locator(".rs-plan .rs-badge")).to_have_count(0)
    expect(result).not_to_contain_text("Not verified")
    page.evaluate("window.scrollTo(0, document.querySelector('#rs-result').getBoundingClientRect().top + scrollY)")
    page.screenshot(path=str(SCREENSHOTS / "result-phone-dark.png"))

    # The e-mail follows the same order and carries the reasons that set the tier.
    subject, body = _mailto(page)
    assert subject.endswith(expected["standing"]["short"])
    assert len(body) <= 1800
    order = [body.index(expected["standing"]["text"]), body.index("Next steps:"),
             body.index("Reasons that set the tier:")]
    assert order == sorted(order), body
    for reason in top:
        assert reason["title"] in body, f"{reason['rule']} is not in the e-mail"

    # Print: under five A4 pages folded, more with the details open; light colours from the dark scheme.
    page.emulate_media(media="print")
    badge = page.locator(".rs-why .rs-badge").first
    assert badge.evaluate("e => getComputedStyle(e).color") == "rgb(179, 38, 30)", "a pale badge in print"
    folded = len(A4_PAGE.findall(page.pdf(format="A4")))
    assert folded < 5, f"the printed result is {folded} A4 pages"
    page.evaluate("document.querySelectorAll('#rs-result-body details').forEach((d) => { d.open = true; })")
    full = len(A4_PAGE.findall(page.pdf(format="A4")))
    assert full > folded
    page.emulate_media(media="screen")
    expect(page.locator("#rs-print-full")).to_have_text("Print full details")


def test_unanswered_questions_make_the_tier_provisional_on_every_entry_point(page: Page, site_url: str) -> None:
    # "Host a visitor" from the home page: one question answered of the section it opens.
    page.goto(site_url + "self-assessment/?activity=visitor")
    wait_ready(page)
    expected = assessments.assess({"activities": ["visitor"]})
    stand = expected["standing"]
    assert stand["state"] == "provisional"
    line = page.locator("#rs-result .rs-tier-line")
    expect(line).to_contain_text(stand["text"], timeout=20_000)
    assert re.fullmatch(r"Low so far; \d+ questions in the sections you chose are unanswered\.", stand["text"])
    expect(page.locator("#rs-summary-text")).to_contain_text(stand["short"])
    expect(page.locator("#rs-result")).not_to_contain_text("no specific risk found")
    expect(page.locator("#rs-result .rs-fold summary").first).to_have_text(
        f"The unanswered questions ({len(stand['unanswered'])})")
    subject, body = _mailto(page)
    assert subject.endswith(stand["short"]) and stand["text"] in body
    page.emulate_media(media="print")
    expect(line).to_be_visible()
    page.emulate_media(media="screen")
    # Clearing the answers leaves no tier anywhere.
    page.locator("#rs-clear").click()
    expect(page.locator("#rs-summary-text")).to_contain_text("No tier yet")
    expect(page.locator("#rs-result")).to_have_attribute("data-tier", "")
    expect(page.locator("#rs-result .rs-tier-line")).to_have_count(0)


def test_desktop_light_result_and_controls(assessment: Page) -> None:
    page = assessment  # the shared page: light scheme, started once (its start is not what this test is about)
    page.set_viewport_size({"width": 1280, "height": 900})
    fill_answers(page, TWO_PARTNERS)
    result = page.locator("#rs-result")
    expect(result.locator(".rs-screen-summary li")).to_have_count(2, timeout=20_000)
    expect(result.locator(".rs-tier-line")).to_contain_text("At least high so far; ")
    expect(page.locator("#rs-summary-text")).to_contain_text("At least high so far (")
    page.evaluate("window.scrollTo(0, document.querySelector('#rs-result').getBoundingClientRect().top + scrollY)")
    page.screenshot(path=str(SCREENSHOTS / "result-desktop-light.png"))


def test_country_filter_has_a_border_and_buttons_keep_contrast_when_hovered(browser: Browser, site_url: str) -> None:
    """In the light scheme, then the dark one (the system switching while the page is open)."""
    context = browser.new_context(viewport=PHONE, color_scheme="light", service_workers="block")
    page = context.new_page()
    page.goto(site_url + "self-assessment/?activity=travel")
    wait_ready(page)
    box = page.locator("#rs-q-travel_countries input[type=search]")
    button = page.locator("#rs-print")
    for scheme in ("light", "dark"):
        switch_scheme(page, scheme)
        expect(box).to_be_visible()
        assert box.evaluate("e => getComputedStyle(e).borderTopStyle") == "solid", scheme
        page.mouse.move(0, 0)
        button.hover()
        settle_animations(page)  # the hover colours are a transition: measure where it ends
        # A transparent button shows what is behind it: the first ancestor with a background of its own.
        colours = button.evaluate("""e => {
          let bg = e;
          const clear = (el) => /^rgba\\(.*,0\\)$/.test(getComputedStyle(el).backgroundColor.replace(/\\s/g, ""));
          while (bg && clear(bg)) bg = bg.parentElement;
          return [getComputedStyle(e).color, bg ? getComputedStyle(bg).backgroundColor : "rgb(255, 255, 255)"];
        }""")
        assert _contrast(*colours) >= 4.5, f"hovered button {colours} in the {scheme} scheme"
    context.close()


def _contrast(a: str, b: str) -> float:
    def lum(css: str) -> float:
        r, g, b_ = (int(v) / 255 for v in re.findall(r"\d+", css)[:3])
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b_)]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    high, low = sorted((lum(a), lum(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
