# ruff: noqa: RUF002, RUF003 - Russian words in Cyrillic, as they are written
"""An institute's Soviet name, "of the USSR Academy of Sciences" ("... АН СССР" in Russian), as older papers and
histories write it: the Russian Academy of Sciences succeeded the USSR's in 1991, so the name reads as the institute's
name with the Russian Academy, and finds the listed institute. On the shipped lists."""

from __future__ import annotations

import pytest

from assessments.screening import screen_name
from assessments.screening.normalize import tokens


def test_the_ussr_academy_reads_as_the_russian_academy() -> None:
    assert tokens("Lebedev Physical Institute of the USSR Academy of Sciences") == \
        tokens("Lebedev Physical Institute of the Russian Academy of Sciences")
    assert tokens("Institute for Physical Problems, Academy of Sciences of the USSR") == \
        tokens("Institute for Physical Problems, Russian Academy of Sciences")
    assert tokens("\u0424\u0438\u0437\u0438\u0447\u0435\u0441\u043a\u0438\u0439 \u0438\u043d\u0441\u0442\u0438\u0442"
                  "\u0443\u0442 \u0410\u041d \u0421\u0421\u0421\u0420")[-1] == "ran"  # Физический институт АН СССР
    # As a paper's address abbreviates it.
    assert tokens("Space Res Inst USSR Acad Sci") == tokens("Space Research Institute of the USSR Academy of Sciences")
    # Alone, the words are the Academy's own name, not an institute's.
    assert "ras" not in tokens("USSR Academy of Sciences")


@pytest.mark.parametrize(("typed", "listed"), [
    ("Lebedev Physical Institute of the USSR Academy of Sciences", "lebedev"),
    ("Landau Institute for Theoretical Physics of the USSR Academy of Sciences", "landau"),
    ("\u0424\u0438\u0437\u0438\u0447\u0435\u0441\u043a\u0438\u0439 \u0438\u043d\u0441\u0442\u0438\u0442\u0443\u0442 "
     "\u0438\u043c. \u041f.\u041d. \u041b\u0435\u0431\u0435\u0434\u0435\u0432\u0430 \u0410\u041d \u0421\u0421\u0421"
     "\u0420", "lebedev"),  # Физический институт им. П.Н. Лебедева АН СССР
])
def test_an_institutes_soviet_name_finds_the_listed_institute(typed: str, listed: str) -> None:
    result = screen_name(typed)
    assert result["outcome"] in ("high", "prohibited")
    assert any(c["match"] and listed in c["matched_alias"].lower() + c["name"].lower() for c in result["candidates"])
