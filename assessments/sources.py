"""Where each source of the registry (``policy/sources.toml``) is used, and which are due for review.

Used by ``python -m assessments sources`` and by the office's review page (hooks/markers.py,
``<!-- guide:source-review -->``). The policy records its own citations when it loads; the
guide's pages cite ids in their front matter (``sources: [id, ...]``) and through the facts they
include (``<!-- guide:fact ID -->``); the change log (``docs/data/changes.toml``) in each entry's
``sources``. Reading the pages needs only the standard library: front matter is read as far as
its ``sources`` key.
"""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path
from typing import Any

from ._model import Policy
from ._sources import mentions_law

__all__ = ["mentions_law", "page_sources", "report"]

_FACT_MARKER = re.compile(r"<!--\s*guide:fact\s+([a-z0-9_]+)\s*-->")
_SKIP = ("includes/", "data/")


def _front_matter(text: str) -> str:
    if not text.startswith("---\n"):
        return ""
    end = text.find("\n---", 4)
    return text[4:end] if end > 0 else ""


def page_sources(text: str, policy: Policy) -> list[str]:
    """The ids a page's Markdown cites: its front matter's ``sources``, then those of the facts it includes."""
    ids: list[str] = []
    match = re.search(r"^sources:(.*?)(?=^\S|\Z)", _front_matter(text), re.M | re.S)
    if match:
        ids += [part for part in re.split(r"[\s,\[\]\-]+", match.group(1)) if part]
    for fid in _FACT_MARKER.findall(text):
        fact = policy.facts.get(fid)
        ids += list(fact.sources) if fact else []
    return list(dict.fromkeys(ids))


def _pages(docs: Path) -> dict[str, str]:
    out = {}
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs).as_posix()
        if not rel.startswith(_SKIP):
            out[rel] = path.read_text(encoding="utf-8")
    return out


def _changes(docs: Path) -> list[dict[str, Any]]:
    import tomllib  # noqa: PLC0415 - only the command line and the build read the change log

    path = docs / "data" / "changes.toml"
    return tomllib.loads(path.read_text(encoding="utf-8")).get("change", []) if path.is_file() else []


def report(policy: Policy, docs: Path | None, on: _dt.date) -> list[dict[str, Any]]:
    """Every source with where it is used (policy places, pages, change-log entries) and whether it is due on ``on``."""
    pages: dict[str, list[str]] = {}
    changes: dict[str, list[str]] = {}
    if docs is not None and docs.is_dir():
        for rel, text in _pages(docs).items():
            for sid in page_sources(text, policy):
                pages.setdefault(sid, []).append(rel)
        for entry in _changes(docs):
            for sid in entry.get("sources", []):
                changes.setdefault(sid, []).append(str(entry.get("id")))
    out = []
    for sid, source in policy.sources.items():
        out.append({
            "id": sid, "title": source.title, "url": source.url, "kind": source.kind, "section": source.section,
            "says": source.says, "checked": source.checked, "verified": source.verified, "how": source.how,
            "review_days": source.review_days, "next_review": source.next_review().isoformat(),
            "due": source.is_due(on), "used_by": list(policy.cited.get(sid, ())),
            "pages": pages.get(sid, []), "changes": changes.get(sid, []),
        })
    return out
