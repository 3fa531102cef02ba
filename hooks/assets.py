"""Put the browser runtime into the built site: Pyodide, the engine wheels, the
browser modules and the configuration the engine needs.

Pyodide comes from the npm package pinned in package-lock.json; only the
files the page needs are copied. The engine is built as a pure-Python wheel
and shipped with its pure-Python dependency (anyascii). A trimmed Pyodide lock
file with no packages means nothing can ever be fetched from a package CDN.

Every file of the runtime and the engine has a content-hashed name (the runtime
in ``assets/pyodide/<hash>/``, the wheels and the engine's data as
``name.<hash>.ext``), so hosts can serve them with long-lived immutable caching
(docs/hosting.md); the worker (engine-worker.mjs) is rewritten at build time
with those names. Large text and WebAssembly files get precompressed ``.br``
and ``.gz`` copies beside them, for hosts that serve those as they are.

This file holds the hooks; each job is a module of its own beside it:
``_engine_wheels.py`` (wheels and manifest), ``_runtime.py`` (Pyodide and the
worker), ``_precompile.py`` (Python run inside Pyodide at build time),
``_offline.py`` (the service worker) and ``_compress.py`` (.gz and .br copies).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

import _compress
import _engine_wheels
import _offline
import _project
import _runtime

# What benchmarks and tests call by the hook's name.
engine_wheels = _engine_wheels.engine_wheels
write_service_worker = _offline.write_service_worker
precompress = _compress.precompress
_STATE = {"serving": False}


def on_startup(command: str, dirty: bool) -> None:
    """`mkdocs serve` gets no service worker: it would keep serving the pages being edited from its cache."""
    _STATE["serving"] = command == "serve"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Serve the browser modules from site_src/ as assets/js/ (watched by `mkdocs serve`)."""
    src = _project.SITE_SRC
    for path in sorted(src.glob("*.mjs")) + sorted(src.glob("*.js")) + sorted(src.glob("*.css")):
        if path.name == _offline.SERVICE_WORKER:
            continue  # written to the top of the site by on_post_build, with this build's file list
        sub = "css" if path.suffix == ".css" else "js"
        files.append(File.generated(config, f"assets/{sub}/{path.name}", abs_src_path=str(path)))
    return files


@event_priority(-100)  # after every other hook has written its files: the compressed copies cover them all
def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir) / "assets"
    wheels, manifest_name = _engine_wheels.build_engine(site / "engine", config)
    runtime, lock = _runtime.copy_pyodide(site / "pyodide", wheels)
    _runtime.rewrite_worker(site / _runtime.WORKER, runtime, lock, manifest_name)
    if not _STATE["serving"]:
        write_service_worker(Path(config.site_dir))
    precompress(Path(config.site_dir))
