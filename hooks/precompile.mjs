// Compile Python source to bytecode inside Pyodide itself, at build time.
//
//   node hooks/precompile.mjs stdlib OUT.zip       Pyodide's standard library as .pyc
//   node hooks/precompile.mjs modules IN.zip OUT.zip   __pycache__ entries for IN's .py files
//
// Stock Pyodide compiles every module it imports from source at every start in
// the browser. Bytecode made by the very same Python build (so the magic number
// matches) removes that work. The .pyc files are "unchecked hash" pycs: Python
// uses them without comparing them with a source file or its timestamp.
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { loadPyodide } from "pyodide";

const [mode, ...args] = process.argv.slice(2);
const usage = "usage: node hooks/precompile.mjs stdlib OUT.zip | modules IN.zip OUT.zip";
if (!(mode === "stdlib" && args.length === 1) && !(mode === "modules" && args.length === 2)) {
  console.error(usage);
  process.exit(2);
}
const require = createRequire(import.meta.url);
const pyodideDir = path.dirname(require.resolve("pyodide/package.json"));
const input = mode === "stdlib" ? path.join(pyodideDir, "python_stdlib.zip") : args[0];
const out = args[args.length - 1];
const pyodide = await loadPyodide({ stdout: () => {}, stderr: (s) => console.error(s) });
pyodide.globals.set("SOURCE_ZIP", new Uint8Array(await readFile(input)));
pyodide.globals.set("MODE", mode);
const result = pyodide.runPython(`
import importlib.util
import io
import sys
import zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

# Left out of the standard library: modules that a worker running the engine can
# never use (debuggers, test frameworks, GUI toolkits, mail and FTP clients, ...).
# The Pyodide test tier runs the engine on this very zip, so a wrong omission fails.
EXCLUDED = {
    "__phello__", "_pyrepl", "cProfile", "curses", "dbm", "doctest", "ensurepip", "ftplib", "idlelib",
    "imaplib", "lib2to3", "mailbox", "multiprocessing", "nntplib", "pdb", "pickletools", "poplib",
    "profile", "pstats", "pydoc", "pydoc_data", "smtplib", "sqlite3", "tabnanny", "timeit", "tkinter",
    "trace", "turtle", "turtledemo", "unittest", "venv", "webbrowser", "wsgiref", "xmlrpc", "zipapp",
}
TAG = sys.implementation.cache_tag

def pyc(name, source):
    code = compile(source, name, "exec", dont_inherit=True)
    return _code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False)

def entry(name):
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info

src = zipfile.ZipFile(io.BytesIO(SOURCE_ZIP.to_py()))
buf = io.BytesIO()
compiled = kept = 0
with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
    for info in sorted(src.infolist(), key=lambda i: i.filename):
        name = info.filename
        if MODE == "stdlib" and name.split("/")[0].removesuffix(".py") in EXCLUDED:
            continue
        body = src.read(info)
        if not name.endswith(".py"):
            if MODE == "stdlib":
                dst.writestr(entry(name), body)
            continue
        try:
            data = pyc(name, body)
        except SyntaxError:
            kept += 1  # test fixtures with deliberate syntax errors stay as source
            if MODE == "stdlib":
                dst.writestr(entry(name), body)
            continue
        compiled += 1
        if MODE == "stdlib":
            dst.writestr(entry(name + "c"), data)  # sourceless module in the zip
        else:
            folder, _, base = name.rpartition("/")
            target = f"{folder}/__pycache__/{base[:-3]}.{TAG}.pyc" if folder else f"__pycache__/{base[:-3]}.{TAG}.pyc"
            dst.writestr(entry(target), data)
(buf.getvalue(), compiled, kept, sys.version.split()[0])
`).toJs();
const [bytes, compiled, kept, version] = result;
await writeFile(out, bytes);
console.log(JSON.stringify({ mode, out, compiled, kept, python: version, bytes: bytes.length }));
