"""The Pyodide runtime in the built site: its files under a content-hashed folder, the standard library
precompiled and trimmed to what the engine imports, and the worker rewritten with those names."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

import _precompile
import _project

PYODIDE_DIR = _project.ROOT / "node_modules" / "pyodide"
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
# The standard library, precompiled and trimmed: a zip of stored (not deflated) entries, gzip-compressed
# as one file. The worker checks and decompresses it (DecompressionStream) before Pyodide gets the zip.
# Compressed whole it is about a tenth smaller than a zip deflated entry by entry, on every host
# (a host sends it as it is: ".gzip" is no content encoding a server or the hosting guide's samples apply).
PACKED_STDLIB = "python_stdlib.pyc.zip.gzip"  # the worker passes it as Pyodide's stdLibURL
WORKER = "js/engine-worker.mjs"  # rewritten with the hashed names (site_src/engine-worker.mjs says where)
WORKER_IMPORT = '"../pyodide/pyodide.mjs"'
WORKER_BUILD = re.compile(r"^const BUILD = .*;$", re.M)


def copy_pyodide(dest: Path, wheels: list[Path]) -> tuple[str, dict[str, Any]]:
    """Write the runtime into ``dest/<hash>/``; returns that folder's name and the trimmed lock.

    Pyodide loads its own files by fixed names from one folder (indexURL), so
    the content hash names the folder. The trimmed lock (no packages) goes into
    the worker itself: one request fewer.
    """
    package_json = PYODIDE_DIR / "package.json"
    if not package_json.exists():
        raise PluginError(f"{PYODIDE_DIR} is missing: run `npm ci` (the README's commands do it for you)")
    version = json.loads(package_json.read_text())["version"]
    stdlib_key = version + _project.sha256((PYODIDE_DIR / "python_stdlib.zip").read_bytes())
    full = _precompile.precompile("stdlib", "python", stdlib_key)
    files = {name: (PYODIDE_DIR / name).read_bytes() for name in PYODIDE_FILES}
    files[PACKED_STDLIB] = gzip.compress(_trimmed_stdlib(full, wheels), compresslevel=9, mtime=0)
    lock = json.loads((PYODIDE_DIR / "pyodide-lock.json").read_text())
    trimmed = {"info": lock["info"], "packages": {}}
    digest = _project.sha256(b"".join(name.encode() + _project.sha256(data).encode()
                                      for name, data in sorted(files.items())))[:16]
    for stale in dest.glob("*/") if dest.exists() else ():
        if stale.is_dir() and stale.name != digest:
            shutil.rmtree(stale)
    for name, data in files.items():
        _project.write_if_changed(dest / digest / name, data)
    _project.write_if_changed(dest / "VERSION", f"{version}\n".encode())
    return digest, trimmed


def rewrite_worker(worker: Path, runtime: str, lock: dict[str, Any], manifest: str) -> None:
    """Write the hashed names into the built worker (its source keeps the unhashed ones)."""
    source = (_project.SITE_SRC / worker.name).read_text(encoding="utf-8")
    if source.count(WORKER_IMPORT) != 1 or len(WORKER_BUILD.findall(source)) != 1:
        raise PluginError(f"site_src/{worker.name}: expected one `import ... from {WORKER_IMPORT}` and one "
                          "`const BUILD = ...;` line for hooks/assets.py to fill in (fix: keep both as they are)")
    # The runtime's files with their SHA-256: the worker checks what it fetches (the WebAssembly and the
    # standard library) against them, as it checks the wheels against the manifest.
    folder = worker.parent.parent / "pyodide" / runtime
    hashes = {path.name: _project.sha256(path.read_bytes()) for path in sorted(folder.iterdir())
              if path.is_file() and path.suffix not in (".gz", ".br")}
    build = {"runtime": f"pyodide/{runtime}/", "stdlib": PACKED_STDLIB, "manifest": f"engine/{manifest}",
             "lock": lock, "sha256": hashes}
    text = source.replace(WORKER_IMPORT, f'"../pyodide/{runtime}/pyodide.mjs"')
    text = WORKER_BUILD.sub(lambda _: f"const BUILD = {json.dumps(build, separators=(',', ':'))};", text)
    _project.write_if_changed(worker, text.encode())


def _trimmed_stdlib(full: bytes, wheels: list[Path]) -> bytes:
    """The part of the precompiled standard library the engine uses (traced in Pyodide; see precompile.mjs),
    as a zip of stored entries."""
    return _precompile.precompile("trace", "python", "", [full], wheels)
