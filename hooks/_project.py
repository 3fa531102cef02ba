"""Shared by the hooks: where the project is, and the validated configuration.

MkDocs loads hook files by path with their folder on ``sys.path``, so hooks
import this module by its bare name. The project root goes on ``sys.path`` so
the ``assessments`` package (the single source of truth) is importable without
installing it.

The institution's configuration is loaded once per build, by hooks/validate.py
in ``on_config``, and kept as one :class:`assessments.Config` in
``config.extra["institution"]``: every other hook reads it with
:func:`institution` (in a later event than ``on_config``, so the order of the
hooks in mkdocs.yml does not matter) and the templates read its attributes.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402

import assessments  # noqa: E402 - needs the sys.path entry above

SITE_SRC = ROOT / "site_src"  # the browser modules, served as assets/js/ and assets/css/
BUILD_CACHE = ROOT / "build"  # build results cached by content (bytecode, trimmed stdlib, compressed copies)
CONFIG_ENV = "RS_CONFIG"
INSTITUTION_KEY = "institution"


def config_path() -> Path:
    """institution.toml at the project root, or the file named by $RS_CONFIG."""
    named = os.environ.get(CONFIG_ENV)
    return Path(named).resolve() if named else ROOT / "institution.toml"


def load_institution() -> assessments.Config:
    """Parse and validate the configuration file: only hooks/validate.py calls this, once per build."""
    try:
        assessments.load_policy()
        return assessments.load_config(config_path())
    except assessments.AssessmentsError as exc:
        raise PluginError(f"Invalid configuration or policy: {exc}") from None


def institution(config: MkDocsConfig) -> assessments.Config:
    """The configuration loaded for this build by hooks/validate.py (never parsed again)."""
    value = config.extra.get(INSTITUTION_KEY)
    if not isinstance(value, assessments.Config):
        raise PluginError(f"config.extra[{INSTITUTION_KEY!r}] holds no loaded configuration "
                          "(fix: list hooks/validate.py under hooks: in mkdocs.yml)")
    return value


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write only when the content differs, so `mkdocs serve` does not loop or churn."""
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def page_url(guidance: str) -> str:
    """Turn a docs source path like 'visitors.md#x' into its built URL ('visitors/#x')."""
    path, _, anchor = guidance.partition("#")
    is_index = path == "index.md" or path.endswith("/index.md")
    url = path[: -len("index.md")] if is_index else path[: -len(".md")] + "/"
    return url + (f"#{anchor}" if anchor else "")
