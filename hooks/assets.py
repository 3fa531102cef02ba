"""Put the browser runtime into the built site: Pyodide, the engine wheels, the
browser modules and the configuration the engine needs.

Pyodide comes from the npm package pinned in package-lock.json; only the
files the page needs are copied. The engine is built as a pure-Python wheel
and shipped with its pure-Python dependency (anyascii). A trimmed Pyodide lock
file with no packages means nothing can ever be fetched from a package CDN.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

import assessments
from assessments import browser_package

import _project
import _wheel

PYODIDE_DIR = _project.ROOT / "node_modules" / "pyodide"
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
PYODIDE_SCRIPTS = _project.ROOT / "hooks" / "pyodide"  # the Python precompile.mjs runs inside Pyodide
PRECOMPILED_STDLIB = "python_stdlib.pyc.zip"  # the worker passes it as Pyodide's stdLibURL
BUILD_CACHE = _project.ROOT / "build"
SITE_SRC = _project.ROOT / "site_src"
ENGINE_DEPENDENCIES = ("anyascii",)


# --- hooks -----------------------------------------------------------------

def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Serve the browser modules from site_src/ as assets/js/ (watched by `mkdocs serve`)."""
    for path in sorted(SITE_SRC.glob("*.mjs")) + sorted(SITE_SRC.glob("*.js")) + sorted(SITE_SRC.glob("*.css")):
        sub = "css" if path.suffix == ".css" else "js"
        files.append(File.generated(config, f"assets/{sub}/{path.name}", abs_src_path=str(path)))
    return files


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir) / "assets"
    wheels = _build_engine(site / "engine", config)
    _copy_pyodide(site / "pyodide", wheels)


# --- helpers ---------------------------------------------------------------

def _copy_pyodide(dest: Path, wheels: list[Path]) -> None:
    package_json = PYODIDE_DIR / "package.json"
    if not package_json.exists():
        raise PluginError(f"{PYODIDE_DIR} is missing: run `npm ci` (the README's commands do it for you)")
    version = json.loads(package_json.read_text())["version"]
    for name in PYODIDE_FILES:
        _project.write_if_changed(dest / name, (PYODIDE_DIR / name).read_bytes())
    stdlib_key = version + _project.sha256((PYODIDE_DIR / "python_stdlib.zip").read_bytes())
    full = _precompile("stdlib", "python", stdlib_key)
    _project.write_if_changed(dest / PRECOMPILED_STDLIB, _trimmed_stdlib(full, wheels))
    lock = json.loads((PYODIDE_DIR / "pyodide-lock.json").read_text())
    trimmed = {"info": lock["info"], "packages": {}}
    _project.write_if_changed(dest / "pyodide-lock.json", json.dumps(trimmed, indent=1).encode())
    _project.write_if_changed(dest / "VERSION", f"{version}\n".encode())


def _precompile(mode: str, label: str, key: str, inputs: list[bytes] = (), extra: list[Path] = ()) -> bytes:
    """Run `node hooks/precompile.mjs MODE INPUT... OUT EXTRA...`, cached in build/ by the inputs' hash.

    Safe when several builds run at once: each works on its own temporary files
    and publishes the result with an atomic rename.
    """
    script = _project.ROOT / "hooks" / "precompile.mjs"
    loader = SITE_SRC / "engine-wheels.mjs"  # trace loads the wheels through it
    # The Python run inside Pyodide (and its Node helper) shape the output as much as the script does.
    helpers = sorted(PYODIDE_SCRIPTS.glob("*.py")) + sorted(PYODIDE_SCRIPTS.glob("*.mjs"))
    parts = [mode.encode(), key.encode(), script.read_bytes(), loader.read_bytes(),
             *(p.name.encode() + p.read_bytes() for p in helpers), *inputs, *(p.read_bytes() for p in extra)]
    digest = _project.sha256(b"".join(parts))[:20]
    cached = BUILD_CACHE / f"{mode}-{label}-{digest}.zip"
    try:
        return cached.read_bytes()
    except FileNotFoundError:
        pass
    node = shutil.which("node")
    if node is None:
        raise PluginError(f"Node.js is needed at build time ({mode} in hooks/precompile.mjs): install Node 20")
    BUILD_CACHE.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=BUILD_CACHE) as tmp:
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
        for stale in BUILD_CACHE.glob(f"{mode}-{label}-*.zip"):
            stale.unlink(missing_ok=True)
        os.replace(output, cached)
    return result


