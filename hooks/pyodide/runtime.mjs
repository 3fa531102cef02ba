// Start Pyodide in Node and run this repository's Python files in it: the build
// steps (hooks/precompile.mjs), the Pyodide test tier (tests/pyodide/run.mjs) and
// the benchmarks. The Python lives in .py files (linted like the rest); these
// helpers load it, and move files between the host and Pyodide's file system.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { loadPyodide } from "pyodide";
import { mountWheels } from "../../site_src/engine-wheels.mjs";

const IO_DIR = "/tmp/host-io";

/**
 * A Pyodide with the given wheels importable exactly as the browser worker mounts them.
 * @param {{stdLibURL?: string, wheels?: string[], env?: Record<string, string>}} options host paths, and
 *   environment variables for Python's start (e.g. PYTHONNODEBUGRANGES for the build's compiler)
 */
export async function startPyodide({ stdLibURL, wheels = [], env } = {}) {
  const options = { stdout: () => {}, stderr: (s) => console.error(s) };
  if (stdLibURL) options.stdLibURL = stdLibURL;
  if (env) options.env = env;
  const pyodide = await loadPyodide(options);
  // (A Node Buffer is not a plain Uint8Array: copy it into one.)
  mountWheels(pyodide, await Promise.all(wheels.map(async (wheel) => (
    { file: path.basename(wheel), bytes: new Uint8Array(await readFile(wheel)) }))));
  return pyodide;
}

/** Copy a host file into Pyodide's file system; returns its path there. */
export async function toPyodide(pyodide, hostPath, name = path.basename(hostPath)) {
  pyodide.FS.mkdirTree(IO_DIR);
  const inside = `${IO_DIR}/${name}`;
  pyodide.FS.writeFile(inside, new Uint8Array(await readFile(hostPath)));
  return inside;
}

/** A path in Pyodide's file system for an output file. */
export function pyodidePath(pyodide, name) {
  pyodide.FS.mkdirTree(IO_DIR);
  return `${IO_DIR}/${name}`;
}

/** Copy a file out of Pyodide's file system to the host; returns its size. */
export async function fromPyodide(pyodide, inside, hostPath) {
  const bytes = pyodide.FS.readFile(inside);
  await writeFile(hostPath, bytes);
  return bytes.length;
}

/**
 * Run a Python file in its own namespace and call its `main(*args)`; returns what main returns
 * (a string: the files return JSON text, so that nothing needs converting).
 */
export async function runMain(pyodide, file, ...args) {
  const source = await readFile(file, "utf8");
  const namespace = pyodide.globals.get("dict")();
  try {
    namespace.set("__name__", path.basename(file, ".py"));
    pyodide.runPython(source, { globals: namespace, filename: file });
    const main = namespace.get("main");
    try {
      return main(...args);
    } finally {
      main.destroy();
    }
  } finally {
    namespace.destroy();
  }
}
