"""hooks/screening.py: the build stops on a bad dataset or configuration and renders the list table."""

from __future__ import annotations

import dataclasses
import importlib.util
import sys
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

import assessments
from assessments.screening import dataset

HOOKS = Path(__file__).resolve().parent.parent / "hooks"


def _load_hook() -> ModuleType:
    if str(HOOKS) not in sys.path:
        sys.path.insert(0, str(HOOKS))  # hooks import their siblings by bare name, as under MkDocs
    spec = importlib.util.spec_from_file_location("screening_hook", HOOKS / "screening.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


hook = _load_hook()
PAGE = SimpleNamespace(file=SimpleNamespace(src_uri="screening.md"))


def _with_config(monkeypatch: pytest.MonkeyPatch, **changes: object) -> None:
    config = dataclasses.replace(assessments.default_config(), **changes)
    monkeypatch.setattr(hook._project, "load_institution", lambda: config)


def test_on_config_passes_with_the_committed_dataset(monkeypatch: pytest.MonkeyPatch) -> None:
    _with_config(monkeypatch)
    marker = object()
    assert hook.on_config(marker) is marker


def test_unknown_disabled_list_stops_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    _with_config(monkeypatch, disabled_lists=("us_ofac_sdm",))
    with pytest.raises(PluginError, match=r"screening\.disabled_lists.*us_ofac_sdm"):
        hook.on_config(object())


def test_a_sudden_drop_stops_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    _with_config(monkeypatch)
    meta = dataset.list_metadata()
    changed = {**meta, "lists": {**meta["lists"], "us_dod_1286": {**meta["lists"]["us_dod_1286"],
                                                                  "previous_count": 1000}}}
    monkeypatch.setattr(dataset, "list_metadata", lambda: changed)
    with pytest.raises(PluginError, match="us_dod_1286 dropped from 1000"):
        hook.on_config(object())


def test_records_changed_without_metadata_stop_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    _with_config(monkeypatch)
    meta = dataset.list_metadata()
    changed = {**meta, "records_sha256": "0" * 64,
               "lists": {**meta["lists"], "us_bis_meu": {**meta["lists"]["us_bis_meu"], "record_count": 5}}}
    monkeypatch.setattr(dataset, "list_metadata", lambda: changed)
    with pytest.raises(PluginError) as err:
        hook.on_config(object())
    assert "records_sha256" in str(err.value) and "us_bis_meu has" in str(err.value)


def test_markers_render_the_list_table_and_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    _with_config(monkeypatch, disabled_lists=("ca_named_research_organizations",))
    out = hook.on_page_markdown("Lists:\n\n<!-- md:screening-lists -->\n\n<!-- md:screening-settings -->\n",
                                PAGE, None, None)
    assert out is not None and "<!-- md:" not in out
    for lid, info in dataset.list_metadata()["lists"].items():
        assert f"`{lid}`" in out and info["url"] in out
    assert "(switched off in this copy)" in out and "`ca_named_research_organizations`" in out
    assert "2018-08-13" in out and "(older than" not in out  # statutory lists are never stale
    # Publication and retrieval dates are separate columns (issue 14: the Canadian page dates from 2024-04-18).
    assert "| Published | Retrieved | Current to |" in out
    assert "| 2024-04-18 | 2026-08-18 | 2026-08-18 |" in out
    assert "**0.86**" in out


def test_pages_without_markers_are_left_alone() -> None:
    assert hook.on_page_markdown("# Title\n", PAGE, None, None) is None
