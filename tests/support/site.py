"""What a built site contains, for tests that visit every page."""

from __future__ import annotations

from pathlib import Path


def site_pages(site: Path) -> list[str]:
    """Every page of the built site as a URL path relative to its root ("" is the home page)."""
    pages = []
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        if rel == "404.html" or rel.startswith("assets/"):
            continue
        pages.append(rel.removesuffix("index.html"))
    return pages


def page_sources(site: Path) -> dict[str, str]:
    """Every HTML file of the built site by its path relative to the root, with its text."""
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
