// Compile Python source to bytecode inside Pyodide itself, at build time.
//
//   node hooks/precompile.mjs stdlib OUT.zip       Pyodide's standard library as .pyc
//   node hooks/precompile.mjs modules IN.zip OUT.zip   a .pyc beside each of IN's .py files
//        (the layout zipimport reads: the site imports its wheels straight from the zip)
//   node hooks/precompile.mjs trace STDLIB.zip OUT.zip WHEEL...
//        the part of STDLIB.zip that the engine uses: boots Pyodide on STDLIB.zip,
//        installs the wheels, runs every kind of engine request, and keeps the
//        modules that were imported as bytecode, plus a safety list of small
//        modules as source (compiled only if ever imported).
//
// Stock Pyodide compiles every module it imports from source at every start in
// the browser. Bytecode made by the very same Python build (so the magic number
// matches) removes that work. The .pyc files are "unchecked hash" pycs: Python
// uses them without comparing them with a source file or its timestamp.
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { loadPyodide } from "pyodide";
import { mountWheels } from "../site_src/engine-wheels.mjs";

const [mode, ...args] = process.argv.slice(2);
const usage = "usage: node hooks/precompile.mjs stdlib OUT.zip | modules IN.zip OUT.zip | trace STDLIB.zip OUT.zip WHEEL...";
if (!(mode === "stdlib" && args.length === 1) && !(mode === "modules" && args.length === 2)
    && !(mode === "trace" && args.length >= 3)) {
  console.error(usage);
  process.exit(2);
}
const require = createRequire(import.meta.url);
const pyodideDir = path.dirname(require.resolve("pyodide/package.json"));
if (mode === "trace") {
  await trace(args[0], args[1], args.slice(2));
  process.exit(0);
}
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

# The standard library is compiled as by "python -OO": no docstrings, no asserts
# (CPython's own test suite runs that way), a fifth less to download. Pyodide's
# own packages keep theirs: they build their JavaScript API docs from docstrings.
KEEP_DOCSTRINGS = {"pyodide", "_pyodide"}

def pyc(name, source):
    top = name.split("/")[0].removesuffix(".py")
    optimize = 2 if MODE == "stdlib" and top not in KEEP_DOCSTRINGS else 0
    code = compile(source, name, "exec", dont_inherit=True, optimize=optimize)
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
            dst.writestr(entry(name + "c"), data)  # zipimport prefers it to the .py beside it
(buf.getvalue(), compiled, kept, sys.version.split()[0])
`).toJs();
const [bytes, compiled, kept, version] = result;
await writeFile(out, bytes);
console.log(JSON.stringify({ mode, out, compiled, kept, python: version, bytes: bytes.length }));

async function trace(stdlibPath, outPath, wheels) {
  const py = await loadPyodide({ stdLibURL: stdlibPath, stdout: () => {}, stderr: (s) => console.error(s) });
  // Loaded exactly as the browser worker loads them, so the same modules are imported.
  mountWheels(py, await Promise.all(wheels.map(async (wheel) => (
    { file: path.basename(wheel), bytes: new Uint8Array(await readFile(wheel)) }))));
  py.globals.set("STDLIB_ZIP", new Uint8Array(await readFile(stdlibPath)));
  py.globals.set("SOURCE_ZIP", new Uint8Array(await readFile(path.join(pyodideDir, "python_stdlib.zip"))));
  const bytes = py.runPython(`
import io, json, sys, zipfile
import assessments
import assessments._browser as browser

# Every kind of request the page makes, valid and invalid, so that every
# module the engine imports (also lazily, on error paths) is seen.
config = assessments.default_config()
browser.init(json.dumps(config.to_json()))
answers = {}
for q in assessments.questions():
    t = q["type"]
    if t in ("yes_no_unsure", "yes_no"):
        answers[q["id"]] = "yes"
    elif t == "choice":
        answers[q["id"]] = q["options"][-1]["value"]
    elif t == "multi":
        answers[q["id"]] = [o["value"] for o in q["options"]]
    elif t == "country":
        answers[q["id"]] = "RU"
    elif t == "countries":
        answers[q["id"]] = ["CN", "IR"]
    elif t == "names":
        answers[q["id"]] = ["Skolkovo Institute of Science and Technology", "国防科技大学", "Tsinghua University"]
    else:
        answers[q["id"]] = "text"
requests = [
    {"op": "assess", "payload": answers},
    {"op": "assess", "payload": {}},
    {"op": "assess", "payload": [1]},
    {"op": "assess", "payload": {"unknown": "x"}},
    {"op": "questions"},
    {"op": "screen", "payload": {"name": "Московский государственный университет"}},
    {"op": "screen", "payload": {"name": "جامعة طهران"}},
    {"op": "nonsense"},
]
for r in requests:
    browser.handle(json.dumps(r))
browser.handle("{not json")
if hasattr(browser, "warm"):
    browser.warm()

# Keep what was imported from the standard library zip: whole packages, and a
# safety list of small modules that error paths and conversions may need
# (kept as source: compiled only if ever imported). Larger optional modules
# (decimal, statistics, difflib, csv, uuid, zoneinfo, ...) are left out: the
# engine does not use them and the page's download budget is 6 MB.
SAFETY = {"traceback", "linecache", "tokenize", "token", "warnings", "textwrap", "string", "copy", "reprlib",
          "weakref", "keyword", "bisect", "heapq", "base64", "binascii", "struct", "codecs", "locale",
          "datetime", "random", "zlib", "gzip", "glob", "fnmatch", "tempfile"}
ENCODINGS = {"__init__", "aliases", "ascii", "latin_1", "utf_8", "utf_8_sig", "utf_16", "utf_16_le", "utf_16_be",
             "utf_32", "utf_32_le", "utf_32_be", "raw_unicode_escape", "unicode_escape", "charmap"}
zip_prefix = next(p for p in sys.path if p.endswith(".zip")) + "/"
used = set()
for module in list(sys.modules.values()):
    f = getattr(module, "__file__", None) or ""
    if f.startswith(zip_prefix):
        used.add(f[len(zip_prefix):])
# Packages whose modules were imported keep their __init__ files.
packages = set()
for name in used:
    parts = name.split("/")
    for i in range(1, len(parts)):
        packages.add("/".join(parts[:i]) + "/__init__.pyc")
compiled = zipfile.ZipFile(io.BytesIO(STDLIB_ZIP.to_py()))
source = zipfile.ZipFile(io.BytesIO(SOURCE_ZIP.to_py()))
out = io.BytesIO()
kept = as_source = 0
with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
    for info in compiled.infolist():
        name = info.filename
        if name in used or name in packages or not name.endswith(".pyc"):
            dst.writestr(info, compiled.read(info))
            kept += 1
    have = {i.filename.removesuffix("c") for i in dst.infolist()}
    for info in source.infolist():
        name = info.filename
        parts = name.split("/")
        top = parts[0].removesuffix(".py")
        wanted = top in SAFETY or (top == "encodings" and parts[-1].removesuffix(".py") in ENCODINGS)
        if wanted and name.endswith(".py") and name not in have:
            dst.writestr(info, source.read(info))
            as_source += 1
print(json.dumps({"bytecode": kept, "source": as_source, "of": len(compiled.infolist())}), file=sys.stderr)
out.getvalue()
`).toJs();
  await writeFile(outPath, bytes);
  console.log(JSON.stringify({ mode: "trace", out: outPath, bytes: bytes.length }));
}
