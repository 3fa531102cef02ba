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
import re
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
    config.site_name = f"Research security guide: {institution.identity['short_name']}"
    _apply_palette(config, institution.branding)
    _check_named_colours(config)
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


MIN_CONTROL_CONTRAST = 3.0  # WCAG AA for controls and focus: the accent marks hover and focus


def _material_palette() -> dict[tuple[str, str, str], dict[str, str]]:
    """Material's colours for its palette names, read from the installed theme's palette CSS.

    Keyed by (scheme: "default" or "slate", "primary" or "accent", name): the CSS variables set."""
    import material  # noqa: PLC0415 - only when a palette name is checked

    folder = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    sheets = sorted(folder.glob("palette.*.min.css"))
    if not sheets:
        raise PluginError("Material's palette stylesheet was not found (fix: reinstall mkdocs-material)")
    table: dict[tuple[str, str, str], dict[str, str]] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", sheets[0].read_text(encoding="utf-8")):
        decls = dict(re.findall(r"(--md-[\w-]+):\s*([^;]+)", body))
        for selector in selectors.split(","):
            m = re.fullmatch(r"\s*(\[data-md-color-scheme=slate\])?\[data-md-color-(primary|accent)=([\w-]+)\]\s*",
                             selector)
            if m:
                table.setdefault(("slate" if m[1] else "default", m[2], m[3]), {}).update(decls)
    return table


def _named_colour_checks(scheme: str, primary: str | None,
                         accent: str | None) -> list[tuple[str, str, str, float, float]]:
    """(what, name, the colour measured, its ratio, the minimum) for a palette's named colours in one scheme."""
    palette = _material_palette()
    background = SLATE_BG if scheme == "slate" else LIGHT_BG
    checks = []
    if primary and primary != "custom":
        base = palette.get(("default", "primary", primary), {})
        over = palette.get((scheme, "primary", primary), {}) if scheme == "slate" else {}
        fg, bg = base.get("--md-primary-fg-color"), base.get("--md-primary-bg-color", "#fff")[:7]
        dark = base.get("--md-primary-fg-color--dark", fg)
        link = over.get("--md-typeset-a-color") or (base.get("--md-typeset-a-color") if scheme != "slate" else None)
        if scheme == "slate" and link is None:
            link = base.get("--md-primary-fg-color--light", fg)
        link = link or fg
        if fg:
            checks += [("link text", primary, link, contrast(link, background), MIN_CONTRAST),
                       ("header text on the primary colour", primary, fg, contrast(_hex(bg), fg), MIN_CONTRAST),
                       ("a hovered or pressed button", primary, dark, contrast(_hex(bg), dark), MIN_CONTRAST)]
    if accent and accent != "custom":
        fg = palette.get(("default", "accent", accent), {}).get("--md-accent-fg-color")
        if fg:
            ratio = contrast(fg, background)
            checks.append(("hover and focus marks (accent)", accent, fg, ratio, MIN_CONTROL_CONTRAST))
    return checks


def _hex(colour: str) -> str:
    return "#ffffff" if colour.lower() in ("#fff", "#ffffff") else ("#000000" if colour.lower() == "#000" else colour)


def _check_named_colours(config: MkDocsConfig) -> None:
    """A palette name gets the contrast check a #rrggbb colour gets, in each scheme it is used in:
    the build stops on text below 4.5:1 or a control colour below 3:1, naming the colour and the ratio."""
    for entry in config.theme.get("palette") or []:
        scheme = entry.get("scheme", "default")
        checks = _named_colour_checks(scheme, entry.get("primary"), entry.get("accent"))
        for what, name, colour, ratio, minimum in checks:
            if ratio < minimum:
                raise PluginError(f"branding: the palette colour {name!r} ({colour}) gives {what} a contrast of "
                                  f"{ratio:.2f}:1 in the {'dark' if scheme == 'slate' else 'light'} scheme; at least "
                                  f"{minimum}:1 is needed (fix: choose a darker palette name such as indigo, or a "
                                  "#rrggbb colour)")


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
