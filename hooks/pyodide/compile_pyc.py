"""Compile Python source to bytecode inside Pyodide itself (run by hooks/precompile.mjs).

``main("stdlib", SOURCE.zip, OUT.zip)``: Pyodide's standard library as .pyc,
without the modules a worker running the engine never uses.
``main("modules", SOURCE.zip, OUT.zip)``: a .pyc for each .py of SOURCE.zip, at
the same path; the build ships it in place of the source (zipimport reads
``module.pyc`` as it is: the site imports its wheels straight from the zip).

The .pyc files are "unchecked hash" pycs made by the very Python build the
browser runs (so the magic number matches): Python uses them without comparing
them with a source file or its timestamp.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import zipfile
from importlib._bootstrap_external import _code_to_hash_pyc  # type: ignore[attr-defined]

# Left out of the standard library: modules that a worker running the engine can
# never use (debuggers, test frameworks, GUI toolkits, mail and FTP clients, ...).
# The Pyodide test tier runs the engine on this very zip, so a wrong omission fails.
EXCLUDED = {
    "__phello__", "_pyrepl", "cProfile", "curses", "dbm", "doctest", "ensurepip", "ftplib", "idlelib",
    "imaplib", "lib2to3", "mailbox", "multiprocessing", "nntplib", "pdb", "pickletools", "poplib",
    "profile", "pstats", "pydoc", "pydoc_data", "smtplib", "sqlite3", "tabnanny", "timeit", "tkinter",
    "trace", "turtle", "turtledemo", "unittest", "venv", "webbrowser", "wsgiref", "xmlrpc", "zipapp",
}

# The standard library and the engine's wheels are compiled as by "python -OO": no
# docstrings, no asserts (CPython's own test suite runs that way), a fifth less to
# download. The engine reads no docstring and asserts nothing outside its command
# line, which the browser wheel leaves out (hooks/_engine_wheels.py); the Pyodide
# test tier runs it so compiled. Pyodide's own packages (pyodide, _pyodide) too: it
# starts and runs the engine without them (_pyodide.docstring takes a missing one
# as empty); the Pyodide test tier runs on this build.
OPTIMIZE = 2
MODES = ("stdlib", "modules")

# Compiled without the column offsets of every instruction ("python -X no_debug_ranges",
# set by hooks/precompile.mjs through PYTHONNODEBUGRANGES): line numbers stay in tracebacks, the
# ^^^ markers under the failing part of a line go. The offsets barely compress: leaving them
# out takes about a third off the compressed standard library and bytecode.
NO_DEBUG_RANGES_FIX = "start Pyodide with PYTHONNODEBUGRANGES=1 (hooks/precompile.mjs does)"


def has_debug_ranges() -> bool:
    """True when this interpreter's compiler records column offsets (the flag is not in effect)."""
    code = compile("x.y", "<probe>", "eval", dont_inherit=True)
    return any(start is not None for _, _, start, _ in code.co_positions())


def pyc(name: str, source: bytes) -> bytes:
    code = compile(source, name, "exec", dont_inherit=True, optimize=OPTIMIZE)
    return _code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False)


def entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def main(mode: str, source_path: str, out_path: str) -> str:
    """Write OUT.zip; return a JSON summary (modules compiled, kept as source, Python version)."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    if has_debug_ranges():
        raise RuntimeError(f"the compiler records column offsets, which the site leaves out: {NO_DEBUG_RANGES_FIX}")
    compiled = kept = 0
    with zipfile.ZipFile(source_path) as src, \
            zipfile.ZipFile(out_path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
        for info in sorted(src.infolist(), key=lambda i: i.filename):
            name = info.filename
            if mode == "stdlib" and name.split("/")[0].removesuffix(".py") in EXCLUDED:
                continue
            body = src.read(info)
            if not name.endswith(".py"):
                if mode == "stdlib":
                    dst.writestr(entry(name), body)
                continue
            try:
                data = pyc(name, body)
            except SyntaxError:
                kept += 1  # test fixtures with deliberate syntax errors stay as source
                if mode == "stdlib":
                    dst.writestr(entry(name), body)
                continue
            compiled += 1
            # stdlib: a sourceless module in the zip; modules: zipimport prefers it to the .py beside it.
            dst.writestr(entry(name + "c"), data)
    return json.dumps({"compiled": compiled, "kept": kept, "python": sys.version.split()[0]})
