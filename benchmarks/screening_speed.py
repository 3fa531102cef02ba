"""Screening speed: per-query latency in CPython and inside Pyodide (Node), index build, dataset size.

Usage: python benchmarks/screening_speed.py [--repeat 3] [--no-pyodide]

Queries: every query of tests/data/screening/evaluation.csv (positives and
look-alikes), screened against the full dataset, repeated --repeat times. The
Pyodide run imports the wheels the site ships (built by hooks/assets.py's
engine_wheels, as the site build does; needs Node) into Pyodide from
node_modules and times the calls inside Python (no JavaScript overhead):
benchmarks/screening_speed_pyodide.py.
Target: p95 under 20 ms per query inside Pyodide.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "hooks"))  # appended, so hook modules never shadow other imports

import screening_speed_pyodide  # noqa: E402 - the timing loop both runtimes run (benchmarks/ is on sys.path)

from assessments.screening import dataset  # noqa: E402

EVAL = ROOT / "tests" / "data" / "screening" / "evaluation.csv"
DATA = ROOT / "assessments" / "data" / "lists"
TARGET_P95_MS = 20.0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def queries(repeat: int) -> list[str]:
    with EVAL.open(encoding="utf-8", newline="") as fh:
        return [row["query"] for row in csv.DictReader(fh)] * repeat


def cpython(qs: list[str]) -> dict[str, object]:
    return screening_speed_pyodide.measure(qs)


def pyodide(qs: list[str]) -> dict[str, object]:
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "pyodide").exists():
        raise SystemExit("error: Node and node_modules/pyodide are needed (npm ci); or pass --no-pyodide")
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        import assets  # noqa: PLC0415 - the site build's hook (imports MkDocs): only for the Pyodide run

        wheels = [str(tmpdir / w["file"]) for w in assets.engine_wheels(tmpdir)]
        qfile = tmpdir / "queries.json"
        qfile.write_text(json.dumps(qs, ensure_ascii=False), encoding="utf-8")
        proc = subprocess.run([node, str(ROOT / "benchmarks" / "screening_speed_pyodide.mjs"), str(qfile), *wheels],
                              cwd=ROOT, capture_output=True, text=True, check=False, timeout=900)
    if proc.returncode != 0:
        raise SystemExit(f"error: the Pyodide run failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout)


def report(label: str, res: dict[str, object]) -> None:
    lat = res["latencies_ms"]
    assert isinstance(lat, list)
    print(f"{label} (Python {res['python']}): index build {res['build_s']:.2f} s (then built while idle "
          f"{res['prepare_s']:.2f} s), first query "
          f"{res['first_query_ms']:.1f} ms, per query p50 {statistics.median(lat):.1f} ms, "
          f"p95 {percentile(lat, 0.95):.1f} ms, max {max(lat):.1f} ms over {len(lat)} queries")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-pyodide", action="store_true")
    args = parser.parse_args()
    meta = dataset.list_metadata()
    blob = dataset.records_blob()
    raw = len(dataset.decompress_records(meta["records_file"], blob))
    print(f"dataset {meta['dataset_version']}: {meta['record_total']} records on {len(meta['lists'])} lists; "
          f"records JSON {raw / 1e6:.2f} MB raw, {len(blob) / 1e6:.2f} MB compressed; "
          f"lists.json {(DATA / 'lists.json').stat().st_size / 1e3:.1f} kB")
    qs = queries(args.repeat)
    report("CPython", cpython(qs))
    if not args.no_pyodide:
        res = pyodide(qs)
        node = subprocess.run(["node", "--version"], capture_output=True, text=True, check=False).stdout.strip()
        report(f"Pyodide (Node {node})", res)
        print(f"  Pyodide load + wheel mount {res['load_s']:.2f} s")
        p95 = percentile(res["latencies_ms"], 0.95)  # type: ignore[arg-type]
        print(f"  target p95 < {TARGET_P95_MS:.0f} ms inside Pyodide: {'met' if p95 < TARGET_P95_MS else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
