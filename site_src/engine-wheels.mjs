// Make the engine wheels importable in a running Pyodide, without unpacking them.
//
// A pure-Python wheel is a zip file, and Python imports from a zip on sys.path
// (zipimport). The site's wheels carry each module's bytecode next to its source
// (`module.pyc` beside `module.py`, unchecked-hash pycs made by hooks/precompile.mjs
// with Pyodide's own Python), which zipimport uses as is; package data is read
// through importlib.resources, which works inside zips. Writing two files and
// putting them on sys.path replaces unpacking some 700 files at every start.
//
// Shared by the browser worker (engine-worker.mjs) and the Node tools that must
// load the engine exactly as the browser does (through hooks/pyodide/runtime.mjs:
// hooks/precompile.mjs trace, tests/pyodide/run.mjs, benchmarks). No browser or Node API is used here.

export const WHEEL_DIR = "/lib/engine-wheels";

/**
 * @param {object} pyodide a loaded Pyodide instance
 * @param {{file: string, bytes: Uint8Array}[]} wheels in sys.path order
 * @returns {string[]} the paths put at the front of sys.path
 */
export function mountWheels(pyodide, wheels) {
  pyodide.FS.mkdirTree(WHEEL_DIR);
  const paths = wheels.map(({ file, bytes }) => {
    if (!/^[\w.+-]+\.whl$/.test(file)) throw new Error(`not a wheel file name: ${file}`);
    const path = `${WHEEL_DIR}/${file}`;
    pyodide.FS.writeFile(path, bytes);
    return path;
  });
  const sysPath = pyodide.pyimport("sys").path;
  try {
    for (const path of [...paths].reverse()) sysPath.insert(0, path);
  } finally {
    sysPath.destroy();
  }
  return paths;
}
