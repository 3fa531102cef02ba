"""The GitHub Actions workflows run actions pinned by commit (40 hex digits), never by a tag or
branch that someone could move, and do not leave the checkout's token on disk."""

from __future__ import annotations

import re

from tests.support.paths import ROOT

USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+)", re.M)


def test_every_action_is_pinned_by_commit() -> None:
    workflows = sorted((ROOT / ".github/workflows").glob("*.y*ml"))
    assert workflows
    for workflow in workflows:
        text = workflow.read_text(encoding="utf-8")
        uses = USES.findall(text)
        assert uses, workflow
        for action in uses:
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", action), f"{workflow.name}: {action} is not pinned"
        if "actions/checkout@" in text:
            assert "persist-credentials: false" in text, f"{workflow.name}: the checkout keeps its token"
