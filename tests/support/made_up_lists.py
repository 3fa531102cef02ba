"""Made-up screening lists for the unit tests of the matcher's shapes: screen_name() reads them instead of the
shipped ones, so that each test shows one shape alone (what the screen returns, the listed name, the reason)."""

from __future__ import annotations

from typing import Any

import pytest

from assessments import screening
from assessments.screening.dataset import Record, list_metadata
from assessments.screening.index import Index


def use_made_up_lists(monkeypatch: pytest.MonkeyPatch, records: list[Record], list_id: str) -> Index:
    """An index of ``records`` (all on ``list_id``) that screen_name() uses for the test, with one more entry on every
    other list, so that each list holds entries and a name is screened against all of them."""
    others = tuple(lid for lid in list_metadata()["lists"] if lid != list_id)
    index = Index([*records, Record("f", "Filler Entry Holdings", (), ("CN",), others, "")])
    monkeypatch.setattr(screening, "_INDEX", index)
    return index


def possible(result: dict[str, Any]) -> dict[str, Any]:
    """The best possible match of a result whose outcome is a possible match (and which is no match)."""
    assert result["outcome"] == "possible_match", result["candidates"][:2]
    best = next(c for c in result["candidates"] if c["possible"])
    assert not best["match"]
    return best
