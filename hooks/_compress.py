"""Precompressed copies (.gz, .br) beside the site's large text and WebAssembly files, for hosts that serve
them as they are."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError

import _project

# Precompressed copies (.br, .gz) beside files of these kinds from this size on.
COMPRESS_SUFFIXES = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".wasm", ".txt", ".xml")
COMPRESS_MIN_BYTES = 10_000


def precompress(site: Path) -> dict[str, dict[str, int]]:
    """Write ``.gz`` and ``.br`` beside every large text or WebAssembly file; returns the sizes.

    gzip comes from Python (level 9); Brotli (quality 11) from Node's zlib, as
    Python has no Brotli module here. Both are cached in build/ by content, as
    Brotli at its best takes seconds for the runtime.
    """
    targets = sorted(p for p in site.rglob("*") if p.is_file() and p.suffix in COMPRESS_SUFFIXES
                     and p.stat().st_size >= COMPRESS_MIN_BYTES)
    cache = _project.BUILD_CACHE / "compressed"
    cache.mkdir(parents=True, exist_ok=True)
    missing: list[tuple[Path, Path]] = []
    keys: dict[Path, str] = {}
    for path in targets:
        data = path.read_bytes()
        keys[path] = key = _project.sha256(data)[:32]
        gz = cache / f"{key}.gz"
        if not gz.exists():
            _atomic_write(gz, gzip.compress(data, compresslevel=9, mtime=0))
        if not (cache / f"{key}.br").exists():
            missing.append((path, cache / f"{key}.br"))
    if missing:
        node = shutil.which("node")
        if node is None:
            raise PluginError("Node.js is needed at build time (Brotli in hooks/compress.mjs): install Node 20")
        with tempfile.TemporaryDirectory(dir=_project.BUILD_CACHE) as tmp:
            pairs = [[str(src), str(Path(tmp) / out.name)] for src, out in missing]
            proc = subprocess.run([node, str(_project.ROOT / "hooks" / "compress.mjs")], input=json.dumps(pairs),
                                  capture_output=True, text=True, timeout=600, check=False)
            if proc.returncode != 0:
                raise PluginError(f"hooks/compress.mjs failed:\n{proc.stderr[-2000:]}")
            for _, out in missing:
                os.replace(Path(tmp) / out.name, out)
    sizes: dict[str, dict[str, int]] = {}
    for path in targets:
        rel = path.relative_to(site).as_posix()
        sizes[rel] = {"identity": path.stat().st_size}
        for ext in ("gz", "br"):
            data = (cache / f"{keys[path]}.{ext}").read_bytes()
            _project.write_if_changed(path.with_name(f"{path.name}.{ext}"), data)
            sizes[rel][ext] = len(data)
    return sizes


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    tmp.write_bytes(data)
    os.replace(tmp, path)
