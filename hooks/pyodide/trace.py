"""The part of the precompiled standard library the engine uses (run by hooks/precompile.mjs trace).

Runs inside Pyodide booted on the precompiled STDLIB.zip, with the engine wheels
mounted as the browser mounts them. Sends every operation of the engine's
dispatcher (assessments.browser.OPS), valid and invalid, so that every module
the engine imports (also lazily, on error paths) is seen; then keeps what was
imported from the standard library zip, plus a safety list of small modules as
source (compiled only if ever imported).
"""

from __future__ import annotations

import json
import sys
import zipfile
from typing import Any

# Kept as source whatever the trace saw: small modules that error paths and
# conversions may need. Larger optional modules (decimal, statistics, difflib,
# csv, uuid, zoneinfo, ...) are left out: the engine does not use them and the
# page's download budget is 6 MB.
SAFETY = {"traceback", "linecache", "tokenize", "token", "warnings", "textwrap", "string", "copy", "reprlib",
          "weakref", "keyword", "bisect", "heapq", "base64", "binascii", "struct", "codecs", "locale",
          "datetime", "random", "zlib", "gzip", "glob", "fnmatch", "tempfile"}
ENCODINGS = {"__init__", "aliases", "ascii", "latin_1", "utf_8", "utf_8_sig", "utf_16", "utf_16_le", "utf_16_be",
             "utf_32", "utf_32_le", "utf_32_be", "raw_unicode_escape", "unicode_escape", "charmap"}


def sample_payloads() -> dict[str, list[Any]]:
    """Payloads for each operation: a valid one and the invalid kinds that take other code paths."""
    import assessments  # noqa: PLC0415 - from the mounted wheel

    # What a real assessment sends: an answer to every question (every rule and screening condition is
    # evaluated, every name screened), built by the engine's own answer-type table.
    answers = assessments.example_answers()
    invalid_answers = [[1], {"unknown": "x"}]
    return {
        "assess": [answers, {}, *invalid_answers],
        "assess_complete": [answers, {}, *invalid_answers],
        "questions": [None],
        "schema": [None],
        "plan_markdown": [answers, {}, *invalid_answers],
        "check_import": [answers, {"partner_blocked": "YES", "activities": "x"}, [1],
                         {"partner_country": "RU", "partner_names": ["Lomonosov Moscow State University"]}],
        "screen": [{"name": "Московский государственный университет"}, {"name": "جامعة طهران"}, {"name": ""}],
        "record": [answers, {}, *invalid_answers],
        "compare": [{"answers": answers, "before": {"policy_version": "0", "lists": {}, "reasons": [], "matches": []}},
                    {"answers": answers, "before": {"lists": 1}}, None],
    }


def exercise_engine() -> int:
    """Send every kind of request through the dispatcher; return how many were sent."""
    import assessments  # noqa: PLC0415 - from the mounted wheel
    from assessments import browser  # noqa: PLC0415

    browser.init(json.dumps(assessments.default_config().to_json()))
    samples = sample_payloads()
    missing = sorted(set(browser.OPS) - set(samples))
    if missing:
        raise SystemExit(f"hooks/pyodide/trace.py: no sample requests for the operations {missing}: add them to "
                         "sample_payloads(), or the standard library shipped may miss what they import")
    requests = [{"op": op, "payload": payload} for op in browser.OPS for payload in samples[op]]
    requests.append({"op": "nonsense"})
    for request in requests:
        reply = json.loads(browser.handle(json.dumps(request)))
        # The first sample of each operation is the valid one: refused, it would trace an error path only.
        valid = request["op"] in samples and request["payload"] is samples[request["op"]][0]
        if valid and not reply["ok"]:
            raise SystemExit(f"hooks/pyodide/trace.py: the valid sample of {request['op']!r} was refused "
                             f"({reply['error']}): the trace would miss what a real request imports")
    browser.handle("{not json")
    browser.warm()
    return len(requests) + 1


def stored(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    """An entry written as it is (not deflated): the build compresses the whole zip in one piece
    (hooks/_runtime.py), which compresses better than file by file, and zipimport reads such an
    entry without inflating it."""
    entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    entry.compress_type = zipfile.ZIP_STORED
    entry.external_attr = info.external_attr
    return entry


def main(stdlib_path: str, source_path: str, out_path: str) -> str:
    """Write OUT.zip (entries stored): STDLIB.zip's modules the engine imported, and the safety list from
    SOURCE.zip."""
    sent = exercise_engine()
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
    kept = as_source = 0
    with zipfile.ZipFile(stdlib_path) as compiled, zipfile.ZipFile(source_path) as source, \
            zipfile.ZipFile(out_path, "w", compression=zipfile.ZIP_STORED) as dst:
        for info in compiled.infolist():
            name = info.filename
            if name in used or name in packages or not name.endswith(".pyc"):
                dst.writestr(stored(info), compiled.read(info))
                kept += 1
        have = {i.filename.removesuffix("c") for i in dst.infolist()}
        for info in source.infolist():
            name = info.filename
            parts = name.split("/")
            top = parts[0].removesuffix(".py")
            wanted = top in SAFETY or (top == "encodings" and parts[-1].removesuffix(".py") in ENCODINGS)
            if wanted and name.endswith(".py") and name not in have:
                dst.writestr(stored(info), source.read(info))
                as_source += 1
        total = len(compiled.infolist())
    return json.dumps({"requests": sent, "bytecode": kept, "source": as_source, "of": total})
