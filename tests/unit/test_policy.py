"""Policy files are validated on load: an error names the file, the key and the reason."""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path

import pytest

import assessments
from assessments import GUIDANCE_PAGES, Policy, PolicyError, load_policy, reload_policy
from assessments.browser_package import PARSED_FILE, parsed_policy_json

SHIPPED = Path(str(resources.files("assessments").joinpath("policy")))


@pytest.fixture
def policy_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A writable copy of the shipped policy that load_policy() reads instead."""
    root = tmp_path / "policy"
    shutil.copytree(SHIPPED, root)
    _COPY[:] = [root]
    yield root
    _COPY.clear()


_COPY: list[Path] = []  # the copy the running test edits


def _load() -> Policy:
    return load_policy(_COPY[0]) if _COPY else reload_policy()  # fresh: each test edits the files


def _patch(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_shipped_policy_loads() -> None:
    policy = assessments.load_policy()
    meta = tomllib.loads((resources.files("assessments") / "policy" / "policy.toml").read_text(encoding="utf-8"))
    assert policy.version and policy.as_of == meta["as_of"].isoformat()
    assert len(policy.rules) >= 40
    assert {"comprehensively_sanctioned", "countries_of_concern", "itar_126_1"} <= set(policy.country_lists)


def test_copy_loads_unchanged(policy_copy: Path) -> None:
    assert _load().rule_index.keys() == assessments.load_policy().rule_index.keys()


def _rule(root: Path, rid: str) -> Path:
    return root / "rules" / f"{rid}.toml"


BAD_EDITS: list[tuple[str, Callable[[Path], None], str, str]] = [
    ("unknown tier", lambda r: _patch(_rule(r, "military_end_use"), 'tier = "high"', 'tier = "severe"'),
     "rules/military_end_use.toml", "tier"),
    ("unknown question", lambda r: _patch(_rule(r, "military_end_use"), 'q = "military_end_use"',
                                         'q = "no_such_question"'),
     "rules/military_end_use.toml", "when.all[1].q"),
    ("unsure-only test breaks monotonicity", lambda r: _patch(_rule(r, "military_end_use"),
                                                              '{ q = "military_end_use", eq = "yes" }',
                                                              '{ q = "military_end_use", eq = "unsure" }'),
     "rules/military_end_use.toml", "when.all[1].eq"),
    ("negated yes/no question", lambda r: _patch(_rule(r, "military_end_use"),
                                               '{ q = "military_end_use", eq = "yes" }',
                                               '{ not = { q = "military_end_use", eq = "no" } }'),
     "rules/military_end_use.toml", "when.all[1].not"),
    ("answered = false", lambda r: _patch(_rule(r, "military_end_use"), '{ q = "military_end_use", eq = "yes" }',
                                        '{ q = "military_end_use", answered = false }'),
     "rules/military_end_use.toml", "when.all[1].answered"),
    ("country tested one by one", lambda r: _patch(_rule(r, "elevated_risk_country"),
                                                 'in_country_list = "elevated_risk"', 'eq = "CN"'),
     "rules/elevated_risk_country.toml", "when.all[1].eq"),
    ("unknown country list", lambda r: _patch(_rule(r, "elevated_risk_country"), '"elevated_risk"', '"risky"'),
     "rules/elevated_risk_country.toml", "when.all[1].in_country_list"),
    ("anchor in guidance", lambda r: _patch(_rule(r, "military_end_use"), '"know-your-collaborator.md"',
                                          '"know-your-collaborator.md#screening"'),
     "rules/military_end_use.toml", "guidance"),
    ("unknown action", lambda r: _patch(_rule(r, "military_end_use"), '"request_export_control_review"]',
                                      '"call_a_lawyer"]'),
     "rules/military_end_use.toml", "actions[1]"),
    ("file name mismatch", lambda r: _patch(_rule(r, "military_end_use"), 'id = "military_end_use"',
                                          'id = "military"'),
     "rules/military_end_use.toml", "id"),
    ("no citations", lambda r: _patch(_rule(r, "appointed_visitor"), "citations = [", "sources = ["),
     "rules/appointed_visitor.toml", "sources"),
    ("citation of an undeclared source", lambda r: _patch(_rule(r, "appointed_visitor"), 'citations = ["',
                                                         'citations = ["no_such_source", "'),
     "rules/appointed_visitor.toml", "citations[0]"),
    ("a source cited twice", lambda r: _patch(_rule(r, "appointed_visitor"), 'citations = ["mit_ten_key_points"',
                                             'citations = ["mit_ten_key_points", "mit_ten_key_points"'),
     "rules/appointed_visitor.toml", "citations[1]"),
    ("citations written out instead of ids", lambda r: _patch(_rule(r, "appointed_visitor"), 'citations = ["',
                                                             'citations = [{ name = "x" }, "'),
     "rules/appointed_visitor.toml", "citations[0]"),
    ("unknown fact included in a rule", lambda r: _patch(_rule(r, "appointed_visitor"), 'explanation = "',
                                                        'explanation = "{fact:no_such_fact} '),
     "rules/appointed_visitor.toml", "explanation"),
    ("question that states law without a source", lambda r: _patch(r / "questions.toml",
                                                                   'sources = ["bis_deemed_export_faq"]\n', ""),
     "questions.toml", "question.team_foreign_person.sources"),
    ("measure citing an undeclared source", lambda r: _patch(r / "measures.toml", '[measures.screen_parties]\n',
                                                            '[measures.screen_parties]\nsources = ["nope"]\n'),
     "measures.toml", "measures.screen_parties.sources[0]"),
    ("follow-up on a later question", lambda r: _patch(r / "questions.toml",
                                                     'ask_if = { q = "personal_compensation", in = ["yes", "unsure"] }',
                                                     'ask_if = { q = "talent_program", in = ["yes", "unsure"] }'),
     "questions.toml", "question.payer_country.ask_if.q"),
    ("yes/no/unsure without a to-do", lambda r: _patch(r / "questions.toml",
                                                     'unsure_todo = "Find out whether the topic',
                                                     'unsure_hint = "Find out whether the topic'),
     "questions.toml", "question.military_end_use.unsure_hint"),
    ("bad country code", lambda r: _patch(r / "countries" / "itar_126_1.toml", '"ZW"', '"ZZ"'),
     "countries/itar_126_1.toml", "countries[25]"),
    ("undated list", lambda r: _patch(r / "countries" / "itar_126_1.toml", "as_of = 2026-11-26", ""),
     "countries/itar_126_1.toml", "as_of"),
    ("action with unknown form", lambda r: _patch(r / "actions.toml", 'form = "travel_guidance"', 'form = "travel"'),
     "actions.toml", "actions.get_travel_guidance.form"),
    ("broken TOML", lambda r: _patch(r / "policy.toml", 'version = "', 'version = '),
     "policy.toml", ""),
    ("max_length not a number", lambda r: _patch(r / "questions.toml", "max_length = 300", 'max_length = "300"'),
     "questions.toml", "question.partners.max_length"),
    ("option value not text", lambda r: _patch(r / "questions.toml", 'value = "informal"', "value = 1"),
     "questions.toml", "question.collaboration_type.options[0].value"),
    ("option with an unknown key", lambda r: _patch(r / "questions.toml", 'value = "informal"',
                                                   'value = "informal", hint = "x"'),
     "questions.toml", "question.collaboration_type.options[0].hint"),
    ("source without a kind", lambda r: _patch(r / "sources.toml", 'kind = "law"\nsection = "734.8(a)-(c)"',
                                               'section = "734.8(a)-(c)"'),
     "sources.toml", "sources.ear_734_8.kind"),
    ("source of an unknown kind", lambda r: _patch(r / "sources.toml", 'kind = "law"\nsection = "734.8(a)-(c)"',
                                                  'kind = "rumour"\nsection = "734.8(a)-(c)"'),
     "sources.toml", "sources.ear_734_8.kind"),
    ("source without a checked date", lambda r: _patch(r / "sources.toml", 'checked = 2026-11-22\nverified = "text"\n'
                                                      'how = "Read in a stored copy of the current section text',
                                                      'verified = "text"\n'
                                                      'how = "Read in a stored copy of the current section text'),
     "sources.toml", "sources.ear_734_8.checked"),
    ("source with an unknown verification",
     lambda r: _patch(r / "sources.toml", 'verified = "text"', 'verified = "yes"'),
     "sources.toml", "sources.ear_734_8.verified"),
    ("source without a review interval", lambda r: _patch(r / "sources.toml", "review_days = 365\n", ""),
     "sources.toml", "sources.ear_734_8.review_days"),
    ("law without a URL", lambda r: _patch(r / "sources.toml",
                                          'url = "https://www.ecfr.gov/current/title-15/section-734.8"\n', ""),
     "sources.toml", "sources.ear_734_8.url"),
    ("source with an unknown key", lambda r: _patch(r / "sources.toml", "[sources.ear_734_8]\n",
                                                   "[sources.ear_734_8]\nnote = \"x\"\n"),
     "sources.toml", "sources.ear_734_8.note"),
    ("fact citing an undeclared source", lambda r: _patch(r / "sources.toml", 'sources = ["ear_734_13", "itar_120_50"]',
                                                         'sources = ["ear_734_13", "nope"]'),
     "sources.toml", "facts.deemed_export_countries.sources[1]"),
    ("unsure lowered below moderate without a reason",
     lambda r: _patch(_rule(r, "military_end_use"), 'tier = "high"', 'tier = "high"\nunsure_tier = "low"'),
     "rules/military_end_use.toml", "unsure_why"),
    ("unsure tier above the rule's tier",
     lambda r: _patch(_rule(r, "critical_technology"), 'tier = "moderate"', 'tier = "moderate"\nunsure_tier = "high"'),
     "rules/critical_technology.toml", "unsure_tier"),
    ("sponsor question that lists no sponsors", lambda r: _patch(r / "policy.toml", 'sponsor_question = "sponsors"',
                                                               'sponsor_question = "partners"'),
     "policy.toml", "sponsor_question"),
    ("options on a yes/no question", lambda r: _patch(r / "questions.toml", 'id = "military_end_use"',
                                                    'id = "military_end_use"\noptions = []'),
     "questions.toml", "question.military_end_use.options"),
]


@pytest.mark.parametrize(("what", "edit", "where", "key"), BAD_EDITS, ids=[b[0] for b in BAD_EDITS])
def test_bad_policy_is_rejected_with_file_and_key(policy_copy: Path, what: str, edit: Callable[[Path], None],
                                                  where: str, key: str) -> None:
    edit(policy_copy)
    with pytest.raises(PolicyError) as info:
        _load()
    assert info.value.where == f"policy/{where}"
    assert info.value.key == key
    assert info.value.reason and str(info.value).startswith(f"policy/{where}")


def test_not_is_allowed_on_a_choice_question(policy_copy: Path) -> None:
    _patch(_rule(policy_copy, "informal_collaboration"), '{ q = "collaboration_type", eq = "informal" }',
          '{ not = { q = "collaboration_type", eq = "formal" } }')
    assert "informal_collaboration" in _load().rule_index


def test_no_question_about_nationality_or_ethnicity() -> None:
    pattern = re.compile(r"\bnational(ity|ities)?\b|citizen|ethnic|\brace\b|passport|born in", re.IGNORECASE)
    # Agency names are not nationality: "National Science Foundation", "National Institutes of Health".
    agencies = re.compile(r"National (Science Foundation|Institutes of Health)")
    for question in assessments.questions():
        q = {**question, "options": [{**o, "label": agencies.sub("", o["label"])} for o in question.get("options", [])]}
        assert not pattern.search(q["id"]), q["id"]
        assert not pattern.search(q["text"]), q["text"]
        for option in q.get("options", []):
            assert not pattern.search(option["label"]), option


def test_ethnicity_never_asked_and_citizenship_only_for_deemed_exports() -> None:
    """Citizenship and permanent residency are legal factors for deemed exports only
    (15 CFR 734.13(b), 22 CFR 120.50(b)); ethnicity is never asked, anywhere."""
    for q in assessments.questions():
        words = " ".join([q["text"], q["help"], *(o["label"] for o in q.get("options", []))])
        assert not re.search(r"ethnic(ity)? (of|origin)|\brace\b|born in", words, re.IGNORECASE), q["id"]
        if re.search(r"citizen|residen(t|cy)", q["help"], re.IGNORECASE) and q["section"] == "Your team":
            assert q.get("ask_if"), q["id"]  # only behind the controlled-technology question


def test_every_list_is_dated_and_cited() -> None:
    for lid, data in assessments.load_policy().country_lists.items():
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data.as_of), lid
        assert data.citations and all(c.url.startswith("https://") for c in data.citations), lid


def test_syria_is_not_comprehensively_sanctioned_but_is_arms_embargoed() -> None:
    lists = assessments.load_policy().country_lists
    assert "SY" not in lists["comprehensively_sanctioned"].countries  # EO 14312, effective 2025-07-01
    assert "SY" in lists["itar_126_1"].countries
    assert "KH" not in lists["itar_126_1"].countries  # removed 2025-11-07
    assert "NI" in lists["itar_126_1"].countries  # added 2024-03-15
    # China includes Hong Kong and Macau: without them HK/MO partners would escape China's rules.
    assert set(lists["countries_of_concern"].countries) == {"CN", "HK", "MO", "IR", "KP", "RU"}


def test_every_rule_is_cited_and_explained() -> None:
    for rule in assessments.load_policy().rules:
        assert rule.citations, rule.id
        assert len(rule.explanation) > 40 and len(rule.what_to_do) > 20, rule.id


def test_questions_in_display_order_have_help_and_guidance() -> None:
    for q in assessments.questions():
        assert q["help"], q["id"]
        assert q.get("guidance") in GUIDANCE_PAGES, q["id"]


def test_every_form_is_reachable_from_a_rule() -> None:
    policy = assessments.load_policy()
    used_actions = {a for rule in policy.rules for a in rule.actions}
    assert used_actions == set(policy.actions), "actions no rule recommends"
    assert {policy.actions[a].form for a in used_actions} == set(policy.form_ids), "forms no action points to"


def test_pre_parsed_policy_gives_the_same_policy(policy_copy: Path) -> None:
    """The browser wheel's policy/_parsed.json (no TOML parsing at start) loads to exactly the same policy."""
    from_toml = _load()
    (policy_copy / PARSED_FILE).write_text(parsed_policy_json(), encoding="utf-8")
    for toml_file in policy_copy.rglob("*.toml"):
        toml_file.unlink()  # only the pre-parsed copy is left to read
    from_json = _load()
    again = _load()  # each load parses fresh tables
    assert from_json == from_toml == again
    assert isinstance(from_json.as_of, str) and from_json.as_of == from_toml.as_of


