"""Validate the institution configuration and the policy before anything builds.

A broken configuration stops the build with a message naming the file, the key
and the fix. The validated configuration is put on ``config.extra`` for the
templates and the other hooks.
"""

from __future__ import annotations

import mimetypes
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

import _project

# `mkdocs serve` answers with these types; a wrong .wasm type makes Pyodide hang.
mimetypes.add_type("application/wasm", ".wasm")
mimetypes.add_type("text/javascript", ".mjs")


# --- hooks -----------------------------------------------------------------

def on_config(config: MkDocsConfig) -> MkDocsConfig:
    institution = _project.load_institution()
    config.extra["institution"] = institution.to_json()
    config.extra["institution"]["config_file"] = institution.source
    config.site_name = f"Research security guide: {institution.institution['short_name']}"
    _apply_branding(config, institution.branding)
    return config


# --- helpers ---------------------------------------------------------------

def _apply_branding(config: MkDocsConfig, branding: dict[str, Any]) -> None:
    palette = config.theme.get("palette") or []
    for scheme in palette:
        if "scheme" in scheme:
            for key in ("primary", "accent"):
                value = branding.get(key)
                # Palette names go to Material; a #rrggbb colour is set in CSS by the template.
                if value and not value.startswith("#"):
                    scheme[key] = value
    if branding.get("logo"):
        config.theme["logo"] = branding["logo"]
