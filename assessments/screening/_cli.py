"""``python -m assessments screen``: one name, or a CSV of names for an office.

One name prints a table (or JSON with --json: an object whose ``candidates``
are best first). ``--file names.csv`` screens every name in the first column
(or the column named ``name``) and writes CSV or JSON (--format) to stdout.

Names are cleaned by the engine's one cleaner (``answer_types.tidy_text``)
before they are screened. CSV cells that a spreadsheet would read as a formula
(starting with = + - @ tab or carriage return) get a leading apostrophe, as
OWASP recommends; the table printed to a terminal shows control characters
as visible escapes instead of passing them through.
"""

from __future__ import annotations

import csv
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .._errors import AssessmentsError
from ..answer_types import tidy_text
from ..config import Config
from ..limits import (
    MAX_SCREEN_FILE_BYTES,
    MAX_SCREEN_FILE_ROWS,
    MAX_SCREEN_NAME_LENGTH,
    MAX_SCREEN_ROW_CHARS,
    THRESHOLD_RANGE,
)
from . import DISCLAIMER, screen_name, screen_person

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
CSV_FIELDS = ["query", "outcome", "result", "best_name", "matched_alias", "score", "match", "possible",
              "possible_reason", "matched_words", "part", "relation", "lists", "record_id", "todo", "warnings"]
# The three outcomes a person reads, from the engine's outcome values.
RESULT_WORDS = {"prohibited": "match", "high": "match", "stale_match": "match (out-of-date list)",
                "possible_match": "possible match", "related": "no match (a related entry is listed)",
                "formerly_listed": "no match (formerly listed)", "not_screened": "not screened", "none": "no match"}


def run_screen(args: Any, config: Config) -> int:
    threshold = config.threshold if args.threshold is None else args.threshold
    low, high = THRESHOLD_RANGE
    if not low <= threshold <= high:  # also refuses nan
        return _bad(f"--threshold {threshold}: must be between {low} and {high} (default {config.threshold})")
    person = getattr(args, "person", None)
    if person is not None:
        if args.name or args.file:
            return _bad("give --person NAME alone, without a NAME or --file")
        return _run_person(person, args, config)
    if args.name and args.file:
        return _bad("give either a NAME or --file, not both")
    if not args.name and not args.file:
        return _bad("nothing to screen: give a NAME (python -m assessments screen \"Example Institute\") "
                    "or --file names.csv")
    try:
        if args.file:
            with _NamesFile(args.file) as names:
                # Every row is checked before the first result is written; then each name is read again,
                # screened and written in turn, so memory does not grow with the file.
                names.check()
                results = (screen_name(n, config, threshold=threshold) for n in names.names())
                _write_many(results, "json" if args.json else args.format)  # --json also means JSON here
        else:
            name = _clean(args.name, "NAME")
            if not name:
                raise _InputError("NAME: empty once control characters and spaces are removed; give a name")
            result = screen_name(name, config, threshold=threshold)
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


