"""The engine for the browser: its wheels (the package in its browser form and anyascii, as bytecode, under
content-hashed names) and the manifest the worker reads first (wheels, configuration, guidance URLs)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

import assessments
import assessments.limits
from assessments import browser_package
from assessments.screening.dataset import PEOPLE_ENTRY

import _precompile
import _project
import _wheel

ENGINE_DEPENDENCIES = ("anyascii",)
# The command line (python -m assessments): the browser never runs it, and __main__ reads its docstring,
# which the browser's bytecode leaves out (hooks/pyodide/compile_pyc.py).
COMMAND_LINE_ONLY = frozenset({"assessments/__main__.py", "assessments/watch_batch.py",
                               "assessments/screening/_cli.py"})


def _wheel_with_bytecode(name: str, version: str, entries: list[tuple[str, bytes]], requires: list[str]) -> bytes:
    """A wheel for the browser: bytecode for Pyodide's Python in place of the sources.

    The browser compiles nothing and downloads less; a module whose source does
    not compile stays as source. (Tracebacks in the browser then show no source
    lines; the CLI and the tests run the package from source.)
    """
    sources = [(path, data) for path, data in entries if path.endswith(".py")]
    compiled = _wheel.read_zip(_precompile.precompile("modules", name, version, [_wheel.zip_entries(sources)]))
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
    entries = [(path, data) for path, data in entries if path not in COMMAND_LINE_ONLY]
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


def build_engine(dest: Path, config: MkDocsConfig) -> tuple[list[Path], str]:
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
        # The limits the page applies itself (assessments.limits.for_the_page), for every page that starts the engine.
        "limits": assessments.limits.for_the_page(),
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
