"""hooks/markers.py: one marker pass with one registry, and the configuration loaded once per build.

Unit tests run the pass on small pages with the real theme templates; whole
builds (hook order, one configuration parse, a failing marker) are in
tests/site/test_whole_builds.py.
"""

from __future__ import annotations

import html
import json
import re
import tomllib
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.theme import Theme

import assessments
import assessments.config
import assessments.limits
from tests.support.hooks import load_hook
from tests.support.paths import NORTHBRIDGE, ROOT

markers = load_hook("markers")
THEME = Theme(name="material", custom_dir=str(ROOT / "overrides"))


def run_pass(html: str, institution: assessments.Config | None = None, meta: dict[str, Any] | None = None,
             src: str = "page.md", markdown: str = "") -> str:
    """The marker pass on one page, as MkDocs calls it after Markdown (``markdown``: the page's source)."""
    config = SimpleNamespace(theme=THEME, docs_dir=str(ROOT / "docs"),
                             extra={"institution": institution or assessments.default_config()})
    page = SimpleNamespace(file=SimpleNamespace(src_uri=src), url="page/", meta=meta or {}, markdown=markdown)
    return markers.on_page_content(html, page, config, None)  # type: ignore[arg-type]


# --- the pass, unit by unit -----------------------------------------------------

def test_every_namespace_is_replaced_in_one_pass() -> None:
    out = run_pass("<p>Ask <!-- cfg:contact research_security --> or use <!-- cfg:form travel_guidance -->; "
                   "<!-- cfg:institution.short_name -->.</p>\n<!-- guide:glossary -->\n<!-- md:rules-table -->")
    assert not re.search(r"<!--\s*(cfg|md|guide):", out)
    assert 'class="rs-form-link"' in out and 'class="rs-contact"' in out
    assert '<dl class="guide-glossary">' in out and '<div class="rs-rules">' in out
    assert "Example U" in out


def test_the_rules_table_names_each_source_with_its_kind_and_checked_date() -> None:
    out = run_pass("<!-- md:rules-table -->")
    kinds = {"law": "Law", "agency": "Agency rule", "institutional": "Institutional policy",
             "secondary": "Secondary source"}
    for rule in assessments.load_policy().rules:
        row = re.search(rf'<tr id="rule-{rule.id.replace("_", "-")}">(.*?)</tr>', out, re.S)
        assert row, rule.id
        text = re.sub(r"<[^>]+>", "", row.group(1))
        for c in rule.citations:
            assert f"({kinds[c.kind]}, checked {c.checked})" in text, (rule.id, c.name)
    # How far a source was verified is on the office's review page only.
    assert "Not verified" not in out and "rs-citation__note" not in out


# --- sources and shared facts from the registry ------------------------------------

def test_a_fact_is_its_registry_text_and_its_sources_join_the_pages() -> None:
    policy = assessments.load_policy()
    fact = policy.facts["deemed_export_countries"]
    out = run_pass("<p>Rule: <!-- guide:fact deemed_export_countries --></p>\n<h2>Sources</h2>\n"
                   "<!-- guide:sources -->", meta={"sources": ["mit_ten_key_points"]}, src="visitors.md")
    text = html.unescape(re.sub(r"<[^>]+>", "", out))
    assert fact.text in text
    listed = re.findall(r'<li id="source-([^"]+)">', out)
    assert listed == [sid.replace("_", "-") for sid in ("mit_ten_key_points", *fact.sources)]
    for sid in ("mit_ten_key_points", *fact.sources):
        source = policy.sources[sid]
        assert f'href="{source.url}"' in out and f"checked {source.checked}" in text
    assert "verified" not in text.lower(), "the verification status is for the office's page only"


@pytest.mark.parametrize(("meta", "markdown", "html", "message"), [
    ({"sources": ["no_such_source"]}, "", "<!-- guide:sources -->",
     r"^visitors\.md: front matter key 'sources': unknown source 'no_such_source' \(fix: declare it in "
     r"assessments/policy/sources\.toml"),
    ({}, "Releasing it is an export (15 CFR 734.13).", "<p>x</p>",
     r"^visitors\.md: the page cites a regulation, statute, executive order or proclamation but no source"),
    ({}, "Under Proclamation 10949 entry is suspended.", "<p>x</p>", r"cites a regulation"),
    ({"legal": True}, "No citation in the words.", "<p>x</p>", r"cites a regulation"),
    ({"sources": ["ear_734_8"]}, "", "<p>x</p>", r"^visitors\.md: the page cites sources but does not list them"),
    ({}, "", "<!-- guide:sources -->", r"marker <!-- guide:sources -->: the page cites no source"),
    ({}, "", "<p><!-- guide:fact no_such_fact --></p>", r"marker <!-- guide:fact no_such_fact -->: unknown fact"),
    ({"sources": "ear_734_8"}, "", "<!-- guide:sources -->", r"'sources': 'ear_734_8' is not a list of ids"),
])
def test_sources_on_a_page_fail_the_build_when_wrong_or_missing(meta: dict[str, Any], markdown: str, html: str,
                                                                 message: str) -> None:
    with pytest.raises(PluginError, match=message):
        run_pass(html, meta=meta, markdown=markdown, src="visitors.md")


