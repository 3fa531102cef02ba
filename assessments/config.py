"""The institution configuration: the one file a research office edits.

Everything institution-specific (names, contacts, form links, the elevated-risk
country list, screening settings, branding) lives in one TOML file, validated
here so that the build hooks, the command line and the browser agree.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._errors import ConfigError
from ._policy import load_policy
from ._resources import package_root
from .limits import (
    LIST_AGE_DAYS_RANGE,
    MATCH_THRESHOLD,
    MAX_CONFIG_BYTES,
    MAX_CONFIG_ENTRIES,
    MAX_CONFIG_NOTE,
    MAX_CONFIG_TEXT,
    MAX_CONFIG_URL,
    MAX_LIST_AGE_DAYS,
    THRESHOLD_RANGE,
)
from .prefill import check_form as check_prefill

# Every pattern is used with fullmatch: `$` would also match before a final line break.
# An address is one mailbox: no ?, & or = (mailto:x?bcc=...&body=... would add recipients and text
# to every link built from it), no spaces, quotes or angle brackets.
_EMAIL = re.compile(r"[A-Za-z0-9.!#$%'*+/^_`{|}~-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,63}")
_URL = re.compile(r"https?://[^\s<>\"']+")
_ISO2 = re.compile(r"[A-Z]{2}")
_COLOR = re.compile(r"#[0-9a-fA-F]{6}")
_ID = re.compile(r"[a-z0-9_]{1,64}")
_LIST_ID = re.compile(r"[a-z0-9_]{1,64}")
# Digits with the usual separators, an optional leading + and an optional extension.
_PHONE = re.compile(r"\+?[0-9][0-9 ()./-]{1,28}[0-9)](?: ?(?:ext\.?|x) ?[0-9]{1,6})?")
# A logo: a relative path inside the configuration's folder, plain characters, an image type.
_LOGO_PATH = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_./-]{0,199}")
LOGO_TYPES = (".svg", ".png", ".jpg", ".jpeg", ".webp")
# What makes an SVG run code or load something when it is opened as a page (the logo's own
# address) or inlined: scripts, event attributes, foreign HTML, links and references elsewhere.
_SVG_ACTIVE = re.compile(
    r"<\s*(?:[a-z]+:)?(?:script|foreignobject|iframe|embed|object|handler|listener)\b"
    r"|\bon[a-z]+\s*="
    r"|(?:href|src)\s*=\s*[\"']?\s*(?!#)[^\s\"'>]"
    r"|javascript:|<!entity|url\(\s*[\"']?\s*(?!#)",
    re.IGNORECASE,
)
_MARKUP = frozenset('<>"')
# Plain-text values shown on pages: (section, key) -> the longest value allowed. Every other
# string is a URL, an address, a phone number, a colour, an id or a path, checked by its own pattern.
_PLAIN_TEXT = {
    ("institution", "name"): MAX_CONFIG_TEXT, ("institution", "short_name"): MAX_CONFIG_TEXT,
    ("institution", "office"): MAX_CONFIG_TEXT, ("countries", "elevated_risk_source"): MAX_CONFIG_NOTE,
    ("contacts", "label"): MAX_CONFIG_TEXT, ("contacts", "hours"): MAX_CONFIG_TEXT,
    ("forms", "title"): MAX_CONFIG_TEXT, ("forms", "note"): MAX_CONFIG_NOTE,
}
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
    "screening": {"threshold": (float, int), "max_list_age_days": int, "disabled_lists": list, "screen_people": bool},
    "countries": {"elevated_risk": list, "elevated_risk_source": str},
    "branding": {"logo": str, "primary": str, "accent": str},
}
_REQUIRED = {
    "institution": ("name", "short_name", "office", "website", "policy_last_reviewed"),
    "countries": ("elevated_risk",),
}
_CONTACT_KEYS = {"label": str, "email": str, "phone": str, "url": str, "hours": str}
_FORM_KEYS = {"title": str, "url": str, "contact": str, "note": str, "prefill_url": str, "prefill_mail": str}


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
    prefill_url: str = ""
    """A URL template whose query parameters name fields of the result (assessments.prefill); empty: a plain link."""
    prefill_mail: str = ""
    """A mailto: template naming fields of the result (assessments.prefill); empty: none."""


@dataclass(frozen=True)
class Config:
    source: str
    identity: dict[str, Any]
    """The ``[institution]`` table: name, short name, website, office, review date, ``example``."""
    contacts: dict[str, Contact]
    forms: dict[str, Form]
    elevated_risk: tuple[str, ...]
    elevated_risk_source: str
    threshold: float = MATCH_THRESHOLD
    max_list_age_days: int = MAX_LIST_AGE_DAYS
    disabled_lists: tuple[str, ...] = ()
    screen_people: bool = False
    """Screen visitors' names against the individuals on the OFAC SDN list (off by default)."""
    branding: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    """Problems that do not stop the build (an http:// link): the build and the command line print them."""

    def to_json(self) -> dict[str, Any]:
        """The subset the browser needs, JSON-ready (no dates as objects)."""
        inst = dict(self.identity)
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
                "screen_people": self.screen_people,
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
        with path.open("rb") as handle:
            data = handle.read(MAX_CONFIG_BYTES + 1)
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        reason = getattr(exc, "strerror", None) or str(exc)
        raise ConfigError(str(path), "", f"cannot read the file ({reason})",
                          "pass the path of an existing configuration file") from None
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(str(path), "", f"larger than {MAX_CONFIG_BYTES:,} bytes",
                          "a configuration is a few kilobytes; check that this is the right file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(str(path), "", f"not UTF-8 text (invalid byte at offset {exc.start})",
                          "save the file as UTF-8") from None
    return parse_config(text, str(path))


