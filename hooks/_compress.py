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
# Brotli's quality: 11, the best, for every site a host serves. RS_BROTLI_QUALITY=0..11 sets another for a
# build nobody hosts: the test suite's builds use 5 (the runtime's 9.6 MB of WebAssembly takes 25 to 40 s at 11
# on one core, about 1 s at 5; the copies stay valid Brotli, about 14 % larger). Benchmarks build at 11.
BROTLI_QUALITY_ENV = "RS_BROTLI_QUALITY"


def brotli_quality() -> int:
    """The Brotli quality of this build: $RS_BROTLI_QUALITY when set (0 to 11), else 11."""
    text = os.environ.get(BROTLI_QUALITY_ENV, "").strip()
    if not text:
        return 11
    if not text.isdigit() or not 0 <= int(text) <= 11:
        raise PluginError(f"{BROTLI_QUALITY_ENV}={text!r}: Brotli's quality is a whole number from 0 to 11")
    return int(text)


def precompress(site: Path) -> dict[str, dict[str, int]]:
    """Write ``.gz`` and ``.br`` beside every large text or WebAssembly file; returns the sizes.

    gzip comes from Python (level 9); Brotli (quality 11, or `brotli_quality()`) from Node's zlib, as
    Python has no Brotli module here. Both are cached in build/ by content (Brotli by content and quality),
    as Brotli at its best takes half a minute for the runtime.
    """
    quality = brotli_quality()
    brotli = "br" if quality == 11 else f"q{quality}.br"
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
        if not (cache / f"{key}.{brotli}").exists():
            missing.append((path, cache / f"{key}.{brotli}"))
    if missing:
        node = shutil.which("node")
        if node is None:
            raise PluginError("Node.js is needed at build time (Brotli in hooks/compress.mjs): install Node 20")
        with tempfile.TemporaryDirectory(dir=_project.BUILD_CACHE) as tmp:
            pairs = [[str(src), str(Path(tmp) / out.name)] for src, out in missing]
            proc = subprocess.run([node, str(_project.ROOT / "hooks" / "compress.mjs"), str(quality)],
                                  input=json.dumps(pairs),
                                  capture_output=True, text=True, timeout=600, check=False)
            if proc.returncode != 0:
                raise PluginError(f"hooks/compress.mjs failed:\n{proc.stderr[-2000:]}")
            for _, out in missing:
                os.replace(Path(tmp) / out.name, out)
    sizes: dict[str, dict[str, int]] = {}
    for path in targets:
        rel = path.relative_to(site).as_posix()
        sizes[rel] = {"identity": path.stat().st_size}
        for ext, cached in (("gz", "gz"), ("br", brotli)):
            data = (cache / f"{keys[path]}.{cached}").read_bytes()
            _project.write_if_changed(path.with_name(f"{path.name}.{ext}"), data)
            sizes[rel][ext] = len(data)
    return sizes


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    tmp.write_bytes(data)
    os.replace(tmp, path)
