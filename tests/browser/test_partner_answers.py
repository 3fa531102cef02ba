"""Questions about a partner are asked of each partner, inside its own row, on a phone-width page;
the result says which partner each reason concerns (visible text)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.support.ui import fill_answers, result_tier

pytestmark = pytest.mark.browser
SCREENSHOT = Path("/tmp/partners-two-partners-390.png")
BLOCKED = "Is the partner, or the institution they work for, blocked by US sanctions?"


@pytest.fixture
def phone(assessment: Page) -> Page:
    assessment.set_viewport_size({"width": 390, "height": 844})
    return assessment


def test_two_partners_each_answer_for_themselves_and_reasons_name_them(phone: Page) -> None:
    fill_answers(phone, {
        "activities": ["collaboration"], "collaboration_type": "informal",
        "partners": [{"names": ["Example University of Applied Science"], "country": "DE", "partner_blocked": "no",
                      "partner_government": "yes"},
                     {"names": ["Example Institute of Physics"], "country": "FR", "partner_blocked": "yes",
                      "partner_government": "no"}]})
    block = phone.locator("#rs-q-partners")
    # Each row asks the question for its own partner, and the answers stay apart.
    first = block.get_by_role("group", name=f"Partner 1: {BLOCKED}", exact=True)
    second = block.get_by_role("group", name=f"Partner 2: {BLOCKED}", exact=True)
    expect(first).to_be_visible()
    expect(second).to_be_visible()
    expect(first.get_by_label("No", exact=True)).to_be_checked()
    expect(second.get_by_label("Yes", exact=True)).to_be_checked()
    # Asked only inside the rows, not once more on its own.
    expect(phone.locator("#rs-q-partner_blocked")).to_have_count(0)
    expect(phone.locator("#rs-result")).to_have_attribute("data-tier", "prohibited", timeout=20_000)
    reason = phone.locator("#rs-reason-partner_blocked")
    expect(reason).to_contain_text("Concerns partner: Example Institute of Physics (FR)")
    expect(reason).not_to_contain_text("Example University of Applied Science")
    # Nothing wider than the phone.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    block.scroll_into_view_if_needed()
    block.screenshot(path=str(SCREENSHOT))

    # Removing the second partner removes its answers with it: the reason goes.
    block.get_by_role("button", name="Remove partner 2").click()
    expect(phone.locator("#rs-result")).not_to_have_attribute("data-tier", "prohibited", timeout=20_000)
    assert result_tier(phone) != "prohibited"
    remaining = block.get_by_role("group", name=f"Partner 1: {BLOCKED}", exact=True)
    expect(remaining.get_by_label("No", exact=True)).to_be_checked()


def test_one_partner_is_asked_once(phone: Page) -> None:
    fill_answers(phone, {"activities": ["collaboration"], "collaboration_type": "informal",
                         "partners": [{"country": "DE"}]})
    block = phone.locator("#rs-q-partners")
    expect(block.get_by_role("group", name=f"Partner 1: {BLOCKED}", exact=True)).to_be_visible()
    expect(block.get_by_role("group", name=f"Partner 2: {BLOCKED}", exact=True)).to_have_count(0)
