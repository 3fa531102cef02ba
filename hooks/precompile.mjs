// Build steps that must run inside Pyodide itself, at build time (run by hooks/assets.py).
//
//   node hooks/precompile.mjs stdlib OUT.zip       Pyodide's standard library as .pyc
//   node hooks/precompile.mjs modules IN.zip OUT.zip   a .pyc beside each of IN's .py files
//        (the layout zipimport reads: the site imports its wheels straight from the zip)
//        Both: hooks/pyodide/compile_pyc.py.
//   node hooks/precompile.mjs trace STDLIB.zip OUT.zip WHEEL...
//        the part of STDLIB.zip that the engine uses: boots Pyodide on STDLIB.zip,
//        mounts the wheels, sends every operation of the engine's dispatcher, and
//        keeps the modules that were imported (hooks/pyodide/trace.py).
//
// Stock Pyodide compiles every module it imports from source at every start in
// the browser. Bytecode made by the very same Python build (so the magic number
// matches) removes that work.
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { fromPyodide, pyodidePath, runMain, startPyodide, toPyodide } from "./pyodide/runtime.mjs";

const [mode, ...args] = process.argv.slice(2);
const usage = "usage: node hooks/precompile.mjs stdlib OUT.zip | modules IN.zip OUT.zip | trace STDLIB.zip OUT.zip WHEEL...";
if (!(mode === "stdlib" && args.length === 1) && !(mode === "modules" && args.length === 2)
    && !(mode === "trace" && args.length >= 3)) {
  console.error(usage);
  process.exit(2);
}
const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const sourceStdlib = path.join(path.dirname(require.resolve("pyodide/package.json")), "python_stdlib.zip");

if (mode === "trace") {
  const [stdlib, out, ...wheels] = args;
  // Loaded exactly as the browser worker loads them, so the same modules are imported.
  const pyodide = await startPyodide({ stdLibURL: stdlib, wheels });
  const inside = pyodidePath(pyodide, "out.zip");
  const summary = runMain(pyodide, path.join(here, "pyodide", "trace.py"),
    await toPyodide(pyodide, stdlib, "stdlib.zip"), await toPyodide(pyodide, sourceStdlib, "source.zip"), inside);
  console.error(await summary);
  const bytes = await fromPyodide(pyodide, inside, out);
  console.log(JSON.stringify({ mode, out, bytes }));
} else {
  const input = mode === "stdlib" ? sourceStdlib : args[0];
  const out = args[args.length - 1];
  // Compiled as by "python -X no_debug_ranges": bytecode without the column offsets of every
  // instruction (line numbers stay), a third less to download (hooks/pyodide/compile_pyc.py).
  const pyodide = await startPyodide({ env: { PYTHONNODEBUGRANGES: "1" } });
  const inside = pyodidePath(pyodide, "out.zip");
  const summary = JSON.parse(await runMain(pyodide, path.join(here, "pyodide", "compile_pyc.py"),
    mode, await toPyodide(pyodide, input, "in.zip"), inside));
  const bytes = await fromPyodide(pyodide, inside, out);
  console.log(JSON.stringify({ mode, out, compiled: summary.compiled, kept: summary.kept, python: summary.python, bytes }));
}
process.exit(0);
