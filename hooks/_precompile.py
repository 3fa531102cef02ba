"""Run Python inside Pyodide at build time (hooks/precompile.mjs): bytecode for the browser, the traced
standard library. Results are cached in build/ by the hash of everything that shapes them."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError

import _project

PYODIDE_SCRIPTS = _project.ROOT / "hooks" / "pyodide"  # the Python precompile.mjs runs inside Pyodide


def precompile(mode: str, label: str, key: str, inputs: list[bytes] = (), extra: list[Path] = ()) -> bytes:
    """Run `node hooks/precompile.mjs MODE INPUT... OUT EXTRA...`, cached in build/ by the inputs' hash.

    Safe when several builds run at once: each works on its own temporary files
    and publishes the result with an atomic rename.
    """
    script = _project.ROOT / "hooks" / "precompile.mjs"
    loader = _project.SITE_SRC / "engine-wheels.mjs"  # trace loads the wheels through it
    # The Python run inside Pyodide (and its Node helper) shape the output as much as the script does.
    helpers = sorted(PYODIDE_SCRIPTS.glob("*.py")) + sorted(PYODIDE_SCRIPTS.glob("*.mjs"))
    parts = [mode.encode(), key.encode(), script.read_bytes(), loader.read_bytes(),
             *(p.name.encode() + p.read_bytes() for p in helpers), *inputs, *(p.read_bytes() for p in extra)]
    digest = _project.sha256(b"".join(parts))[:20]
    cached = _project.BUILD_CACHE / f"{mode}-{label}-{digest}.zip"
    try:
        data = cached.read_bytes()
    except FileNotFoundError:
        pass
    else:
        os.utime(cached)  # the most recently used results are the ones kept
        return data
    node = shutil.which("node")
    if node is None:
        raise PluginError(f"Node.js is needed at build time ({mode} in hooks/precompile.mjs): install Node 20")
    _project.BUILD_CACHE.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=_project.BUILD_CACHE) as tmp:
        args = [node, str(script), mode]
        for i, data in enumerate(inputs):
            source = Path(tmp) / f"in{i}.zip"
            source.write_bytes(data)
            args.append(str(source))
        output = Path(tmp) / "out.zip"
        args += [str(output), *map(str, extra)]
        proc = subprocess.run(args, cwd=_project.ROOT, capture_output=True, text=True, timeout=300, check=False)
        if proc.returncode != 0 or not output.exists():
            # Node prints the offending line of minified pyodide.asm.mjs (one line of
            # ~1 MB) with a stack trace: keep the readable lines, where Python's traceback is.
            lines = [line for line in (proc.stderr + proc.stdout).splitlines() if len(line) <= 400]
            detail = "\n".join(lines)[-3000:]
            raise PluginError(f"hooks/precompile.mjs {mode} failed:\n{detail}")
        result = output.read_bytes()
        os.replace(output, cached)
    # Keep the last few results of this mode: builds of different configurations alternate between a few
    # sets of wheels (people screening on or off), and each would otherwise run the trace again.
    kept = sorted(_project.BUILD_CACHE.glob(f"{mode}-{label}-*.zip"), key=_mtime, reverse=True)
    for stale in kept[CACHED_RESULTS:]:
        stale.unlink(missing_ok=True)
    return result


CACHED_RESULTS = 4


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except FileNotFoundError:  # removed meanwhile by a build running at the same time
        return 0.0
