"""What the built site gives saved plans: the versions file guide pages compare with (policy
version and list dates, in the offline copy's list), and the notice's script on every page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import assessments
from assessments import watch
from tests.support.site import site_pages


def test_versions_file_holds_the_policy_version_and_every_list_date(built_site: Path) -> None:
    data = json.loads((built_site / "assets/data/versions.json").read_text(encoding="utf-8"))
    assert data == watch.versions(assessments.default_config())
    assert data["lists"]["us_bis_entity_list"]["as_of"] and data["policy_version"] == assessments.load_policy().version
    # Kept for offline use: the service worker lists it with the build's files.
    assert '"assets/data/versions.json"' in (built_site / "sw.js").read_text(encoding="utf-8")


def test_every_page_can_show_the_saved_plans_notice(built_site: Path) -> None:
    pages = site_pages(built_site)
    assert pages
    for name in pages:
        html = (built_site / name / "index.html").read_text(encoding="utf-8")
        if "<article" not in html:
            continue
        assert re.search(r'<script type="module" src="[^"]*assets/js/saved-plans-notice\.mjs"', html), name
