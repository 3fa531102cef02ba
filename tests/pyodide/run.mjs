// Run engine calls inside real Pyodide (the npm package, in Node).
// Usage: node tests/pyodide/run.mjs CALLS.json STDLIB.zip WHEEL [WHEEL ...]
// STDLIB.zip is the standard library the site ships (precompiled, trimmed), so
// the engine is tested on exactly what the browser gets.
// CALLS.json: {"config": {...Config.to_json()...}, "calls": [{"fn": "assess", "arg": {...}}, ...]}
// Prints one JSON document: {"python": "3.14...", "results": [{"ok": true, "value": ...} | {"ok": false, "error": "..."}]}
import { readFile } from "node:fs/promises";
import path from "node:path";
import { loadPyodide } from "pyodide";
import { mountWheels } from "../../site_src/engine-wheels.mjs";

const [callsPath, stdLib, ...wheels] = process.argv.slice(2);
if (!callsPath || !stdLib || wheels.length === 0) {
  console.error("usage: node tests/pyodide/run.mjs CALLS.json STDLIB.zip WHEEL [WHEEL ...]");
  process.exit(2);
}
const pyodide = await loadPyodide({ stdLibURL: stdLib, stdout: () => {}, stderr: (s) => console.error(s) });
// The wheels are imported from their zip files, exactly as the browser worker does.
// (A Node Buffer is not a plain Uint8Array: copy it into one.)
mountWheels(pyodide, await Promise.all(wheels.map(async (wheel) => (
  { file: path.basename(wheel), bytes: new Uint8Array(await readFile(wheel)) }))));
pyodide.globals.set("CALLS_JSON", await readFile(callsPath, "utf8"));
const out = pyodide.runPython(`
import json, sys
import assessments
from assessments.config import Config

spec = json.loads(CALLS_JSON)
config = Config.from_json(spec["config"]) if spec.get("config") else assessments.default_config()

def call(fn, arg):
    if fn == "assess":
        return assessments.assess(arg, config=config)
    if fn == "questions":
        return assessments.questions()
    if fn == "schema":
        return assessments.answer_schema()
    if fn == "screen_name":
        from assessments.screening import screen_name
        return screen_name(arg, config)
    raise ValueError(f"unknown fn {fn!r}")

results = []
for c in spec["calls"]:
    try:
        results.append({"ok": True, "value": call(c["fn"], c.get("arg"))})
    except assessments.AssessmentsError as exc:
        results.append({"ok": False, "error": str(exc)})
json.dumps({"python": sys.version, "results": results})
`);
process.stdout.write(out);
