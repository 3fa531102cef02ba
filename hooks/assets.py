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
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

import assessments
from assessments import browser_package
from assessments.screening.dataset import PEOPLE_ENTRY

import _project
import _wheel

PYODIDE_DIR = _project.ROOT / "node_modules" / "pyodide"
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
PYODIDE_SCRIPTS = _project.ROOT / "hooks" / "pyodide"  # the Python precompile.mjs runs inside Pyodide
PRECOMPILED_STDLIB = "python_stdlib.pyc.zip"  # the worker passes it as Pyodide's stdLibURL
BUILD_CACHE = _project.ROOT / "build"
SITE_SRC = _project.ROOT / "site_src"
ENGINE_DEPENDENCIES = ("anyascii",)
WORKER = "js/engine-worker.mjs"  # rewritten with the hashed names (site_src/engine-worker.mjs says where)
WORKER_IMPORT = '"../pyodide/pyodide.mjs"'
WORKER_BUILD = re.compile(r"^const BUILD = .*;$", re.M)
# Precompressed copies (.br, .gz) beside files of these kinds from this size on.
COMPRESS_SUFFIXES = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".wasm", ".txt", ".xml")
COMPRESS_MIN_BYTES = 10_000
SERVICE_WORKER = "sw.js"  # site_src/sw.js, written to the top of the site (its scope: every page)
_STATE = {"serving": False}


# --- hooks -----------------------------------------------------------------