def _trimmed_stdlib(full: bytes, wheels: list[Path]) -> bytes:
    """The part of the precompiled standard library the engine uses (traced in Pyodide; see precompile.mjs)."""
    return _precompile("trace", "python", "", [full], wheels)


def _wheel_with_bytecode(name: str, version: str, entries: list[tuple[str, bytes]], requires: list[str]) -> bytes:
    """A wheel for the browser: bytecode for Pyodide's Python in place of the sources.

    The browser compiles nothing and downloads less; a module whose source does
    not compile stays as source. (Tracebacks in the browser then show no source
    lines; the CLI and the tests run the package from source.)
    """
    sources = [(path, data) for path, data in entries if path.endswith(".py")]
    compiled = _wheel.read_zip(_precompile("modules", name, version, [_wheel.zip_entries(sources)]))
    have_bytecode = {path.removesuffix("c") for path, _ in compiled}
    kept = [(path, data) for path, data in entries if path not in have_bytecode]
    return _wheel.make_wheel(kept + compiled, name, version, requires)


def engine_wheels(dest: Path) -> list[dict[str, Any]]:
    """Write the wheels the browser imports into ``dest``: the engine in its browser form, then its dependencies.

    Returns their manifest entries (file, sha256, size), in sys.path order. The
    benchmarks load the same wheels.
    """
    version = assessments.__version__
    # The browser form of the package (assessments/browser_package.py): the policy
    # already parsed in place of its TOML files, anyascii's block files packed into one.
    entries = browser_package.browser_entries(_wheel.package_entries(_project.ROOT / "assessments"))
    deps = []
    for dep in ENGINE_DEPENDENCIES:
        try:
            deps.append(_wheel.installed_entries(dep))
        except Exception as exc:  # a missing dependency must stop the build, with the fix
            raise PluginError(f"cannot package {dep} for the browser ({exc}): "
                              "install the pinned requirements (the README's commands do it)") from None
    at = next(i for i, (dep_name, _, _) in enumerate(deps) if dep_name == "anyascii")
    dep_name, dep_version, dep_entries = deps[at]
    try:
        kept, pack = browser_package.pack_anyascii(dep_version, dep_entries)
    except ValueError as exc:
        raise PluginError(str(exc)) from None
    deps[at] = (dep_name, dep_version, kept)
    entries.append(pack)
    data = _wheel_with_bytecode("assessments", version, entries, list(ENGINE_DEPENDENCIES))
    wheels = [_emit(dest, _wheel.wheel_name("assessments", version), data)]
    for dep_name, dep_version, dep_entries in deps:
        dep_data = _wheel_with_bytecode(dep_name, dep_version, dep_entries, [])
        wheels.append(_emit(dest, _wheel.wheel_name(dep_name, dep_version), dep_data))
    return wheels


def _build_engine(dest: Path, config: MkDocsConfig) -> list[Path]:
    wheels = engine_wheels(dest)
    policy = assessments.load_policy()
    manifest = {
        "wheels": wheels,
        # The only place the configuration is serialised: the browser rebuilds it with Config.from_json.
        "config": _project.institution(config).to_json(),
        "guidance_urls": _guidance_urls(policy),
        "policy_version": policy.version,
        "policy_as_of": policy.as_of,
    }
    _project.write_if_changed(dest / "manifest.json", json.dumps(manifest, indent=1, ensure_ascii=False).encode())
    return [dest / w["file"] for w in wheels]


def _emit(dest: Path, name: str, data: bytes) -> dict[str, Any]:
    _project.write_if_changed(dest / name, data)
    return {"file": name, "sha256": _project.sha256(data), "size": len(data)}


def _guidance_urls(policy: assessments.Policy) -> dict[str, str]:
    """Map every guidance path the policy uses to its site-relative URL, for the browser."""
    paths = {r.guidance for r in policy.rules} | {a.guidance for a in policy.actions.values()}
    paths |= {q.guidance for q in policy.questions}
    return {p: _project.page_url(p) for p in sorted(paths) if p}
