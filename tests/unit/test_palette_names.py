"""Every Material palette name is measured as Material paints it (hooks/validate.py).

Material writes some of its colours as hsl(), with transparency, or only for the light scheme
(``:not([data-md-color-scheme=slate])``); the build's contrast check reads each of them, so a
palette name is never let through (or refused) because a colour could not be read.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from tests.support.hooks import load_hook

validate = load_hook("validate")

# Material's palette names (its documentation's list).
NAMES = ["red", "pink", "purple", "deep-purple", "indigo", "blue", "light-blue", "cyan", "teal", "green",
         "light-green", "lime", "yellow", "amber", "orange", "deep-orange", "brown", "grey", "blue-grey",
         "black", "white"]


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("name", NAMES)
def test_every_palette_name_is_measured_in_both_schemes(name: str, scheme: str) -> None:
    checks = validate._named_colour_checks(scheme, name, name)
    whats = {what for what, *_ in checks}
    assert {"link text", "header text on the primary colour", "a hovered or pressed button"} <= whats, name
    for what, _, colour, ratio, _minimum in checks:
        assert len(colour) == 7 and colour.startswith("#"), f"{name} {what}: {colour} was not read"
        assert 1.0 <= ratio <= 21.0


def test_colours_are_read_as_material_writes_them() -> None:
    assert validate._opaque("hsl(207, 90%, 61%)", "#ffffff") == "#42a5f5"
    assert validate._opaque("#000000de", "#ffffff") == "#212121"  # 87% black on white
    assert validate._opaque("hsla(var(--md-hue), 0%, 0%, 0.07)", "#1e2129") == "#1c1f26"
    assert validate._opaque("#fff", "#000000") == "#ffffff"
    with pytest.raises(PluginError, match="could not be read"):
        validate._opaque("color-mix(in srgb, red, blue)", "#ffffff")


def _palette(primary: str, accent: str) -> SimpleNamespace:
    return SimpleNamespace(theme={"palette": [{"scheme": "default", "primary": primary, "accent": accent},
                                              {"scheme": "slate", "primary": primary, "accent": accent}]})


def test_a_light_only_link_colour_and_a_see_through_hover_are_refused_with_colour_and_ratio() -> None:
    # lime's link colour is set for the light scheme only: #8b990a on white.
    with pytest.raises(PluginError, match=r"'lime' \(#8b990a\) gives link text a contrast of 3\.15:1 in the light"):
        validate._check_named_colours(_palette("lime", "indigo"))
    # white's hovered button is 7% black over the dark page, under 87% black text.
    with pytest.raises(PluginError, match=r"'white' \(#1c1f26\) gives a hovered or pressed button a contrast of "
                                          r"1\.24:1 in the dark scheme; at least 4\.5:1"):
        validate._check_named_colours(_palette("white", "indigo"))
    # blue's dark-scheme link colour is an hsl() value: read, and the header text on blue fails.
    with pytest.raises(PluginError, match=r"'blue' \(#2094f3\) gives link text a contrast of 3\.19:1"):
        validate._check_named_colours(_palette("blue", "indigo"))
