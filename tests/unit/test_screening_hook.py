"""hooks/screening_lists.py: the build stops on a bad dataset or configuration; the list table and
settings render through the marker pass (hooks/markers.py)."""

from __future__ import annotations

import dataclasses
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError
from mkdocs.theme import Theme

import assessments
from assessments.screening import dataset
from tests.support.hooks import load_hook
from tests.support.paths import HOOKS

hook = load_hook("screening_lists")
THEME = Theme(name="material", custom_dir=str(HOOKS.parent / "overrides"))


def _with_config(**changes: object) -> SimpleNamespace:
    """A build's configuration holding the institution, as hooks/validate.py leaves it."""
    return SimpleNamespace(extra={"institution": dataclasses.replace(assessments.default_config(), **changes)},
                           theme=THEME, docs_dir=str(HOOKS.parent / "docs"))


def _marker_pass(html: str, config: SimpleNamespace) -> str:
    markers = load_hook("markers")
    page = SimpleNamespace(file=SimpleNamespace(src_uri="screening.md"), url="screening/", meta={}, markdown="")
    return markers.on_page_content(html, page, config, None)


def test_the_check_passes_with_the_committed_dataset() -> None:
    assert hook.on_pre_build(_with_config()) is None


def test_unknown_disabled_list_stops_the_build() -> None:
    with pytest.raises(PluginError, match=r"screening\.disabled_lists.*us_ofac_sdm"):
        hook.on_pre_build(_with_config(disabled_lists=("us_ofac_sdm",)))


def test_a_sudden_drop_stops_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    meta = dataset.list_metadata()
    changed = {**meta, "lists": {**meta["lists"], "us_dod_1286": {**meta["lists"]["us_dod_1286"],
                                                                  "previous_count": 1000}}}
    monkeypatch.setattr(dataset, "list_metadata", lambda: changed)
    with pytest.raises(PluginError, match="us_dod_1286 dropped from 1000"):
        hook.on_pre_build(_with_config())


def test_records_changed_without_metadata_stop_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    meta = dataset.list_metadata()
    changed = {**meta, "records_sha256": "0" * 64,
               "lists": {**meta["lists"], "us_bis_meu": {**meta["lists"]["us_bis_meu"], "record_count": 5}}}
    monkeypatch.setattr(dataset, "list_metadata", lambda: changed)
    with pytest.raises(PluginError) as err:
        hook.on_pre_build(_with_config())
    assert "records_sha256" in str(err.value) and "us_bis_meu has" in str(err.value)


def test_markers_render_the_list_table_and_settings() -> None:
    config = _with_config(disabled_lists=("ca_named_research_organizations",))
    out = _marker_pass("<p>Lists:</p>\n<!-- md:screening-lists -->\n\n<!-- md:screening-settings -->\n", config)
    assert "<!-- md:" not in out
    meta = dataset.list_metadata()
    assert out.count("<tr>") == len(meta["lists"]) + 1
    for lid, info in meta["lists"].items():
        assert f"<br><code>{lid}</code></td>" in out and f'<a href="{info["url"]}">' in out
        assert f"<td>{info['record_count']:,}" in out
    assert "</a> (switched off in this copy)<br><code>ca_named_research_organizations</code>" in out
    assert "2018-08-13" in out and "(older than" not in out  # statutory lists are never stale
    # Publication and retrieval dates are separate columns (the Canadian page dates from 2024-04-18).
    assert "<th>Published</th>\n<th>Retrieved</th>\n<th>Current to</th>" in out
    assert ("<td><span class=\"rs-date\">2024-04-18</span></td>\n<td><span class=\"rs-date\">2026-08-18</span></td>\n"
            "<td><span class=\"rs-date\">2026-08-18</span></td>") in out
    assert f"Dataset version {meta['dataset_version']}, {meta['record_total']:,} records" in out
    assert "<strong>prohibited</strong>: " in out and "<strong>high</strong>: " in out
    assert ("a score of <strong>0.86</strong>; a list older than <strong>365 days</strong> shows a warning with "
            "every result; lists switched off: <code>ca_named_research_organizations</code>.</p>") in out
    # Glossary terms in the table keep their tooltips, as when the table was Markdown.
    assert ('<abbr title="Office of Foreign Assets Control, the US Treasury office that administers sanctions">'
            "OFAC</abbr>") in out


def test_the_settings_follow_the_configuration() -> None:
    out = _marker_pass("<!-- md:screening-settings -->", _with_config(threshold=0.9, max_list_age_days=200))
    assert "<strong>0.9</strong>" in out and "<strong>200 days</strong>" in out and "switched off: none." in out
