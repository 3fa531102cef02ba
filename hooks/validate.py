"""Validate the institution configuration and the policy before anything builds.

A broken configuration stops the build with a message naming the file, the key
and the fix. The configuration is loaded here once per build (``mkdocs serve``
re-reads it on every rebuild) and put on ``config.extra`` as one
:class:`assessments.Config` for the templates and the other hooks (see
``_project.institution``); branding (palette colours, logo) is applied to the
theme.
"""

from __future__ import annotations

import colorsys
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
    channels = [c / 255 for c in _rgba(colour)[:3]]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two #rrggbb colours."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _lighter_for_dark(colour: str, background: str = SLATE_BG) -> str:
    """The colour mixed with white, just enough to reach MIN_CONTRAST on the dark background."""
    rgb = _rgba(colour)[:3]
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

    Keyed by (where, "primary" or "accent", name): the CSS variables set, where is "default" (both
    schemes), "slate" (the dark scheme only) or "light" (the light scheme only: Material's
    ``:not([data-md-color-scheme=slate])``)."""
    import material  # noqa: PLC0415 - only when a palette name is checked

    folder = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    sheets = sorted(folder.glob("palette.*.min.css"))
    if not sheets:
        raise PluginError("Material's palette stylesheet was not found (fix: reinstall mkdocs-material)")
    table: dict[tuple[str, str, str], dict[str, str]] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", sheets[0].read_text(encoding="utf-8")):
        decls = dict(re.findall(r"(--md-[\w-]+):\s*([^;]+)", body))
        for selector in selectors.split(","):
            m = re.fullmatch(r"\s*(\[data-md-color-scheme=slate\])?\[data-md-color-(primary|accent)=([\w-]+)\]"
                             r"(:not\(\[data-md-color-scheme=slate\]\))?\s*", selector)
            if m:
                where = "slate" if m[1] else ("light" if m[4] else "default")
                table.setdefault((where, m[2], m[3]), {}).update(decls)
    return table


def _named_colour_checks(scheme: str, primary: str | None,
                         accent: str | None) -> list[tuple[str, str, str, float, float]]:
    """(what, name, the colour measured, its ratio, the minimum) for a palette's named colours in one scheme."""
    palette = _material_palette()
    background = SLATE_BG if scheme == "slate" else LIGHT_BG
    checks = []
    if primary and primary != "custom":
        base = palette.get(("default", "primary", primary), {})
        over = palette.get(("slate" if scheme == "slate" else "light", "primary", primary), {})
        fg = base.get("--md-primary-fg-color")
        if fg:
            # Colours with transparency are measured as painted: over the page, or over the colour behind them.
            fill = _opaque(fg, background)
            text = _opaque(base.get("--md-primary-bg-color", "#ffffff"), fill)
            # A hovered, focused or pressed button (docs/assets/css/site.css): the primary's dark shade,
            # with the primary's text colour.
            dark = _opaque(base.get("--md-primary-fg-color--dark", fg), background)
            pressed_text = _opaque(base.get("--md-primary-bg-color", "#ffffff"), dark)
            link = over.get("--md-typeset-a-color") or base.get("--md-typeset-a-color")
            if link is None:  # Material's dark scheme colours links with the primary's light shade
                link = base.get("--md-primary-fg-color--light", fg) if scheme == "slate" else fg
            link = _opaque(link, background)
            checks += [("link text", primary, link, contrast(link, background), MIN_CONTRAST),
                       ("header text on the primary colour", primary, fill, contrast(text, fill), MIN_CONTRAST),
                       ("a hovered or pressed button", primary, dark, contrast(pressed_text, dark), MIN_CONTRAST)]
    if accent and accent != "custom":
        fg = palette.get(("default", "accent", accent), {}).get("--md-accent-fg-color")
        if fg:
            mark = _opaque(fg, background)
            checks.append(("hover and focus marks (accent)", accent, mark, contrast(mark, background),
                           MIN_CONTROL_CONTRAST))
    return checks


def _rgba(colour: str) -> tuple[float, float, float, float]:
    """A CSS colour as Material's palette writes them (#rgb, #rgba, #rrggbb, #rrggbbaa, rgb(a), hsl(a),
    with ``var(--md-hue)`` read as 0: it only appears with a saturation of 0%) as (r, g, b in 0-255, alpha)."""
    value = colour.strip().lower()
    if value.startswith("#"):
        digits = value[1:]
        if len(digits) in (3, 4):
            digits = "".join(ch * 2 for ch in digits)
        if len(digits) not in (6, 8) or not re.fullmatch(r"[0-9a-f]+", digits):
            raise PluginError(f"branding: Material's palette colour {colour!r} could not be read")
        alpha = int(digits[6:8], 16) / 255 if len(digits) == 8 else 1.0
        return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16), alpha
    m = re.fullmatch(r"(rgba?|hsla?)\((.*)\)", re.sub(r"var\([^)]*\)", "0", value))
    if not m:
        raise PluginError(f"branding: Material's palette colour {colour!r} could not be read")
    parts = [p for p in re.split(r"[\s,/]+", m[2]) if p]
    numbers = [float(p.rstrip("%")) / (100 if p.endswith("%") and i == 3 else 1) for i, p in enumerate(parts)]
    alpha = numbers[3] if len(numbers) > 3 else 1.0
    if m[1].startswith("rgb"):
        return numbers[0], numbers[1], numbers[2], alpha
    h, sat, light = numbers[0] / 360, numbers[1] / 100, numbers[2] / 100
    r, g, b = colorsys.hls_to_rgb(h % 1, light, sat)
    return r * 255, g * 255, b * 255, alpha


def _opaque(colour: str, behind: str) -> str:
    """The #rrggbb a colour shows as when painted over ``behind`` (an opaque #rrggbb)."""
    r, g, b, alpha = _rgba(colour)
    br, bg, bb, _ = _rgba(behind)
    return "#" + "".join(f"{round(c * alpha + d * (1 - alpha)):02x}" for c, d in ((r, br), (g, bg), (b, bb)))


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
