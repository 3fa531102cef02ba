"""Prefilled hand-off to a form: which fields of a result go to the office's form, and the URL they make.

A form in ``institution.toml`` may declare how it is prefilled, with a template
whose query parameters hold named fields in braces:

- ``prefill_url = "https://forms.example.edu/screening?risk={tier}&who={partners}"``
  (a web form service that reads query parameters; https only);
- ``prefill_mail = "mailto:office@example.edu?subject=Screening%20{tier}&body={reasons}"``
  (a mail to the office).

:func:`check_template` validates a template when the configuration is loaded
(unknown fields, a target that is not https (or mailto: for a mail), braces
outside parameter values, and a URL that could grow past
:data:`MAX_PREFILL_URL` are refused, naming the key). :func:`attach` adds to
each next step whose form declares one ``form.prefill``: the exact parameters
and values and the URL they make, built here once for the page. The page shows
them and opens the URL only when the person clicks; nothing is sent otherwise.
The default configuration declares none: its next steps stay plain links.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any
from urllib.parse import quote, unquote

from ._model import Policy
from .answer_types import TYPES

MAX_PREFILL_URL = 2_000
"""Characters a prefilled URL may have: longer ones are cut by mail programs and refused by some servers."""

FIELDS: dict[str, tuple[str, int]] = {
    "tier": ("the risk tier (or \u201cincomplete\u201d)", 30),
    "reasons": ("the titles of the reasons", 500),
    "partners": ("the partners' names and countries", 400),
    "countries": ("the partners' countries", 150),
    "activities": ("the planned activities", 150),
    "matches": ("the list matches: name and list", 400),
    "policy_version": ("the policy version", 40),
    "date": ("today's date", 20),
    "form": ("the form's title", 200),
    "institution": ("the institution's short name", 150),
}
"""Every field a template may name: what it holds, and the most characters (percent-encoded) it may take in the
URL. A value is shortened to fit; the build checks that a template with every field at that size still fits."""

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
KEYS = {"prefill_url": "https://", "prefill_mail": "mailto:"}


def check_template(key: str, template: str, fail: Any) -> None:
    """Refuse a template that names an unknown field, targets anything but https (mailto: for prefill_mail),
    puts a field anywhere but in a parameter's value, or could grow past :data:`MAX_PREFILL_URL`."""
    kind = key.rsplit(".", 1)[-1]
    scheme = KEYS[kind]
    if not template.lower().startswith(scheme):
        raise fail(key, f"the target must start with {scheme}", f"write the form's full {scheme} address")
    base, _, query = template.partition("?")
    if kind == "prefill_url" and not re.match(r"^https://[^/?#{}\s]+", base):
        raise fail(key, "no host after https://", "write the form's full https:// address")
    if "{" in base or "}" in base or "#" in template:
        raise fail(key, "a field outside the query parameters (or a # fragment)",
                   "put each {field} in a parameter's value: ?name={field}")
    if not query:
        raise fail(key, "no query parameters", "add the parameters the form reads, e.g. ?risk={tier}")
    size = len(base) + 1
    used = []
    for part in query.split("&"):
        name, eq, value = part.partition("=")
        if not eq or not name or "{" in name or "}" in name:
            raise fail(key, f"the parameter {part[:40]!r} is not name=value", "write each parameter as name=value")
        fixed = _PLACEHOLDER.sub("", value)
        if "{" in fixed or "}" in fixed:
            raise fail(key, f"an unbalanced brace in {part[:40]!r}", "write each field as {name}")
        for field in _PLACEHOLDER.findall(value):
            if field not in FIELDS:
                raise fail(key, f"unknown field {{{field[:40]}}}", f"use one of: {', '.join(sorted(FIELDS))}")
            used.append(field)
            size += FIELDS[field][1]
        size += len(name) + 1 + len(fixed) + 1
    if not used:
        raise fail(key, "names no field", "add at least one {field}, e.g. ?risk={tier}")
    if size > MAX_PREFILL_URL:
        raise fail(key, f"could grow to {size:,} characters with its fields filled in, more than {MAX_PREFILL_URL:,}",
                   "use fewer fields or shorter parameter names")


