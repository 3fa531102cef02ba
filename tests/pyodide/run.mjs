// Send engine requests inside real Pyodide (the npm package, in Node): tests/pyodide/driver.py.
// Usage: node tests/pyodide/run.mjs REQUESTS.json STDLIB.zip WHEEL [WHEEL ...]
// STDLIB.zip is the standard library the site ships (precompiled, trimmed), and the
// wheels are imported from their zip files as the browser worker does, so the engine
// is tested on exactly what the browser gets.
// REQUESTS.json: {"config": {...Config.to_json()...}, "requests": [{"op": "assess", "payload": {...}}, ...]}
// Prints one JSON document: {"python": "3.14...", "results": [reply of assessments.browser.handle, ...]}
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runMain, startPyodide } from "../../hooks/pyodide/runtime.mjs";

const [requestsPath, stdLib, ...wheels] = process.argv.slice(2);
if (!requestsPath || !stdLib || wheels.length === 0) {
  console.error("usage: node tests/pyodide/run.mjs REQUESTS.json STDLIB.zip WHEEL [WHEEL ...]");
  process.exit(2);
}
const pyodide = await startPyodide({ stdLibURL: stdLib, wheels });
const driver = path.join(path.dirname(fileURLToPath(import.meta.url)), "driver.py");
process.stdout.write(await runMain(pyodide, driver, await readFile(requestsPath, "utf8")));
