"""The institution configuration: one file, validated, with errors that name the
file, the key and the fix; the default and the test institution both load."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from mkdocs.exceptions import PluginError

import assessments
from assessments.config import parse_config
from tests.support.hooks import load_hook
from tests.support.paths import ROOT

DEFAULT = (ROOT / "institution.toml").read_text(encoding="utf-8")


def test_shipped_configurations_load() -> None:
    for path in (
        ROOT / "institution.toml",
        ROOT / "assessments/default_institution.toml",
        ROOT / "tests/data/institutions/northbridge.toml",
    ):
        config = assessments.load_config(path)
        assert config.forms and config.contacts["research_security"]
        assert set(assessments.load_policy().form_ids) <= set(config.forms)


def test_package_default_is_a_visibly_fictional_institution() -> None:
    """Without --config the command line uses an example whose addresses are plainly not real."""
    packaged = assessments.default_config()
    assert packaged.identity["example"] is True
    addresses = [c.email for c in packaged.contacts.values() if c.email] + [f.url for f in packaged.forms.values()]
    assert addresses and all("example.edu" in a for a in addresses)


def test_round_trip_through_json() -> None:
    config = assessments.load_config(ROOT / "institution.toml")
    again = assessments.Config.from_json(config.to_json())
    assert again.to_json() == config.to_json()


def _edit(pattern: str, replacement: str) -> str:
    text, count = re.subn(pattern, replacement, DEFAULT, count=1, flags=re.M)
    assert count == 1, f"test edit {pattern!r} did not apply"
    return text


BROKEN = {
    "unknown top-level section": (DEFAULT + "\n[colours]\nmain = 'red'\n", "colours", "unknown section"),
    "unknown key": (
        _edit(r"^short_name = .*$", 'short_name = "EU"\nshortname = "typo"'),
        "institution.shortname",
        "unknown key",
    ),
    "missing form url": (
        _edit(r'^url = "https://forms.example.edu/visitor-screening"\n', ""),
        "forms.visitor_screening.url",
        "missing",
    ),
    "form url not a url": (
        _edit(r'"https://forms.example.edu/visitor-screening"', '"forms example edu"'),
        "forms.visitor_screening.url",
        "not a URL",
    ),
    "malformed email": (
        _edit(r'"research-security@example.edu"', '"research-security at example"'),
        "contacts.research_security.email",
        "not an email address",
    ),
    "bad country code": (
        _edit(r"elevated_risk = \[.*\]", 'elevated_risk = ["CN", "China"]'),
        "countries.elevated_risk[1]",
        "not an ISO 3166-1 alpha-2 code",
    ),
    "lower-case country code": (
        _edit(r"elevated_risk = \[.*\]", 'elevated_risk = ["cn"]'),
        "countries.elevated_risk[0]",
        "not an ISO",
    ),
    "threshold out of range": (_edit(r"^threshold = .*$", "threshold = 3"), "screening.threshold", "out of range"),
    "threshold wrong type": (_edit(r"^threshold = .*$", 'threshold = "high"'), "screening.threshold", "must be"),
    "date not a date": (
        _edit(r"^policy_last_reviewed = .*$", 'policy_last_reviewed = "last week"'),
        "institution.policy_last_reviewed",
        "not a date",
    ),
    "missing institution name": (_edit(r'^name = "Example University"\n', ""), "institution.name", "missing"),
    "unknown contact on a form": (
        _edit(r'contact = "export_control"', 'contact = "export_office"'),
        "forms.export_control_review.contact",
        "unknown contact",
    ),
    "bad colour": (_edit(r'^primary = "indigo"', 'primary = "sky"'), "branding.primary", "not a colour"),
    "disabled list id malformed": (
        _edit(r"^disabled_lists = \[\]", 'disabled_lists = ["OFAC SDN"]'),
        "screening.disabled_lists[0]",
        "not a list id",
    ),
    "not TOML": ("[institution\nname = 1", "", "not valid TOML"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_configuration_names_key_and_fix(case: str) -> None:
    text, key, reason = BROKEN[case]
    with pytest.raises(assessments.ConfigError) as info:
        parse_config(text, "institution.toml")
    error = info.value
    assert error.where == "institution.toml"
    assert error.key == key
    assert reason in error.reason
    assert error.fix, "every configuration error says how to fix it"
    assert str(error).startswith(f"institution.toml: {key}: " if key else "institution.toml: ")


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(assessments.ConfigError, match="cannot read the file"):
        assessments.load_config(tmp_path / "nowhere.toml")


def _palette(primary: str, accent: str) -> Any:
    """A theme palette as mkdocs.yml gives it: a light and a dark scheme with these colour names."""
    return SimpleNamespace(theme={"palette": [{"scheme": "default", "primary": primary, "accent": accent},
                                              {"scheme": "slate", "primary": primary, "accent": accent}]})


def test_a_palette_name_gets_the_contrast_check_a_hex_colour_gets() -> None:
    validate = load_hook("validate")
    validate._check_named_colours(_palette("indigo", "indigo"))  # the shipped palette passes
    validate._check_named_colours(_palette("brown", "deep-purple"))
    with pytest.raises(PluginError) as caught:
        validate._check_named_colours(_palette("deep-orange", "indigo"))
    message = str(caught.value)
    # The colour, what it is used for, the measured ratio and the minimum, in the scheme that fails.
    assert "'deep-orange' (#ff6e42)" in message and "link text" in message
    assert "2.78:1 in the light scheme" in message and "4.5:1" in message
    with pytest.raises(PluginError, match=r"'teal' \(#00bda4\) gives hover and focus marks \(accent\) a contrast of "
                                          r"2\.38:1 .* at least 3\.0:1"):
        validate._check_named_colours(_palette("indigo", "teal"))