def parse_config(text: str, source: str) -> Config:
    # Imported here: the browser gets its configuration as JSON and never loads the TOML parser.
    import tomllib  # noqa: PLC0415

    if len(text) > MAX_CONFIG_BYTES:
        raise ConfigError(source, "", f"longer than {MAX_CONFIG_BYTES:,} characters",
                          "a configuration is a few kilobytes; check that this is the right file")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(source, "", f"not valid TOML: {exc}", "correct the TOML syntax") from None
    except RecursionError:
        raise ConfigError(source, "", "nested too deeply", "a configuration nests two levels at most") from None
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
            raise fail(_shown(key), "unknown section", f"use one of: {', '.join(sorted(known_top))}")
    _check_strings(data, "", fail)
    for section, fields in _SCHEMA.items():
        table = data.get(section, {})
        if not isinstance(table, dict):
            raise fail(section, "must be a table", f"write it as [{section}]")
        for key, value in table.items():
            if key not in fields:
                raise fail(_shown(f"{section}.{key}"), "unknown key",
                           f"use one of: {', '.join(sorted(fields))}")
            expected = fields[key]
            if isinstance(value, bool) and expected is not bool:
                raise fail(f"{section}.{key}", "wrong type", "give a value of the documented type")
            if isinstance(value, (_dt.datetime, _dt.time)):
                fix = "write a date as YYYY-MM-DD" if expected is _dt.date else "give a value of the documented type"
                raise fail(f"{section}.{key}", "a date with a time (or a time)", fix)
            if section == "institution" and key == "policy_last_reviewed" and isinstance(value, str):
                try:
                    table[key] = _dt.date.fromisoformat(value)
                except ValueError:
                    raise fail(f"{section}.{key}", "not a date", "write it as YYYY-MM-DD") from None
            if not isinstance(table[key], expected) or isinstance(table[key], _dt.datetime):
                name = expected.__name__ if isinstance(expected, type) else "number"
                raise fail(f"{section}.{key}", f"must be a {name}", f"give a {name} value")
        for key in _REQUIRED.get(section, ()):
            if key not in table:
                raise fail(f"{section}.{key}", "missing", f"add {key} to [{section}]")

    inst = dict(data.get("institution", {}))
    inst.setdefault("example", False)
    if not _is_url(inst["website"], mailto=False):
        raise fail("institution.website", "not an http(s) URL", "write a full https:// address")

    warnings: list[str] = []
    contacts = _contacts(data.get("contacts", {}), fail, warnings)
    forms = _forms(data.get("forms", {}), contacts, fail, warnings)

    policy = load_policy()
    missing = sorted(set(policy.form_ids) - set(forms))
    if missing:
        raise fail(f"forms.{missing[0]}", "missing form referenced by the policy",
                   f"add [forms.{missing[0]}] with a title and url")

    countries = data.get("countries", {})
    elevated = countries["elevated_risk"]
    if len(elevated) > MAX_CONFIG_ENTRIES:
        raise fail("countries.elevated_risk", f"more than {MAX_CONFIG_ENTRIES} countries", "list fewer countries")
    for i, code in enumerate(elevated):
        if not isinstance(code, str) or not _ISO2.fullmatch(code) or code not in policy.country_names:
            raise fail(f"countries.elevated_risk[{i}]", f"{code!r} is not an ISO 3166-1 alpha-2 code",
                       "use two capital letters, e.g. CN, HK, RU")

    screening = data.get("screening", {})
    threshold = float(screening.get("threshold", MATCH_THRESHOLD))
    low, high = THRESHOLD_RANGE
    if not low <= threshold <= high:
        raise fail("screening.threshold", "out of range", f"use a number between {low} and {high}")
    max_age = screening.get("max_list_age_days", MAX_LIST_AGE_DAYS)
    shortest, longest = LIST_AGE_DAYS_RANGE
    if not shortest <= max_age <= longest:
        raise fail("screening.max_list_age_days", "out of range", "use a number of days, e.g. 365")
    disabled = screening.get("disabled_lists", [])
    if len(disabled) > MAX_CONFIG_ENTRIES:
        raise fail("screening.disabled_lists", f"more than {MAX_CONFIG_ENTRIES} entries", "list fewer lists")
    for i, item in enumerate(disabled):
        if not isinstance(item, str) or not _LIST_ID.fullmatch(item):
            raise fail(f"screening.disabled_lists[{i}]", "not a list id",
                       "use list ids as shown on the screening page, e.g. os_section_1286")

    branding = dict(data.get("branding", {}))
    if "logo" in branding:
        _check_logo_path(branding["logo"], fail)
    for key in ("primary", "accent"):
        value = branding.get(key)
        if value is not None and value not in _PALETTE and not _COLOR.fullmatch(value):
            raise fail(f"branding.{key}", f"{value!r} is not a colour",
                       "use a Material palette name (e.g. indigo) or #rrggbb")

    return Config(
        source=source,
        identity=inst,
        contacts=contacts,
        forms=forms,
        elevated_risk=tuple(elevated),
        elevated_risk_source=countries.get("elevated_risk_source", ""),
        threshold=threshold,
        max_list_age_days=max_age,
        disabled_lists=tuple(disabled),
        screen_people=screening.get("screen_people", False),
        branding=branding,
        warnings=tuple(warnings),
    )