def check_form(fid: str, entry: dict[str, Any], fail: Any) -> None:
    """The prefill templates of one ``[forms.ID]`` table (at most one of the two kinds)."""
    present = [k for k in KEYS if entry.get(k)]
    if len(present) > 1:
        raise fail(f"forms.{fid}.prefill_mail", "a form is prefilled one way only",
                   "keep either prefill_url or prefill_mail")
    for kind in present:
        check_template(f"forms.{fid}.{kind}", entry[kind], fail)


def _values(result: dict[str, Any], answers: Any, config: Any, form: dict[str, Any], policy: Policy) -> dict[str, str]:
    answers = answers if isinstance(answers, dict) else {}
    partner_q = next((q for q in policy.questions if TYPES[q.type].per_partner), None)
    partners = [p for p in (answers.get(partner_q.id) if partner_q else None) or [] if isinstance(p, dict)]
    names = lambda code: policy.country_names.get(code, code) if isinstance(code, str) else ""  # noqa: E731
    activity_q = policy.question_index.get(policy.activity_question)
    labels = {o.value: o.label for o in activity_q.options} if activity_q else {}
    chosen = (answers.get(activity_q.id) if activity_q else None) or []
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
    missing = result.get("missing") or []
    return {
        "tier": "incomplete" if missing else str(result.get("tier", "")),
        "reasons": "; ".join(r["title"] for r in result.get("reasons") or []),
        "partners": "; ".join(t for t in partner_text if t),
        "countries": ", ".join(dict.fromkeys(names(p.get("country")) for p in partners if p.get("country"))),
        "activities": "; ".join(labels.get(a, str(a)) for a in chosen),
        "matches": "; ".join(dict.fromkeys(matches)),
        "policy_version": str(result.get("policy_version", "")),
        "date": _dt.date.today().isoformat(),
        "form": form.get("title", ""),
        "institution": str(config.identity.get("short_name", "")),
    }


def _fit(text: str, budget: int) -> str:
    """The longest start of ``text`` whose percent-encoding fits ``budget`` characters (an ellipsis if cut)."""
    if len(quote(text, safe="")) <= budget:
        return text
    low, high = 0, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if len(quote(text[:mid] + "\u2026", safe="")) <= budget:
            low = mid
        else:
            high = mid - 1
    return text[:low] + "\u2026"


def build(template: str, values: dict[str, str]) -> dict[str, Any]:
    """The URL a checked template makes with these values, and each parameter with its exact value."""
    base, _, query = template.partition("?")
    params = []
    for part in query.split("&"):
        name, _, value = part.partition("=")
        fields = _PLACEHOLDER.findall(value)
        pieces = _PLACEHOLDER.split(value)  # fixed text at even positions, field names at odd ones
        text = "".join(unquote(piece) if i % 2 == 0 else _fit(values.get(piece, ""), FIELDS[piece][1])
                       for i, piece in enumerate(pieces))
        params.append({"name": unquote(name), "value": text, "fields": fields})
    url = base + "?" + "&".join(f"{quote(p['name'], safe='')}={quote(p['value'], safe='')}" for p in params)
    return {"url": url, "target": base, "fields": params}


def attach(result: dict[str, Any], answers: Any, config: Any, policy: Policy) -> dict[str, Any]:
    """Add ``form.prefill`` to each next step whose form declares a template (the page's result)."""
    for action in result.get("actions") or []:
        form = action.get("form") or {}
        entry = config.forms.get(form.get("id", ""))
        template = entry and (entry.prefill_url or entry.prefill_mail)
        if not template:
            continue
        made = build(template, _values(result, answers, config, form, policy))
        made["kind"] = "url" if entry.prefill_url else "mail"
        form["prefill"] = made
    return result