def test_the_office_review_table_lists_every_source_due_first() -> None:
    policy = assessments.load_policy()
    out = run_pass("<!-- guide:source-review -->", src="source-review.md")
    rows = re.findall(r'<tr id="review-([^"]+)"( class="guide-source-review--due")?>', out)
    assert sorted(r[0] for r in rows) == sorted(sid.replace("_", "-") for sid in policy.sources)
    due = [bool(r[1]) for r in rows]
    assert due == sorted(due, reverse=True) and any(due), "due rows first, and some are due"
    unverified = next(s for s in policy.sources.values() if s.verified == "unverified")
    row = re.search(rf'<tr id="review-{unverified.id.replace("_", "-")}"[^>]*>(.*?)</tr>', out, re.S)
    assert row and "Due now" in row.group(1) and "Not verified" in row.group(1)
    # Where it is used: a rule citing it by id, and a page listing it.
    assert re.search(r'<code>rule:comprehensively_sanctioned_dealings</code>', out)
    assert 'href="../visitors/"' in out


def test_the_registry_covers_every_namespace_with_renderers() -> None:
    assert {name.partition(":")[0] for name in markers.MARKERS} == {"cfg", "md", "guide"}
    assert all(callable(entry.render) for entry in markers.MARKERS.values())


@pytest.mark.parametrize(("marker", "fix"), [
    ("cfg:nope", "use one of: cfg:contact, cfg:contacts-table"),
    ("md:screening-table", "use one of: md:questionnaire, md:rules-table, md:screening-lists"),
    ("guide:glosary", "use one of: guide:alias-review, guide:changes, guide:fact, guide:glossary"),
    ("cfg:institution.example", "cfg:institution.name"),
])
def test_an_unknown_marker_fails_naming_page_and_marker(marker: str, fix: str) -> None:
    with pytest.raises(PluginError) as err:
        run_pass(f"<p>Text <!-- {marker} --> here.</p>", src="visitors.md")
    message = str(err.value)
    assert message.startswith(f"visitors.md: marker <!-- {marker} -->: unknown marker (fix: ")
    assert fix in message


@pytest.mark.parametrize(("marker", "reason"), [
    ("cfg:form", "needs a form id"),
    ("cfg:form nope", "unknown form 'nope'"),
    ("cfg:form travel_guidance extra", "unknown form 'travel_guidance extra'"),
    ("cfg:contacts-table all", "takes no argument"),
    ("cfg:country-list nowhere", "unknown country list 'nowhere'"),
])
def test_a_wrong_argument_fails_naming_page_and_marker(marker: str, reason: str) -> None:
    with pytest.raises(PluginError) as err:
        run_pass(f"<p>See <!-- {marker} -->.</p>", src="travel.md")
    assert str(err.value).startswith(f"travel.md: marker <!-- {marker} -->: {reason} (fix: ")


@pytest.mark.parametrize("heading", [
    '<h2 id="x">Ask <!-- cfg:contact research_security --></h2>',
    '<h3 id="y" class="z">Lists\n<!-- md:screening-lists --></h3>',
])
def test_a_marker_in_a_heading_fails(heading: str) -> None:
    with pytest.raises(PluginError, match=r"^contacts\.md: marker <!-- \S+ [^>]*-->: a marker in a heading is not "
                                          r"supported \(fix: move it into the text below the heading\)"):
        run_pass(f"<p>Intro</p>\n{heading}\n<p>Text</p>", src="contacts.md")