def _contacts(table: Any, fail: Any, warnings: list[str]) -> dict[str, Contact]:
    if not isinstance(table, dict) or not table:
        raise fail("contacts", "missing", "add at least [contacts.research_security]")
    _check_ids(table, "contacts", fail)
    out = {}
    for cid, entry in table.items():
        if not isinstance(entry, dict):
            raise fail(f"contacts.{cid}", "must be a table", f"write it as [contacts.{cid}]")
        _check_keys(entry, _CONTACT_KEYS, f"contacts.{cid}", fail)
        if "label" not in entry:
            raise fail(f"contacts.{cid}.label", "missing", "add a label, e.g. the office name")
        if not (entry.get("email") or entry.get("url") or entry.get("phone")):
            raise fail(f"contacts.{cid}", "no way to reach it", "add an email, url or phone")
        if entry.get("email") and not _EMAIL.fullmatch(entry["email"]):
            raise fail(f"contacts.{cid}.email", f"{entry['email']!r} is not an email address",
                       "write one address, name@domain, with nothing after it (no ?, & or spaces)")
        if entry.get("phone") and not _PHONE.fullmatch(entry["phone"]):
            raise fail(f"contacts.{cid}.phone", f"{entry['phone']!r} is not a phone number",
                       "write digits with spaces, dashes or brackets, an optional leading + and ext. 123")
        if entry.get("url") and not _is_url(entry["url"]):
            raise fail(f"contacts.{cid}.url", "not a URL", "write a full https:// address")
        _warn_http(entry.get("url", ""), f"contacts.{cid}.url", warnings)
        out[cid] = Contact(id=cid, **entry)
    if "research_security" not in out:
        raise fail("contacts.research_security", "missing", "add [contacts.research_security]")
    return out