def test_pre_parsed_policy_missing_a_file_names_it(policy_copy: Path) -> None:
    tables = json.loads(parsed_policy_json())
    del tables["forms.toml"]
    (policy_copy / PARSED_FILE).write_text(json.dumps(tables), encoding="utf-8")
    with pytest.raises(PolicyError) as err:
        _load()
    assert err.value.where == "policy/forms.toml" and "rebuild" in err.value.fix


def test_every_source_is_declared_once() -> None:
    sources = assessments.load_policy().sources.values()
    titles = [s.title for s in sources]
    assert len(titles) == len(set(titles)), "a source declared twice under two ids"
    for s in sources:
        assert s.says and s.section and s.how and 1 <= s.review_days <= 1100, s.id


def test_shared_facts_are_written_out_where_included() -> None:
    policy = assessments.load_policy()
    fact = policy.facts["encrypted_data_abroad"]
    help_text = policy.question_index["travel_controlled_data"].help
    assert fact.text in help_text and "{fact:" not in help_text
    rule = policy.rule_index["travel_controlled_data"]
    assert fact.text in rule.explanation
    assert set(fact.sources) <= {c.id for c in rule.citations}, "an included fact's sources join the citations"
    assert policy.facts["deemed_export_countries"].text in policy.question_index["team_release_countries"].help


def test_the_itar_country_rule_counts_current_permanent_residency_only() -> None:
    # 22 CFR 120.50(b): every citizenship held now or before, and permanent residency held now.
    text = assessments.load_policy().facts["deemed_export_countries"].text
    assert "holds or has ever held" in text and "permanent residency now" in text
    assert "a past permanent residency does not count" in text
