"""The self-assessment page in real Chromium, against the built site served on
127.0.0.1: complete flows for every tier, failure of the engine download,
hostile input, export and re-import, privacy and a strict CSP (accessibility:
test_accessibility.py)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

import assessments
from tests.support.browser import collect_csp_violations, csp_violations
from tests.support.paths import scenarios
from tests.support.server import ServerOptions, serve
from tests.support.ui import email_link, fill_answers, search_finds, wait_engine, wait_ready

pytestmark = pytest.mark.browser
STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'"
TIERS = ("low", "moderate", "high", "prohibited")


def _scenarios() -> dict[str, tuple[str, dict[str, Any]]]:
    """The first golden scenario for each tier (tests/scenarios/, shared with the engine tests)."""
    chosen: dict[str, tuple[str, dict[str, Any]]] = {}
    for name, data in scenarios().items():
        chosen.setdefault(data["expect"]["tier"], (name, data))
    return chosen


SCENARIOS = _scenarios()


def _asked_answers(answers: dict[str, Any]) -> dict[str, Any]:
    """Only answers to questions the page shows for these answers (others cannot be typed in)."""
    asked = set(assessments.assess(answers, screening=False)["asked"])
    return {k: v for k, v in answers.items() if k in asked}


def test_every_tier_has_a_flow() -> None:
    assert set(SCENARIOS) == set(TIERS), f"golden scenarios cover only {sorted(SCENARIOS)}"


@pytest.mark.parametrize("tier", TIERS)
def test_complete_flow_reaches_expected_tier(assessment: Page, tier: str) -> None:
    name, scenario = SCENARIOS[tier]
    fill_answers(assessment, _asked_answers(scenario["answers"]))
    result = assessment.locator("#rs-result")
    expect(result).to_have_attribute("data-tier", tier, timeout=10_000)
    for rule in scenario["expect"]["rules"]:
        expect(result.locator(f"[data-rule='{rule}']")).to_have_count(1)
    for action in scenario["expect"]["actions"]:
        # One button per form: actions that lead to the same form share it.
        button = result.locator(f"[data-action~='{action}'] a.md-button")
        expect(button).to_have_count(1)
        assert button.get_attribute("href"), f"{name}: action {action} has no link"
    # The tier is told in words, not by colour alone.
    assert tier in result.locator(".rs-tier-line").inner_text().lower()


def test_what_if_changes_the_result_at_once(assessment: Page) -> None:
    fill_answers(
        assessment, {"activities": ["collaboration"], "collaboration_type": "informal", "partners": [{"country": "DE"}]}
    )
    result = assessment.locator("#rs-result")
    before = result.get_attribute("data-tier")
    assessment.locator("#rs-q-partners select").select_option("IR")
    # Informal, nothing but publishable work named: high (publishing general licence), not prohibited.
    expect(result).to_have_attribute("data-tier", "high")
    assessment.locator("#rs-q-partners select").select_option("DE")
    expect(result).to_have_attribute("data-tier", before or "low")


def test_country_lists_are_filled_from_the_one_template(assessment: Page) -> None:
    """The countries are in the page once; every country list gets all of them, by name, in order."""
    countries = sorted(assessments.load_policy().country_names.items(), key=lambda kv: kv[1])
    lists = assessment.locator("select[data-rs-countries]")
    assert lists.count() >= 2
    for i in range(lists.count()):
        select = lists.nth(i)
        options = select.locator("option[value]:not([value=''])")
        expect(options).to_have_count(len(countries))
        assert options.first.get_attribute("value") == countries[0][0]
        assert options.last.text_content() == countries[-1][1]
    # A keyboard user can choose in a list with the arrow keys.
    fill_answers(assessment, {"activities": ["collaboration"]})
    select = assessment.locator("#rs-q-partners select")
    expect(select).to_be_visible()
    select.focus()
    assessment.keyboard.press("ArrowDown")  # from "(not chosen)" to the first country
    expect(select).to_have_value(countries[0][0])


def test_follow_up_questions_follow_the_engine(assessment: Page) -> None:
    followups = assessment.locator(".rs-question[data-followup]")
    assert followups.count() > 0
    hidden_before = assessment.locator(".rs-question[data-followup][hidden]").count()
    assessment.locator("#rs-q-activities input[value='collaboration']").check()
    expect(assessment.locator("#rs-q-partners")).to_be_visible()
    assert assessment.locator(".rs-question[data-followup][hidden]").count() < hidden_before


def test_unsure_adds_a_todo(assessment: Page) -> None:
    fill_answers(
        assessment, {"activities": ["collaboration"], "collaboration_type": "informal", "military_end_use": "unsure"}
    )
    expect(assessment.locator(".rs-todo li[data-question='military_end_use']")).to_have_count(1)


HOSTILE = [
    "<script>alert('names')</script>",
    '<img src=x onerror="alert(1)">',
    '"><svg onload=alert(2)>',
    "مركز الأبحاث للتقنية \u202e evil.exe",
    "研究所 🧪🔬 Институт",
]


def test_hostile_input_is_inert_text(assessment: Page) -> None:
    fill_answers(assessment, {"activities": ["collaboration"], "collaboration_type": "informal"})
    names = assessment.locator("#rs-q-partners textarea")
    names.fill("\n".join(HOSTILE))
    panel = assessment.locator("#rs-q-partners .rs-screening")
    expect(panel.locator(".rs-screen")).to_have_count(len(HOSTILE), timeout=10_000)
    text = panel.inner_text()
    for value in HOSTILE[:3]:
        assert value in text, f"{value!r} was not shown as text"
    assert panel.locator("script, img, svg, iframe").count() == 0
    # The same inert text survives export to plain text.
    summary = assessment.evaluate("() => document.getElementById('rs-copy') !== null")
    assert summary


def test_too_long_answer_is_refused_with_a_clear_message(assessment: Page) -> None:
    fill_answers(assessment, {"activities": ["collaboration"], "collaboration_type": "informal"})
    assessment.locator("#rs-q-partners textarea").fill("A" * 5000)
    error = assessment.locator("#rs-q-partners .rs-error")
    expect(error).to_be_visible(timeout=10_000)
    expect(error).to_contain_text(re.compile("longer than", re.I))
    # The message names the question as the page shows it, not its internal id.
    expect(assessment.locator("#rs-result .rs-error")).to_contain_text("The partner institutions or companies")
    assert "partners" not in assessment.locator("#rs-result").inner_text()
    # Nothing typed is lost: the text is still in the field.
    assert len(assessment.locator("#rs-q-partners textarea").input_value()) == 5000


def test_two_partners_through_the_widget_are_screened_and_named(assessment: Page) -> None:
    """A second partner is added with the button (keyboard), each partner's names are
    screened in its own panel, and each reason names the partner it concerns."""
    fill_answers(assessment, {"activities": ["collaboration"], "collaboration_type": "formal"})
    block = assessment.locator("#rs-q-partners")
    block.get_by_label("Partner 1: names").fill("University of Oxford")
    block.get_by_label("Partner 1: country").select_option("GB")
    block.get_by_role("button", name="Add another partner").press("Enter")
    expect(block.get_by_label("Partner 2: names")).to_be_focused()
    assessment.keyboard.type("Harbin Institute of Technology")
    block.get_by_label("Partner 2: country").select_option("CN")
    panels = block.locator(".rs-screening")
    expect(panels.nth(1).locator(".rs-screen")).to_have_count(1, timeout=20_000)
    expect(panels.nth(0).locator(".rs-screen")).to_have_count(1)
    expect(panels.nth(0)).to_contain_text("University of Oxford")
    expect(panels.nth(0)).not_to_contain_text("Harbin")
    expect(panels.nth(1)).to_contain_text("Harbin Institute of Technology")
    result = assessment.locator("#rs-result")
    elevated = result.locator("[data-rule='elevated_risk_formal'] .rs-reason__partners")
    expect(elevated).to_have_text("Concerns partner: Harbin Institute of Technology (CN)")
    expect(result.locator("[data-rule^='screening_direct'] .rs-reason__partners").first).to_contain_text(
        "Harbin Institute of Technology (CN)")
    expect(result).not_to_have_attribute("data-tier", "")
    # Remove partner 1 by keyboard: partner 2 becomes partner 1, with its labels.
    block.get_by_role("button", name="Remove partner 1").press("Enter")
    expect(block.locator("[data-rs-partner]")).to_have_count(1)
    expect(block.get_by_label("Partner 1: names")).to_have_value("Harbin Institute of Technology")
    expect(panels.nth(0)).to_contain_text("Harbin Institute of Technology", timeout=20_000)
    stored = json.loads(assessment.evaluate("sessionStorage.getItem('rs-answers-v1')"))
    assert stored["partners"] == [{"names": ["Harbin Institute of Technology"], "country": "CN"}]


def test_an_old_tab_with_partner_country_and_names_still_loads(assessment: Page) -> None:
    """Answers a tab kept in partner_country and partner_names (before partners) are read into partners by
    the engine (not by the page)."""
    old = {"activities": ["collaboration"], "collaboration_type": "formal", "partner_country": "IR",
           "partner_names": ["Sharif University of Technology"]}
    assessment.evaluate("(old) => sessionStorage.setItem('rs-answers-v1', JSON.stringify(old))", old)
    assessment.reload()
    wait_ready(assessment)
    expect(assessment.locator("#rs-q-partners select")).to_have_value("IR")
    expect(assessment.locator("#rs-q-partners textarea")).to_have_value("Sharif University of Technology")
    expect(assessment.locator("#rs-result")).to_have_attribute("data-tier", "prohibited")
    stored = json.loads(assessment.evaluate("sessionStorage.getItem('rs-answers-v1')"))
    assert "partner_country" not in stored
    assert stored["partners"] == [{"names": ["Sharif University of Technology"], "country": "IR"}]


def test_answers_survive_reload_and_clear_empties_them(assessment: Page) -> None:
    fill_answers(assessment, {"activities": ["collaboration"], "collaboration_type": "formal",
        "partners": [{"country": "JP"}]})
    assessment.reload()
    wait_ready(assessment)
    expect(assessment.locator("#rs-q-partners select")).to_have_value("JP")
    expect(assessment.locator("#rs-q-collaboration_type input[value='formal']")).to_be_checked()
    assessment.locator("#rs-clear").click()
    expect(assessment.locator("#rs-q-partners select")).to_have_value("")
    assert assessment.evaluate("sessionStorage.getItem('rs-answers-v1')") in (None, "{}")
    assert assessment.context.cookies() == []


def test_download_and_reimport_restore_answers(assessment: Page, tmp_path: Path) -> None:
    answers = {"activities": ["collaboration"], "collaboration_type": "formal", "partners": [{"country": "CN"}]}
    fill_answers(assessment, answers)
    expect(assessment.locator("#rs-result")).not_to_have_attribute("data-tier", "")
    with assessment.expect_download() as info:
        assessment.locator("#rs-download").click()
    saved = tmp_path / "saved.json"
    info.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["answers"] == answers
    assert data["result"]["tier"] == assessment.get_attribute("#rs-result", "data-tier")
    assert data["policy_version"] == assessments.load_policy().version

    assessment.locator("#rs-clear").click()
    expect(assessment.locator("#rs-q-partners select")).to_have_value("")
    assessment.locator("#rs-import").set_input_files(str(saved))
    expect(assessment.locator("#rs-q-partners select")).to_have_value("CN")
    expect(assessment.locator("#rs-result")).to_have_attribute("data-tier", data["result"]["tier"])

    # A broken file is refused and loses nothing.
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    assessment.locator("#rs-import").set_input_files(str(broken))
    expect(assessment.locator("#rs-alert")).to_contain_text("unchanged")
    expect(assessment.locator("#rs-q-partners select")).to_have_value("CN")


def test_copy_email_and_print(assessment: Page, site_url: str) -> None:
    assessment.context.grant_permissions(["clipboard-read", "clipboard-write"], origin="{0.scheme}://{0.netloc}".format(urlsplit(site_url)))
    fill_answers(assessment, {"activities": ["collaboration"], "collaboration_type": "formal",
        "partners": [{"country": "IR"}]})
    expect(assessment.locator("#rs-result")).to_have_attribute("data-tier", "prohibited")
    assessment.locator("#rs-copy").click()
    expect(assessment.locator("#rs-tools-status")).to_contain_text("copied")
    copied = assessment.evaluate("navigator.clipboard.readText()")
    assert re.search(r"Result: (Prohibited|At least prohibited)", copied), copied
    assert "The partner institutions or companies" in copied and "Iran" in copied
    assert "partner_country" not in copied and '"partners"' not in copied, \
        "answers are listed by question text, not internal id"

    # The mail is prepared only on the click, and says where it goes.
    assert assessment.locator("a[href^='mailto:'][href*='subject=']").count() == 0
    mailto = email_link(assessment)
    assert mailto.startswith("mailto:") and "prohibited" in mailto.lower()

    assessment.emulate_media(media="print")
    expect(assessment.locator(".rs-tools")).to_be_hidden()
    expect(assessment.locator(".rs-print-header")).to_be_visible()
    expect(assessment.locator("#rs-result")).to_be_visible()


@pytest.fixture
def served(built_site: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    with serve(built_site, request.param) as url:
        yield url


@pytest.mark.parametrize("served", [ServerOptions(refuse=("pyodide.asm.wasm",))], indirect=True)
def test_blocked_engine_download_falls_back_and_keeps_answers(page: Page, served: str) -> None:
    page.goto(served + "self-assessment/")
    page.locator("#rs-q-activities input[value='collaboration']").check()
    wait_engine(page, "failed")
    expect(page.locator("#rs-fallback")).to_be_visible()
    # Said at once and with the reason, not after the engine's no-progress wait.
    expect(page.locator("#rs-engine-status")).to_contain_text("could not start")
    expect(page.locator("#rs-engine-status")).to_contain_text("pyodide.asm.wasm: HTTP 403")
    expect(page.locator("#rs-fallback a[href^='mailto:']").first).to_be_visible()
    search_finds(page, "visitor")  # the search waits for the engine: "failed" releases it too
    page.locator("#rs-q-partners select").select_option("FR")
    page.reload()
    wait_engine(page, "failed")
    expect(page.locator("#rs-q-activities input[value='collaboration']")).to_be_checked()
    expect(page.locator("#rs-q-partners select")).to_have_value("FR")


@pytest.mark.parametrize("served", [ServerOptions(headers={"Content-Security-Policy": STRICT_CSP})], indirect=True)
def test_works_under_strict_content_security_policy(page: Page, served: str) -> None:
    collect_csp_violations(page)
    page.goto(served + "self-assessment/")
    wait_ready(page)
    fill_answers(page, {"activities": ["collaboration"], "collaboration_type": "formal",
        "partners": [{"country": "IR"}]})
    expect(page.locator("#rs-result")).to_have_attribute("data-tier", "prohibited")
    # The result's folded parts use Material's details icons, data: images as the search results' icons
    # below: this minimal policy refuses them, the one the hosting guide recommends allows them.
    assert [v for v in csp_violations(page) if v != "img-src data"] == []
    # Material's search worker, started by search-worker.js with importScripts.
    # (Material's result icons are data: images, which this minimal policy refuses;
    # the policy the hosting guide recommends allows them: img-src 'self' data:.)
    search_finds(page, "sanctions")
    assert [v for v in csp_violations(page) if v != "img-src data"] == []