def _run_person(person: str, args: Any, config: Config) -> int:
    """``--person NAME``: the individuals on the OFAC SDN list, at the stricter threshold for people
    (``--threshold`` overrides it)."""
    try:
        name = _clean(person, "--person")
        if not name:
            raise _InputError("--person: empty once control characters and spaces are removed; give a name")
        result = screen_person(name, config, threshold=args.threshold)
    except _InputError as exc:
        return _bad(str(exc))
    except AssessmentsError as exc:
        return _bad(str(exc))
    if args.json:
        json.dump(result, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    out = [f"Screening a person: {result['query']}  (normalised: {result['normalized']})",
           f"Outcome: {result['outcome']}   threshold: {result['threshold']}", f"{result['summary']}", ""]
    for c in result["candidates"]:
        line = f"{'POSSIBLE' if c['match'] else '        '} {c['score']:.2f}  {c['name']}"
        if c["matched_alias"] != c["name"]:
            line += f"  [matched: {c['matched_alias']}]"
        out.append(line)
        if c["match"]:
            out.append(f"          {c['verdict']}")
        for i in c["lists"]:
            out.append(f"          {i['label']}, as of {i['as_of']}{'  (STALE)' if i['stale'] else ''}")
    out += [f"Warning: {w}" for w in result["warnings"]]
    out.append(f"\n{result['disclaimer']}")
    for line in out:
        sys.stdout.write(_shown(line) + "\n")
    return 0


class _InputError(Exception):
    pass


def _bad(message: str) -> int:
    print(f"error: {_shown(message)}".encode("utf-8", "backslashreplace").decode("utf-8"), file=sys.stderr)
    return 2


class _NamesFile:
    """A CSV of names, read as a stream: refused by size, line length and row count while it is read.

    A file that cannot be read twice (a pipe) is copied to a temporary file as it is checked,
    within the same size limit.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.raw: Any = None
        self.spool: Any = None

    def __enter__(self) -> _NamesFile:
        try:
            self.raw = Path(self.path).open("rb")
            size = os.fstat(self.raw.fileno()).st_size if self.raw.seekable() else 0
        except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
            reason = getattr(exc, "strerror", None) or str(exc)
            raise _InputError(f"--file {self.path}: cannot read ({reason}); pass an existing CSV file") from None
        if size > MAX_SCREEN_FILE_BYTES:
            raise _InputError(f"--file {self.path}: {size:,} bytes, more than {MAX_SCREEN_FILE_BYTES:,}; "
                              f"split it into files of at most {MAX_SCREEN_FILE_ROWS:,} names")
        if not self.raw.seekable():
            self.spool = tempfile.TemporaryFile()
        return self

    def __exit__(self, *exc: object) -> None:
        for handle in (self.raw, self.spool):
            if handle is not None:
                handle.close()

    def _lines(self, source: Any, copy: Any = None) -> Iterator[str]:
        """Lines of text, each bounded, the whole bounded in bytes; a copy kept when asked."""
        seen = 0
        number = 0
        # Bytes: a UTF-8 character is at most 4 of them.
        while line := source.readline(4 * MAX_SCREEN_ROW_CHARS + 1):
            number += 1
            seen += len(line)
            if seen > MAX_SCREEN_FILE_BYTES:
                raise _InputError(f"--file {self.path}: more than {MAX_SCREEN_FILE_BYTES:,} bytes; split it "
                                  f"into files of at most {MAX_SCREEN_FILE_ROWS:,} names")
            if len(line) > 4 * MAX_SCREEN_ROW_CHARS:
                raise _InputError(f"--file {self.path} line {number}: longer than {MAX_SCREEN_ROW_CHARS:,} "
                                  "characters; put one name per row")
            try:
                text = line.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                raise _InputError(f"--file {self.path} line {number}: not UTF-8 text (invalid byte at offset "
                                  f"{exc.start} of the line); save the CSV as UTF-8") from None
            if len(text) > MAX_SCREEN_ROW_CHARS:
                raise _InputError(f"--file {self.path} line {number}: longer than {MAX_SCREEN_ROW_CHARS:,} "
                                  "characters; put one name per row")
            if copy is not None:
                copy.write(line)
            yield text

    def _rows(self, lines: Iterator[str]) -> Iterator[tuple[int, str]]:
        """(row number, cleaned name) for every non-blank row; errors name the row."""
        reader = csv.reader(lines)
        col = 0
        count = 0
        try:
            for n, row in enumerate(reader, start=1):
                if not any(c.strip() for c in row):
                    continue
                if count == 0 and col == 0 and "name" in (header := [c.strip().casefold() for c in row]):
                    col = header.index("name")
                    count = -1  # a header row: not a name
                    continue
                count = max(count, 0) + 1
                if count > MAX_SCREEN_FILE_ROWS:
                    raise _InputError(f"--file {self.path}: more than {MAX_SCREEN_FILE_ROWS:,} names; split it "
                                      f"into files of at most {MAX_SCREEN_FILE_ROWS:,}")
                value = _clean(row[col], f"--file {self.path} row {n}") if col < len(row) else ""
                if not value:
                    raise _InputError(f"--file {self.path} row {n}: empty name in column {col + 1}")
                yield n, value
        except csv.Error as exc:
            raise _InputError(f"--file {self.path}: not a valid CSV ({exc})") from None
        if count <= 0:  # an empty file, blank lines only, or a header only: the same answer
            raise _InputError(f"--file {self.path}: no names found; put one name per row (first column or a "
                              "'name' column)")

    def check(self) -> None:
        """Read the whole file once, keeping nothing but (for a pipe) its copy."""
        for _ in self._rows(self._lines(self.raw, self.spool)):
            pass

    def names(self) -> Iterator[str]:
        source = self.spool if self.spool is not None else self.raw
        source.seek(0)
        for _, name in self._rows(self._lines(source)):
            yield name


def _clean(name: str, where: str) -> str:
    """The engine's cleaner, the one place names are cleaned (NFC, no control characters, single spaces)."""
    try:
        return tidy_text(name, where, MAX_SCREEN_NAME_LENGTH)
    except AssessmentsError as exc:
        raise _InputError(f"{where}: {exc.reason} ({exc.fix})") from None


def _cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text, never runs as a formula (OWASP CSV injection)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _shown(value: Any) -> str:
    """Text for a terminal: control characters (escape sequences, bidi overrides) shown as \\xNN / \\uNNNN."""
    return _CONTROL.sub(lambda m: ascii(m.group(0))[1:-1], str(value))


def _write_many(results: Iterable[dict[str, Any]], fmt: str) -> None:
    if fmt == "json":
        # {"results": [...], "disclaimer": ...}, one result at a time.
        sys.stdout.write('{\n  "results": [')
        for i, result in enumerate(results):
            text = json.dumps(result, indent=2, ensure_ascii=False).replace("\n", "\n    ")
            sys.stdout.write(("," if i else "") + "\n    " + text)
        sys.stdout.write(f'\n  ],\n  "disclaimer": {json.dumps(DISCLAIMER, ensure_ascii=False)}\n}}\n')
        return
    writer = csv.DictWriter(sys.stdout, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for r in results:
        best = r["candidates"][0] if r["candidates"] else None
        writer.writerow({key: _cell(value) for key, value in {
            "query": r["query"],
            "outcome": r["outcome"],
            "result": RESULT_WORDS.get(r["outcome"], r["outcome"]),
            "best_name": best["name"] if best else "",
            "matched_alias": best["matched_alias"] if best else "",
            "score": best["score"] if best else "",
            "match": best["match"] if best else False,
            "possible": best["possible"] if best else False,
            "possible_reason": best["possible_reason"] if best else "",
            "matched_words": " ".join(best["matched_words"]) if best else "",
            "part": best["part"] if best else "",
            "relation": best["relation"] if best else "",
            "lists": "; ".join(f"{i['label']} (as of {i['as_of']})" for i in best["lists"]) if best else "",
            "record_id": best["record_id"] if best else "",
            "todo": r.get("todo", ""),
            "warnings": " | ".join(r["warnings"]),
        }.items()})


def _print_table(result: dict[str, Any]) -> None:
    def write(text: str) -> None:
        sys.stdout.write(_shown(text) + "\n")

    write(f"Screening: {result['query']}  (normalised: {result['normalized']})")
    write(f"Result: {RESULT_WORDS.get(result['outcome'], result['outcome'])}   (outcome {result['outcome']}, "
          f"threshold {result['threshold']})")
    write(f"{result['summary']}\n")
    if not result["candidates"] and result["screened"]:
        write("No candidates on the enabled lists.")
    for c in result["candidates"]:
        flag = "MATCH   " if c["match"] else "POSSIBLE" if c.get("possible") else (
            "related " if c["relation"] == "related" and c["lists"] else "former  " if not c["lists"] else "        ")
        line = f"{flag} {c['score']:.2f}  {c['name']}"
        if c["matched_alias"] != c["name"]:
            line += f"  [matched: {c['matched_alias']}]"
        write(line)
        if c.get("possible"):
            write(f"          why: {c['possible_reason']}")
            if c["matched_words"]:
                write(f"          words that matched: {', '.join(c['matched_words'])}")
            if c["part"]:
                write(f"          part of what you typed: {c['part']}")
            write("          check this with the research security office")
        elif c.get("difference"):
            write(f"          {c['difference']}")
        for i in c["lists"]:
            stale = "  (STALE)" if i["stale"] else ""
            write(f"          {i['label']}, as of {i['as_of']}{stale}")
        for f in c["former"]:
            write(f"          formerly listed: {f['text']}")
        if c["note"]:
            write(f"          note: {c['note']}")
    if result.get("todo"):
        write(f"\nTo do: {result['todo']}")
    for w in result["warnings"]:
        write(f"\nWarning: {w}")
    write(f"\n{result['disclaimer']}")
