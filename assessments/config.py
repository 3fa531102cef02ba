"""The institution configuration: the one file a research office edits.

Everything institution-specific (names, contacts, form links, the elevated-risk
country list, screening settings, branding) lives in one TOML file, validated
here so that the build hooks, the command line and the browser agree.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._errors import ConfigError
from ._policy import load_policy
from ._resources import package_root
from .limits import MATCH_THRESHOLD, MAX_LIST_AGE_DAYS, THRESHOLD_RANGE

_EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[A-Za-z]{2,}$")
_URL = re.compile(r"^(https?://[^\s<>\"']+|mailto:[^\s<>\"']+)$")
_ISO2 = re.compile(r"^[A-Z]{2}$")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
_PALETTE = {
    "red", "pink", "purple", "deep-purple", "indigo", "blue", "light-blue", "cyan",
    "teal", "green", "light-green", "lime", "yellow", "amber", "orange",
    "deep-orange", "brown", "grey", "blue-grey", "black", "white",
}

_SCHEMA: dict[str, dict[str, type | tuple[type, ...]]] = {
    "institution": {
        "name": str, "short_name": str, "office": str, "website": str,
        "policy_last_reviewed": _dt.date, "example": bool,
    },
    "screening": {"threshold": (float, int), "max_list_age_days": int, "disabled_lists": list},
    "countries": {"elevated_risk": list, "elevated_risk_source": str},
    "branding": {"logo": str, "primary": str, "accent": str},
}
_REQUIRED = {
    "institution": ("name", "short_name", "office", "website", "policy_last_reviewed"),
    "countries": ("elevated_risk",),
}
_CONTACT_KEYS = {"label": str, "email": str, "phone": str, "url": str, "hours": str}
_FORM_KEYS = {"title": str, "url": str, "contact": str, "note": str}


@dataclass(frozen=True)
class Contact:
    id: str
    label: str
    email: str = ""
    phone: str = ""
    url: str = ""
    hours: str = ""


@dataclass(frozen=True)
class Form:
    id: str
    title: str
    url: str
    contact: str = ""
    note: str = ""


@dataclass(frozen=True)
class Config:
    source: str
    institution: dict[str, Any]
    contacts: dict[str, Contact]
    forms: dict[str, Form]
    elevated_risk: tuple[str, ...]
    elevated_risk_source: str
    threshold: float = MATCH_THRESHOLD
    max_list_age_days: int = MAX_LIST_AGE_DAYS
    disabled_lists: tuple[str, ...] = ()
    branding: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The subset the browser needs, JSON-ready (no dates as objects)."""
        inst = dict(self.institution)
        inst["policy_last_reviewed"] = str(inst["policy_last_reviewed"])
        return {
            "institution": inst,
            "contacts": {k: _fields(v) for k, v in self.contacts.items()},
            "forms": {k: _fields(v) for k, v in self.forms.items()},
            "countries": {
                "elevated_risk": list(self.elevated_risk),
                "elevated_risk_source": self.elevated_risk_source,
            },
            "screening": {
                "threshold": self.threshold,
                "max_list_age_days": self.max_list_age_days,
                "disabled_lists": list(self.disabled_lists),
            },
            "branding": dict(self.branding),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], source: str = "config.json") -> Config:
        """Rebuild a Config from :meth:`to_json` output (the browser's copy)."""
        return _build(data, source)


def _fields(entry: Contact | Form) -> dict[str, str]:
    return {k: v for k, v in vars(entry).items() if k != "id" and v}


def load_config(path: str | Path) -> Config:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(str(path), "", f"cannot read the file ({exc.strerror})",
                          "pass the path of an existing configuration file") from None
    return parse_config(text, str(path))


def parse_config(text: str, source: str) -> Config:
    # Imported here: the browser gets its configuration as JSON and never loads the TOML parser.
    import tomllib  # noqa: PLC0415

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(source, "", f"not valid TOML: {exc}", "correct the TOML syntax") from None
    return _build(data, source)


def default_config() -> Config:
    """The neutral fictional institution shipped with the package."""
    text = package_root().joinpath("default_institution.toml").read_text("utf-8")
    return parse_config(text, "assessments/default_institution.toml")