def _forms(table: Any, contacts: dict[str, Contact], fail: Any, warnings: list[str]) -> dict[str, Form]:
    if not isinstance(table, dict):
        raise fail("forms", "must be a table", "write each form as [forms.ID]")
    _check_ids(table, "forms", fail)
    out = {}
    for fid, entry in table.items():
        if not isinstance(entry, dict):
            raise fail(f"forms.{fid}", "must be a table", f"write it as [forms.{fid}]")
        _check_keys(entry, _FORM_KEYS, f"forms.{fid}", fail)
        for key in ("title", "url"):
            if not entry.get(key):
                raise fail(f"forms.{fid}.{key}", "missing", f"add {key} to [forms.{fid}]")
        if not _is_url(entry["url"]):
            raise fail(f"forms.{fid}.url", f"{entry['url']!r} is not a URL",
                       "write a full https:// address, or mailto: and one address with nothing after it")
        _warn_http(entry["url"], f"forms.{fid}.url", warnings)
        if entry.get("contact") and entry["contact"] not in contacts:
            raise fail(f"forms.{fid}.contact", f"unknown contact {entry['contact']!r}",
                       f"use one of: {', '.join(sorted(contacts))}")
        check_prefill(fid, entry, fail)
        out[fid] = Form(id=fid, **entry)
    return out


def _check_keys(entry: dict[str, Any], allowed: dict[str, type], where: str, fail: Any) -> None:
    for key, value in entry.items():
        if key not in allowed:
            raise fail(_shown(f"{where}.{key}"), "unknown key", f"use one of: {', '.join(sorted(allowed))}")
        if not isinstance(value, allowed[key]):
            raise fail(f"{where}.{key}", "must be text", "put the value in quotes")


def _check_ids(table: dict[str, Any], section: str, fail: Any) -> None:
    if len(table) > MAX_CONFIG_ENTRIES:
        raise fail(section, f"more than {MAX_CONFIG_ENTRIES} entries", "merge or remove some")
    for key in table:
        if not isinstance(key, str) or not _ID.fullmatch(key):
            raise fail(f"{section}.{_shown(key)}", "not an id",
                       "use lower-case letters, digits and _ (at most 64), e.g. research_security")


def _is_url(value: str, mailto: bool = True) -> bool:
    """An http(s) address, or (where allowed) mailto: with one address and nothing after it."""
    if mailto and value.startswith("mailto:"):
        return bool(_EMAIL.fullmatch(value[len("mailto:"):]))
    return bool(_URL.fullmatch(value))


