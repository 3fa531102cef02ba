"""The prefilled hand-off on a result: each next step whose form declares a template gets ``form.prefill``.

The values come from the result and the answers (:func:`values`), the URL and the exact parameters from
:func:`assessments.prefill.build` (the template was checked when the configuration was loaded). Kept apart
from :mod:`assessments.prefill`, which the configuration's validator imports: this part needs the policy.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from ._engine import _partners
from ._policy import load_policy
from .config import Config
from .prefill import build


def values(result: dict[str, Any], answers: Any, config: Config, form: dict[str, Any]) -> dict[str, str]:
    """Every field a template may name (:data:`assessments.prefill.FIELDS`), as text."""
    policy = load_policy()
    partners = [p for p in _partners(answers if isinstance(answers, dict) else {}, policy) if isinstance(p, dict)]
    names = lambda code: policy.country_names.get(code, code) if isinstance(code, str) else ""  # noqa: E731
    partner_text = []
    for p in partners:
        who = ", ".join(n for n in p.get("names") or [] if isinstance(n, str))
        where = names(p.get("country"))
        partner_text.append(f"{who} ({where})" if who and where else who or where)
    matches = []
    for s in result.get("screening") or []:
        for c in s.get("candidates") or []:
            if c.get("match"):
                matches.append(f"{s['query']}: {', '.join(entry['label'] for entry in c.get('lists') or [])}")
    return {
        "tier": "incomplete" if result.get("missing") else str(result.get("tier", "")),
        "reasons": "; ".join(r["title"] for r in result.get("reasons") or []),
        "partners": "; ".join(t for t in partner_text if t),
        "countries": ", ".join(dict.fromkeys(names(p.get("country")) for p in partners if p.get("country"))),
        "matches": "; ".join(dict.fromkeys(matches)),
        "policy_version": str(result.get("policy_version", "")),
        "date": _dt.date.today().isoformat(),
        "form": form.get("title", ""),
        "institution": str(config.identity.get("short_name", "")),
    }


def attach(result: dict[str, Any], answers: Any, config: Config) -> dict[str, Any]:
    """Add ``form.prefill`` to each next step whose form declares a template (the page's result)."""
    for action in result.get("actions") or []:
        form = action.get("form") or {}
        entry = config.forms.get(form.get("id", ""))
        template = entry and (entry.prefill_url or entry.prefill_mail)
        if not template:
            continue
        made = build(template, values(result, answers, config, form))
        made["kind"] = "url" if entry.prefill_url else "mail"
        form["prefill"] = made
    return result