def _build(data: dict[str, Any], source: str) -> Config:
    def fail(key: str, reason: str, fix: str) -> ConfigError:
        return ConfigError(source, key, reason, fix)

    known_top = set(_SCHEMA) | {"contacts", "forms"}
    for key in data:
        if key not in known_top:
            raise fail(key, "unknown section", f"use one of: {', '.join(sorted(known_top))}")
    for section, fields in _SCHEMA.items():
        table = data.get(section, {})
        if not isinstance(table, dict):
            raise fail(section, "must be a table", f"write it as [{section}]")
        for key, value in table.items():
            if key not in fields:
                raise fail(f"{section}.{key}", "unknown key",
                           f"use one of: {', '.join(sorted(fields))}")
            expected = fields[key]
            if isinstance(value, bool) and expected is not bool:
                raise fail(f"{section}.{key}", "wrong type", "give a value of the documented type")
            if section == "institution" and key == "policy_last_reviewed" and isinstance(value, str):
                try:
                    table[key] = _dt.date.fromisoformat(value)
                except ValueError:
                    raise fail(f"{section}.{key}", "not a date", "write it as YYYY-MM-DD") from None
            if not isinstance(table[key], expected):
                name = expected.__name__ if isinstance(expected, type) else "number"
                raise fail(f"{section}.{key}", f"must be a {name}", f"give a {name} value")
        for key in _REQUIRED.get(section, ()):
            if key not in table:
                raise fail(f"{section}.{key}", "missing", f"add {key} to [{section}]")

    inst = dict(data.get("institution", {}))
    inst.setdefault("example", False)
    if not _URL.match(inst["website"]) or inst["website"].startswith("mailto:"):
        raise fail("institution.website", "not an http(s) URL", "write a full https:// address")

    contacts = _contacts(data.get("contacts", {}), fail)
    forms = _forms(data.get("forms", {}), contacts, fail)

    policy = load_policy()
    missing = sorted(set(policy.form_ids) - set(forms))
    if missing:
        raise fail(f"forms.{missing[0]}", "missing form referenced by the policy",
                   f"add [forms.{missing[0]}] with a title and url")

    countries = data.get("countries", {})
    elevated = countries["elevated_risk"]
    for i, code in enumerate(elevated):
        if not isinstance(code, str) or not _ISO2.match(code) or code not in policy.country_names:
            raise fail(f"countries.elevated_risk[{i}]", f"{code!r} is not an ISO 3166-1 alpha-2 code",
                       "use two capital letters, e.g. CN, HK, RU")

    screening = data.get("screening", {})
    threshold = float(screening.get("threshold", MATCH_THRESHOLD))
    low, high = THRESHOLD_RANGE
    if not low <= threshold <= high:
        raise fail("screening.threshold", "out of range", f"use a number between {low} and {high}")
    max_age = screening.get("max_list_age_days", MAX_LIST_AGE_DAYS)
    if max_age < 1:
        raise fail("screening.max_list_age_days", "must be positive", "use a number of days, e.g. 365")
    disabled = screening.get("disabled_lists", [])
    for i, item in enumerate(disabled):
        if not isinstance(item, str) or not re.match(r"^[a-z0-9_]+$", item):
            raise fail(f"screening.disabled_lists[{i}]", "not a list id",
                       "use list ids as shown on the screening page, e.g. os_section_1286")

    branding = dict(data.get("branding", {}))
    for key in ("primary", "accent"):
        value = branding.get(key)
        if value is not None and value not in _PALETTE and not _COLOR.match(value):
            raise fail(f"branding.{key}", f"{value!r} is not a colour",
                       "use a Material palette name (e.g. indigo) or #rrggbb")

    return Config(
        source=source,
        institution=inst,
        contacts=contacts,
        forms=forms,
        elevated_risk=tuple(elevated),
        elevated_risk_source=countries.get("elevated_risk_source", ""),
        threshold=threshold,
        max_list_age_days=max_age,
        disabled_lists=tuple(disabled),
        branding=branding,
    )


def _contacts(table: Any, fail: Any) -> dict[str, Contact]:
    if not isinstance(table, dict) or not table:
        raise fail("contacts", "missing", "add at least [contacts.research_security]")
    out = {}
    for cid, entry in table.items():
        if not isinstance(entry, dict):
            raise fail(f"contacts.{cid}", "must be a table", f"write it as [contacts.{cid}]")
        _check_keys(entry, _CONTACT_KEYS, f"contacts.{cid}", fail)
        if "label" not in entry:
            raise fail(f"contacts.{cid}.label", "missing", "add a label, e.g. the office name")
        if not (entry.get("email") or entry.get("url") or entry.get("phone")):
            raise fail(f"contacts.{cid}", "no way to reach it", "add an email, url or phone")
        if entry.get("email") and not _EMAIL.match(entry["email"]):
            raise fail(f"contacts.{cid}.email", f"{entry['email']!r} is not an email address",
                       "write name@domain")
        if entry.get("url") and not _URL.match(entry["url"]):
            raise fail(f"contacts.{cid}.url", "not a URL", "write a full https:// address")
        out[cid] = Contact(id=cid, **entry)
    if "research_security" not in out:
        raise fail("contacts.research_security", "missing", "add [contacts.research_security]")
    return out


def _forms(table: Any, contacts: dict[str, Contact], fail: Any) -> dict[str, Form]:
    if not isinstance(table, dict):
        raise fail("forms", "must be a table", "write each form as [forms.ID]")
    out = {}
    for fid, entry in table.items():
        if not isinstance(entry, dict):
            raise fail(f"forms.{fid}", "must be a table", f"write it as [forms.{fid}]")
        _check_keys(entry, _FORM_KEYS, f"forms.{fid}", fail)
        for key in ("title", "url"):
            if not entry.get(key):
                raise fail(f"forms.{fid}.{key}", "missing", f"add {key} to [forms.{fid}]")
        if not _URL.match(entry["url"]):
            raise fail(f"forms.{fid}.url", f"{entry['url']!r} is not a URL",
                       "write a full https:// address or mailto:")
        if entry.get("contact") and entry["contact"] not in contacts:
            raise fail(f"forms.{fid}.contact", f"unknown contact {entry['contact']!r}",
                       f"use one of: {', '.join(sorted(contacts))}")
        out[fid] = Form(id=fid, **entry)
    return out


def _check_keys(entry: dict[str, Any], allowed: dict[str, type], where: str, fail: Any) -> None:
    for key, value in entry.items():
        if key not in allowed:
            raise fail(f"{where}.{key}", "unknown key", f"use one of: {', '.join(sorted(allowed))}")
        if not isinstance(value, allowed[key]):
            raise fail(f"{where}.{key}", "must be text", "put the value in quotes")
