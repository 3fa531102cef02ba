"""Configuration values that would travel further than the page they are written on: an e-mail
address that adds recipients to every mail link, an id with a line break that a `$` pattern let
through, a logo that is a script or lives outside the configuration's folder. Each is refused on
load with the key named."""

from __future__ import annotations

from pathlib import Path

import pytest

import assessments
from assessments.config import check_logo_file, parse_config
from tests.support.edits import edit_config as _edit

REFUSED = {
    "email with extra recipients and a body": (
        _edit(r'"research-security@example.edu"', '"x?bcc=attacker@evil.test&body=hi@example.edu"'),
        "contacts.research_security.email",
    ),
    "email with a cc header": (
        _edit(r'"research-security@example.edu"', '"research-security@example.edu?cc=a@evil.test"'),
        "contacts.research_security.email",
    ),
    "email with a second address": (
        _edit(r'"research-security@example.edu"', '"a@example.edu,b@evil.test"'),
        "contacts.research_security.email",
    ),
    "mailto form link with extra recipients": (
        _edit(r'"mailto:research-security@example.edu"', '"mailto:research-security@example.edu?bcc=a@evil.test"'),
        "forms.",
    ),
    "contact id ending in a line break": (
        _edit(r"^\[contacts\.export_control\]$", '[contacts."export_control\\n"]'),
        "contacts.export_control\\n",
    ),
    "form id ending in a line break": (
        _edit(r"^\[forms\.coi_disclosure\]$", '[forms."coi_disclosure\\n"]'),
        "forms.coi_disclosure\\n",
    ),
    "disabled list id ending in a line break": (
        _edit(r"^disabled_lists = \[\]", 'disabled_lists = ["os_section_1286\\n"]'),
        "screening.disabled_lists[0]",
    ),
    "colour ending in a line break": (
        _edit(r'^primary = "indigo"', 'primary = "#123456\\n"'),
        "branding.primary",
    ),
    "logo outside the configuration's folder": (
        _edit(r"^\[branding\]$", '[branding]\nlogo = "../../etc/logo.png"'),
        "branding.logo",
    ),
    "logo at an absolute path": (
        _edit(r"^\[branding\]$", '[branding]\nlogo = "/etc/logo.png"'),
        "branding.logo",
    ),
    "logo that is not an image": (
        _edit(r"^\[branding\]$", '[branding]\nlogo = "logo.html"'),
        "branding.logo",
    ),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_value_that_travels_is_refused_naming_the_key(case: str) -> None:
    text, key = REFUSED[case]
    with pytest.raises(assessments.ConfigError) as info:
        parse_config(text, "institution.toml")
    assert info.value.key.startswith(key), (case, info.value.key)
    assert info.value.fix, "every configuration error says how to fix it"


def test_plain_addresses_and_mailto_links_still_load() -> None:
    config = parse_config(_edit(r'"research-security@example.edu"', '"o\'brien.r+security@mail.example.ac.uk"'),
                          "institution.toml")
    assert config.contacts["research_security"].email == "o'brien.r+security@mail.example.ac.uk"
    assert any(f.url.startswith("mailto:") for f in config.forms.values())


HOSTILE_SVGS = {
    "script": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    "namespaced script": '<svg xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></svg>',
    "event attribute": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>',
    "event attribute in upper case": '<svg xmlns="http://www.w3.org/2000/svg"><rect ONCLICK = "x()"/></svg>',
    "foreign HTML": '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>',
    "link to another file": '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.test/x.png"/></svg>',
    "xlink to javascript": '<svg xmlns="http://www.w3.org/2000/svg"><a xlink:href="javascript:alert(1)">x</a></svg>',
    "entity": '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>',
    "style loading a file": '<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(https://evil.test/)"/></svg>',
}


@pytest.mark.parametrize("case", list(HOSTILE_SVGS))
def test_svg_logo_that_runs_or_loads_something_is_refused(case: str, tmp_path: Path) -> None:
    logo = tmp_path / "logo.svg"
    logo.write_text(HOSTILE_SVGS[case], encoding="utf-8")
    with pytest.raises(assessments.ConfigError) as info:
        check_logo_file(logo, "institution.toml")
    assert info.value.key == "branding.logo"
    assert "SVG" in info.value.reason and info.value.fix


def test_plain_svg_logo_with_internal_references_is_accepted(tmp_path: Path) -> None:
    logo = tmp_path / "logo.svg"
    logo.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient id="g"/></defs>'
        '<rect width="10" height="10" fill="url(#g)"/><use href="#g"/><text x="1" y="8">R&amp;D</text></svg>',
        encoding="utf-8",
    )
    check_logo_file(logo, "institution.toml")


def test_logo_that_is_missing_or_too_large_is_refused(tmp_path: Path) -> None:
    with pytest.raises(assessments.ConfigError, match="does not exist"):
        check_logo_file(tmp_path / "nowhere.png", "institution.toml")
    big = tmp_path / "big.png"
    big.write_bytes(b"\x89PNG" + b"\0" * 2_000_000)
    with pytest.raises(assessments.ConfigError, match="larger than"):
        check_logo_file(big, "institution.toml")
