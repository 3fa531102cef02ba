"""The service worker of the offline copy (site_src/sw.js), written with this build's file list."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.exceptions import PluginError

import _project
from _runtime import WORKER_BUILD

SERVICE_WORKER = "sw.js"  # site_src/sw.js, written to the top of the site (its scope: every page)


def write_service_worker(site: Path) -> str:
    """Write sw.js with this build's files and their hashes; returns the build's version.

    Every file the site serves is listed (not the precompressed copies, which the
    server picks, nor sw.js itself) with the first 16 hex digits of its SHA-256:
    the worker checks what it stores against them. The version is the hash of the
    list, so any change to any file makes a new sw.js, which browsers see as an update.
    """
    files = {}
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if not path.is_file() or rel == SERVICE_WORKER or path.suffix in (".gz", ".br") or rel.startswith("_"):
            continue
        files[rel] = _project.sha256(path.read_bytes())[:16]
    version = _project.sha256(json.dumps(files, sort_keys=True).encode())[:16]
    source = (_project.SITE_SRC / SERVICE_WORKER).read_text(encoding="utf-8")
    if len(WORKER_BUILD.findall(source)) != 1:
        raise PluginError(f"site_src/{SERVICE_WORKER}: expected one `const BUILD = ...;` line for hooks/assets.py "
                          "(fix: keep it on one line)")
    build = json.dumps({"version": version, "files": files}, separators=(",", ":"))
    text = WORKER_BUILD.sub(lambda _: f"const BUILD = {build};", source)
    _project.write_if_changed(site / SERVICE_WORKER, text.encode())
    return version
