"""Drive the self-assessment page like a person: click, choose, type."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from playwright.sync_api import Locator, Page, Route, expect

import assessments

READY_TIMEOUT_MS = 60_000


def wait_engine(page: Page, state: str = "ready") -> None:
    """Wait for <html data-engine> to leave "loading"; it must then be `state`.

    A locator wait, not wait_for_function: that evaluates strings in the page,
    which a strict Content-Security-Policy (rightly) forbids.
    """
    html = page.locator("html")
    expect(html).to_have_attribute("data-engine", re.compile("^(ready|failed)$"), timeout=READY_TIMEOUT_MS)
    actual = html.get_attribute("data-engine")
    assert actual == state, f"engine state is {actual!r}"


def wait_ready(page: Page) -> None:
    wait_engine(page, "ready")


def hold_engine(page: Page) -> list[Route]:
    """Hold the download of the engine's interpreter (pyodide.asm.wasm) for this page, as a slow network
    would: the page stays as it is before the engine is ready ("starting"), and no Pyodide starts (most
    of a page start's CPU time). Returns the held requests: continue them to let the engine start;
    those left are dropped when the page closes. For a test of what the page does before and without
    the engine (questions, links that preselect, names carried in the address)."""
    held: list[Route] = []

    def hold(route: Route) -> None:  # Playwright needs a Python function, not a bound builtin
        held.append(route)

    page.route("**/pyodide.asm.wasm", hold)
    return held


def fill_answers(page: Page, answers: dict[str, Any]) -> None:
    """Answer through the real controls, in questionnaire order, so follow-ups appear as they would.

    A question asked of each partner, given once at the top level (as an old answers file does), is
    answered for every partner (one partner without a name if none is given), as the engine reads it."""
    questions = assessments.questions()
    order = [q["id"] for q in questions]
    fields = {q["id"]: v for q in questions if q.get("of_each_partner") and (v := answers.get(q["id"])) is not None}
    if fields:
        answers = {k: v for k, v in answers.items() if k not in fields}
        answers["partners"] = [{**fields, **p} for p in answers.get("partners") or [{}]]
    for qid in sorted(answers, key=order.index):
        value = answers[qid]
        block = page.locator(f"#rs-q-{qid}")
        expect(block).to_be_visible(timeout=10_000)
        widget = block.get_attribute("data-widget")
        assert widget == assessments.ANSWER_TYPES[block.get_attribute("data-type") or ""].widget, qid
        values = value if isinstance(value, list) else [value]
        _FILL[widget](block, values)


def _check(block: Locator, values: list[Any]) -> None:
    for v in values:
        block.locator(f"input[value='{v}']").check()


def _fill_partners(block: Locator, partners: list[Any]) -> None:
    """One row per partner: "Add another partner" for each after the first, then its names and country."""
    for i, partner in enumerate(partners):
        if i >= block.locator("[data-rs-partner]").count():
            block.get_by_role("button", name="Add another partner").click()
        block.get_by_label(f"Partner {i + 1}: names").fill("\n".join(partner.get("names", [])))
        if partner.get("country"):
            block.get_by_label(f"Partner {i + 1}: country").select_option(partner["country"])
        # The questions asked of each partner, in questionnaire order (a follow-up shows once its trigger is answered).
        for q in assessments.questions():
            if q.get("of_each_partner") and q["id"] in partner:
                group = block.get_by_role("group", name=f"Partner {i + 1}: {q['text']}", exact=True)
                expect(group).to_be_visible(timeout=10_000)
                group.locator(f"input[value='{partner[q['id']]}']").check()


# How a person answers each widget kind (assessments.answer_types.WIDGETS).
_FILL: dict[str, Callable[[Locator, list[Any]], None]] = {
    "radio": _check,
    "checkboxes": _check,
    "country": lambda block, values: block.locator("select").select_option(values),
    "countries": _check,  # a filterable checklist of countries
    "names": lambda block, values: block.locator("textarea").fill("\n".join(values)),
    "text": lambda block, values: block.locator("input").fill(" ".join(map(str, values))),
    "partners": _fill_partners,
}
assert set(_FILL) == set(assessments.answer_types.WIDGETS), "a widget kind without a way to fill it"


def email_link(page: Page) -> str:
    """Click "Email" and return the mailto: address the page opens (the mail program is never started).

    The click on the link the page builds is caught and cancelled; the catcher is installed once per
    document, so a page shared by several tests never reports one click twice."""
    page.evaluate("""() => { window.__mailto = [];
      if (window.__mailtoCaught) return;
      window.__mailtoCaught = true;
      document.addEventListener('click', (e) => { const a = e.target.closest('a[href^="mailto:"]');
        if (a && a.closest('.rs-tools, body > a')) { window.__mailto.push(a.href); e.preventDefault(); } }, true); }""")
    page.locator("#rs-email").click()
    [href] = page.evaluate("window.__mailto")
    return href


def result_tier(page: Page) -> str:
    return page.get_attribute("#rs-result", "data-tier") or ""


def search_finds(page: Page, term: str) -> None:
    """Material's header search, opened as a reader opens it (its index is built then), lists results for
    `term` once the index is ready."""
    search = page.locator("input.md-search__input")
    search.click()
    expect(page.locator(".md-search-result__meta")).to_have_text("Type to start searching", timeout=30_000)
    search.press_sequentially(term)  # Material searches on key events, not on fill()
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)
    search.fill("")
    page.keyboard.press("Escape")
