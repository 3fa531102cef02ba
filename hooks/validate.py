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

import _project

# `mkdocs serve` answers with these types; a wrong .wasm type makes Pyodide hang.
mimetypes.add_type("application/wasm", ".wasm")
mimetypes.add_type("text/javascript", ".mjs")

LOGO_TYPES = (".svg", ".png", ".jpg", ".jpeg", ".webp")
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


def _branding_css(colours: dict[str, str]) -> str:
    lines = ["/* Generated from [branding] in the institution configuration. */", ":root {"]
    if "primary" in colours:
        c = colours["primary"]
        lines += [f"  --md-primary-fg-color: {c};", f"  --md-primary-fg-color--light: {c};",
                  f"  --md-primary-fg-color--dark: {c};", "  --md-primary-bg-color: #ffffff;",
                  "  --md-primary-bg-color--light: rgba(255, 255, 255, 0.7);"]
    if "accent" in colours:
        c = colours["accent"]
        lines += [f"  --md-accent-fg-color: {c};", f"  --md-accent-fg-color--transparent: {c}1a;"]
    return "\n".join([*lines, "}", ""])


def _logo_source(branding: dict[str, str], config_file: Path) -> Path | None:
    value = branding.get("logo")
    if not value:
        return None
    path = (config_file.parent / value).resolve()
    if path.suffix.lower() not in LOGO_TYPES:
        raise PluginError(f"{config_file}: branding.logo: {value!r} is not an image "
                          f"(fix: use a {', '.join(LOGO_TYPES)} file)")
    if not path.is_file():
        raise PluginError(f"{config_file}: branding.logo: {path} does not exist "
                          "(fix: give a path relative to the configuration file)")
    return path
