"""The benchmarks' comparison pages can still be made from the built site.

benchmarks/page_cost.py makes "the same page, drawn only once the engine is ready" by adding a
style right after the page's engine script; if the page's head changes so that the tag is not
found, the benchmark would stop with a message at the next measurement. This catches it when
the page changes instead. Nothing is timed here.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from tests.support.paths import ROOT

sys.path.append(str(ROOT / "benchmarks"))
import page_cost


def test_undrawn_page_is_the_page_with_its_body_hidden_until_the_engine_settles(
    built_site: Path, tmp_path: Path
) -> None:
    page = built_site / "self-assessment" / "index.html"
    (tmp_path / "self-assessment").mkdir()
    shutil.copy(page, tmp_path / "self-assessment" / "index.html")
    page_cost._undrawn_page(tmp_path)
    html = page.read_text(encoding="utf-8")
    undrawn = (tmp_path / "_bench_undrawn" / "index.html").read_text(encoding="utf-8")
    assert undrawn.replace(page_cost.UNDRAWN_STYLE, "", 1) == html
    assert page_cost.ENGINE_TAG + page_cost.UNDRAWN_STYLE in undrawn
    # Relative addresses still resolve: the copy sits at the same depth as the page.
    assert '"../assets/js/engine.mjs"' in undrawn
