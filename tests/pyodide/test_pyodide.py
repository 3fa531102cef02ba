"""The engine inside real Pyodide (the npm package, in Node) gives the same
results as on CPython, for every golden scenario, rule case and a sample of
screening queries. It runs the artifacts the built site ships: the engine
wheels with their bytecode and the precompiled, trimmed standard library; both
runtimes answer through the dispatcher the page's worker uses
(assessments.browser.handle)."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import pytest

import assessments
from assessments import browser
from tests.support.paths import ROOT, RULE_CASES_DIR, scenario_files, scenarios

pytestmark = pytest.mark.pyodide


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed: the Pyodide tier needs Node 20 (the README's test command installs it)")
    if not (ROOT / "node_modules" / "pyodide" / "package.json").exists():
        pytest.fail("node_modules/pyodide is missing: run `npm ci`")
    return node


@pytest.fixture(scope="module")
def runtime_files(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The standard library zip and the wheels, exactly as the site serves them (the standard library
    decompressed, as the browser's worker does before Pyodide reads it)."""
    manifest = json.loads((built_site / "assets/engine/manifest.json").read_text(encoding="utf-8"))
    packed = next(built_site.glob("assets/pyodide/*/python_stdlib.pyc.zip.gzip"))  # in its content-hashed folder
    stdlib = tmp_path_factory.mktemp("runtime") / "python_stdlib.pyc.zip"
    stdlib.write_bytes(gzip.decompress(packed.read_bytes()))
    return [stdlib] + [built_site / "assets/engine" / w["file"] for w in manifest["wheels"]]


def _answer_sets() -> list[tuple[str, Any]]:
    cases: list[tuple[str, Any]] = []
    for name, data in scenarios().items():
        cases.append((f"scenario:{name}", data["answers"]))
    for path in sorted(RULE_CASES_DIR.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for i, case in enumerate(data.get("case", [])):
            cases.append((f"rule:{path.stem}[{i}]", case["answers"]))
    # Inputs that must fail the same way in both runtimes.
    cases += [("invalid:list", [1, 2]), ("invalid:unknown", {"no_such_question": "yes"}),
              ("invalid:type", {"partner_country": 5}), ("edge:empty", {}),
              # An earlier questionnaire's keys, read into partners; several partners, each screened.
              ("legacy:partner_keys", {"activities": ["collaboration"], "collaboration_type": "formal",
                                       "partner_country": "CN", "partner_names": ["Tsinghua University"]}),
              ("partners:screened", {"activities": ["collaboration"], "collaboration_type": "formal",
                                     "partners": [{"names": ["University of Oxford"], "country": "GB"},
                                                  {"names": ["Sharif University of Technology"], "country": "IR"},
                                                  {"names": ["Harbin Institute of Technology", "哈尔滨工业大学"],
                                                   "country": "CN"}]})]
    return cases


def _cpython(request: dict[str, Any]) -> dict[str, Any]:
    """The reply of the same dispatcher in CPython (initialised with the same configuration by the test)."""
    return json.loads(browser.handle(json.dumps(request, ensure_ascii=False)))


def test_engine_matches_cpython_inside_pyodide(runtime_files: list[Path], tmp_path: Path) -> None:
    config = assessments.default_config()
    requests: list[dict[str, Any]] = [{"op": "questions"}, {"op": "schema"}]
    labels = ["questions", "schema"]
    for label, answers in _answer_sets():
        # As the command line assesses (complete answers), and as the page does while the form is filled in.
        requests += [{"op": "assess_complete", "payload": answers}, {"op": "assess", "payload": answers},
                     {"op": "plan_markdown", "payload": answers}]
        labels += [label, f"partial:{label}", f"plan:{label}"]
    screening_queries = ROOT / "tests" / "data" / "screening" / "pyodide_queries.txt"
    for line in screening_queries.read_text(encoding="utf-8").splitlines():
        if line.strip():
            requests.append({"op": "screen", "payload": {"name": line.strip()}})
            labels.append(f"screen:{line.strip()}")
    spec = tmp_path / "requests.json"
    spec.write_text(json.dumps({"config": config.to_json(), "requests": requests}), encoding="utf-8")
    proc = subprocess.run([_node(), str(ROOT / "tests/pyodide/run.mjs"), str(spec), *map(str, runtime_files)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["python"].startswith("3.14"), out["python"]
    assert len(out["results"]) == len(requests)
    browser.init(json.dumps(config.to_json()))
    mismatches = []
    for label, request, got in zip(labels, requests, out["results"], strict=True):
        expected = _cpython(request)
        if got != expected:
            mismatches.append(f"{label}: pyodide={json.dumps(got)[:300]} cpython={json.dumps(expected)[:300]}")
        # The dispatcher turns an unexpected exception into an "engine" error: in either runtime that is a bug.
        for reply in (got, expected):
            assert reply["ok"] or reply["error"]["where"] != "engine", f"{label}: {reply['error']}"
    assert not mismatches, "\n".join(mismatches)
    # The comparison must have covered the golden scenarios and non-Latin screening
    # queries (the packed transliteration table), not just the fixed edge cases.
    golden = len(scenario_files())
    assert golden >= 60 and sum(label.startswith("scenario:") for label in labels) == golden
    assert any(not label.isascii() for label in labels if label.startswith("screen:"))
    # Valid answers were assessed and names screened, not only refused.
    assert all(got["ok"] for label, got in zip(labels, out["results"], strict=True)
               if label.startswith(("scenario:", "screen:", "questions", "schema")))


SHOW_POSITIONS = """
import { startPyodide } from "./hooks/pyodide/runtime.mjs";
const [stdLibURL, ...wheels] = process.argv.slice(1);
const pyodide = await startPyodide({ stdLibURL, wheels });
process.stdout.write(pyodide.runPython(`
import json, traceback
import assessments.answers_file
def positions(code):
    return [p for p in code.co_positions() if p[0] is not None]
found = {}
for name, code in (("stdlib", json.JSONDecoder.raw_decode.__code__),
                   ("engine", assessments.answers_file.parse_answers.__code__)):
    found[name] = {"lines": len(positions(code)), "columns": sum(p[2] is not None for p in positions(code))}
try:
    json.loads("{")
except ValueError as exc:
    found["traceback"] = traceback.format_exception(exc)
json.dumps(found)
`));
process.exit(0);
"""


def test_shipped_bytecode_keeps_line_numbers_without_column_offsets(runtime_files: list[Path]) -> None:
    """The standard library and the engine are compiled as by "python -X no_debug_ranges" (a third less to
    download): a traceback in the browser still names each line, without the ^^^ markers under it."""
    proc = subprocess.run([_node(), "--input-type=module", "-e", SHOW_POSITIONS, *map(str, runtime_files)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout)
    for part in ("stdlib", "engine"):
        assert found[part]["lines"] > 0 and found[part]["columns"] == 0, (part, found[part])
    assert any(', line ' in line for line in found["traceback"]), found["traceback"]
