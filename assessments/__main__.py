"""Command line: python -m assessments {questions,schema,assess,screen,sources}.

Exit status: 0 on success, 2 on invalid input (the message on stderr names the
field and the reason), 1 on an internal policy or configuration error.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import sys
from pathlib import Path
from typing import Any

from . import (
    AnswerError,
    AssessmentsError,
    answer_schema,
    assess,
    default_config,
    load_config,
    load_policy,
    questions,
    sources_report,
)
from .answers_file import read_answers_bytes
from .limits import MAX_ANSWERS_FILE_BYTES


def _say(message: str) -> None:
    """A message on stderr that no input can garble: control characters and lone surrogates as escapes."""
    shown = "".join(ch if ch.isprintable() or ch == "\n" else ascii(ch)[1:-1] for ch in message)
    print(shown.encode("utf-8", "backslashreplace").decode("utf-8"), file=sys.stderr)


def _dump(obj: Any) -> None:
    json.dump(obj, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def _read_answers(path: str) -> Any:
    """The same strict reader for a file and for stdin: bytes, UTF-8 only (assessments.answers_file)."""
    source = "stdin" if path == "-" else path
    try:
        if path == "-":
            data = sys.stdin.buffer.read(MAX_ANSWERS_FILE_BYTES + 1)
        else:
            with Path(path).open("rb") as handle:
                data = handle.read(MAX_ANSWERS_FILE_BYTES + 1)
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        reason = getattr(exc, "strerror", None) or str(exc)
        raise AnswerError(path, "", f"cannot read ({reason})", "pass an existing file or - for stdin") from None
    return read_answers_bytes(data, source)


def _sources(args: argparse.Namespace) -> int:
    if args.due:
        try:
            on = _dt.date.fromisoformat(args.due)
        except ValueError:
            raise AnswerError("--due", "", f"{args.due!r} is not a date", "write --due YYYY-MM-DD") from None
    else:
        on = _dt.date.today()
    rows = sources_report(load_policy(), Path(args.docs), on)
    if args.due:
        rows = sorted((r for r in rows if r["due"]), key=lambda r: (r["verified"] != "unverified", r["next_review"]))
    if args.json:
        _dump(rows)
        return 0
    for r in rows:
        status = "never verified" if r["verified"] == "unverified" else f"review by {r['next_review']}"
        print(f"{r['id']}  [{r['kind']}; checked {r['checked']}, {r['verified']}; {status}]")
        print(f"    {r['title']}")
        if r["url"]:
            print(f"    {r['url']}")
        if args.due:
            print(f"    how checked: {r['how']}")
        used = [*r["used_by"], *(f"page:{p}" for p in r["pages"]), *(f"change:{c}" for c in r["changes"])]
        print(f"    used by: {', '.join(used) if used else '(nothing)'}")
    if args.due:
        print(f"{len(rows)} source(s) due on {on.isoformat()}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m assessments", description=__doc__.splitlines()[0])
    parser.add_argument("--config", help="institution configuration TOML (default: the built-in example)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("questions", help="print the question set as JSON")
    sub.add_parser("schema", help="print the JSON Schema of an answers object")
    p_assess = sub.add_parser("assess", help="assess an answers JSON file (- for stdin)")
    p_assess.add_argument("file")
    p_assess.add_argument("--no-screening", action="store_true", help="skip partner-name screening")
    p_screen = sub.add_parser("screen", help="screen names against restricted-party lists")
    p_screen.add_argument("name", nargs="?", help="a name to screen")
    p_screen.add_argument("--file", help="CSV of names (first column, or a column named 'name')")
    p_screen.add_argument("--person", metavar="NAME",
                          help="screen a person's name against the individuals on the OFAC SDN list "
                               "(needs [screening] screen_people = true in the configuration)")
    p_screen.add_argument("--threshold", type=float, help="match threshold in [0.5, 1] (default from config)")
    p_screen.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p_screen.add_argument("--format", choices=["csv", "json"], default="csv", help="output format with --file")
    p_sources = sub.add_parser("sources", help="list every source of the registry with where it is used")
    p_sources.add_argument("--due", metavar="DATE",
                           help="only the sources never verified or past their review interval on DATE (YYYY-MM-DD)")
    p_sources.add_argument("--docs", default="docs", help="the guide's pages, to show which cite each source "
                                                           "(default: ./docs when it exists)")
    p_sources.add_argument("--json", action="store_true", help="print JSON instead of text")
    args = parser.parse_args(argv)

    try:
        config = load_config(args.config) if args.config else default_config()
        for warning in config.warnings:
            _say(f"warning: {config.source}: {warning}")
        if args.command == "questions":
            _dump(questions())
        elif args.command == "schema":
            _dump(answer_schema())
        elif args.command == "assess":
            _dump(assess(_read_answers(args.file), config=config, screening=not args.no_screening))
        elif args.command == "sources":
            return _sources(args)
        elif args.command == "screen":
            from .screening._cli import run_screen  # noqa: PLC0415 - the lists load only when asked for

            return run_screen(args, config)
    except AnswerError as exc:
        _say(f"error: {exc}")
        return 2
    except AssessmentsError as exc:
        _say(f"error: {exc}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
