"""Validate the institution configuration and the policy before anything builds.

A broken configuration stops the build with a message naming the file, the key
and the fix. The configuration is loaded here once per build (``mkdocs serve``
re-reads it on every rebuild) and put on ``config.extra`` as one
:class:`assessments.Config` for the templates and the other hooks (see
``_project.institution``); branding (palette colours, logo) is applied to the
theme.
"""

from __future__ import annotations

import logging
import mimetypes
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from assessments import ConfigError
from assessments.config import check_logo_file

import _project

# `mkdocs serve` answers with these types; a wrong .wasm type makes Pyodide hang.
mimetypes.add_type("application/wasm", ".wasm")
mimetypes.add_type("text/javascript", ".mjs")

BRANDING_CSS = "assets/css/branding.css"
# Under "mkdocs.": a warning about the configuration fails a --strict build, as MkDocs' own warnings do.
log = logging.getLogger("mkdocs.hooks.validate")


# --- hooks -----------------------------------------------------------------

def on_config(config: MkDocsConfig) -> MkDocsConfig:
    institution = _project.load_institution()
    config.extra[_project.INSTITUTION_KEY] = institution
    for warning in institution.warnings:
        log.warning(f"{institution.source}: {warning}")
    # Plain text without markup (assessments/config.py refuses <, > and "); the templates escape it too.
    config.site_name = f"Research security guide: {institution.institution['short_name']}"
    _apply_palette(config, institution.branding)
    logo = _logo_source(institution.branding, Path(institution.source))
    if logo is not None:
        config.theme["logo"] = f"assets/images/logo{logo.suffix.lower()}"
    if _custom_colours(institution.branding):
        config.extra_css.append(BRANDING_CSS)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    institution = _project.institution(config)
    branding = institution.branding
    logo = _logo_source(branding, Path(institution.source))
    if logo is not None:
        files.append(File.generated(config, config.theme["logo"], abs_src_path=str(logo)))
    colours = _custom_colours(branding)
    if colours:
        files.append(File.generated(config, BRANDING_CSS, content=_branding_css(colours)))
    return files


# --- helpers ---------------------------------------------------------------

def _custom_colours(branding: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in branding.items() if k in ("primary", "accent") and str(v).startswith("#")}


def _apply_palette(config: MkDocsConfig, branding: dict[str, str]) -> None:
    for scheme in config.theme.get("palette") or []:
        for key in ("primary", "accent"):
            value = branding.get(key)
            if value:
                # Material takes palette names as they are; a #rrggbb colour is "custom" plus CSS variables.
                scheme[key] = "custom" if value.startswith("#") else value


# Material's page backgrounds: the default (light) scheme and slate (dark, hue 225: hsl(225, 15%, 14%)).
LIGHT_BG = "#ffffff"
SLATE_BG = "#1e2129"
MIN_CONTRAST = 4.5  # WCAG AA for text: links are text in the primary colour


def _luminance(colour: str) -> float:
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two #rrggbb colours."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _lighter_for_dark(colour: str, background: str = SLATE_BG) -> str:
    """The colour mixed with white, just enough to reach MIN_CONTRAST on the dark background."""
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    rgb = [int(value[i:i + 2], 16) for i in (0, 2, 4)]
    for step in range(101):
        mixed = "#" + "".join(f"{round(c + (255 - c) * step / 100):02x}" for c in rgb)
        if contrast(mixed, background) >= MIN_CONTRAST + 0.1:
            return mixed
    return "#ffffff"


def _check_colour(key: str, colour: str) -> None:
    """A primary colour carries link text on white and white header text: refuse it below 4.5:1."""
    measured = contrast(colour, LIGHT_BG)
    if measured < MIN_CONTRAST:
        raise PluginError(f"branding.{key}: {colour} has a contrast of {measured:.2f}:1 with white (links on the "
                          f"light pages, the header's white text); at least {MIN_CONTRAST}:1 is needed "
                          "(fix: choose a darker shade)")


def _branding_css(colours: dict[str, str]) -> str:
    lines = ["/* Generated from [branding] in the institution configuration. */", ":root {"]
    dark: list[str] = []
    if "primary" in colours:
        c = colours["primary"]
        _check_colour("primary", c)
        lines += [f"  --md-primary-fg-color: {c};", f"  --md-primary-fg-color--light: {c};",
                  f"  --md-primary-fg-color--dark: {c};", "  --md-primary-bg-color: #ffffff;",
                  "  --md-primary-bg-color--light: rgba(255, 255, 255, 0.7);"]
        # On the dark scheme the same colour is too dark for link text: a lighter variant reaching 4.5:1.
        if contrast(c, SLATE_BG) < MIN_CONTRAST:
            dark.append(f"  --md-typeset-a-color: {_lighter_for_dark(c)};")
    if "accent" in colours:
        c = colours["accent"]
        lines += [f"  --md-accent-fg-color: {c};", f"  --md-accent-fg-color--transparent: {c}1a;"]
        if contrast(c, SLATE_BG) < MIN_CONTRAST:
            dark.append(f"  --md-accent-fg-color: {_lighter_for_dark(c)};")
    lines.append("}")
    if dark:
        lines += ['[data-md-color-scheme="slate"] {', *dark, "}"]
    return "\n".join([*lines, ""])


def _logo_source(branding: dict[str, str], config_file: Path) -> Path | None:
    value = branding.get("logo")
    if not value:
        return None
    # The path's shape (relative, inside the configuration's folder, an image type) was checked on
    # load; the file's content is checked here, where the file is read.
    path = config_file.parent / value
    try:
        check_logo_file(path, str(config_file))
    except ConfigError as exc:
        raise PluginError(str(exc)) from None
    return path.resolve()
