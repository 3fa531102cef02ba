"""The registry of sources and shared legal facts (``policy/sources.toml``).

Every source the guide relies on is declared once, with what it says, when and
how it was checked and when it is due for another look. Rules, country lists,
questions, measures, actions, the guide's pages and the change log cite it by
id. A legal fact stated in more than one place is written once as a ``fact``
(text plus the ids it rests on) and included by id: ``{fact:ID}`` inside policy
text, ``<!-- guide:fact ID -->`` on a page, so that a correction is one edit.

How far a source was verified (``verified``, ``how``) is for the research
office's review page and the ``sources`` command, never for the researcher's
result: a citation in a result names the source, its kind and its date only.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from typing import Any

from ._errors import PolicyError
from ._model import SOURCE_KINDS, VERIFICATION, Citation, Fact, Source

WHERE = "policy/sources.toml"
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_FACT = re.compile(r"\{fact:([^}]*)\}")
_SOURCE_KEYS = {"title", "url", "kind", "section", "says", "checked", "verified", "how", "review_days"}
_FACT_KEYS = {"text", "sources"}

# What counts as legal text: a citation of a regulation, a statute, the Federal Register, an
# executive order or a proclamation. A page or a policy text that says this much must cite sources.
LEGAL_TEXT = re.compile(
    r"\b\d+\s+(?:CFR|C\.F\.R\.|USC|U\.S\.C\.|FR)\b"
    r"|\b(?:EO|E\.O\.|Executive Order|Proclamation)\s+\d{4,5}\b",
)


def mentions_law(text: str) -> bool:
    """Whether ``text`` cites a regulation, statute, Federal Register page, executive order or proclamation."""
    return bool(LEGAL_TEXT.search(text))


def load_sources(data: dict[str, Any]) -> tuple[dict[str, Source], dict[str, Fact]]:
    """Validate the registry's tables: ``[sources.ID]`` and ``[facts.ID]``."""
    for key in data:
        if key not in ("sources", "facts"):
            raise PolicyError(WHERE, key, "unknown table", "use [sources.ID] or [facts.ID]")
    sources: dict[str, Source] = {}
    for sid, entry in _tables(data, "sources"):
        at = f"sources.{sid}."
        _keys(entry, _SOURCE_KEYS, at)
        title = _text(entry, "title", at)
        kind = _text(entry, "kind", at)
        if kind not in SOURCE_KINDS:
            raise PolicyError(WHERE, f"{at}kind", f"unknown kind {kind!r}", f"use one of: {', '.join(SOURCE_KINDS)}")
        url = entry.get("url", "")
        if not isinstance(url, str) or (url and not re.match(r"^https?://\S+$", url)):
            raise PolicyError(WHERE, f"{at}url", "not a URL", "write a full https:// address")
        if not url and kind != "institutional":
            raise PolicyError(WHERE, f"{at}url", "missing", "give the address where the source can be read")
        checked = entry.get("checked")
        if not isinstance(checked, _dt.date) or isinstance(checked, _dt.datetime):
            raise PolicyError(WHERE, f"{at}checked", "missing or not a date", "write checked = YYYY-MM-DD")
        verified = _text(entry, "verified", at)
        if verified not in VERIFICATION:
            raise PolicyError(WHERE, f"{at}verified", f"unknown value {verified!r}",
                              f"use one of: {', '.join(VERIFICATION)}")
        how = _text(entry, "how", at)
        review = entry.get("review_days")
        if not isinstance(review, int) or isinstance(review, bool) or not 1 <= review <= 1100:
            raise PolicyError(WHERE, f"{at}review_days", "missing or not a number of days from 1 to 1100",
                              "say after how many days the source is due for another look, e.g. review_days = 90")
        sources[sid] = Source(id=sid, title=title, url=url, kind=kind, section=_text(entry, "section", at),
                              says=_text(entry, "says", at), checked=checked.isoformat(), verified=verified,
                              how=how, review_days=review)
    facts: dict[str, Fact] = {}
    for fid, entry in _tables(data, "facts"):
        at = f"facts.{fid}."
        _keys(entry, _FACT_KEYS, at)
        text = _text(entry, "text", at)
        if _FACT.search(text):
            raise PolicyError(WHERE, f"{at}text", "a fact may not include another fact", "write the text out")
        ids = cite(entry.get("sources"), sources, WHERE, f"{at}sources")
        facts[fid] = Fact(id=fid, text=text, sources=ids)
    return sources, facts


def cite(ids: Any, sources: dict[str, Source], where: str, key: str, *, required: bool = True) -> tuple[str, ...]:
    """A validated list of source ids (each declared in the registry, none twice)."""
    if ids is None and not required:
        return ()
    if not isinstance(ids, list) or (required and not ids):
        raise PolicyError(where, key, "missing or not a list of source ids",
                          f'write {key.rpartition(".")[2]} = ["id", ...] with ids from {WHERE}')
    seen: list[str] = []
    for i, sid in enumerate(ids):
        if not isinstance(sid, str) or sid not in sources:
            raise PolicyError(where, f"{key}[{i}]", f"unknown source {sid!r}", f"declare it in {WHERE}")
        if sid in seen:
            raise PolicyError(where, f"{key}[{i}]", f"source {sid!r} cited twice", "cite each source once")
        seen.append(sid)
    return tuple(seen)


def citations(ids: Iterable[str], sources: dict[str, Source]) -> tuple[Citation, ...]:
    return tuple(sources[sid].citation() for sid in ids)


def expand(text: str, facts: dict[str, Fact], where: str, key: str) -> tuple[str, tuple[str, ...]]:
    """``text`` with every ``{fact:ID}`` replaced by the fact's text, and the source ids those facts rest on."""
    used: list[str] = []

    def replace(match: re.Match[str]) -> str:
        fact = facts.get(match.group(1))
        if fact is None:
            raise PolicyError(where, key, f"unknown fact {match.group(1)!r}", f"declare [facts.{match.group(1)}] "
                              f"in {WHERE}")
        used.extend(s for s in fact.sources if s not in used)
        return fact.text

    return _FACT.sub(replace, text), tuple(used)


def check_cited(text: str, ids: tuple[str, ...], where: str, key: str) -> None:
    """Legal text needs at least one source."""
    if mentions_law(text) and not ids:
        raise PolicyError(where, key, "states law but cites no source",
                          f'add sources = ["id", ...] with ids from {WHERE}')


def due(sources: Iterable[Source], on: _dt.date) -> list[Source]:
    """The sources due for another look on ``on``: never verified, or past their review interval."""
    return sorted((s for s in sources if s.is_due(on)), key=lambda s: (s.next_review(), s.id))


def _tables(data: dict[str, Any], name: str) -> Iterable[tuple[str, dict[str, Any]]]:
    table = data.get(name, {})
    if not isinstance(table, dict):
        raise PolicyError(WHERE, name, "must be a table", f"write [{name}.ID] tables")
    for key, entry in table.items():
        if not _ID.match(key):
            raise PolicyError(WHERE, f"{name}.{key}", "bad id", "use lower_snake_case")
        if not isinstance(entry, dict):
            raise PolicyError(WHERE, f"{name}.{key}", "must be a table", f"write [{name}.{key}]")
        yield key, entry


def _keys(entry: dict[str, Any], keys: set[str], at: str) -> None:
    for key in entry:
        if key not in keys:
            raise PolicyError(WHERE, f"{at}{key}", "unknown key", f"use one of: {', '.join(sorted(keys))}")


def _text(entry: dict[str, Any], key: str, at: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise PolicyError(WHERE, f"{at}{key}", "missing or empty", f"write {key} = \"...\"")
    return value

