"""Whole builds of the site in this process: the hooks in another order than mkdocs.yml's build the same
pages as the session's `built_site` (built by the command line) and parse the institution's configuration
once; an unknown marker stops the build. In the site tier, which runs after the builds it compares with
are made (tests/conftest.py).
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

import assessments
import assessments.config
from tests.support.paths import HOOKS, ROOT

HOOK_ORDER = sorted(f"hooks/{p.name}" for p in HOOKS.glob("[!_]*.py"))  # every hook file, in order


def _build_in_process(site: Path, monkeypatch: pytest.MonkeyPatch, **options: Any) -> list[str]:
    """Build with the real hooks in this process; returns the source of every configuration parse."""
    parsed: list[str] = []
    parse = assessments.config.parse_config

    def counting_parse(text: str, source: str) -> assessments.Config:
        parsed.append(source)
        return parse(text, source)

    monkeypatch.setattr(assessments.config, "parse_config", counting_parse)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.delenv("RS_CONFIG", raising=False)
    build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site), **options))
    return parsed


def test_hook_order_does_not_matter_and_the_configuration_is_parsed_once(
        built_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    listed = load_config(str(ROOT / "mkdocs.yml")).hooks
    assert sorted(Path(p).name for p in listed) == sorted(Path(p).name for p in HOOK_ORDER)
    reversed_order = list(reversed([str(ROOT / p) for p in HOOK_ORDER]))
    assert [Path(p).name for p in reversed_order] != [Path(p).name for p in listed]
    site = tmp_path / "site"
    parsed = _build_in_process(site, monkeypatch, hooks=reversed_order)
    assert parsed == [str(ROOT / "institution.toml")], "the institution's file must be parsed once per build"
    expected = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html"))
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")) == expected
    different = [name for name in expected if (site / name).read_bytes() != (built_site / name).read_bytes()]
    assert different == [], "the hooks in another order built different pages"
    for name in ("assets/engine/manifest.json", "assets/data/changes.json"):
        assert (site / name).read_bytes() == (built_site / name).read_bytes(), name
    assert '"assets/data/changes.json":' in (site / "sw.js").read_text(encoding="utf-8"), "written before sw.js"


def test_an_unknown_marker_stops_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           caplog: pytest.LogCaptureFixture) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    page = docs / "visitors.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nAsk <!-- cfg:front-desk --> first.\n", encoding="utf-8")
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        _build_in_process(tmp_path / "site", monkeypatch, docs_dir=str(docs))
    assert "visitors.md: marker <!-- cfg:front-desk -->: unknown marker (fix: use one of: cfg:contact" in caplog.text