def test_the_change_log_is_a_table_and_a_json_block_from_the_data() -> None:
    entries = tomllib.loads((ROOT / "docs" / "data" / "changes.toml").read_text(encoding="utf-8"))["change"]
    out = run_pass("<h2 id=\"log\">The log</h2>\n<!-- guide:changes -->", src="changes.md")
    rows = re.findall(r'<tr id="change-([^"]+)" data-change-date="([^"]+)">', out)
    assert rows == [(e["id"], str(e["date"])) for e in entries]
    block = re.search(r'<script type="application/json" id="guide-changes-data">(.*?)</script>', out, re.S)
    assert block and "<" not in block.group(1), "the data block must not contain '<'"
    data = json.loads(block.group(1))["changes"]
    assert [c["id"] for c in data] == [e["id"] for e in entries]
    first = entries[0]
    assert data[0] == {"id": first["id"], "date": str(first["date"]), "title": first["title"],
                       "pages": [p.removesuffix(".md") + "/" for p in first["pages"]]}


def test_an_unreadable_change_log_stops_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(markers, "CHANGES", "data/no-such-log.toml")
    with pytest.raises(PluginError, match=r"^changes\.md: marker <!-- guide:changes -->: cannot read "
                                          r"data/no-such-log\.toml"):
        run_pass("<!-- guide:changes -->", src="changes.md")


def _files_config() -> SimpleNamespace:
    return SimpleNamespace(docs_dir=str(ROOT / "docs"), site_dir="/nonexistent-site", use_directory_urls=True,
                           plugins=SimpleNamespace(_current_plugin=None))


def test_the_change_log_data_is_also_a_file_of_the_site_with_the_data_blocks_bytes() -> None:
    files = list(markers.on_files(Files([]), _files_config()))  # type: ignore[arg-type]
    assert [f.src_uri for f in files] == ["assets/data/changes.json"]
    assert files[0].inclusion.is_included(), "exclude_docs leaves out folders named data/: the file opts in"
    out = run_pass("<!-- guide:changes -->", src="changes.md")
    block = re.search(r'<script type="application/json" id="guide-changes-data">(.*?)</script>', out, re.S)
    assert block and files[0].content_string == block.group(1)


def test_an_unreadable_change_log_stops_the_build_naming_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(markers, "CHANGES", "data/no-such-log.toml")
    with pytest.raises(PluginError, match=r"^docs/data/no-such-log\.toml: cannot read the change log for "
                                          r"assets/data/changes\.json: .*\(fix: keep one \[\[change\]\] table"):
        markers.on_files(Files([]), _files_config())  # type: ignore[arg-type]


def test_a_page_without_markers_is_left_alone() -> None:
    html = '<h1 id="t">Title</h1>\n<p>No markers <!-- an ordinary comment --> here.</p>'
    assert run_pass(html) == html


# --- the questionnaire and the page that declares the engine --------------------

def test_the_questionnaire_needs_engine_true_in_the_front_matter() -> None:
    with pytest.raises(PluginError, match=r"^guide\.md: marker <!-- md:questionnaire -->: .*engine: true"):
        run_pass("<!-- md:questionnaire -->", src="guide.md")


def test_engine_true_without_the_questionnaire_fails() -> None:
    with pytest.raises(PluginError, match=r"^index\.md: front matter key 'engine': the page has no "
                                          r"<!-- md:questionnaire -->"):
        run_pass("<p>Nothing here.</p>", meta={"engine": True}, src="index.md")


def test_engine_must_be_a_boolean() -> None:
    with pytest.raises(PluginError, match=r"^self-assessment\.md: front matter key 'engine': 'yes' is not true"):
        run_pass("<!-- md:questionnaire -->", meta={"engine": "yes"}, src="self-assessment.md")


def test_the_questionnaire_renderer_writes_no_page_meta() -> None:
    meta = {"engine": True}
    run_pass("<!-- md:questionnaire -->", meta=meta)
    assert meta == {"engine": True}


def test_the_page_reads_its_limits_from_the_engines_table() -> None:
    out = run_pass("<!-- md:questionnaire -->", meta={"engine": True})
    data = re.search(r'<script type="application/json" id="rs-policy-data">(.*?)</script>', out, re.S)
    assert data, "no questionnaire data on the page"
    page = json.loads(data.group(1))
    assert page["limits"] == assessments.limits.for_the_page()
    assert page["limits"]["answers_file_bytes"] == assessments.limits.MAX_ANSWERS_FILE_BYTES
    assert page["limits"]["closest_floor"] == assessments.limits.CLOSEST_FLOOR
    assert "closest_floor" not in page, "the floor is written twice (once in limits is the one copy)"


