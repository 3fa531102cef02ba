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
from assessments.config import load_config, parse_config
from tests.support.edits import DEFAULT_CONFIG as DEFAULT
from tests.support.edits import edit_config as _edit
from tests.support.hooks import load_hook
from tests.support.paths import NORTHBRIDGE, ROOT


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


# The department copy's configuration, broken one way at a time: each is refused by the loader,
# naming the file, the key and the fix (tests/browser/test_department_copy.py keeps one real refused build).
BROKEN_NORTHBRIDGE = {
    "missing form url": (r'url = "https://forms.northbridge.test/guests"\n', "", "forms.visitor_screening.url"),
    "unknown key": (r"\[screening\]\n", "[screening]\nthreshhold = 0.9\n", "screening.threshhold"),
    "bad country": (r"elevated_risk = \[.*\]", 'elevated_risk = ["CN", "XX"]', "countries.elevated_risk[1]"),
    "bad email": (r'"risu@northbridge.test"', '"risu(at)northbridge"', "contacts.research_security.email"),
}


@pytest.mark.parametrize("case", sorted(BROKEN_NORTHBRIDGE))
def test_broken_department_configuration_is_refused_naming_file_key_and_fix(case: str, tmp_path: Path) -> None:
    pattern, replacement, key = BROKEN_NORTHBRIDGE[case]
    text, count = re.subn(pattern, replacement, NORTHBRIDGE.read_text(encoding="utf-8"), count=1)
    assert count == 1
    config = tmp_path / "institution.toml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(assessments.ConfigError) as info:
        load_config(config)
    assert info.value.key == key and info.value.fix
    assert str(config) in str(info.value)


def test_an_unencrypted_form_link_is_a_warning_that_fails_a_strict_build() -> None:
    text = _edit(r'^url = "https://forms.example.edu/coi-disclosure"$', 'url = "http://forms.example.edu/coi"')
    warnings = parse_config(text, "institution.toml").warnings
    assert any(w.startswith("forms.coi_disclosure.url:") and "http://" in w for w in warnings), warnings


def test_an_unencrypted_prefill_link_is_refused_naming_the_key() -> None:
    line = 'url = "https://forms.example.edu/collaboration-screening"'
    text = DEFAULT.replace(line, f'{line}\nprefill_url = "http://forms.example.edu/s?risk={{tier}}"', 1)
    assert text != DEFAULT
    with pytest.raises(assessments.ConfigError) as info:
        parse_config(text, "institution.toml")
    assert info.value.key == "forms.collaboration_screening.prefill_url" and "https://" in str(info.value)
