"""The page's condition interpreter (site_src/assessment-asked.mjs), which shows the follow-up questions
before the engine has started, agrees with the engine's op `assess` on every question of random answer
sets: the built module runs under Node on the page's own build-time data, the engine under CPython with
the build's configuration, and both must ask the same questions and require the same ones.

The answer sets come from the answer-type table (values, country lists, partners), not from a list of
hand-picked cases, so a new question, option or country list is covered without editing this file."""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import assessments
from assessments import browser
from tests.support.paths import ROOT, scenarios

RANDOM_SETS = 1000
SEED = 20261206
DATA = re.compile(r'<script type="application/json" id="rs-policy-data">(.*?)</script>', re.S)


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed: this test runs the page's module under Node (the README's test command "
                    "installs it)")
    return node


def _page_data(site: Path) -> dict[str, Any]:
    found = DATA.search((site / "self-assessment" / "index.html").read_text(encoding="utf-8"))
    assert found, "the self-assessment page carries no #rs-policy-data"
    return json.loads(found.group(1))


def _value(rng: random.Random, q: assessments.Question, listed: list[str], policy: assessments.Policy) -> Any:
    """A valid answer to ``q``, drawn by the answer type's flags; countries often from the lists conditions name."""
    kind = assessments.ANSWER_TYPES[q.type]

    def country() -> str:
        return rng.choice(listed) if listed and rng.random() < 0.6 else rng.choice(sorted(policy.country_names))

    def some(choices: list[str], most: int) -> list[str]:
        return rng.sample(choices, rng.randint(1, min(most, len(choices))))

    if kind.per_partner:
        partners = []
        for _ in range(rng.randint(1, 3)):
            partner: dict[str, Any] = {}
            if rng.random() < 0.5:
                partner["names"] = [f"Example Institute {rng.randint(1, 999)}"]
            if rng.random() < 0.8 or not partner:
                partner["country"] = country()
            partners.append(partner)
        return partners
    if kind.countries:
        return sorted({country() for _ in range(rng.randint(1, 3))}) if kind.is_list else country()
    values = kind.values(q)
    if values is not None:
        return some(values, len(values)) if kind.is_list else rng.choice(values)
    if kind.is_list:
        return [f"Example Institute {rng.randint(1, 999)}"]
    return "an answer"


def _answer_sets(policy: assessments.Policy, data: dict[str, Any]) -> list[dict[str, Any]]:
    """Random answer sets: each question answered with a probability drawn per set (sparse to full forms);
    first the engine's example answers (every question asked), an empty form and the golden scenarios."""
    rng = random.Random(SEED)
    listed = sorted({code for codes in data["country_lists"].values() for code in codes})
    sets = [assessments.example_answers(), {},
            *(assessments.validate_answers(s["answers"], partial=True) for s in scenarios().values())]
    fixed = len(sets)
    while len(sets) < fixed + RANDOM_SETS:
        density = rng.choice((0.3, 0.6, 0.9))
        sets.append({q.id: _value(rng, q, listed, policy) for q in policy.questions if rng.random() < density})
    return sets


def _page_asked(site: Path, data: dict[str, Any], sets: list[dict[str, Any]], tmp_path: Path) -> list[list[str]]:
    module = site / "assets" / "js" / "assessment-asked.mjs"
    spec = tmp_path / "sets.json"
    spec.write_text(json.dumps({"data": data, "sets": sets}), encoding="utf-8")
    script = ("const { askedFor } = await import(process.argv[1]);"
              "const { readFileSync } = await import('node:fs');"
              "const { data, sets } = JSON.parse(readFileSync(process.argv[2], 'utf8'));"
              "process.stdout.write(JSON.stringify(sets.map((answers) => askedFor(data, answers))));")
    proc = subprocess.run([_node(), "--input-type=module", "-e", script, module.as_uri(), str(spec)],
                          capture_output=True, text=True, timeout=120, check=False, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_the_page_asks_and_requires_what_the_engine_does(built_site: Path, tmp_path: Path) -> None:
    data = _page_data(built_site)
    manifest = json.loads(next((built_site / "assets" / "engine").glob("manifest*.json")).read_text(encoding="utf-8"))
    browser.init(json.dumps(manifest["config"]))
    policy = assessments.load_policy()
    required = {q["id"] for q in data["questions"] if q["required"]}
    assert required == {q.id for q in policy.questions if q.required}

    sets = _answer_sets(policy, data)
    page = _page_asked(built_site, data, sets, tmp_path)
    differences = []
    for answers, page_asked in zip(sets, page, strict=True):
        reply = json.loads(browser.handle(json.dumps({"op": "assess", "payload": answers})))
        assert reply["ok"], (answers, reply)
        engine = reply["result"]
        page_missing = [qid for qid in page_asked if qid in required and qid not in answers]
        if page_asked != engine["asked"] or page_missing != engine["missing"]:
            differences.append({"answers": answers, "page": page_asked, "engine": engine["asked"],
                                "page_missing": page_missing, "engine_missing": engine["missing"]})
    assert not differences, f"{len(differences)} of {len(sets)} differ; the first: {differences[0]}"
    # The sets reach every question: a question never asked would be compared only as "not asked".
    reached = {qid for asked in page for qid in asked}
    assert reached == {q.id for q in policy.questions}, {q.id for q in policy.questions} - reached
