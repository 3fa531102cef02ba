"""Edited copies of the shipped configuration, and the engine called as the unit tests call it."""

from __future__ import annotations

import re
from typing import Any

import assessments
from tests.support.paths import ROOT

DEFAULT_CONFIG = (ROOT / "institution.toml").read_text(encoding="utf-8")


def edit_config(pattern: str, replacement: str, text: str = DEFAULT_CONFIG) -> str:
    """``text`` with the first match of ``pattern`` (a multi-line regex) replaced by ``replacement``,
    taken literally; the test fails when the pattern no longer matches (the file changed shape)."""
    out, count = re.subn(pattern, lambda _: replacement, text, count=1, flags=re.M)
    assert count == 1, f"test edit {pattern!r} did not apply"
    return out


def assess_unscreened(answers: dict[str, Any], **kw: Any) -> dict[str, Any]:
    """The engine's result without name screening (the rules alone)."""
    return assessments.assess(answers, screening=False, **kw)
