"""What the site and Material keep in the browser's storage can be damaged (another script of the origin,
an older version, a hand edit). Every page ignores a value it cannot read, removes it, and works: no
script error, the questionnaire answers (its follow-up questions show; the engine is not needed for that,
nor affected by storage), the colour scheme follows the system and can be switched, a checklist keeps its
ticks, a reviewed page shows its content."""

from __future__ import annotations

import json
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

import assessments
from tests.support.ui import hold_engine

pytestmark = pytest.mark.browser

# Material's keys are prefixed with the site's path ("{scope}"), as its start-up script writes them.
PALETTE = "{scope}.__palette"
PALETTES = ["{", "[]", '"slate"', '{"index": 99, "color": {"scheme": "slate"}}', '{"index": "0", "color": 5}',
            '{"index": 0, "color": {"scheme": {"x": 1}}}']
SEEN = ["{", "yesterday", "[]"]
CHECKLIST = ["{", "[true, 1]", '"all"']
ANSWERS = ["{", "[1, 2]", "null", '{"activities": 5, "collaboration_type": {"a": 1}, "partners": "x"}']
PLANS = ["{", '{"a": 1}', '[null, 5, {"answers": "x"}]']
CASES = [{"local": {PALETTE: palette, "rs-changes-seen": SEEN[i % len(SEEN)],
                    "rs-checklist:travel": CHECKLIST[i % len(CHECKLIST)], "rs-saved-plans": PLANS[i % len(PLANS)]},
          "session": {"rs-answers-v1": ANSWERS[i % len(ANSWERS)]}} for i, palette in enumerate(PALETTES)]
SET = """([local, session]) => {
  const scope = new URL(document.querySelector("[data-md-scope]").dataset.mdScope, location).pathname;
  for (const [key, value] of Object.entries(local)) localStorage.setItem(key.replace("{scope}", scope), value);
  for (const [key, value] of Object.entries(session)) sessionStorage.setItem(key, value);
  return scope;
}"""


def _stored(page: Page, scope: str) -> dict[str, Any]:
    return page.evaluate("""([scope]) => ({palette: localStorage.getItem(scope + ".__palette"),
        seen: localStorage.getItem("rs-changes-seen"), checklist: localStorage.getItem("rs-checklist:travel"),
        answers: sessionStorage.getItem("rs-answers-v1")})""", [scope])


def _background(page: Page) -> str:
    return page.evaluate("getComputedStyle(document.body).backgroundColor")


@pytest.mark.parametrize("case", range(len(CASES)), ids=[f"palette {p}" for p in PALETTES])
def test_damaged_stored_values_are_dropped_and_every_page_works(browser: Browser, site_url: str, case: int) -> None:
    context = browser.new_context(color_scheme="dark", service_workers="block")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url)
    scope = page.evaluate(SET, [CASES[case]["local"], CASES[case]["session"]])

    # The questionnaire answers before and without the engine: its interpreter's download is held (no
    # Pyodide starts, most of the page's CPU time).
    hold_engine(page)
    page.goto(site_url + "self-assessment/")
    first = assessments.questions()[0]
    expect(page.locator(f"#rs-q-{first['id']}")).to_contain_text(first["text"])
    # The system's dark scheme, as for a reader who never chose one.
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    for box in page.locator(f"#rs-q-{first['id']} input").all():
        expect(box).not_to_be_checked()  # nothing of the damaged answers is shown as an answer
    page.locator(f"#rs-q-{first['id']} input[value='collaboration']").check()
    expect(page.locator("#rs-q-collaboration_type")).to_be_visible()
    # Material has started (its colour-scheme switch shows) and switches the scheme.
    toggle = page.locator("form[data-md-component=palette] label:visible")
    expect(toggle).to_have_count(1, timeout=10_000)
    dark = _background(page)
    toggle.click()
    expect(page.locator("body")).not_to_have_attribute("data-md-color-scheme", "slate")
    assert _background(page) != dark, "the page looks the same after switching the colour scheme"
    stored = _stored(page, scope)
    assert json.loads(stored["palette"])["color"]["scheme"] != "slate"  # the reader's choice, written afresh
    assert json.loads(stored["answers"]) == {"activities": ["collaboration"]}

    page.goto(site_url + "checklists/travel/")
    item = page.locator(".guide-checklist input[type=checkbox]").first
    expect(item).not_to_be_checked()
    item.check()
    page.reload()
    expect(page.locator(".guide-checklist input[type=checkbox]").first).to_be_checked()

    page.goto(site_url + "travel/")
    expect(page.locator("article h1")).to_be_visible()
    seen = _stored(page, scope)["seen"]
    assert seen is None or (len(seen) == 10 and seen[4] == "-"), seen  # a date, or nothing: never the damaged value
    page.goto(site_url + "changes/")
    expect(page.locator("article h1")).to_be_visible()
    assert errors == [], errors
    context.close()
