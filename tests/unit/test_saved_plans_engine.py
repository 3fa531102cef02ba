"""The engine's side of saved plans and the office's re-check: the record a plan keeps, what
changed since (plain sentences), the checked reading of a stored record, the batch CSV, and
the prefilled hand-off to a form (templates checked on load; exact fields and URL)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

import assessments
from assessments import browser, prefill, watch
from assessments.__main__ import main
from assessments.watch_batch import run_batch, safe_cell
from tests.support.paths import ROOT

LISTED = "Moscow Institute of Physics and Technology"  # on the BIS Entity List in the shipped data
ANSWERS = {"activities": ["collaboration"], "collaboration_type": "informal",
           "partners": [{"names": [LISTED], "country": "RU"}, {"names": ["Fictional Lab of Nowhere"], "country": "DE"}]}


def _now(answers: dict[str, Any] = ANSWERS) -> dict[str, Any]:
    config = assessments.default_config()
    return watch.record(watch.assess_as_page(answers, config), config)


def _before_listing(now: dict[str, Any]) -> dict[str, Any]:
    """The same plan as recorded before the partner was listed: older list dates, no match, a lower tier."""
    return {**now, "tier": "moderate", "matches": [], "lists": {lid: "2026-01-01" for lid in now["lists"]},
            "reasons": [r for r in now["reasons"] if not r["rule"].startswith("screening_")]}


def test_record_keeps_policy_version_list_dates_tier_reasons_and_matches() -> None:
    now = _now()
    site = watch.versions(assessments.default_config())
    assert now["policy_version"] == site["policy_version"]
    assert now["lists"] == {lid: info["as_of"] for lid, info in site["lists"].items()}
    assert now["tier"] == "high"
    assert any(r["rule"] == "screening_direct_high" for r in now["reasons"])
    assert {(m["name"], m["list"]) for m in now["matches"]} >= {(LISTED, "us_bis_entity_list")}
    assert all(m["partner"] == 0 for m in now["matches"])
    assert watch.check_record(json.loads(json.dumps(now))) == now


def test_compare_says_what_changed_in_plain_sentences() -> None:
    now = _now()
    diff = watch.compare(_before_listing(now), now)
    assert diff["changed"]
    assert diff["tier"] == {"before": "moderate", "after": "high"}
    entity = next(m for m in now["matches"] if m["list"] == "us_bis_entity_list")
    assert f"{LISTED}: now on BIS Entity List as of {entity['as_of']}." in diff["lines"]
    assert diff["lines"][0] == "Risk tier: moderate before, high now."
    assert any(line.startswith("New reason: ") for line in diff["lines"])
    assert {u["list"] for u in diff["lists_updated"]} == set(now["lists"])
    # The other way round: the match is gone, and the reason with it.
    back = watch.compare(now, _before_listing(now))
    assert f"{LISTED}: no longer on BIS Entity List (it was, as of {entity['as_of']})." in back["lines"]
    assert any(line.startswith("No longer a reason: ") for line in back["lines"])
    same = watch.compare(now, now)
    assert not same["changed"] and same["lines"] == []


def test_outdated_names_the_newer_policy_and_lists() -> None:
    now = _now()
    config = assessments.default_config()
    assert watch.outdated(now, config) == []
    old = {**now, "policy_version": "2020.1", "lists": {**now["lists"], "us_bis_entity_list": "2026-01-01"}}
    why = watch.outdated(old, config)
    assert why[0].startswith("The policy is now version ") and "2020.1" in why[0]
    assert any(line.startswith("BIS Entity List is now as of ") and "2026-01-01" in line for line in why)


@pytest.mark.parametrize(("change", "key"), [
    ({"tier": "catastrophic"}, "tier"),
    ({"lists": {"us_bis_entity_list": "yesterday"}}, "lists.us_bis_entity_list"),
    ({"reasons": [{"rule": "x", "title": "", "tier": "low"}]}, "reasons[0].title"),
    ({"matches": [{"name": "a", "list": "b", "label": "c", "as_of": "soon"}]}, "matches[0].as_of"),
    ({"matches": "none"}, "matches"),
    ({"policy_version": 3}, "policy_version"),
])
def test_a_damaged_record_is_refused_naming_the_key(change: dict[str, Any], key: str) -> None:
    with pytest.raises(assessments.AnswerError) as caught:
        watch.check_record({**_now(), **change})
    assert caught.value.key == key


def test_record_and_compare_requests_through_the_dispatcher() -> None:
    browser.init(json.dumps(assessments.default_config().to_json()))
    reply = json.loads(browser.handle(json.dumps({"op": "record", "payload": ANSWERS})))
    assert reply["ok"], reply
    record = reply["result"]["record"]
    before = _before_listing(record)
    reply = json.loads(browser.handle(json.dumps({"op": "compare", "payload": {"answers": ANSWERS, "before": before}})))
    assert reply["ok"], reply
    assert reply["result"]["diff"]["changed"] and reply["result"]["outdated"]
    # A file the page downloaded (answers and result, with the data it was assessed with).
    result = json.loads(browser.handle(json.dumps({"op": "assess", "payload": ANSWERS})))["result"]
    assert result["basis"]["lists"] == record["lists"]
    export = {"result": result, "saved_at": "2026-09-01T10:00:00Z"}
    reply = json.loads(browser.handle(json.dumps({"op": "compare", "payload": {"answers": ANSWERS, "export": export}})))
    assert reply["ok"] and not reply["result"]["diff"]["changed"]
    assert reply["result"]["before"]["checked"] == "2026-09-01"
    damaged = {"op": "compare", "payload": {"answers": ANSWERS, "before": {"tier": 1}}}
    bad = json.loads(browser.handle(json.dumps(damaged)))
    assert not bad["ok"] and bad["error"]["where"] == "saved plan"


# --- the office's batch --------------------------------------------------------------------

def test_batch_writes_one_formula_safe_row_per_plan(tmp_path: Path) -> None:
    config = assessments.default_config()
    now = _now()
    (tmp_path / "a-unchanged.json").write_text(json.dumps({"answers": ANSWERS, "record": now}), encoding="utf-8")
    (tmp_path / "b-listed-since.json").write_text(json.dumps({"answers": ANSWERS, "record": _before_listing(now)}),
                                                  encoding="utf-8")
    formula = {"activities": ["collaboration"], "collaboration_type": "informal",
               "partners": [{"names": ["=HYPERLINK(\"http://x\")"], "country": "RU"}]}
    (tmp_path / "c-formula.json").write_text(json.dumps({"answers": formula}), encoding="utf-8")
    (tmp_path / "d-broken.json").write_text("{not json", encoding="utf-8")
    out = io.StringIO()
    errors = run_batch(str(tmp_path), config, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert errors == 1
    assert [r["file"] for r in rows] == ["a-unchanged.json", "b-listed-since.json", "c-formula.json", "d-broken.json"]
    assert rows[0]["changed"] == "no" and rows[0]["tier_then"] == rows[0]["tier_now"] == "high"
    assert rows[1]["changed"] == "yes" and (rows[1]["tier_then"], rows[1]["tier_now"]) == ("moderate", "high")
    assert rows[1]["changed_reasons"].startswith("added: ")
    assert f"NEW {LISTED}: BIS Entity List as of " in rows[1]["matches"]
    assert rows[2]["tier_then"] == "not recorded"
    assert "not valid JSON" in rows[3]["error"]
    cells = [cell for row in csv.reader(io.StringIO(out.getvalue())) for cell in row]
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_a_cell_that_a_spreadsheet_would_run_is_kept_as_text(text: str) -> None:
    assert safe_cell(text) == "'" + text
    assert safe_cell("plain") == "plain"


def test_cli_batch_and_its_exit_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "plan.json").write_text(json.dumps({"answers": ANSWERS, "record": _now()}), encoding="utf-8")
    assert main(["assess", "--batch", str(tmp_path)]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("file,tier_then,tier_now,")
    assert main(["assess", "--batch", str(tmp_path / "absent")]) == 2
    assert "is not a folder" in capsys.readouterr().err
    assert main(["assess"]) == 2


# --- the prefilled hand-off ------------------------------------------------------------------

FORM = 'url = "https://forms.example.edu/collaboration-screening"'


def _config_with(line: str) -> assessments.Config:
    text = (ROOT / "institution.toml").read_text(encoding="utf-8")
    assert FORM in text
    return assessments.config.parse_config(text.replace(FORM, f"{FORM}\n{line}"), "test.toml")


@pytest.mark.parametrize(("line", "reason"), [
    ('prefill_url = "http://forms.example.edu/s?risk={tier}"', "must start with https://"),
    ('prefill_url = "https://forms.example.edu/s?risk={colour}"', "unknown field {colour}"),
    ('prefill_url = "https://forms.example.edu/{tier}?x=1"', "outside the query"),
    ('prefill_url = "https://forms.example.edu/s"', "no query parameters"),
    ('prefill_url = "https://forms.example.edu/s?risk=high"', "names no field"),
    ('prefill_url = "https://forms.example.edu/s?a={reasons}&b={partners}&c={matches}&d={reasons}&e={form}"',
     "could grow to"),
    ('prefill_mail = "https://forms.example.edu/s?subject={tier}"', "must start with mailto:"),
])
def test_a_bad_prefill_template_is_refused_naming_the_key(line: str, reason: str) -> None:
    with pytest.raises(assessments.ConfigError) as caught:
        _config_with(line)
    assert caught.value.key == f"forms.collaboration_screening.{line.split(maxsplit=1)[0]}"
    assert reason in caught.value.reason


def test_default_configuration_keeps_plain_links() -> None:
    result = watch.assess_as_page(ANSWERS, assessments.default_config())
    prefill.attach(result, ANSWERS, assessments.default_config(), assessments.load_policy())
    assert result["actions"] and all("prefill" not in a["form"] for a in result["actions"])


def test_prefill_builds_the_exact_fields_and_url_from_the_result() -> None:
    config = _config_with('prefill_url = "https://forms.example.edu/s?entry.1={tier}&entry.2={partners}'
                          '&note=From%20the%20self-assessment%20{date}"')
    browser.init(json.dumps(config.to_json()))
    try:
        result = json.loads(browser.handle(json.dumps({"op": "assess", "payload": ANSWERS})))["result"]
    finally:
        browser.init(json.dumps(assessments.default_config().to_json()))
    prefilled = [a for a in result["actions"] if "prefill" in a["form"]]
    assert [a["form"]["id"] for a in prefilled] == ["collaboration_screening"]
    made = prefilled[0]["form"]["prefill"]
    fields = {f["name"]: f["value"] for f in made["fields"]}
    assert fields["entry.1"] == "high"
    assert fields["entry.2"] == f"{LISTED} (Russian Federation); Fictional Lab of Nowhere (Germany)"
    assert fields["note"].startswith("From the self-assessment 20")
    assert made["kind"] == "url" and made["target"] == "https://forms.example.edu/s"
    query = {k: v[0] for k, v in parse_qs(urlsplit(made["url"]).query).items()}
    assert query == fields


def test_a_long_value_is_shortened_to_fit_its_share_of_the_url() -> None:
    made = prefill.build("https://f.example/s?r={reasons}", {"reasons": "\u00e9" * 2000})
    value = made["fields"][0]["value"]
    assert value.endswith("\u2026") and len(made["url"]) <= len("https://f.example/s?r=") + prefill.FIELDS["reasons"][1]