def _check_logo_path(value: str, fail: Any) -> None:
    parts = value.split("/")
    if not _LOGO_PATH.fullmatch(value) or any(p in ("", ".", "..") for p in parts):
        raise fail("branding.logo", f"{value[:80]!r} is not a path inside the configuration's folder",
                   "put the logo next to the configuration file (or in a folder below it) and give its "
                   "relative path, e.g. logo.svg or images/logo.png")
    if not value.lower().endswith(LOGO_TYPES):
        raise fail("branding.logo", f"{value[:80]!r} is not an image", f"use a {', '.join(LOGO_TYPES)} file")


def check_logo_file(path: Path, source: str, limit: int = 1_000_000) -> None:
    """Raise ConfigError (key branding.logo) unless ``path`` is a plain image file.

    The logo is copied into the site and served from its origin, where an SVG opened as a
    page runs its scripts: an SVG with a script, an event attribute, foreign HTML or a
    reference to another file is refused; so is anything larger than ``limit`` bytes.
    """
    def fail(reason: str, fix: str) -> ConfigError:
        return ConfigError(source, "branding.logo", reason, fix)

    if not path.is_file():
        raise fail(f"{path} does not exist", "give a path relative to the configuration file")
    data = path.read_bytes()[: limit + 1]
    if len(data) > limit:
        raise fail(f"larger than {limit:,} bytes", "use a smaller image")
    if path.suffix.lower() != ".svg":
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise fail("an SVG that is not UTF-8 text", "save the SVG as UTF-8") from None
    found = _SVG_ACTIVE.search(text)
    if found:
        raise fail(f"the SVG contains {found.group(0).strip()[:40]!r} (a script, an event attribute or a "
                   "reference to another file)", "export the logo as a plain SVG without scripts or links, "
                   "or use a PNG")


def _warn_http(url: str, key: str, warnings: list[str]) -> None:
    if url.startswith("http://"):
        warnings.append(f"{key}: {url[:80]!r} is not encrypted (http://): what people type into the form can be "
                        "read or changed on the way (fix: use https://)")


def _check_strings(data: Any, where: str, fail: Any, depth: int = 0) -> None:
    """Every string: no control characters, a bounded length; plain text shown on pages: no markup."""
    if isinstance(data, (dict, list)) and depth > 3:
        raise fail(_shown(where), "nested too deeply", "a configuration nests tables two levels at most")
    if isinstance(data, dict):
        for key, value in data.items():
            _check_strings(value, f"{where}.{key}" if where else key, fail, depth + 1)
        return
    if isinstance(data, list):
        for i, value in enumerate(data[:MAX_CONFIG_ENTRIES + 1]):
            _check_strings(value, f"{where}[{i}]", fail, depth + 1)
        return
    if not isinstance(data, str):
        return
    parts = where.split(".")
    # contacts.ID.label -> (contacts, label); institution.name -> (institution, name)
    kind = (parts[0], parts[-1]) if len(parts) >= 2 else None
    limit = _PLAIN_TEXT.get(kind, MAX_CONFIG_URL) if kind else MAX_CONFIG_URL
    if len(data) > limit:
        raise fail(_shown(where), f"{len(data):,} characters, more than {limit:,}", "shorten it")
    bad = next((ch for ch in data if _is_control(ch)), None)
    if bad is not None:
        raise fail(_shown(where), f"contains the control character U+{ord(bad):04X}",
                   "remove it (plain text on one line: no tabs, line breaks or invisible characters)")
    if kind in _PLAIN_TEXT and any(ch in _MARKUP for ch in data):
        raise fail(_shown(where), 'contains markup characters (<, > or ")',
                   "plain text only: write the name without tags; use \u201c \u201d for quotation marks")


def _is_control(ch: str) -> bool:
    # Zero-width (non-)joiners are part of how some scripts are written; every other C* character is refused.
    return unicodedata.category(ch)[0] == "C" and ch not in "\u200c\u200d"


def _shown(key: str) -> str:
    """A key for an error message: at most 80 characters, invisible characters made visible."""
    return ascii(key[:80])[1:-1] if any(_is_control(ch) for ch in key[:80]) else key[:80]
