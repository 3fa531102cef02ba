"""``python -m assessments screen``: one name, or a CSV of names for an office.

One name prints a table (or JSON with --json: an object whose ``candidates``
are best first). ``--file names.csv`` screens every name in the first column
(or the column named ``name``) and writes CSV or JSON (--format) to stdout.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

from .._errors import AssessmentsError
from ..config import Config
from ..limits import THRESHOLD_RANGE
from . import DISCLAIMER, screen_name

MAX_FILE_NAMES = 100_000
CSV_FIELDS = ["query", "outcome", "best_name", "matched_alias", "score", "match", "relation", "lists",
              "record_id", "warnings"]


def run_screen(args: Any, config: Config) -> int:
    threshold = config.threshold if args.threshold is None else args.threshold
    low, high = THRESHOLD_RANGE
    if not low <= threshold <= high:
        return _bad(f"--threshold {threshold}: must be between {low} and {high} (default {config.threshold})")
    if args.name and args.file:
        return _bad("give either a NAME or --file, not both")
    if not args.name and not args.file:
        return _bad("nothing to screen: give a NAME (python -m assessments screen \"Example Institute\") "
                    "or --file names.csv")
    try:
        if args.file:
            names = _read_names(args.file)
            results = [screen_name(n, config, threshold=threshold) for n in names]
            _write_many(results, "json" if args.json else args.format)  # --json also means JSON here
        else:
            result = screen_name(args.name, config, threshold=threshold)
            if args.json:
                json.dump(result, sys.stdout, indent=2, ensure_ascii=False)
                sys.stdout.write("\n")
            else:
                _print_table(result)
    except _InputError as exc:
        return _bad(str(exc))
    except AssessmentsError as exc:
        return _bad(str(exc))
    return 0


class _InputError(Exception):
    pass


def _bad(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


def _read_names(path: str) -> list[str]:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise _InputError(f"--file {path}: cannot read ({exc.strerror}); pass an existing CSV file") from None
    except UnicodeDecodeError:
        raise _InputError(f"--file {path}: not UTF-8 text; save the CSV as UTF-8") from None
    try:
        rows = [r for r in csv.reader(io.StringIO(text)) if any(c.strip() for c in r)]
    except csv.Error as exc:
        raise _InputError(f"--file {path}: not a valid CSV ({exc})") from None
    if not rows:
        raise _InputError(f"--file {path}: no names found; put one name per row (first column or a 'name' column)")
    header = [c.strip().casefold() for c in rows[0]]
    col = header.index("name") if "name" in header else 0
    if "name" in header:
        rows = rows[1:]
    names = []
    for n, row in enumerate(rows, start=2 if "name" in header else 1):
        value = row[col].strip() if col < len(row) else ""
        if not value:
            raise _InputError(f"--file {path} row {n}: empty name in column {col + 1}")
        names.append(value)
    if len(names) > MAX_FILE_NAMES:
        raise _InputError(f"--file {path}: {len(names)} names; split it into files of at most {MAX_FILE_NAMES}")
    return names


def _write_many(results: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "json":
        json.dump({"results": results, "disclaimer": DISCLAIMER}, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return
    writer = csv.DictWriter(sys.stdout, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for r in results:
        best = r["candidates"][0] if r["candidates"] else None
        writer.writerow({
            "query": r["query"],
            "outcome": r["outcome"],
            "best_name": best["name"] if best else "",
            "matched_alias": best["matched_alias"] if best else "",
            "score": best["score"] if best else "",
            "match": best["match"] if best else False,
            "relation": best["relation"] if best else "",
            "lists": "; ".join(f"{i['label']} (as of {i['as_of']})" for i in best["lists"]) if best else "",
            "record_id": best["record_id"] if best else "",
            "warnings": " | ".join(r["warnings"]),
        })


def _print_table(result: dict[str, Any]) -> None:
    out = sys.stdout
    out.write(f"Screening: {result['query']}  (normalised: {result['normalized']})\n")
    out.write(f"Outcome: {result['outcome']}   threshold: {result['threshold']}\n")
    out.write(f"{result['summary']}\n\n")
    if not result["candidates"] and result["screened"]:
        out.write("No candidates on the enabled lists.\n")
    for c in result["candidates"]:
        flag = "MATCH  " if c["match"] else ("related" if c["relation"] == "related" and c["lists"] else
                                             "former " if not c["lists"] else "       ")
        out.write(f"{flag} {c['score']:.2f}  {c['name']}")
        if c["matched_alias"] != c["name"]:
            out.write(f"  [matched: {c['matched_alias']}]")
        out.write("\n")
        for i in c["lists"]:
            stale = "  (STALE)" if i["stale"] else ""
            out.write(f"          {i['label']}, as of {i['as_of']}{stale}\n")
        for f in c["former"]:
            out.write(f"          formerly listed: {f['text']}\n")
        if c["note"]:
            out.write(f"          note: {c['note']}\n")
    for w in result["warnings"]:
        out.write(f"\nWarning: {w}\n")
    out.write(f"\n{result['disclaimer']}\n")