def test_the_questionnaire_asks_what_the_engine_asks_with_the_institutions_configuration(
        monkeypatch: pytest.MonkeyPatch) -> None:
    northbridge = assessments.load_config(NORTHBRIDGE)
    real_assess = assessments.assess
    follow_up = next(q.id for q in assessments.load_policy().questions if q.ask_if is not None)
    seen: list[assessments.Config | None] = []

    def engine(answers: Any, *, config: assessments.Config | None = None, **options: Any) -> dict[str, Any]:
        # An engine whose first questions depend on the elevated-risk list: Venezuela
        # is on Northbridge's list only, so the follow-up shows only for Northbridge.
        seen.append(config)
        result = real_assess(answers, config=config, **options)
        if "VE" in (config or assessments.default_config()).elevated_risk:
            result["asked"] = [*result["asked"], follow_up]
        return result

    monkeypatch.setattr(assessments, "assess", engine)
    out = run_pass("<!-- md:questionnaire -->", institution=northbridge, meta={"engine": True})
    assert seen == [northbridge]
    question = re.search(rf'<div class="rs-question" id="rs-q-{follow_up}"[^>]*>', out)
    assert question and " hidden" not in question.group(0)
    shown = set(re.findall(r'<div class="rs-question" id="rs-q-[^"]+" data-qid="([^"]+)"(?![^>]* hidden)', out))
    assert shown == set(real_assess({}, config=northbridge, screening=False)["asked"]) | {follow_up}


def test_hooks_fail_clearly_without_the_loaded_configuration() -> None:
    config = SimpleNamespace(extra={"institution": assessments.default_config().to_json()})
    with pytest.raises(PluginError, match=r"holds no loaded configuration \(fix: list hooks/validate\.py"):
        markers._project.institution(config)



def _unchecked_entries(path: Path) -> dict[int, dict[str, Any]]:
    """The curated entries whose `checked` says "not yet", by their number in the file (read here, not by the hook)."""
    entries = tomllib.loads(path.read_text(encoding="utf-8"))["alias"]
    return {n: e for n, e in enumerate(entries, 1) if str(e.get("checked", "")).lower().startswith("not yet")}


def test_the_office_page_lists_exactly_the_curated_aliases_not_yet_checked() -> None:
    curated = ROOT / "tools" / "data" / "curated_aliases.toml"
    unchecked = _unchecked_entries(curated)
    out = run_pass("<!-- guide:alias-review -->", src="source-review.md")
    rows = dict(re.findall(r'<li id="alias-review-(\d+)"[^>]*>(.*?)</li>', out, re.S))
    # Every unchecked entry is shown, and no checked one: the section is empty only when nothing is unchecked.
    assert sorted(int(n) for n in rows) == sorted(unchecked)
    for number, entry in unchecked.items():
        text = html.unescape(re.sub(r"<[^>]+>", "", rows[str(number)]))
        assert entry["listed"] in text and all(a in text for a in entry["aliases"]), number
        assert entry["source"] in text, number
        tried = entry["checked"].split(":", 1)[1].strip() if ":" in entry["checked"] else ""
        assert tried in text, number
    if unchecked:
        assert f"<strong>{len(unchecked)}</strong> of" in out and "not been checked" in out
        # The office's working table stays out of the site search every visitor downloads.
        assert '<ul class="guide-alias-review__entries" data-search-exclude>' in out
    else:
        assert "were checked against a page" in out


def test_the_alias_review_says_when_all_are_checked_or_the_file_is_missing_or_broken(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lists = markers.screening_lists
    checked = tmp_path / "curated_aliases.toml"
    checked.write_text('[[alias]]\nlisted = "X University"\naliases = ["XU"]\nsource = "s"\n'
                       'checked = "2026-12-07: page read"\n', encoding="utf-8")
    monkeypatch.setattr(lists, "CURATED_ALIASES", checked)
    out = run_pass("<!-- guide:alias-review -->", src="source-review.md")
    assert "All 1 entries" in out and "alias-review-" not in out.replace("guide-alias-review", "")
    monkeypatch.setattr(lists, "CURATED_ALIASES", tmp_path / "absent.toml")
    assert "This copy has no" in run_pass("<!-- guide:alias-review -->", src="source-review.md")
    broken = tmp_path / "broken.toml"
    broken.write_text('[[alias]]\nlisted = "X"\naliases = [\n', encoding="utf-8")
    monkeypatch.setattr(lists, "CURATED_ALIASES", broken)
    with pytest.raises(PluginError, match=r"broken\.toml: cannot read the curated aliases"):
        run_pass("<!-- guide:alias-review -->", src="source-review.md")
