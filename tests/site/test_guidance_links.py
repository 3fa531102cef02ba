"""Every guide page the engine can link to reaches the browser and exists in the built site."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import assessments


def _guidance(value: Any, where: str) -> Iterator[tuple[str, str]]:
    """(where, path) for every ``guidance`` field of the policy's objects, found by walking the model."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            item = getattr(value, field.name)
            if field.name == "guidance" and item:
                yield where, item
            else:
                yield from _guidance(item, f"{where}.{field.name}")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _guidance(item, f"{where}[{key}]")
    elif isinstance(value, tuple | list):
        for i, item in enumerate(value):
            yield from _guidance(item, f"{where}[{i}]")


def test_every_guidance_link_of_the_policy_resolves_in_the_built_site(built_site: Path) -> None:
    policy = assessments.load_policy()
    links = list(_guidance(policy, "policy"))
    where_of = {path: where for where, path in links}
    assert any(".measures[" in where for where, _ in links), "no measure links a page: the walk is wrong"
    assert set(where_of) == policy.guidance_pages(), "guidance_pages() misses a kind of policy object"
    manifest = json.loads((built_site / "assets/engine/manifest.json").read_text(encoding="utf-8"))
    urls = manifest["guidance_urls"]
    missing = sorted(set(where_of) - set(urls))
    assert not missing, f"guidance paths the browser cannot link: {missing}"
    for path, url in urls.items():
        page = built_site / url.partition("#")[0] / "index.html"
        assert page.is_file(), f"{path} -> {url}: no such page in the site (linked from {where_of.get(path)})"
