// Time partner-name screening inside real Pyodide (the npm package, in Node).
// Usage: node benchmarks/screening_speed_pyodide.mjs QUERIES.json WHEEL [WHEEL ...]
// Run by benchmarks/screening_speed.py, which builds the wheels and prints the figures.
// Prints one JSON document: {"python", "load_s", "build_s", "first_query_ms", "latencies_ms": [...]}.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { loadPyodide } from "pyodide";
import { mountWheels } from "../site_src/engine-wheels.mjs";

const [queriesPath, ...wheels] = process.argv.slice(2);
if (!queriesPath || wheels.length === 0) {
  console.error("usage: node benchmarks/screening_speed_pyodide.mjs QUERIES.json WHEEL [WHEEL ...]");
  process.exit(2);
}
const started = performance.now();
const pyodide = await loadPyodide({ stdout: () => {}, stderr: (s) => console.error(s) });
// Imported from the wheel files as the browser worker does (a Node Buffer is copied to a Uint8Array).
mountWheels(pyodide, await Promise.all(wheels.map(async (wheel) => (
  { file: path.basename(wheel), bytes: new Uint8Array(await readFile(wheel)) }))));
const loadSeconds = (performance.now() - started) / 1000;
pyodide.globals.set("QUERIES_JSON", await readFile(queriesPath, "utf8"));
const out = pyodide.runPython(`
import json, sys, time
t0 = time.perf_counter()
from assessments import default_config
from assessments.screening import get_index, screen_name
get_index()
build = time.perf_counter() - t0
config = default_config()
queries = json.loads(QUERIES_JSON)
t1 = time.perf_counter()
screen_name(queries[0], config)
first = (time.perf_counter() - t1) * 1000
lat = []
for q in queries:
    t = time.perf_counter()
    screen_name(q, config)
    lat.append((time.perf_counter() - t) * 1000)
json.dumps({"python": sys.version.split()[0], "build_s": build, "first_query_ms": first, "latencies_ms": lat})
`);
const result = JSON.parse(out);
result.load_s = loadSeconds;
process.stdout.write(JSON.stringify(result));
