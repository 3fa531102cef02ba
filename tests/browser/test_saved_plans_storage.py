"""A damaged saved-plans value in this browser's storage is removed; every readable plan is kept.

site_src/saved-plans.mjs reads one localStorage key. A value that is not JSON, or not a list, is
removed the first time a page reads it (every page does: saved-plans-notice.mjs on the guidance
pages, the saved-plans panel on the self-assessment page); entries that are not plans are removed
from the list, and the plans beside them stay exactly as they were stored and are still shown.
Other keys are never touched.
"""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.support.ui import wait_ready

pytestmark = pytest.mark.browser

KEY = "rs-saved-plans"
PLAN = {
    "id": "p-kept", "name": "Visit from the partner lab",
    "answers": {"activities": ["visitor"]},
    # No record of an assessment yet: the guidance pages' notice counts it as due for a re-check.
    "record": None, "change": None, "savedAt": "2026-12-01", "checkedAt": "2026-12-01",
}


def _store(page: Page, url: str, value: str) -> None:
    page.goto(url + "privacy/")
    page.evaluate("([key, value]) => { localStorage.setItem(key, value); localStorage.setItem('other-key', 'kept'); }",
                  [KEY, value])


def _stored_until(page: Page, done: Any) -> str | None:
    """The stored value once `done(value)` holds (the pages read storage from a module script), or the
    last value read after 15 s."""
    value = None
    for _ in range(150):
        value = page.evaluate(f"localStorage.getItem('{KEY}')")
        if done(value):
            break
        time.sleep(0.1)
    return value


@pytest.mark.parametrize("damaged", ["{not json", "42", '{"id": "p1"}', "null"])
def test_a_damaged_value_is_removed_and_other_keys_stay(page: Page, site_url: str, damaged: str) -> None:
    _store(page, site_url, damaged)
    page.goto(site_url + "visitors/")
    assert _stored_until(page, lambda v: v is None) is None, "the damaged value was left in storage"
    assert page.evaluate("localStorage.getItem('other-key')") == "kept"
    # Nothing to show, and nothing broken: the page reads as usual.
    expect(page.locator(".rs-saved-notice")).to_have_count(0)
    expect(page.locator("article h1")).to_be_visible()


def test_entries_that_are_not_plans_are_removed_and_the_plan_beside_them_is_kept_and_shown(
        page: Page, site_url: str) -> None:
    _store(page, site_url, json.dumps([42, PLAN, {"id": 3, "name": "no answers"}, "text", None]))
    page.goto(site_url + "visitors/")
    notice = page.locator(".rs-saved-notice")
    expect(notice).to_contain_text("1 saved plan changed since you last looked", timeout=15_000)
    expect(notice.get_by_role("link", name=f"Open \u201c{PLAN['name']}\u201d")).to_be_visible()
    stored = _stored_until(page, lambda v: v is not None and json.loads(v) == [PLAN])
    assert stored is not None and json.loads(stored) == [PLAN], f"stored now: {stored}"
    assert page.evaluate("localStorage.getItem('other-key')") == "kept"
    # The self-assessment page's panel lists the kept plan by its name.
    page.goto(site_url + "self-assessment/")
    wait_ready(page)
    expect(page.locator(".rs-saved-plan")).to_have_count(1)
    expect(page.locator(".rs-saved-plan")).to_contain_text(PLAN["name"])
