// Time partner-name screening inside real Pyodide (the npm package, in Node): benchmarks/screening_speed_pyodide.py.
// Usage: node benchmarks/screening_speed_pyodide.mjs QUERIES.json WHEEL [WHEEL ...]
// Run by benchmarks/screening_speed.py, which builds the wheels and prints the figures.
// Prints one JSON document: {"python", "load_s", "build_s", "first_query_ms", "latencies_ms": [...]}.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runMain, startPyodide } from "../hooks/pyodide/runtime.mjs";

const [queriesPath, ...wheels] = process.argv.slice(2);
if (!queriesPath || wheels.length === 0) {
  console.error("usage: node benchmarks/screening_speed_pyodide.mjs QUERIES.json WHEEL [WHEEL ...]");
  process.exit(2);
}
const started = performance.now();
// Imported from the wheel files as the browser worker does.
const pyodide = await startPyodide({ wheels });
const loadSeconds = (performance.now() - started) / 1000;
const script = path.join(path.dirname(fileURLToPath(import.meta.url)), "screening_speed_pyodide.py");
const result = JSON.parse(await runMain(pyodide, script, await readFile(queriesPath, "utf8")));
result.load_s = loadSeconds;
process.stdout.write(JSON.stringify(result));