def on_startup(command: str, dirty: bool) -> None:
    """`mkdocs serve` gets no service worker: it would keep serving the pages being edited from its cache."""
    _STATE["serving"] = command == "serve"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Serve the browser modules from site_src/ as assets/js/ (watched by `mkdocs serve`)."""
    for path in sorted(SITE_SRC.glob("*.mjs")) + sorted(SITE_SRC.glob("*.js")) + sorted(SITE_SRC.glob("*.css")):
        if path.name == SERVICE_WORKER:
            continue  # written to the top of the site by on_post_build, with this build's file list
        sub = "css" if path.suffix == ".css" else "js"
        files.append(File.generated(config, f"assets/{sub}/{path.name}", abs_src_path=str(path)))
    return files


@event_priority(-100)  # after every other hook has written its files: the compressed copies cover them all
def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir) / "assets"
    wheels, manifest_name = _build_engine(site / "engine", config)
    runtime, lock = _copy_pyodide(site / "pyodide", wheels)
    _rewrite_worker(site / WORKER, runtime, lock, manifest_name)
    if not _STATE["serving"]:
        write_service_worker(Path(config.site_dir))
    precompress(Path(config.site_dir))


# --- helpers ---------------------------------------------------------------

def _copy_pyodide(dest: Path, wheels: list[Path]) -> tuple[str, dict[str, Any]]:
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
    full = _precompile("stdlib", "python", stdlib_key)
    files = {name: (PYODIDE_DIR / name).read_bytes() for name in PYODIDE_FILES}
    files[PRECOMPILED_STDLIB] = _trimmed_stdlib(full, wheels)
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


def _rewrite_worker(worker: Path, runtime: str, lock: dict[str, Any], manifest: str) -> None:
    """Write the hashed names into the built worker (its source keeps the unhashed ones)."""
    source = (SITE_SRC / worker.name).read_text(encoding="utf-8")
    if source.count(WORKER_IMPORT) != 1 or len(WORKER_BUILD.findall(source)) != 1:
        raise PluginError(f"site_src/{worker.name}: expected one `import ... from {WORKER_IMPORT}` and one "
                          "`const BUILD = ...;` line for hooks/assets.py to fill in (fix: keep both as they are)")
    build = {"runtime": f"pyodide/{runtime}/", "stdlib": PRECOMPILED_STDLIB, "manifest": f"engine/{manifest}",
             "lock": lock}
    text = source.replace(WORKER_IMPORT, f'"../pyodide/{runtime}/pyodide.mjs"')
    text = WORKER_BUILD.sub(lambda _: f"const BUILD = {json.dumps(build, separators=(',', ':'))};", text)
    _project.write_if_changed(worker, text.encode())


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
    source = (SITE_SRC / SERVICE_WORKER).read_text(encoding="utf-8")
    if len(WORKER_BUILD.findall(source)) != 1:
        raise PluginError(f"site_src/{SERVICE_WORKER}: expected one `const BUILD = ...;` line for hooks/assets.py "
                          "(fix: keep it on one line)")
    build = json.dumps({"version": version, "files": files}, separators=(",", ":"))
    text = WORKER_BUILD.sub(lambda _: f"const BUILD = {build};", source)
    _project.write_if_changed(site / SERVICE_WORKER, text.encode())
    return version


def precompress(site: Path) -> dict[str, dict[str, int]]:
    """Write ``.gz`` and ``.br`` beside every large text or WebAssembly file; returns the sizes.

    gzip comes from Python (level 9); Brotli (quality 11) from Node's zlib, as
    Python has no Brotli module here. Both are cached in build/ by content, as
    Brotli at its best takes seconds for the runtime.
    """
    targets = sorted(p for p in site.rglob("*") if p.is_file() and p.suffix in COMPRESS_SUFFIXES
                     and p.stat().st_size >= COMPRESS_MIN_BYTES)
    cache = BUILD_CACHE / "compressed"
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
        with tempfile.TemporaryDirectory(dir=BUILD_CACHE) as tmp:
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


def engine_wheels(dest: Path, *, people: bool = False) -> list[dict[str, Any]]:
    """Write the wheels the browser imports into ``dest``: the engine in its browser form, then its dependencies.

    Returns their manifest entries (file, sha256, size), in sys.path order. The
    benchmarks load the same wheels. The listed individuals (``people.json.xz``, for
    the optional people screening) go in only with ``people``: the institution's
    ``[screening] screen_people``; without them the engine answers "not screened".
    """
    version = assessments.__version__
    # The browser form of the package (assessments/browser_package.py): the policy
    # already parsed in place of its TOML files, anyascii's block files packed into one.
    entries = browser_package.browser_entries(_wheel.package_entries(_project.ROOT / "assessments"))
    if not people:
        entries = [(path, data) for path, data in entries if path != PEOPLE_ENTRY]
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


def _build_engine(dest: Path, config: MkDocsConfig) -> tuple[list[Path], str]:
    """Write the wheels and the manifest; returns the wheels' paths and the hashed manifest's name.

    ``manifest.json`` (for tools and tests) and its content-hashed copy (what the
    worker loads, so it can be cached for good) hold the same bytes.
    """
    institution = _project.institution(config)
    wheels = engine_wheels(dest, people=institution.screen_people)
    policy = assessments.load_policy()
    manifest = {
        "wheels": wheels,
        # The only place the configuration is serialised: the browser rebuilds it with Config.from_json.
        "config": institution.to_json(),
        "guidance_urls": _guidance_urls(policy),
        "policy_version": policy.version,
        "policy_as_of": policy.as_of,
    }
    data = json.dumps(manifest, indent=1, ensure_ascii=False).encode()
    _project.write_if_changed(dest / "manifest.json", data)
    hashed = f"manifest.{_project.sha256(data)[:16]}.json"
    _project.write_if_changed(dest / hashed, data)
    keep = {w["file"] for w in wheels} | {"manifest.json", hashed}
    for stale in dest.iterdir():  # an earlier build's hashed files (and their compressed copies)
        if stale.is_file() and stale.name.removesuffix(".gz").removesuffix(".br") not in keep:
            stale.unlink()
    return [dest / w["file"] for w in wheels], hashed


def _emit(dest: Path, name: str, data: bytes) -> dict[str, Any]:
    """Write a wheel under a content-hashed name (``name-...-any.<hash>.whl``; zipimport ignores the name)."""
    digest = _project.sha256(data)
    hashed = f"{name.removesuffix('.whl')}.{digest[:16]}.whl"
    _project.write_if_changed(dest / hashed, data)
    return {"file": hashed, "sha256": digest, "size": len(data)}


def _guidance_urls(policy: assessments.Policy) -> dict[str, str]:
    """Map every guidance path the policy uses to its site-relative URL, for the browser."""
    return {p: _project.page_url(p) for p in sorted(policy.guidance_pages())}
